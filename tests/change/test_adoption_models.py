from datetime import date

from django.db import IntegrityError, transaction

import pytest

from change.models import UsageDay, UsageToken
from tests.change.factories import InitiativeFactory


def test_one_usage_row_per_person_per_day_per_initiative(employee):
    initiative = InitiativeFactory()
    person = employee.employee
    UsageDay.objects.create(
        initiative=initiative, employee=person, day=date(2026, 3, 2)
    )
    with transaction.atomic(), pytest.raises(IntegrityError):
        UsageDay.objects.create(
            initiative=initiative, employee=person, day=date(2026, 3, 2), count=4
        )
    # Another day, or the same day in another initiative, is another row.
    UsageDay.objects.create(
        initiative=initiative, employee=person, day=date(2026, 3, 3)
    )
    UsageDay.objects.create(
        initiative=InitiativeFactory(), employee=person, day=date(2026, 3, 2)
    )
    assert UsageDay.objects.count() == 3


def test_a_usage_count_cannot_be_negative(employee):
    with transaction.atomic(), pytest.raises(IntegrityError):
        UsageDay.objects.create(
            initiative=InitiativeFactory(),
            employee=employee.employee,
            day=date(2026, 3, 2),
            count=-1,
        )


def test_a_usage_row_defaults_to_active_once(employee):
    day = UsageDay.objects.create(
        initiative=InitiativeFactory(), employee=employee.employee, day=date(2026, 3, 2)
    )
    assert day.count == 1


def test_two_tokens_cannot_share_a_hash(db):
    initiative = InitiativeFactory()
    UsageToken.objects.create(initiative=initiative, name="a", token_hash="f" * 64)
    with transaction.atomic(), pytest.raises(IntegrityError):
        UsageToken.objects.create(
            initiative=InitiativeFactory(), name="b", token_hash="f" * 64
        )


def test_deleting_an_initiative_deletes_its_usage_and_tokens(employee):
    initiative = InitiativeFactory()
    UsageDay.objects.create(
        initiative=initiative, employee=employee.employee, day=date(2026, 3, 2)
    )
    UsageToken.objects.create(initiative=initiative, name="a", token_hash="e" * 64)
    initiative.delete()
    assert not UsageDay.objects.exists()
    assert not UsageToken.objects.exists()
