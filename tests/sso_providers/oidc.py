"""The tests' OpenID provider: npm oidc-provider (oidc_op.mjs) in a Node process.

`running_oidc_provider` starts one on a free loopback port below 32768 with a
signing key generated here, the client the site is registered as, and the test
accounts; it is stopped when the `with` ends. The `oidc_provider` fixture runs
one for the whole session, registered for the Django test client's
http://testserver. `OIDCProvider.sign_in` plays the person at the provider's
screens with `requests`; `next_token` and `next_userinfo` use the provider's
test-only control endpoint to spoil the next answer in one claim.
"""

import json
import os
import secrets
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("oidc_op.mjs")
CLIENT_ID = "training-tracker-tests"
TEST_SERVER = "http://testserver"
CALLBACK_PATH = "/accounts/sso/oidc/callback/"
# Who can sign in at the provider: account id (the subject) -> its claims.
ACCOUNTS = {
    # In the roster by employee number (tests create employee 100001).
    "alice": {
        "employee_number": "100001",
        "email": "alice@city.example",
        "email_verified": True,
        "name": "Alice Arsenault",
        "groups": ["grp-staff"],
    },
    # No employee number: found by the e-mail the provider verified.
    "erin": {"email": "erin@city.example", "email_verified": True, "name": "Erin"},
    # No number, and an e-mail the provider did not verify (it is Alice's).
    "mallory": {
        "email": "alice@city.example",
        "email_verified": False,
        "name": "Mallory",
    },
    # A number nobody in the roster has.
    "stranger": {
        "employee_number": "999999",
        "email": "stranger@city.example",
        "email_verified": True,
        "name": "Stan Stranger",
    },
    # In the provider's Trainers group (employee 100003).
    "tess": {
        "employee_number": "100003",
        "email": "tess@city.example",
        "email_verified": True,
        "name": "Tess Trainer",
        "groups": ["grp-trainers"],
    },
    # No group claim at all (employee 100004).
    "lee": {
        "employee_number": "100004",
        "email": "lee@city.example",
        "email_verified": True,
        "name": "Lee Learning",
    },
}


@dataclass
class OIDCProvider:
    port: int
    client_secret: str
    client_id: str = CLIENT_ID
    accounts: dict = field(default_factory=dict)

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def configure(self, settings) -> None:
        """Point the site's OIDC settings (pytest-django's `settings`) at this provider."""
        settings.OIDC_ENABLED = True
        settings.OIDC_DISCOVERY_URL = self.discovery_url
        settings.OIDC_CLIENT_ID = self.client_id
        settings.OIDC_CLIENT_SECRET = self.client_secret

    def sign_in(self, authorize_url: str, account: str, *, agent=None) -> str:
        """Sign in as `account` at the provider; the callback URL it sends back to.

        `agent` is the person's browser at the provider (a requests.Session), kept
        when the test needs the provider's session afterwards.
        """
        agent = agent or requests.Session()
        page = agent.get(authorize_url, timeout=10)
        if _is_callback(page.url):
            return page.url  # already signed in at the provider
        action = form_action(page.text)
        answer = agent.post(
            urljoin(page.url, action),
            data={"prompt": "login", "login": account, "password": "any"},
            allow_redirects=False,
            timeout=10,
        )
        return _follow_to_callback(agent, answer)

    def cancel(self, authorize_url: str) -> str:
        """Press the login screen's Cancel; the callback URL (error=access_denied)."""
        agent = requests.Session()
        page = agent.get(authorize_url, timeout=10)
        abort = page.text.split('<div class="login-help">', 1)[1]
        answer = agent.get(
            urljoin(page.url, _attribute(abort, "href")),
            allow_redirects=False,
            timeout=10,
        )
        return _follow_to_callback(agent, answer)

    def next_token(self, **claims) -> None:
        """The next token response's id_token carries `claims` (re-signed by the provider)."""
        self._control({"id_token": claims})

    def next_userinfo(self, **claims) -> None:
        """The next userinfo answer carries `claims`."""
        self._control({"userinfo": claims})

    def _control(self, body: dict) -> None:
        answer = requests.post(f"{self.issuer}/_test/next", json=body, timeout=10)
        assert answer.status_code == 204, answer.text


def _is_callback(url: str) -> bool:
    return CALLBACK_PATH in url and "127.0.0.1" not in url.split(CALLBACK_PATH)[0]


def _attribute(html: str, name: str) -> str:
    return html.split(f'{name}="', 1)[1].split('"', 1)[0].replace("&amp;", "&")


def form_action(html: str) -> str:
    assert "<form" in html, f"no form on the provider's page:\n{html[:2000]}"
    return _attribute(html.split("<form", 1)[1], "action")


def _follow_to_callback(agent: requests.Session, answer: requests.Response) -> str:
    """Follow the provider's redirects until one leaves it for the site's callback."""
    for _ in range(10):
        location = answer.headers.get("Location")
        assert location, f"the provider stopped at {answer.url}:\n{answer.text[:2000]}"
        location = urljoin(answer.url, location)
        if _is_callback(location):
            return location
        answer = agent.get(location, allow_redirects=False, timeout=10)
    raise AssertionError("the provider never sent the browser back to the site")


def signing_jwk() -> dict:
    """A fresh RS256 private key as a JWK, for the provider to sign id_tokens with."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = jwt.algorithms.RSAAlgorithm.to_jwk(key, as_dict=True)
    # Without PyJWT's key_ops ["sign"]: the provider verifies id_token_hints with it.
    jwk.pop("key_ops", None)
    return {**jwk, "kid": secrets.token_hex(8), "alg": "RS256", "use": "sig"}


def require_node() -> str:
    """The node binary; skip when it or oidc-provider is missing, except in CI."""
    node = shutil.which("node")
    if node and (ROOT / "node_modules" / "oidc-provider").exists():
        return node
    message = "node or node_modules/oidc-provider is missing: run `make install-dev`"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def running_oidc_provider(
    *,
    redirect_uris: list[str],
    post_logout_redirect_uris: list[str],
    accounts: dict | None = None,
) -> Iterator[OIDCProvider]:
    """An oidc-provider process serving until the block ends."""
    node = require_node()
    provider = OIDCProvider(
        port=free_port(22000),
        client_secret=secrets.token_urlsafe(24),
        accounts=accounts if accounts is not None else ACCOUNTS,
    )
    with tempfile.TemporaryDirectory(prefix="oidc-op-") as folder:
        config = Path(folder) / "config.json"
        config.write_text(
            json.dumps(
                {
                    "port": provider.port,
                    "client_id": provider.client_id,
                    "client_secret": provider.client_secret,
                    "redirect_uris": redirect_uris,
                    "post_logout_redirect_uris": post_logout_redirect_uris,
                    "accounts": provider.accounts,
                    "jwk": signing_jwk(),
                    "cookie_key": secrets.token_urlsafe(24),
                }
            )
        )
        log_path = Path(folder) / "provider.log"
        with log_path.open("wb") as log:
            server = subprocess.Popen(  # noqa: S603 (our own script)
                [node, str(SCRIPT), str(config)],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            _wait_for_discovery(provider, server, log_path)
            yield provider
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _wait_for_discovery(
    provider: OIDCProvider, server: subprocess.Popen, log_path: Path
) -> None:
    """Return once the provider serves its discovery document (30 s at most)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, log_path.read_text(errors="replace")[-3000:]
        try:
            # Our own http://127.0.0.1 URL.
            with urllib.request.urlopen(provider.discovery_url, timeout=2):  # noqa: S310
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise AssertionError(
        "oidc-provider did not start within 30 s:\n"
        + log_path.read_text(errors="replace")[-3000:]
    )


@pytest.fixture(scope="session")
def oidc_provider() -> Iterator[OIDCProvider]:
    """One provider for the session, for the Django test client (http://testserver)."""
    with running_oidc_provider(
        redirect_uris=[TEST_SERVER + CALLBACK_PATH],
        post_logout_redirect_uris=[TEST_SERVER + "/"],
    ) as provider:
        yield provider
