"""Test data for the change app. Factories live in tests only."""

from datetime import timedelta

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from change.models import CheckInRound, Initiative


class InitiativeFactory(DjangoModelFactory):
    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Initiative {n}")
    slug = factory.Sequence(lambda n: f"initiative-{n}")
    tool_name = "the new 311 system"
    why = "Calls get lost between departments; the new system tracks each one."
    go_live = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    status = Initiative.Status.ACTIVE

    @factory.post_generation
    def units(self, create, extracted, **kwargs):
        if create and extracted:
            self.units.set(extracted)

    @factory.post_generation
    def role_profiles(self, create, extracted, **kwargs):
        if create and extracted:
            self.role_profiles.set(extracted)

    @factory.post_generation
    def change_leads(self, create, extracted, **kwargs):
        if create and extracted:
            self.change_leads.set(extracted)


class CheckInRoundFactory(DjangoModelFactory):
    """An open round by default: opened yesterday, closes in a week."""

    class Meta:
        model = CheckInRound

    initiative = factory.SubFactory(InitiativeFactory)
    name = "Baseline"
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=1))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
