"""Look-ups of home teaching that rules, whereabouts and other packages use."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from dropout_control.home_teaching.kinds import HOME_TAUGHT_AT, VISITS_BY_STUDENT
from dropout_control.reasons import Stated, reason
from dropout_control.registry.queries import student_records_numbered

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle
    from dropout_control.findings import SourceLocation
    from dropout_control.home_teaching.model import HomeTeachingVisit

__all__ = ["TeachingSchool", "teaching_school", "visits_between", "visits_of"]

NAMED_BY_VISIT = reason(
    "HT.SCHOOL_NAMED_BY_VISIT", "送教记录所载送教学校", "the school named on the visits"
)
EXCUSED_BY_HEADCOUNT = reason(
    "HT.SCHOOL_EXCUSES_IN_HEADCOUNT",
    "在校名单以送教上门为由记该生缺席的学校",
    "the school whose headcount excuses the child for home teaching",
)
RECORD_SAYS_HOME_TEACHING = reason(
    "HT.SCHOOL_OF_HOME_TEACHING_RECORD",
    "就读方式为送教上门的学籍所在学校",
    "the school of the record whose study mode is home teaching",
)


def visits_of(bundle: Bundle, student_number: str) -> tuple[HomeTeachingVisit, ...]:
    """Every home-teaching visit of this student number (as written), in date order."""
    return bundle.index(VISITS_BY_STUDENT).get(student_number, ())


def visits_between(
    bundle: Bundle, student_number: str, start: dt.date, end: dt.date
) -> tuple[HomeTeachingVisit, ...]:
    """The visits of this student number from ``start`` to ``end``, both included."""
    return tuple(visit for visit in visits_of(bundle, student_number) if start <= visit.on <= end)


@attrs.frozen
class TeachingSchool:
    """The school that teaches a home-taught child, and how it is known (``how``)."""

    school_id: str
    how: Stated
    source: SourceLocation | None = None


def teaching_school(
    bundle: Bundle, student_number: str, visits: tuple[HomeTeachingVisit, ...]
) -> TeachingSchool | None:
    """The school that teaches this child at home, or ``None`` when nothing says.

    The national form of a visit names no school, so the school is taken, in this
    order, from: the ``school_id`` of the latest of ``visits`` that has one; a school
    whose latest headcount excuses the child for home teaching (``excuse`` =
    ``home_teaching``); the school of the child's record whose study mode is home
    teaching (an open one first).
    """
    for visit in reversed(visits):
        if visit.school_id is not None:
            return TeachingSchool(visit.school_id, NAMED_BY_VISIT.given(), visit.source)
    records = list(student_records_numbered(bundle, student_number))
    excused_at = bundle.index(HOME_TAUGHT_AT)
    people = [student_number]
    people += [r.resident_id.reveal() for r in records if r.resident_id is not None]
    for person in people:
        excused = excused_at.get(person)
        if excused:
            entry = excused[0]
            return TeachingSchool(entry.school_id, EXCUSED_BY_HEADCOUNT.given(), entry.source)
    records = [record for record in records if record.is_home_taught]
    records.sort(key=lambda record: not record.is_open)
    if records:
        record = records[0]
        return TeachingSchool(record.school_id, RECORD_SAYS_HOME_TEACHING.given(), record.source)
    return None
