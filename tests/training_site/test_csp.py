"""Every page carries a Content-Security-Policy: ours strict, the admin's its own.

The browser tests then load every page they check under the header and fail
on anything it blocks (tests/browser/checks.assert_no_csp_violations).
"""

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db

OUR_PAGES = [
    "/",
    "/my/learning/",
    "/my/certificates/",
    "/my/profile/",
    "/my/changes/",
    "/my/team/",
    "/skills/",
    "/verify/",
    "/accounts/login/",
    "/no-such-page/",  # the 404 page
]


def _policy(response) -> dict[str, set[str]]:
    header = response["Content-Security-Policy"]
    policy = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        policy[name] = set(sources)
    return policy


@pytest.mark.parametrize("persona", ["anonymous", "employee", "manager", "ld_admin"])
def test_our_pages_allow_nothing_inline_and_nothing_from_elsewhere(
    persona, personas, client
):
    if personas[persona] is not None:
        client.force_login(personas[persona])
    for url in OUR_PAGES:
        response = client.get(url, follow=True)
        policy = _policy(response)
        for directive in ("default-src", "script-src", "style-src", "font-src"):
            assert policy[directive] == {"'self'"}, (url, directive, policy)
        assert policy["img-src"] == {"'self'", "data:"}, url
        assert policy["object-src"] == {"'none'"}, url
        # Framed by the admin's page preview only.
        assert policy["frame-ancestors"] == {"'self'"}, url
        assert policy["form-action"] == {"'self'"}, url


def test_the_admin_has_its_own_policy_with_inline_code_but_nothing_third_party(
    ld_admin, client
):
    client.force_login(ld_admin)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root")):
        policy = _policy(client.get(url))
        assert policy["script-src"] == {"'self'", "'unsafe-inline'"}
        assert policy["style-src"] == {"'self'", "'unsafe-inline'"}
        assert policy["frame-ancestors"] == {"'self'"}
        every_source = set().union(*policy.values())
        assert not {s for s in every_source if "." in s or s.startswith("http")}
    # Its sign-in page too: the admin's, not ours.
    client.logout()
    assert "'unsafe-inline'" in _policy(client.get("/admin/login/"))["style-src"]
