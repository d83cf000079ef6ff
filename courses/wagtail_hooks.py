"""Admin: item analysis of knowledge checks, for trainers and L&D admins."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import ModulePage
from .packages.admin import PackageViewSet
from .permissions import user_can_analyse_quizzes
from .quizzes.selectors import quiz_item_analysis


class QuizListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "courses/quizzes/admin/list.html"
    page_title = _("Knowledge checks")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_analyse_quizzes(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["modules"] = [
            m
            for m in ModulePage.objects.live()
            .order_by("path")
            .only("pk", "title", "path", "depth", "questions")
            if m.has_quiz
        ]
        return context


class QuizAnalysisView(QuizListView):
    template_name = "courses/quizzes/admin/analysis.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        module = get_object_or_404(ModulePage, pk=self.kwargs["module_id"])
        context.update(module=module, **quiz_item_analysis(module=module))
        return context

    def get_page_subtitle(self):
        return get_object_or_404(ModulePage, pk=self.kwargs["module_id"]).title


class QuizMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_analyse_quizzes(request.user)


@hooks.register("register_admin_urls")
def register_quiz_urls():
    return [
        path("knowledge-checks/", QuizListView.as_view(), name="quiz_analysis_list"),
        path(
            "knowledge-checks/<int:module_id>/",
            QuizAnalysisView.as_view(),
            name="quiz_analysis",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_quiz_menu_item():
    return QuizMenuItem(
        _("Knowledge checks"),
        reverse("quiz_analysis_list"),
        icon_name="tasks",
        order=700,
    )


@hooks.register("register_admin_viewset")
def register_package_viewset():
    return PackageViewSet()
