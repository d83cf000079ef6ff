"""Signing in and out, changing and resetting a password, and the login throttle."""

import re

from django.core import mail

import pytest

from tests.personas import PASSWORD


@pytest.mark.django_db
def test_login_with_good_credentials_lands_on_the_next_page(client, employee):
    response = client.post(
        "/accounts/login/?next=/my/learning/",
        {"username": "alice", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/my/learning/"
    assert client.get("/my/learning/").status_code == 200


@pytest.mark.django_db
def test_login_with_a_wrong_password_reshows_the_form_with_an_error(client, employee):
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": "nope"}
    )
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.text
    assert 'value="alice"' in response.text  # what was typed is kept
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_refuses_an_outside_next_url(client, employee):
    response = client.post(
        "/accounts/login/?next=https://evil.example/",
        {"username": "alice", "password": PASSWORD},
    )
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_logout_is_a_post_and_says_so(client, employee):
    client.force_login(employee)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/", follow=True)
    assert "You have signed out." in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_repeated_failures_lock_the_account_even_for_the_right_password(
    client, employee, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_lockout_is_per_username_so_others_can_still_sign_in(
    client, employee, peer, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"username": "charlie", "password": PASSWORD}
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_password_change_enforces_twelve_characters(client, employee):
    client.force_login(employee)
    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "short1!",
            "new_password2": "short1!",
        },
    )
    assert response.status_code == 200
    assert "at least 12 characters" in response.text
    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a long river of words",
            "new_password2": "a long river of words",
        },
    )
    assert response.status_code == 302
    employee.refresh_from_db()
    assert employee.check_password("a long river of words")


@pytest.mark.django_db
def test_password_reset_mails_a_link_that_sets_a_new_password(client, employee):
    response = client.post("/accounts/password/reset/", {"email": employee.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(
        r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body
    )
    assert link, mail.outbox[0].body
    # Django swaps the token for a session marker and redirects once.
    form_page = client.get(link.group(1), follow=True)
    assert "Choose a new password" in form_page.text
    response = client.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "a brand new passphrase",
            "new_password2": "a brand new passphrase",
        },
    )
    assert response.status_code == 302
    employee.refresh_from_db()
    assert employee.check_password("a brand new passphrase")


@pytest.mark.django_db
def test_password_reset_does_not_reveal_whether_an_address_exists(client, employee):
    known = client.post("/accounts/password/reset/", {"email": employee.email})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@city.example"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


@pytest.mark.django_db
def test_the_admin_uses_the_sites_own_login(client, ld_admin):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/")
    assert "Use your city username and password" in client.get("/admin/login/").text
    client.post("/admin/login/?next=/admin/", {"username": "lee", "password": PASSWORD})
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_sessions_are_touched_at_most_once_a_minute(client, employee, monkeypatch):
    client.force_login(employee)
    clock = [1_000_000.0]
    monkeypatch.setattr("training_site.middleware.time.time", lambda: clock[0])
    client.get("/")
    first = client.session["_last_touch"]
    clock[0] += 30
    client.get("/")
    assert client.session["_last_touch"] == first
    clock[0] += 31
    client.get("/")
    assert client.session["_last_touch"] == first + 61


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "lands_on"),
    [("trainer", "/admin/"), ("ld_admin", "/admin/"), ("employee", "/")],
)
def test_signing_in_at_the_admin_login_lands_in_the_admin(
    client, personas, persona, lands_on
):
    username = personas[persona].username
    response = client.post(
        "/admin/login/", {"username": username, "password": PASSWORD}
    )
    assert response.status_code == 302
    # Staff without admin access land on the site, not on a refusal.
    assert response["Location"] == lands_on
    assert client.get(lands_on).status_code == 200


@pytest.mark.django_db
def test_the_admin_login_keeps_its_next_page(client, trainer):
    response = client.post(
        "/admin/login/?next=/admin/pages/",
        {"username": "tess", "password": PASSWORD},
    )
    assert response["Location"] == "/admin/pages/"
    # The site's own login still lands on the site.
    client.post("/accounts/logout/")
    response = client.post(
        "/accounts/login/", {"username": "tess", "password": PASSWORD}
    )
    assert response["Location"] == "/"


def _sign_in(client, password, *, remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(
        "/accounts/login/", {"username": "alice", "password": password}, **extra
    )


@pytest.mark.django_db
def test_behind_the_proxy_a_lockout_holds_one_visitor_not_everyone(
    client, employee, settings
):
    # nginx (127.0.0.1) appends the address it saw; before, axes read nginx's own
    # address, so one visitor's failures locked the account for the whole city.
    settings.AXES_IPWARE_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "wrong", remote="127.0.0.1", forwarded="198.51.100.7")
    assert (
        _sign_in(
            client, PASSWORD, remote="127.0.0.1", forwarded="198.51.100.7"
        ).status_code
        == 429
    )
    other = _sign_in(client, PASSWORD, remote="127.0.0.1", forwarded="198.51.100.8")
    assert other.status_code == 302
    # What the visitor writes before nginx's entry does not get them out.
    client.logout()
    forged = _sign_in(
        client, PASSWORD, remote="127.0.0.1", forwarded="203.0.113.1, 198.51.100.7"
    )
    assert forged.status_code == 429


@pytest.mark.django_db
def test_without_a_proxy_a_forwarded_header_does_not_lift_a_lockout(
    client, employee, settings
):
    settings.AXES_IPWARE_PROXY_COUNT = None
    for n in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "wrong", remote="10.1.2.3", forwarded=f"8.8.8.{n}")
    response = _sign_in(client, PASSWORD, remote="10.1.2.3", forwarded="9.9.9.9")
    assert response.status_code == 429
