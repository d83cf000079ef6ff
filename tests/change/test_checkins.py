"""Check-in answers: one per person per round, editable while open, no name attached."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from change.models import CheckInInvitation, CheckInResponse
from change.respondents import respondent_key
from change.selectors import my_response
from change.services import CheckInError, checkin_submit
from tests.change.factories import CheckInRoundFactory, InitiativeFactory

READY = {"understand": 5, "commit": 4, "learn": 4, "apply": 4, "sustain": 5}


@pytest.fixture
def open_round(org):
    initiative = InitiativeFactory(
        units=[org["team_a"]], go_live=timezone.localdate() - timedelta(days=30)
    )
    return CheckInRoundFactory(initiative=initiative, name="30 days after")


def test_an_answer_is_filed_under_a_key_with_the_unit_and_the_barrier(
    open_round, employee
):
    person = employee.employee
    response = checkin_submit(
        checkin_round=open_round,
        employee=person,
        scores={**READY, "learn": 2, "sustain": 1},
        comment="  Need more practice time.  ",
    )
    assert response.barrier_stage == 3  # Learn: the first stage scored 3 or less
    assert response.unit_id == person.org_unit_id
    assert response.comment == "Need more practice time."
    assert response.respondent_key == respondent_key(
        initiative_id=open_round.initiative_id, employee_id=person.pk
    )
    # Nothing in the answer row points at the person.
    columns = {field.column for field in CheckInResponse._meta.concrete_fields}
    assert not {"employee_id", "user_id"} & columns


def test_answering_writes_nothing_to_the_invitation_or_anything_naming_me(
    open_round, employee
):
    # Anything naming the person changed in the answer's transaction (or at
    # its moment) could be lined up with the answer: only the answer is written.
    person = employee.employee
    invitation = CheckInInvitation.objects.create(round=open_round, employee=person)
    with CaptureQueriesContext(connection) as queries:
        checkin_submit(checkin_round=open_round, employee=person, scores=READY)
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        or "FOR UPDATE" in q["sql"].upper()
    ]
    assert writes and all("change_checkinresponse" in sql for sql in writes)
    invitation.refresh_from_db()
    assert invitation.responded is False  # the daily run marks it (reminders)


def test_answering_again_changes_the_one_response(open_round, employee):
    person = employee.employee
    first = checkin_submit(checkin_round=open_round, employee=person, scores=READY)
    checkin_submit(
        checkin_round=open_round, employee=person, scores={**READY, "commit": 1}
    )
    response = CheckInResponse.objects.get()
    assert response.pk == first.pk
    assert (response.commit, response.barrier_stage) == (1, 2)
    assert my_response(checkin_round=open_round, employee=person) == response


def test_all_fours_and_fives_is_ready(open_round, employee):
    response = checkin_submit(
        checkin_round=open_round, employee=employee.employee, scores=READY
    )
    assert response.barrier_stage is None


def test_not_yet_is_allowed_for_apply_and_sustain_before_go_live_only(
    org, open_round, employee
):
    person = employee.employee
    before = CheckInRoundFactory(
        initiative=InitiativeFactory(
            units=[org["team_a"]], go_live=timezone.localdate() + timedelta(days=20)
        )
    )
    not_yet = {**READY, "apply": None, "sustain": None}
    response = checkin_submit(checkin_round=before, employee=person, scores=not_yet)
    assert (response.apply, response.sustain, response.barrier_stage) == (
        None,
        None,
        None,
    )
    with pytest.raises(CheckInError) as refused:
        checkin_submit(checkin_round=open_round, employee=person, scores=not_yet)
    assert refused.value.code == "missing_score"
    with pytest.raises(CheckInError) as refused:
        checkin_submit(
            checkin_round=before, employee=person, scores={**READY, "learn": None}
        )
    assert refused.value.code == "missing_score"


def test_a_closed_round_takes_no_answers_and_keeps_the_last(open_round, employee):
    person = employee.employee
    checkin_submit(checkin_round=open_round, employee=person, scores=READY)
    with pytest.raises(CheckInError) as refused:
        checkin_submit(
            checkin_round=open_round,
            employee=person,
            scores={**READY, "commit": 1},
            today=open_round.closes_on + timedelta(days=1),
        )
    assert refused.value.code == "round_not_open"
    assert CheckInResponse.objects.get().commit == 4


def test_out_of_range_scores_and_long_comments_are_refused(open_round, employee):
    person = employee.employee
    for scores, comment, code in [
        ({**READY, "learn": 6}, "", "score_out_of_range"),
        (READY, "x" * 2001, "comment_too_long"),
    ]:
        with pytest.raises(CheckInError) as refused:
            checkin_submit(
                checkin_round=open_round,
                employee=person,
                scores=scores,
                comment=comment,
            )
        assert refused.value.code == code
    assert not CheckInResponse.objects.exists()


def test_two_people_have_two_responses_and_rounds_share_a_key(
    org, open_round, employee, manager
):
    checkin_submit(checkin_round=open_round, employee=employee.employee, scores=READY)
    checkin_submit(checkin_round=open_round, employee=manager.employee, scores=READY)
    later = CheckInRoundFactory(initiative=open_round.initiative, name="90 days")
    checkin_submit(checkin_round=later, employee=employee.employee, scores=READY)
    keys = [
        CheckInResponse.objects.get(round=r, respondent_key__in=keys).respondent_key
        for r, keys in [
            (open_round, [_key(open_round, employee)]),
            (later, [_key(later, employee)]),
        ]
    ]
    assert keys[0] == keys[1]
    assert CheckInResponse.objects.filter(round=open_round).count() == 2


def _key(checkin_round, user):
    return respondent_key(
        initiative_id=checkin_round.initiative_id, employee_id=user.employee.pk
    )
