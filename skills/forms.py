"""Front-end forms: rating one's own skills and reviewing someone's ratings.

Each skill is a radio group (a fieldset whose legend is the skill) and each
level's label carries that skill's descriptor, so the scale reads as it looks.
Only the fields built here are read: anything else in a POST is ignored.
"""

from django import forms
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from crispy_forms.bootstrap import FormActions, StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout

from .models import Level, Skill

NO_EXPERIENCE = _("No experience of this yet.")


def level_label(level: int, descriptor: str) -> SafeString:
    """A level's name and number, with what it looks like for this skill."""
    return format_html(
        '<span class="level-name">{} ({})</span> '
        '<span class="level-descriptor">{}</span>',
        Level(level).label,
        level,
        descriptor,
    )


def level_choices(skill: Skill) -> list[tuple[int, SafeString]]:
    descriptors = {d.level: d.description for d in skill.descriptors.all()}
    return [
        (level.value, level_label(level, descriptors.get(level.value, NO_EXPERIENCE)))
        for level in Level
    ]


def _level_field(skill: Skill, *, help_text: str, required: bool, initial=None):
    return forms.TypedChoiceField(
        label=skill.name,
        choices=level_choices(skill),
        coerce=int,
        empty_value=None,
        required=required,
        initial=initial,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


def _note_field(label: str, *, initial: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=1000,
        initial=initial,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _current_text(current) -> str:
    words = {
        "manager": _(
            "Your current level: %(level)s (%(number)s), confirmed by your manager."
        ),
        "course": _("Your current level: %(level)s (%(number)s), from a course."),
        "self": _("Your last self-rating: %(level)s (%(number)s), unconfirmed."),
    }
    return words[current.source] % {
        "level": Level(current.level).label,
        "number": current.level,
    }


def _button(name: str, label, css: str = "btn-primary") -> StrictButton:
    return StrictButton(label, type="submit", name=name, value="1", css_class=css)


class SelfAssessmentForm(forms.Form):
    """Rate each skill of your role (and any you add), with an optional note."""

    def __init__(self, *args, skills, targets, addable, ratings, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.skills = skills
        self.required_skills = [s for s in skills if s.pk in targets]
        layout = []
        for skill in skills:
            saved = ratings.get(str(skill.pk), {})
            target = targets.get(skill.pk)
            help_text = (
                _("%(category)s. Target for your role: %(level)s (%(number)s).")
                % {
                    "category": skill.category.name,
                    "level": Level(target).label,
                    "number": target,
                }
                if target
                else _("%(category)s. Not one of your role's targets.")
                % {"category": skill.category.name}
            )
            if skill.pk in current:
                help_text += " " + _current_text(current[skill.pk])
            self.fields[f"level_{skill.pk}"] = _level_field(
                skill, help_text=help_text, required=False, initial=saved.get("level")
            )
            self.fields[f"note_{skill.pk}"] = _note_field(
                _("Note on %(skill)s (optional)") % {"skill": skill.name},
                initial=saved.get("note", ""),
            )
            layout.append(
                Div(
                    Field(f"level_{skill.pk}"),
                    Field(f"note_{skill.pk}"),
                    css_class="skill-rating",
                )
            )
        self.fields["add_skill"] = forms.TypedChoiceField(
            label=_("Add another skill to rate"),
            choices=[("", _("Choose a skill"))] + [(s.pk, s.name) for s in addable],
            coerce=int,
            empty_value=None,
            required=False,
        )
        if addable:
            layout.append(
                Div(
                    Field("add_skill"),
                    _button("add", _("Add skill"), "btn-outline-primary"),
                    css_class="add-skill mb-4",
                )
            )
        else:
            del self.fields["add_skill"]
        layout.append(
            FormActions(
                _button("save_draft", _("Save draft"), "btn-outline-primary"),
                _button("submit_review", _("Submit for review")),
            )
        )
        self.helper = FormHelper()
        self.helper.form_id = "self-assessment-form"
        self.helper.layout = Layout(*layout)

    @property
    def is_submit(self) -> bool:
        return "submit_review" in self.data

    @property
    def is_add(self) -> bool:
        return "add" in self.data

    def clean(self):
        cleaned = super().clean()
        if self.is_submit:
            for skill in self.required_skills:
                if cleaned.get(f"level_{skill.pk}") is None:
                    self.add_error(
                        f"level_{skill.pk}",
                        _("Rate this skill before submitting, or save a draft."),
                    )
        return cleaned

    def ratings(self) -> dict[int, tuple[int | None, str]]:
        """{skill id: (level or None, note)} for every skill on the form."""
        ratings = {
            s.pk: (
                self.cleaned_data.get(f"level_{s.pk}"),
                self.cleaned_data.get(f"note_{s.pk}", ""),
            )
            for s in self.skills
        }
        added = self.cleaned_data.get("add_skill")
        if self.is_add and added is not None:
            ratings.setdefault(added, (None, ""))
        return ratings


class ReviewForm(forms.Form):
    """Confirm (leave as rated) or adjust each rating, with a comment."""

    def __init__(self, *args, items, employee_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        layout = []
        for item in items:
            skill, own = item["skill"], item["self"]
            help_text = _("%(person)s rated this %(level)s (%(number)s).") % {
                "person": employee_name,
                "level": Level(own.level).label,
                "number": own.level,
            }
            if item["target"]:
                help_text += " " + _(
                    "Target for their role: %(level)s (%(number)s)."
                ) % {
                    "level": Level(item["target"]).label,
                    "number": item["target"],
                }
            if own.note:
                help_text += " " + _("Their note: “%(note)s”") % {"note": own.note}
            if evidence := item.get("evidence"):
                help_text += " " + _(
                    "Since they submitted this, %(course)s gave course evidence of "
                    "%(level)s (%(number)s) on %(date)s; a lower rating here "
                    "replaces it."
                ) % {
                    "course": evidence.note,
                    "level": Level(evidence.level).label,
                    "number": evidence.level,
                    "date": date_format(localtime(evidence.created_at), "j M Y"),
                }
            self.fields[f"level_{skill.pk}"] = _level_field(
                skill, help_text=help_text, required=True, initial=own.level
            )
            self.fields[f"comment_{skill.pk}"] = _note_field(
                _("Comment on %(skill)s (needed if you adjust the rating)")
                % {"skill": skill.name}
            )
            layout.append(
                Div(
                    Field(f"level_{skill.pk}"),
                    Field(f"comment_{skill.pk}"),
                    css_class="skill-rating",
                )
            )
        layout.append(FormActions(_button("save_review", _("Save review"))))
        self.helper = FormHelper()
        self.helper.form_id = "review-form"
        self.helper.layout = Layout(*layout)

    def clean(self):
        cleaned = super().clean()
        for item in self.items:
            pk = item["skill"].pk
            level = cleaned.get(f"level_{pk}")
            adjusted = level is not None and level != item["self"].level
            if adjusted and not cleaned.get(f"comment_{pk}", "").strip():
                self.add_error(f"comment_{pk}", _("Say why you adjusted this rating."))
        return cleaned

    def decisions(self) -> dict[int, tuple[int, str]]:
        """{skill id: (level, comment)} for every rated skill."""
        return {
            item["skill"].pk: (
                self.cleaned_data[f"level_{item['skill'].pk}"],
                self.cleaned_data.get(f"comment_{item['skill'].pk}", ""),
            )
            for item in self.items
        }
