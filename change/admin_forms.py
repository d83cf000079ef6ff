"""The initiative form in the admin: choices people can scan, rounds that follow
go-live, and a warning when the go-live month would overload a unit."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel

from courses.models import CoursePage
from people.models import Employee, OrgUnit
from people.roles import CHANGE_LEADS, LD_ADMINS, TRAINERS

from .load import LOADING, Clash, go_live_clashes
from .schedule import default_rounds


class UnitChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        # Indented by depth, so a division's sections read as below it.
        return f"{'— ' * (obj.depth - 1)}{obj.name} ({obj.code})"


class InitiativeForm(WagtailAdminModelForm):
    """Sponsors and leads are chosen among managers and staff groups, not all 40,000."""

    # A plain list, not people's employee chooser: that one is for L&D admins
    # only, and change leads edit this form too.
    sponsor = forms.ModelChoiceField(
        queryset=Employee.objects.none(),
        required=False,
        label=_("Sponsor"),
        help_text=_("The senior leader who owns the change (a unit head or manager)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        leaders = Q(headed_units__isnull=False) | Q(direct_reports__isnull=False)
        self.fields["sponsor"].queryset = (
            Employee.objects.active().filter(leaders).distinct().order_by("last_name")
        )
        self.fields["change_leads"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, employee__is_active=True)
            .filter(
                Q(employee__headed_units__isnull=False)
                | Q(employee__direct_reports__isnull=False)
                | Q(groups__name__in=[CHANGE_LEADS, LD_ADMINS, TRAINERS])
            )
            .distinct()
            .order_by("last_name", "first_name")
        )
        self.fields["change_leads"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        self.fields["units"] = UnitChoiceField(
            queryset=OrgUnit.objects.active().order_by("path"),
            required=False,
            label=self.fields["units"].label,
            help_text=self.fields["units"].help_text,
            widget=forms.SelectMultiple(attrs={"size": 12}),
        )
        self.fields["courses"].queryset = CoursePage.objects.live().order_by("title")
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _(
            "Its web address; left empty, made from the name."
        )
        # The go-live the prefilled rounds were computed for (a new initiative only).
        self.draft_go_live = self.instance.go_live if self.instance.pk is None else None

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(
            self.cleaned_data.get("name", "")
        )
        if not slug:
            raise forms.ValidationError(_("Give the initiative a name or a slug."))
        return slug

    def clean(self):
        cleaned = super().clean()
        # A warning, never an error: the sponsor may have reasons to go ahead.
        self.load_clashes = self._load_clashes(cleaned)
        return cleaned

    def _load_clashes(self, cleaned: dict) -> list[Clash]:
        """The units the chosen go-live month and audience would put over the limit."""
        go_live = cleaned.get("go_live")
        if go_live is None or cleaned.get("status") not in LOADING:
            return []
        return go_live_clashes(
            go_live=go_live,
            unit_paths=[unit.path for unit in cleaned.get("units") or []],
            role_profile_ids=[role.pk for role in cleaned.get("role_profiles") or []],
            initiative_id=self.instance.pk,
        )

    def save(self, commit=True):
        self._rounds_follow_go_live()
        return super().save(commit=commit)

    def _rounds_follow_go_live(self) -> None:
        """Prefilled rounds left as they were move with a changed go-live.

        Whoever edits a round's dates keeps them; the rest would otherwise sit
        around the provisional go-live the form started with.
        """
        go_live = self.cleaned_data.get("go_live")
        if self.draft_go_live is None or go_live in (None, self.draft_go_live):
            return
        launch = timezone.localdate()
        before = default_rounds(go_live=self.draft_go_live, launch=launch)
        after = default_rounds(go_live=go_live, launch=launch)
        formset = self.formsets["rounds"]
        for form, was, now in zip(formset.forms, before, after, strict=False):
            data = getattr(form, "cleaned_data", {})
            if form in formset.deleted_forms or not data:
                continue
            if (data.get("opens_on"), data.get("closes_on")) == (
                was.opens_on,
                was.closes_on,
            ):
                form.instance.opens_on = now.opens_on
                form.instance.closes_on = now.closes_on


def saved_clashes(initiative) -> list[Clash]:
    """The clashes of an initiative as saved (the edit form before any change)."""
    if initiative.pk is None or initiative.status not in LOADING:
        return []
    return go_live_clashes(
        go_live=initiative.go_live,
        unit_paths=[unit.path for unit in initiative.units.all()],
        role_profile_ids=[role.pk for role in initiative.role_profiles.all()],
        initiative_id=initiative.pk,
    )


class ChangeLoadPanel(Panel):
    """A warning naming the units this go-live month would put over the limit."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "change/admin/load_panel.html"

        @cached_property
        def clashes(self) -> list[Clash]:
            if self.form.is_bound:  # re-shown after a refused save: as chosen
                return getattr(self.form, "load_clashes", [])
            return saved_clashes(self.instance)

        def is_shown(self):
            return bool(self.clashes)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["clashes"] = self.clashes
            context["load_url"] = reverse("change:load")
            return context


def _clash_text(clash: Clash) -> str:
    return _(
        "%(unit)s would carry %(count)s go-lives in %(month)s — over the limit "
        "of %(limit)s (with %(others)s)"
    ) % {
        "unit": clash.unit.name,
        "count": clash.count,
        "month": date_format(clash.month, "F Y"),
        "limit": clash.limit,
        "others": ", ".join(i.name for i in clash.others),
    }


def clashes_text(clashes: list[Clash]) -> str:
    """The warning after a save: every clash, in one message."""
    return _(
        "Change load: %(clashes)s. Saved all the same; another month may suit "
        "the people affected better."
    ) % {"clashes": "; ".join(_clash_text(clash) for clash in clashes)}
