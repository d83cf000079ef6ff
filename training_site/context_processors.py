"""Template context shared by every page."""

from django.utils.functional import SimpleLazyObject

from people.permissions import user_is_ld_admin, user_is_manager, user_is_trainer


def navigation(request) -> dict:
    """Which navigation entries this user gets; evaluated only when a template asks."""
    user = request.user
    return {
        "nav_show_team": SimpleLazyObject(lambda: user_is_manager(user)),
        "nav_show_admin": SimpleLazyObject(
            lambda: user_is_trainer(user) or user_is_ld_admin(user)
        ),
    }
