"""The attacker of test_privacy reads the stored dashboard and its CSV, as a reader would.

Random orgs (the same generator) are built in the database, people answer
through the product's own service, the results are computed and stored, and
then every view a reader can ask for — each closed round, all roles and each
role — is read from the dashboard and from its CSV. What they publish is
handed to the differencing attacker: nobody, and no set of 1–4 people, may be
singled out.
"""

import csv
import io

from django.urls import reverse

import pytest

from change.readiness import ALL, readiness
from change.results import readiness_results_refresh
from tests.change.attacker import (
    candidate_groups,
    differences,
    pinned_sets,
    random_org,
    subtree,
)
from tests.change.builders import answer, closed_round
from tests.change.factories import InitiativeFactory
from tests.people.factories import EmployeeFactory, OrgUnitFactory, RoleProfileFactory

MIN = 5


def _leaky_seeds(count: int) -> list[int]:
    """Orgs where "show every group of five or more" gives someone away."""
    seeds = []
    for seed in range(200):
        parents, people, rounds, roles = random_org(seed)
        groups = candidate_groups(parents, people, rounds=rounds, roles=roles)
        last = [g.members for g in groups if g.key[0] == rounds - 1]
        naive = [members for members in last if len(members) >= MIN]
        if any(len(found) == 1 for found in pinned_sets(naive, below=MIN)):
            seeds.append(seed)
        if len(seeds) == count:
            return seeds
    return seeds


def _build(seed: int):
    """The org in the database; {unit pk: index}, {role pk: index}, the rounds."""
    parents, people, rounds, roles = random_org(seed)
    units = []
    for index, parent in enumerate(parents):
        units.append(
            OrgUnitFactory(
                code=f"S{seed}-U{index}",
                name=f"Unit {index}",
                parent=None if parent is None else units[parent],
            )
        )
    profiles = [RoleProfileFactory(name=f"Role {i}") for i in range(roles)]
    initiative = InitiativeFactory(units=[units[0]])
    checkin_rounds = [
        closed_round(initiative, name=f"Round {n}", weeks_ago=2 * (rounds - n) + 1)
        for n in range(rounds)
    ]
    for person in people:
        employee = EmployeeFactory(
            org_unit=units[person.unit], role_profile=profiles[person.role]
        )
        for number in sorted(person.rounds):
            answer(checkin_rounds[number], employee, learn=1 + len(person.key) % 5)
    return (
        initiative,
        (parents, people),
        {unit.pk: i for i, unit in enumerate(units)},
        {profile.pk: i for i, profile in enumerate(profiles)},
        checkin_rounds,
    )


def _csv_published(client, initiative, *, round_pk, role_pk) -> set[str]:
    url = reverse("change:readiness", args=[initiative.slug])
    params = {"round": round_pk, "format": "csv"}
    if role_pk:
        params["role"] = role_pk
    rows = list(csv.reader(io.StringIO(client.get(url, params).content.decode())))
    header, *body = rows
    responses = header.index("Responses (about)")
    return {row[0] for row in body if row[responses]}


@pytest.mark.parametrize("seed", _leaky_seeds(6))
def test_what_the_dashboard_and_csv_show_singles_nobody_out(seed, client_for, ld_admin):
    initiative, (parents, people), unit_index, role_index, rounds = _build(seed)
    readiness_results_refresh(initiative=initiative)
    client = client_for(ld_admin)

    published: dict[tuple, frozenset[str]] = {}
    for number, checkin_round in enumerate(rounds):
        for role_pk in (None, *role_index):
            dashboard = readiness(
                initiative=initiative,
                unit_paths=None,
                round_id=checkin_round.pk,
                role_profile_id=role_pk,
            )
            shown = [row for row in dashboard.rows if not row.summary.hidden]
            if role_pk is not None and dashboard.role_profile_id != role_pk:
                continue  # a role nobody answered with is no filter
            in_csv = _csv_published(
                client, initiative, round_pk=checkin_round.pk, role_pk=role_pk
            )
            assert in_csv == {row.name for row in shown}
            role = role_index.get(role_pk)
            for row in shown:
                inside = (
                    set(range(len(parents)))
                    if row.key == ALL
                    else subtree(parents, unit_index[row.key])
                )
                published[(number, row.key, role)] = frozenset(
                    p.key
                    for p in people
                    if number in p.rounds
                    and p.unit in inside
                    and role in (None, p.role)
                )

    assert published, "the latest round of the whole org is shown"
    assert all(len(members) >= MIN for members in published.values())
    for number in range(len(rounds)):
        same_round = [m for (r, _u, _role), m in published.items() if r == number]
        assert pinned_sets(same_round, below=MIN) == []
        assert differences(same_round, below=MIN) == []
    assert differences(list(published.values()), below=MIN, most=3) == []
