"""The GET parameters of the *My team* lists; anything invalid is dropped, never widened."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from certificates.models import EXPIRING_SOON_DAYS

# "Expiring" is the certificates' own window, named once.
EXPIRING_HEADING = format_lazy(
    _("Certificates expiring ({days} days)"), days=EXPIRING_SOON_DAYS
)

# The people list's columns, in order: (sort key, heading).
PEOPLE_COLUMNS = [
    ("name", _("Name")),
    ("unit", _("Org unit")),
    ("completion", _("Assigned training completed")),
    ("overdue", _("Overdue")),
    ("expiring", EXPIRING_HEADING),
    ("gaps", _("Skills below target")),
]


class PeopleFilterForm(forms.Form):
    """The people list's filters and sort."""

    unit = forms.IntegerField(required=False, min_value=1)
    direct = forms.BooleanField(required=False)
    sort = forms.ChoiceField(
        required=False,
        choices=[(key, label) for key, label in PEOPLE_COLUMNS]
        + [(f"-{key}", label) for key, label in PEOPLE_COLUMNS],
    )

    def params(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        return {
            "unit": data.get("unit"),
            "direct": bool(data.get("direct")),
            "sort": data.get("sort") or "name",
        }


class TrainingFilterForm(forms.Form):
    """The training report's one filter: an assignment, to see it by org unit."""

    assignment = forms.IntegerField(required=False, min_value=1)

    def params(self) -> dict:
        self.is_valid()
        return {"assignment": self.cleaned_data.get("assignment")}


class SkillsReportFilterForm(forms.Form):
    """The skills reports' filters (the matrix also sorts)."""

    unit = forms.IntegerField(required=False, min_value=1)
    category = forms.IntegerField(required=False, min_value=1)
    sort = forms.ChoiceField(
        required=False,
        choices=[("name", _("Name")), ("gap", _("Largest gap first"))],
    )

    def params(self) -> dict:
        self.is_valid()
        data = self.cleaned_data
        return {
            "unit": data.get("unit"),
            "category": data.get("category"),
            "sort": data.get("sort") or "name",
        }
