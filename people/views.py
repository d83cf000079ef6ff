"""People views: *My profile* on the site (the roster upload is roster.upload)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .selectors import employee_profile


@login_required
def my_profile(request):
    employee = getattr(request.user, "employee", None)
    context = employee_profile(employee=employee) if employee else {"employee": None}
    return render(request, "people/my_profile.html", context)
