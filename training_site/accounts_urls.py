"""Sign in, sign out, password change and reset: Django's views, our templates."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.template.response import TemplateResponse
from django.urls import path, reverse, reverse_lazy

from people.permissions import user_can_access_admin

from . import forms
from .sso import enabled_providers
from .sso.signout import provider_logout_url

app_name = "accounts"


class LoginView(auth_views.LoginView):
    """Passwords, and "Sign in with <city>" first when single sign-on is set up."""

    authentication_form = forms.LoginForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sso_providers=enabled_providers(),
            password_for_everyone=settings.LOCAL_SIGN_IN == "everyone",
            **kwargs,
        )


class AdminLoginView(LoginView):
    """The same sign-in page at /admin/login/, landing in the admin when allowed."""

    def get_default_redirect_url(self):
        # Only without a `next`: someone who typed /admin/login/ wants the admin.
        if user_can_access_admin(self.request.user):
            return reverse("wagtailadmin_home")
        return super().get_default_redirect_url()


# No redirect_authenticated_user: a signed-in user sent here by a page they may
# not open would bounce between the two forever. The template tells them instead.
login_view = LoginView.as_view()
admin_login_view = AdminLoginView.as_view()


class LogoutView(auth_views.LogoutView):
    """Sign out here, then at the identity provider when the session came from one.

    The way on to the provider is a page with a link (followed at once by a
    script), not a redirect: browsers hold a form's redirect to the CSP's
    form-action, which names only this site, and the provider's sign-out address
    is only known once its metadata is read.
    """

    def post(self, request, *args, **kwargs):
        at_provider = provider_logout_url(request)
        response = super().post(request, *args, **kwargs)
        if not at_provider:
            return response
        return TemplateResponse(
            request,
            "registration/signing_out.html",
            {"provider_url": at_provider, "provider": settings.SSO_LABEL},
        )


urlpatterns = [
    path("login/", login_view, name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            form_class=forms.PasswordChangeForm,
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            form_class=forms.PasswordResetForm,
            email_template_name="registration/password_reset_email.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            form_class=forms.SetPasswordForm,
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
