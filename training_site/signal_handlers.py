"""Receivers wired in TrainingSiteConfig.ready()."""

from django.apps import apps as django_apps
from django.contrib import messages
from django.utils.translation import gettext as _

from .site_setup import site_sync


def sync_site_after_migrate(sender, **kwargs):
    """Restore the fixed site structure and roles after `migrate` or a test flush."""
    site_sync(django_apps)


def say_signed_out(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "_messages"):
        messages.info(request, _("You have signed out."))
