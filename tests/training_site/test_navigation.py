"""The header offers a link exactly when its page opens: nav and view ask one question."""

from django.contrib.auth.models import Permission
from django.urls import reverse

import pytest

from people.roles import user_is_ld_admin, user_is_manager, user_is_trainer
from tests.people.factories import UserFactory

ADMIN_LINK = 'href="/admin/"'


def _team_link(client) -> bool:
    return f'href="{reverse("reports:my-team")}"' in client.get("/").text


@pytest.mark.django_db
def test_the_my_team_link_is_shown_exactly_to_whom_the_page_opens(personas, client_for):
    for name, user in personas.items():
        client = client_for(user)
        opens = client.get(reverse("reports:my-team")).status_code == 200
        assert _team_link(client) == opens, name


@pytest.mark.django_db
def test_an_ld_admin_who_manages_nobody_gets_the_my_team_link(ld_admin, client_for):
    # Nav and view disagreed here: the header asked "is a manager", the page
    # "may view team reports", so the page opened (org-wide) behind no link.
    assert not user_is_manager(ld_admin)
    client = client_for(ld_admin)

    assert client.get(reverse("reports:my-team")).status_code == 200
    assert _team_link(client)


@pytest.mark.django_db
def test_the_admin_link_is_shown_exactly_to_whom_the_admin_opens(personas, client_for):
    for name, user in personas.items():
        client = client_for(user)
        opens = client.get("/admin/").status_code == 200
        assert (ADMIN_LINK in client.get("/").text) == opens, name


@pytest.mark.django_db
def test_the_admin_link_follows_the_admin_permission_not_the_groups(client_for):
    # Admin access granted outside the two groups (Wagtail's Editors group is
    # kept while it has members, or a permission given by hand): the header
    # asked for group membership, so the admin opened behind no link.
    user = UserFactory(username="edith")
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    assert not (user_is_trainer(user) or user_is_ld_admin(user))
    client = client_for(user)

    assert client.get("/admin/").status_code == 200
    assert ADMIN_LINK in client.get("/").text


@pytest.mark.django_db
def test_the_assigned_training_link_is_shown_exactly_to_whom_the_page_opens(
    personas, client_for
):
    url = reverse("assignments:list")
    for name, user in personas.items():
        client = client_for(user)
        opens = client.get(url).status_code == 200
        assert (f'href="{url}"' in client.get("/").text) == opens, name


@pytest.mark.django_db
def test_the_skill_review_link_is_shown_exactly_to_whom_the_queue_opens(
    personas, client_for
):
    url = reverse("skills:review-list")
    for name, user in personas.items():
        if user is None:
            continue  # My skills asks anonymous visitors to sign in
        client = client_for(user)
        opens = client.get(url).status_code == 200
        page = client.get(reverse("skills:my-skills")).text
        assert (f'href="{url}"' in page) == opens, name
