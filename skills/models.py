"""The skills framework, what each role needs, and what each person can do.

The framework (categories, skills, level descriptors, role targets) is edited by
L&D admins. Assessments are append-only history; `CurrentSkillLevel` is derived
from them in the same transaction, so reading levels never re-derives anything.
The rule that derives it lives in `skills/levels.py` and docs/skills.md.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class Level(models.IntegerChoices):
    """The one proficiency scale of the whole framework."""

    NONE = 0, _("None")
    AWARENESS = 1, _("Awareness")
    WORKING = 2, _("Working")
    PRACTITIONER = 3, _("Practitioner")
    EXPERT = 4, _("Expert")


# Levels a skill describes, a role can target and a course can reach (not "None").
TARGET_CHOICES = [(level.value, level.label) for level in Level if level > 0]
MAX_LEVEL = max(Level.values)


class SkillCategory(models.Model):
    """A group of related skills ("Data literacy")."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("skill category")
        verbose_name_plural = _("skill categories")

    def __str__(self) -> str:
        return self.name


class SkillQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def in_framework_order(self):
        return self.order_by("category__sort_order", "category__name", "name")


class Skill(ClusterableModel):
    """One capability of the framework, with what each level of it looks like."""

    code = models.SlugField(
        _("code"),
        max_length=50,
        unique=True,
        help_text=_("A short, stable key used in spreadsheets, e.g. data-literacy."),
    )
    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    category = models.ForeignKey(
        SkillCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="skills",
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive skills keep their history but are no longer rated."),
    )

    objects = SkillQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self) -> str:
        return self.name

    def framework_key(self) -> tuple:
        """The sort key of `SkillQuerySet.in_framework_order()`, for lists in Python."""
        return (self.category.sort_order, self.category.name, self.name)


class SkillLevelDescriptor(models.Model):
    """What one level of one skill looks like in practice."""

    skill = ParentalKey(Skill, on_delete=models.CASCADE, related_name="descriptors")
    level = models.PositiveSmallIntegerField(_("level"), choices=TARGET_CHOICES)
    description = models.CharField(_("what it looks like"), max_length=300)

    panels = [FieldPanel("level"), FieldPanel("description")]

    class Meta:
        ordering = ["level"]
        verbose_name = _("proficiency level descriptor")
        verbose_name_plural = _("proficiency level descriptors")
        constraints = [
            models.UniqueConstraint(
                fields=["skill", "level"], name="one_descriptor_per_level"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.skill_id}: {self.get_level_display()}"


class RoleSkillTarget(models.Model):
    """The level a role profile needs in one skill."""

    skill = ParentalKey(Skill, on_delete=models.CASCADE, related_name="role_targets")
    role_profile = models.ForeignKey(
        "people.RoleProfile",
        verbose_name=_("role profile"),
        on_delete=models.CASCADE,
        related_name="skill_targets",
    )
    level = models.PositiveSmallIntegerField(_("target level"), choices=TARGET_CHOICES)

    panels = [FieldPanel("role_profile"), FieldPanel("level")]

    class Meta:
        verbose_name = _("role target")
        verbose_name_plural = _("role targets")
        constraints = [
            models.UniqueConstraint(
                fields=["role_profile", "skill"], name="one_target_per_role_skill"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role_profile}: {self.skill} {self.level}"


class CourseSkillOutcome(Orderable):
    """A skill a course builds, and the level a learner reaches by completing it.

    The key to the course page is a string reference: courses never imports skills.
    """

    course = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="skill_outcomes"
    )
    skill = models.ForeignKey(
        Skill,
        verbose_name=_("skill"),
        on_delete=models.CASCADE,
        related_name="course_outcomes",
    )
    level = models.PositiveSmallIntegerField(_("level reached"), choices=TARGET_CHOICES)

    panels = [FieldPanel("skill"), FieldPanel("level")]

    class Meta(Orderable.Meta):
        verbose_name = _("skill outcome")
        verbose_name_plural = _("skill outcomes")
        constraints = [
            models.UniqueConstraint(
                fields=["course", "skill"], name="one_outcome_per_course_skill"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.skill} {self.level}"


class SelfAssessment(models.Model):
    """One round of rating oneself: a draft, then submitted, then reviewed.

    Draft ratings live in `ratings` and may change freely; submitting appends
    them to the record as self-assessments, and the manager's review appends
    manager ratings. An employee has at most one open (draft or submitted) round.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for review")
        REVIEWED = "reviewed", _("Reviewed")

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="self_assessments"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # {"<skill id>": {"level": 0-4 or null, "note": "..."}} while a draft.
    ratings = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notice_dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["employee"],
                condition=Q(status__in=["draft", "submitted"]),
                name="one_open_self_assessment",
            ),
        ]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"self-assessment {self.pk} of {self.employee_id} ({self.status})"


class Assessment(models.Model):
    """One rating of one person's skill, by themselves, their manager or a course.

    Append-only: a new opinion is a new row, so the history explains every level.
    """

    class Kind(models.TextChoices):
        SELF = "self", _("Self-assessment")
        MANAGER = "manager", _("Manager rating")
        COURSE = "course", _("Course evidence")

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="skill_assessments"
    )
    skill = models.ForeignKey(
        Skill, on_delete=models.PROTECT, related_name="assessments"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    note = models.TextField(blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    self_assessment = models.ForeignKey(
        SelfAssessment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessments",
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # Course evidence arrives once per completion, however often it is sent.
            models.UniqueConstraint(
                fields=["employee", "skill", "enrolment"],
                condition=Q(kind="course"),
                name="one_course_evidence_per_completion",
            ),
            models.CheckConstraint(
                condition=Q(level__gte=0, level__lte=MAX_LEVEL),
                name="assessment_level_on_scale",
            ),
        ]
        indexes = [models.Index(fields=["employee", "skill", "kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.level} for {self.employee_id}/{self.skill_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Assessments are append-only; add a new one instead.")
        super().save(*args, **kwargs)


class CurrentSkillLevel(models.Model):
    """Derived: one person's current level in one skill, kept with each assessment."""

    class Source(models.TextChoices):
        MANAGER = "manager", _("Confirmed by manager")
        COURSE = "course", _("Course evidence")
        SELF = "self", _("Self-rated, unconfirmed")

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="skill_levels"
    )
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    source = models.CharField(max_length=10, choices=Source.choices)
    assessed_at = models.DateTimeField()
    self_level = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "skill"], name="one_current_level"
            ),
        ]
        indexes = [
            # Reports count levels at target without reading the table's rows.
            models.Index(
                fields=["employee", "skill", "level"], name="current_level_covering"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id}/{self.skill_id}: {self.level} ({self.source})"

    @property
    def is_confirmed(self) -> bool:
        return self.source != self.Source.SELF
