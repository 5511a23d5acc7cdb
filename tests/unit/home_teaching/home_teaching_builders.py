"""Builders for the home-teaching tests: a home-taught boy and his visits.

The boy is the default boy of :mod:`tests.unit.rules.rule_builders` (born on 1 May
2010, grade 3 at school 2162000001 of Linxia County); the audit is as of Wednesday
20 March 2019 in Linxia. By default his record says home teaching (送教上门) and the
expert committee assessed him on 15 June 2018. From Saturday 1 September 2018 to the
audit date there are 115 school days of the year's 191 (working days less the winter
vacation, 20 January to 20 February), so 216 periods a year pro rata make 130 periods
due. :func:`weekly_visits` visits him on Tuesdays from 4 September 2018.
A test changes only what its case is about.
"""

from __future__ import annotations

import datetime as dt

import attrs

from dropout_control.calendar import YearMonth
from dropout_control.findings import SourceLocation
from dropout_control.home_teaching import HomeTeachingVisit
from dropout_control.identity import StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.reconciliation.model import Excuse, HeadcountEntry
from dropout_control.registry.model import RecordStatus, StudentRecord, StudyMode
from tests.unit.rules.rule_builders import student

__all__ = ["BOY_NUMBER", "excused_at", "home_taught", "visit", "weekly_visits"]

BOY_NUMBER = student().student_number
ASSESSED = dt.date(2018, 6, 15)
FIRST_TUESDAY = dt.date(2018, 9, 4)


def home_taught(
    *,
    status: RecordStatus = RecordStatus.ACTIVE,
    school_id: str = "2162000001",
    expert_assessed_on: dt.date | None = ASSESSED,
    entry_date: dt.date = dt.date(2016, 9, 1),
    sequence: int = 3,
    line: int = 2,
) -> StudentRecord:
    """The boy's record, taught at home, at ``students.csv`` line ``line`` (another
    child's with another ``sequence``)."""
    record = student(
        sequence=sequence,
        status=status,
        school_id=school_id,
        study_mode=StudyMode.HOME_TEACHING,
        entry_date=entry_date,
        line=line,
    )
    return attrs.evolve(record, expert_assessed_on=expert_assessed_on)


def visit(
    on: dt.date = FIRST_TUESDAY,
    *,
    periods: int = 3,
    school_id: str | None = None,
    line: int = 2,
    student_number: StudentNumber | MalformedNumber = BOY_NUMBER,
) -> HomeTeachingVisit:
    """One visit to the boy (or to ``student_number``), from ``home_teaching.csv`` at
    ``line``."""
    return HomeTeachingVisit(
        student_number=student_number,
        on=on,
        periods=periods,
        teacher="马老师",
        school_id=school_id,
        source=SourceLocation("home_teaching.csv", line),
    )


def weekly_visits(
    count: int, *, periods: int = 5, first: dt.date = FIRST_TUESDAY
) -> list[HomeTeachingVisit]:
    """``count`` visits of ``periods`` periods, a week apart from ``first`` (lines 2 on)."""
    return [
        visit(first + dt.timedelta(weeks=week), periods=periods, line=2 + week)
        for week in range(count)
    ]


MARCH_2019 = YearMonth(2019, 3)


def excused_at(school_id: str, *, month: YearMonth = MARCH_2019) -> HeadcountEntry:
    """A row of ``school_id``'s headcount excusing the boy for home teaching."""
    return HeadcountEntry(
        month=month,
        school_id=school_id,
        present=False,
        student_number=BOY_NUMBER.reveal(),
        excuse=Excuse.HOME_TEACHING,
        source=SourceLocation("headcounts.csv", 2),
    )
