"""cmi5's fetch URL and xAPI resources, the statements kept for every package, the LRS forward."""

import base64
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from django.test import Client
from django.urls import reverse

import pytest

from courses.models import ModuleCompletion, ModulePage, PackageAttempt, XapiStatement
from courses.packages.services import package_create
from tests.courses.factories import make_course, make_module
from tests.courses.packages.builders import cmi5_files, scorm12_files, zip_bytes
from tests.servers import free_port

pytestmark = pytest.mark.django_db

VERB = "http://adlnet.gov/expapi/verbs/"


def _module(files):
    package = package_create(upload=io.BytesIO(zip_bytes(files)), uploaded_by=None)
    course = make_course(title="WHMIS refresher", modules=0)
    module = make_module(course, title="The vendor's lesson")
    ModulePage.objects.filter(pk=module.pk).update(package=package)
    return ModulePage.objects.get(pk=module.pk)


@pytest.fixture
def launched(client, employee):
    """A cmi5 module launched by Alice: the AU's launch parameters."""
    module = _module(cmi5_files())
    client.force_login(employee)
    page = client.get(reverse("courses:package-play", args=[module.pk])).text
    config = page.split('id="package-config" type="application/json">')[1]
    src = json.loads(config.split("</script>")[0])["launchUrl"]
    query = {k: v[0] for k, v in parse_qs(urlsplit(src).query).items()}
    return {"module": module, "attempt": PackageAttempt.objects.get(), **query}


def _path(url: str) -> str:
    return urlsplit(url).path


def _token(launched) -> str:
    answer = Client().post(_path(launched["fetch"]))
    return answer.json()["auth-token"]


def _xapi(launched, method, resource, *, token=None, body=None, **query):
    url = _path(launched["endpoint"]) + resource
    if query:
        url += "?" + urlencode(query)
    headers = {"HTTP_AUTHORIZATION": f"Basic {token}"} if token else {}
    return getattr(Client(), method)(
        url,
        data=json.dumps(body) if body is not None else "",
        content_type="application/json",
        **headers,
    )


def _statement(launched, verb, **extra):
    return {
        "actor": json.loads(launched["actor"]),
        "verb": {"id": VERB + verb},
        "object": {"objectType": "Activity", "id": launched["activityId"]},
        "context": {"registration": launched["registration"]},
        **extra,
    }


def test_the_unit_is_launched_with_the_cmi5_parameters(launched, employee):
    attempt = launched["attempt"]
    assert launched["registration"] == str(attempt.registration)
    assert launched["activityId"] == "https://city.example/courses/whmis/au1"
    actor = json.loads(launched["actor"])
    assert actor["account"]["name"] == employee.employee.employee_number
    assert launched["endpoint"].endswith(f"/learn/packages/{attempt.token}/xapi/")


def test_the_fetch_url_gives_the_token_once(launched):
    token = _token(launched)
    # Its own secret: not the launch token that every file's address carries.
    assert token != launched["attempt"].token
    again = Client().post(_path(launched["fetch"])).json()
    assert again["error-code"] == "1"
    about = _xapi(launched, "get", "activities/state", token=token, stateId="x")
    assert about.status_code == 404  # authorised, and no such document
    with_launch_token = _xapi(
        launched, "get", "activities/state", token=launched["attempt"].token
    )
    assert with_launch_token.status_code == 401


def test_a_scorm_attempts_token_reaches_no_xapi_resource(client, employee):
    module = _module(scorm12_files())
    client.force_login(employee)
    client.get(reverse("courses:package-play", args=[module.pk]))
    attempt = PackageAttempt.objects.get()
    endpoint = reverse("courses:package-xapi", args=[attempt.token, "statements"])
    fetch_url = reverse("courses:package-cmi5-fetch", args=[attempt.token])
    token = Client().post(fetch_url).json().get("auth-token", attempt.token)
    forged = {
        "actor": {"account": {"name": employee.employee.employee_number}},
        "verb": {"id": VERB + "completed"},
        "object": {"id": "x"},
    }
    for auth in (attempt.token, token):
        response = Client().post(
            endpoint,
            json.dumps(forged),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Basic {auth}",
        )
        assert response.status_code == 401
    assert not ModuleCompletion.objects.exists()


def test_every_answer_allows_the_units_opaque_origin(launched):
    preflight = Client().options(_path(launched["endpoint"]) + "statements")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "Authorization" in preflight["Access-Control-Allow-Headers"]


def test_the_launch_data_says_how_the_module_completes(launched):
    token = _token(launched)
    data = _xapi(
        launched,
        "get",
        "activities/state",
        token=token,
        stateId="LMS.LaunchData",
        registration=launched["registration"],
    ).json()
    assert data["launchMode"] == "Normal"
    assert data["moveOn"] == "CompletedOrPassed"
    assert data["masteryScore"] == 0.8


def test_without_the_token_nothing_is_read_or_kept(launched):
    for token in (None, "made-up"):
        response = _xapi(
            launched,
            "post",
            "statements",
            token=token,
            body=_statement(launched, "passed"),
        )
        assert response.status_code == 401
    assert not XapiStatement.objects.exists()


def test_a_statement_about_someone_else_is_refused(launched):
    token = _token(launched)
    forged = _statement(launched, "passed")
    forged["actor"] = {"account": {"homePage": "x", "name": "someone-else"}}
    response = _xapi(launched, "post", "statements", token=token, body=forged)
    assert response.status_code == 400
    assert not XapiStatement.objects.exists()
    assert not ModuleCompletion.objects.exists()


def test_passed_completes_the_module_and_a_repeat_is_kept_once(launched):
    token = _token(launched)
    statement_id = "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"
    passed = _statement(launched, "passed", result={"score": {"scaled": 0.9}})
    for _ in range(2):
        response = _xapi(
            launched,
            "put",
            "statements",
            token=token,
            body=passed,
            statementId=statement_id,
        )
        assert response.status_code == 204
    assert XapiStatement.objects.count() == 1
    attempt = PackageAttempt.objects.get()
    assert (attempt.success_status, attempt.score_scaled) == ("passed", 0.9)
    assert ModuleCompletion.objects.filter(module=launched["module"]).exists()
    kept = XapiStatement.objects.get().statement
    assert kept["id"] == statement_id and "stored" in kept and "authority" in kept


def test_state_documents_are_kept_for_the_next_launch(launched):
    token = _token(launched)
    where = {"stateId": "bookmark", "registration": launched["registration"]}
    assert (
        _xapi(launched, "get", "activities/state", token=token, **where).status_code
        == 404
    )
    _xapi(launched, "put", "activities/state", token=token, body=2, **where)
    answer = _xapi(launched, "get", "activities/state", token=token, **where)
    assert answer.content == b"2"
    refused = _xapi(
        launched,
        "put",
        "activities/state",
        token=token,
        body={},
        stateId="LMS.LaunchData",
    )
    assert refused.status_code == 403


def test_scorm_status_changes_are_kept_as_statements(client, employee):
    module = _module(scorm12_files())
    client.force_login(employee)
    client.get(reverse("courses:package-play", args=[module.pk]))
    attempt = PackageAttempt.objects.get()
    url = reverse("courses:package-commit", args=[attempt.token])
    for seq, status in enumerate(["incomplete", "failed", "passed"], start=1):
        client.post(
            url,
            json.dumps(
                {
                    "seq": seq,
                    "cmi": {"core": {"lesson_status": status, "score": {"raw": "90"}}},
                }
            ),
            content_type="application/json",
        )
    verbs = [
        v.rsplit("/", 1)[1]
        for v in XapiStatement.objects.values_list("verb", flat=True)
    ]
    # SCORM 1.2's "failed" is not taken as completed: a failed unit must not
    # complete the module under the default rule.
    assert verbs == ["failed", "completed", "passed"]
    last = XapiStatement.objects.last().statement
    assert last["result"]["score"]["scaled"] == 0.9
    assert last["actor"]["account"]["name"] == employee.employee.employee_number


def test_ld_admins_download_the_statements_others_may_not(
    launched, client_for, ld_admin, trainer, peer
):
    token = _token(launched)
    _xapi(
        launched,
        "post",
        "statements",
        token=token,
        body=_statement(launched, "completed"),
    )
    package = launched["attempt"].package
    url = reverse("courses_package:statements", args=[package.pk])
    download = client_for(ld_admin).get(url)
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    statements = json.loads(b"".join(download.streaming_content))
    assert [s["verb"]["id"] for s in statements] == [VERB + "completed"]
    # Every learner's name and number: not for authors, nor anyone else.
    for persona in (trainer, peer):
        assert client_for(persona).get(url).status_code in (302, 403)


class _LRS(BaseHTTPRequestHandler):
    """A stand-in for the city's LRS: it keeps what it is sent."""

    received: list = []

    def do_PUT(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append(
            (
                self.path,
                self.headers["Authorization"],
                self.headers["X-Experience-API-Version"],
                json.loads(body),
            )
        )
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def lrs(settings):
    port = free_port(25000)
    server = ThreadingHTTPServer(("127.0.0.1", port), _LRS)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _LRS.received = []
    settings.XAPI_FORWARD_URL = f"http://127.0.0.1:{port}/xapi/"
    settings.XAPI_FORWARD_USERNAME = "lms"
    settings.XAPI_FORWARD_PASSWORD = "s3cret"
    yield _LRS.received
    server.shutdown()
    server.server_close()


def test_with_an_lrs_set_each_statement_is_forwarded_once(
    launched, lrs, django_capture_on_commit_callbacks
):
    token = _token(launched)
    with django_capture_on_commit_callbacks(execute=True):
        _xapi(
            launched,
            "post",
            "statements",
            token=token,
            body=_statement(launched, "completed"),
        )
    record = XapiStatement.objects.get()
    assert record.forwarded_at is not None
    (path, auth, version, statement) = lrs[0]
    assert path == f"/xapi/statements?statementId={record.statement_id}"
    assert auth == "Basic " + base64.b64encode(b"lms:s3cret").decode()
    assert version == "1.0.3"
    assert statement["verb"]["id"] == VERB + "completed"
    assert len(lrs) == 1


def test_without_an_lrs_nothing_is_forwarded(launched, settings):
    settings.XAPI_FORWARD_URL = ""
    token = _token(launched)
    _xapi(
        launched,
        "post",
        "statements",
        token=token,
        body=_statement(launched, "completed"),
    )
    assert XapiStatement.objects.get().forwarded_at is None


def test_statements_the_lrs_missed_are_sent_by_the_command(launched, settings, lrs):
    from django.core.management import call_command

    token = _token(launched)
    forward_to = settings.XAPI_FORWARD_URL
    settings.XAPI_FORWARD_URL = "http://127.0.0.1:1/xapi/"  # the LRS is down
    _xapi(
        launched,
        "post",
        "statements",
        token=token,
        body=_statement(launched, "completed"),
    )
    settings.XAPI_FORWARD_URL = forward_to
    assert XapiStatement.objects.get().forwarded_at is None
    out = io.StringIO()
    call_command("forward_xapi_statements", stdout=out)
    assert "Tried 1 statements; 0 still not forwarded." in out.getvalue()
    assert len(lrs) == 1
