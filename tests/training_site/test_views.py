"""Every site view, for every persona: who gets in, who is sent to sign in, who is refused.

`test_every_named_url_has_a_permission_rule` fails when a view is added to one of
our URL namespaces without a row here.
"""

from django.urls import get_resolver, reverse

import pytest

from tests.conftest import PERSONAS

LOGIN = "login"  # redirected to the login page
OK, FORBIDDEN = 200, 403

# url name -> expected outcome per persona, in PERSONAS order:
# anonymous, employee, peer, manager, other_manager, trainer, ld_admin
RULES = {
    "training_site:my-learning": [LOGIN, OK, OK, OK, OK, OK, OK],
    "skills:my-skills": [LOGIN, OK, OK, OK, OK, OK, OK],
    "skills:self-assessment": [LOGIN, OK, OK, OK, OK, OK, OK],
    "skills:review-list": [LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, FORBIDDEN, OK],
    "training_site:my-certificates": [LOGIN, OK, OK, OK, OK, OK, OK],
    # My team and its reports: managers (their people) and L&D admins (everyone).
    "reports:my-team": [LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, FORBIDDEN, OK],
    "reports:team-people": [LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, FORBIDDEN, OK],
    "reports:team-training": [
        LOGIN,
        FORBIDDEN,
        FORBIDDEN,
        OK,
        OK,
        FORBIDDEN,
        OK,
    ],
    "training_site:my-profile": [LOGIN, OK, OK, OK, OK, OK, OK],
    "accounts:login": [OK] * 7,
    "accounts:password_change": [LOGIN, OK, OK, OK, OK, OK, OK],
    "accounts:password_change_done": [LOGIN, OK, OK, OK, OK, OK, OK],
    "accounts:password_reset": [OK] * 7,
    "accounts:password_reset_done": [OK] * 7,
    "accounts:password_reset_complete": [OK] * 7,
    "certificates:verify-lookup": [OK] * 7,
    # The assign form's person search (JSON); what it returns per persona:
    # tests/assignments/test_people_search.py.
    "assignments:people-search": [
        LOGIN,
        FORBIDDEN,
        FORBIDDEN,
        OK,
        OK,
        FORBIDDEN,
        OK,
    ],
    "reports:team-skills": [
        LOGIN,
        FORBIDDEN,
        FORBIDDEN,
        OK,
        OK,
        FORBIDDEN,
        OK,
    ],
    "reports:team-skills-units": [
        LOGIN,
        FORBIDDEN,
        FORBIDDEN,
        OK,
        OK,
        FORBIDDEN,
        OK,
    ],
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
    # Mandatory training (managers and L&D admins; out of scope is 404):
    # tests/assignments/test_views.py, every view for all seven personas.
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
def test_view_permissions_for_every_persona(url_name, personas, client_for):
    url = reverse(url_name)
    for persona, expected in zip(PERSONAS, RULES[url_name], strict=True):
        response = client_for(personas[persona]).get(url)
        if expected == LOGIN:
            assert response.status_code == 302, (persona, url_name)
            assert response["Location"].startswith("/accounts/login/"), (
                persona,
                url_name,
            )
        else:
            assert response.status_code == expected, (
                persona,
                url_name,
                response.status_code,
            )


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
