"""Who may ask the site-level views that no app owns."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def user_can_probe_health(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Anyone: load balancers probe without signing in, and the body holds no data."""
    return True
