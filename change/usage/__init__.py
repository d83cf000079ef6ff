"""Adoption data in: who used an initiative's new tool on which day.

Usage arrives two ways, checked by the same rules (`check`) and written by the
same service (`apply`): a CSV file uploaded in the admin (`upload`: upload,
preview, confirm) and items posted by another system with a bearer token
(`api`, tokens in `tokens`). Nothing is written unless every entry is good,
and the same data sent again changes nothing. docs/change.md, "Adoption data".
"""

from .apply import (
    BATCH_SIZE,
    MAX_CHANGES,
    MAX_PROBLEMS,
    UsageChange,
    UsageFileError,
    UsageResult,
    usage_import,
    usage_post,
)
from .check import MAX_AGE_DAYS, UsageProblem

__all__ = [
    "BATCH_SIZE",
    "MAX_AGE_DAYS",
    "MAX_CHANGES",
    "MAX_PROBLEMS",
    "UsageChange",
    "UsageFileError",
    "UsageProblem",
    "UsageResult",
    "usage_import",
    "usage_post",
]
