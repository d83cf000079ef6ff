"""Fixtures shared by the mandatory-training tests."""

import pytest

from tests.conftest import LOGIN


@pytest.fixture
def check():
    """Assert a response is what a persona should get: a status code, or LOGIN."""

    def check(response, expected, label):
        if expected == LOGIN:
            assert response.status_code == 302, label
            assert response["Location"].startswith("/accounts/login/"), label
        else:
            assert response.status_code == expected, (label, response.status_code)

    return check
