"""Employees and courses for scripts/multi-server.sh; never for a real site.

Run with `manage.py shell` (production settings, scripts/prod-env.sh). Imports
a roster of EMPLOYEES people under one manager (the same command an HR export
goes through), gives them all one password (hashed once: 60 PBKDF2 hashes
would take longer than the rest of the seed), and publishes COURSES courses of
two modules each: a lesson marked complete by hand, then a knowledge check
whose pass completes the module and so the course, which issues a
certificate. Prints what the load test needs as JSON on its last line.
"""

import csv
import json
import os
import tempfile

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management import call_command

from courses.models import CourseIndexPage, CoursePage, ModulePage

EMPLOYEES = int(os.environ.get("MULTI_SERVER_EMPLOYEES", "60"))
COURSES = 3
ANSWER = "helmet"  # the accepted answer of every knowledge check

FIELDS = [
    "employee_number",
    "first_name",
    "last_name",
    "preferred_name",
    "email",
    "job_title",
    "org_unit_code",
    "org_unit_name",
    "parent_org_unit_code",
    "manager_employee_number",
    "hire_date",
    "status",
]
rows = [
    {
        "employee_number": "400000",
        "first_name": "Morgan",
        "last_name": "Lead",
        "email": "morgan.lead@city.example",
        "job_title": "Supervisor",
        "org_unit_code": "TM-LOAD",
        "org_unit_name": "Load Crew",
        "hire_date": "2015-01-12",
        "status": "active",
    }
]
for number in range(1, EMPLOYEES + 1):
    rows.append(
        {
            "employee_number": f"{400000 + number}",
            "first_name": f"Person{number}",
            "last_name": "Loadtest",
            "email": f"person{number}@city.example",
            "job_title": "Operator",
            "org_unit_code": "TM-LOAD",
            "org_unit_name": "Load Crew",
            "manager_employee_number": "400000",
            "hire_date": "2020-05-27",
            "status": "active",
        }
    )
with tempfile.NamedTemporaryFile("w", suffix=".csv", newline="", delete=False) as f:
    writer = csv.DictWriter(f, fieldnames=FIELDS)
    writer.writeheader()
    writer.writerows(rows)
call_command("import_roster", f.name, stdout=open(os.devnull, "w"))  # noqa: SIM115
os.unlink(f.name)

usernames = [row["employee_number"] for row in rows[1:]]
get_user_model().objects.filter(username__in=usernames).update(
    password=make_password(os.environ["MULTI_SERVER_PASSWORD"])
)

courses = []
index = CourseIndexPage.objects.get()
for number in range(1, COURSES + 1):
    course = CoursePage(
        title=f"Site safety {number}",
        slug=f"site-safety-{number}",
        summary=f"Part {number} of staying safe on site.",
    )
    index.add_child(instance=course)
    course.save_revision().publish()
    lesson = ModulePage(
        title=f"Safety {number}: the lesson",
        slug="lesson",
        body=[{"type": "paragraph", "value": f"<p>Lesson {number}.</p>"}],
    )
    CoursePage.objects.get(pk=course.pk).add_child(instance=lesson)
    lesson.save_revision().publish()
    check = ModulePage(
        title=f"Safety {number}: knowledge check",
        slug="check",
        body=[{"type": "paragraph", "value": "<p>Show what you learnt.</p>"}],
        questions=[
            {
                "type": "short",
                "value": {
                    "text": "What do you wear on your head on site?",
                    "accepted": [ANSWER],
                    "explanation": "",
                },
            }
        ],
    )
    CoursePage.objects.get(pk=course.pk).add_child(instance=check)
    check.save_revision().publish()
    courses.append(
        {
            "id": course.pk,
            "url": CoursePage.objects.get(pk=course.pk).url,
            "lesson": {"id": lesson.pk, "url": lesson.url},
            "check": {"id": check.pk, "url": check.url},
        }
    )

print(
    json.dumps(
        {
            "employees": usernames,
            "catalogue": index.url,
            "courses": courses,
            "answer": ANSWER,
        }
    )
)
