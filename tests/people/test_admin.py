"""The People area of the Wagtail admin: L&D admins only, and edits that keep the org sane."""

import datetime
import re

from django.urls import reverse

import pytest

from people.models import RosterImport
from tests.people.factories import EmployeeFactory
from tests.personas import LOGIN, NO_ADMIN, OK, REFUSED, every_persona

ADMIN_ONLY = every_persona(NO_ADMIN, anonymous=LOGIN, trainer=REFUSED, ld_admin=OK)


def _admin_urls(personas):
    alice = personas["employee"].employee
    return {
        "employee list": reverse("people_employee:index"),
        "employee edit": reverse("people_employee:edit", args=[alice.pk]),
        "employee inspect": reverse("people_employee:inspect", args=[alice.pk]),
        "org unit list": reverse("people_orgunit:index"),
        "org unit edit": reverse("people_orgunit:edit", args=[alice.org_unit_id]),
        "role profile list": reverse("people_roleprofile:index"),
        "import history": reverse("people_rosterimport:index"),
        "roster upload": reverse("roster_upload:index"),
        "employee chooser": reverse("employee_chooser:choose"),
        "org unit chooser": reverse("org_unit_chooser:choose"),
    }


@pytest.mark.django_db
def test_people_admin_is_for_ld_admins_only(personas, persona_matrix):
    for label, url in _admin_urls(personas).items():
        responses = persona_matrix(url, ADMIN_ONLY, label=label)
        for persona, response in responses.items():
            if ADMIN_ONLY[persona] == REFUSED:
                assert "Arsenault" not in response.content.decode()


@pytest.mark.django_db
def test_people_menu_is_shown_to_ld_admins_and_not_trainers(personas, client_for):
    assert "Roster import" in client_for(personas["ld_admin"]).get("/admin/").text
    trainer_page = client_for(personas["trainer"]).get("/admin/").text
    assert "Roster import" not in trainer_page
    assert "Employees" not in trainer_page


@pytest.mark.django_db
def test_employee_search_by_name_and_number(personas, client_for):
    admin = client_for(personas["ld_admin"])
    alice = personas["employee"].employee
    by_name = admin.get(reverse("people_employee:index"), {"q": "Arsenault"}).text
    assert "Alice Arsenault" in by_name
    assert "Charlie Chen" not in by_name
    by_number = admin.get(
        reverse("people_employee:index"), {"q": alice.employee_number}
    ).text
    assert "Alice Arsenault" in by_number


@pytest.mark.django_db
def test_employee_search_ignores_case_and_accents_and_takes_every_word(
    personas, org, client_for
):
    EmployeeFactory(
        first_name="Émile",
        last_name="Lévesque",
        email="el4521@city.example",
        org_unit=org["team_a"],
    )
    admin = client_for(personas["ld_admin"])
    url = reverse("people_employee:index")
    for typed in ["emile", "LÉVESQUE", "émile lev", "Emile Levesque"]:
        page = admin.get(url, {"q": typed}).text
        assert "Émile Lévesque" in page, typed
        assert "Alice Arsenault" not in page, typed
    by_email = admin.get(url, {"q": "alice@city"}).text
    assert "Alice Arsenault" in by_email
    assert "Émile Lévesque" not in by_email


@pytest.mark.django_db
def test_employee_filter_by_status(personas, client_for):
    charlie = personas["peer"].employee
    charlie.is_active = False
    charlie.save(update_fields=["is_active"])
    page = client_for(personas["ld_admin"]).get(
        reverse("people_employee:index"), {"is_active": "false"}
    )
    assert "Charlie Chen" in page.text
    assert "Alice Arsenault" not in page.text


def _edit_data(employee, **changes):
    data = {
        "job_title": employee.job_title,
        "org_unit": employee.org_unit_id,
        "manager": employee.manager_id or "",
        "role_profile": employee.role_profile_id or "",
        "is_active": "on" if employee.is_active else "",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_ld_admin_moves_a_person_to_another_team_and_manager(personas, client_for, org):
    alice = personas["employee"].employee
    dana = personas["other_manager"].employee
    response = client_for(personas["ld_admin"]).post(
        reverse("people_employee:edit", args=[alice.pk]),
        _edit_data(alice, org_unit=org["team_b"].pk, manager=dana.pk),
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.org_unit == org["team_b"]
    assert alice.manager == dana


@pytest.mark.django_db
def test_editing_a_manager_into_a_loop_is_refused_and_nothing_changes(
    personas, client_for
):
    bob = personas["manager"].employee
    alice = personas["employee"].employee
    response = client_for(personas["ld_admin"]).post(
        reverse("people_employee:edit", args=[bob.pk]),
        _edit_data(bob, manager=alice.pk),
    )
    assert response.status_code == 200
    assert "would make a loop" in response.text
    bob.refresh_from_db()
    assert bob.manager is None


@pytest.mark.django_db
def test_names_from_hr_are_read_only_in_the_admin(personas, client_for):
    alice = personas["employee"].employee
    client_for(personas["ld_admin"]).post(
        reverse("people_employee:edit", args=[alice.pk]),
        _edit_data(alice, first_name="Mallory", employee_number="1"),
    )
    alice.refresh_from_db()
    assert alice.first_name == "Alice"
    assert alice.employee_number != "1"


@pytest.mark.django_db
def test_deactivating_someone_in_the_admin_stops_them_signing_in(
    personas, client_for, client
):
    alice = personas["employee"].employee
    client_for(personas["ld_admin"]).post(
        reverse("people_employee:edit", args=[alice.pk]),
        _edit_data(alice, is_active=""),
    )
    alice.refresh_from_db()
    assert not alice.is_active and not alice.user.is_active
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": "correct-horse-battery"}
    )
    assert response.status_code == 200  # the form again, not a redirect
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_employee_filter_by_unit_includes_its_sub_units(personas, client_for, org):
    page = client_for(personas["ld_admin"]).get(
        reverse("people_employee:index"), {"unit": org["section"].pk}
    )
    text = page.content.decode()
    assert "Alice Arsenault" in text and "Charlie Chen" in text  # both teams
    assert "Tess Trainer" not in text  # in the division itself, above the section


def _import_at(when: datetime.datetime, **options) -> RosterImport:
    record = RosterImport.objects.create(
        filename="roster.csv", sha256="a" * 64, options=options
    )
    RosterImport.objects.filter(pk=record.pk).update(started_at=when)
    return record


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("utc", "toronto", "title"),
    [
        # Winter: Eastern Standard Time, UTC-5.
        ((2026, 1, 15, 14, 30), "15 Jan 2026, 9:30 a.m.", "2026-01-15 09:30"),
        # Summer: Eastern Daylight Time, UTC-4.
        ((2026, 7, 15, 2, 5), "14 Jul 2026, 10:05 p.m.", "2026-07-14 22:05"),
    ],
)
def test_import_history_shows_toronto_time(ld_admin, client_for, utc, toronto, title):
    record = _import_at(datetime.datetime(*utc, tzinfo=datetime.UTC))
    client = client_for(ld_admin)
    listing = client.get(reverse("people_rosterimport:index")).text
    inspect = client.get(reverse("people_rosterimport:inspect", args=[record.pk])).text
    utc_title = f"{utc[0]}-{utc[1]:02}-{utc[2]:02} {utc[3]:02}:{utc[4]:02}"
    for page in [listing, inspect]:
        assert f"roster.csv ({title})" in page
        assert utc_title not in page
    assert toronto in listing
    imported_at = re.search(r"<dt>Imported at</dt>\s*<dd>(.*?)</dd>", inspect, re.S)
    assert imported_at.group(1).strip() == toronto


@pytest.mark.django_db
def test_import_records_show_their_options_as_labels(ld_admin, client_for):
    record = _import_at(
        datetime.datetime(2026, 1, 15, 14, 30, tzinfo=datetime.UTC),
        deactivate_missing=True,
        allow_mass_deactivation=False,
    )
    page = client_for(ld_admin).get(
        reverse("people_rosterimport:inspect", args=[record.pk])
    )
    options = re.search(r"<dt>Options</dt>\s*<dd>(.*?)</dd>", page.text, re.S)
    lines = [
        line.strip() for line in re.sub(r"<[^>]+>", "\n", options.group(1)).split("\n")
    ]
    assert [line for line in lines if line] == [
        "Deactivate people who are not in the file: yes",
        "Allow deactivating more than 5% of active staff: no",
    ]
    assert "deactivate_missing" not in page.text


@pytest.mark.django_db
def test_an_import_without_options_says_so(ld_admin, client_for):
    record = _import_at(datetime.datetime(2026, 1, 15, 14, 30, tzinfo=datetime.UTC))
    page = client_for(ld_admin).get(
        reverse("people_rosterimport:inspect", args=[record.pk])
    )
    options = re.search(r"<dt>Options</dt>\s*<dd>(.*?)</dd>", page.text, re.S)
    assert options.group(1).strip() == "No options recorded"
