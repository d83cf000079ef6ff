"""Change initiatives in the Wagtail admin: L&D admins all, change leads their own.

One permission policy decides for the menu, the listing and every view, by
asking change.permissions; a change lead who opens another initiative's
address is refused. Saving goes through change.services.initiative_saved, so
the Change leads group and the linked training follow at once. Initiatives
are never deleted here: their check-ins are history (close them instead).
"""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import django_filters

from lib.admin_columns import CalendarDateColumn
from lib.admin_viewsets import JoinedModelViewSet

from .admin_forms import InitiativeForm
from .models import Initiative
from .permissions import (
    user_can_create_initiative,
    user_can_manage_initiative,
    user_can_manage_initiatives,
)
from .services import initiative_draft, initiative_saved


class InitiativePermissionPolicy(ModelPermissionPolicy):
    """change.permissions, not model permissions; nobody deletes."""

    def user_has_permission(self, user, action):
        if action == "add":
            return user_can_create_initiative(user)
        if action in ("change", "view"):
            return user_can_manage_initiatives(user)
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "view"):
            return user_can_manage_initiative(user, instance)
        return False

    def instances_user_has_permission_for(self, user, action):
        if action not in ("change", "view") or not user_can_manage_initiatives(user):
            return Initiative.objects.none()
        if user_can_create_initiative(user):  # L&D admins: every initiative
            return Initiative.objects.all()
        return Initiative.objects.filter(change_leads=user)


register_permission_policy(Initiative, InitiativePermissionPolicy(Initiative))


class InitiativeFilterSet(WagtailFilterSet):
    go_live = django_filters.DateFromToRangeFilter(
        label=_("Go-live"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Initiative
        fields = ["status", "go_live"]


class InitiativeIndexView(generic.IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        ).select_related("sponsor")


class _OwnInitiativeMixin:
    """Refuse an initiative the user may not manage, whatever its address."""

    def get_object(self, *args, **kwargs):
        initiative = super().get_object(*args, **kwargs)
        if not user_can_manage_initiative(self.request.user, initiative):
            raise PermissionDenied
        return initiative


class _SavedMixin:
    def save_instance(self):
        instance = super().save_instance()
        self.training = initiative_saved(initiative=instance, actor=self.request.user)
        return instance

    def get_success_message(self, *args):
        message = super().get_success_message(*args)
        added = self.training.people_added
        if not added:
            return message
        return "{} {}".format(
            message,
            ngettext(
                "Linked training assigned to %(count)s more person.",
                "Linked training assigned to %(count)s more people.",
                added,
            )
            % {"count": added},
        )


class InitiativeCreateView(_SavedMixin, generic.CreateView):
    def get_initial_form_instance(self):
        # The usual rounds and the default action per barrier, ready to edit.
        return initiative_draft()


class InitiativeEditView(_OwnInitiativeMixin, _SavedMixin, generic.EditView):
    pass


class InitiativeHistoryView(_OwnInitiativeMixin, HistoryView):
    pass


class InitiativeUsageView(_OwnInitiativeMixin, UsageView):
    pass


panels = ObjectList(
    [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("tool_name"),
                FieldPanel("why"),
                FieldRowPanel([FieldPanel("go_live"), FieldPanel("status")]),
                FieldPanel("sponsor"),
            ],
            heading=_("The change"),
        ),
        MultiFieldPanel(
            [FieldPanel("units"), FieldPanel("role_profiles")],
            heading=_("Who is affected (either)"),
        ),
        MultiFieldPanel(
            [FieldPanel("courses"), FieldPanel("training_due_days_before")],
            heading=_("Linked training"),
        ),
        FieldPanel("change_leads"),
        InlinePanel(
            "rounds",
            heading=_("Check-in rounds"),
            label=_("Round"),
            panels=[
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
            ],
        ),
        InlinePanel(
            "barrier_actions",
            heading=_("Suggested action per barrier"),
            label=_("Suggested action"),
            panels=[FieldPanel("stage"), FieldPanel("text")],
            max_num=5,
        ),
    ],
    base_form_class=InitiativeForm,
)


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.get_status_display()


class InitiativeViewSet(JoinedModelViewSet):
    """Change initiatives, their rounds and suggested actions."""

    model = Initiative
    url_namespace = "change_initiative"
    url_prefix = "change/initiatives"
    icon = "rotate"
    menu_label = _("Change initiatives")
    menu_order = 330
    add_to_admin_menu = True
    index_view_class = InitiativeIndexView
    add_view_class = InitiativeCreateView
    edit_view_class = InitiativeEditView
    history_view_class = InitiativeHistoryView
    usage_view_class = InitiativeUsageView
    filterset_class = InitiativeFilterSet
    search_backend_name = None
    search_fields = ["name", "tool_name"]
    list_display = [
        "name",
        "tool_name",
        CalendarDateColumn("go_live", label=_("Go-live")),
        StatusColumn("status", label=_("Status")),
        Column("sponsor", label=_("Sponsor")),
        # Whoever manages an initiative may open its dashboard (change.permissions).
        TitleColumn(
            "readiness",
            label=_("Readiness"),
            accessor=lambda initiative: _("Readiness dashboard"),
            get_url=lambda initiative: reverse(
                "change:readiness", args=[initiative.slug]
            ),
        ),
    ]
    list_per_page = 50
    ordering = ["go_live", "name"]
    copy_view_enabled = False
    edit_handler = panels
