"""Knowledge-check questions, authored as StreamField blocks on a module.

A block's id is the identity of its question in every attempt and answer, so
editing a question's wording keeps its history, and reordering changes nothing.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

EXPLANATION_FEATURES = ["bold", "italic", "link"]


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)
    correct = blocks.BooleanBlock(required=False)
    feedback = blocks.CharBlock(
        required=False,
        max_length=300,
        help_text=_("Shown after the attempt, if allowed."),
    )


class _ChoiceQuestionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Question"))
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=8)
    explanation = blocks.RichTextBlock(required=False, features=EXPLANATION_FEATURES)

    allowed_correct: tuple[int, int] = (1, 1)

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["correct"])
        low, high = self.allowed_correct
        if not low <= correct <= min(high, len(value["options"])):
            raise StructBlockValidationError(
                block_errors={
                    "options": ErrorList([ValidationError(self.correct_message)])
                }
            )
        return value


class SingleChoiceQuestionBlock(_ChoiceQuestionBlock):
    correct_message = _("Mark exactly one option as correct.")

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceQuestionBlock(_ChoiceQuestionBlock):
    allowed_correct = (1, 8)
    correct_message = _("Mark at least one option as correct.")

    class Meta:
        icon = "tasks"
        label = _("Multiple choice (all that apply)")


class TrueFalseQuestionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Statement"))
    correct = blocks.BooleanBlock(required=False, label=_("The statement is true"))
    explanation = blocks.RichTextBlock(required=False, features=EXPLANATION_FEATURES)

    class Meta:
        icon = "success"
        label = _("True or false")


class ShortAnswerQuestionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Question"))
    accepted = blocks.ListBlock(
        blocks.CharBlock(max_length=100),
        min_num=1,
        label=_("Accepted answers"),
        help_text=_("Case and extra spaces are ignored."),
    )
    explanation = blocks.RichTextBlock(required=False, features=EXPLANATION_FEATURES)

    class Meta:
        icon = "edit"
        label = _("Short text answer")


class QuestionPoolBlock(blocks.StreamBlock):
    single = SingleChoiceQuestionBlock()
    multiple = MultipleChoiceQuestionBlock()
    truefalse = TrueFalseQuestionBlock()
    short = ShortAnswerQuestionBlock()
