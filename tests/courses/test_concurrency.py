"""Twenty simultaneous completions of the last module: one completion, one signal.

PostgreSQL only: SQLite serialises writers, so it cannot show a race.
"""

import threading

from django.db import connection, connections

import pytest

from courses.models import Enrolment
from courses.services import module_complete
from courses.signals import course_completed
from tests.courses.factories import make_course, modules_of

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_last_module_completions(employee):
    course = make_course(modules=2)
    first, last = modules_of(course)
    module_complete(user=employee, module=first)
    signals = []
    course_completed.connect(
        lambda sender, enrolment, **kw: signals.append(enrolment.pk),
        weak=False,
        dispatch_uid="race",
    )
    barrier = threading.Barrier(20)
    errors = []

    def worker():
        try:
            barrier.wait()
            module_complete(user=employee, module=last)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    course_completed.disconnect(dispatch_uid="race")
    assert errors == []
    enrolment = Enrolment.objects.get(user=employee, course=course)
    assert enrolment.completed_at is not None
    assert enrolment.completions.count() == 2
    assert signals == [enrolment.pk]
