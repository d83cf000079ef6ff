"""Fixtures shared by the project package's tests."""

import pytest


@pytest.fixture
def production_env() -> dict[str, str]:
    """The variables production settings need to start (a fresh copy per test)."""
    return {
        "SECRET_KEY": "x" * 20
        + "-production-grade-secret-key-for-the-test-only-0123456789",
        "ALLOWED_HOSTS": "learning.city.example",
        "DATABASE_URL": "sqlite:////tmp/training-tracker-deploy-check.sqlite3",
    }
