"""The admin ModelViewSet every app's listings build on."""

from wagtail.admin.viewsets.model import ModelViewSet


class JoinedModelViewSet(ModelViewSet):
    """A ModelViewSet whose listing and its CSV/XLSX export join `list_select_related`.

    Wagtail's ModelViewSet never calls a `get_queryset(request)` method (only
    SnippetViewSet does), so without this every related column in the list
    and every exported row costs a query of its own.
    """

    list_select_related: tuple[str, ...] = ()

    def get_index_view_kwargs(self, **kwargs):
        if self.list_select_related:
            kwargs.setdefault(
                "queryset",
                self.model._default_manager.select_related(*self.list_select_related),
            )
        return super().get_index_view_kwargs(**kwargs)
