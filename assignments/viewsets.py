"""Mandatory training in the Wagtail admin: L&D admins assign to anyone.

One permission policy decides for the menu item and every view: a user needs
`assignments.assign_anyone` as well as the usual add/change/view permission
(held by the L&D admins group, training_site/group_permissions.py). Creating
calls `assignment_create`, so the people are enrolled at once; editing only changes
the reason or deactivates. Assignments are never deleted: their history
(who was assigned, who finished, reminders) stays.
"""

from django.db.models import Count
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import CreateView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from lib.admin_columns import CalendarDateColumn

from .models import NEWCOMER_DAYS, Assignment
from .services import AssignmentError, assignment_create

ASSIGN_ANYONE = "assignments.assign_anyone"
Target = Assignment.Target
DueRule = Assignment.DueRule

# The field each target needs, and what to say when it is missing.
_TARGET_FIELDS = {
    Target.EMPLOYEE: ("target_employee", _("Choose the person.")),
    Target.TEAM: ("target_employee", _("Choose the manager.")),
    Target.ORG_UNIT: ("target_unit", _("Choose the org unit.")),
    Target.ROLE_PROFILE: ("target_role", _("Choose the role profile.")),
}


class AssignmentPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, plus `assign_anyone` for everything; nobody deletes."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return user.has_perm(ASSIGN_ANYONE) and super().user_has_permission(
            user, action
        )


register_permission_policy(Assignment, AssignmentPermissionPolicy(Assignment))


class AssignmentCreateForm(WagtailAdminModelForm):
    """What to assign, to whom, by when; every missing piece gets its own message."""

    class Meta:
        model = Assignment
        fields = [
            "course",
            "learning_path",
            "target",
            "target_employee",
            "target_unit",
            "target_role",
            "due_rule",
            "due_date",
            "due_days",
            "newcomer_days",
            "reason",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left empty, it keeps the default window.
        self.fields["newcomer_days"].required = False

    def clean(self):
        data = super().clean()
        if data.get("newcomer_days") is None:
            data["newcomer_days"] = NEWCOMER_DAYS
        self._clean_item(data)
        target = data.get("target")
        if target in _TARGET_FIELDS:
            field, message = _TARGET_FIELDS[target]
            if not data.get(field) and field not in self.errors:
                self.add_error(field, message)
        due_rule = data.get("due_rule")
        if due_rule == DueRule.FIXED:
            due_date = data.get("due_date")
            if due_date is None and "due_date" not in self.errors:
                self.add_error("due_date", _("Give the due date."))
            elif due_date is not None and due_date < timezone.localdate():
                self.add_error(
                    "due_date",
                    _(
                        "The due date is in the past: everyone would be overdue at once."
                    ),
                )
        elif (
            due_rule and data.get("due_days") is None and "due_days" not in self.errors
        ):
            self.add_error("due_days", _("Give the number of days."))
        return data

    def _clean_item(self, data):
        course, path = data.get("course"), data.get("learning_path")
        if course and path:
            self.add_error(
                "learning_path", _("Choose a course or a learning path, not both.")
            )
        elif not (course or path):
            if "course" not in self.errors and "learning_path" not in self.errors:
                self.add_error("course", _("Choose a course or a learning path."))
        elif not (course or path).live:
            self.add_error(
                "course" if course else "learning_path",
                _("That page is not published, so nobody could take it."),
            )


class AssignmentEditForm(WagtailAdminModelForm):
    """After creation only the reason and the active flag change."""

    class Meta:
        model = Assignment
        fields = ["reason", "is_active"]
        help_texts = {
            "is_active": _(
                "Untick to withdraw the assignment: nobody new is added and "
                "reminders stop. Progress already made is kept."
            )
        }


create_panels = ObjectList(
    [
        MultiFieldPanel(
            [FieldPanel("course"), FieldPanel("learning_path")],
            heading=_("What (a course or a learning path)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("target"),
                FieldPanel("target_employee"),
                FieldPanel("target_unit"),
                FieldPanel("target_role"),
            ],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("due_rule"),
                FieldRowPanel([FieldPanel("due_date"), FieldPanel("due_days")]),
                FieldPanel("newcomer_days"),
            ],
            heading=_("By when"),
        ),
        FieldPanel("reason"),
    ],
    base_form_class=AssignmentCreateForm,
).bind_to_model(Assignment)

edit_panels = ObjectList(
    [FieldPanel("reason"), FieldPanel("is_active")],
    base_form_class=AssignmentEditForm,
).bind_to_model(Assignment)


class AssignmentIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related(
                "course",
                "learning_path",
                "target_employee",
                "target_unit",
                "target_role",
            )
            .annotate(people=Count("learners"))
        )


class AssignmentCreateView(CreateView):
    """Create through the service, so the people are expanded and enrolled."""

    def save_instance(self):
        data = self.form.cleaned_data
        expansion = assignment_create(
            actor=self.request.user,
            target=data["target"],
            course=data.get("course"),
            learning_path=data.get("learning_path"),
            target_employee=data.get("target_employee"),
            target_unit=data.get("target_unit"),
            target_role=data.get("target_role"),
            due_rule=data["due_rule"],
            due_date=data.get("due_date"),
            due_days=data.get("due_days"),
            newcomer_days=data["newcomer_days"],
            reason=data.get("reason", ""),
        )
        log(
            instance=expansion.assignment,
            action="wagtail.create",
            user=self.request.user,
        )
        self.added = expansion.added
        return expansion.assignment

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except AssignmentError as error:
            # The form checks what it can; the service has the last word.
            form.add_error(None, str(error))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def get_success_message(self, instance):
        return ngettext(
            "Assigned “%(title)s” to %(count)s person.",
            "Assigned “%(title)s” to %(count)s people.",
            self.added,
        ) % {"title": instance.item_title, "count": self.added}

    def get_success_url(self):
        return reverse("assignments_assignment:inspect", args=[self.object.pk])


class AssignmentInspectView(InspectView):
    labels = {
        "item_title": _("Course or learning path"),
        "target_label": _("Assigned to"),
        "due_label": _("Due"),
        "people": _("People"),
        "progress": _("Progress"),
    }

    def get_field_label(self, field_name, field):
        if field_name in self.labels:
            return self.labels[field_name]
        return super().get_field_label(field_name, field)

    def get_people_display_value(self):
        return self.object.learners.count()

    def get_progress_display_value(self):
        try:
            url = reverse("assignments:detail", args=[self.object.pk])
        except NoReverseMatch:
            return "-"
        return format_html('<a href="{}">{}</a>', url, _("See who has done it"))


class AssignmentViewSet(ModelViewSet):
    """Assignments of courses and learning paths, for L&D admins."""

    model = Assignment
    url_namespace = "assignments_assignment"
    url_prefix = "courses/assignments"
    icon = "date"
    menu_label = _("Mandatory training")
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = AssignmentIndexView
    add_view_class = AssignmentCreateView
    inspect_view_class = AssignmentInspectView
    search_backend_name = None
    search_fields = ["reason", "course__title", "learning_path__title"]
    list_display = [
        Column("item_title", label=_("Course or path")),
        Column("target_label", label=_("Assigned to")),
        Column("due_label", label=_("Due")),
        CalendarDateColumn("created_at", label=_("Assigned")),
        Column("people", label=_("People")),
        BooleanColumn("is_active", label=_("Active")),
    ]
    list_filter = ["course", "target", "is_active"]
    list_per_page = 50
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "item_title",
        "target_label",
        "due_label",
        "newcomer_days",
        "reason",
        "created_at",
        "created_by",
        "is_active",
        "people",
        "progress",
    ]

    def get_form_class(self, for_update=False):
        return (edit_panels if for_update else create_panels).get_form_class()

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(panel=create_panels, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(panel=edit_panels, **kwargs)
