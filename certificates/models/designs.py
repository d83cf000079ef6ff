"""Certificate designs, edited by trainers as Wagtail snippets."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.models import Orderable, PreviewableMixin

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
PLACEHOLDERS = ("holder", "course", "date", "hours")
PLACEHOLDER_RE = re.compile(r"\{([a-z_]*)\}")


def validate_placeholders(value: str) -> None:
    unknown = sorted(
        {name for name in PLACEHOLDER_RE.findall(value) if name not in PLACEHOLDERS}
    )
    if unknown:
        raise ValidationError(
            _(
                "Unknown placeholder %(names)s. Use {holder}, {course}, {date}, {hours}."
            ),
            params={"names": ", ".join("{" + name + "}" for name in unknown)},
            code="unknown_placeholder",
        )


class CertificateDesign(PreviewableMixin, ClusterableModel):
    """How a certificate looks: texts, signatory, images and accent colour."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    issuer = models.CharField(
        _("issuer"),
        max_length=120,
        default="City Learning Hub",
        help_text=_("Who issues the certificate, printed at the top."),
    )
    heading = models.CharField(
        _("heading"), max_length=80, default="Certificate of Completion"
    )
    body = models.TextField(
        _("body text"),
        default="has successfully completed {course} on {date}, "
        "{hours} hours of learning.",
        validators=[validate_placeholders],
        help_text=_(
            "Printed under the holder's name. Placeholders: {holder}, {course}, "
            "{date} (completion date), {hours}."
        ),
    )
    signatory_name = models.CharField(_("signatory name"), max_length=120, blank=True)
    signatory_title = models.CharField(_("signatory title"), max_length=120, blank=True)
    signature_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to use the city seal."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#1f3a5f",
        validators=[
            RegexValidator(HEX_COLOUR, _("Use a colour like #1f3a5f."), code="colour")
        ],
        help_text=_("Borders and the heading. A dark colour keeps text readable."),
    )
    is_default = models.BooleanField(
        _("default design"),
        default=False,
        help_text=_("Used for every course and learning path without a design."),
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("issuer"),
                FieldPanel("heading"),
                FieldPanel("body"),
            ],
            heading=_("Texts"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("signatory_name"), FieldPanel("signatory_title")]
                ),
                FieldPanel("signature_image"),
            ],
            heading=_("Signatory"),
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("accent_colour")], heading=_("Look")
        ),
        FieldPanel("is_default"),
        InlinePanel(
            "assignments",
            heading=_("Used for"),
            label=_("Course or learning path"),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("certificate design")
        verbose_name_plural = _("certificate designs")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="one_default_certificate_design",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if (
            self.is_default
            and CertificateDesign.objects.filter(is_default=True)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {"is_default": _("Another design is the default. Untick it there.")}
            )

    # Previews: the real PDF, rendered with sample data. The snippet's preview
    # views serve it (admin_views.DesignPreviewMixin), not `serve_preview`:
    # rendering reads these models, so the models never import rendering.
    preview_modes = [("", _("Certificate (PDF)"))]


class CertificateDesignAssignment(Orderable):
    """A course or learning path that uses a design (one design per page)."""

    design = ParentalKey(
        CertificateDesign, on_delete=models.CASCADE, related_name="assignments"
    )
    # The choice lives here, so `courses` never needs to know certificates exist.
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("course or learning path"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [
        PageChooserPanel(
            "page", page_type=["courses.CoursePage", "courses.LearningPathPage"]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("design assignment")
