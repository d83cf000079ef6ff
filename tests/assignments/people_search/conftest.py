"""The course the person-search tests assign."""

import pytest

from tests.courses.factories import make_course


@pytest.fixture
def course(db):
    return make_course(title="Working with open data", modules=1)
