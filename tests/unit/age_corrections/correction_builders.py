"""Builders for the age-correction tests: one valid correction and one document, changed
by keyword.

The default correction is of the boy of the rule builders (Linxia County 622921, born
1 May 2010 by his old number): on 8 October 2018 the city public security bureau moved
his birth date to 1 May 2008, so his new number keeps region 622921 and sequence 003
and carries 20080501. It is ``age_corrections.csv`` line 2; its birth certificate is
``evidence.csv`` line 2.
"""

from __future__ import annotations

import datetime as dt

from dropout_control.age_corrections import (
    AgeCorrection,
    BirthCalendar,
    CorrectionEvidence,
    EvidenceKind,
)
from dropout_control.findings import SourceLocation
from dropout_control.identity import ResidentId
from dropout_control.identity.malformed import MalformedNumber
from tests.unit.rules.rule_builders import BORN, COUNTY

__all__ = ["APPROVED", "NEW_BORN", "NEW_ID", "OLD_ID", "correction", "evidence"]

NEW_BORN = dt.date(2008, 5, 1)
APPROVED = dt.date(2018, 10, 8)
OLD_ID = ResidentId.from_parts(COUNTY, BORN, 3)
NEW_ID = ResidentId.from_parts(COUNTY, NEW_BORN, 3)


def correction(
    *,
    line: int = 2,
    correction_id: str = "AC0001",
    old_resident_id: ResidentId | MalformedNumber = OLD_ID,
    new_resident_id: ResidentId | MalformedNumber = NEW_ID,
    old_birth_date: dt.date = BORN,
    new_birth_date: dt.date = NEW_BORN,
    approved_by: str | None = "city_public_security_bureau",
    approved_on: dt.date | None = APPROVED,
) -> AgeCorrection:
    """A correction, valid and lawful unless the test says otherwise."""
    return AgeCorrection(
        correction_id=correction_id,
        old_resident_id=old_resident_id,
        new_resident_id=new_resident_id,
        old_birth_date=old_birth_date,
        new_birth_date=new_birth_date,
        approved_by=approved_by,
        approved_on=approved_on,
        source=SourceLocation("age_corrections.csv", line),
    )


def evidence(
    *,
    line: int = 2,
    correction_id: str = "AC0001",
    kind: EvidenceKind = EvidenceKind.BIRTH_CERTIFICATE,
    birth_date_shown: str = "2008-05-01",
    calendar: BirthCalendar = BirthCalendar.GREGORIAN,
) -> CorrectionEvidence:
    """A document of the default correction showing its new birth date."""
    return CorrectionEvidence(
        correction_id=correction_id,
        kind=kind,
        birth_date_shown=birth_date_shown,
        calendar=calendar,
        source=SourceLocation("evidence.csv", line),
    )
