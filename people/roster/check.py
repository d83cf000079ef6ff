"""Stage two of a roster import: checks across rows, and against the organisation.

Units and managers may be named before the rows that define them, or come from
the database; what counts is the organisation as it will be after the import,
so loops are found in that final state.
"""

from collections import defaultdict
from collections.abc import Callable

from .parse import ParsedRoster, RosterRow
from .results import RosterError
from .snapshot import OrgSnapshot


def roster_check(*, parsed: ParsedRoster, org: OrgSnapshot) -> None:
    """Add to `parsed.errors` every problem between rows or with the organisation."""
    _check_units(parsed, org)
    _check_managers(parsed, org)
    _check_emails(parsed, org)


def final_parent(parsed: ParsedRoster, org: OrgSnapshot, code: str) -> str:
    """The unit's parent after the import: the file's word, else the database's."""
    spec = parsed.units.get(code)
    if spec is not None:
        return spec.parent
    return org.parent_code(code) if code in org.units else ""


def _error(parsed: ParsedRoster, line: int, column: str, value: str, message: str):
    parsed.errors.append(RosterError(line, column, value, message))


def _check_units(parsed: ParsedRoster, org: OrgSnapshot) -> None:
    for row in parsed.rows:
        parent = row.parent_code
        if parent and parent not in parsed.units and parent not in org.units:
            _error(
                parsed,
                row.line,
                "parent_org_unit_code",
                parent,
                f"Unknown parent unit {parent}: it is neither in the file nor in "
                "the organisation.",
            )
    units = parsed.units
    for cycle in _cycles(units, lambda code: final_parent(parsed, org, code)):
        for code in cycle:
            if code in units:
                _error(
                    parsed,
                    units[code].line,
                    "parent_org_unit_code",
                    units[code].parent,
                    _cycle_message("Unit", cycle, code, "its own parent unit"),
                )


def _check_managers(parsed: ParsedRoster, org: OrgSnapshot) -> None:
    first_line = parsed.first_line
    managers: dict[str, str] = {}  # number -> manager's number, as the file says
    for row in parsed.rows:
        if first_line.get(row.number) == row.line:
            managers[row.number] = row.manager_number
        manager = row.manager_number
        if manager and manager not in first_line and manager not in org.employees:
            _error(
                parsed,
                row.line,
                "manager_employee_number",
                manager,
                f"Unknown manager employee number {manager}.",
            )

    def final_manager(number: str) -> str:
        if number in first_line:
            return managers[number]
        old = org.employees.get(number)
        if old is None or old.manager_id is None:
            return ""
        return org.number_by_pk.get(old.manager_id, "")

    for cycle in _cycles(managers, final_manager):
        for number in cycle:
            if number in first_line:
                _error(
                    parsed,
                    first_line[number],
                    "manager_employee_number",
                    managers[number],
                    _cycle_message("Manager", cycle, number, "their own manager"),
                )


def _check_emails(parsed: ParsedRoster, org: OrgSnapshot) -> None:
    # One address, one person: password resets and reminders go by it. The
    # final state counts, so two people may swap addresses in one file.
    lines: defaultdict[str, list[RosterRow]] = defaultdict(list)
    for row in parsed.rows:
        if row.email:
            lines[row.email.lower()].append(row)
    for rows in lines.values():
        for row in rows:
            others = [other.line for other in rows if other is not row]
            if others:
                _error(
                    parsed,
                    row.line,
                    "email",
                    row.email,
                    f"The email address {row.email} is also on "
                    f"{_lines(others)}; each employee needs their own.",
                )
    for number, old in org.employees.items():
        if number in parsed.first_line or not old.email:
            continue  # their address is the file's now, checked above
        for row in lines.get(old.email.lower(), []):
            _error(
                parsed,
                row.line,
                "email",
                row.email,
                f"The email address {row.email} is already the address of "
                f"employee {number} ({old.preferred_name or old.first_name} "
                f"{old.last_name}), who is not in this file.",
            )


def _lines(numbers: list[int]) -> str:
    """'line 5', 'lines 5 and 7', 'lines 3, 5 and 7'."""
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    return f"lines {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"


def _cycles(nodes: dict[str, object], next_of: Callable[[str], str]) -> list[list[str]]:
    """Every loop reachable from `nodes` when following `next_of` (one link each)."""
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = settled
    found = []
    for start in nodes:
        walk = []
        node = start
        while node and state.get(node) is None:
            state[node] = 1
            walk.append(node)
            node = next_of(node)
        if node and state.get(node) == 1:
            found.append(walk[walk.index(node) :])
        for visited in walk:
            state[visited] = 2
    return found


def _cycle_message(kind: str, cycle: list[str], start: str, own: str) -> str:
    if len(cycle) == 1:
        return f"{kind} {start} cannot be {own}."
    at = cycle.index(start)
    loop = cycle[at:] + cycle[:at] + [start]
    return f"{kind} cycle: {' → '.join(loop)}."
