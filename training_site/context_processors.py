"""Template context shared by every page."""

import time

from django.utils.functional import SimpleLazyObject

from assignments.permissions import user_can_assign_training
from change.selectors import has_changes
from people.permissions import user_can_access_admin
from reports.permissions import user_can_view_team_reports
from skills.permissions import user_can_view_skill_reviews

# Navigation flags are kept in the session for a few minutes: they decide which
# links to show, not what anyone may do (every view checks for itself), and
# recomputing them costs about six queries on every page.
NAV_FLAGS_SECONDS = 300


def _nav_flags(request) -> dict:
    user = request.user
    if not user.is_authenticated:
        return {
            "team": False,
            "assign": False,
            "admin": False,
            "reviews": False,
            "changes": False,
        }
    flags = request.session.get("_nav")
    now = int(time.time())
    if (
        not flags
        or flags.get("user") != user.pk
        or "changes" not in flags  # kept by a release that had no such link
        or now - flags["at"] > NAV_FLAGS_SECONDS
    ):
        flags = {
            "user": user.pk,
            "at": now,
            # The very questions the pages ask: a link shown is a page that opens.
            "team": user_can_view_team_reports(user),
            "assign": user_can_assign_training(user),
            "admin": user_can_access_admin(user),
            "reviews": user_can_view_skill_reviews(user),
            # Only for people an announced initiative affects.
            "changes": has_changes(employee=getattr(user, "employee", None)),
        }
        request.session["_nav"] = flags
    return flags


def navigation(request) -> dict:
    """Which navigation entries this user gets; worked out only when a template asks."""
    flags = SimpleLazyObject(lambda: _nav_flags(request))
    return {
        "nav_show_team": SimpleLazyObject(lambda: flags["team"]),
        "nav_show_assignments": SimpleLazyObject(lambda: flags["assign"]),
        "nav_show_admin": SimpleLazyObject(lambda: flags["admin"]),
        "nav_show_reviews": SimpleLazyObject(lambda: flags["reviews"]),
        "nav_show_changes": SimpleLazyObject(lambda: flags["changes"]),
    }
