"""Builders for the suspension tests: one valid suspension, changed by keyword.

The student is the default boy of :mod:`tests.unit.rules.rule_builders` (born on
1 May 2010, grade 3 at school 2162000001 of Linxia County, 622921); the audit is as of
20 March 2019 in Linxia unless a test says otherwise. By default he is suspended on
health grounds, approved by the county education bureau on 20 February 2019, from
Monday 25 February to Sunday 30 June 2019, not extended and not yet returned: a lawful
suspension running on the audit date. :func:`ended` is one that ended on Monday
4 March 2019, whose return was due by Tuesday 19 March, the day before the audit date.
A test changes only what its case is about.

This module is not a ``conftest.py`` (see ``tests/unit/rules/rule_builders.py``).
"""

from __future__ import annotations

import datetime as dt

from dropout_control.findings import SourceLocation
from dropout_control.identity import StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.policy import Layer, Policy, resolve_policy
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.suspensions import Suspension
from tests.unit.rules.rule_builders import AS_OF, LINXIA, student

__all__ = [
    "BOY_NUMBER",
    "GRADUATE_NUMBER",
    "POLICY",
    "ended",
    "grace_days_layer",
    "graduating",
    "suspended_student",
    "suspension",
]

BOY_NUMBER = student().student_number
"""The default boy's student number (his G number)."""
POLICY: Policy = resolve_policy(LINXIA, on=AS_OF)
"""The Linxia policy on the audit date: the national suspension rules show through."""


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
    extensions: int = 0,
    returned_on: dt.date | None = None,
) -> Suspension:
    """A suspension (休学), read from ``suspensions.csv`` at ``line``."""
    return Suspension(
        suspension_id=suspension_id,
        student_number=student_number,
        start=start,
        end=end,
        grounds=grounds,
        approved_by=approved_by,
        approved_on=approved_on,
        extensions=extensions,
        returned_on=returned_on,
        source=SourceLocation("suspensions.csv", line),
    )


def ended(
    *,
    line: int = 2,
    suspension_id: str = "XX2018-0007",
    start: dt.date = dt.date(2018, 9, 3),
    end: dt.date = dt.date(2019, 3, 4),
    returned_on: dt.date | None = None,
) -> Suspension:
    """A suspension from Monday 3 September 2018 to Monday 4 March 2019.

    The boy was due back on Tuesday 5 March; with the national 14 grace days a return
    was on time up to Tuesday 19 March, the day before the audit date.
    """
    return suspension(
        line=line,
        suspension_id=suspension_id,
        start=start,
        end=end,
        approved_on=start - dt.timedelta(days=7),
        returned_on=returned_on,
    )


def suspended_student(
    *,
    line: int = 2,
    status: RecordStatus = RecordStatus.SUSPENDED,
    status_since: dt.date | None = dt.date(2018, 9, 3),
    school_id: str = "2162000001",
) -> StudentRecord:
    """The default boy's record, suspended since 3 September 2018 by default."""
    return student(line=line, status=status, status_since=status_since, school_id=school_id)


def graduating(
    *,
    line: int = 2,
    grade: int = 9,
    status: RecordStatus = RecordStatus.ACTIVE,
    status_since: dt.date | None = None,
    school_id: str = "2162000001",
) -> StudentRecord:
    """A boy of the graduating grade 9 on the audit date, born on 1 May 2004 and in
    school since 1 September 2010; ``grade`` moves him (6 is the last primary grade).
    His student number is :data:`GRADUATE_NUMBER`."""
    return student(
        line=line,
        birth_date=dt.date(2004, 5, 1),
        entry_date=dt.date(2010, 9, 1),
        grade=grade,
        status=status,
        status_since=status_since,
        school_id=school_id,
    )


GRADUATE_NUMBER = graduating().student_number
"""The student number of the boy of :func:`graduating`."""


def grace_days_layer(days: int, *, since: str = "2018-01-01") -> Layer:
    """Linxia County's own layer setting ``suspension.return_grace_days`` to ``days``."""
    return Layer.from_mapping(
        {
            "jurisdiction": "622921",
            "name": "临夏县 (Linxia County)",
            "parameters": {
                "suspension.return_grace_days": {
                    "values": [
                        {
                            "since": since,
                            "value": days,
                            "mark": "C",
                            "source": "Linxia County registration notice 2018",
                        }
                    ]
                }
            },
        }
    )
