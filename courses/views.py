"""The learner's pages and actions.

Every course and module page is rendered by one function (`_course_page`,
`_module_page`), whether the fast URL answers or Wagtail does (routing, page
privacy, previews): the page models' `serve` hands the request to the views here
(`CoursesConfig.ready()` wires them). Enrol and mark complete are POSTs and idempotent.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.views import serve as wagtail_serve

from .models import CourseIndexPage, CoursePage, LearningPathPage, ModulePage
from .page_cache import (
    course_page_content,
    course_page_fresh,
    module_page_content,
    module_page_fresh,
)
from .permissions import user_can_take_course
from .selectors.catalogue import catalogue_for_user
from .selectors.pages import course_outline, course_progress, module_progress
from .selectors.progress import learning_path_progress
from .services import CourseError, enrolment_create, enrolment_visit, module_complete


@require_POST
@login_required
def enrol(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    if not user_can_take_course(request.user, course):
        raise Http404
    enrolment_create(user=request.user, course=course)
    resume = course_outline(course=course, user=request.user)["resume_module"]
    messages.success(
        request, _("You are enrolled on “%(course)s”.") % {"course": course.title}
    )
    return redirect(resume["nav_url"] if resume else course.url)


@require_POST
@login_required
def complete_module(request, module_id: int):
    module = get_object_or_404(ModulePage.objects.live(), pk=module_id)
    try:
        enrolment = module_complete(user=request.user, module=module)
    except CourseError as error:
        messages.error(request, str(error))
        return redirect(module.url)
    if enrolment.completed_at:
        messages.success(request, _("Course complete. Well done!"))
        return redirect(CoursePage.objects.get(pk=enrolment.course_id).url)
    next_module = (
        ModulePage.objects.live()
        .sibling_of(module, inclusive=False)
        .filter(path__gt=module.path)
        .order_by("path")
        .first()
    )
    messages.success(
        request, _("“%(module)s” marked as complete.") % {"module": module.title}
    )
    return redirect(next_module.url if next_module else module.get_parent().url)


def module_detail(request, course_slug: str, module_slug: str):
    """Serve a module page in a handful of queries.

    Wagtail's generic routing walks the tree one level at a time and checks
    view restrictions, which costs ~8 queries before the page itself. Modules
    are the most-visited pages, so this URL (the same one Wagtail would use)
    finds the module and its course in one query. Catalogue access is by login
    (CATALOGUE_PUBLIC); a module under a page with Wagtail page privacy goes
    through Wagtail, which enforces it. Previews in the admin still go through
    Wagtail.
    What every learner sees alike is cached (see `module_page_content`); only
    the learner's own progress is read on each request.
    """
    if not settings.CATALOGUE_PUBLIC and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    content = module_page_content(course_slug=course_slug, module_slug=module_slug)
    if content is None:
        raise Http404
    if content["restricted"]:  # Wagtail page privacy: let Wagtail enforce it
        return wagtail_serve(request, request.path_info.lstrip("/"))
    return _module_page(request, content=content)


def course_detail(request, course_slug: str):
    """Serve a course page the way module pages are served (see `module_detail`).

    What every learner sees alike comes from the cache (`course_page_content`);
    the learner's enrolment, ticks, prerequisites and due date cost a few
    queries. Anything at this URL that is not a live course (a learning path,
    a missing page) goes to Wagtail, as do previews and pages with page privacy.
    """
    if not settings.CATALOGUE_PUBLIC and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    content = course_page_content(course_slug=course_slug)
    if content is None or content["restricted"]:
        return wagtail_serve(request, request.path_info.lstrip("/"))
    return _course_page(request, content=content)


def _is_preview(request) -> bool:
    return getattr(request, "is_preview", False)


def _module_page(request, *, content: dict) -> TemplateResponse:
    """A module page from its shared content and this learner's progress."""
    module = content["page"]
    progress = module_progress(
        module=module, course=content["course"], user=request.user
    )
    if progress["enrolment"] is not None and not _is_preview(request):
        enrolment_visit(enrolment=progress["enrolment"], module=module)
    return TemplateResponse(
        request,
        "courses/module_page.html",
        {"page": module, "self": module, **content, **progress},
    )


def _course_page(request, *, content: dict) -> TemplateResponse:
    """A course page from its shared content and this learner's progress."""
    course = content["page"]
    progress = course_progress(content=content, course=course, user=request.user)
    return TemplateResponse(
        request,
        "courses/course_page.html",
        {"page": course, "self": course, **content, **progress},
    )


# What the page models' `serve` and `serve_preview` call (see StaffOnlyMixin).


def module_page(request, page: ModulePage) -> TemplateResponse:
    """A module page that Wagtail serves: under page privacy, or a preview."""
    preview = _is_preview(request)
    return _module_page(
        request, content=module_page_fresh(module=page, preview=preview)
    )


def course_page(request, page: CoursePage) -> TemplateResponse:
    """A course page that Wagtail serves: under page privacy, or a preview."""
    return _course_page(request, content=course_page_fresh(course=page))


def catalogue_page(request, page: CourseIndexPage) -> TemplateResponse:
    """The catalogue: search, filters, and each card's state for this learner."""
    return TemplateResponse(
        request,
        page.get_template(request),
        {
            **page.get_context(request),
            **catalogue_for_user(catalogue=page, user=request.user, params=request.GET),
        },
    )


def learning_path_page(request, page: LearningPathPage) -> TemplateResponse:
    """A learning path's courses in order, with this learner's progress."""
    return TemplateResponse(
        request,
        page.get_template(request),
        {
            **page.get_context(request),
            **learning_path_progress(path=page, user=request.user),
        },
    )
