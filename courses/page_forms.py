"""The admin form every page of ours is edited with."""

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


class PageForm(WagtailAdminPageForm):
    """A page form whose slug may be left blank: saving makes it from the title.

    The editor copies the title into the slug only on a later event (blur or a
    key-up), so a trainer who types a title and presses *Save draft* at once
    would otherwise be told, on a tab they cannot see, that the slug is required.
    Wagtail's `Page.full_clean` fills a blank slug from the title once the page
    has a parent, de-duplicated among its siblings. Only until the page is first
    published: after that its address is public and changes only when typed.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A published page keeps its address unless someone types a new one:
        # clearing the slug must not move it silently (Wagtail's title sync also
        # leaves live pages alone).
        if "slug" in self.fields and self.instance.first_published_at is None:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "The page's name in its address. Leave it blank to make one "
                "from the title."
            )

    def clean(self):
        cleaned_data = super().clean()
        title = cleaned_data.get("title")
        slug_blank = "slug" in self.fields and not cleaned_data.get("slug")
        if slug_blank and title and not slugify(title, allow_unicode=True):
            self.add_error(
                "slug",
                forms.ValidationError(
                    _(
                        "The title has no letters or digits to make a slug from: enter one."
                    ),
                    code="slug_from_title_empty",
                ),
            )
        return cleaned_data
