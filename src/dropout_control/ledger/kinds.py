"""The ``cases``, ``attempts`` and ``absences`` kinds: the dropout ledger (控辍保学台账),
its persuasion attempts (劝返记录) and students' absences (缺勤).

Declared once here and registered in :data:`~dropout_control.kinds.KINDS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from dropout_control import columns
from dropout_control.kinds import KINDS, Index, Place, RecordKind, grouped
from dropout_control.ledger.model import Absence, Attempt, Case
from dropout_control.reasons import Stated, reason
from dropout_control.registry.kinds import STUDENTS_BY_NUMBER, STUDENTS_BY_RESIDENT_ID, county_code
from dropout_control.registry.model import StudentRecord

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle

__all__ = [
    "ABSENCES",
    "ABSENCES_BY_STUDENT",
    "ATTEMPTS",
    "ATTEMPTS_BY_CASE",
    "CASES",
    "CASES_BY_PERSON",
]


def _case_people(case: Case) -> tuple[str | None, ...]:
    return case.people


def _by_person(cases: object) -> Mapping[str, tuple[Case, ...]]:
    groups: dict[str, list[Case]] = {}
    for case in cases:  # type: ignore[attr-defined]
        for number in case.people:
            groups.setdefault(number, []).append(case)
    return {number: tuple(group) for number, group in groups.items()}


CASES_BY_PERSON: Final[Index[Case, Mapping[str, tuple[Case, ...]]]] = Index(
    "cases", "by_person", _by_person
)
"""Cases by each number that names the child (resident ID, student number), as written."""

ATTEMPTS_BY_CASE: Final[Index[Attempt, Mapping[str, tuple[Attempt, ...]]]] = Index(
    "attempts", "by_case", grouped(lambda attempt: attempt.case_id)
)
"""Persuasion attempts by case ID."""

ABSENCES_BY_STUDENT: Final[Index[Absence, Mapping[str, tuple[Absence, ...]]]] = Index(
    "absences", "by_student", grouped(lambda absence: absence.student_number)
)
"""Absences by student number as written."""


def _case_place(case: Case, bundle: Bundle) -> Place:
    """The school of the child's record (by student number, else resident ID), and the
    county of that record, else of the resident ID's region."""
    records: tuple[StudentRecord, ...] = ()
    if case.student_number:
        records = bundle.index(STUDENTS_BY_NUMBER).get(case.student_number, ())
    if not records and case.resident_id:
        records = bundle.index(STUDENTS_BY_RESIDENT_ID).get(case.resident_id, ())
    if records:
        record = records[-1]
        county = record.county
        return Place(record.school_id, county_code(county) if county else None)
    if case.resident_id and len(case.resident_id) >= 6 and case.resident_id[:6].isdigit():  # noqa: PLR2004
        return Place(None, county_code(case.resident_id[:6]))
    return Place()


def _absence_place(absence: Absence, bundle: Bundle) -> Place:
    records = bundle.index(STUDENTS_BY_NUMBER).get(absence.student_number, ())
    if not records:
        return Place()
    record = records[-1]
    county = record.county
    return Place(record.school_id, county_code(county) if county else None)


IN_LEDGER: Final = reason(
    "EVIDENCE.CASE",
    "控辍台账案例 {case_id}：{opened_on} 立案",
    "dropout ledger case {case_id}, opened {opened_on}",
)
IN_LEDGER_CLOSED: Final = reason(
    "EVIDENCE.CASE_CLOSED",
    "控辍台账案例 {case_id}：{opened_on} 立案，{closed_on} 销号（{outcome:OUTCOME}）",
    "dropout ledger case {case_id}, opened {opened_on}, closed {closed_on} ({outcome})",
)
ABSENT_EXCUSED: Final = reason(
    "EVIDENCE.ABSENCE_EXCUSED",
    "{start} 至 {end} 请假缺勤 {school_days} 个上课日",
    "absent with leave from {start} to {end}, {school_days} school days",
)
ABSENT_UNEXCUSED: Final = reason(
    "EVIDENCE.ABSENCE_UNEXCUSED",
    "{start} 至 {end} 无故缺勤 {school_days} 个上课日",
    "absent without excuse from {start} to {end}, {school_days} school days",
)


def _case_evidence(case: Case, as_of: dt.date, _bundle: Bundle) -> Stated | None:
    if case.opened_on > as_of:
        return None
    if case.is_closed_by(as_of):
        return IN_LEDGER_CLOSED.given(
            case_id=case.case_id,
            opened_on=case.opened_on,
            closed_on=case.closed_on,
            outcome=str(case.outcome),
        )
    return IN_LEDGER.given(case_id=case.case_id, opened_on=case.opened_on)


def _absence_evidence(absence: Absence, as_of: dt.date, _bundle: Bundle) -> Stated | None:
    if absence.start > as_of:
        return None
    said = ABSENT_EXCUSED if absence.excused else ABSENT_UNEXCUSED
    return said.given(start=absence.start, end=absence.end, school_days=absence.school_days)


CASES: Final = KINDS.add(
    RecordKind(
        "cases",
        Case,
        unique_key=("case_id",),
        aliases={
            "case_id": ("案例编号", "台账编号", "编号"),
            "student_number": columns.STUDENT_NUMBER,
            "resident_id": columns.RESIDENT_ID,
            "opened_on": ("立案日期", "登记日期", "建档日期"),
            "origin": ("source", "来源", "线索来源"),
            "cause": ("辍学原因", "原因"),
            "plan_made_on": ("方案制定日期", "一人一策日期"),
            "responsible": ("责任人", "包保责任人"),
            "written_report_on": ("书面报告日期",),
            "closed_on": ("销号日期",),
            "outcome": ("销号原因", "结果"),
            "outcome_evidence": ("销号依据", "证明材料"),
            "returned_on": ("返校日期", "复学日期"),
            "placement": ("安置方式",),
            "vocational_considered": ("是否考虑职普融合",),
        },
        indexes=(CASES_BY_PERSON,),
        place=_case_place,
        people=_case_people,
        evidence=_case_evidence,
        plant="dropout_control.strategies.records:cases",
        title=("控辍保学台账", "the dropout ledger"),
        essential_fields=("closed_on", "returned_on", "plan_made_on", "written_report_on"),
    )
)
"""The dropout ledger, one row per case ID."""

ATTEMPTS: Final = KINDS.add(
    RecordKind(
        "attempts",
        Attempt,
        aliases={
            "case_id": ("案例编号", "台账编号"),
            "on": ("劝返日期", "日期"),
            "by": ("劝返人", "责任人"),
            "outcome": ("劝返结果", "结果"),
        },
        indexes=(ATTEMPTS_BY_CASE,),
        references={"case_id": "cases"},
        plant="dropout_control.strategies.records:attempts",
        title=("劝返记录", "persuasion attempts"),
    )
)
"""Persuasion attempts of the ledger's cases."""

ABSENCES: Final = KINDS.add(
    RecordKind(
        "absences",
        Absence,
        aliases={
            "student_number": columns.STUDENT_NUMBER,
            "start": ("缺勤开始日期", "开始日期"),
            "end": ("缺勤结束日期", "结束日期"),
            "school_days": ("缺勤天数", "上课日数"),
            "excused": ("是否请假", "有正当理由"),
        },
        indexes=(ABSENCES_BY_STUDENT,),
        place=_absence_place,
        people=lambda absence: (absence.student_number,),
        evidence=_absence_evidence,
        plant="dropout_control.strategies.records:absences",
        title=("缺勤", "absences"),
    )
)
"""Spells of absence of students, excused or not."""
