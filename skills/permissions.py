"""Who may do what with skills. Views, admin hooks and templates all ask these."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from people.models import Employee
from people.permissions import (
    user_can_manage_employee,
    user_can_view_team,
)

AnyUser = AbstractBaseUser | AnonymousUser

# The framework is edited in the Wagtail admin; model permissions decide there.
FRAMEWORK_MODELS = ("skillcategory", "skill", "skillleveldescriptor", "roleskilltarget")
FRAMEWORK_PERMISSIONS = [
    f"skills.{action}_{model}"
    for model in FRAMEWORK_MODELS
    for action in ("add", "change", "view", "delete")
]


def _own_employee(user: AnyUser) -> Employee | None:
    if not user.is_authenticated:
        return None
    employee = getattr(user, "employee", None)
    return employee if employee is not None and employee.is_active else None


def user_can_assess_own_skills(user: AnyUser) -> bool:
    """Every active member of staff rates their own skills."""
    return _own_employee(user) is not None


def user_can_review_skills(user: AnyUser, employee: Employee) -> bool:
    """Rate someone's skills: people in your scope, never yourself (the people rule)."""
    return user_can_manage_employee(user, employee)


def user_can_view_skill_reviews(user: AnyUser) -> bool:
    """The review queue is for people who have someone to review (the people rule)."""
    return user_can_view_team(user)


def user_can_import_framework(user: AnyUser) -> bool:
    """Importing may create and change every part of the framework."""
    return user.is_authenticated and user.has_perms(
        [p for p in FRAMEWORK_PERMISSIONS if not p.split(".")[1].startswith("view")]
    )


def user_can_export_framework(user: AnyUser) -> bool:
    """Anyone who may see skills in the admin may download the framework."""
    return user.is_authenticated and user.has_perm("skills.view_skill")
