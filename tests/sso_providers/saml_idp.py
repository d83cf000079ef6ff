"""A SAML 2.0 identity provider for the tests: pysaml2's `Server` behind a real HTTP server.

It plays the city's directory (Entra ID, ADFS) on loopback. Its single sign-on
endpoint takes our AuthnRequest (HTTP-Redirect binding, signature checked), shows
a page to pick a test user, then a page whose "Continue" button POSTs the signed
SAMLResponse and the RelayState to our assertion consumer service, as a real IdP's
page does. The claims use Entra ID's attribute names.

Test-only switches, as a `flaw` query parameter on the answer: `unsigned` (no
signature at all), `wrong-audience` (an assertion for another service provider),
`expired` (its validity ended ten minutes ago); and `encrypt=1` to encrypt the
assertion for the SP, as ADFS and Entra ID can. Tampering is the tests' own job:
they change the answer the way an attacker would, after it was signed.
"""

import base64
import html
import threading
import urllib.parse
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.assertion import Policy
from saml2.config import IdPConfig
from saml2.metadata import entity_descriptor
from saml2.saml import AUTHN_PASSWORD_PROTECTED as PASSWORD
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

from tests.servers import free_port
from training_site.sso.saml import raw_attribute_names

EMPLOYEE_NUMBER = "http://schemas.microsoft.com/identity/claims/employeeid"
EMAIL = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"
GROUPS = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"
DISPLAY_NAME = "http://schemas.microsoft.com/identity/claims/displayname"
FLAWS = ("unsigned", "wrong-audience", "expired")


def make_key_pair(folder: Path, name: str) -> tuple[Path, Path]:
    """A 2048-bit RSA key and its self-signed certificate, as PEM files in `folder`."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"{name}.test")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = folder / f"{name}.key", folder / f"{name}.crt"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


@dataclass
class DirectoryUser:
    """Someone in the city's directory, with the claims the IdP sends for them."""

    key: str
    name: str
    employee_number: str = ""
    email: str = ""
    groups: list[str] | None = None
    # The NameID: persistent (stable, opaque, one per user) unless a test says.
    subject: str = field(default="")
    name_id_format: str = NAMEID_FORMAT_PERSISTENT

    def claims(self) -> dict[str, list[str]]:
        claims = {DISPLAY_NAME: [self.name]}
        if self.employee_number:
            claims[EMPLOYEE_NUMBER] = [self.employee_number]
        if self.email:
            claims[EMAIL] = [self.email]
        if self.groups is not None:
            claims[GROUPS] = list(self.groups)
        return claims


class SamlIdentityProvider:
    """The IdP: `start()` it, `trust(sp_metadata)`, `add_user(...)`; `stop()` after."""

    def __init__(
        self,
        *,
        folder: Path,
        key_file: Path,
        cert_file: Path,
        host: str = "127.0.0.1",
        slo: bool = False,
    ):
        self.slo = slo
        self.port = free_port(23000)
        # Listens on 127.0.0.1 only; `host` is the name the browser is given.
        self.url = f"http://{host}:{self.port}"
        self.entity_id = f"{self.url}/metadata"
        self.key_file, self.cert_file = key_file, cert_file
        self.metadata_file = folder / f"idp-metadata-{self.port}.xml"
        self.users: dict[str, DirectoryUser] = {}
        self.sp_metadata = ""
        self.logouts: list[str] = []
        self._server = None
        self._http = None
        self.metadata_file.write_text(str(entity_descriptor(self._config())))

    # --- set-up --------------------------------------------------------------

    def add_user(self, key: str, **claims) -> DirectoryUser:
        user = DirectoryUser(
            key=key, subject=claims.pop("subject", f"sub-{key}"), **claims
        )
        self.users[key] = user
        return user

    def trust(self, sp_metadata: str) -> None:
        """Accept AuthnRequests from the service provider this metadata describes."""
        self.sp_metadata = sp_metadata
        self._server = Server(config=self._config(sp_metadata=sp_metadata))
        # Claims go out under the names given, as Entra ID's do (no renaming).
        self._server.config.attribute_converters = [
            raw_attribute_names(NAME_FORMAT_URI)
        ]

    def _config(self, *, sp_metadata: str = "") -> IdPConfig:
        endpoints = {
            "single_sign_on_service": [(f"{self.url}/sso", BINDING_HTTP_REDIRECT)]
        }
        if self.slo:
            endpoints["single_logout_service"] = [
                (f"{self.url}/slo", BINDING_HTTP_REDIRECT)
            ]
        conf = {
            "entityid": self.entity_id,
            "service": {
                "idp": {
                    "name": "City directory (test)",
                    "endpoints": endpoints,
                    "want_authn_requests_signed": True,
                    "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                    "policy": {"default": {"lifetime": {"minutes": 5}}},
                }
            },
            "key_file": str(self.key_file),
            "cert_file": str(self.cert_file),
            "xmlsec_binary": "/usr/bin/xmlsec1",
            "signing_algorithm": SIG_RSA_SHA256,
            "digest_algorithm": DIGEST_SHA256,
        }
        if sp_metadata:
            conf["metadata"] = {"inline": [sp_metadata]}
        return IdPConfig().load(conf)

    # --- the HTTP server -----------------------------------------------------

    def start(self) -> None:
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                idp._handle(self)

            def log_message(self, format, *args):
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._http.daemon_threads = True
        threading.Thread(target=self._http.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
            self._http = None

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        url = urllib.parse.urlsplit(handler.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        pages = {
            "/metadata": lambda: (200, "text/xml", self.metadata_file.read_text()),
            "/sso": lambda: self._sign_in_page(query),
            "/answer": lambda: self._answer_page(query),
            "/slo": lambda: self._logout_page(query),
        }
        page = pages.get(url.path)
        try:
            status, content_type, body = page() if page else (404, "text/plain", "")
        except Exception as error:  # noqa: BLE001 (a test IdP shows what went wrong)
            status, content_type, body = (
                400,
                "text/plain",
                f"{type(error).__name__}: {error}",
            )
        data = body.encode()
        handler.send_response(status)
        handler.send_header("Content-Type", f"{content_type}; charset=utf-8")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _parse_request(self, query: dict):
        return self._server.parse_authn_request(
            query["SAMLRequest"],
            BINDING_HTTP_REDIRECT,
            relay_state=query.get("RelayState"),
            sigalg=query.get("SigAlg"),
            signature=query.get("Signature"),
        )

    def _sign_in_page(self, query: dict) -> tuple[int, str, str]:
        self._parse_request(query)  # refuses a request that is unsigned or not ours
        carried = "".join(
            f'<input type="hidden" name="{name}" value="{html.escape(query[name])}">'
            for name in (
                "SAMLRequest",
                "RelayState",
                "SigAlg",
                "Signature",
                "flaw",
                "encrypt",
            )
            if name in query
        )
        choices = "".join(
            f'<li><button type="submit" name="user" value="{html.escape(u.key)}">'
            f"{html.escape(u.name)}</button></li>"
            for u in self.users.values()
        )
        return (
            200,
            "text/html",
            _page(
                "City directory: sign in",
                f'<form method="get" action="/answer">{carried}<ul>{choices}</ul></form>',
            ),
        )

    def _answer_page(self, query: dict) -> tuple[int, str, str]:
        request = self._parse_request(query)
        user = self.users[query["user"]]
        flaw = query.get("flaw", "")
        assert flaw in ("", *FLAWS), flaw
        args = self._server.response_args(request.message, [BINDING_HTTP_POST])
        if flaw == "wrong-audience":
            args["sp_entity_id"] = "https://another-service.example/saml/metadata/"
        if flaw == "expired":
            self._server.config.setattr(
                "idp", "policy", _policy(minutes=-10, server=self._server)
            )
        try:
            response = self._server.create_authn_response(
                user.claims(),
                userid=user.key,
                name_id=NameID(format=user.name_id_format, text=user.subject),
                authn={"class_ref": PASSWORD},
                sign_assertion=flaw != "unsigned",
                sign_response=False,
                encrypt_assertion=query.get("encrypt") == "1",
                sign_alg=SIG_RSA_SHA256,
                digest_alg=DIGEST_SHA256,
                in_response_to=args["in_response_to"],
                destination=args["destination"],
                sp_entity_id=args["sp_entity_id"],
                name_id_policy=args["name_id_policy"],
            )
        finally:
            if flaw == "expired":
                self._server.config.setattr(
                    "idp", "policy", _policy(minutes=5, server=self._server)
                )
        fields = {
            "SAMLResponse": base64.b64encode(str(response).encode()).decode(),
            "RelayState": query.get("RelayState", ""),
        }
        inputs = "".join(
            f'<input type="hidden" name="{name}" value="{html.escape(value)}">'
            for name, value in fields.items()
        )
        return (
            200,
            "text/html",
            _page(
                "City directory: signed in",
                f'<form method="post" action="{html.escape(args["destination"])}">'
                f'{inputs}<button type="submit">Continue</button></form>',
            ),
        )

    def _logout_page(self, query: dict) -> tuple[int, str, str]:
        """Single logout: end the session here, answer the SP's LogoutRequest."""
        request = self._server.parse_logout_request(
            query["SAMLRequest"],
            BINDING_HTTP_REDIRECT,
            relay_state=query.get("RelayState"),
            sigalg=query.get("SigAlg"),
            signature=query.get("Signature"),
        )
        self.logouts.append(request.message.name_id.text)
        response = self._server.create_logout_response(
            request.message,
            [BINDING_HTTP_REDIRECT],
            sign_alg=SIG_RSA_SHA256,
            digest_alg=DIGEST_SHA256,
        )
        destination = self._server.pick_binding(
            "single_logout_service",
            [BINDING_HTTP_REDIRECT],
            "spsso",
            request.message,
        )[1]
        info = self._server.apply_binding(
            BINDING_HTTP_REDIRECT,
            str(response),
            destination,
            query.get("RelayState", ""),
            response=True,
            sign=True,
            sigalg=SIG_RSA_SHA256,
        )
        location = dict(info["headers"])["Location"]
        return (
            200,
            "text/html",
            _page(
                "City directory: signed out",
                f'<p><a href="{html.escape(location)}">Back to the service</a></p>',
            ),
        )


def _policy(*, minutes: int, server: Server) -> Policy:
    return Policy({"default": {"lifetime": {"minutes": minutes}}}, server.metadata)


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><main><h1>{title}</h1>{body}</main>"
        f"</body></html>"
    )
