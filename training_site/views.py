"""Site-level views: the learner and manager dashboards and the error pages."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from courses import selectors as course_selectors
from people.permissions import user_is_manager


def _coming_soon(request, *, title, lead):
    return render(
        request, "training_site/coming_soon.html", {"title": title, "lead": lead}
    )


@login_required
def my_learning(request):
    context = course_selectors.my_learning(user=request.user)
    return render(request, "training_site/my_learning.html", context)


@login_required
def my_skills(request):
    return _coming_soon(
        request,
        title=_("My skills"),
        lead=_("Rate your skills against your role and see which courses close a gap."),
    )


@login_required
def my_certificates(request):
    return _coming_soon(
        request,
        title=_("My certificates"),
        lead=_("Download your certificates and share their verification links."),
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
