"""People are found by their names typed without accents, whoever wrote them."""

import importlib
from types import SimpleNamespace

from django.apps import apps
from django.db import connection

import pytest

from people.models import Employee, OrgUnit
from people.roster import roster_import
from people.selectors import employees_matching
from tests.people.roster.helpers import base_rows, to_csv


def found(query: str) -> set[str]:
    people = employees_matching(employees=Employee.objects.all(), query=query, limit=9)
    return {person.employee_number for person in people}


def accented_rows():
    rows = base_rows()
    rows[3].update(first_name="Émile", last_name="Lévesque")
    rows[5].update(first_name="Zoë", last_name="Woźniak", preferred_name="Zosia")
    return rows


@pytest.mark.django_db
def test_people_the_roster_creates_are_found_without_accents():
    roster_import(data=to_csv(accented_rows()))
    assert found("emile") == {"1004"}
    assert found("LÉVESQUE") == {"1004"}
    assert found("wozniak zosia") == {"1006"}


@pytest.mark.django_db
def test_a_name_the_roster_changes_is_found_by_the_new_name_only():
    roster_import(data=to_csv(accented_rows()))
    rows = accented_rows()
    rows[3].update(first_name="Émilie", last_name="Lévesque-Côté")
    rows[1]["job_title"] = "Section Manager"  # a change that leaves the name alone
    result = roster_import(data=to_csv(rows))
    assert result.updated == 2
    assert found("emilie cote") == {"1004"}
    assert found("emile") == set()
    assert found("bergeron") == {"1002"}


@pytest.mark.django_db
def test_the_migration_fills_the_key_of_people_already_there():
    roster_import(data=to_csv(accented_rows()))
    Employee.objects.update(search_key="")
    assert found("emile") == set()
    migration = importlib.import_module("people.migrations.0004_employee_search_key")
    # The function reads only the editor's connection; a real schema editor
    # cannot open inside the test's transaction on SQLite.
    migration.fill_search_keys(apps, SimpleNamespace(connection=connection))
    assert found("emile") == {"1004"}
    assert found("1001") == {"1001"}
    OrgUnit.objects.update(search_key="")
    assert found("crew") == set()
    units = importlib.import_module("people.migrations.0005_orgunit_search_key")
    units.fill_search_keys(apps, SimpleNamespace(connection=connection))
    assert found("crew") == {"1003", "1004", "1005", "1006"}


@pytest.mark.django_db
def test_letters_whose_mark_is_part_of_the_letter_are_found_too():
    rows = base_rows()
    rows[2].update(first_name="Łukasz", last_name="Dąbrowski")
    rows[4].update(first_name="Søren", last_name="Cœurderoy")
    roster_import(data=to_csv(rows))
    assert found("lukasz dabrowski") == {"1003"}
    assert found("soren coeur") == {"1005"}
    assert found("ŁUKASZ") == {"1003"}


@pytest.mark.django_db
def test_units_the_roster_creates_and_renames_are_found_without_accents():
    rows = base_rows()
    for row in rows[2:5]:
        if row["org_unit_code"] == "TM-A":
            row["org_unit_name"] = "Déneigement"
    roster_import(data=to_csv(rows))
    assert found("deneigement") == {"1003", "1004"}
    for row in rows[2:5]:
        if row["org_unit_code"] == "TM-A":
            row["org_unit_name"] = "Équipe de nuit"
    roster_import(data=to_csv(rows))
    assert found("equipe nuit") == {"1003", "1004"}
    assert found("deneigement") == set()
