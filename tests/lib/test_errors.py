import pytest

from certificates.rendering.fetcher import FetchRefused
from certificates.services import CertificateError
from courses.services import CourseError
from lib.errors import DomainError
from skills.services import SkillsError


@pytest.mark.parametrize(
    "error_class", [CourseError, SkillsError, CertificateError, FetchRefused]
)
def test_every_domain_error_carries_its_message_and_code(error_class):
    error = error_class("Not now.", code="not_now")
    assert isinstance(error, DomainError)
    assert (str(error), error.message, error.code) == (
        "Not now.",
        "Not now.",
        "not_now",
    )


def test_the_code_is_keyword_only():
    with pytest.raises(TypeError):
        DomainError("Not now.", "not_now")
