"""The check-in form: five radio groups with every score's meaning, and a comment."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import CheckInResponse, CheckInRound
from .services import COMMENT_MAX_LENGTH
from .stages import SCALE, STAGES

# The value "Not applicable yet" is posted as; stored as an empty score.
NOT_YET = "not-yet"


class CheckInForm(forms.Form):
    """One radio group per stage; Apply and Sustain may be "not yet" before go-live."""

    comment = forms.CharField(
        label=_("Anything you want to add? (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, checkin_round: CheckInRound, tool: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].help_text = _(
            "Shown to the change team only for groups of %(min)s or more, without "
            "your name. Leave out names and details that would identify you."
        ) % {"min": settings.CHANGE_MIN_COMMENTS}
        self.not_yet_allowed = checkin_round.before_go_live()
        choices = [(str(score), label) for score, label, _meaning in SCALE]
        stage_fields = {}
        for stage in STAGES:
            options = list(choices)
            if stage.may_be_not_applicable and self.not_yet_allowed:
                options.append((NOT_YET, _("Not applicable yet")))
            field = forms.ChoiceField(
                label=str(stage.item).format(tool=tool),
                choices=options,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose one answer.")},
            )
            field.stage = stage
            stage_fields[stage.field] = field
        # The stages first, in order; the comment last.
        self.fields = {**stage_fields, "comment": self.fields["comment"]}

    @classmethod
    def initial_from(cls, response: CheckInResponse | None) -> dict:
        """The form's starting values: the person's earlier answers, if any."""
        if response is None:
            return {}
        initial = {
            stage.field: NOT_YET
            if getattr(response, stage.field) is None
            else str(getattr(response, stage.field))
            for stage in STAGES
        }
        return {**initial, "comment": response.comment}

    def scores(self) -> dict[str, int | None]:
        return {
            stage.field: None
            if self.cleaned_data[stage.field] == NOT_YET
            else int(self.cleaned_data[stage.field])
            for stage in STAGES
        }

    def stage_fields(self) -> list:
        """(bound field, stage) for the template, in stage order."""
        return [(self[stage.field], stage) for stage in STAGES]


MONTH = "%Y-%m"  # how a month is written in the change-load page's addresses


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "form-control", **(attrs or {})}, format=MONTH)


class ChangeLoadWindowForm(forms.Form):
    """The change-load page's first month (twelve months from it are shown)."""

    start = forms.DateField(
        label=_("From"),
        required=False,
        input_formats=[MONTH],
        widget=MonthInput(),
        help_text=_("A month, e.g. 2027-03; twelve months from it are shown."),
        error_messages={"invalid": _("Enter a month as year and month, e.g. 2027-03.")},
    )

    def clean_start(self):
        start = self.cleaned_data.get("start")
        # Twelve months must still fit in the calendar.
        if start is not None and not 1900 <= start.year <= 9000:
            raise forms.ValidationError(_("Choose a month between 1900 and 9000."))
        return start
