"""Site-level views: the learner and manager dashboards and the error pages."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from certificates import selectors as certificate_selectors
from courses import selectors as course_selectors
from people.permissions import user_is_manager


def _coming_soon(request, *, title, lead):
    return render(
        request, "training_site/coming_soon.html", {"title": title, "lead": lead}
    )


@login_required
def my_learning(request):
    context = course_selectors.my_learning(user=request.user)
    # Each completed course links to its certificate (one more query).
    certificates = certificate_selectors.current_certificates_by_course(
        user=request.user, course_ids=[item[0].pk for item in context["completed"]]
    )
    context["completed"] = [
        (*item, certificates.get(item[0].pk)) for item in context["completed"]
    ]
    return render(request, "training_site/my_learning.html", context)


@login_required
def my_certificates(request):
    certificates = certificate_selectors.certificates_for_holder(user=request.user)
    return render(
        request, "certificates/my_certificates.html", {"certificates": certificates}
    )


@login_required
def my_team(request):
    if not user_is_manager(request.user):
        raise PermissionDenied
    return _coming_soon(
        request,
        title=_("My team"),
        lead=_("Training, overdue work and skills for the people you manage."),
    )


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)
