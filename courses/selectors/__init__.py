"""Reads for the learner's pages, each a fixed number of queries whatever the size.

One module per question: `progress` (where learners stand on courses and paths,
*My learning*), `catalogue` (search, filters, cards) and `pages` (course and
module pages: outline and the learner's progress). Selectors only read:
rendering and caching what learners share is `courses/page_cache.py`.
Other apps import the names below from `courses.selectors`.
"""

from .catalogue import (
    CARD_RENDITION,
    CourseMatch,
    catalogue_for_user,
    catalogue_search,
    course_choices,
)
from .pages import (
    MODULE_PAGE_FIELDS,
    course_content,
    course_of,
    course_outline,
    course_progress,
    live_course,
    module_outline,
    module_progress,
    module_with_course,
    restricted_paths,
)
from .progress import (
    AnyUser,
    CourseState,
    course_states,
    learning_path_progress,
    most_recent_course,
    my_learning,
    state_of,
)

__all__ = [
    "CARD_RENDITION",
    "MODULE_PAGE_FIELDS",
    "AnyUser",
    "CourseMatch",
    "CourseState",
    "catalogue_for_user",
    "catalogue_search",
    "course_choices",
    "course_content",
    "course_of",
    "course_outline",
    "course_progress",
    "course_states",
    "learning_path_progress",
    "live_course",
    "module_outline",
    "module_progress",
    "module_with_course",
    "most_recent_course",
    "my_learning",
    "restricted_paths",
    "state_of",
]
