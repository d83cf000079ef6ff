"""The persona matrix fails once, naming every persona whose answer differs."""

from django.http import HttpResponse, HttpResponseRedirect

import pytest

from tests.personas import LOGIN, REFUSED, PersonaMatrix, every_persona


def _matrix(answers: dict):
    def request(_client, persona):
        return answers[persona]

    return PersonaMatrix(dict.fromkeys(answers), lambda _user: None), request


def test_every_wrong_persona_is_listed_in_one_failure():
    answers = {
        "anonymous": HttpResponseRedirect("/accounts/login/?next=/x/"),
        "employee": HttpResponse(status=200),
        "peer": HttpResponse(status=403),
        "manager": HttpResponse(status=404),
        "other_manager": HttpResponse(status=200),
        "trainer": HttpResponseRedirect("/admin/"),
        "ld_admin": HttpResponse(status=200),
    }
    matrix, request = _matrix(answers)
    expected = every_persona(200, anonymous=LOGIN, peer=403, trainer=REFUSED)
    with pytest.raises(pytest.fail.Exception) as failure:
        matrix("/x/", expected, request=request)
    message = str(failure.value)
    assert "1 wrong answer" in message
    assert "manager: expected 200, got 404" in message
    answers["employee"] = HttpResponseRedirect("/elsewhere/")
    with pytest.raises(pytest.fail.Exception) as failure:
        matrix("/x/", expected, request=request)
    assert "2 wrong answer" in str(failure.value)
    assert "employee: expected 200, got 302 to /elsewhere/" in str(failure.value)


def test_a_matching_matrix_returns_the_responses_and_unknown_names_are_refused():
    answers = {"anonymous": HttpResponse(status=200), "peer": HttpResponse(status=404)}
    matrix, request = _matrix(answers)
    assert matrix("/x/", {"anonymous": 200, "peer": 404}, request=request) == answers
    with pytest.raises(AssertionError, match="not personas"):
        matrix("/x/", {"boss": 200}, request=request)
    with pytest.raises(AssertionError, match="not personas"):
        every_persona(200, boss=403)
