"""The initiative form in the admin: choices people can scan, and rounds that follow go-live."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from courses.models import CoursePage
from people.models import Employee, OrgUnit
from people.roles import CHANGE_LEADS, LD_ADMINS, TRAINERS

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
