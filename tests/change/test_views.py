"""My changes, one change, and the check-in form, as each persona meets them."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from change.models import CheckInResponse, Initiative
from change.services import checkin_submit, initiative_training_sync
from tests.change.factories import CheckInRoundFactory, InitiativeFactory
from tests.courses.factories import make_course
from tests.personas import LOGIN, OK, every_persona

LIST = reverse("change:my-changes")
ANSWERS = {
    "understand": "4",
    "commit": "5",
    "learn": "2",
    "apply": "4",
    "sustain": "4",
    "comment": "",
}


@pytest.fixture
def rollout(org, ld_admin):
    """Road Crew A gets the 311 system next month; its baseline is open."""
    initiative = InitiativeFactory(
        name="New 311 system",
        slug="new-311",
        tool_name="the new 311 system",
        why="Calls get lost between departments.",
        units=[org["team_a"]],
        go_live=timezone.localdate() + timedelta(days=30),
    )
    initiative.courses.set([make_course(title="311 basics")])
    initiative_training_sync(initiative=initiative, actor=ld_admin)
    checkin_round = CheckInRoundFactory(initiative=initiative, name="Baseline")
    return initiative, checkin_round


def _detail(initiative):
    return reverse("change:my-change", args=[initiative.slug])


def _check_in(checkin_round):
    return reverse(
        "change:check-in", args=[checkin_round.initiative.slug, checkin_round.pk]
    )


AFFECTED_ONLY = {
    "anonymous": LOGIN,
    "employee": OK,
    "peer": 404,
    "manager": OK,
    "other_manager": 404,
    "trainer": 404,
    "ld_admin": 404,
}


def test_my_changes_lists_what_affects_me_and_nothing_else(persona_matrix, rollout):
    responses = persona_matrix(LIST, every_persona(OK, anonymous=LOGIN))
    assert "New 311 system" in responses["employee"].text
    assert "Check in" in responses["employee"].text
    assert "New 311 system" not in responses["peer"].text
    assert "Nothing is changing for you right now." in responses["peer"].text


def test_one_change_and_its_check_in_open_only_to_the_people_affected(
    persona_matrix, rollout
):
    initiative, checkin_round = rollout
    persona_matrix(_detail(initiative), AFFECTED_ONLY)
    persona_matrix(_check_in(checkin_round), AFFECTED_ONLY)
    posted = persona_matrix(
        _check_in(checkin_round),
        {**AFFECTED_ONLY, "employee": 302, "manager": 302},
        method="post",
        data=ANSWERS,
    )
    assert posted["employee"]["Location"] == _detail(initiative)
    # One answer each from the two people affected; none from anyone else.
    assert CheckInResponse.objects.count() == 2


def test_a_planned_initiative_is_not_shown_to_anyone(persona_matrix, rollout):
    initiative, _round = rollout
    initiative.status = Initiative.Status.PLANNED
    initiative.save()
    persona_matrix(
        _detail(initiative), {**AFFECTED_ONLY, "employee": 404, "manager": 404}
    )


def test_the_navigation_shows_my_changes_only_to_people_affected(
    client_for, employee, peer, rollout
):
    assert "My changes" in client_for(employee).get("/my/learning/").text
    assert "My changes" not in client_for(peer).get("/my/learning/").text


def test_the_change_page_says_what_why_when_my_training_and_why_we_ask(
    client_for, employee, rollout
):
    initiative, checkin_round = rollout
    page = client_for(employee).get(_detail(initiative)).text
    assert "Calls get lost between departments." in page
    assert initiative.go_live.strftime("%-d %B %Y") in page
    assert "311 basics" in page and "Not started" in page
    assert "at least 5 people" in page and "at least 10 answers" in page
    assert "Baseline" in page and "Open now" in page


def test_the_form_asks_five_questions_each_a_fieldset_with_its_scale(
    client_for, employee, rollout
):
    _initiative, checkin_round = rollout
    page = client_for(employee).get(_check_in(checkin_round)).text
    assert page.count("<fieldset") == 5
    assert page.count("<legend") == 5
    assert "I know why we are moving to the new 311 system" in page
    assert "Largely in place; small gaps only." in page
    # Before go-live, Apply and Sustain may be "not yet"; the others may not.
    assert page.count('value="not-yet"') == 2


def test_after_go_live_every_question_needs_a_score(client_for, employee, rollout):
    initiative, checkin_round = rollout
    initiative.go_live = timezone.localdate() - timedelta(days=1)
    initiative.save()
    page = client_for(employee).get(_check_in(checkin_round)).text
    assert 'value="not-yet"' not in page


def test_answering_shows_a_confirmation_and_the_history_then_can_be_changed(
    client_for, employee, rollout
):
    initiative, checkin_round = rollout
    client = client_for(employee)
    done = client.post(_check_in(checkin_round), ANSWERS, follow=True).text
    assert "Thank you: your check-in is saved." in done
    assert "Learn: 2 (A little)" in done
    again = client.get(_check_in(checkin_round)).text
    assert "your answers are filled in" in again
    assert 'value="2" checked' in again
    client.post(_check_in(checkin_round), {**ANSWERS, "learn": "5"})
    response = CheckInResponse.objects.get()
    assert (response.learn, response.barrier_stage) == (5, None)


def test_a_double_submit_keeps_one_response(client_for, employee, rollout):
    _initiative, checkin_round = rollout
    client = client_for(employee)
    first = client.post(_check_in(checkin_round), ANSWERS)
    second = client.post(_check_in(checkin_round), ANSWERS)
    assert (first.status_code, second.status_code) == (302, 302)
    assert CheckInResponse.objects.count() == 1


def test_a_missing_answer_is_named_and_nothing_is_saved(client_for, employee, rollout):
    _initiative, checkin_round = rollout
    data = {k: v for k, v in ANSWERS.items() if k != "commit"}
    response = client_for(employee).post(_check_in(checkin_round), data)
    assert response.status_code == 200
    assert "Choose one answer." in response.text
    assert 'id="id_understand_3" value="4" checked' in response.text  # kept
    assert not CheckInResponse.objects.exists()


def test_a_closed_round_sends_me_back_with_a_message(client_for, employee, rollout):
    _initiative, checkin_round = rollout
    checkin_round.opens_on -= timedelta(days=30)
    checkin_round.closes_on = timezone.localdate() - timedelta(days=1)
    checkin_round.save()
    response = client_for(employee).post(_check_in(checkin_round), ANSWERS, follow=True)
    assert "That check-in is not open for answers." in response.text
    assert not CheckInResponse.objects.exists()


@pytest.mark.parametrize("size", [2, 12])
def test_my_changes_costs_the_same_queries_at_any_size(
    client_for, employee, org, size, django_assert_max_num_queries
):
    for n in range(size):
        initiative = InitiativeFactory(units=[org["team_a"]])
        for _ in range(3):
            checkin_round = CheckInRoundFactory(initiative=initiative)
        if n % 2:
            checkin_submit(
                checkin_round=checkin_round,
                employee=employee.employee,
                scores=dict.fromkeys(
                    ("understand", "commit", "learn", "apply", "sustain"), 4
                ),
            )
    client = client_for(employee)
    client.get(LIST)  # navigation flags are cached per session
    with django_assert_max_num_queries(10):
        page = client.get(LIST).text
    assert page.count("Go-live:") == size
    with django_assert_max_num_queries(14):
        client.get(_detail(initiative))
