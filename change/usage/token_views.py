"""Usage API tokens in the admin: list and make them, revoke one (with a confirm).

For the people who may import the initiative's usage (change.permissions). The
raw token is on the page that answers the "make" form and nowhere else, the way
Wagtail's own API tokens show it.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import Initiative, UsageToken
from ..permissions import user_can_import_usage
from .tokens import TokenNameTakenError, usage_token_create, usage_token_revoke


class UsageTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=UsageToken._meta.get_field("name").max_length,
        help_text=gettext_lazy("Who or what will use it, e.g. “Nightly sync”."),
    )


class _InitiativeUsageView(WagtailAdminTemplateMixin, View):
    """An admin page about one initiative's usage, for those who may import it."""

    header_icon = "key"

    def dispatch(self, request, *args, pk: int, **kwargs):
        self.initiative = get_object_or_404(Initiative, pk=pk)
        if not user_can_import_usage(request.user, self.initiative):
            raise PermissionDenied
        return super().dispatch(request, *args, pk=pk, **kwargs)

    def get_page_subtitle(self) -> str:
        return str(self.initiative)

    @property
    def tokens_url(self) -> str:
        return reverse("change_usage:tokens", args=[self.initiative.pk])

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {
                "url": reverse("change_initiative:index"),
                "label": _("Change initiatives"),
            },
            {
                "url": reverse("change_initiative:edit", args=[self.initiative.pk]),
                "label": str(self.initiative),
            },
            *self.more_breadcrumbs(),
        ]

    def more_breadcrumbs(self) -> list[dict]:
        return [{"url": "", "label": self.get_page_title()}]

    def render(self, template: str, *, status: int = 200, **context):
        context = self.get_context_data(initiative=self.initiative, **context)
        return TemplateResponse(self.request, template, context, status=status)


class UsageTokensView(_InitiativeUsageView):
    """The initiative's tokens, and the form that makes one."""

    page_title = gettext_lazy("Usage API tokens")

    def get(self, request, *args, **kwargs):
        return self._list(UsageTokenForm())

    def post(self, request, *args, **kwargs):
        form = UsageTokenForm(request.POST)
        if form.is_valid():
            try:
                token, raw = usage_token_create(
                    initiative=self.initiative,
                    name=form.cleaned_data["name"],
                    actor=request.user,
                )
            except TokenNameTakenError as error:
                form.add_error("name", error.message)
            else:
                return self.render(
                    "change/admin/usage_token_created.html",
                    token=token,
                    raw_token=raw,
                    endpoint=request.build_absolute_uri(
                        reverse("change:usage-api", args=[self.initiative.slug])
                    ),
                    page_title=_("Usage API token made"),
                )
        return self._list(form, status=400)

    def _list(self, form, *, status: int = 200):
        tokens = self.initiative.usage_tokens.select_related("created_by")
        return self.render(
            "change/admin/usage_tokens.html",
            status=status,
            form=form,
            tokens=tokens,
            import_url=reverse("change_usage:import", args=[self.initiative.pk]),
            endpoint=self.request.build_absolute_uri(
                reverse("change:usage-api", args=[self.initiative.slug])
            ),
        )


class UsageTokenRevokeView(_InitiativeUsageView):
    """Ask, then revoke one token: it stops working at once."""

    page_title = gettext_lazy("Revoke usage API token")

    def dispatch(self, request, *args, pk: int, token_pk: int, **kwargs):
        self.token_pk = token_pk
        return super().dispatch(request, *args, pk=pk, **kwargs)

    def more_breadcrumbs(self) -> list[dict]:
        return [
            {"url": self.tokens_url, "label": _("Usage API tokens")},
            {"url": "", "label": self.get_page_title()},
        ]

    def _token(self) -> UsageToken:
        return get_object_or_404(
            UsageToken, pk=self.token_pk, initiative=self.initiative
        )

    def get(self, request, *args, **kwargs):
        token = self._token()
        if token.is_revoked:
            messages.info(request, _("That token is already revoked."))
            return redirect(self.tokens_url)
        return self.render(
            "change/admin/usage_token_revoke.html",
            token=token,
            tokens_url=self.tokens_url,
        )

    def post(self, request, *args, **kwargs):
        token = self._token()
        if usage_token_revoke(token=token):
            messages.success(
                request,
                _("Token “%(name)s” revoked: it no longer works.")
                % {"name": token.name},
            )
        else:
            messages.info(request, _("That token is already revoked."))
        return redirect(self.tokens_url)
