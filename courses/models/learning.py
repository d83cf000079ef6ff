"""Learning content as Wagtail pages, and learners' progress through it.

Progress rows point at pages by id (foreign keys without database constraints),
so trainers can edit, move or delete content without ever deleting anyone's
history: a completion also records what the course contained at that moment.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.db.models import Q
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
    """Catalogue pages need a login unless the city opens the catalogue to everyone."""

    def serve(self, request, *args, **kwargs):
        if not settings.CATALOGUE_PUBLIC and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)


class CourseIndexPage(StaffOnlyMixin, Page):
    """The course catalogue: every published course and learning path lives below it."""

    base_form_class = PageForm

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["training_site.HomePage"]
    subpage_types = ["courses.CoursePage", "courses.LearningPathPage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import catalogue_for_user

        context = super().get_context(request, *args, **kwargs)
        context.update(
            catalogue_for_user(catalogue=self, user=request.user, params=request.GET)
        )
        return context


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

    def get_context(self, request, *args, **kwargs):
        from ..selectors import course_outline

        context = super().get_context(request, *args, **kwargs)
        context.update(course_outline(course=self, user=request.user))
        return context


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

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("is_required")]),
        FieldPanel("body"),
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

    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("module")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import module_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_context(module=self, user=request.user))
        return context


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

    def get_context(self, request, *args, **kwargs):
        from ..selectors import learning_path_progress

        context = super().get_context(request, *args, **kwargs)
        context.update(learning_path_progress(path=self, user=request.user))
        return context


class LearningPathCourse(Orderable):
    path = ParentalKey(
        LearningPathPage, on_delete=models.CASCADE, related_name="path_courses"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("course")]


class EnrolmentQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(completed_at__isnull=False)

    def in_progress(self):
        return self.filter(completed_at__isnull=True)


class Enrolment(models.Model):
    """One learner on one course: when they joined, started, finished, and where they are."""

    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        ASSIGNED = "assigned", _("Assigned")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    # No database constraint: deleting a course page must not delete history.
    course = models.ForeignKey(
        CoursePage, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    source = models.CharField(
        max_length=10, choices=Source.choices, default=Source.SELF
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_module_id = models.PositiveIntegerField(null=True, blank=True)
    # Set when an expiring completion re-opens the course: attempts and module
    # completions before it belong to the earlier cycle.
    cycle_started_at = models.DateTimeField(null=True, blank=True)
    # What the course required when it was completed: module ids and titles.
    completion_snapshot = models.JSONField(default=dict, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="one_enrolment_per_course"
            ),
        ]
        indexes = [models.Index(fields=["course", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.user} on course {self.course_id}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class ModuleCompletion(models.Model):
    """A module finished within an enrolment; one row per module, ever."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="completions"
    )
    module = models.ForeignKey(
        ModulePage, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "module"], name="one_completion_per_module"
            ),
        ]

    def __str__(self) -> str:
        return f"module {self.module_id} in {self.enrolment}"


class PastCompletion(models.Model):
    """An earlier completion of a course that has since re-opened for recertification."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="past_completions"
    )
    completed_at = models.DateTimeField()
    expires_on = models.DateField(null=True, blank=True)
    completion_snapshot = models.JSONField(default=dict, blank=True)
    reopened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "completed_at"], name="one_past_completion"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} completed {self.completed_at:%Y-%m-%d}"


class QuizAttemptQuerySet(models.QuerySet):
    def in_progress(self):
        return self.filter(status=QuizAttempt.Status.IN_PROGRESS)

    def finished(self):
        return self.exclude(status=QuizAttempt.Status.IN_PROGRESS)


class QuizAttempt(models.Model):
    """One try at a module's knowledge check, with the questions exactly as drawn.

    `questions` is the snapshot taken at the start: question ids (block ids),
    texts, options in the order shown and the answer key. The key never leaves
    the server before the attempt is finished, and grading uses the snapshot,
    so results stay explainable after trainers edit the quiz.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        TIMED_OUT = "timed_out", _("Closed at the time limit")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    module = models.ForeignKey(
        ModulePage, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    number = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField(auto_now_add=True)
    deadline = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    questions = models.JSONField()
    pass_mark = models.PositiveSmallIntegerField()
    reveal_answers = models.CharField(max_length=20)
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True)

    objects = QuizAttemptQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "number"], name="one_attempt_number"
            ),
            # At most one open attempt per learner and quiz.
            models.UniqueConstraint(
                fields=["user", "module"],
                condition=Q(status="in_progress"),
                name="one_open_attempt",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return f"attempt {self.number} by {self.user} on module {self.module_id}"

    @property
    def is_finished(self) -> bool:
        return self.status != self.Status.IN_PROGRESS


class QuizAnswer(models.Model):
    """A learner's answer to one question of one attempt, saved as they go."""

    attempt = models.ForeignKey(
        QuizAttempt, on_delete=models.CASCADE, related_name="answers"
    )
    question_id = models.CharField(max_length=64)
    response = models.JSONField(
        default=list
    )  # option keys, or [text] for short answers
    saved_at = models.DateTimeField(auto_now=True)
    points = models.FloatField(null=True, blank=True)  # 0..1, set when graded

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_id"], name="one_answer_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"answer to {self.question_id} in {self.attempt_id}"
