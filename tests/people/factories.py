"""Test data for the people app. Factories live in tests only."""

from django.contrib.auth import get_user_model

import factory
from factory.django import DjangoModelFactory

from people.models import Employee, OrgUnit, RoleProfile


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@city.example")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            from django.contrib.auth.models import Group

            self.groups.add(*[Group.objects.get(name=name) for name in extracted])
        if create:
            self.save()


class OrgUnitFactory(DjangoModelFactory):
    """An org unit; pass `parent=` to place it below another (treebeard needs that)."""

    class Meta:
        model = OrgUnit

    code = factory.Sequence(lambda n: f"U{n:05d}")
    name = factory.Sequence(lambda n: f"Unit {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            return model_class.add_root(**kwargs)
        return OrgUnit.objects.get(pk=parent.pk).add_child(**kwargs)


class RoleProfileFactory(DjangoModelFactory):
    class Meta:
        model = RoleProfile
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"RP{n}")
    name = factory.Sequence(lambda n: f"Role profile {n}")


class EmployeeFactory(DjangoModelFactory):
    class Meta:
        model = Employee

    user = factory.SubFactory(UserFactory)
    employee_number = factory.Sequence(lambda n: f"{200000 + n}")
    first_name = factory.LazyAttribute(lambda e: e.user.first_name)
    last_name = factory.LazyAttribute(lambda e: e.user.last_name)
    email = factory.LazyAttribute(lambda e: e.user.email)
    job_title = "Customer Service Representative"
    org_unit = factory.SubFactory(OrgUnitFactory)
