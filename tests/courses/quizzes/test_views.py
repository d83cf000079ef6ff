"""Knowledge checks through the browser's eyes: nothing leaks, nothing is lost, nobody else gets in."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import ModulePage, QuizAttempt
from courses.quizzes.services import attempt_start, attempt_submit
from tests.courses.factories import make_course, make_quiz_module, right_answers
from tests.personas import LOGIN, PERSONAS, every_persona


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
        "confirm": "1",  # submit although nothing is answered
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
def test_an_attempt_belongs_to_its_learner(personas, persona_matrix, quiz):
    attempt = attempt_start(user=personas["employee"], module=quiz)
    urls = [
        ("get", reverse("courses:attempt", args=[attempt.pk])),
        ("post", reverse("courses:attempt-save", args=[attempt.pk])),
        ("post", reverse("courses:attempt-submit", args=[attempt.pk])),
    ]

    def every_url(client, _persona):
        return {url: getattr(client, method)(url) for method, url in urls}

    # Managers and L&D admins too: attempts are the learner's own.
    learner_only = every_persona(404, anonymous=LOGIN, employee=frozenset({200, 302}))
    persona_matrix(None, learner_only, request=every_url, label="attempt pages")
    attempt.refresh_from_db()
    result_url = reverse("courses:attempt-result", args=[attempt.pk])
    others = {p: 404 for p in PERSONAS if p not in ("anonymous", "employee")}
    persona_matrix(result_url, others)


@pytest.mark.django_db
def test_start_is_a_post_for_signed_in_staff(
    personas, client_for, persona_matrix, quiz
):
    url = reverse("courses:quiz-start", args=[quiz.pk])
    assert client_for(personas["employee"]).get(url).status_code == 405
    persona_matrix(url, every_persona(302, anonymous=LOGIN), method="post")
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
        ("wrong_until_done", False, False),  # unlimited attempts: until passed
        ("wrong_until_done", True, True),
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

    from courses.quizzes.selectors import quiz_item_analysis

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
        # Signed in without admin access: told so (403), not sent to sign in.
        assert client_for(personas[persona]).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302


def _submit_url(attempt) -> str:
    return reverse("courses:attempt-submit", args=[attempt.pk])


@pytest.mark.django_db
def test_submitting_with_unanswered_questions_asks_first_and_keeps_the_answers(
    employee, client, quiz
):
    client.force_login(employee)
    client.post(reverse("courses:quiz-start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get(user=employee)
    single = next(q for q in attempt.questions if q["type"] == "single")
    key = right_answers(attempt)[single["id"]][0]
    data = _form_data(attempt, {single["id"]: [key]})

    response = client.post(_submit_url(attempt), data, follow=True)
    page = response.content.decode()
    assert "3 questions are unanswered; submitting uses attempt 1 of 3." in page
    attempt.refresh_from_db()
    assert not attempt.is_finished  # no attempt used
    # Nothing lost: the answer given is on the form shown again.
    assert re.search(rf'value="{re.escape(key)}"[^>]*checked', page)
    # A plain button confirms (no JavaScript needed); it submits the answer form.
    confirm = re.search(r"<button[^>]*name=\"confirm\"[^>]*>", page).group(0)
    assert 'type="submit"' in confirm and 'form="attempt-form"' in confirm

    response = client.post(_submit_url(attempt), {**data, "confirm": "1"})
    assert response["Location"] == reverse("courses:attempt-result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == 25


@pytest.mark.django_db
def test_the_warning_counts_attempts_in_this_cycle_and_unlimited_ones(employee, client):
    limited = make_quiz_module(make_course(modules=0), attempts_allowed=3)
    unlimited = make_quiz_module(make_course(modules=0))
    client.force_login(employee)
    attempt_submit(attempt=attempt_start(user=employee, module=limited))
    second = attempt_start(user=employee, module=limited)
    page = client.post(_submit_url(second), {}, follow=True).content.decode()
    assert "4 questions are unanswered; submitting uses attempt 2 of 3." in page
    open_one = attempt_start(user=employee, module=unlimited)
    page = client.post(_submit_url(open_one), {}, follow=True).content.decode()
    assert (
        "4 questions are unanswered; submitting uses attempt 1 (attempts are unlimited)."
        in page
    )


@pytest.mark.django_db
def test_every_question_answered_or_time_up_submits_without_asking(
    employee, client, quiz
):
    client.force_login(employee)
    attempt = attempt_start(user=employee, module=quiz)
    response = client.post(
        _submit_url(attempt), _form_data(attempt, right_answers(attempt))
    )
    assert response["Location"].endswith("/result/")
    timed = make_quiz_module(make_course(modules=0), time_limit_minutes=5)
    attempt = attempt_start(user=employee, module=timed)
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(seconds=5)
    )
    # The time is up (within the grace period): the answers as they stand count.
    response = client.post(_submit_url(attempt), {})
    assert response["Location"].endswith("/result/")
    attempt.refresh_from_db()
    assert attempt.is_finished


@pytest.mark.django_db
def test_the_attempt_form_is_never_cached_and_shows_the_result_once_submitted(
    employee, client, quiz
):
    client.force_login(employee)
    attempt = attempt_start(user=employee, module=quiz)
    url = reverse("courses:attempt", args=[attempt.pk])
    response = client.get(url)
    assert response.status_code == 200
    # So the browser's Back asks the server again instead of showing a stale form.
    assert "no-store" in response["Cache-Control"]
    client.post(_submit_url(attempt), {**_form_data(attempt, {}), "confirm": "1"})
    response = client.get(url)
    assert response["Location"] == reverse("courses:attempt-result", args=[attempt.pk])
    page = client.get(f"{url}?check=unanswered", follow=True).content.decode()
    assert "Your result" in page and "Submit answers" not in page
