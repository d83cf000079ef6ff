"""SAML 2.0 sign-in against a real IdP on loopback (tests/sso_providers/saml_idp.py).

The Django test client plays the browser at our end, `idp_answer` at the IdP's:
every answer is one pysaml2 really signed (or really did not), posted to our ACS.
"""

import base64
import logging

from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from django.urls import reverse

import pytest
import requests
from bs4 import BeautifulSoup
from saml2.saml import (
    NAMEID_FORMAT_EMAILADDRESS,
    NAMEID_FORMAT_TRANSIENT,
    NAMEID_FORMAT_UNSPECIFIED,
)

from people.models import ExternalIdentity
from people.roles import TRAINERS
from tests.personas import PASSWORD
from tests.servers import free_port
from tests.sso_providers.pages import provider_sign_out
from tests.sso_providers.saml import (  # noqa: F401 (the fixtures)
    _saml_idp,
    _saml_keys,
    _start_saml_idp,
    idp_answer,
)
from training_site.settings.sso import saml_settings
from training_site.sso import SAML, SESSION_PROVIDER
from training_site.sso.saml import EmployeeSaml2Backend, logout_url

pytestmark = pytest.mark.django_db

MY_LEARNING = "/my/learning/"
REFUSED_HEADING = "We could not sign you in"


@pytest.fixture
def directory(saml_idp, employee, peer):
    """The city's directory: Alice and Charlie as HR knows them, and a stranger."""
    alice, charlie = employee.employee, peer.employee
    saml_idp.add_user(
        "alice",
        name="Alice Arsenault",
        employee_number=alice.employee_number,
        email=alice.email,
    )
    saml_idp.add_user("charlie", name="Charlie", email=charlie.email)
    saml_idp.add_user("stranger", name="Sam Stranger", employee_number="999999")
    return saml_idp


def answer_for(client, user, *, flaw="", encrypt=False, next_url=MY_LEARNING):
    """Start at our login URL, sign in at the IdP as `user`: (ACS path, POST fields)."""
    start = client.get(reverse("sso:saml-login"), {"next": next_url})
    assert start.status_code == 302
    return idp_answer(start["Location"], user=user, flaw=flaw, encrypt=encrypt)


def sign_in(client, user, **kwargs):
    acs, fields = answer_for(client, user, **kwargs)
    return client.post(acs, fields)


def assert_refused(response, caplog, code, *, text=""):
    assert response.status_code == 403
    assert REFUSED_HEADING in response.text
    assert code in response.text
    assert text in response.text
    assert "_auth_user_id" not in response.wsgi_request.session
    assert (
        "training_site.sso",
        logging.WARNING,
        f"Single sign-on through saml refused: {code}",
    ) in caplog.record_tuples


# --- Signing in -----------------------------------------------------------------


def test_signs_in_the_employee_with_that_employee_number(client, directory, employee):
    response = sign_in(client, "alice")
    assert response.status_code == 302
    assert response["Location"] == MY_LEARNING
    assert client.session["_auth_user_id"] == str(employee.pk)
    assert client.session[SESSION_PROVIDER] == SAML
    assert client.get(MY_LEARNING).status_code == 200
    link = ExternalIdentity.objects.get(provider=SAML)
    # The NameID, qualified by the IdP that issued it.
    assert (link.subject, link.user) == (f"{directory.entity_id} sub-alice", employee)


def test_signs_in_by_email_when_the_idp_sends_no_employee_number(
    client, directory, peer
):
    response = sign_in(client, "charlie")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(peer.pk)


def test_an_encrypted_assertion_is_decrypted_with_our_key(client, directory, employee):
    acs, fields = answer_for(client, "alice", encrypt=True)
    assert b"EncryptedAssertion" in base64.b64decode(fields["SAMLResponse"])
    assert client.post(acs, fields).status_code == 302
    assert client.session["_auth_user_id"] == str(employee.pk)


def test_idp_metadata_can_come_from_its_url(client, settings, directory, employee):
    settings.SAML_IDP_METADATA_FILE = ""
    settings.SAML_IDP_METADATA_URL = f"{directory.url}/metadata"
    assert sign_in(client, "alice").status_code == 302
    assert client.session["_auth_user_id"] == str(employee.pk)


def test_an_idp_whose_metadata_does_not_answer_gets_a_clear_page(
    client, settings, caplog
):
    settings.SAML_ENABLED = True
    settings.SAML_IDP_METADATA_FILE = ""
    settings.SAML_IDP_METADATA_URL = f"http://127.0.0.1:{free_port(24000)}/metadata"
    response = client.get(reverse("sso:saml-login"))
    assert response.status_code == 503
    assert REFUSED_HEADING in response.text
    assert "did not answer" in response.text
    assert (
        "training_site.sso",
        logging.WARNING,
        "Single sign-on through saml refused: provider-error",
    ) in caplog.record_tuples


def test_the_idp_posts_without_a_csrf_token(directory, employee):
    browser = Client(enforce_csrf_checks=True)
    response = sign_in(browser, "alice")
    assert response.status_code == 302
    assert browser.session["_auth_user_id"] == str(employee.pk)


def test_lands_on_my_learning_without_a_safe_next(client, directory, employee):
    response = sign_in(client, "alice", next_url="https://elsewhere.example/")
    assert response["Location"] == MY_LEARNING


def test_lands_on_the_page_asked_for(client, directory, employee):
    response = sign_in(client, "alice", next_url="/my/certificates/")
    assert response["Location"] == "/my/certificates/"


def test_our_authn_request_is_signed(client, directory, employee):
    start = client.get(reverse("sso:saml-login"))
    assert "Signature=" in start["Location"]
    assert (
        "SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256"
        in (start["Location"])
    )


def test_sp_metadata_says_assertions_must_be_signed(client, saml_idp):
    response = client.get(reverse("sso:saml-metadata"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    xml = response.text
    assert 'entityID="http://testserver/accounts/sso/saml/metadata/"' in xml
    assert 'WantAssertionsSigned="true"' in xml
    assert 'AuthnRequestsSigned="true"' in xml
    assert 'Location="http://testserver/accounts/sso/saml/acs/"' in xml


def test_every_saml_url_is_404_when_saml_is_not_set_up(client, settings):
    settings.SAML_ENABLED = False
    for name in ["saml-login", "saml-acs", "saml-metadata", "saml-ls"]:
        assert client.get(reverse(f"sso:{name}")).status_code == 404, name
        assert client.post(reverse(f"sso:{name}")).status_code == 404, name


def test_password_sign_in_is_untouched_by_the_saml_backend(client, employee):
    request = RequestFactory().post("/accounts/login/")
    backend = EmployeeSaml2Backend()
    assert backend.authenticate(request, username="alice", password=PASSWORD) is None
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": PASSWORD}
    )
    assert client.session["_auth_user_id"] == str(employee.pk)
    assert SESSION_PROVIDER not in client.session
    assert response.status_code == 302


# --- Refusals -------------------------------------------------------------------


def test_an_unsigned_response_is_refused(client, directory, caplog):
    response = sign_in(client, "alice", flaw="unsigned")
    assert_refused(response, caplog, "unsigned-response", text="was not signed")


def test_a_tampered_assertion_is_refused(client, directory, employee, peer, caplog):
    acs, fields = answer_for(client, "alice")
    xml = base64.b64decode(fields["SAMLResponse"]).decode()
    number = employee.employee.employee_number
    assert f">{number}<" in xml
    # Someone on the way makes Alice's signed answer name Charlie instead.
    forged = xml.replace(f">{number}<", f">{peer.employee.employee_number}<")
    forged = forged.replace(">sub-alice<", ">sub-forged<")
    fields["SAMLResponse"] = base64.b64encode(forged.encode()).decode()
    response = client.post(acs, fields)
    assert_refused(response, caplog, "bad-response")
    assert not ExternalIdentity.objects.exists()


def test_a_response_posted_twice_is_refused_the_second_time(
    client, directory, employee, caplog
):
    acs, fields = answer_for(client, "alice")
    assert client.post(acs, fields).status_code == 302
    client.logout()
    response = client.post(acs, fields)
    assert_refused(response, caplog, "replayed-state", text="already used")


def test_a_response_from_another_browser_is_refused(
    client, client_for, directory, employee, caplog
):
    acs, fields = answer_for(client, "alice")
    response = client_for(None).post(acs, fields)
    assert_refused(response, caplog, "replayed-state")


def test_a_response_for_another_service_is_refused(client, directory, caplog):
    response = sign_in(client, "alice", flaw="wrong-audience")
    assert_refused(response, caplog, "bad-response")


def test_an_expired_response_is_refused(client, directory, caplog):
    response = sign_in(client, "alice", flaw="expired")
    assert_refused(response, caplog, "bad-response")


def test_a_malformed_response_is_a_clear_page_not_an_error(client, directory, caplog):
    acs = reverse("sso:saml-acs")
    response = client.post(acs, {"SAMLResponse": "bm90IFhNTA==", "RelayState": "/"})
    assert_refused(response, caplog, "bad-response")
    missing = client.post(acs, {})
    assert missing.status_code == 400
    assert REFUSED_HEADING in missing.text
    assert client.get(acs).status_code == 400


@pytest.mark.parametrize(
    "name_id_format",
    [NAMEID_FORMAT_TRANSIENT, NAMEID_FORMAT_EMAILADDRESS, NAMEID_FORMAT_UNSPECIFIED],
)
def test_a_name_id_that_is_not_persistent_is_refused_before_it_links_anyone(
    client, saml_idp, employee, caplog, name_id_format
):
    # An e-mail NameID passes to whoever gets the address next: a new hire
    # would sign in as the leaver.
    saml_idp.add_user(
        "alice",
        name="Alice",
        employee_number=employee.employee.employee_number,
        name_id_format=name_id_format,
    )
    response = sign_in(client, "alice")
    assert_refused(response, caplog, "bad-response")
    assert "must send a persistent one" in caplog.text
    assert not ExternalIdentity.objects.exists()


def test_someone_not_in_the_roster_is_refused(client, directory, caplog):
    response = sign_in(client, "stranger")
    assert_refused(response, caplog, "unknown-employee", text="does not match anyone")


def test_a_deactivated_employee_is_refused(client, directory, employee, caplog):
    employee.employee.is_active = False
    employee.employee.save(update_fields=["is_active"])
    response = sign_in(client, "alice")
    assert_refused(response, caplog, "inactive-employee", text="not active")


# --- Roles ----------------------------------------------------------------------


def test_without_a_mapping_a_groups_claim_changes_no_roles(client, directory, employee):
    directory.users["alice"].groups = ["city-trainers"]
    assert sign_in(client, "alice").status_code == 302
    assert not employee.groups.filter(name=TRAINERS).exists()


def test_with_a_mapping_the_groups_claim_is_what_sets_the_role(
    client, settings, directory, employee
):
    settings.SSO_ROLE_GROUPS = {"Trainers": ["city-trainers"]}
    directory.users["alice"].groups = ["city-trainers", "city-everyone"]
    assert sign_in(client, "alice").status_code == 302
    assert employee.groups.filter(name=TRAINERS).exists()


def test_no_groups_attribute_leaves_roles_alone_even_with_a_mapping(
    client, settings, saml_idp, trainer
):
    settings.SSO_ROLE_GROUPS = {"Trainers": ["city-trainers"]}
    saml_idp.add_user(
        "tess", name="Tess", employee_number=trainer.employee.employee_number
    )
    assert sign_in(client, "tess").status_code == 302
    assert trainer.groups.filter(name=TRAINERS).exists()


# --- Signing out ----------------------------------------------------------------


def test_signing_out_stays_here_when_the_idp_has_no_single_logout(
    client, directory, employee
):
    sign_in(client, "alice")
    request = RequestFactory().post(reverse("accounts:logout"))
    request.COOKIES = {name: morsel.value for name, morsel in client.cookies.items()}
    assert logout_url(request) is None
    response = client.post(reverse("accounts:logout"))
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_signing_out_ends_the_session_at_the_idp_too(client, start_saml_idp, employee):
    idp = start_saml_idp(slo=True)
    idp.add_user(
        "alice", name="Alice", employee_number=employee.employee.employee_number
    )
    assert sign_in(client, "alice").status_code == 302
    response = client.post(reverse("accounts:logout"))
    # A page that goes on to the IdP (a redirect would be held by the CSP).
    at_idp = provider_sign_out(response)
    assert at_idp.startswith(f"{idp.url}/slo?SAMLRequest=")
    assert "_auth_user_id" not in client.session
    back = idp_logout(at_idp)
    assert idp.logouts == ["sub-alice"]
    assert client.get(back).status_code == 302


def test_signing_out_works_when_the_idp_metadata_cannot_be_read(
    client, settings, start_saml_idp, employee
):
    idp = start_saml_idp(slo=True)
    idp.add_user(
        "alice", name="Alice", employee_number=employee.employee.employee_number
    )
    assert sign_in(client, "alice").status_code == 302
    settings.SAML_IDP_METADATA_FILE = ""
    settings.SAML_IDP_METADATA_URL = f"http://127.0.0.1:{free_port(24000)}/metadata"
    response = client.post(reverse("accounts:logout"))
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session


def idp_logout(location):
    page = requests.get(location, timeout=10)
    assert page.status_code == 200, page.text
    link = BeautifulSoup(page.text, "html.parser").a["href"]
    assert link.startswith("http://testserver/accounts/sso/saml/ls/?SAMLResponse=")
    return link.removeprefix("http://testserver")


# --- Settings -------------------------------------------------------------------


def _env(values):
    def env_str(name, default=""):
        return values.get(name, default)

    def env_bool(name, *, default=False):
        return values[name] == "true" if name in values else default

    def env_list(name, default=""):
        return [v for v in values.get(name, default).split(",") if v]

    return env_str, env_bool, env_list


def test_saml_is_off_without_idp_metadata_and_on_with_it(tmp_path):
    assert saml_settings(*_env({}))["SAML_ENABLED"] is False
    metadata = tmp_path / "idp.xml"
    metadata.write_text("<EntityDescriptor/>")
    on = saml_settings(*_env({"SAML_IDP_METADATA_FILE": str(metadata)}))
    assert on["SAML_ENABLED"] is True
    assert on["SAML_EMAIL_IS_VERIFIED"] is True
    assert on["SAML_EMAIL_ATTRIBUTE"].endswith("/claims/emailaddress")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"SAML_IDP_METADATA_FILE": "{file}", "SAML_IDP_METADATA_URL": "https://b"},
            "not both",
        ),
        ({"SAML_IDP_METADATA_FILE": "/nowhere/idp.xml"}, "SAML_IDP_METADATA_FILE"),
        ({"SAML_IDP_METADATA_URL": "ftp://idp/metadata"}, "SAML_IDP_METADATA_URL"),
        ({"SAML_IDP_METADATA_URL": "http://idp.city.example/"}, "https://"),
        ({"SAML_SP_KEY_FILE": "{file}"}, "SAML_SP_CERT_FILE"),
        ({"SAML_SP_CERT_FILE": "{file}"}, "SAML_SP_KEY_FILE"),
    ],
)
def test_a_malformed_saml_setting_names_the_variable(values, message, tmp_path):
    existing = tmp_path / "some.pem"
    existing.write_text("x")
    values = {name: v.format(file=existing) for name, v in values.items()}
    with pytest.raises(ImproperlyConfigured, match=message):
        saml_settings(*_env(values))


def test_a_plain_link_to_the_logout_service_signs_nobody_out(
    client, directory, employee, caplog
):
    assert sign_in(client, "alice").status_code == 302
    for query in ({}, {"SAMLRequest": "not-a-saml-message"}):
        response = client.get(reverse("sso:saml-ls"), query)
        assert response.status_code == 400
        assert REFUSED_HEADING in response.text
        assert client.session["_auth_user_id"] == str(employee.pk)
