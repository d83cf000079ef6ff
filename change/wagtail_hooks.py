"""Change initiatives in the Wagtail admin."""

from wagtail import hooks

from .viewsets import InitiativeViewSet


@hooks.register("register_admin_viewset")
def register_initiative_viewset():
    return InitiativeViewSet()
