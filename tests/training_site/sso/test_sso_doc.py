"""docs/sso.md names every variable the sign-in settings read, and every URL to register."""

import re
from pathlib import Path

from django.urls import reverse

import pytest

ROOT = Path(__file__).resolve().parents[3]
DOC = (ROOT / "docs" / "sso.md").read_text()


def test_every_sign_in_variable_is_in_the_settings_table():
    source = (ROOT / "training_site" / "settings" / "sso.py").read_text()
    read = set(re.findall(r'env_\w+\(\s*"([A-Z0-9_]+)"', source))
    assert {"LOCAL_SIGN_IN", "SSO_LABEL"} <= read
    undocumented = sorted(name for name in read if f"| `{name}`" not in DOC)
    assert not undocumented, f"not in docs/sso.md's tables: {undocumented}"


@pytest.mark.parametrize(
    "name",
    ["sso:oidc-login", "sso:oidc-callback", "sso:saml-login", "sso:saml-acs"],
)
def test_the_urls_to_register_are_the_ones_served(name):
    assert f"https://learning.city.example{reverse(name)}" in DOC
