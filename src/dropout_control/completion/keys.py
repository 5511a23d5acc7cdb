"""Policy keys of certificates and completion (毕业证书、义务教育完成证书、巩固率).

Each constant is the key of a dated, sourced parameter of the policy book (see the
parameters page of the docs for its values, sources and marks). Rules and look-ups name
parameters by these constants, never by a string written out again.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "CERTIFICATE_COMPLETION_MIN_AGE",
    "CERTIFICATE_COMPLETION_MIN_YEARS_ON_ROLL",
    "CERTIFICATE_ISSUE_FROM",
    "RETENTION_TARGET",
]

CERTIFICATE_ISSUE_FROM: Final = "certificate.issue_from"
CERTIFICATE_COMPLETION_MIN_YEARS_ON_ROLL: Final = "certificate.completion_min_years_on_roll"
CERTIFICATE_COMPLETION_MIN_AGE: Final = "certificate.completion_min_age"
RETENTION_TARGET: Final = "retention.target"
