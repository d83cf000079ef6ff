"""Vendor e-learning in the browser: upload, play, leave mid-way, resume, complete.

The packages are the tests' own (tests/courses/packages/builders.py): a launch
page that calls the SCORM API as a vendor's would.
"""

import io
import threading

from django.db.models.signals import post_save
from django.urls import reverse

import pytest
from playwright.sync_api import expect

from certificates.models import Certificate
from courses.models import Enrolment, ModulePage, Package, PackageAttempt
from courses.packages.services import package_create
from tests.browser.checks import assert_accessible
from tests.browser.helpers import add_module, sign_in, submit_for_review
from tests.courses.factories import make_course, make_module
from tests.courses.packages.builders import (
    cmi5_files,
    prying_files,
    scorm12_files,
    scorm2004_files,
    zip_bytes,
)
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

THE_PACKAGE = "#package-frame"


def _package_course(package: Package, *, title: str):
    course = make_course(title=title, modules=0)
    module = make_module(course, title="The vendor's lesson")
    ModulePage.objects.filter(pk=module.pk).update(package=package)
    return course, ModulePage.objects.get(pk=module.pk)


def test_a_trainer_uploads_a_package_and_an_employee_completes_it_after_a_break(
    page, browser, live_server, trainer, ld_admin, employee, tmp_path
):
    archive = tmp_path / "cyber.zip"
    archive.write_bytes(zip_bytes(scorm12_files()))
    sign_in(page, live_server, "tess", PASSWORD)
    page.goto(f"{live_server.url}/admin/packages/new/")
    page.get_by_label("Package (ZIP)").set_input_files(archive)
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_text("created")).to_be_visible()
    package = Package.objects.get()
    # The trainer puts it in a module of a course, in the page editor; an L&D
    # admin approves the module.
    course = make_course(title="Cyber-security basics", modules=0)
    module_id = add_module(
        page,
        live_server.url,
        course.pk,
        "The vendor's lesson",
        "The lesson is the vendor's package.",
        package="Cyber-security basics (SCORM 1.2)",
    )
    submit_for_review(page, module_id, live_server.url)
    reviewer = browser.new_context().new_page()
    sign_in(reviewer, live_server, "lee", PASSWORD)
    reviewer.goto(f"{live_server.url}/admin/pages/{module_id}/edit/")
    reviewer.get_by_role("button", name="More actions").click()
    reviewer.get_by_role("button", name="Approve and Publish").click()
    expect(reviewer.locator(".messages")).to_contain_text("has been updated.")
    module = ModulePage.objects.get(pk=module_id)
    assert module.live and module.package == package

    learner = browser.new_context().new_page()
    sign_in(learner, live_server, "alice", PASSWORD)
    frame = _open(learner, live_server, module)
    expect(frame.get_by_text("Page 1 of 3")).to_be_visible()
    frame.get_by_role("button", name="Next page").click()
    expect(frame.get_by_text("Page 2 of 3")).to_be_visible()
    expect(learner.get_by_role("status")).to_have_text("Your progress is saved.")
    assert_accessible(learner, exclude=[[THE_PACKAGE]])

    # The learner leaves mid-way; the page's exit ends the session with a beacon.
    learner.goto(f"{live_server.url}{course.url}")
    expect(learner.get_by_role("heading", level=1)).to_have_text(course.title)
    frame = _open(learner, live_server, module)
    expect(frame.get_by_text("Resumed on page 2 of 3")).to_be_visible()
    frame.get_by_role("button", name="Finish").click()
    expect(frame.get_by_text("Finished")).to_be_visible()

    learner.goto(f"{live_server.url}/my/certificates/")
    row = learner.get_by_role("row", name="Cyber-security basics")
    expect(row.get_by_text("Valid", exact=True)).to_be_visible()
    enrolment = Enrolment.objects.get(user=employee, course=course)
    assert enrolment.completed_at is not None
    assert Certificate.objects.filter(user=employee).count() == 1
    attempt = PackageAttempt.objects.get(user=employee)
    assert attempt.success_status == "passed"
    assert attempt.score_scaled == 0.9


def test_closing_the_browser_mid_way_keeps_what_was_not_yet_committed(
    browser, live_server, employee
):
    package = package_create(
        upload=_bytes_io(zip_bytes(scorm12_files())), uploaded_by=None
    )
    _course, module = _package_course(package, title="Cyber-security basics")
    context = browser.new_context()
    learner = context.new_page()
    sign_in(learner, live_server, "alice", PASSWORD)
    frame = _open(learner, live_server, module)
    frame.get_by_role("button", name="Bookmark the last page").click()
    expect(frame.get_by_text("Bookmarked page 3")).to_be_visible()
    assert PackageAttempt.objects.get().cmi == {}  # nothing committed yet
    # The tab is closed: the page's exit sends a beacon, which the live server
    # (in this process) saves after the page is gone: wait for that save.
    saved = threading.Event()

    def on_save(sender, instance, **kwargs):
        if instance.cmi:
            saved.set()

    post_save.connect(on_save, sender=PackageAttempt, dispatch_uid="beacon-saved")
    try:
        learner.close()
        assert saved.wait(timeout=30), "the beacon never arrived"
    finally:
        post_save.disconnect(dispatch_uid="beacon-saved", sender=PackageAttempt)

    learner = context.new_page()
    frame = _open(learner, live_server, module)
    expect(frame.get_by_text("Resumed on page 3 of 3")).to_be_visible()
    context.close()


def test_a_scorm_2004_package_plays_resumes_and_completes(page, live_server, employee):
    package = package_create(
        upload=_bytes_io(zip_bytes(scorm2004_files())), uploaded_by=None
    )
    course, module = _package_course(package, title="Privacy at work")
    sign_in(page, live_server, "alice", PASSWORD)
    frame = _open(page, live_server, module)
    expect(frame.get_by_text("Page 1 of 3")).to_be_visible()
    frame.get_by_role("button", name="Next page").click()
    expect(frame.get_by_text("Page 2 of 3")).to_be_visible()
    # Away and back: SCORM 2004's location and entry bring the learner back.
    frame = _open(page, live_server, module)
    expect(frame.get_by_text("Resumed on page 2 of 3")).to_be_visible()
    frame.get_by_role("button", name="Finish").click()
    expect(frame.get_by_text("Finished")).to_be_visible()
    page.goto(f"{live_server.url}{module.url}")
    expect(page.get_by_text("You have completed this module.")).to_be_visible()
    attempt = PackageAttempt.objects.get(user=employee)
    assert (attempt.completion_status, attempt.success_status) == (
        "completed",
        "passed",
    )


def test_a_cmi5_unit_plays_resumes_and_completes_through_xapi(
    page, live_server, employee
):
    package = package_create(
        upload=_bytes_io(zip_bytes(cmi5_files())), uploaded_by=None
    )
    course, module = _package_course(package, title="WHMIS refresher")
    sign_in(page, live_server, "alice", PASSWORD)
    frame = _open(page, live_server, module)
    expect(frame.get_by_text("Page 1 of 3")).to_be_visible()
    frame.get_by_role("button", name="Next page").click()
    expect(frame.get_by_text("Page 2 of 3")).to_be_visible()

    frame = _open(page, live_server, module)
    expect(frame.get_by_text("Resumed on page 2 of 3")).to_be_visible()
    frame.get_by_role("button", name="Finish").click()
    expect(frame.get_by_text("Finished")).to_be_visible()
    page.goto(f"{live_server.url}{module.url}")
    expect(page.get_by_text("You have completed this module.")).to_be_visible()
    attempt = PackageAttempt.objects.get(user=employee)
    assert (attempt.completion_status, attempt.success_status) == (
        "completed",
        "passed",
    )
    verbs = [
        v.rsplit("/", 1)[1] for v in attempt.statements.values_list("verb", flat=True)
    ]
    assert verbs == [
        "initialized",
        "initialized",
        "completed",
        "passed",
        "terminated",
    ]
    assert Enrolment.objects.get(user=employee, course=course).completed_at


def _open(page, live_server, module):
    """From the module page, open its e-learning: the package's frame."""
    page.goto(f"{live_server.url}{module.url}")
    page.get_by_role("link", name="Open the e-learning").click()
    return page.frame_locator(THE_PACKAGE)


def _bytes_io(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)


def test_a_package_reads_nothing_of_the_site_nor_of_another_package(
    page, live_server, employee
):
    other = package_create(
        upload=_bytes_io(zip_bytes(scorm12_files())), uploaded_by=None
    )
    _other_course, other_module = _package_course(other, title="Other")
    other_player = reverse("courses:package-play", args=[other_module.pk])
    prying = package_create(
        upload=_bytes_io(zip_bytes(prying_files(other_player=other_player))),
        uploaded_by=None,
    )
    _course, module = _package_course(prying, title="Prying")
    sign_in(page, live_server, "alice", PASSWORD)
    page.goto(f"{live_server.url}{reverse('courses:package-play', args=[module.pk])}")
    results = page.frame_locator(THE_PACKAGE).locator("#results li")
    expect(results).to_have_count(5)
    assert sorted(results.all_inner_texts()) == [
        "cookies: blocked",
        "my learning: blocked",
        "other player: blocked",
        "player page: blocked",
        "storage: blocked",
    ]
    # Opened on its own, outside the player, the file is sandboxed all the same
    # (its "player page" is then itself, which it may read).
    src = page.locator(THE_PACKAGE).get_attribute("src")
    page.goto(f"{live_server.url}{src}")
    results = page.locator("#results li")
    expect(results).to_have_count(5)
    assert {
        "cookies: blocked",
        "my learning: blocked",
        "other player: blocked",
        "storage: blocked",
    } < set(results.all_inner_texts())
