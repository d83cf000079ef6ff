"""Uploads above a page's limit are refused with 413 before the body is read.

The test client's body is a few bytes while the declared length is megabytes:
had anything tried to read the body (the CSRF check, the form), the fake input
would have refused, and the test would fail with an error, not a 413.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

import pytest

from lib.request_limits import megabytes

MB = 1024 * 1024

pytestmark = pytest.mark.django_db


def _declared(client, url, size, **headers):
    """POST a tiny body that says it is `size` bytes long."""
    return client.generic(
        "POST",
        url,
        b"x",
        content_type="multipart/form-data; boundary=BoUnDaRy",
        CONTENT_LENGTH=str(size),
        **headers,
    )


def test_a_roster_over_20_mb_is_refused_unread_with_the_limit_in_words(
    ld_admin, client
):
    client.force_login(ld_admin)
    response = _declared(client, reverse("roster_upload:index"), 50 * MB)
    assert response.status_code == 413
    assert "That upload is too large" in response.text
    assert "files of up to 20 MB, and yours was 50 MB" in response.text
    assert "Nothing was saved" in response.text


def test_pages_without_their_own_limit_take_max_request_bytes(ld_admin, client):
    client.force_login(ld_admin)
    url = reverse("wagtailimages:add")
    with override_settings(MAX_REQUEST_BYTES=1 * MB):
        assert _declared(client, url, 2 * MB).status_code == 413
    assert _declared(client, url, 13 * MB).status_code == 413


def test_anyone_gets_the_413_page_and_json_clients_get_json(client):
    response = _declared(client, "/verify/", 100 * MB)
    assert response.status_code == 413
    as_json = _declared(client, "/verify/", 100 * MB, HTTP_ACCEPT="application/json")
    assert as_json.status_code == 413
    assert "too large" in as_json.json()["error"]


def test_a_file_over_the_limit_inside_a_small_enough_body_is_a_form_error(
    ld_admin, client, settings
):
    # The body limit leaves room for the form around the file; the file
    # itself is held to the limit by the import page.
    client.force_login(ld_admin)
    from people.roster.upload import RosterUploadView

    limit = RosterUploadView.max_upload_bytes
    big = SimpleUploadedFile("roster.csv", b"a" * (limit + 10), "text/csv")
    response = client.post(reverse("roster_upload:index"), {"file": big})
    assert response.status_code == 200
    assert "The file is larger than 20 MB" in response.text


def test_sizes_read_as_people_say_them():
    assert megabytes(20 * MB) == "20 MB"
    assert megabytes(int(2.5 * MB)) == "2.5 MB"
    assert megabytes(1 * MB) == "1 MB"
    assert megabytes(int(50.4 * MB)) == "50 MB"
