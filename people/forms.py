"""Forms for editing people in the Wagtail admin (the roster upload's are roster.upload)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

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
