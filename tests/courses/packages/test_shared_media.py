"""Packages on shared media (Azurite, moto): unpacked into the store, served from it,
deleted from it, and a refused upload leaves nothing there."""

import io

from django.test import Client
from django.urls import reverse

import pytest

from courses.models import ModulePage, Package, PackageAttempt
from courses.packages.archive import PackageRejected
from courses.packages.services import package_create, package_delete
from tests.courses.factories import make_course, make_module
from tests.courses.packages.builders import scorm12_files, zip_bytes

pytestmark = pytest.mark.django_db


def test_a_package_is_unpacked_into_the_store_and_served_from_it(
    object_storage, client, employee
):
    files = scorm12_files()
    package = package_create(upload=io.BytesIO(zip_bytes(files)), uploaded_by=None)
    assert object_storage.raw_names() == {
        f"{package.folder}imsmanifest.xml",
        f"{package.folder}index.html",
    }
    assert (
        object_storage.raw_bytes(f"{package.folder}index.html") == files["index.html"]
    )

    course = make_course(modules=0)
    module = make_module(course, title="The vendor's lesson")
    ModulePage.objects.filter(pk=module.pk).update(package=package)
    client.force_login(employee)
    client.get(reverse("courses:package-play", args=[module.pk]))
    attempt = PackageAttempt.objects.get()
    page = Client().get(
        reverse("courses:package-file", args=[attempt.token, "index.html"])
    )
    assert page.status_code == 200
    assert b"Cyber-security basics" in page.content
    assert b"lms-runtime-seed" in page.content


def test_a_refused_upload_leaves_nothing_in_the_store(object_storage):
    data = zip_bytes({**scorm12_files(), "filler.bin": bytes(100_000)})
    offset = data.index(b"filler.bin", data.index(b"PK\x01\x02")) - 46 + 24
    forged = data[:offset] + (10).to_bytes(4, "little") + data[offset + 4 :]
    with pytest.raises(PackageRejected):
        package_create(upload=io.BytesIO(forged), uploaded_by=None)
    assert object_storage.raw_names() == set()
    assert not Package.objects.exists()


def test_deleting_a_package_deletes_its_files_from_the_store(
    object_storage, django_capture_on_commit_callbacks
):
    package = package_create(
        upload=io.BytesIO(zip_bytes(scorm12_files())), uploaded_by=None
    )
    with django_capture_on_commit_callbacks(execute=True):
        package_delete(package=package)
    assert object_storage.raw_names() == set()
