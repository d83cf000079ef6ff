"""Forms: the public verification page and the admin's revoke and bulk screens."""

import hashlib

from django import forms
from django.utils.translation import gettext_lazy as _

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit

from courses.models import CoursePage
from people.models import OrgUnit

from .selectors import CODE_RE

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class VerifyLookupForm(forms.Form):
    """Type in a verification code (it is printed under the QR code)."""

    code = forms.CharField(
        label=_("Verification code"),
        max_length=64,
        strip=True,
        help_text=_("Printed on the certificate, in the link under its QR code."),
    )

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not CODE_RE.match(code):
            raise forms.ValidationError(
                _("That is not a verification code. Check it and try again.")
            )
        return code

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
