"""My team's Readiness tab: the initiatives whose dashboards the reader may open."""

from django.urls import reverse

import pytest

from change.models import Initiative
from tests.change.factories import InitiativeFactory
from tests.people.factories import RoleProfileFactory
from tests.personas import LOGIN, OK

URL = reverse("reports:team-readiness")


@pytest.fixture
def rollout(org):
    return InitiativeFactory(units=[org["team_a"]], name="311 rollout")


def test_who_may_open_the_tab(rollout, persona_matrix):
    persona_matrix(
        URL,
        {
            "anonymous": LOGIN,
            "employee": 403,
            "peer": 403,
            "manager": OK,
            "other_manager": OK,
            "trainer": 403,
            "ld_admin": OK,
        },
    )


def test_each_manager_sees_the_initiatives_of_the_units_they_head(
    rollout, client_for, manager, other_manager, ld_admin
):
    dashboard = reverse("change:readiness", args=[rollout.slug])

    assert dashboard in client_for(manager).get(URL).content.decode()
    other = client_for(other_manager).get(URL).content.decode()
    assert dashboard not in other
    assert "No change initiative affects the units you head." in other
    assert dashboard in client_for(ld_admin).get(URL).content.decode()


def test_a_planned_initiative_is_not_listed_for_managers(rollout, client_for, manager):
    rollout.status = Initiative.Status.PLANNED
    rollout.save()

    assert "311 rollout" not in client_for(manager).get(URL).content.decode()


def test_an_initiative_by_role_profile_reaches_the_head_of_a_unit_holding_it(
    org, client_for, other_manager, peer
):
    inspector = RoleProfileFactory(name="Inspector")
    peer.employee.role_profile = inspector
    peer.employee.save()
    InitiativeFactory(role_profiles=[inspector], name="Inspections app")

    assert "Inspections app" in client_for(other_manager).get(URL).content.decode()


@pytest.mark.parametrize("initiatives", [1, 8])
def test_the_tab_costs_the_same_queries_for_any_number_of_initiatives(
    org, client_for, manager, initiatives, django_assert_max_num_queries
):
    for _ in range(initiatives):
        InitiativeFactory(units=[org["team_a"]])
    client = client_for(manager)

    with django_assert_max_num_queries(19):
        assert client.get(URL).status_code == 200
