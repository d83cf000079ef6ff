"""Change initiatives in the Wagtail admin."""

from wagtail import hooks

from .viewsets import InitiativeViewSet, UsageDataViewSet


@hooks.register("register_admin_viewset")
def register_initiative_viewset():
    return InitiativeViewSet()


@hooks.register("register_admin_viewset")
def register_usage_data_viewset():
    return UsageDataViewSet()
