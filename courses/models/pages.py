"""Learning content as Wagtail pages: the catalogue, courses, modules and learning paths."""

from collections.abc import Callable
from typing import ClassVar

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from ..blocks import BaseStreamBlock
from ..page_forms import PageForm
from ..quizzes.blocks import QuestionPoolBlock

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class StaffOnlyMixin:
    """Catalogue pages need a login unless the city opens the catalogue to everyone.

    Each page type is rendered by its view in `courses/views.py` (`renderer`), the
    same function the fast course and module URLs end in, whether Wagtail routes the
    request or previews the page. `CoursesConfig.ready()` sets it: the views read
    through selectors, which import these models, so the models never import them.
    """

    renderer: ClassVar[Callable[..., HttpResponse]]  # (request, page) -> response

    def serve(self, request, *args, **kwargs):
        if not settings.CATALOGUE_PUBLIC and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        request.is_preview = False
        return type(self).renderer(request, self)

    def serve_preview(self, request, mode_name):
        return type(self).renderer(request, self)


class CourseIndexPage(StaffOnlyMixin, Page):
    """The course catalogue: every published course and learning path lives below it."""

    base_form_class = PageForm

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    # Only below the site's home page, which the site names (courses sit below it).
    parent_page_types = [settings.COURSES_CATALOGUE_PARENT]
    subpage_types = ["courses.CoursePage", "courses.LearningPathPage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalogue")


class CourseTag(TaggedItemBase):
    content_object = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CoursePage(StaffOnlyMixin, Page):
    """A course: an ordered set of modules, with what it teaches and for whom."""

    base_form_class = PageForm

    class Level(models.TextChoices):
        INTRODUCTORY = "introductory", _("Introductory")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    summary = models.CharField(
        _("summary"),
        max_length=250,
        help_text=_("One or two sentences for the catalogue card."),
    )
    description = RichTextField(_("description"), blank=True, features=INTRO_FEATURES)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its alt text comes from the image's description."),
    )
    duration_minutes = models.PositiveIntegerField(
        _("estimated duration (minutes)"), default=30
    )
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.INTRODUCTORY
    )
    topics = ClusterTaggableManager(
        through=CourseTag, blank=True, verbose_name=_("topics")
    )
    audience = models.TextField(_("who it is for"), blank=True)
    outcomes = RichTextField(
        _("what you will learn"), blank=True, features=["ul", "bold"]
    )
    prerequisites = ParentalManyToManyField(
        "courses.CoursePage",
        verbose_name=_("prerequisite courses"),
        blank=True,
        related_name="required_by",
    )
    validity_months = models.PositiveIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty if completion never expires."),
    )
    recertification_window_days = models.PositiveIntegerField(
        _("due again (days before expiry)"),
        default=60,
        help_text=_(
            "When completion expires, assigned people are due again this many days "
            "before the expiry date."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("duration_minutes")]),
        FieldPanel("topics"),
        FieldPanel("audience"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldPanel("prerequisites"),
                FieldRowPanel(
                    [
                        FieldPanel("validity_months"),
                        FieldPanel("recertification_window_days"),
                    ]
                ),
            ],
            heading=_("Rules"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("audience"),
        index.FilterField("level"),
        index.FilterField("duration_minutes"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")


class ModulePage(StaffOnlyMixin, Page):
    """A lesson inside a course; with questions, it ends in a knowledge check."""

    base_form_class = PageForm

    class Reveal(models.TextChoices):
        # The default: a learner who failed learns what to revisit, but cannot
        # copy the answers into the next attempt.
        WRONG_UNTIL_DONE = (
            "wrong_until_done",
            _("Which questions were wrong; the answers once passed or out of attempts"),
        )
        AFTER_EACH = "after_each", _("The answers after each attempt")
        ONCE_PASSED = "once_passed", _("The answers only once passed")
        NEVER = "never", _("Never")

    body = StreamField(BaseStreamBlock(), verbose_name=_("lesson content"))
    estimated_minutes = models.PositiveIntegerField(_("estimated minutes"), default=10)
    is_required = models.BooleanField(
        _("required"),
        default=True,
        help_text=_("Optional modules do not count towards completion."),
    )
    questions = StreamField(
        QuestionPoolBlock(),
        blank=True,
        verbose_name=_("question pool"),
        help_text=_(
            "Add questions to end this module with a knowledge check; "
            "passing it completes the module."
        ),
    )
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), default=70)
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), null=True, blank=True, help_text=_("Empty: unlimited.")
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions drawn per attempt"),
        null=True,
        blank=True,
        help_text=_("Empty: all of them."),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=True)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        help_text=_("Empty: no time limit."),
    )
    reveal_answers = models.CharField(
        _("show correct answers"),
        max_length=20,
        choices=Reveal.choices,
        default=Reveal.WRONG_UNTIL_DONE,
    )

    class PackageRule(models.TextChoices):
        # What the package reports that completes the module (docs/packages.md).
        COMPLETED_OR_PASSED = "completed_or_passed", _("Completed or passed")
        COMPLETED = "completed", _("Completed")
        PASSED = "passed", _("Passed")

    package = models.ForeignKey(
        "courses.Package",
        verbose_name=_("e-learning package"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="modules",
        help_text=_(
            "Play a vendor package (SCORM or cmi5) in this module: it completes "
            "when the package reports it."
        ),
    )
    package_rule = models.CharField(
        _("completes when the package reports"),
        max_length=24,
        choices=PackageRule.choices,
        default=PackageRule.COMPLETED_OR_PASSED,
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("is_required")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("package"), FieldPanel("package_rule")])],
            heading=_("E-learning package"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("questions"),
                FieldRowPanel(
                    [
                        FieldPanel("pass_mark"),
                        FieldPanel("attempts_allowed"),
                        FieldPanel("questions_per_attempt"),
                    ]
                ),
                FieldRowPanel(
                    [FieldPanel("shuffle_questions"), FieldPanel("shuffle_options")]
                ),
                FieldRowPanel(
                    [FieldPanel("time_limit_minutes"), FieldPanel("reveal_answers")]
                ),
            ],
            heading=_("Knowledge check"),
        ),
    ]

    @property
    def has_quiz(self) -> bool:
        return len(self.questions) > 0

    @property
    def has_package(self) -> bool:
        return self.package_id is not None

    def clean(self):
        super().clean()
        if self.package_id is not None and self.has_quiz:
            raise ValidationError(
                {
                    "package": _(
                        "A module plays a package or ends in a knowledge check, "
                        "not both: the package reports its own results."
                    )
                }
            )

    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("module")


class LearningPathPage(StaffOnlyMixin, Page):
    """A programme: courses taken in order, with progress of its own."""

    base_form_class = PageForm

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("path_courses", label=_("Courses"), min_num=1),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("learning path")


class LearningPathCourse(Orderable):
    path = ParentalKey(
        LearningPathPage, on_delete=models.CASCADE, related_name="path_courses"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("course")]
