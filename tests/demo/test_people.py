"""The demo organisation: a believable city, sound trees and reporting lines, re-runnable."""

import contextlib
from collections import Counter
from unittest import mock

from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from demo.org_plan import city_csv
from demo.people import demo_plan, people_demo_seed
from people.models import Employee, OrgUnit, RoleProfile, RosterImport
from people.roster import COLUMNS, OPTIONAL_COLUMNS
from people.selectors import employees_matching
from tests.people.factories import EmployeeFactory

PASSWORD = "a demo password here"


# These tests are about the organisation: the command's other seeders (courses,
# certificates, skills, assignments, change initiatives and their usage) are
# tested in their apps and in tests/demo/test_seed_demo.py, and would cost ~30 s
# per call here - on PostgreSQL the change seed over 2,000 uncommitted, never
# analysed people took many minutes.
OTHER_SEEDERS = {
    "courses_demo_seed": None,
    "assignments_demo_seed": 0,
    "certificates_demo_seed": 0,
    "skills_demo_seed": {"people_rated": 0},
    "change_demo_seed": 0,
    "adoption_demo_seed": 0,
}


def _seed(**options):
    command = "demo.management.commands.seed_demo"
    with contextlib.ExitStack() as stack:
        for name, result in OTHER_SEEDERS.items():
            stack.enter_context(mock.patch(f"{command}.{name}", return_value=result))
        call_command("seed_demo", password=PASSWORD, **options)


def _counts():
    return (OrgUnit.objects.count(), Employee.objects.count())


def _assert_reporting_lines_sound():
    """Everyone but the City Manager has a manager, and every chain reaches the top."""
    managers = dict(Employee.objects.values_list("pk", "manager_id"))
    tops = [pk for pk, manager in managers.items() if manager is None]
    assert len(tops) == 1
    assert Employee.objects.get(pk=tops[0]).job_title == "City Manager"
    for pk in managers:
        seen = set()
        while pk is not None:
            assert pk not in seen, "manager cycle"
            seen.add(pk)
            pk = managers[pk]


def _assert_tree_sound():
    assert OrgUnit.find_problems() == ([], [], [], [], [])
    paths = {unit.path: unit for unit in OrgUnit.objects.all()}
    siblings = {}
    for path, unit in sorted(paths.items()):
        siblings.setdefault(path[: -OrgUnit.steplen], []).append((unit.name, unit.code))
    for names in siblings.values():
        assert names == sorted(names), "siblings out of name order"


@pytest.fixture
def city(db):
    _seed()


def test_the_city_has_eight_divisions_and_about_three_hundred_people(city):
    assert OrgUnit.objects.filter(code__startswith="DIV-").count() >= 8
    assert 250 <= Employee.objects.count() <= 350
    assert 5 <= RoleProfile.objects.count() <= 8
    for division in OrgUnit.objects.filter(code__startswith="DIV-"):
        sections = division.get_children()
        assert 2 <= sections.count() <= 4
        for section in sections:
            assert 2 <= section.get_children().count() <= 3


def test_the_city_has_many_names_and_titles(city):
    people = Employee.objects.all()
    assert len({e.last_name for e in people}) >= 100
    assert len({e.job_title for e in people}) >= 40
    assert people.exclude(preferred_name="").exists()
    assert not people.filter(role_profile=None).exists()


def test_every_unit_has_a_head_and_every_reporting_line_reaches_the_city_manager(city):
    _assert_tree_sound()
    assert not OrgUnit.objects.filter(head=None).exists()
    _assert_reporting_lines_sound()
    city_manager = Employee.objects.get(manager=None)
    assert city_manager.org_unit.name == "Office of the City Manager"
    directors = Employee.objects.filter(headed_units__code__startswith="DIV-")
    assert set(directors.values_list("manager", flat=True)) == {city_manager.pk}


def test_team_members_report_to_their_team_lead(city):
    for team in OrgUnit.objects.filter(code__startswith="TM-"):
        members = team.members.exclude(pk=team.head_id)
        assert members.exists()
        assert set(members.values_list("manager", flat=True)) == {team.head_id}


def test_the_demo_accounts_keep_their_places(city):
    priya = Employee.objects.get(user__username="employee")
    daniel = Employee.objects.get(user__username="manager")
    assert (priya.first_name, priya.last_name) == ("Priya", "Raman")
    assert priya.manager == daniel
    team_a = OrgUnit.objects.get(code="TM-311-A")
    assert team_a.name == "Front Line Team A"
    assert team_a.head == daniel
    assert 6 <= team_a.members.count() <= 8
    assert team_a.get_root().name == "311 Contact Centre"
    marisol = Employee.objects.get(user__username="trainer")
    assert marisol.org_unit.name == "Learning and Development"
    assert marisol.org_unit.get_parent().name == "People and Equity"
    assert marisol.user.groups.filter(name="Trainers").exists()
    kenji = Employee.objects.get(user__username="admin")
    assert kenji.user.is_superuser
    assert kenji.user.groups.filter(name="L&D admins").exists()
    others = Employee.objects.exclude(user__username__in=["employee", "manager"])
    assert not any(e.user.has_usable_password() for e in others[:50])


def test_a_second_run_writes_nothing(city):
    with CaptureQueriesContext(connection) as queries:
        people_demo_seed(password=PASSWORD)
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_the_city_is_a_roster_file_and_goes_in_through_the_roster_import(city):
    header = city_csv().splitlines()[0].split(",")
    assert header == [*COLUMNS, *OPTIONAL_COLUMNS]
    record = RosterImport.objects.get()
    assert record.filename == "people/city.csv"
    assert record.created == Employee.objects.count()


def test_every_planned_unit_has_one_member_reporting_outside_it():
    # The roster format has no head column: a unit's head is that member.
    for employees in (None, 500):
        units, people = demo_plan(employees=employees)
        unit_of = {p.number: p.unit for p in people}
        outside = Counter(
            p.unit for p in people if p.manager is None or unit_of[p.manager] != p.unit
        )
        assert set(outside.values()) == {1}
        assert set(outside) == {unit.code for unit in units}
        heads = {unit.code: unit.head for unit in units}
        for person in people:
            if person.manager is None or unit_of[person.manager] != person.unit:
                assert heads[person.unit] == person.number


def test_the_plan_is_the_same_every_time():
    assert demo_plan() == demo_plan()
    assert demo_plan(employees=500) == demo_plan(employees=500)


@pytest.mark.django_db
def test_a_large_org_is_idempotent_and_prints_what_it_did(capsys):
    _seed(employees=500)
    assert "created 500 people" in capsys.readouterr().out
    first = _counts()
    _seed(employees=500)
    assert "created 0 people and 0 units" in capsys.readouterr().out
    assert _counts() == first
    assert first[1] == 500


@pytest.mark.django_db
def test_a_large_org_runs_six_levels_deep_with_teams_of_eight_to_fifteen():
    _seed(employees=2000)
    assert Employee.objects.count() == 2000
    assert OrgUnit.objects.order_by("-depth").first().depth >= 6
    _assert_tree_sound()
    assert not OrgUnit.objects.filter(head=None).exists()
    _assert_reporting_lines_sound()
    leaves = OrgUnit.objects.filter(numchild=0, code__regex=r"-\d+$")
    sizes = Counter(leaf.members.count() for leaf in leaves)
    assert (
        sum(n for size, n in sizes.items() if 8 <= size <= 16) >= 0.9 * leaves.count()
    )
    priya = Employee.objects.get(user__username="employee")
    assert priya.manager.user.username == "manager"


@pytest.mark.django_db
def test_another_size_adds_people_and_deletes_no_one():
    _seed()
    units, people = _counts()
    _seed(employees=600)
    assert OrgUnit.objects.count() > units
    assert Employee.objects.count() > people
    _assert_tree_sound()
    _assert_reporting_lines_sound()


@pytest.mark.django_db
def test_an_earlier_org_is_kept_sorted_and_filled_in():
    # An older, smaller demo, plus units the roster import made that no plan has.
    pilot = OrgUnit.add_root(code="ZZ-PILOT", name="Waterfront Pilot")
    pilot.add_child(code="ZZ-PILOT-1", name="Pilot Crew")
    contact_centre = OrgUnit.add_root(code="DIV-311", name="311 Contact Centre")
    contact_centre.add_child(code="ZZ-DESK", name="Zebra Desk")
    grace = EmployeeFactory(
        employee_number="100001", org_unit=contact_centre, job_title="Director"
    )
    old_path = OrgUnit.objects.get(code="ZZ-PILOT").path

    _seed()

    _assert_tree_sound()
    _assert_reporting_lines_sound()
    pilot = OrgUnit.objects.get(code="ZZ-PILOT")
    assert pilot.path != old_path
    assert pilot.head is None  # not the demo's to fill
    assert [u.code for u in pilot.get_children()] == ["ZZ-PILOT-1"]
    sections = OrgUnit.objects.get(code="DIV-311").get_children()
    assert [u.name for u in sections][-1] == "Zebra Desk"
    grace.refresh_from_db()
    assert grace.job_title == "Director"  # kept
    assert grace.manager.job_title == "City Manager"  # filled in


@pytest.mark.django_db
def test_the_headcount_has_limits():
    with pytest.raises(CommandError, match="--employees"):
        _seed(employees=10)


def test_the_demo_city_is_found_without_accents(city):
    def found(query: str) -> set[str]:
        people = employees_matching(
            employees=Employee.objects.all(), query=query, limit=9
        )
        return {person.employee_number for person in people}

    for typed in ["levesque", "wozniak", "belanger"]:
        assert found(typed), typed
