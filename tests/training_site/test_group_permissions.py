"""Each group holds exactly the permissions its role needs, and nothing more."""

from django.apps import apps
from django.contrib.auth.models import Group

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

import pytest

from courses.models import CourseIndexPage
from people import roles
from training_site.site_setup import site_sync


def _global(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def _pages(group_name):
    return {
        (gpp.page.specific_class.__name__, gpp.permission.codename)
        for gpp in GroupPagePermission.objects.filter(group__name=group_name)
    }


def _collections(group_name):
    return {
        (
            gcp.collection.name,
            f"{gcp.permission.content_type.app_label}.{gcp.permission.codename}",
        )
        for gcp in GroupCollectionPermission.objects.filter(group__name=group_name)
    }


@pytest.mark.django_db
def test_trainers_can_author_in_the_catalogue_but_not_publish():
    assert _global(roles.TRAINERS) == {
        "wagtailadmin.access_admin",
        "certificates.add_certificatedesign",
        "certificates.change_certificatedesign",
        "certificates.view_certificatedesign",
        "courses.add_package",
        "courses.change_package",
        "courses.view_package",
    }
    assert _pages(roles.TRAINERS) == {
        ("CourseIndexPage", "add_page"),
        ("CourseIndexPage", "change_page"),
        ("CourseIndexPage", "lock_page"),
    }
    assert _collections(roles.TRAINERS) == {
        ("Training", "wagtailimages.add_image"),
        ("Training", "wagtailimages.change_image"),
        ("Training", "wagtailimages.choose_image"),
        ("Training", "wagtaildocs.add_document"),
        ("Training", "wagtaildocs.change_document"),
        ("Training", "wagtaildocs.choose_document"),
    }


@pytest.mark.django_db
def test_ld_admins_also_publish_manage_users_import_and_report():
    assert _global(roles.LD_ADMINS) == {
        "wagtailadmin.access_admin",
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "people.view_orgunit",
        "people.change_orgunit",
        "people.view_employee",
        "people.change_employee",
        "people.view_roleprofile",
        "people.add_roleprofile",
        "people.change_roleprofile",
        "people.import_roster",
        "people.view_rosterimport",
        "people.view_org_reports",
        "skills.add_skillcategory",
        "skills.change_skillcategory",
        "skills.view_skillcategory",
        "skills.delete_skillcategory",
        "skills.add_skill",
        "skills.change_skill",
        "skills.view_skill",
        "skills.delete_skill",
        "skills.add_skillleveldescriptor",
        "skills.change_skillleveldescriptor",
        "skills.view_skillleveldescriptor",
        "skills.delete_skillleveldescriptor",
        "skills.add_roleskilltarget",
        "skills.change_roleskilltarget",
        "skills.view_roleskilltarget",
        "skills.delete_roleskilltarget",
        "certificates.add_certificatedesign",
        "certificates.change_certificatedesign",
        "certificates.view_certificatedesign",
        "certificates.delete_certificatedesign",
        "courses.add_package",
        "courses.change_package",
        "courses.view_package",
        "courses.delete_package",
        "certificates.view_certificate",
        "certificates.revoke_certificate",
        "certificates.bulk_issue_certificate",
        "assignments.add_assignment",
        "assignments.change_assignment",
        "assignments.view_assignment",
        "assignments.assign_anyone",
    }
    assert _pages(roles.LD_ADMINS) == {
        ("CourseIndexPage", codename)
        for codename in [
            "add_page",
            "change_page",
            "lock_page",
            "publish_page",
            "unlock_page",
        ]
    }
    assert ("Training", "wagtailimages.delete_image") in _collections(roles.LD_ADMINS)
    assert ("Training", "wagtaildocs.delete_document") in _collections(roles.LD_ADMINS)


@pytest.mark.django_db
def test_wagtails_starter_groups_with_tree_wide_rights_are_gone():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


@pytest.mark.django_db
def test_site_sync_repairs_drift_and_is_idempotent():
    trainers = Group.objects.get(name=roles.TRAINERS)
    catalogue = CourseIndexPage.objects.get()
    # Someone grants trainers publishing by hand; the next sync takes it back.
    GroupPagePermission.objects.create(
        group=trainers, page=catalogue, permission_type="publish"
    )
    before_groups = Group.objects.count()
    site_sync(apps)
    site_sync(apps)
    assert ("CourseIndexPage", "publish_page") not in _pages(roles.TRAINERS)
    assert Group.objects.count() == before_groups
    assert Collection.objects.filter(name="Training").count() == 1
    assert CourseIndexPage.objects.count() == 1
