"""The differencing attacker the privacy tests play, and the org trees they play on.

The attacker knows who belongs to every group (the roster is no secret) and every
published sum and count. Means and barrier histograms are sums over a group's
members, so what they can learn is exactly the rational row span of the published
groups' membership vectors: an answer, or the total of a set of people, is known
iff its indicator vector lies in that span. All arithmetic is exact (fractions).

Each round's answers are unknowns of their own; across rounds the attacker also
assumes nobody's answer changed and tries sums and differences of groups.
"""

import itertools
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from hypothesis import strategies as st

from change.privacy import Group


class RowSpan:
    """The rational row span of 0/1 vectors over a fixed list of people."""

    def __init__(self, people: Sequence[str], rows: Iterable[frozenset[str]]):
        self.index = {person: i for i, person in enumerate(people)}
        # Reduced rows, each with its pivot column, in echelon form.
        self.basis: list[tuple[int, list[Fraction]]] = []
        for row in rows:
            self._add(self._vector(row))

    def _vector(self, members: Iterable[str]) -> list[Fraction]:
        vector = [Fraction(0)] * len(self.index)
        for member in members:
            vector[self.index[member]] = Fraction(1)
        return vector

    def _reduce(self, vector: list[Fraction]) -> list[Fraction]:
        for pivot, row in self.basis:
            if vector[pivot]:
                factor = vector[pivot] / row[pivot]
                vector = [v - factor * r for v, r in zip(vector, row, strict=True)]
        return vector

    def _add(self, vector: list[Fraction]) -> None:
        vector = self._reduce(vector)
        pivot = next((i for i, v in enumerate(vector) if v), None)
        if pivot is not None:
            self.basis.append((pivot, vector))

    def contains(self, members: Iterable[str]) -> bool:
        """Whether the total over these people follows from what was published."""
        return not any(self._reduce(self._vector(members)))


def atoms(published: Sequence[frozenset[str]]) -> list[set[str]]:
    """People grouped by exactly which published groups they are in (not none)."""
    found = defaultdict(set)
    for person in set().union(*published):
        found[tuple(person in group for group in published)].add(person)
    return list(found.values())


def pinned_sets(published: Sequence[frozenset[str]], *, below: int) -> list[set[str]]:
    """Every set of 1 to below-1 people whose total the attacker can compute.

    Singletons and pairs are tried one by one against the span. Larger sets need
    not be enumerated: a vector in the span is constant on each atom (everything
    published treats the atom's people alike), so a known set is a union of atoms.
    """
    if not published:
        return []
    people = sorted(set().union(*published))
    span = RowSpan(people, published)
    found = [{p} for p in people if span.contains({p})]
    found += [
        set(pair) for pair in itertools.combinations(people, 2) if span.contains(pair)
    ]
    small = [atom for atom in atoms(published) if len(atom) < below]
    for count in range(1, min(len(small), below - 1) + 1):
        for chosen in itertools.combinations(small, count):
            union = set().union(*chosen)
            if 3 <= len(union) < below and span.contains(union):
                found.append(union)
    return found


def differences(
    published: Sequence[frozenset[str]], *, below: int, most: int = 3
) -> list[set[str]]:
    """Sets of 1 to below-1 people that ±1 sums of up to three groups single out.

    The attacks written out by hand: parent minus child, a child plus a sibling,
    parent minus two children, round minus round, filter minus filter.
    """
    found = []
    for count in range(2, most + 1):
        for chosen in itertools.combinations(published, count):
            for signs in itertools.product((1, -1), repeat=count):
                if signs[0] < 0:
                    continue  # the negated combination tells the same
                weight: dict[str, int] = defaultdict(int)
                for sign, group in zip(signs, chosen, strict=True):
                    for person in group:
                        weight[person] += sign
                if set(weight.values()) <= {0, 1}:
                    picked = {p for p, w in weight.items() if w}
                    if 0 < len(picked) < below:
                        found.append(picked)
    return found


@dataclass(frozen=True)
class Person:
    key: str
    unit: int
    role: int
    rounds: frozenset[int]  # the rounds this person answered


def subtree(parents: Sequence[int | None], unit: int) -> set[int]:
    """A unit and all units below it (parents[i] is unit i's parent)."""
    inside = {unit}
    for child, parent in enumerate(parents):
        # Parents come before children, so one pass in order finds them all.
        if parent in inside:
            inside.add(child)
    return inside


def candidate_groups(
    parents: Sequence[int | None], people: Sequence[Person], *, rounds: int, roles: int
) -> list[Group]:
    """Every group a reader could be offered: round × unit (with sub-units) × role."""
    groups = []
    for round_number in range(rounds):
        for unit in range(len(parents)):
            inside = subtree(parents, unit)
            for role in (None, *range(roles)):
                members = frozenset(
                    p.key
                    for p in people
                    if round_number in p.rounds
                    and p.unit in inside
                    and role in (None, p.role)
                )
                groups.append(
                    Group(
                        key=(round_number, unit, role),
                        members=members,
                        round_order=round_number,
                    )
                )
    return groups


def random_org(seed: int) -> tuple[list[int | None], list[Person], int, int]:
    """A small random org: units, people in them with a role, who answered when."""
    rng = random.Random(seed)
    units = rng.randint(1, 6)
    parents = [None] + [rng.randrange(i) for i in range(1, units)]
    rounds, roles = rng.randint(1, 3), rng.randint(1, 3)
    people = [
        Person(
            key=f"p{i}",
            unit=rng.randrange(units),
            role=rng.randrange(roles),
            rounds=frozenset(r for r in range(rounds) if rng.random() < 0.8),
        )
        for i in range(rng.randint(0, 30))
    ]
    return parents, people, rounds, roles


@st.composite
def orgs(draw: st.DrawFn) -> tuple[list[int | None], list[Person], int, int]:
    """The same kind of org as random_org, drawn by Hypothesis so it shrinks."""
    units = draw(st.integers(1, 6))
    parents = [None] + [draw(st.integers(0, i - 1)) for i in range(1, units)]
    rounds, roles = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    rows = draw(
        st.lists(
            st.tuples(
                st.integers(0, units - 1),
                st.integers(0, roles - 1),
                st.frozensets(st.integers(0, rounds - 1)),
            ),
            max_size=30,
        )
    )
    people = [
        Person(key=f"p{i}", unit=unit, role=role, rounds=answered)
        for i, (unit, role, answered) in enumerate(rows)
    ]
    return parents, people, rounds, roles


def adoption_groups(
    parents: Sequence[int | None],
    people: Sequence[Person],
    *,
    using: frozenset[str],
    round_number: int,
    roles: int,
) -> list[Group]:
    """The adoption cells built from one round's answers: unit × role, not using.

    Each is the people of a unit (with sub-units), and role, who answered that
    round and are not using the tool; its published number (how many are not
    ready) is a sum over them, like any readiness total.
    """
    groups = []
    for unit in range(len(parents)):
        inside = subtree(parents, unit)
        for role in (None, *range(roles)):
            members = frozenset(
                p.key
                for p in people
                if round_number in p.rounds
                and p.key not in using
                and p.unit in inside
                and role in (None, p.role)
            )
            if members:
                groups.append(
                    Group(
                        key=("adoption", unit, role),
                        members=members,
                        round_order=round_number,
                        rank=-1 if role is None else -2,
                    )
                )
    return groups
