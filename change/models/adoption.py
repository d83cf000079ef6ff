"""Adoption data: who used an initiative's new tool on which day, and the
tokens a system uses to post that data (docs/change.md, "Adoption data")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .initiatives import Initiative


class UsageDay(models.Model):
    """One person's use of an initiative's new tool on one day (imported or posted)."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="usage_days"
    )
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("day"))
    # 0: reported and not active that day ("active" means count > 0).
    count = models.PositiveIntegerField(_("count"), default=1)

    class Meta:
        verbose_name = _("usage day")
        verbose_name_plural = _("usage days")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "employee", "day"],
                name="one_usage_row_per_day",
            ),
        ]
        indexes = [models.Index(fields=["initiative", "day"])]

    def __str__(self) -> str:
        return f"{self.employee_id} on {self.day}: {self.count}"


class UsageToken(models.Model):
    """A bearer token allowing a system to post one initiative's usage.

    Only the SHA-256 of the token is stored: the raw token is shown once, when
    it is created, and cannot be recovered.
    """

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="usage_tokens"
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("Who or what uses it, e.g. “Ledger sync job”."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("usage token")
        verbose_name_plural = _("usage tokens")

    def __str__(self) -> str:
        return f"{self.initiative}: {self.name}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
