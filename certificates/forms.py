"""Forms: the public verification page and the admin's revoke and bulk screens."""

import hashlib

from django import forms
from django.utils.translation import gettext_lazy as _

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit

from courses.models import CoursePage
from people.models import OrgUnit

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
PDF_HEADER_WITHIN = 1024
NOT_A_PDF = _(
    "This file is not a PDF. Upload the certificate's PDF file, "
    "as it was downloaded or sent to you."
)


class VerifyLookupForm(forms.Form):
    """Type in a verification code or the certificate number (both are printed)."""

    # Long enough for a pasted verification link; what it names is found by
    # certificates.selectors.certificate_lookup.
    code = forms.CharField(
        label=_("Verification code or certificate number"),
        max_length=300,
        strip=True,
        help_text=_(
            "Both are printed on the certificate: the code in the link under its "
            "QR code, the number (for example CLH-2026-000074) beside it."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.add_input(Submit("submit", _("Check certificate")))


class VerifyUploadForm(forms.Form):
    """Upload a PDF to learn whether it is, byte for byte, the file we issued."""

    file = forms.FileField(
        label=_("Certificate PDF"),
        help_text=_("The file is compared and then discarded; it is never stored."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
        # An empty file is no more a PDF than a photo is.
        error_messages={"empty": NOT_A_PDF},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("submit", _("Compare file")))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("That file is too large to be one of our certificates.")
            )
        # Readers accept the header anywhere in the first kilobyte (ISO 32000-1,
        # annex H); our own files start with it.
        head = upload.read(PDF_HEADER_WITHIN)
        upload.seek(0)
        if b"%PDF-" not in head:
            raise forms.ValidationError(NOT_A_PDF, code="not_pdf")
        return upload

    def sha256(self) -> str:
        digest = hashlib.sha256()
        for chunk in self.cleaned_data["file"].chunks():
            digest.update(chunk)
        return digest.hexdigest()


class RevokeForm(forms.Form):
    """Revoking needs a reason: it is shown to everyone who verifies the certificate."""

    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_(
            "Shown on the public verification page. Do not include personal details."
        ),
    )


class BulkIssueForm(forms.Form):
    """Pick a course and, optionally, an org unit (it includes its sub-units)."""

    course = forms.ModelChoiceField(
        label=_("Course"),
        queryset=CoursePage.objects.live().order_by("title"),
    )
    org_unit = forms.ModelChoiceField(
        label=_("Org unit"),
        queryset=OrgUnit.objects.filter(is_active=True).order_by("path"),
        required=False,
        empty_label=_("Whole organisation"),
        help_text=_("Includes every unit below the one you choose."),
    )
