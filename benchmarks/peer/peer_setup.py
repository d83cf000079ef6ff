"""Build the peer's database from a course spec and print what to measure (peer venv only).

    PEER_DB=/tmp/x/peer.sqlite3 .cache/peer-venv/bin/python benchmarks/peer/peer_setup.py SPEC.json

SPEC.json (written by compare.py from our benchmark course): the course's title,
slug and description, its modules' titles, slugs and rendered lessons, which
module is measured and how many the learner has completed. The course becomes a
wagtail-lms CoursePage with one published H5PLessonPage per module (the lesson's
HTML as rich-text paragraphs), and a learner (not staff) is enrolled with that
many lessons complete. Prints JSON: the paths, the learner's cookie and each
page's queries per request, counted by a test-client pass (DEBUG stays off).
"""

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer_site.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from wagtail.models import Page, Site  # noqa: E402
from wagtail.rich_text import RichText  # noqa: E402

from wagtail_lms.models import (  # noqa: E402
    CourseEnrollment,
    CoursePage,
    H5PLessonCompletion,
    H5PLessonPage,
)


def build(spec: dict) -> tuple[CoursePage, list[H5PLessonPage]]:
    home = Site.objects.get(is_default_site=True).root_page
    course = home.add_child(
        instance=CoursePage(
            title=spec["title"], slug=spec["slug"], description=spec["description"]
        )
    )
    course.save_revision().publish()
    lessons = []
    for module in spec["modules"]:
        lesson = course.add_child(
            instance=H5PLessonPage(
                title=module["title"],
                slug=module["slug"],
                intro=module["intro"],
                body=[("paragraph", RichText(html)) for html in module["blocks"]],
            )
        )
        lesson.save_revision().publish()
        lessons.append(lesson)
    return course, lessons


def main(spec_path: str) -> None:
    spec = json.loads(open(spec_path).read())  # noqa: SIM115
    call_command("migrate", verbosity=0)
    if Page.objects.type(CoursePage).exists():
        raise SystemExit("the peer database is not empty")
    course, lessons = build(spec)
    learner = get_user_model().objects.create_user("learner")  # signs in by force_login
    CourseEnrollment.objects.create(user=learner, course=course)
    for lesson in lessons[: spec["completed"]]:
        H5PLessonCompletion.objects.create(user=learner, lesson=lesson)

    client = Client()
    client.force_login(learner)
    pages = {
        "session": "/__bench__/bare-user/",
        "course": course.url,
        "lesson": lessons[spec["measured"]].url,
    }
    queries = {}
    for name, path in pages.items():
        assert client.get(path).status_code == 200, path
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries[name] = len(captured)
    connection.close()  # SQLite: let the server processes have the file
    print(
        json.dumps(
            {
                "pages": pages,
                "cookie": f"sessionid={client.cookies['sessionid'].value}",
                "queries": queries,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
