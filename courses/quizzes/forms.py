"""The answer form of an attempt: built from its snapshot, no answer key in it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from crispy_forms.helper import FormHelper

from ..models import QuizAttempt


def field_name(question_id: str) -> str:
    return f"q_{question_id}"


class AttemptForm(forms.Form):
    """One field per drawn question, in the attempt's order, prefilled with saved answers."""

    def __init__(
        self, *args, attempt: QuizAttempt, saved: dict[str, list[str]], **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.attempt = attempt
        for number, question in enumerate(attempt.questions, start=1):
            label = f"{number}. {question['text']}"
            name = field_name(question["id"])
            initial = saved.get(question["id"], [])
            if question["type"] == "short":
                self.fields[name] = forms.CharField(
                    label=label,
                    required=False,
                    max_length=500,
                    initial=initial[0] if initial else "",
                )
                continue
            choices = [(o["key"], o["text"]) for o in question["options"]]
            if question["type"] == "multiple":
                self.fields[name] = forms.MultipleChoiceField(
                    label=label,
                    required=False,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    initial=initial,
                    help_text=_("Choose all that apply."),
                )
            else:
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    required=False,
                    choices=choices,
                    widget=forms.RadioSelect,
                    initial=initial[0] if initial else None,
                )
        self.helper = FormHelper()
        # The template writes the <form> and its buttons: crispy-bootstrap5
        # copies a helper's form id and action onto every radio and checkbox
        # group, which repeats the id (invalid HTML, and labels stop working).
        self.helper.form_tag = False

    def responses(self) -> dict[str, list[str]]:
        """The answers as the quiz service takes them: question id -> list of values."""
        result = {}
        for question in self.attempt.questions:
            name = field_name(question["id"])
            if question["type"] == "multiple":
                values = self.data.getlist(name)
            else:
                value = self.data.get(name, "")
                values = [value] if value else []
            result[question["id"]] = values
        return result
