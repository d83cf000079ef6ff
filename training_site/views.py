"""Site-level views: the learner and manager dashboards and the error pages."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from assignments.selectors import learner_rows
from certificates import selectors as certificate_selectors
from courses import selectors as course_selectors


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
    # Mandatory training comes first, most urgent on top (one more query).
    context["assignments"] = learner_rows(user=request.user)
    return render(request, "training_site/my_learning.html", context)


@login_required
def my_certificates(request):
    certificates = certificate_selectors.certificates_for_holder(user=request.user)
    return render(
        request, "certificates/my_certificates.html", {"certificates": certificates}
    )


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)
