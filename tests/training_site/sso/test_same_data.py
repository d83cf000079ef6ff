"""Signed in through the city's provider or with a password: the same account, the same pages."""

import re

from django.test import Client
from django.urls import reverse

import pytest

from courses.services import enrolment_create, module_complete
from tests.courses.factories import make_course, modules_of
from tests.personas import PASSWORD
from tests.sso_providers.oidc import oidc_provider  # noqa: F401 (the fixture)
from tests.sso_providers.saml import (  # noqa: F401 (the fixtures)
    _saml_idp,
    _saml_keys,
    _start_saml_idp,
    idp_answer,
)

pytestmark = pytest.mark.django_db

# Every page of an employee's own (those that show their data).
OWN_PAGES = [
    reverse("training_site:my-learning"),
    reverse("training_site:my-certificates"),
    reverse("training_site:my-profile"),
    reverse("skills:my-skills"),
    reverse("change:my-changes"),
]


@pytest.fixture
def alice(employee):
    """Alice with learning to show: one course done (with its certificate), one begun."""
    employee.employee.employee_number = "100001"  # as the test provider names her
    employee.employee.save()
    done = make_course(title="Privacy basics", modules=1)
    module_complete(user=employee, module=modules_of(done)[0])
    begun = make_course(title="Cyber-security", modules=2)
    enrolment_create(user=employee, course=begun)
    module_complete(user=employee, module=modules_of(begun)[0])
    return employee


def _by_password(user) -> Client:
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def _by_oidc(settings, provider) -> Client:
    provider.configure(settings)
    client = Client()
    start = client.get(reverse("sso:oidc-login"))
    assert client.get(provider.sign_in(start["Location"], "alice")).status_code == 302
    return client


def _by_saml(idp, user) -> Client:
    idp.add_user(
        "alice", name="Alice Arsenault", employee_number=user.employee.employee_number
    )
    client = Client()
    start = client.get(reverse("sso:saml-login"))
    acs, fields = idp_answer(start["Location"], user="alice")
    assert client.post(acs, fields).status_code == 302
    return client


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    # What differs between any two requests: the CSRF token.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.text)


def test_each_page_is_the_same_whichever_way_the_employee_signed_in(
    settings,
    alice,
    oidc_provider,  # noqa: F811
    saml_idp,
):
    by_password = _by_password(alice)
    by_oidc = _by_oidc(settings, oidc_provider)
    by_saml = _by_saml(saml_idp, alice)
    for client in (by_password, by_oidc, by_saml):
        assert client.session["_auth_user_id"] == str(alice.pk)
    for url in OWN_PAGES:
        expected = _page(by_password, url)
        assert _page(by_oidc, url) == expected, url
        assert _page(by_saml, url) == expected, url
    learning = _page(by_password, OWN_PAGES[0])
    assert "Privacy basics" in learning and "Cyber-security" in learning
