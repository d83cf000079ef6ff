"""What courses build: the skills a course (or a path's courses) gives evidence of."""

from ..models import Skill


def course_skill_names(*, page_ids: list[int]) -> list[str]:
    """Names of the active skills the courses `page_ids` build, in framework order."""
    return list(
        Skill.objects.active()
        .filter(course_outcomes__course_id__in=page_ids)
        .distinct()
        .in_framework_order()
        .values_list("name", flat=True)
    )
