"""Identity-provider links in the admin: superusers see and delete them, nobody types one."""

from django.urls import reverse

import pytest

from people.identity import sign_in_user
from people.models import ExternalIdentity
from tests.personas import LOGIN, NO_ADMIN, REFUSED, every_persona

NOBODY_ON_STAFF = every_persona(
    NO_ADMIN, anonymous=LOGIN, trainer=REFUSED, ld_admin=REFUSED
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(employee):
    sign_in_user(
        provider="oidc",
        subject="entra-object-7f3a",
        employee_number=employee.employee.employee_number,
    )
    return ExternalIdentity.objects.get()


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "ops@city.example", "x")


def test_no_staff_role_opens_the_links(personas, persona_matrix, link):
    for label, url in {
        "list": reverse("people_externalidentity:index"),
        "inspect": reverse("people_externalidentity:inspect", args=[link.pk]),
        "delete": reverse("people_externalidentity:delete", args=[link.pk]),
    }.items():
        responses = persona_matrix(url, NOBODY_ON_STAFF, label=label)
        for persona, response in responses.items():
            assert "entra-object-7f3a" not in response.content.decode(), persona


def test_a_superuser_lists_and_deletes_a_link(client, superuser, link):
    client.force_login(superuser)
    listing = client.get(reverse("people_externalidentity:index")).text
    assert "entra-object-7f3a" in listing
    assert "alice" in listing
    response = client.post(reverse("people_externalidentity:delete", args=[link.pk]))
    assert response.status_code == 302
    assert not ExternalIdentity.objects.exists()


def test_nobody_adds_or_edits_a_link_by_hand(client, superuser, link):
    client.force_login(superuser)
    listing = client.get(reverse("people_externalidentity:index")).text
    assert reverse("people_externalidentity:add") not in listing
    # Wagtail's refusal: back to the dashboard with "Sorry, you do not have permission".
    add = reverse("people_externalidentity:add")
    assert client.get(add)["Location"] == "/admin/"
    client.post(add, {"provider": "oidc", "subject": "forged", "user": link.user_id})
    edit = reverse("people_externalidentity:edit", args=[link.pk])
    assert client.get(edit)["Location"] == "/admin/"
    assert list(ExternalIdentity.objects.values_list("subject", flat=True)) == [
        "entra-object-7f3a"
    ]
