"""Who may ask the site-level views that no app owns."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def user_can_probe_health(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Anyone: load balancers probe without signing in, and the body holds no data."""
    return True


def user_can_view_cms_images(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Anyone who may browse the catalogue: the images belong to its pages."""
    return settings.CATALOGUE_PUBLIC or user.is_authenticated
