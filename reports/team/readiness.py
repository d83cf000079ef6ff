"""My team's Readiness tab: the change initiatives whose readiness the user may open."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from change.scope import readable_initiatives

from ..permissions import user_can_view_team_reports


@login_required
def team_readiness(request):
    # The dashboards themselves ask change.permissions; this list uses its rule.
    if not user_can_view_team_reports(request.user):
        raise PermissionDenied
    initiatives = readable_initiatives(user=request.user)
    return render(request, "reports/team/readiness.html", {"initiatives": initiatives})
