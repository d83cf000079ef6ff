"""Forms for editing people in the Wagtail admin and uploading a roster."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .models import RosterImport
from .selectors import employee_reporting_line_ids


class EmployeeAdminForm(WagtailAdminModelForm):
    """Edit a person's unit and manager without creating a reporting loop."""

    def clean_manager(self):
        manager = self.cleaned_data.get("manager")
        if manager is None or self.instance.pk is None:
            return manager
        if manager.pk == self.instance.pk:
            raise forms.ValidationError(_("A person cannot be their own manager."))
        if manager.pk in employee_reporting_line_ids(employee=self.instance):
            raise forms.ValidationError(
                _("%(manager)s reports to %(person)s, so this would make a loop.")
                % {"manager": manager, "person": self.instance}
            )
        return manager

    def save(self, commit=True):
        employee = super().save(commit=commit)
        if commit and employee.user.is_active != employee.is_active:
            # Deactivated people cannot sign in; their history stays.
            employee.user.is_active = employee.is_active
            employee.user.save(update_fields=["is_active"])
        return employee


class RosterUploadForm(forms.Form):
    """Step one of the admin import: the file and the options."""

    file = forms.FileField(
        label=_("Roster file (CSV)"),
        help_text=_("UTF-8 CSV exported from HR. See the format guide below."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    deactivate_missing = forms.BooleanField(
        label=RosterImport.OPTION_LABELS["deactivate_missing"],
        required=False,
    )
    allow_mass_deactivation = forms.BooleanField(
        label=RosterImport.OPTION_LABELS["allow_mass_deactivation"],
        required=False,
        help_text=_("Only tick this when you are sure the file is complete."),
    )


class RosterConfirmForm(forms.Form):
    """Step two: apply exactly the file that was previewed."""

    token = forms.CharField(widget=forms.HiddenInput)
    sha256 = forms.CharField(widget=forms.HiddenInput)
    filename = forms.CharField(widget=forms.HiddenInput, required=False)
    deactivate_missing = forms.BooleanField(required=False, widget=forms.HiddenInput)
    allow_mass_deactivation = forms.BooleanField(
        required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        # The preview shows this form above a new upload form with fields of the
        # same names; hidden fields need no ids, and the upload form's labels
        # must point at its own checkboxes.
        kwargs.setdefault("auto_id", False)
        super().__init__(*args, **kwargs)
