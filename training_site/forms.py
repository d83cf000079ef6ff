"""Account forms, laid out with crispy-bootstrap5."""

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit

from .sso import password_allowed


def _helper(submit_label: str) -> FormHelper:
    helper = FormHelper()
    helper.form_method = "post"
    helper.add_input(Submit("submit", submit_label))
    return helper


class LoginForm(auth_forms.AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.helper = _helper(_("Sign in"))

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not password_allowed(user):
            # Said only once the password was right: it tells nobody else anything.
            raise ValidationError(
                _("Staff accounts sign in with %(name)s: use the button above.")
                % {"name": settings.SSO_LABEL},
                code="sso_required",
            )


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Change password"))


class PasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.helper = _helper(_("Send reset link"))

    def get_users(self, email):
        # A staff account that must use single sign-on gets no password to reset
        # (the page still says "sent", as for an unknown address).
        return (user for user in super().get_users(email) if password_allowed(user))


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Set new password"))
