"""Pytest fixtures: the test SAML IdP (saml_idp.py) running, and SAML set up to trust it.

`saml_idp` serves the Django test client (SP at http://testserver); browser tests
call `start_saml_idp(base_url=live_server.url, host=...)`. A test module imports
`_saml_keys`, `_start_saml_idp` and `_saml_idp`: pytest knows them by their
`name`, so the test's own arguments do not shadow an import.
"""

import re
import urllib.parse

from django.urls import reverse

import pytest
import requests
from bs4 import BeautifulSoup
from saml2.metadata import entity_descriptor

from tests.sso_providers.saml_idp import SamlIdentityProvider, make_key_pair
from training_site.sso.saml import sp_config


@pytest.fixture(scope="session", name="saml_keys")
def _saml_keys(tmp_path_factory):
    """The IdP's and our SP's keys and certificates, made once per test session."""
    folder = tmp_path_factory.mktemp("saml-keys")
    idp_key, idp_cert = make_key_pair(folder, "idp")
    sp_key, sp_cert = make_key_pair(folder, "sp")
    return {"folder": folder, "idp": (idp_key, idp_cert), "sp": (sp_key, sp_cert)}


@pytest.fixture(name="start_saml_idp")
def _start_saml_idp(settings, saml_keys):
    """Start an IdP and point the SAML settings at it; every one is stopped after."""
    started = []

    def start(*, base_url: str | None = None, host: str = "127.0.0.1", slo=False):
        idp_key, idp_cert = saml_keys["idp"]
        idp = SamlIdentityProvider(
            folder=saml_keys["folder"],
            key_file=idp_key,
            cert_file=idp_cert,
            host=host,
            slo=slo,
        )
        idp.start()
        started.append(idp)
        if base_url:
            settings.WAGTAILADMIN_BASE_URL = base_url
        sp_key, sp_cert = saml_keys["sp"]
        settings.SAML_ENABLED = True
        settings.SAML_IDP_METADATA_FILE = str(idp.metadata_file)
        settings.SAML_IDP_METADATA_URL = ""
        settings.SAML_SP_KEY_FILE = str(sp_key)
        settings.SAML_SP_CERT_FILE = str(sp_cert)
        idp.trust(str(entity_descriptor(sp_config())))
        return idp

    yield start
    for idp in started:
        idp.stop()


@pytest.fixture(name="saml_idp")
def _saml_idp(start_saml_idp):
    """The IdP, trusted by the SP the Django test client talks to."""
    return start_saml_idp()


def idp_answer(
    location: str, *, user: str, flaw: str = "", encrypt: bool = False
) -> tuple[str, dict]:
    """Play the browser at the IdP: open `location` (its SSO URL with our
    AuthnRequest), pick `user`, and return the ACS path and the fields its
    "Continue" form would POST there."""
    sign_in = requests.get(location, timeout=10)
    assert sign_in.status_code == 200, sign_in.text
    form = BeautifulSoup(sign_in.text, "html.parser").form
    fields = {i["name"]: i["value"] for i in form.find_all("input")}
    fields["user"] = user
    if flaw:
        fields["flaw"] = flaw
    if encrypt:
        fields["encrypt"] = "1"
    base = urllib.parse.urljoin(location, form["action"])
    answer = requests.get(base, params=fields, timeout=10)
    assert answer.status_code == 200, answer.text
    form = BeautifulSoup(answer.text, "html.parser").form
    assert form.button.get_text() == "Continue"
    acs = urllib.parse.urlsplit(form["action"]).path
    assert acs == reverse("sso:saml-acs")
    return acs, {i["name"]: i["value"] for i in form.find_all("input")}


def first_tag(xml: str, local_name: str) -> str:
    """The text of the first element called `local_name` (any namespace prefix)."""
    match = re.search(rf"<(?:\w+:)?{local_name}\b[^>]*>([^<]*)<", xml)
    assert match, local_name
    return match.group(1)
