"""The home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from courses.models import CourseIndexPage
from courses.page_forms import PageForm

from .selectors import learner_next_steps


class HomePage(Page):
    """The site's front door: a welcome and the catalogue, or a learner's next steps."""

    base_form_class = PageForm

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    call_to_action = models.CharField(
        _("button text"), max_length=80, default="Browse the course catalogue"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("call_to_action"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = CourseIndexPage.objects.live().first()
        if request.user.is_authenticated:
            # Signed in, the front door shows the learner's own next step.
            context["next_steps"] = learner_next_steps(user=request.user)
        return context
