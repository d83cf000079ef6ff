"""Events the courses app announces. Upper apps (skills, certificates) listen.

course_completed
    Sent once per completion, after the transaction that recorded it commits.
    Arguments: ``sender`` (the Enrolment class) and ``enrolment`` (the completed
    Enrolment, with ``completed_at`` and ``completion_snapshot`` set).
    Sent exactly once even when the last module is completed many times at once.
"""

from django.dispatch import Signal

course_completed = Signal()
