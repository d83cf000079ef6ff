"""The seven personas and the one check that asks each of them for a page.

Expectations are keyed by persona name, so a rule reads as who gets what:

    persona_matrix(url, {"anonymous": LOGIN, "employee": 403, ..., "ld_admin": 200})

The check asks every persona named, in PERSONAS order (some requests change data,
so the order is part of the test), and fails once, listing every persona whose
answer differs, instead of stopping at the first.
"""

from collections.abc import Callable, Mapping

from django.http import HttpResponse
from django.test import Client

import pytest

PERSONAS = (
    "anonymous",
    "employee",
    "peer",
    "manager",
    "other_manager",
    "trainer",
    "ld_admin",
)
PASSWORD = "correct-horse-battery"

OK = 200
# What staff without admin access get from every admin URL: the 403 page that
# says so (training_site.middleware.AdminAccessMiddleware), not a login redirect.
NO_ADMIN = 403
LOGIN = "login"  # a redirect to the login page
DASHBOARD = "dashboard"  # a redirect to the Wagtail dashboard (/admin/)
# Wagtail refuses an admin user either with 403 or by sending them to the dashboard.
REFUSED = "refused"

# An outcome, or a set of outcomes any of which will do.
Expected = int | str | frozenset
# A request made as one persona: one response, or several by label.
Request = Callable[[Client, str], "HttpResponse | Mapping[str, HttpResponse]"]


def every_persona(outcome: Expected, **others: Expected) -> dict[str, Expected]:
    """`outcome` for every persona but those named: every_persona(OK, anonymous=LOGIN)."""
    unknown = set(others) - set(PERSONAS)
    assert not unknown, f"not personas: {sorted(unknown)}"
    return {persona: others.get(persona, outcome) for persona in PERSONAS}


def answers(response: HttpResponse, expected: Expected) -> bool:
    """Whether the response is the expected outcome."""
    if isinstance(expected, frozenset):
        return any(answers(response, one) for one in expected)
    redirect = response.status_code == 302
    if expected == LOGIN:
        return redirect and response["Location"].startswith("/accounts/login/")
    if expected == DASHBOARD:
        return redirect and response["Location"] == "/admin/"
    if expected == REFUSED:
        return response.status_code == 403 or answers(response, DASHBOARD)
    return response.status_code == expected


def _describe(response: HttpResponse) -> str:
    if response.status_code in (301, 302):
        return f"{response.status_code} to {response['Location']}"
    return str(response.status_code)


class PersonaMatrix:
    """The `persona_matrix` fixture: one URL (or request) against every persona named."""

    def __init__(self, personas: Mapping[str, object], client_for: Callable) -> None:
        self.personas = personas
        self.client_for = client_for

    def __call__(
        self,
        url: str | None,
        expected: Mapping[str, Expected],
        *,
        method: str = "get",
        data: Mapping | None = None,
        request: Request | None = None,
        label: object = None,
    ) -> dict[str, "HttpResponse | Mapping[str, HttpResponse]"]:
        """Make the request as each persona in `expected`; fail listing every mismatch."""
        unknown = set(expected) - set(PERSONAS)
        assert not unknown, f"not personas: {sorted(unknown)}"
        if request is None:

            def request(client, _persona):
                return getattr(client, method)(url, data or {})

        responses = {}
        wrong = []
        for persona in [p for p in PERSONAS if p in expected]:
            answer = request(self.client_for(self.personas[persona]), persona)
            responses[persona] = answer
            parts = answer.items() if isinstance(answer, Mapping) else [("", answer)]
            for part, response in parts:
                if not answers(response, expected[persona]):
                    who = f"{persona} ({part})" if part else persona
                    got = _describe(response)
                    wrong.append(f"  {who}: expected {expected[persona]}, got {got}")
        if wrong:
            where = label if label is not None else f"{method.upper()} {url}"
            pytest.fail(f"{where}: {len(wrong)} wrong answer(s)\n" + "\n".join(wrong))
        return responses
