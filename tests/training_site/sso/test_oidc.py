"""Signing in through OpenID Connect, against a real provider on loopback.

The Django test client is the person's browser at the site; `requests` is the
same person at the provider's screens (tests/sso_providers/oidc.py, npm
oidc-provider). The site's own token, userinfo and key requests really go to the
provider. Bad answers come from the provider itself: its test-only control
endpoint spoils one claim of the next id_token and re-signs it with its own key.
"""

import json
import socket
import time
from unittest import mock
from urllib.parse import parse_qs, urljoin, urlsplit

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory

import pytest
import requests

from people.models import ExternalIdentity
from people.roles import LD_ADMINS, TRAINERS
from tests.people.factories import EmployeeFactory
from tests.servers import free_port
from tests.sso_providers.oidc import (
    form_action,
    oidc_provider,  # noqa: F401 (the fixture)
    signing_jwk,
)
from tests.sso_providers.pages import provider_sign_out
from training_site.settings.sso import oidc_settings
from training_site.sso import OIDC, SESSION_PROVIDER
from training_site.sso import oidc as oidc_module

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/sso/oidc/login/"
CALLBACK = "/accounts/sso/oidc/callback/"
MY_LEARNING = "/my/learning/"


@pytest.fixture(autouse=True)
def configured(settings, oidc_provider):  # noqa: F811
    """The site registered at the session's provider; its documents fetched afresh."""
    oidc_provider.configure(settings)
    settings.SSO_ROLE_GROUPS = {TRAINERS: [], LD_ADMINS: []}
    cache.clear()
    yield oidc_provider
    cache.clear()


@pytest.fixture
def roster(db):
    """The employees the provider's test accounts name (by number or e-mail)."""

    def person(number, username, first, last):
        return EmployeeFactory(
            employee_number=number,
            user__username=username,
            user__first_name=first,
            user__last_name=last,
            first_name=first,
            last_name=last,
        ).user

    return {
        "alice": person("100001", "alice", "Alice", "Arsenault"),
        "erin": person("100002", "erin", "Erin", "Eriksen"),
        "tess": person("100003", "tess", "Tess", "Trainer"),
        "lee": person("100004", "lee", "Lee", "Learning"),
    }


def start(client: Client, **query) -> str:
    """Press "Sign in with …": the URL of the provider's authorization endpoint."""
    response = client.get(LOGIN, query)
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def sign_in(client: Client, provider, account: str, *, agent=None, **query):
    """The whole round trip; the site's answer to the provider's callback."""
    callback = provider.sign_in(start(client, **query), account, agent=agent)
    return client.get(callback)


def signed_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def assert_refused(response, caplog, code: str, *, status: int = 403) -> None:
    """The clear page, with the code to quote, and the warning in the log."""
    assert response.status_code == status
    text = response.content.decode()
    assert "<h1" in text and "We could not sign you in" in text
    assert code in text
    assert "Traceback" not in text
    assert f"Single sign-on through oidc refused: {code}" in caplog.text


# --- Signing in -------------------------------------------------------------------


def test_the_employee_number_opens_the_right_account(client, configured, roster):
    response = sign_in(client, configured, "alice")
    assert response.status_code == 302
    assert response["Location"] == MY_LEARNING
    assert signed_in_user_id(client) == str(roster["alice"].pk)
    assert client.session[SESSION_PROVIDER] == OIDC
    page = client.get(MY_LEARNING)
    assert "My learning" in page.text and "Alice Arsenault" in page.text
    # The subject, qualified by its issuer: another tenant's "alice" is not her.
    link = ExternalIdentity.objects.get(
        provider=OIDC, subject=f"{configured.issuer} alice"
    )
    assert link.user == roster["alice"]


def test_a_verified_email_opens_the_account_when_no_number_is_sent(
    client, configured, roster
):
    response = sign_in(client, configured, "erin")
    assert response["Location"] == MY_LEARNING
    assert signed_in_user_id(client) == str(roster["erin"].pk)


def test_an_unverified_email_never_opens_an_account(client, configured, roster, caplog):
    # Mallory's provider account carries Alice's e-mail, unverified.
    response = sign_in(client, configured, "mallory")
    assert_refused(response, caplog, "unverified-email")
    assert signed_in_user_id(client) is None


def test_claims_only_in_the_id_token_count_and_win(client, configured, roster):
    # Entra ID sends optional claims (the employee number) in the id_token only.
    configured.next_token(employee_number="100001")
    sign_in(client, configured, "erin")
    assert signed_in_user_id(client) == str(roster["alice"].pk)


def test_the_authorization_request_uses_pkce_state_and_nonce(client, configured):
    query = parse_qs(urlsplit(start(client)).query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) >= 43
    assert query["state"][0] in client.session["oidc_states"]
    assert (
        query["nonce"][0] == client.session["oidc_states"][query["state"][0]]["nonce"]
    )
    assert query["scope"] == ["openid email profile"]
    assert query["redirect_uri"] == ["http://testserver" + CALLBACK]


def test_a_safe_next_page_is_where_sign_in_lands(client, configured, roster):
    response = sign_in(client, configured, "alice", next="/my/certificates/")
    assert response["Location"] == "/my/certificates/"


def test_a_next_page_elsewhere_is_ignored(client, configured, roster):
    response = sign_in(client, configured, "alice", next="https://evil.example/")
    assert response["Location"] == MY_LEARNING


# --- Tokens the site must not trust -------------------------------------------------


def test_an_id_token_for_another_audience_is_refused(
    client, configured, roster, caplog
):
    configured.next_token(aud="someone-else")
    response = sign_in(client, configured, "alice")
    assert_refused(response, caplog, "bad-token")
    assert signed_in_user_id(client) is None
    assert not ExternalIdentity.objects.exists()


def test_an_id_token_for_several_audiences_needs_us_as_the_authorized_party(
    client, configured, roster, caplog
):
    configured.next_token(aud=[configured.client_id, "someone-else"])
    assert_refused(sign_in(client, configured, "alice"), caplog, "bad-token")
    configured.next_token(
        aud=[configured.client_id, "someone-else"], azp=configured.client_id
    )
    assert sign_in(client, configured, "alice")["Location"] == MY_LEARNING


def test_a_key_set_with_an_unusable_key_is_refused_not_a_server_error(
    client, configured, roster, caplog
):
    jwks_uri = oidc_module.provider_metadata()["jwks_uri"]
    keys = requests.get(jwks_uri, timeout=10).json()["keys"]
    # The provider's own key id, but a key of another type (PyJWK refuses it).
    spoiled = {"keys": [{**key, "kty": "EC"} for key in keys]}
    cache.set(oidc_module.cache_key("jwks", jwks_uri), spoiled)
    requests_get = requests.get

    def no_refetch(url, *args, **kwargs):  # the same spoiled set, fetched again
        if url == jwks_uri:
            answer = requests_get(url, *args, **kwargs)
            answer._content = json.dumps(spoiled).encode()
            return answer
        return requests_get(url, *args, **kwargs)

    with mock.patch.object(oidc_module.requests, "get", no_refetch):
        response = sign_in(client, configured, "alice")
    assert_refused(response, caplog, "bad-token")
    assert "InvalidKeyError" in caplog.text


def test_an_expired_id_token_is_refused_not_a_server_error(
    client, configured, roster, caplog
):
    configured.next_token(exp=int(time.time()) - 120)  # past the 60 s leeway
    response = sign_in(client, configured, "alice")
    assert_refused(response, caplog, "bad-token")
    assert signed_in_user_id(client) is None


def test_an_id_token_from_another_issuer_is_refused(client, configured, roster, caplog):
    configured.next_token(iss="https://login.evil.example/")
    assert_refused(sign_in(client, configured, "alice"), caplog, "bad-token")


def test_an_id_token_for_another_sign_in_is_refused_by_its_nonce(
    client, configured, roster, caplog
):
    configured.next_token(nonce="from-another-sign-in")
    assert_refused(sign_in(client, configured, "alice"), caplog, "bad-token")


def test_userinfo_about_another_subject_is_refused(client, configured, roster, caplog):
    # OIDC Core 5.3.2: the userinfo answer must be about the id_token's subject.
    configured.next_userinfo(sub="erin", employee_number="100002")
    assert_refused(sign_in(client, configured, "alice"), caplog, "bad-token")
    assert signed_in_user_id(client) is None


def test_a_rotated_signing_key_is_fetched_once_more(client, configured, roster):
    metadata = oidc_module.provider_metadata()
    public = ("kty", "n", "e", "kid", "alg", "use")
    stale = {"keys": [{name: signing_jwk()[name] for name in public}]}
    cache.set(oidc_module.cache_key("jwks", metadata["jwks_uri"]), stale)
    assert sign_in(client, configured, "alice")["Location"] == MY_LEARNING


# --- State ------------------------------------------------------------------------


def test_a_callback_replayed_after_success_is_refused(
    client, configured, roster, caplog
):
    callback = configured.sign_in(start(client), "alice")
    assert client.get(callback)["Location"] == MY_LEARNING
    response = client.get(callback)
    assert_refused(response, caplog, "replayed-state", status=400)


def test_a_state_never_issued_is_refused(client, configured, roster, caplog):
    start(client)
    response = client.get(CALLBACK, {"code": "stolen", "state": "never-issued"})
    assert_refused(response, caplog, "replayed-state", status=400)
    assert signed_in_user_id(client) is None


def test_a_callback_from_another_browser_is_refused(client, configured, roster, caplog):
    # Login CSRF: the attacker's own code and state, fed to the victim's browser.
    callback = configured.sign_in(start(Client()), "alice")
    assert_refused(client.get(callback), caplog, "replayed-state", status=400)


def test_the_person_cancelling_at_the_provider_gets_the_page(
    client, configured, caplog
):
    callback = configured.cancel(start(client))
    assert "error=access_denied" in callback
    response = client.get(callback)
    assert_refused(response, caplog, "provider-error")
    assert "'access_denied'" in caplog.text
    # That state is spent too.
    assert_refused(client.get(callback), caplog, "replayed-state", status=400)


# --- People the roster does not let in ----------------------------------------------


def test_someone_not_in_the_roster_is_refused(client, configured, roster, caplog):
    response = sign_in(client, configured, "stranger")
    assert_refused(response, caplog, "unknown-employee")
    assert signed_in_user_id(client) is None


def test_a_deactivated_employee_is_refused(client, configured, roster, caplog):
    employee = roster["alice"].employee
    employee.is_active = False
    employee.save()
    response = sign_in(client, configured, "alice")
    assert_refused(response, caplog, "inactive-employee")
    assert signed_in_user_id(client) is None


# --- The provider not answering -------------------------------------------------------


def test_a_provider_that_does_not_answer_gets_a_clear_page(settings, client, caplog):
    settings.OIDC_DISCOVERY_URL = (
        f"http://127.0.0.1:{free_port(26000)}/.well-known/openid-configuration"
    )
    response = client.get(LOGIN)
    assert_refused(response, caplog, "provider-error")


def test_a_provider_that_hangs_is_given_up_on_after_oidc_timeout(
    settings, client, caplog
):
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", free_port(26000)))
        silent.listen()
        port = silent.getsockname()[1]
        settings.OIDC_DISCOVERY_URL = f"http://127.0.0.1:{port}/"
        settings.OIDC_TIMEOUT = 0.5
        started = time.monotonic()
        response = client.get(LOGIN)
    assert time.monotonic() - started < 5
    assert_refused(response, caplog, "provider-error")


def test_a_token_endpoint_that_does_not_answer_gets_a_clear_page(
    client, configured, roster, caplog
):
    callback = configured.sign_in(start(client), "alice")
    metadata = oidc_module.provider_metadata()
    closed = f"http://127.0.0.1:{free_port(26000)}/token"
    cache.set(
        oidc_module.cache_key("discovery", configured.discovery_url),
        {**metadata, "token_endpoint": closed},
    )
    assert_refused(client.get(callback), caplog, "provider-error")
    assert signed_in_user_id(client) is None


# --- Roles ------------------------------------------------------------------------


def test_without_a_group_mapping_the_group_claim_changes_nothing(
    client, configured, roster
):
    sign_in(client, configured, "tess")
    assert not roster["tess"].groups.filter(name=TRAINERS).exists()


def test_with_a_group_mapping_membership_follows_the_claim(
    settings, client, configured, roster
):
    settings.SSO_ROLE_GROUPS = {TRAINERS: ["grp-trainers"], LD_ADMINS: []}
    roster["alice"].groups.add(Group.objects.get(name=TRAINERS))
    roster["lee"].groups.add(Group.objects.get(name=TRAINERS))
    sign_in(client, configured, "tess")
    sign_in(Client(), configured, "alice")  # groups: grp-staff only
    sign_in(Client(), configured, "lee")  # no group claim at all
    assert roster["tess"].groups.filter(name=TRAINERS).exists()
    assert not roster["alice"].groups.filter(name=TRAINERS).exists()
    assert roster["lee"].groups.filter(name=TRAINERS).exists()


# --- Signing out ----------------------------------------------------------------------


def test_signing_out_ends_the_session_at_the_provider_too(client, configured, roster):
    browser_at_provider = requests.Session()
    sign_in(client, configured, "alice", agent=browser_at_provider)
    id_token = client.session[oidc_module.ID_TOKEN_KEY]

    response = client.post("/accounts/logout/")
    assert signed_in_user_id(client) is None
    end_session = urlsplit(provider_sign_out(response))
    assert f"{end_session.scheme}://{end_session.netloc}" == configured.issuer
    assert parse_qs(end_session.query) == {
        "client_id": [configured.client_id],
        "post_logout_redirect_uri": ["http://testserver/"],
        "id_token_hint": [id_token],
    }
    # The provider asks "Do you want to sign-out?"; the person says yes.
    confirm = browser_at_provider.get(provider_sign_out(response), timeout=10)
    assert "Do you want to sign-out" in confirm.text
    xsrf = confirm.text.split('name="xsrf" value="', 1)[1].split('"', 1)[0]
    done = browser_at_provider.post(
        urljoin(confirm.url, form_action(confirm.text)),
        data={"xsrf": xsrf, "logout": "yes"},
        allow_redirects=False,
        timeout=10,
    )
    assert done.headers["Location"] == "http://testserver/"
    # Signing in again asks for the password: the provider's session is over.
    again = browser_at_provider.get(start(Client()), timeout=10)
    assert 'name="password"' in again.text


def test_provider_logout_can_be_turned_off(settings, client, configured, roster):
    settings.OIDC_PROVIDER_LOGOUT = False
    sign_in(client, configured, "alice")
    assert client.post("/accounts/logout/")["Location"] == "/"


def test_an_end_session_endpoint_on_another_host_is_not_followed(
    client, configured, roster, caplog
):
    sign_in(client, configured, "alice")
    metadata = oidc_module.provider_metadata()
    cache.set(
        oidc_module.cache_key("discovery", configured.discovery_url),
        {**metadata, "end_session_endpoint": "https://evil.example/logout"},
    )
    assert client.post("/accounts/logout/")["Location"] == "/"
    assert signed_in_user_id(client) is None
    assert "logout endpoint is on another host" in caplog.text


def test_the_policy_keeps_sign_out_forms_here_and_a_link_goes_on(
    client, configured, roster
):
    # Browsers hold a form's redirect to form-action: the way on to the
    # provider is a link on our page instead, so the policy stays 'self'.
    sign_in(client, configured, "alice")
    policy = client.get("/")["Content-Security-Policy"]
    assert "form-action 'self';" in policy
    response = client.post("/accounts/logout/")
    assert response.status_code == 200
    assert "Signing you out of" in response.text
    assert provider_sign_out(response).startswith(configured.issuer)


# --- Not configured -----------------------------------------------------------------


def test_without_oidc_its_pages_do_not_exist(settings, client):
    settings.OIDC_ENABLED = False
    assert client.get(LOGIN).status_code == 404
    assert client.get(CALLBACK, {"code": "c", "state": "s"}).status_code == 404


def test_without_oidc_the_backend_answers_nothing_and_reads_no_setting(settings):
    for name in ("OIDC_ENABLED", "OIDC_DISCOVERY_URL", "OIDC_CLIENT_ID"):
        delattr(settings, name)
    backend = oidc_module.EmployeeOIDCBackend()
    request = RequestFactory().get("/accounts/login/")
    assert backend.authenticate(request, username="alice", password="x") is None


# --- Settings ---------------------------------------------------------------------


def _env(values):
    def env_str(name, default=""):
        return values.get(name, default)

    def env_bool(name, *, default=False):
        return {"true": True, "false": False}.get(values.get(name, ""), default)

    return env_str, env_bool, lambda name, default="": []


def test_oidc_is_off_until_its_discovery_url_and_client_id_are_set():
    assert oidc_settings(*_env({}))["OIDC_ENABLED"] is False
    on = oidc_settings(
        *_env(
            {
                "OIDC_DISCOVERY_URL": "https://login.microsoftonline.com/t/v2.0",
                "OIDC_CLIENT_ID": "app",
                "OIDC_CLIENT_SECRET": "s3cret",
            }
        )
    )
    assert on["OIDC_ENABLED"] is True
    # An issuer URL works: the discovery document's path is added.
    assert on["OIDC_DISCOVERY_URL"] == (
        "https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration"
    )
    assert on["OIDC_SCOPES"] == "openid email profile"
    assert on["OIDC_EMAIL_VERIFIED_CLAIM"] == "email_verified"
    assert on["OIDC_PROVIDER_LOGOUT"] is True
    assert on["OIDC_TIMEOUT"] == 10


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"OIDC_DISCOVERY_URL": "https://idp.example"}, "OIDC_CLIENT_ID must be set"),
        ({"OIDC_CLIENT_ID": "app"}, "OIDC_DISCOVERY_URL must be set"),
        (
            {"OIDC_DISCOVERY_URL": "https://idp.example", "OIDC_CLIENT_ID": "app"},
            "OIDC_CLIENT_SECRET .or OIDC_CLIENT_SECRET_FILE. must be set",
        ),
        (
            {
                "OIDC_DISCOVERY_URL": "http://idp.example",
                "OIDC_CLIENT_ID": "app",
                "OIDC_CLIENT_SECRET": "s3cret",
            },
            "OIDC_DISCOVERY_URL must be an https:// URL",
        ),
        ({"OIDC_SCOPES": "email profile"}, "OIDC_SCOPES must include openid"),
        ({"OIDC_TIMEOUT": "soon"}, "OIDC_TIMEOUT must be a number of seconds"),
        ({"OIDC_TIMEOUT": "0.5"}, "OIDC_TIMEOUT must be a number of seconds"),
    ],
)
def test_a_malformed_oidc_setting_stops_start_up_naming_it(env, message):
    with pytest.raises(ImproperlyConfigured, match=message) as error:
        oidc_settings(*_env(env))
    assert "s3cret" not in str(error.value)
    assert len(str(error.value).splitlines()) == 1
