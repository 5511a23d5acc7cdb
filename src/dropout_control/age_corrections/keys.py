"""Policy keys of household-registration age corrections (户籍年龄纠正).

Each constant is the key of a dated, sourced parameter of the policy book (see the
parameters page of the docs for its values, sources and marks). Rules and look-ups name
parameters by these constants, never by a string written out again.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "AGE_CORRECTION_APPROVER",
    "AGE_CORRECTION_BIRTH_CERTIFICATE_REQUIRED_FROM",
    "AGE_CORRECTION_MAX_PER_PERSON",
    "AGE_CORRECTION_PREVAILING_EVIDENCE",
]

AGE_CORRECTION_PREVAILING_EVIDENCE: Final = "age_correction.prevailing_evidence"
AGE_CORRECTION_APPROVER: Final = "age_correction.approver"
AGE_CORRECTION_MAX_PER_PERSON: Final = "age_correction.max_per_person"
AGE_CORRECTION_BIRTH_CERTIFICATE_REQUIRED_FROM: Final = (
    "age_correction.birth_certificate_required_from"
)
