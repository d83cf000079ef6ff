"""Certificate designs (edited in the CMS), issued certificates and their history.

An issued certificate is a record of fact: who completed what, when, and on
which terms. It is never edited after issue; revocation and supersession only
add to it, and every change is written to the append-only `CertificateEvent`.
"""

from .certificates import EXPIRING_SOON_DAYS, Certificate, CertificateEvent
from .designs import (
    HEX_COLOUR,
    PLACEHOLDER_RE,
    PLACEHOLDERS,
    CertificateDesign,
    CertificateDesignAssignment,
    validate_placeholders,
)
from .jobs import BulkCertificateJob

__all__ = [
    "EXPIRING_SOON_DAYS",
    "HEX_COLOUR",
    "PLACEHOLDERS",
    "PLACEHOLDER_RE",
    "BulkCertificateJob",
    "Certificate",
    "CertificateDesign",
    "CertificateDesignAssignment",
    "CertificateEvent",
    "validate_placeholders",
]
