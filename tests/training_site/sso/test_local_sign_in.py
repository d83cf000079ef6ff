"""Passwords beside single sign-on: LOCAL_SIGN_IN, the break-glass accounts, the refusal page."""

import logging
import os
import subprocess
import sys
from pathlib import Path

from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

import pytest

from tests.personas import PASSWORD
from training_site.settings.sso import sso_settings
from training_site.sso.refusals import refused

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.django_db


@pytest.fixture
def break_glass(settings):
    settings.LOCAL_SIGN_IN = "break-glass"
    settings.SSO_LABEL = "City of Example"


def test_by_default_staff_sign_in_with_a_password(client, employee):
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(employee.pk)


def test_the_sign_in_page_offers_the_city_account_first(client, settings):
    settings.SSO_LABEL = "City of Example"
    settings.OIDC_ENABLED = True
    page = client.get("/accounts/login/?next=/my/learning/").text
    button = page.index("Sign in with City of Example")
    assert button < page.index("<form")
    assert 'href="/accounts/sso/oidc/login/?next=/my/learning/"' in page
    assert "For accounts that have a password here." in page


def test_both_protocols_get_a_button_each(client, settings):
    settings.OIDC_ENABLED = settings.SAML_ENABLED = True
    settings.LOCAL_SIGN_IN = "break-glass"
    page = client.get("/accounts/login/").text
    assert "Sign in with your city account</a>" in page
    assert "Sign in with your city account (SAML)</a>" in page
    assert "Only for administrator accounts" in page


def test_without_a_provider_the_page_is_the_password_form_alone(client):
    page = client.get("/accounts/login/").text
    assert "Sign in with" not in page
    assert "Use your city username and password." in page


def test_break_glass_refuses_a_staff_password_and_names_the_button(
    client, employee, break_glass
):
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "Staff accounts sign in with City of Example" in response.text
    assert "_auth_user_id" not in client.session


def test_break_glass_says_nothing_to_a_wrong_password(client, employee, break_glass):
    response = client.post("/accounts/login/", {"username": "alice", "password": "x"})
    assert "Please enter a correct username and password" in response.text
    assert "City of Example" not in response.content.decode().split("<form")[1]


def test_break_glass_accounts_without_a_staff_record_keep_their_password(
    client, django_user_model, break_glass
):
    admin = django_user_model.objects.create_superuser(
        "breakglass", "ops@city.example", PASSWORD
    )
    response = client.post(
        "/accounts/login/", {"username": "breakglass", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin.pk)


def test_break_glass_mails_no_reset_link_to_staff(client, employee, break_glass):
    response = client.post("/accounts/password/reset/", {"email": employee.email})
    # The same answer as for an unknown address, and no link.
    assert response.status_code == 302
    assert mail.outbox == []


def test_the_refusal_page_explains_and_logs_with_the_reference(caplog):
    request = RequestFactory().get("/accounts/sso/oidc/callback/")
    request.user = AnonymousUser()
    with caplog.at_level(logging.WARNING, logger="training_site.sso"):
        response = refused(request, provider="oidc", code="bad-token")
    response.render()
    assert response.status_code == 403
    text = response.content.decode()
    assert "We could not sign you in" in text
    assert "could not be trusted" in text
    assert "bad-token" in text
    assert "Single sign-on through oidc refused: bad-token" in caplog.text


def _env(values):
    return lambda name, default="": values.get(name, default)


def test_local_sign_in_accepts_only_its_two_values():
    assert sso_settings(_env({}), lambda name: [])["LOCAL_SIGN_IN"] == "everyone"
    with pytest.raises(ImproperlyConfigured, match="LOCAL_SIGN_IN must be"):
        sso_settings(_env({"LOCAL_SIGN_IN": "nobody"}), lambda name: [])


def test_break_glass_without_a_provider_refuses_to_start():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("OIDC_", "SAML_", "DJANGO_"))
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={
            **env,
            "LOCAL_SIGN_IN": "break-glass",
            "DJANGO_SETTINGS_MODULE": "training_site.settings.test",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "LOCAL_SIGN_IN=break-glass needs OpenID Connect or SAML" in result.stderr
