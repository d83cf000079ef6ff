"""Fixtures the change tests share."""

import pytest

from change.services import change_leads_sync
from tests.change.factories import InitiativeFactory


@pytest.fixture
def led(org, manager):
    """Road Crew A's rollout, led by its manager; Road Crew B's, led by nobody."""
    ours = InitiativeFactory(
        name="311 rollout", units=[org["team_a"]], change_leads=[manager]
    )
    theirs = InitiativeFactory(name="Permit portal", units=[org["team_b"]])
    change_leads_sync()
    return ours, theirs
