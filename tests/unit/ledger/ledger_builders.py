"""Builders of ledger records for the DO rules' tests.

The student is the boy of :mod:`tests.unit.rules.rule_builders` (born 1 May 2010, grade
3 at school 2162000001 in Linxia County 622921); his case is ``C2019-001`` of
``cases.csv`` line 2. Audits run in Linxia on Wednesday 20 March 2019 unless a test
says otherwise.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dropout_control.bundle import Bundle
from dropout_control.calendar.year_month import YearMonth
from dropout_control.findings import Report, SourceLocation
from dropout_control.ledger import Absence, Attempt, AttemptOutcome, Case
from dropout_control.reconciliation.model import HeadcountEntry
from dropout_control.registry.model import StudentRecord
from tests.unit.rules.rule_builders import AS_OF, SCHOOL, audit_bundle, student

__all__ = ["absence", "attempt", "audit_with_ledger", "case", "headcount", "key_of"]

LEDGER_KINDS = ("cases", "attempts", "absences")


def key_of(record: StudentRecord) -> str:
    return record.key


def case(
    *,
    line: int = 2,
    case_id: str = "C2019-001",
    opened_on: dt.date = dt.date(2019, 3, 1),
    of: StudentRecord | None = None,
    **fields: Any,
) -> Case:
    """A case of the boy's (or ``of``'s) student number, opened on 1 March 2019."""
    record = of or student()
    return Case(
        case_id=case_id,
        opened_on=opened_on,
        student_number=record.key,
        source=SourceLocation("cases.csv", line),
        **fields,
    )


def attempt(
    on: dt.date,
    *,
    line: int = 2,
    case_id: str = "C2019-001",
    outcome: AttemptOutcome = AttemptOutcome.FAILED,
) -> Attempt:
    """A persuasion attempt by the class teacher."""
    return Attempt(case_id, on, "班主任", outcome, source=SourceLocation("attempts.csv", line))


def absence(
    start: dt.date, end: dt.date, school_days: int, *, excused: bool = False, line: int = 2
) -> Absence:
    """An absence of the boy."""
    return Absence(
        student().key, start, end, school_days, excused, source=SourceLocation("absences.csv", line)
    )


MARCH_2019 = YearMonth(2019, 3)


def headcount(
    record: StudentRecord, *, present: bool, month: YearMonth = MARCH_2019
) -> HeadcountEntry:
    """The record's row in its school's headcount of March 2019."""
    return HeadcountEntry(
        month=month,
        school_id=SCHOOL,
        present=present,
        student_number=record.key,
        source=SourceLocation("headcounts.csv", 2),
    )


def audit_with_ledger(*records: object, as_of: dt.date = AS_OF) -> Report:
    """The audit of these records with the students file and the ledger's kinds read
    (empty files where none)."""
    bundle = Bundle.from_records(records)
    bundle = bundle.evolve(kinds={*bundle.kinds, *LEDGER_KINDS, "students"})
    return audit_bundle(bundle, as_of=as_of)
