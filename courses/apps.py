from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Learning content (Wagtail pages) and learners' progress through it."""

    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import PageViewRestriction, get_page_models
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import views
        from .models import CourseIndexPage, CoursePage, LearningPathPage, ModulePage
        from .signal_handlers import content_changed, reindex_after_publish

        # Each page type is rendered by its view, however the request arrives
        # (StaffOnlyMixin): the views import the models, never the reverse.
        CourseIndexPage.renderer = views.catalogue_page
        CoursePage.renderer = views.course_page
        ModulePage.renderer = views.module_page
        LearningPathPage.renderer = views.learning_path_page

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(content_changed, dispatch_uid="courses_content_changed")
        page_published.connect(reindex_after_publish, dispatch_uid="courses_reindex")
        # Page privacy decides whether the fast course and module views may answer.
        for signal in (post_save, post_delete):
            signal.connect(
                content_changed,
                sender=PageViewRestriction,
                dispatch_uid=f"courses_privacy_changed_{signal is post_save}",
            )
        # Deletes of pages only: a post_delete receiver for every model would
        # stop Django deleting any row in bulk (it would load each to signal it).
        for model in get_page_models():
            post_delete.connect(
                content_changed,
                sender=model,
                dispatch_uid=f"courses_content_changed_{model._meta.label_lower}",
            )
