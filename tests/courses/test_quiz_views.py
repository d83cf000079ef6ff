"""Knowledge checks through the browser's eyes: nothing leaks, nothing is lost, nobody else gets in."""

import re

from django.urls import reverse

import pytest

from courses.models import ModulePage, QuizAttempt
from courses.quiz_services import attempt_start, attempt_submit
from tests.conftest import PERSONAS
from tests.courses.factories import make_course, make_quiz_module, right_answers


@pytest.fixture
def quiz(db):
    return make_quiz_module(make_course(modules=0), attempts_allowed=3)


def _form_data(attempt, responses):
    data = {}
    for q in attempt.questions:
        values = responses.get(q["id"], [])
        data[f"q_{q['id']}"] = (
            values if q["type"] == "multiple" else (values[0] if values else "")
        )
    return data


def _answer_key_fragments(attempt) -> list[str]:
    """Strings that would give the answers away if they reached the browser."""
    fragments = []
    for q in attempt.questions:
        fragments += [re.escape(q["explanation"][:40])] if q["explanation"] else []
        fragments += [re.escape(answer) for answer in q.get("accepted", [])]
        fragments += [
            re.escape(o["feedback"]) for o in q.get("options", []) if o["feedback"]
        ]
    return fragments


@pytest.mark.django_db
def test_no_answer_key_reaches_the_browser_before_the_attempt_is_finished(
    employee, client, quiz
):
    client.force_login(employee)
    client.post(reverse("courses:quiz-start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get(user=employee)
    pages = [
        client.get(quiz.url).content.decode(),
        client.get(reverse("courses:attempt", args=[attempt.pk])).content.decode(),
        client.post(
            reverse("courses:attempt-save", args=[attempt.pk]), _form_data(attempt, {})
        ).content.decode(),
    ]
    result = client.get(reverse("courses:attempt-result", args=[attempt.pk]))
    assert result.status_code == 404  # no result page before submitting
    for body in pages:
        for pattern in [
            '"correct"',
            "explanation",
            "accepted",
            "score",
            "passed",
            *_answer_key_fragments(attempt),
        ]:
            assert not re.search(pattern, body, re.IGNORECASE), pattern


@pytest.mark.django_db
def test_autosave_then_reload_resumes_with_every_saved_answer(employee, client, quiz):
    client.force_login(employee)
    client.post(reverse("courses:quiz-start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get(user=employee)
    right = right_answers(attempt)
    response = client.post(
        reverse("courses:attempt-save", args=[attempt.pk]), _form_data(attempt, right)
    )
    assert response.json()["saved"] is True
    page = client.get(reverse("courses:attempt", args=[attempt.pk])).content.decode()
    for q in attempt.questions:
        for value in right[q["id"]]:
            if q["type"] == "short":
                assert f'value="{value}"' in page
            else:
                assert re.search(rf'value="{re.escape(value)}"[^>]*checked', page), q[
                    "text"
                ]
    # Starting again resumes the same attempt rather than opening a new one.
    client.post(reverse("courses:quiz-start", args=[quiz.pk]))
    assert QuizAttempt.objects.filter(user=employee).count() == 1


@pytest.mark.django_db
def test_submit_is_idempotent_and_extra_fields_are_ignored(
    employee, peer, client, quiz
):
    client.force_login(employee)
    client.post(reverse("courses:quiz-start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get(user=employee)
    forged = {
        **_form_data(attempt, {}),
        "score": "100",
        "passed": "true",
        "user": str(peer.pk),
        "user_id": str(peer.pk),
    }
    for _ in range(2):  # a double click
        response = client.post(
            reverse("courses:attempt-submit", args=[attempt.pk]), forged
        )
        assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.user == employee
    assert attempt.score == 0 and attempt.passed is False
    assert QuizAttempt.objects.count() == 1


@pytest.mark.django_db
def test_an_attempt_belongs_to_its_learner(personas, client_for, quiz):
    attempt = attempt_start(user=personas["employee"], module=quiz)
    urls = [
        ("get", reverse("courses:attempt", args=[attempt.pk])),
        ("post", reverse("courses:attempt-save", args=[attempt.pk])),
        ("post", reverse("courses:attempt-submit", args=[attempt.pk])),
    ]
    for persona in PERSONAS:
        client = client_for(personas[persona])
        for method, url in urls:
            response = getattr(client, method)(url)
            if persona == "anonymous":
                assert (
                    response.status_code == 302
                    and "/accounts/login/" in response["Location"]
                )
            elif persona == "employee":
                assert response.status_code in {200, 302}, (persona, url)
            else:
                # Managers and L&D admins too: attempts are the learner's own.
                assert response.status_code == 404, (persona, url)
    attempt.refresh_from_db()
    result_url = reverse("courses:attempt-result", args=[attempt.pk])
    for persona in PERSONAS[2:]:
        assert client_for(personas[persona]).get(result_url).status_code == 404


@pytest.mark.django_db
def test_start_is_a_post_for_signed_in_staff(personas, client_for, quiz):
    url = reverse("courses:quiz-start", args=[quiz.pk])
    assert client_for(personas["employee"]).get(url).status_code == 405
    assert client_for(None).post(url)["Location"].startswith("/accounts/login/")
    for persona in PERSONAS[1:]:
        assert client_for(personas[persona]).post(url).status_code == 302
    assert QuizAttempt.objects.count() == len(PERSONAS) - 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "policy,passed,shows",
    [
        ("after_each", False, True),
        ("after_each", True, True),
        ("once_passed", False, False),
        ("once_passed", True, True),
        ("never", True, False),
    ],
)
def test_reveal_policies(policy, passed, shows, employee, client):
    quiz = make_quiz_module(make_course(modules=0), reveal_answers=policy)
    attempt = attempt_start(user=employee, module=quiz)
    attempt_submit(attempt=attempt, responses=right_answers(attempt) if passed else {})
    client.force_login(employee)
    page = client.get(
        reverse("courses:attempt-result", args=[attempt.pk])
    ).content.decode()
    assert ("— correct answer" in page) is shows
    assert ("Because of Capital of Ontario?" in page) is shows
    assert ("Passed" in page) is passed
    assert "%" in page  # the score is always shown


@pytest.mark.django_db
def test_try_again_while_attempts_remain(employee, client, quiz):
    client.force_login(employee)
    for number in range(1, 4):
        attempt = attempt_start(user=employee, module=quiz)
        attempt_submit(attempt=attempt, responses={})
        page = client.get(
            reverse("courses:attempt-result", args=[attempt.pk])
        ).content.decode()
        assert ("Try again" in page) is (number < 3)
    assert "used all your attempts" in page


@pytest.mark.django_db
def test_module_page_offers_the_check_instead_of_mark_complete(employee, client, quiz):
    client.force_login(employee)
    page = client.get(quiz.url).content.decode()
    assert "Start the knowledge check" in page
    assert "Mark as complete" not in page
    response = client.post(
        reverse("courses:complete-module", args=[quiz.pk]), follow=True
    )
    assert "Pass the knowledge check" in response.content.decode()


@pytest.mark.django_db
def test_item_analysis_numbers_on_a_known_set_of_attempts(personas, client_for):
    quiz = make_quiz_module(
        make_course(modules=0), shuffle_questions=False, shuffle_options=False
    )
    # Alice: all right (passes). Charlie: only the true/false right (fails).
    alice = attempt_start(user=personas["employee"], module=quiz)
    attempt_submit(attempt=alice, responses=right_answers(alice))
    charlie = attempt_start(user=personas["peer"], module=quiz)
    tf = next(q for q in charlie.questions if q["type"] == "truefalse")
    single = next(q for q in charlie.questions if q["type"] == "single")
    attempt_submit(
        attempt=charlie,
        responses={tf["id"]: ["true"], single["id"]: [single["options"][1]["key"]]},
    )

    from courses.quiz_selectors import quiz_item_analysis

    analysis = quiz_item_analysis(module=ModulePage.objects.get(pk=quiz.pk))
    assert analysis["attempt_count"] == 2
    assert analysis["pass_rate"] == 50
    by_type = {row["type"]: row for row in analysis["questions"]}
    assert by_type["truefalse"]["percent_correct"] == 100
    assert by_type["single"]["percent_correct"] == 50
    assert by_type["short"]["percent_correct"] == 50
    spread = {a["label"]: a["count"] for a in by_type["single"]["answers"]}
    assert spread == {"Toronto": 1, "Ottawa": 1}

    url = reverse("quiz_analysis", args=[quiz.pk])
    page = client_for(personas["trainer"]).get(url)
    assert page.status_code == 200 and "50%" in page.content.decode()
    assert client_for(personas["ld_admin"]).get(url).status_code == 200
    for persona in ["employee", "manager", "peer"]:
        response = client_for(personas[persona]).get(url)
        assert response.status_code == 302 and response["Location"].startswith(
            "/accounts/login/"
        )
    assert client_for(None).get(url).status_code == 302
