"""Front-end forms for mandatory training: assign a course, extend, exempt.

Whom a form offers depends on who asks. A manager sees only the people and
units below them; an L&D admin sees everyone. A posted id outside those
choices is looked up in the same scope and answers 404, exactly as a URL to
someone out of scope would, so the form never confirms that a person exists.

The person is not a list of everyone (thousands, for an L&D admin): it is a
search box, `person`, that assignments/static/assignments/person_search.js turns into
a combobox over `views.assign_people_search` (people from `scope.py`), writing the chosen id to the hidden
`target_employee`. Without JavaScript the box still works: an employee number,
or a name only one person in scope has, is enough.
"""

import re
from datetime import date, timedelta

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crispy_forms.bootstrap import FormActions, StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout, Submit

from courses.models import CoursePage, LearningPathPage
from people.models import Employee, OrgUnit, RoleProfile
from people.selectors import employees_matching

from .models import Assignment
from .scope import PEOPLE_SEARCH_MIN_LENGTH, AssignerScope, person_label

# A second identical POST within this window is a double submit, not a new need.
DUPLICATE_WINDOW = timedelta(minutes=1)
MAX_DUE_DAYS = 3650
# How many namesakes an error message lists before asking for a number.
_AMBIGUOUS_SHOWN = 5
# "Alice Arsenault (200001)", as person_label writes it: the number in brackets.
_LABEL_NUMBER = re.compile(r"\(([^()]+)\)\s*$")

Target = Assignment.Target


def _item_choices() -> list:
    courses = CoursePage.objects.live().order_by("title").values_list("pk", "title")
    paths = LearningPathPage.objects.live().order_by("title").values_list("pk", "title")
    return [
        ("", _("Choose a course or learning path")),
        (_("Courses"), [(f"course:{pk}", title) for pk, title in courses]),
        (_("Learning paths"), [(f"path:{pk}", title) for pk, title in paths]),
    ]


def _id_field(label, choices: list, help_text: str = "") -> forms.IntegerField:
    # An integer, not a ModelChoiceField: an id outside the scope is a 404 (as
    # for any out-of-scope URL), looked up in the form's clean_<field>.
    return forms.IntegerField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.Select(choices=[("", "—")] + choices),
    )


class AssignmentForm(forms.Form):
    """Assign one course or learning path to a person, a team, a unit or a role."""

    item = forms.ChoiceField(label=_("Course or learning path"))
    target = forms.ChoiceField(label=_("Assign to"), widget=forms.RadioSelect)
    due_rule = forms.ChoiceField(
        label=_("Due"),
        choices=Assignment.DueRule.choices,
        initial=Assignment.DueRule.FIXED,
        widget=forms.RadioSelect,
    )
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        help_text=_("For “On a fixed date”."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    due_days = forms.IntegerField(
        label=_("Number of days"),
        required=False,
        min_value=1,
        max_value=MAX_DUE_DAYS,
        help_text=_("For “N days after being assigned” or “after the hire date”."),
    )
    reason = forms.CharField(
        label=_("Why (shown to the people assigned)"),
        required=False,
        max_length=255,
        help_text=Assignment._meta.get_field("reason").help_text,
    )

    def __init__(self, *args, scope: AssignerScope, today: date | None = None, **kw):
        super().__init__(*args, **kw)
        self.scope = scope
        self.today = today or timezone.localdate()
        self.fields["item"].choices = _item_choices()
        self.fields["target"].choices = scope.targets()
        self.fields["target"].initial = Target.TEAM
        units = [(u.pk, u.name) for u in scope.units().only("pk", "name")]
        person_help = _(
            "Type part of a name, an employee number or a unit, then choose the "
            "person from the list. An employee number alone is enough."
        )
        if scope.org_wide:
            person_help = _(
                "%(help)s For “Everyone below a manager”, choose the manager."
            ) % {"help": person_help}
        self.fields["person"] = forms.CharField(
            label=_("Person"),
            required=False,
            max_length=200,
            help_text=person_help,
            widget=forms.TextInput(
                attrs={
                    "autocomplete": "off",
                    "spellcheck": "false",
                    "data-person-search": "",
                    "data-search-url": reverse("assignments:people-search"),
                    "data-id-input": "id_target_employee",
                    "data-min-length": PEOPLE_SEARCH_MIN_LENGTH,
                }
            ),
        )
        # The chosen person's id, written by the search box's script.
        self.fields["target_employee"] = forms.IntegerField(
            required=False, widget=forms.HiddenInput
        )
        self.fields["target_unit"] = _id_field(_("Org unit"), units)
        fields = ["target", "person", "target_employee", "target_unit"]
        if scope.org_wide:
            roles = [(r.pk, r.name) for r in scope.roles()]
            self.fields["target_role"] = _id_field(_("Role profile"), roles)
            fields.append("target_role")
        # Cleaning follows field order: the target is known before its object.
        self.order_fields(["item", *fields, "due_rule", "due_date", "due_days"])
        self.helper = FormHelper()
        self.helper.form_id = "assignment-form"
        # No outer fieldsets: each radio group is already a fieldset with a legend.
        self.helper.layout = Layout(
            Field("item"),
            *fields,
            "due_rule",
            "due_date",
            "due_days",
            Field("reason"),
            FormActions(
                StrictButton(_("Assign"), type="submit", css_class="btn-primary")
            ),
        )

    def clean_item(self) -> CoursePage | LearningPathPage:
        kind, _sep, pk = self.cleaned_data["item"].partition(":")
        model = CoursePage if kind == "course" else LearningPathPage
        found = model.objects.live().filter(pk=pk).first() if pk.isdigit() else None
        if found is None:
            raise forms.ValidationError(_("Choose a published course or path."))
        return found

    def _chosen(self, field: str, wanted: bool, queryset: QuerySet, missing: str):
        """The chosen object, if this target needs it; out of scope is a 404."""
        value = self.cleaned_data.get(field)
        if not wanted:
            return None
        if value is None:
            raise forms.ValidationError(missing)
        return get_object_or_404(queryset, pk=value)

    def clean_target_employee(self) -> Employee | None:
        target = self.cleaned_data.get("target")
        # An L&D admin's "everyone below a manager" names the manager here.
        wanted = target == Target.EMPLOYEE or (
            target == Target.TEAM and self.scope.org_wide
        )
        typed = self.cleaned_data.get("person", "")
        if not wanted:
            return None
        if self.cleaned_data.get("target_employee") is not None:
            chosen = self._chosen("target_employee", True, self.scope.employees(), "")
            # Without JavaScript a preselected id stays in the page while the
            # box is typed over: what the box says wins.
            if not typed or typed in (person_label(chosen), chosen.employee_number):
                return chosen
        try:
            if not typed:
                raise forms.ValidationError(_("Choose a person."))
            return self._person_from_text(typed)
        except forms.ValidationError as error:
            # Shown on the box the user typed in, not on the hidden id.
            self.add_error("person", error)
            return None

    def _person_from_text(self, typed: str) -> Employee:
        """The one person in scope the typed number or words name, else an error."""
        people = self.scope.employees()
        label = _LABEL_NUMBER.search(typed)
        number = label.group(1).strip() if label else typed
        by_number = people.filter(employee_number__iexact=number).first()
        if by_number is not None:
            return by_number
        found = employees_matching(
            employees=people, query=typed, limit=_AMBIGUOUS_SHOWN + 1
        )
        if len(found) == 1:
            return found[0]
        if not found:
            raise forms.ValidationError(
                _(
                    "Nobody you may assign to matches “%(typed)s”. Type part of a "
                    "name, an employee number or a unit, and choose from the list."
                ),
                params={"typed": typed},
                code="no_person",
            )
        shown = "; ".join(
            f"{e.display_name} ({e.employee_number}, {e.org_unit.name})"
            for e in found[:_AMBIGUOUS_SHOWN]
        )
        raise forms.ValidationError(
            _(
                "Several people match “%(typed)s”: %(people)s%(more)s. Type the "
                "employee number of the one you mean, or choose from the list."
            ),
            params={
                "typed": typed,
                "people": shown,
                "more": "…" if len(found) > _AMBIGUOUS_SHOWN else "",
            },
            code="several_people",
        )

    def clean_target_unit(self) -> OrgUnit | None:
        wanted = self.cleaned_data.get("target") == Target.ORG_UNIT
        return self._chosen(
            "target_unit", wanted, self.scope.units(), _("Choose an org unit.")
        )

    def clean_target_role(self) -> RoleProfile | None:
        wanted = self.cleaned_data.get("target") == Target.ROLE_PROFILE
        return self._chosen(
            "target_role", wanted, self.scope.roles(), _("Choose a role profile.")
        )

    def clean(self):
        cleaned = super().clean()
        rule = cleaned.get("due_rule")
        if rule == Assignment.DueRule.FIXED:
            due_date = cleaned.get("due_date")
            if due_date is None and "due_date" not in self.errors:
                self.add_error("due_date", _("Give a due date."))
            elif due_date is not None and due_date < self.today:
                self.add_error("due_date", _("The due date cannot be in the past."))
        elif rule and cleaned.get("due_days") is None and "due_days" not in self.errors:
            self.add_error("due_days", _("Give the number of days."))
        return cleaned

    def assignment_kwargs(self) -> dict:
        """The arguments for `assignment_create`, from the cleaned form."""
        data = self.cleaned_data
        item = data["item"]
        target = data["target"]
        target_employee = data.get("target_employee")
        if target == Target.TEAM and not self.scope.org_wide:
            target_employee = self.scope.own
        return {
            "course": item if isinstance(item, CoursePage) else None,
            "learning_path": item if isinstance(item, LearningPathPage) else None,
            "target": target,
            "target_employee": target_employee,
            "target_unit": data.get("target_unit"),
            "target_role": data.get("target_role"),
            "due_rule": data["due_rule"],
            "due_date": data.get("due_date"),
            "due_days": data.get("due_days"),
            "reason": data.get("reason", "").strip(),
        }

    def recent_duplicate(self, *, actor: AbstractBaseUser) -> Assignment | None:
        """The same assignment by the same person a moment ago: a double submit."""
        kwargs = self.assignment_kwargs()
        fixed = kwargs["due_rule"] == Assignment.DueRule.FIXED
        return (
            Assignment.objects.filter(
                created_by=actor,
                created_at__gte=timezone.now() - DUPLICATE_WINDOW,
                course=kwargs["course"],
                learning_path=kwargs["learning_path"],
                target=kwargs["target"],
                target_employee=kwargs["target_employee"]
                if kwargs["target"] in (Target.EMPLOYEE, Target.TEAM)
                else None,
                target_unit=kwargs["target_unit"]
                if kwargs["target"] == Target.ORG_UNIT
                else None,
                target_role=kwargs["target_role"]
                if kwargs["target"] == Target.ROLE_PROFILE
                else None,
                due_rule=kwargs["due_rule"],
                due_date=kwargs["due_date"] if fixed else None,
                due_days=None if fixed else kwargs["due_days"],
            )
            .order_by("-created_at")
            .first()
        )


class ExtendForm(forms.Form):
    """A later due date for one person, and why."""

    due_on = forms.DateField(
        label=_("New due date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reason = forms.CharField(label=_("Reason"), max_length=255)

    def __init__(self, *args, current: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current
        self.fields["due_on"].help_text = _("Currently due on %(date)s.") % {
            "date": current.isoformat()
        }
        self.helper = FormHelper()
        self.helper.form_id = "extend-form"
        self.helper.add_input(Submit("submit", _("Extend")))

    def clean_due_on(self) -> date:
        due_on = self.cleaned_data["due_on"]
        if due_on <= self.current:
            raise forms.ValidationError(
                _("The new due date must be after the current one.")
            )
        return due_on


class ExemptForm(forms.Form):
    """Exempt one person from an assignment, with the reason."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=255,
        help_text=_("For example: “Completed the equivalent training elsewhere”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_id = "exempt-form"
        self.helper.add_input(Submit("submit", _("Exempt")))
