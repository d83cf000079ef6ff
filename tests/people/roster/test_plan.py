"""Planning against the database: people the file leaves out, and the 5% guard."""

import pytest

from people.models import Employee
from people.roster import roster_import
from tests.people.roster.helpers import (
    PASSWORD,
    User,
    many_rows,
    snapshot,
    to_csv,
)


@pytest.mark.django_db
def test_people_missing_from_the_file_are_kept_unless_asked(imported):
    result = roster_import(data=to_csv(imported[:5]))

    assert result.deactivated == 0
    assert Employee.objects.get(employee_number="1006").is_active


@pytest.mark.django_db
def test_deactivating_more_than_five_percent_is_refused_without_the_flag():
    rows = many_rows(40)
    roster_import(data=to_csv(rows))
    before = snapshot()

    refused = roster_import(data=to_csv(rows[:-3]), deactivate_missing=True)

    assert [(e.line, e.column) for e in refused.errors] == [(0, "")]
    assert "deactivate 3 of 40 active employees (7.5%)" in refused.errors[0].message
    assert snapshot() == before

    allowed = roster_import(
        data=to_csv(rows[:-3]), deactivate_missing=True, allow_mass_deactivation=True
    )

    assert allowed.deactivated == 3
    assert Employee.objects.filter(is_active=False).count() == 3


@pytest.mark.django_db
def test_rows_marked_inactive_count_towards_the_five_percent_guard():
    rows = many_rows(40)
    roster_import(data=to_csv(rows))
    for row in rows[-3:]:
        row["status"] = "inactive"

    assert roster_import(data=to_csv(rows)).errors[0].line == 0
    assert Employee.objects.filter(is_active=False).count() == 0


@pytest.mark.django_db
def test_deactivating_missing_people_under_the_threshold_keeps_their_history():
    rows = many_rows(40)
    roster_import(data=to_csv(rows))

    result = roster_import(data=to_csv(rows[:-2]), deactivate_missing=True)

    assert result.errors == []
    assert result.deactivated == 2
    assert [(c.line, c.employee_number, c.action) for c in result.changes] == [
        (0, "39", "deactivate"),
        (0, "40", "deactivate"),
    ]
    gone = Employee.objects.select_related("user").get(employee_number="40")
    assert not gone.is_active
    assert not gone.user.is_active
    assert Employee.objects.count() == 40  # never deleted


@pytest.mark.django_db
def test_a_deactivated_person_cannot_sign_in_and_reactivation_lets_them_back(
    client, imported
):
    user = User.objects.get(username="1004")
    user.set_password(PASSWORD)
    user.save()
    credentials = {"username": "1004", "password": PASSWORD}
    assert client.post("/accounts/login/", credentials).status_code == 302
    client.logout()

    rows = imported
    rows[3]["status"] = "inactive"
    # One of six is over the 5% guard, so this small organisation needs the flag.
    result = roster_import(data=to_csv(rows), allow_mass_deactivation=True)

    assert (result.deactivated, result.updated, result.unchanged) == (1, 0, 5)
    assert result.changes[0].action == "deactivate"
    response = client.post("/accounts/login/", credentials)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert not Employee.objects.get(employee_number="1004").is_active

    rows[3]["status"] = "active"
    result = roster_import(data=to_csv(rows))

    assert result.updated == 1
    assert result.changes[0].fields == ("is_active",)
    assert Employee.objects.get(employee_number="1004").is_active
    assert client.post("/accounts/login/", credentials).status_code == 302
