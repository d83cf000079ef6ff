"""Stage three of a roster import: the file against the database, as a plan.

`roster_plan` reads the file and the organisation and works out every write
(units to create, rename or move; people to create, update or deactivate)
without making one. A preview shows its result; `apply` carries it out.
"""

from dataclasses import dataclass, field
from typing import Any

from .check import final_parent, roster_check
from .parse import ParsedRoster, RosterRow, roster_decode, roster_parse
from .results import RosterChange, RosterError, RosterResult
from .snapshot import OrgSnapshot, org_snapshot

# A truncated or wrong file would otherwise lock thousands of people out at once.
MASS_DEACTIVATION_PERCENT = 5


@dataclass
class UnitPlan:
    """The org unit writes, in an order that keeps the tree sound."""

    renames: list[tuple[int, str]] = field(default_factory=list)  # (pk, new name)
    # (final depth, name, code, "create" | "move"), applied shallowest first
    ops: list[tuple[int, str, str, str]] = field(default_factory=list)
    subtree_roots: set[str] = field(default_factory=set)  # new, with only new below
    children: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class RosterPlan:
    """Everything an import would write, and the result it reports."""

    parsed: ParsedRoster
    org: OrgSnapshot
    result: RosterResult = field(default_factory=RosterResult)
    units: UnitPlan = field(default_factory=UnitPlan)
    new_rows: list[RosterRow] = field(default_factory=list)
    # (row, the employee's values today, fields that change, account changes)
    updates: list[tuple[RosterRow, Any, frozenset[str], bool]] = field(
        default_factory=list
    )
    manager_changes: list[tuple[str, str]] = field(default_factory=list)
    missing: list[Any] = field(default_factory=list)  # deactivated: not in the file


def roster_plan(
    *,
    data: bytes,
    deactivate_missing: bool = False,
    allow_mass_deactivation: bool = False,
) -> RosterPlan:
    """Check the roster CSV in `data` and plan what applying it changes; no writes."""
    text = roster_decode(data)
    org = org_snapshot()
    parsed = roster_parse(
        text=text, role_codes=org.role_pks, taken_usernames=org.taken_usernames
    )
    roster_check(parsed=parsed, org=org)
    plan = RosterPlan(parsed=parsed, org=org)
    if not parsed.errors:
        plan.units = _plan_units(plan)
        _plan_employees(plan, deactivate_missing, allow_mass_deactivation)
    parsed.errors.sort(key=lambda error: error.line)
    if parsed.errors:
        # Rejected: nothing happened, so nothing is counted.
        plan.result = RosterResult(errors=parsed.errors, row_count=len(parsed.rows))
    return plan


def _plan_units(plan: RosterPlan) -> UnitPlan:
    units, org = plan.parsed.units, plan.org
    unit_plan = UnitPlan()
    depth: dict[str, int] = {}

    def depth_of(code: str) -> int:
        chain = []
        while code and code not in depth:
            chain.append(code)
            code = final_parent(plan.parsed, org, code)
        base = depth[code] if code else 0
        for offset, link in enumerate(reversed(chain), start=1):
            depth[link] = base + offset
        return depth[chain[0]] if chain else base

    new = [code for code in units if code not in org.units]
    for code in new:
        unit_plan.children.setdefault(units[code].parent, []).append(code)
    # A new unit is "all new" when everything that will hang below it is new
    # too; such a subtree is written in bulk with paths computed here.
    all_new = dict.fromkeys(new, True)
    for code in sorted(units, key=depth_of, reverse=True):
        parent = units[code].parent
        if parent in all_new and not all_new.get(code, False):
            all_new[parent] = False
    for code in new:
        parent = units[code].parent
        if not all_new.get(parent, False):
            unit_plan.ops.append((depth_of(code), units[code].name, code, "create"))
            if all_new[code]:
                unit_plan.subtree_roots.add(code)
    for code, spec in units.items():
        if code in org.units:
            pk, _path, name = org.units[code]
            if spec.name != name:
                unit_plan.renames.append((pk, spec.name))
            if spec.parent != org.parent_code(code):
                unit_plan.ops.append((depth_of(code), spec.name, code, "move"))
    unit_plan.ops.sort()
    plan.result.units_created = len(new)
    plan.result.units_updated = len(
        {pk for pk, _ in unit_plan.renames}
        | {org.units[code][0] for *_, code, op in unit_plan.ops if op == "move"}
    )
    return unit_plan


def _plan_employees(
    plan: RosterPlan, deactivate_missing: bool, allow_mass: bool
) -> None:
    result, org = plan.result, plan.org
    for row in plan.parsed.rows:
        old = org.employees.get(row.number)
        if old is None:
            plan.new_rows.append(row)
            result.created += 1
            result.changes.append(
                RosterChange(row.line, row.number, "create", (), row.display_name)
            )
            continue
        fields = _changed_fields(org, row, old)
        user = org.users[old.user_id]
        account = (user.first_name, user.last_name, user.email, user.is_active) != (
            row.first_name,
            row.last_name,
            row.email,
            row.is_active,
        )
        if "manager" in fields:
            plan.manager_changes.append((row.number, row.manager_number))
        if account and not fields:
            fields = ("account",)
        if not fields:
            result.unchanged += 1
            continue
        plan.updates.append((row, old, frozenset(fields), account))
        action = "deactivate" if old.is_active and not row.is_active else "update"
        if action == "deactivate":
            result.deactivated += 1
        else:
            result.updated += 1
        result.changes.append(
            RosterChange(row.line, row.number, action, tuple(fields), row.display_name)
        )
    if deactivate_missing:
        for number, old in org.employees.items():
            if old.is_active and number not in plan.parsed.first_line:
                plan.missing.append(old)
                result.deactivated += 1
                name = f"{old.preferred_name or old.first_name} {old.last_name}"
                result.changes.append(
                    RosterChange(0, number, "deactivate", ("is_active",), name)
                )
    active = sum(1 for old in org.employees.values() if old.is_active)
    if (
        not allow_mass
        and result.deactivated
        and result.deactivated * 100 > active * MASS_DEACTIVATION_PERCENT
    ):
        plan.parsed.errors.append(
            RosterError(
                0,
                "",
                "",
                f"This import would deactivate {result.deactivated} of {active} active "
                f"employees ({result.deactivated * 100 / active:.1f}%), more than the "
                f"{MASS_DEACTIVATION_PERCENT}% allowed. Check that the file is "
                "complete, or allow mass deactivation.",
            )
        )
    result.row_count = len(plan.parsed.rows)


def _changed_fields(org: OrgSnapshot, row: RosterRow, old: Any) -> tuple[str, ...]:
    fields = [
        name
        for name in (
            "first_name",
            "last_name",
            "preferred_name",
            "email",
            "job_title",
        )
        if getattr(row, name) != getattr(old, name)
    ]
    if org.unit_code_by_pk.get(old.org_unit_id) != row.unit_code:
        fields.append("org_unit")
    if (
        row.role_code is not None
        and org.role_pks.get(row.role_code) != old.role_profile_id
    ):
        fields.append("role_profile")
    if row.manager_number != org.number_by_pk.get(old.manager_id, ""):
        fields.append("manager")
    if row.hire_date != old.hire_date:
        fields.append("hire_date")
    if row.is_active != old.is_active:
        fields.append("is_active")
    return tuple(fields)
