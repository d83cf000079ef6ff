"""Every site view, for every persona: who gets in, who is sent to sign in, who is refused.

`test_every_named_url_has_a_permission_rule` fails when a view is added to one of
our URL namespaces without a row here.
"""

from django.urls import get_resolver, reverse

import pytest

from tests.personas import LOGIN, every_persona

OK, FORBIDDEN = 200, 403

SIGNED_IN = every_persona(OK, anonymous=LOGIN)
PUBLIC = every_persona(OK)
# My team and its reports: managers (their people) and L&D admins (everyone).
MANAGERS = every_persona(
    FORBIDDEN, anonymous=LOGIN, manager=OK, other_manager=OK, ld_admin=OK
)

# url name -> expected outcome per persona
RULES = {
    "training_site:my-learning": SIGNED_IN,
    "skills:my-skills": SIGNED_IN,
    "skills:self-assessment": SIGNED_IN,
    "skills:review-list": MANAGERS,
    "training_site:my-certificates": SIGNED_IN,
    "reports:my-team": MANAGERS,
    "reports:team-people": MANAGERS,
    "reports:team-training": MANAGERS,
    "training_site:my-profile": SIGNED_IN,
    "accounts:login": PUBLIC,
    "accounts:password_change": SIGNED_IN,
    "accounts:password_change_done": SIGNED_IN,
    "accounts:password_reset": PUBLIC,
    "accounts:password_reset_done": PUBLIC,
    "accounts:password_reset_complete": PUBLIC,
    "certificates:verify-lookup": PUBLIC,
    # The assign form's person search (JSON); what it returns per persona:
    # tests/assignments/test_people_search.py.
    "assignments:people-search": MANAGERS,
    "reports:team-skills": MANAGERS,
    "reports:team-skills-units": MANAGERS,
    # Lists only what affects the reader, possibly nothing (tests/change/test_views.py).
    "change:my-changes": SIGNED_IN,
    # Unit heads for their units; change leads and sponsors too (all units):
    # tests/change/test_load_views.py.
    "change:load": MANAGERS,
}
# Views that only answer POST or need a token or a page: covered by
# tests/training_site/test_accounts.py, tests/courses/test_views.py and
# tests/certificates/test_views.py (a certificate's code, all seven personas).
COVERED_ELSEWHERE = {
    # One person's page: tests/reports/test_team.py (in scope only, else 404).
    "reports:team-person",
    "accounts:logout",
    "accounts:password_reset_confirm",
    "courses:enrol",
    "courses:complete-module",
    # Knowledge checks: tests/courses/quizzes/test_views.py (attempts are their
    # learner's own: everyone else gets 404).
    "courses:quiz-start",
    "courses:attempt",
    "courses:attempt-save",
    "courses:attempt-submit",
    "courses:attempt-result",
    # E-learning packages: the player for every member of staff, the files and
    # commits by the launch's token (the commit with its learner's session only):
    # tests/courses/packages/test_player.py.
    "courses:package-play",
    "courses:package-file",
    "courses:package-commit",
    # cmi5: the fetch URL (once per launch) and the xAPI resources, by the
    # auth token it hands out: tests/courses/packages/test_xapi.py.
    "courses:package-cmi5-fetch",
    "courses:package-xapi",
    # Mandatory training (managers and L&D admins; out of scope is 404):
    # tests/assignments/test_view_access.py, every view for all seven personas.
    "assignments:assign",
    "assignments:list",
    "assignments:detail",
    "assignments:learner-extend",
    "assignments:learner-exempt",
    "assignments:learner-exemption-lift",
    # Per-person skill pages: tests/skills/test_permissions.py.
    "skills:review",
    "skills:notice-dismiss",
    "certificates:verify",
    "certificates:download",
    # A background export's pages: its owner only, everyone else 404
    # (tests/reports/test_exports.py).
    "reports:export-status",
    "reports:export-download",
    # My team's Readiness tab: tests/reports/test_team_readiness.py.
    "reports:team-readiness",
    # One change and its check-in: the people it affects, everyone else 404
    # (tests/change/test_views.py); the readiness dashboard and its CSV:
    # tests/change/test_readiness_views.py.
    "change:my-change",
    "change:check-in",
    "change:readiness",
    # The usage API answers a bearer token, never a session: every persona
    # signed in gets 401 (tests/change/test_usage_api.py).
    "change:usage-api",
    # OpenID Connect sign-in: open to everyone (it starts or ends a sign-in), 404
    # when OIDC is not set up; a callback without this browser's own state is
    # refused (tests/training_site/sso/test_oidc.py).
    "sso:oidc-login",
    "sso:oidc-callback",
    # SAML sign-in: public (the IdP's signed answer is the credential), 404 while
    # SAML is not set up (tests/training_site/sso/test_saml.py).
    "sso:saml-login",
    "sso:saml-acs",
    "sso:saml-ls",
    "sso:saml-metadata",
}


def _our_url_names():
    names = set()
    for namespace in [
        "training_site",
        "accounts",
        "courses",
        "assignments",
        "certificates",
        "skills",
        "reports",
        "change",
        "sso",
    ]:
        _prefix, resolver = get_resolver().namespace_dict[namespace]
        names |= {
            f"{namespace}:{name}"
            for name in resolver.reverse_dict
            if isinstance(name, str)
        }
    return names


def test_every_named_url_has_a_permission_rule():
    assert _our_url_names() == set(RULES) | COVERED_ELSEWHERE


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", sorted(RULES))
def test_view_permissions_for_every_persona(url_name, persona_matrix):
    persona_matrix(reverse(url_name), RULES[url_name], label=url_name)


@pytest.mark.django_db
def test_navigation_offers_my_team_to_managers_and_ld_admins(personas, client_for):
    # L&D admins see everyone's team page (user_can_view_team_reports); the
    # header used to hide its link from them (tests/training_site/test_navigation.py).
    for persona in ["employee", "peer", "trainer"]:
        assert "My team" not in client_for(personas[persona]).get("/").text, persona
    for persona in ["manager", "other_manager", "ld_admin"]:
        assert "My team" in client_for(personas[persona]).get("/").text, persona


@pytest.mark.django_db
def test_navigation_offers_admin_only_to_trainers_and_ld_admins(personas, client_for):
    admin_link = 'href="/admin/"'
    for persona in ["employee", "peer", "manager", "other_manager"]:
        assert admin_link not in client_for(personas[persona]).get("/").text, persona
    for persona in ["trainer", "ld_admin"]:
        assert admin_link in client_for(personas[persona]).get("/").text, persona


ADMIN_URLS = ["/admin/", "/admin/pages/", "/admin/people/roster-import/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ADMIN_URLS)
def test_admin_is_refused_to_staff_without_an_admin_role(personas, client_for, url):
    """Signed in without admin access: told so (403), not sent to sign in again."""
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"] == f"/accounts/login/?next={url}"
    for persona in ["employee", "peer", "manager", "other_manager"]:
        refused = client_for(personas[persona]).get(url)
        assert refused.status_code == 403, persona
        assert "You don't have access to the admin" in refused.text
        assert 'href="/"' in refused.text  # a way back
    assert client_for(personas["ld_admin"]).get(url, follow=True).status_code == 200


@pytest.mark.django_db
def test_unknown_pages_get_the_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We can't find that page" in response.text
    assert 'href="/"' in response.text


@pytest.mark.django_db
def test_refusals_get_the_friendly_403(client, employee):
    client.force_login(employee)
    response = client.get(reverse("reports:my-team"))
    assert response.status_code == 403
    assert "You don't have access to this page" in response.text


@pytest.mark.django_db
def test_every_page_has_a_skip_link_and_landmarks(client):
    html = client.get("/").text
    assert '<a class="skip-link" href="#main">' in html
    for landmark in ["<header", "<nav", '<main id="main"', "<footer"]:
        assert landmark in html


@pytest.mark.django_db
def test_bootstrap_comes_from_our_own_static_files(client):
    html = client.get("/").text
    assert "/static/vendor/bootstrap/css/bootstrap.min.css" in html
    assert "cdn" not in html.lower()
    assert "https://" not in html
