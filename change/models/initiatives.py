"""A change initiative, its check-in rounds and its suggested action per barrier."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from courses.models import CoursePage

from ..stages import STAGE_CHOICES

# Linked training is due this many days before go-live unless the initiative says.
TRAINING_DUE_DAYS_BEFORE = 7


class Initiative(ClusterableModel):
    """A new tool or way of working rolled out to some people by a go-live date."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    tool_name = models.CharField(
        _("tool or way of working"),
        max_length=100,
        help_text=_("Fills the check-in items: “I know why we are moving to …”."),
    )
    why = models.TextField(
        _("why"),
        help_text=_("The case for the change in plain language, shown to staff."),
    )
    sponsor = models.ForeignKey(
        "people.Employee",
        verbose_name=_("sponsor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    change_leads = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("change leads"),
        blank=True,
        related_name="led_initiatives",
        help_text=_("They see and edit this initiative in the admin."),
    )
    go_live = models.DateField(_("go-live"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    # Affected people: everyone in these units (with their sub-units), and
    # everyone holding these role profiles (change.selectors.affected_employees).
    units = models.ManyToManyField(
        "people.OrgUnit",
        verbose_name=_("org units"),
        blank=True,
        related_name="+",
        help_text=_("Everyone in these units and their sub-units is affected."),
    )
    role_profiles = models.ManyToManyField(
        "people.RoleProfile",
        verbose_name=_("role profiles"),
        blank=True,
        related_name="+",
        help_text=_("Everyone with one of these role profiles is affected, anywhere."),
    )
    courses = models.ManyToManyField(
        CoursePage,
        verbose_name=_("linked training"),
        blank=True,
        related_name="+",
        help_text=_("Mandatory for everyone affected, due before go-live."),
    )
    training_due_days_before = models.PositiveSmallIntegerField(
        _("training due (days before go-live)"), default=TRAINING_DUE_DAYS_BEFORE
    )
    # The mandatory-training assignments made for the linked courses, so that
    # editing the initiative updates the same ones (change.services).
    assignments = models.ManyToManyField(
        "assignments.Assignment", blank=True, editable=False, related_name="+"
    )
    # The due date those assignments were last given: when go-live (or the
    # days before it) moves, the ones still due on it move with it, and one
    # counted with a date of its own keeps that (change.services).
    linked_training_due_on = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["go_live", "name"]
        verbose_name = _("change initiative")
        verbose_name_plural = _("change initiatives")

    def __str__(self) -> str:
        return self.name


class BarrierAction(models.Model):
    """What to do for people whose barrier is one stage, for one initiative."""

    # Parental: edited inline with the initiative in the admin.
    initiative = ParentalKey(
        Initiative, on_delete=models.CASCADE, related_name="barrier_actions"
    )
    stage = models.PositiveSmallIntegerField(_("barrier"), choices=STAGE_CHOICES)
    text = models.TextField(_("suggested action"))

    class Meta:
        ordering = ["initiative", "stage"]
        verbose_name = _("suggested action")
        verbose_name_plural = _("suggested actions")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "stage"], name="one_action_per_barrier"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative}: {self.get_stage_display()}"


class CheckInRoundQuerySet(models.QuerySet):
    def open_on(self, day: date):
        """Rounds taking answers on `day` (both ends included)."""
        return self.filter(opens_on__lte=day, closes_on__gte=day)

    def closed_on(self, day: date):
        """Rounds whose results may be shown on `day`: they closed before it."""
        return self.filter(closes_on__lt=day)


class CheckInRound(models.Model):
    """One check-in of an initiative: open for answers from opens_on to closes_on."""

    class State(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    initiative = ParentalKey(
        Initiative, on_delete=models.CASCADE, related_name="rounds"
    )
    name = models.CharField(_("name"), max_length=100)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"), help_text=_("Last day for answers."))

    objects = CheckInRoundQuerySet.as_manager()

    class Meta:
        ordering = ["initiative", "opens_on", "pk"]
        verbose_name = _("check-in round")
        verbose_name_plural = _("check-in rounds")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="round_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative}: {self.name}"

    def state_on(self, day: date | None = None) -> str:
        """Upcoming, open or closed on `day` (today by default), from the dates alone."""
        day = day or timezone.localdate()
        if day < self.opens_on:
            return self.State.UPCOMING
        if day <= self.closes_on:
            return self.State.OPEN
        return self.State.CLOSED

    @property
    def state(self) -> str:
        return self.state_on()

    def before_go_live(self, day: date | None = None) -> bool:
        """Whether `day` is before go-live: Apply and Sustain may be "not yet"."""
        return (day or timezone.localdate()) < self.initiative.go_live
