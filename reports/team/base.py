"""One *My team* list, declared: its filters, template, export kind and headings.

As Wagtail's `ReportView`, a report is a short class: it names its parts and
says which selector gives its rows. The base checks the permission, reads the
filters (which only narrow), renders the page, and answers `?format=csv|xlsx`
with exactly the rows on screen (every page of them). A big XLSX is built by
a worker, which calls `export` with the owner's scope at the time it runs.
"""

from collections.abc import Iterable, Sequence
from functools import cached_property

from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views import View

from ..permissions import user_can_view_team_reports
from ..views import export_response


@method_decorator(login_required, name="dispatch")
class TeamReportView(View):
    """The base of every *My team* list: permission, filters, page and export."""

    template_name: str
    filter_form_class: type[forms.Form]  # with params(): the cleaned, narrowing filters
    export_kind: str  # the background builder's kind (`tasks.BUILDERS`)
    export_filename: str
    export_headings: Sequence  # the export's header row, in column order

    # Set by dispatch() for a request, or by export() for a background job.
    user: AbstractBaseUser
    params: dict

    def dispatch(self, request, *args, **kwargs):
        if not user_can_view_team_reports(request.user):
            raise PermissionDenied
        self.user = request.user
        self.params = self.filter_form_class(request.GET).params()
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def export(
        cls, *, user: AbstractBaseUser, params: dict
    ) -> tuple[list[str], Iterable[Sequence]]:
        """Header and rows of the export, for a background job (no request)."""
        view = cls(user=user, params=params)
        return view.export_header(), view.export_rows()

    # --- what a report declares -------------------------------------------------------

    def get_report(self):
        """The selector call behind the page and its export (made at most once)."""
        raise NotImplementedError

    def export_rows(self) -> Iterable[Sequence]:
        """The export's rows, read from `report` only as they are written."""
        raise NotImplementedError

    def export_count(self) -> int:
        """How many rows the export will have, without building them."""
        raise NotImplementedError

    def get_context_data(self) -> dict:
        """What the page's template reads besides `params` and `query`."""
        return {}

    def check_params(self) -> None:
        """Refuse parameters that name something outside the user's scope (404)."""

    # --- the machinery ----------------------------------------------------------------

    @cached_property
    def report(self):
        return self.get_report()

    def export_header(self) -> list[str]:
        return [str(heading) for heading in self.export_headings]

    def query_string(self, *, drop: tuple[str, ...] = ("page", "format")) -> str:
        """The filters as a query string, for links that keep them."""
        query = self.request.GET.copy()
        for key in drop:
            query.pop(key, None)
        return query.urlencode()

    def get(self, request, *args, **kwargs):
        self.check_params()
        if request.GET.get("format"):
            exported = export_response(
                request,
                kind=self.export_kind,
                params=self.params,
                filename=self.export_filename,
                header=self.export_header(),
                rows_qs_or_callable=self.export_rows,
                row_count=self.export_count(),
            )
            if exported is not None:
                return exported
        context = {"params": self.params, "query": self.query_string()}
        return render(
            request, self.template_name, {**context, **self.get_context_data()}
        )
