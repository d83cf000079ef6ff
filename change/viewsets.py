"""Change initiatives in the Wagtail admin: L&D admins all, change leads their own.

One permission policy decides for the menu, the listing and every view, by
asking change.permissions; a change lead who opens another initiative's
address is refused. Saving goes through change.services.initiative_saved, so
the Change leads group and the linked training follow at once. Initiatives
are never deleted here: their check-ins are history (close them instead).
"""

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
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
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import Button
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import django_filters

from lib.admin_columns import CalendarDateColumn
from lib.admin_viewsets import JoinedModelViewSet
from lib.safe_csv import neutralise
from people.models import Employee, OrgUnit

from .admin_forms import ChangeLoadPanel, InitiativeForm, clashes_text
from .models import Initiative
from .overview import initiative_overview
from .permissions import (
    user_can_create_initiative,
    user_can_manage_initiative,
    user_can_manage_initiatives,
)
from .services import initiative_draft, initiative_saved
from .usage.job_views import UsageJobView
from .usage.token_views import UsageTokenRevokeView, UsageTokensView
from .usage.upload import UsageImportView


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


def _quarter_start(day: date, *, ahead: int) -> date:
    """The first day of the quarter `ahead` quarters after `day`'s."""
    year, quarter = divmod(day.year * 4 + (day.month - 1) // 3 + ahead, 4)
    return date(year, quarter * 3 + 1, 1)


QUARTERS = {"this": 0, "next": 1}


def _visible(request) -> QuerySet[Initiative]:
    """The initiatives the listing shows this user (the filters' choices come from them)."""
    if request is None:
        return Initiative.objects.none()
    return InitiativePermissionPolicy(Initiative).instances_user_has_permission_for(
        request.user, "change"
    )


def _leads(request):
    return (
        get_user_model()
        .objects.filter(led_initiatives__in=_visible(request))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def _sponsors(request):
    return Employee.objects.filter(
        pk__in=_visible(request).values("sponsor_id")
    ).order_by("last_name", "first_name")


class _UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class _UserFilter(django_filters.ModelChoiceFilter):
    field_class = _UserChoiceField


class InitiativeFilterSet(WagtailFilterSet):
    go_live = django_filters.DateFromToRangeFilter(
        label=_("Go-live"), widget=DateRangePickerWidget
    )
    quarter = django_filters.ChoiceFilter(
        label=_("Going live"),
        choices=[("this", _("This quarter")), ("next", _("Next quarter"))],
        method="filter_quarter",
    )
    division = django_filters.ModelChoiceFilter(
        label=_("Affects people in"),
        queryset=OrgUnit.objects.filter(depth=1).order_by("name"),
        method="filter_division",
    )
    change_lead = _UserFilter(
        label=_("Change lead"), queryset=_leads, field_name="change_leads"
    )
    sponsor = django_filters.ModelChoiceFilter(label=_("Sponsor"), queryset=_sponsors)

    class Meta:
        model = Initiative
        fields = ["status", "go_live"]

    def filter_quarter(self, queryset, name, value):
        today, ahead = timezone.localdate(), QUARTERS[value]
        return queryset.filter(
            go_live__gte=_quarter_start(today, ahead=ahead),
            go_live__lt=_quarter_start(today, ahead=ahead + 1),
        )

    def filter_division(self, queryset, name, value):
        # The same reach as change.selectors.initiatives_affecting, for a
        # division: one of its units (or the division itself) is listed, or
        # someone working in it holds a listed role profile.
        people = Employee.objects.active().filter(org_unit__path__startswith=value.path)
        reach = Q(units__path__startswith=value.path) | Q(
            role_profiles__in=people.values("role_profile_id")
        )
        return queryset.filter(pk__in=Initiative.objects.filter(reach).values("pk"))


def _usage_links(initiative: Initiative) -> list[tuple[str, str, str, int]]:
    """(label, URL, icon, priority) of an initiative's usage pages.

    Shown wherever the initiative is: whoever may edit it may import its
    usage (change.permissions.user_can_import_usage).
    """
    return [
        (
            _("Import usage"),
            reverse("change_usage:import", args=[initiative.pk]),
            "upload",
            40,
        ),
        (
            _("Usage API tokens"),
            reverse("change_usage:tokens", args=[initiative.pk]),
            "key",
            50,
        ),
    ]


class InitiativeIndexView(generic.IndexView):
    """The listing; its CSV and XLSX exports hold aggregates only (change.overview)."""

    def get_base_queryset(self):
        return _visible(self.request).select_related("sponsor")

    def to_row_dict(self, item):
        overview = initiative_overview(initiative=item)
        return {
            "name": item.name,
            "status": item.get_status_display(),
            "go_live": item.go_live,
            "affected": overview.affected,
            "trained_percent": overview.trained_percent,
            "latest_closed_round": overview.latest_closed_round,
            "response_rate": overview.response_rate,
            "ready": overview.ready,
        }

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # Names are typed by people: no cell may run as a formula (XLSX is
        # typed text already).
        return neutralise(value) if export_format == self.FORMAT_CSV else value

    def get_filename(self):
        return f"change-initiatives-{timezone.localdate().isoformat()}"

    @cached_property
    def header_buttons(self):
        # Whoever may open this listing manages initiatives, and so sees the
        # change load of every unit (change.permissions.user_sees_all_change_load).
        return [
            *super().header_buttons,
            HeaderButton(
                _("Change load"), url=reverse("change:load"), icon_name="table"
            ),
        ]

    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            *(
                MenuItem(label, url=url, icon_name=icon, priority=priority)
                for label, url, icon, priority in _usage_links(instance)
            ),
        ]


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
        if self.form.load_clashes:
            messages.warning(self.request, clashes_text(self.form.load_clashes))
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
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            *(
                Button(label, url=url, icon_name=icon, priority=priority)
                for label, url, icon, priority in _usage_links(self.object)
            ),
        ]


class InitiativeHistoryView(_OwnInitiativeMixin, HistoryView):
    pass


class InitiativeUsageView(_OwnInitiativeMixin, UsageView):
    pass


panels = ObjectList(
    [
        ChangeLoadPanel(heading=_("Change load")),
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
    # Aggregates only, each through the gatekeeper (change.overview): never an
    # answer, a key or a name other than the initiative's.
    list_export = [
        "name",
        "status",
        "go_live",
        "affected",
        "trained_percent",
        "latest_closed_round",
        "response_rate",
        "ready",
    ]
    export_headings = {
        "name": _("Initiative"),
        "status": _("Status"),
        "go_live": _("Go-live"),
        "affected": _("Affected"),
        "trained_percent": _("Trained %"),
        "latest_closed_round": _("Latest closed round"),
        "response_rate": _("Response rate %"),
        "ready": _("Ready % (everyone affected)"),
    }
    ordering = ["go_live", "name"]
    copy_view_enabled = False
    edit_handler = panels


class UsageDataViewSet(ViewSet):
    """An initiative's usage pages: the CSV import, its background jobs and the API
    tokens (no menu item)."""

    name = "change_usage"
    url_prefix = "change/usage"

    def get_urlpatterns(self):
        return [
            path("<int:pk>/import/", UsageImportView.as_view(), name="import"),
            path(
                "<int:pk>/import/jobs/<int:job_pk>/",
                UsageJobView.as_view(),
                name="job",
            ),
            path("<int:pk>/tokens/", UsageTokensView.as_view(), name="tokens"),
            path(
                "<int:pk>/tokens/<int:token_pk>/revoke/",
                UsageTokenRevokeView.as_view(),
                name="revoke",
            ),
        ]
