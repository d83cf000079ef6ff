"""Where learners stand: one course, many courses, a learning path, *My learning*.

Each read costs a fixed number of queries whatever the number of courses.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, F, Max, Prefetch, Q
from django.db.models.functions import Coalesce, Substr
from django.utils.translation import gettext as _

from ..models import (
    CoursePage,
    Enrolment,
    LearningPathPage,
    ModuleCompletion,
    ModulePage,
)

AnyUser = AbstractBaseUser | AnonymousUser


@dataclass
class CourseState:
    """Where one learner stands on one course."""

    status: str = "not_started"  # not_started | in_progress | completed
    percent: int = 0
    enrolment: Enrolment | None = None
    completed_modules: set[int] = field(default_factory=set)

    @property
    def label(self) -> str:
        return {
            "not_started": _("Not started"),
            "in_progress": _("In progress"),
            "completed": _("Completed"),
        }[self.status]


def _required_counts(courses: list[CoursePage]) -> dict[int, int]:
    """Required live modules per course, in one grouped query."""
    if not courses:
        return {}
    depth = courses[0].depth
    prefix_length = depth * CoursePage.steplen
    by_path = {
        row["course_path"]: row["n"]
        for row in ModulePage.objects.live()
        .filter(
            is_required=True,
            depth=depth + 1,
            path__startswith=courses[0].path[: prefix_length - CoursePage.steplen],
        )
        .annotate(course_path=Substr("path", 1, prefix_length))
        .order_by()  # pages order by path, which would split the groups
        .values("course_path")
        .annotate(n=Count("pk"))
    }
    return {course.pk: by_path.get(course.path, 0) for course in courses}


def course_states(
    *, user: AnyUser, courses: list[CoursePage]
) -> dict[int, CourseState]:
    """Each course's state for `user`: three queries for any number of courses."""
    states = {course.pk: CourseState() for course in courses}
    if not user.is_authenticated or not courses:
        return states
    enrolments = {
        e.course_id: e
        for e in Enrolment.objects.filter(user=user, course_id__in=states.keys())
    }
    if not enrolments:
        return states
    required = _required_counts(courses)
    done: dict[int, set[int]] = {}
    for enrolment_id, module_id in ModuleCompletion.objects.filter(
        enrolment_id__in=[e.pk for e in enrolments.values()],
        module__live=True,
    ).values_list("enrolment_id", "module_id"):
        done.setdefault(enrolment_id, set()).add(module_id)
    required_done = _required_done(enrolments.values(), done)
    for course_id, enrolment in enrolments.items():
        states[course_id] = state_of(
            enrolment=enrolment,
            completed=done.get(enrolment.pk, set()),
            required_total=required.get(course_id, 0),
            required_done=required_done[enrolment.pk],
        )
    return states


def state_of(
    *,
    enrolment: Enrolment,
    completed: set[int],
    required_total: int,
    required_done: int,
) -> CourseState:
    state = CourseState(enrolment=enrolment, completed_modules=completed)
    if enrolment.completed_at:
        state.status, state.percent = "completed", 100
    elif enrolment.started_at is None and not completed:
        # Enrolled (or assigned) but never opened: nothing is in progress.
        state.status = "not_started"
    else:
        state.status = "in_progress"
        state.percent = (
            min(99, round(100 * required_done / required_total))
            if required_total
            else 0
        )
    return state


def _required_done(enrolments, done: dict[int, set[int]]) -> dict[int, int]:
    all_done = set().union(*done.values()) if done else set()
    required_ids = (
        set(
            ModulePage.objects.filter(pk__in=all_done, is_required=True).values_list(
                "pk", flat=True
            )
        )
        if all_done
        else set()
    )
    return {e.pk: len(done.get(e.pk, set()) & required_ids) for e in enrolments}


def learning_path_progress(*, path: LearningPathPage, user: AnyUser) -> dict:
    """A learning path's courses in order, each with this learner's state."""
    courses = [
        item.course
        for item in path.path_courses.select_related("course").order_by("sort_order")
        if item.course.live
    ]
    states = course_states(user=user, courses=courses)
    completed = sum(1 for c in courses if states[c.pk].status == "completed")
    return {
        "path_courses": [(c, states[c.pk]) for c in courses],
        "path_completed": completed,
        "path_percent": round(100 * completed / len(courses)) if courses else 0,
    }


def my_learning(*, user: AbstractBaseUser) -> dict:
    """*My learning*: courses not started, in progress (with where to go), completed; paths."""
    enrolments = list(
        Enrolment.objects.filter(user=user, course__live=True)
        .select_related("course")
        .order_by("-enrolled_at")
    )
    courses = [e.course for e in enrolments]
    states = course_states(user=user, courses=courses)
    resume_ids = {e.last_module_id for e in enrolments if e.last_module_id}
    resume = {
        m.pk: m
        for m in ModulePage.objects.live()
        .filter(pk__in=resume_ids)
        .only("pk", "title", "url_path", "path", "depth")
    }
    first = _first_modules(
        [e.course for e in enrolments if states[e.course_id].status == "not_started"]
    )
    not_started, in_progress, completed = [], [], []
    for enrolment in enrolments:
        state = states[enrolment.course_id]
        if state.status == "not_started":
            not_started.append(
                (enrolment.course, state, first.get(enrolment.course_id))
            )
            continue
        item = (enrolment.course, state, resume.get(enrolment.last_module_id))
        (completed if enrolment.completed_at else in_progress).append(item)
    completed.sort(key=lambda item: item[1].enrolment.completed_at, reverse=True)
    paths = []
    for path in LearningPathPage.objects.live().prefetch_related(
        Prefetch(
            "path_courses__course",
            queryset=CoursePage.objects.live().only("pk", "title"),
        )
    ):
        ids = [item.course_id for item in path.path_courses.all()]
        done = sum(
            1 for cid in ids if cid in states and states[cid].status == "completed"
        )
        started = any(cid in states for cid in ids)
        paths.append(
            (path, done, len(ids), round(100 * done / len(ids)) if ids else 0, started)
        )
    return {
        "not_started": not_started,
        "in_progress": in_progress,
        "completed": completed,
        "learning_paths": paths,
    }


def _first_modules(courses: list[CoursePage]) -> dict[int, ModulePage]:
    """{course id: its first live module}, where *Start* leads; one query (or none)."""
    if not courses:
        return {}
    by_path = {course.path: course.pk for course in courses}
    within = Q()
    for course in courses:
        within |= Q(path__startswith=course.path, depth=course.depth + 1)
    first: dict[int, ModulePage] = {}
    for module in (
        ModulePage.objects.live()
        .filter(within)
        .order_by("path")
        .only("pk", "title", "url_path", "path", "depth")
    ):
        first.setdefault(by_path[module.path[: -ModulePage.steplen]], module)
    return first


def most_recent_course(
    *, user: AbstractBaseUser
) -> tuple[CoursePage, CourseState, ModulePage | None] | None:
    """The unfinished course the learner was last active in, with where it resumes."""
    enrolment = (
        Enrolment.objects.in_progress()
        .filter(user=user, course__live=True)
        # Last active: the latest module they finished, else when they first opened it.
        .annotate(active_at=Coalesce(Max("completions__completed_at"), "started_at"))
        .filter(active_at__isnull=False)
        .select_related("course")
        .order_by(F("active_at").desc(), "-pk")
        .first()
    )
    if enrolment is None:
        return None
    course = enrolment.course
    state = course_states(user=user, courses=[course])[course.pk]
    resume = (
        ModulePage.objects.live().filter(pk=enrolment.last_module_id).first()
        if enrolment.last_module_id
        else None
    ) or _first_modules([course]).get(course.pk)
    return course, state, resume
