"""Uploading a package in the admin: trainers and L&D admins; a bad ZIP loses nothing."""

import re

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from courses.models import Package
from courses.packages.services import package_files
from tests.courses.packages.builders import scorm12_files, zip_bytes
from tests.personas import LOGIN, NO_ADMIN, OK, REFUSED, every_persona

AUTHORS = every_persona(NO_ADMIN, anonymous=LOGIN, trainer=OK, ld_admin=OK)

pytestmark = pytest.mark.django_db


def _zip(data: bytes, name: str = "cyber.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/zip")


def _stored() -> set[str]:
    names, folders = set(), ["packages"]
    while folders:
        folder = folders.pop()
        try:
            subfolders, files = default_storage.listdir(folder)
        except FileNotFoundError:  # nothing stored yet
            continue
        names |= {f"{folder}/{name}" for name in files}
        folders += [f"{folder}/{name}" for name in subfolders]
    return names


def _upload(client, data: bytes, title: str = ""):
    return client.post(
        reverse("courses_package:add"), {"title": title, "archive": _zip(data)}
    )


def test_the_package_list_is_for_authors_only(personas, persona_matrix):
    responses = persona_matrix(reverse("courses_package:index"), AUTHORS)
    for persona, response in responses.items():
        if AUTHORS[persona] == REFUSED:
            assert "E-learning packages" not in response.content.decode()


def test_a_trainer_uploads_a_package_and_its_files_are_stored(client, trainer):
    client.force_login(trainer)
    response = _upload(client, zip_bytes(scorm12_files()))
    assert response.status_code == 302
    package = Package.objects.get()
    assert package.title == "Cyber-security basics"
    assert package.standard == "scorm12"
    assert package.uploaded_by == trainer
    assert sorted(package_files(package)) == [
        f"{package.folder}imsmanifest.xml",
        f"{package.folder}index.html",
    ]
    with default_storage.open(f"{package.folder}index.html") as stored:
        assert stored.read() == scorm12_files()["index.html"]
    listing = client.get(reverse("courses_package:index")).text
    assert "Cyber-security basics" in listing
    assert "SCORM 1.2" in listing


def test_a_title_given_at_upload_wins(client, trainer):
    client.force_login(trainer)
    _upload(client, zip_bytes(scorm12_files()), title="Cyber 2026")
    assert Package.objects.get().title == "Cyber 2026"


def test_a_bad_zip_reshows_the_form_with_the_reason_and_stores_nothing(client, trainer):
    client.force_login(trainer)
    before = _stored()
    data = zip_bytes({**scorm12_files(), "../../evil.html": b"x"})
    response = _upload(client, data, title="Kept title")
    assert response.status_code == 200
    assert "../../evil.html points outside the package (..)." in response.text
    assert 'value="Kept title"' in response.text
    assert not Package.objects.exists()
    assert _stored() == before


def test_a_member_larger_than_declared_is_caught_while_unpacking(client, trainer):
    client.force_login(trainer)
    before = _stored()
    data = zip_bytes({**scorm12_files(), "filler.bin": bytes(100_000)})
    offset = data.index(b"filler.bin", data.index(b"PK\x01\x02")) - 46 + 24
    forged = data[:offset] + (10).to_bytes(4, "little") + data[offset + 4 :]
    response = _upload(client, forged)
    assert response.status_code == 200
    assert "filler.bin is damaged or unpacks to more" in response.text
    assert not Package.objects.exists()
    # imsmanifest.xml and index.html were stored before filler.bin, then deleted.
    assert _stored() == before


def test_an_ld_admin_deletes_a_package_and_its_files(
    client, trainer, ld_admin, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    _upload(client, zip_bytes(scorm12_files()))
    package = Package.objects.get()
    names = package_files(package)
    client.force_login(ld_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("courses_package:delete", args=[package.pk]))
    assert response.status_code == 302
    assert not Package.objects.exists()
    assert not any(default_storage.exists(name) for name in names)


def test_trainers_may_not_delete_a_package(client, trainer):
    client.force_login(trainer)
    _upload(client, zip_bytes(scorm12_files()))
    package = Package.objects.get()
    client.post(reverse("courses_package:delete", args=[package.pk]))
    assert Package.objects.filter(pk=package.pk).exists()


def test_a_zip_over_the_upload_limit_is_refused_before_it_is_read(
    client, trainer, settings
):
    client.force_login(trainer)
    response = client.post(
        reverse("courses_package:add"),
        data=b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(settings.PACKAGE_MAX_UPLOAD_BYTES + 1024 * 1024),
    )
    assert response.status_code == 413
    assert "this page takes files of up to 200 MB" in response.text


def _attempt(package, user, *, number=1, done=False, score=None):
    from django.utils import timezone

    from courses.models import ModulePage, PackageAttempt

    return PackageAttempt.objects.create(
        user=user,
        module=ModulePage.objects.first(),
        package=package,
        number=number,
        token=f"t-{package.pk}-{user.pk}-{number}",
        completed_at=timezone.now() if done else None,
        score_scaled=score,
    )


def test_authors_see_each_packages_learners_attempts_completions_and_score(
    client, trainer, employee, peer
):
    from tests.courses.factories import make_course

    make_course(modules=1)
    client.force_login(trainer)
    _upload(client, zip_bytes(scorm12_files()))
    package = Package.objects.get()
    _attempt(package, employee, number=1, score=0.5)
    _attempt(package, employee, number=2, done=True, score=0.9)
    _attempt(package, peer, done=True, score=1.0)
    listing = client.get(reverse("courses_package:index")).text
    body = listing.split("<main", 1)[1].split("<tbody", 1)[1]
    row = body.split("Cyber-security basics", 1)[1].split("</tr>", 1)[0]
    cells = re.findall(r"<td[^>]*>\s*(.*?)\s*</td>", row, re.S)
    # Standard, learners, attempts, completed, average score.
    assert [re.sub(r"<[^>]+>", "", c).strip() for c in cells[:5]] == [
        "SCORM 1.2",
        "2",
        "3",
        "2",
        "80 %",
    ]


def test_the_package_list_costs_the_same_queries_for_2_or_12_packages(
    client, trainer, employee
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.courses.factories import make_course

    make_course(modules=1)
    client.force_login(trainer)

    def queries_with(size):
        for n in range(Package.objects.count(), size):
            _upload(client, zip_bytes(scorm12_files()))
            _attempt(Package.objects.latest("uploaded_at"), employee, number=n + 1)
        client.get(reverse("courses_package:index"))  # warm the per-session caches
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("courses_package:index"))
        main = page.text.split("<main", 1)[1]
        assert main.split("<tbody", 1)[1].count("<tr") == size
        return len(queries.captured_queries)

    assert queries_with(2) == queries_with(12)
