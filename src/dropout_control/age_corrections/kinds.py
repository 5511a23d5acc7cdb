"""The ``age_corrections`` and ``evidence`` kinds: household-registration age corrections
(户籍年龄纠正) and the documents shown for them.

Declared once here and registered in :data:`~dropout_control.kinds.KINDS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from dropout_control.age_corrections.model import AgeCorrection, CorrectionEvidence
from dropout_control.identity import ResidentId
from dropout_control.kinds import KINDS, Index, Place, RecordKind, grouped
from dropout_control.reasons import Stated, reason
from dropout_control.registry.kinds import county_code

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle

__all__ = [
    "AGE_CORRECTIONS",
    "CORRECTIONS_BY_NEW_ID",
    "CORRECTIONS_BY_OLD_ID",
    "EVIDENCE",
    "EVIDENCE_BY_CORRECTION",
]


def _old(correction: AgeCorrection) -> str:
    return correction.old_key


def _new(correction: AgeCorrection) -> str:
    return correction.new_key


def _correction_of(evidence: CorrectionEvidence) -> str:
    return evidence.correction_id


CORRECTIONS_BY_OLD_ID: Final[Index[AgeCorrection, Mapping[str, tuple[AgeCorrection, ...]]]] = Index(
    "age_corrections", "by_old_id", grouped(_old)
)
"""Corrections by the old resident ID number as written."""

CORRECTIONS_BY_NEW_ID: Final[Index[AgeCorrection, Mapping[str, tuple[AgeCorrection, ...]]]] = Index(
    "age_corrections", "by_new_id", grouped(_new)
)
"""Corrections by the new resident ID number as written."""

EVIDENCE_BY_CORRECTION: Final[
    Index[CorrectionEvidence, Mapping[str, tuple[CorrectionEvidence, ...]]]
] = Index("evidence", "by_correction", grouped(_correction_of))
"""CorrectionEvidence by correction ID."""


def _people(correction: AgeCorrection) -> tuple[str | None, ...]:
    return (correction.old_key, correction.new_key)


def _place(correction: AgeCorrection, _bundle: Bundle) -> Place:
    for number in (correction.new_resident_id, correction.old_resident_id):
        if isinstance(number, ResidentId):
            return Place(None, county_code(number.region_code))
    return Place()


CORRECTED: Final = reason(
    "EVIDENCE.AGE_CORRECTED",
    "户籍年龄纠正 {correction_id}：{approved_on} 批准，出生日期改变 {years} 周岁",
    "household age correction {correction_id}, approved {approved_on}, "
    "birth date moved by {years} years",
)
CORRECTION_PENDING: Final = reason(
    "EVIDENCE.AGE_CORRECTION_UNAPPROVED",
    "户籍年龄纠正 {correction_id}：未记录批准日期",
    "household age correction {correction_id}, no approval date recorded",
)


def _evidence(correction: AgeCorrection, _as_of: dt.date, _bundle: Bundle) -> Stated:
    if correction.approved_on is None:
        return CORRECTION_PENDING.given(correction_id=correction.correction_id)
    return CORRECTED.given(
        correction_id=correction.correction_id,
        approved_on=correction.approved_on,
        years=correction.years_older,
    )


AGE_CORRECTIONS: Final = KINDS.add(
    RecordKind(
        "age_corrections",
        AgeCorrection,
        unique_key=("correction_id",),
        aliases={
            "correction_id": ("纠正编号", "更正编号", "户籍年龄纠正编号"),
            "old_resident_id": ("原身份证件号", "原公民身份号码", "原身份证号"),
            "new_resident_id": ("新身份证件号", "新公民身份号码", "新身份证号"),
            "old_birth_date": ("原出生日期", "纠正前出生日期"),
            "new_birth_date": ("新出生日期", "纠正后出生日期"),
            "approved_by": ("批准机关", "审批机关"),
            "approved_on": ("批准日期", "审批日期"),
        },
        indexes=(CORRECTIONS_BY_OLD_ID, CORRECTIONS_BY_NEW_ID),
        place=_place,
        people=_people,
        evidence=_evidence,
        plant="dropout_control.strategies.records:age_corrections",
        title=("户籍年龄纠正", "household-registration age corrections"),
    )
)
"""Household-registration age corrections, one per correction ID."""

EVIDENCE: Final = KINDS.add(
    RecordKind(
        "evidence",
        CorrectionEvidence,
        aliases={
            "correction_id": ("纠正编号", "更正编号", "户籍年龄纠正编号"),
            "kind": ("证明材料类型", "材料类型", "证明材料"),
            "birth_date_shown": ("材料所载出生日期", "证明出生日期"),
            "calendar": ("历法",),
        },
        indexes=(EVIDENCE_BY_CORRECTION,),
        references={"correction_id": "age_corrections"},
        plant="dropout_control.strategies.records:evidence",
        title=("年龄纠正证明材料", "evidence shown for age corrections"),
    )
)
"""The documents shown for age corrections and the birth dates they show."""
