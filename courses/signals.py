"""Events the courses app announces. Upper apps (skills, certificates, assignments) listen.

course_completed
    Sent once per completion, after the transaction that recorded it commits.
    Arguments: ``sender`` (the Enrolment class) and ``enrolment`` (the completed
    Enrolment, with ``completed_at`` and ``completion_snapshot`` set).
    Sent exactly once even when the last module is completed many times at once.

enrolment_progressed
    Sent when a learner first opens a course or completes it, right after the
    write and inside its transaction (when there is one, as for a completion),
    so a listener's writes commit or roll back with the progress. Arguments: ``sender`` (the Enrolment class),
    ``user_id`` and ``course_id``. Assignments use it to move the learner's
    assigned training to in progress or completed.
"""

from django.dispatch import Signal

course_completed = Signal()
enrolment_progressed = Signal()
