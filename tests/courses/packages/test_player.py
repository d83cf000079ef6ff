"""Playing a package without a browser: who may launch, what the files and commits accept."""

import io
import json

from django.test import Client
from django.urls import reverse

import pytest

from certificates.models import Certificate
from courses.models import Enrolment, ModuleCompletion, ModulePage, PackageAttempt
from courses.packages.services import package_create
from courses.services import CourseError, module_complete
from tests.courses.factories import make_course, make_module
from tests.courses.packages.builders import scorm12_files, scorm2004_files, zip_bytes
from tests.personas import LOGIN, OK, every_persona

pytestmark = pytest.mark.django_db

PASSED_12 = {"core": {"lesson_status": "passed", "score": {"raw": "85"}}}


def _package_module(files=None, **fields):
    package = package_create(
        upload=io.BytesIO(zip_bytes(files or scorm12_files())), uploaded_by=None
    )
    course = make_course(title="Cyber-security basics", modules=0)
    module = make_module(course, title="The vendor's lesson")
    ModulePage.objects.filter(pk=module.pk).update(package=package, **fields)
    return course, ModulePage.objects.get(pk=module.pk)


def _launch(client: Client, module) -> PackageAttempt:
    assert (
        client.get(reverse("courses:package-play", args=[module.pk])).status_code == 200
    )
    return PackageAttempt.objects.filter(module=module).latest("number")


def _commit(client: Client, attempt, seq: int, cmi: dict, **extra):
    return client.post(
        reverse("courses:package-commit", args=[attempt.token]),
        data=json.dumps({"seq": seq, "cmi": cmi}),
        content_type="text/plain;charset=UTF-8",  # as the final beacon sends it
        **extra,
    )


def test_every_member_of_staff_may_launch_a_package_module(persona_matrix):
    _course, module = _package_module()
    persona_matrix(
        reverse("courses:package-play", args=[module.pk]),
        every_persona(OK, anonymous=LOGIN),
    )


def test_the_player_frames_the_launch_page_in_a_sandbox_without_same_origin(
    client, employee
):
    _course, module = _package_module()
    client.force_login(employee)
    page = client.get(reverse("courses:package-play", args=[module.pk])).text
    assert 'sandbox="allow-scripts allow-forms allow-popups allow-modals' in page
    assert "allow-same-origin" not in page
    attempt = PackageAttempt.objects.get()
    assert f"/learn/packages/{attempt.token}/files/index.html" in page


def test_a_module_without_a_package_or_unpublished_has_no_player(client, employee):
    course = make_course(modules=1)
    plain = ModulePage.objects.child_of(course).get()
    client.force_login(employee)
    response = client.get(reverse("courses:package-play", args=[plain.pk]))
    assert response.status_code == 302 and response["Location"] == plain.url
    _course, module = _package_module()
    ModulePage.objects.filter(pk=module.pk).update(live=False)
    response = client.get(reverse("courses:package-play", args=[module.pk]))
    assert response.status_code == 404


def test_the_launch_page_is_served_with_the_bridge_first_and_a_sandbox(employee):
    _course, module = _package_module()
    client = Client()
    client.force_login(employee)
    attempt = _launch(client, module)
    # No cookie: the sandboxed frame sends none, the token is the key.
    response = Client().get(
        reverse("courses:package-file", args=[attempt.token, "index.html"])
    )
    assert response.status_code == 200
    body = response.content.decode()
    head = body.index("<head>") + len("<head>")
    assert body[head:].startswith('<script id="lms-runtime-seed"')
    assert body.index("cross-frame-api.min.js") < body.index("var scorm12")
    seed = json.loads(body.split('type="application/json">')[1].split("</script>")[0])
    assert seed["cmi.core.student_id"] == employee.employee.employee_number
    assert seed["cmi.core.entry"] == "ab-initio"
    policy = response["Content-Security-Policy"]
    assert policy.startswith("sandbox allow-scripts")
    assert "allow-same-origin" not in policy
    assert response["Referrer-Policy"] == "no-referrer"


def test_files_need_this_launchs_token_and_stay_inside_the_package(employee):
    _course, module = _package_module()
    _other_course, other = _package_module(scorm2004_files())
    client = Client()
    client.force_login(employee)
    attempt = _launch(client, module)
    other_attempt = _launch(client, other)
    file_url = reverse("courses:package-file", args=[attempt.token, "index.html"])
    assert Client().get(file_url).status_code == 200
    # Another package's file under this token; climbing out; a made-up token.
    for path in (
        "content/index.html",
        "../../packages/x/index.html",
        "%2e%2e/%2e%2e/imsmanifest.xml",
    ):
        url = reverse("courses:package-file", args=[attempt.token, "x"])[:-1] + path
        assert Client().get(url).status_code == 404, path
    assert (
        Client()
        .get(reverse("courses:package-file", args=["made-up", "index.html"]))
        .status_code
        == 404
    )
    assert other_attempt.token != attempt.token


def test_a_new_launch_retires_the_old_token(client, employee):
    _course, module = _package_module()
    client.force_login(employee)
    first = _launch(client, module)
    _launch(client, module)
    second = _launch(client, module)  # two launches on: the first page is stale
    assert second.pk == first.pk and second.token != first.token
    assert _commit(client, first, 1, PASSED_12).status_code == 404
    assert _commit(
        client, second, 1, {"core": {"lesson_status": "incomplete"}}
    ).json() == {
        "result": True,
        "errorCode": 0,
    }


def test_a_passing_commit_completes_the_module_the_course_and_issues_the_certificate(
    client, employee, django_capture_on_commit_callbacks
):
    course, module = _package_module()
    client.force_login(employee)
    attempt = _launch(client, module)
    with django_capture_on_commit_callbacks(execute=True):
        assert _commit(client, attempt, 1, PASSED_12).status_code == 200
    attempt.refresh_from_db()
    assert (attempt.completion_status, attempt.success_status) == (
        "completed",
        "passed",
    )
    assert attempt.score_scaled == 0.85
    assert attempt.completed_at is not None
    enrolment = Enrolment.objects.get(user=employee, course=course)
    assert enrolment.completed_at is not None
    assert Certificate.objects.filter(user=employee).count() == 1


def test_forged_completion_from_another_users_session_saves_nothing(employee, peer):
    course, module = _package_module()
    alice = Client()
    alice.force_login(employee)
    attempt = _launch(alice, module)
    charlie = Client()
    charlie.force_login(peer)
    assert _commit(charlie, attempt, 1, PASSED_12).status_code == 403
    assert _commit(Client(), attempt, 1, PASSED_12).status_code == 403
    attempt.refresh_from_db()
    assert attempt.cmi == {} and attempt.completed_at is None
    assert not Enrolment.objects.filter(
        course=course, completed_at__isnull=False
    ).exists()
    assert not ModuleCompletion.objects.exists()


def test_commits_are_kept_in_order_and_a_repeat_changes_nothing(client, employee):
    _course, module = _package_module()
    client.force_login(employee)
    attempt = _launch(client, module)
    page3 = {"core": {"lesson_location": "3", "lesson_status": "incomplete"}}
    page2 = {"core": {"lesson_location": "2", "lesson_status": "incomplete"}}
    _commit(client, attempt, 2, page3)
    _commit(client, attempt, 1, page2)  # arrived late
    _commit(client, attempt, 2, page2)  # the same sequence again
    attempt.refresh_from_db()
    assert attempt.cmi == page3 and attempt.sequence == 2


def test_a_relaunch_resumes_where_the_learner_left(client, employee):
    _course, module = _package_module()
    client.force_login(employee)
    attempt = _launch(client, module)
    _commit(
        client,
        attempt,
        1,
        {
            "core": {"lesson_location": "7", "lesson_status": "incomplete"},
            "suspend_data": "s7",
        },
    )
    page = client.get(reverse("courses:package-play", args=[module.pk])).text
    config = json.loads(
        page.split('id="package-config" type="application/json">')[1].split(
            "</script>"
        )[0]
    )
    assert config["runtime"]["core"]["lesson_location"] == "7"
    assert config["runtime"]["core"]["entry"] == "resume"
    assert config["runtime"]["suspend_data"] == "s7"
    assert config["sequence"] == 1


def test_a_finished_attempt_is_kept_and_the_next_launch_starts_another(
    client, employee
):
    _course, module = _package_module()
    client.force_login(employee)
    first = _launch(client, module)
    _commit(client, first, 1, PASSED_12)
    second = _launch(client, module)
    assert second.number == 2
    assert PackageAttempt.objects.get(pk=first.pk).success_status == "passed"


@pytest.mark.parametrize(
    ("rule", "cmi", "completes"),
    [
        ("completed_or_passed", {"core": {"lesson_status": "completed"}}, True),
        ("passed", {"core": {"lesson_status": "completed"}}, False),
        ("passed", {"core": {"lesson_status": "passed"}}, True),
        ("completed", {"core": {"lesson_status": "failed"}}, False),
    ],
)
def test_the_modules_rule_decides_what_completes_it(
    client, employee, rule, cmi, completes
):
    _course, module = _package_module(package_rule=rule)
    client.force_login(employee)
    _commit(client, _launch(client, module), 1, cmi)
    assert ModuleCompletion.objects.filter(module=module).exists() is completes


def test_scorm_2004_reports_completion_and_success_apart(client, employee):
    _course, module = _package_module(scorm2004_files(), package_rule="passed")
    client.force_login(employee)
    attempt = _launch(client, module)
    _commit(
        client,
        attempt,
        1,
        {"completion_status": "completed", "success_status": "failed"},
    )
    assert not ModuleCompletion.objects.exists()
    _commit(
        client,
        attempt,
        2,
        {
            "completion_status": "completed",
            "success_status": "passed",
            "score": {"scaled": "0.8"},
        },
    )
    attempt.refresh_from_db()
    assert attempt.score_scaled == 0.8
    assert ModuleCompletion.objects.filter(module=module).exists()


def test_a_malformed_commit_is_refused_and_keeps_the_last_good_one(client, employee):
    _course, module = _package_module()
    client.force_login(employee)
    attempt = _launch(client, module)
    _commit(client, attempt, 1, {"core": {"lesson_location": "2"}})
    url = reverse("courses:package-commit", args=[attempt.token])
    for body in (
        "not json",
        json.dumps({"seq": "x"}),
        json.dumps({"seq": 5, "cmi": [1]}),
    ):
        assert (
            client.post(url, body, content_type="application/json").status_code == 400
        )
    attempt.refresh_from_db()
    assert attempt.cmi == {"core": {"lesson_location": "2"}}


def test_no_button_completes_a_package_module(employee):
    _course, module = _package_module()
    with pytest.raises(CourseError, match="Finish the e-learning package"):
        module_complete(user=employee, module=module)


def test_a_module_may_not_have_a_package_and_a_knowledge_check(employee):
    from django.core.exceptions import ValidationError

    from tests.courses.factories import make_quiz_module, question

    course = make_course(modules=0)
    quiz = make_quiz_module(
        course, questions=[question("truefalse", "Sky is blue", correct=True)]
    )
    _other, with_package = _package_module()
    quiz.package = with_package.package
    with pytest.raises(ValidationError, match="not both"):
        quiz.full_clean()


def test_a_package_modules_completion_shows_in_the_managers_team_record(
    client, client_for, employee, manager, django_capture_on_commit_callbacks
):
    course, module = _package_module()
    client.force_login(employee)
    attempt = _launch(client, module)
    with django_capture_on_commit_callbacks(execute=True):
        _commit(client, attempt, 1, PASSED_12)
    url = reverse("reports:team-person", args=[employee.employee.pk])
    page = client_for(manager).get(url).text
    record = page[page.index('id="learning-heading"') :]
    record = record[: record.index("</section>")]
    assert course.title in record
    assert "Completed" in record


def test_other_files_stream_with_their_own_type(employee):
    files = {**scorm12_files(), "media/intro.mp4": b"\x00\x00\x00\x18ftypmp42" * 1000}
    _course, module = _package_module(files)
    client = Client()
    client.force_login(employee)
    attempt = _launch(client, module)
    response = Client().get(
        reverse("courses:package-file", args=[attempt.token, "media/intro.mp4"])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "video/mp4"
    assert response.streaming
    assert b"".join(response.streaming_content) == files["media/intro.mp4"]
    assert response["Content-Security-Policy"].startswith("sandbox ")


def test_the_last_commit_of_the_page_before_a_relaunch_is_still_taken(client, employee):
    _course, module = _package_module()
    client.force_login(employee)
    first = _launch(client, module)
    _commit(client, first, 1, {"core": {"lesson_location": "2"}})
    second = _launch(client, module)  # F5: the new page loaded first ...
    # ... then the old page's closing beacon, on its old token.
    response = _commit(client, first, 2, {"core": {"lesson_location": "3"}})
    assert response.status_code == 200
    second.refresh_from_db()
    assert second.cmi == {"core": {"lesson_location": "3"}}
    third = _launch(client, module)
    assert _commit(client, first, 3, {"core": {}}).status_code == 404
    assert third.token != second.token


def test_a_new_package_version_on_the_module_starts_a_new_attempt(client, employee):
    _course, module = _package_module()
    client.force_login(employee)
    first = _launch(client, module)
    newer = package_create(
        upload=io.BytesIO(zip_bytes(scorm2004_files())), uploaded_by=None
    )
    ModulePage.objects.filter(pk=module.pk).update(package=newer)
    page = client.get(reverse("courses:package-play", args=[module.pk])).text
    second = PackageAttempt.objects.latest("number")
    assert (second.number, second.package) == (2, newer)
    assert f"/learn/packages/{second.token}/files/content/index.html" in page
    assert PackageAttempt.objects.get(pk=first.pk).package != newer


def test_a_course_unpublished_mid_attempt_keeps_the_commit(client, employee):
    course, module = _package_module()
    client.force_login(employee)
    attempt = _launch(client, module)
    type(course).objects.filter(pk=course.pk).update(live=False)
    assert _commit(client, attempt, 1, PASSED_12).status_code == 200
    attempt.refresh_from_db()
    assert attempt.success_status == "passed"
    assert not ModuleCompletion.objects.exists()


def test_odd_file_paths_and_sequences_are_refused_not_errors(client, employee):
    files = {**scorm12_files(), "media/clip.mp4": b"x"}
    _course, module = _package_module(files)
    client.force_login(employee)
    attempt = _launch(client, module)
    for path in (".", "media", "media/"):
        url = reverse("courses:package-file", args=[attempt.token, "x"])[:-1] + path
        assert Client().get(url).status_code == 404, path
    for seq in (0, -1, 2**63):
        assert _commit(client, attempt, seq, {"core": {}}).status_code == 400


def test_a_package_in_use_is_not_deleted(client, ld_admin, employee):
    _course, module = _package_module()
    package = module.package
    client.force_login(ld_admin)
    response = client.post(
        reverse("courses_package:delete", args=[package.pk]), follow=True
    )
    assert "is played by 1 module(s)" in response.text
    ModulePage.objects.filter(pk=module.pk).update(package=None)
    PackageAttempt.objects.create(
        user=employee, module=module, package=package, token="t-kept"
    )
    response = client.post(
        reverse("courses_package:delete", args=[package.pk]), follow=True
    )
    assert "attempts, kept as their record" in response.text
    assert type(package).objects.filter(pk=package.pk).exists()
