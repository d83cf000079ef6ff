"""Test people and one course for scripts/prod-smoke.sh; never for a real site.

Run with `manage.py shell` after `import_roster scripts/prod_smoke/roster.csv`: it gives
four of the imported people a password and their role, and publishes a course
of two modules, as an L&D admin and a trainer would in the admin. Prints what
the requests need as JSON.
"""

import json
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from courses.models import CourseIndexPage, CoursePage, ModulePage
from people.roles import LD_ADMINS, TRAINERS

# Usernames are employee numbers from roster.csv.
PEOPLE = {
    "employee": ("300004", None),  # Zoë, on the North Road Crew
    "manager": ("300003", None),  # Sunita, who supervises the North Road Crew
    "trainer": ("300011", TRAINERS),
    "ld_admin": ("300012", LD_ADMINS),
}

for username, group in PEOPLE.values():
    user = get_user_model().objects.get(username=username)
    user.set_password(os.environ["SMOKE_PASSWORD"])
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))

course = CoursePage(title="Safe lifting", slug="safe-lifting", summary="Lift safely.")
CourseIndexPage.objects.get().add_child(instance=course)
course.save_revision().publish()
modules = []
for number in (1, 2):
    module = ModulePage(
        title=f"Lifting, part {number}",
        slug=f"part-{number}",
        body=[{"type": "paragraph", "value": f"<p>Part {number} of the lesson.</p>"}],
    )
    CoursePage.objects.get(pk=course.pk).add_child(instance=module)
    module.save_revision().publish()
    modules.append({"id": module.pk, "url": module.url})

print(
    json.dumps(
        {
            "people": {role: username for role, (username, _) in PEOPLE.items()},
            "course": {
                "id": course.pk,
                "url": CoursePage.objects.get(pk=course.pk).url,
            },
            "modules": modules,
        }
    )
)
