"""Builders for the transfer tests: one valid transfer or suspension, changed by keyword.

The student is the default boy of :mod:`tests.unit.rules.rule_builders` (born on
1 May 2010, grade 3 at school 2162000001 of Linxia County). By default he moves to
school 2162000002: applied for on Monday 4 March 2019 and approved in turn on 5, 7, 11
and 13 March (each party well within its ten working days), completed on 13 March, a
week before the audit date of 20 March 2019. :func:`pending` is the same application
with no approval yet. A test changes only what its case is about.

This module is not a ``conftest.py`` (see ``tests/unit/rules/rule_builders.py``).
"""

from __future__ import annotations

import datetime as dt

from dropout_control.findings import SourceLocation
from dropout_control.identity import StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.policy import Policy, resolve_policy
from dropout_control.suspensions.model import Suspension
from dropout_control.transfers import Transfer, TransferStatus
from tests.unit.rules.rule_builders import AS_OF, LINXIA, SCHOOL, student

__all__ = [
    "APPLIED_ON",
    "BOY_NUMBER",
    "OTHER_SCHOOL",
    "POLICY",
    "pending",
    "suspension",
    "transfer",
]

OTHER_SCHOOL = "2162000002"
"""The receiving school of the default transfer."""
BOY_NUMBER = student().student_number
"""The default boy's student number (his G number)."""
APPLIED_ON = dt.date(2019, 3, 4)
"""Monday 4 March 2019: the default application date."""
POLICY: Policy = resolve_policy(LINXIA, on=AS_OF)
"""The Linxia policy on the audit date (ten working days a party, the usual order)."""


def transfer(
    *,
    line: int = 2,
    transfer_id: str = "ZX2019-0001",
    student_number: StudentNumber | MalformedNumber = BOY_NUMBER,
    from_school: str = SCHOOL,
    to_school: str | None = OTHER_SCHOOL,
    applied_on: dt.date = APPLIED_ON,
    grade_before: int = 3,
    grade_after: int | None = None,
    status: TransferStatus = TransferStatus.COMPLETED,
    receiving_school_on: dt.date | None = dt.date(2019, 3, 5),
    receiving_bureau_on: dt.date | None = dt.date(2019, 3, 7),
    sending_school_on: dt.date | None = dt.date(2019, 3, 11),
    sending_bureau_on: dt.date | None = dt.date(2019, 3, 13),
    completed_on: dt.date | None = dt.date(2019, 3, 13),
) -> Transfer:
    """A transfer (转学), read from ``transfers.csv`` at ``line``: completed by default."""
    return Transfer(
        transfer_id=transfer_id,
        student_number=student_number,
        from_school=from_school,
        to_school=to_school,
        applied_on=applied_on,
        grade_before=grade_before,
        grade_after=grade_after,
        status=status,
        receiving_school_on=receiving_school_on,
        receiving_bureau_on=receiving_bureau_on,
        sending_school_on=sending_school_on,
        sending_bureau_on=sending_bureau_on,
        completed_on=completed_on,
        source=SourceLocation("transfers.csv", line),
    )


def pending(
    *,
    line: int = 2,
    applied_on: dt.date = APPLIED_ON,
    grade_before: int = 3,
    to_school: str | None = OTHER_SCHOOL,
    receiving_school_on: dt.date | None = None,
    receiving_bureau_on: dt.date | None = None,
    sending_school_on: dt.date | None = None,
    sending_bureau_on: dt.date | None = None,
) -> Transfer:
    """A pending transfer (审核中): by default applied for and approved by no one yet."""
    return transfer(
        line=line,
        applied_on=applied_on,
        grade_before=grade_before,
        to_school=to_school,
        status=TransferStatus.PENDING,
        receiving_school_on=receiving_school_on,
        receiving_bureau_on=receiving_bureau_on,
        sending_school_on=sending_school_on,
        sending_bureau_on=sending_bureau_on,
        completed_on=None,
    )


def suspension(
    *,
    line: int = 2,
    suspension_id: str = "XX2019-0001",
    student_number: StudentNumber | MalformedNumber = BOY_NUMBER,
    start: dt.date = dt.date(2019, 2, 25),
    end: dt.date = dt.date(2019, 6, 30),
    grounds: str = "health",
    approved_by: str = "county_education_bureau",
    approved_on: dt.date = dt.date(2019, 2, 20),
    returned_on: dt.date | None = None,
) -> Suspension:
    """A suspension (休学), from ``suspensions.csv``: by default on health grounds from
    25 February to 30 June 2019, approved by the county education bureau."""
    return Suspension(
        suspension_id=suspension_id,
        student_number=student_number,
        start=start,
        end=end,
        grounds=grounds,
        approved_by=approved_by,
        approved_on=approved_on,
        returned_on=returned_on,
        source=SourceLocation("suspensions.csv", line),
    )
