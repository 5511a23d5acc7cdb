"""Household-registration age corrections (户籍年龄纠正): records, evidence, the new ID
number, the lunar hint and a child's standing before and after."""

from dropout_control.age_corrections.derivation import (
    lunar_hint,
    new_resident_id,
    prevailing_evidence,
)
from dropout_control.age_corrections.model import (
    AgeCorrection,
    BirthCalendar,
    CorrectionEvidence,
    EvidenceKind,
)
from dropout_control.age_corrections.standing import (
    CorrectionEffect,
    Standing,
    correction_effect,
    standing_on,
)

__all__ = [
    "AgeCorrection",
    "BirthCalendar",
    "CorrectionEffect",
    "CorrectionEvidence",
    "EvidenceKind",
    "Standing",
    "correction_effect",
    "lunar_hint",
    "new_resident_id",
    "prevailing_evidence",
    "standing_on",
]
