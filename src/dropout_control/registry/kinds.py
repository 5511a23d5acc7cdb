"""The ``students`` kind: registration records (学籍), one row per record.

Declared once here and registered in :data:`~dropout_control.kinds.KINDS`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

from dropout_control import columns
from dropout_control.kinds import KINDS, Index, Place, RecordKind, grouped
from dropout_control.reasons import Stated, reason
from dropout_control.registry.model import StudentRecord

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle

__all__ = [
    "SCHOOL_COUNTIES",
    "STUDENTS",
    "STUDENTS_BY_NUMBER",
    "STUDENTS_BY_RESIDENT_ID",
    "STUDENT_SCHOOLS",
    "UNKNOWN_COUNTY",
]

UNKNOWN_COUNTY: Final = "unknown"
"""The county of a school none of whose students names a county."""

_COUNTY_DIGITS: Final = 6


def _resident_key(record: StudentRecord) -> str | None:
    return record.resident_id.reveal() if record.resident_id is not None else None


def _number_key(record: StudentRecord) -> str:
    return record.key


def county_code(code: str | None) -> str | None:
    """A region code when it names a county (six characters), else None."""
    if code is None or len(code) != _COUNTY_DIGITS:
        return None
    return code


def _school_counties(records: Sequence[StudentRecord]) -> Mapping[str, str]:
    """Each school's county: the one its students' households (else valid ID numbers)
    name most often."""
    regions: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        code = county_code(record.county)
        if code is not None:
            regions[record.school_id][code] += 1
    return {school: counts.most_common(1)[0][0] for school, counts in regions.items()}


def _schools(records: Sequence[StudentRecord]) -> frozenset[str]:
    return frozenset(record.school_id for record in records)


STUDENTS_BY_RESIDENT_ID: Final[Index[StudentRecord, Mapping[str, tuple[StudentRecord, ...]]]] = (
    Index("students", "by_resident_id", grouped(_resident_key))
)
"""Student records by resident ID number as written."""

STUDENTS_BY_NUMBER: Final[Index[StudentRecord, Mapping[str, tuple[StudentRecord, ...]]]] = Index(
    "students", "by_number", grouped(_number_key)
)
"""Student records by student number as written."""

SCHOOL_COUNTIES: Final[Index[StudentRecord, Mapping[str, str]]] = Index(
    "students", "school_counties", _school_counties
)
"""Each school's county, from its students."""

STUDENT_SCHOOLS: Final[Index[StudentRecord, frozenset[str]]] = Index(
    "students", "schools", _schools
)
"""The schools that hold at least one student record."""


def _place(record: StudentRecord, bundle: Bundle) -> Place:
    counties = bundle.index(SCHOOL_COUNTIES)
    return Place(record.school_id, counties.get(record.school_id, UNKNOWN_COUNTY))


def _people(record: StudentRecord) -> tuple[str | None, ...]:
    return (record.key, _resident_key(record))


RECORD: Final = reason(
    "EVIDENCE.RECORD",
    "学籍：学校 {school_id}，{grade} 年级，{status:STATUS}",
    "record at school {school_id}, grade {grade}, {status}",
)
RECORD_SINCE: Final = reason(
    "EVIDENCE.RECORD_SINCE",
    "学籍：学校 {school_id}，{grade} 年级，自 {since} 起{status:STATUS}",
    "record at school {school_id}, grade {grade}, {status} since {since}",
)
HOME_TAUGHT: Final = reason(
    "EVIDENCE.HOME_TAUGHT", "{record}（送教上门）", "{record} (home teaching)"
)


def _evidence(record: StudentRecord, _as_of: dt.date, _bundle: Bundle) -> Stated:
    facts = {"school_id": record.school_id, "grade": record.grade, "status": record.status}
    if record.status_since is None:
        said = RECORD.given(**facts)
    else:
        said = RECORD_SINCE.given(**facts, since=record.status_since)
    return HOME_TAUGHT.given(record=said) if record.is_home_taught else said


STUDENTS: Final = KINDS.add(
    RecordKind(
        "students",
        StudentRecord,
        unique_key=("student_number",),
        personal_key=True,
        aliases={
            "student_number": columns.STUDENT_NUMBER,
            "resident_id": columns.RESIDENT_ID,
            "id_type": ("身份证件类型",),
            "name": columns.NAME,
            "sex": columns.SEX,
            "birth_date": columns.BIRTH_DATE,
            "ethnicity": ("民族",),
            "household_region": columns.HOUSEHOLD_REGION,
            "school_id": columns.SCHOOL_ID,
            "grade": ("年级",),
            "class_name": ("班级",),
            "entry_date": ("入学年月",),
            "record_created_on": ("建籍日期",),
            "status": ("学籍状态",),
            "status_since": ("状态变动日期",),
            "cancel_reason": ("注销原因",),
            "study_mode": ("就读方式",),
            "migrant": ("是否进城务工人员随迁子女",),
            "left_behind": ("是否留守儿童",),
            "disability": columns.DISABILITY,
            "regular_class_placement": ("随班就读", "是否随班就读"),
            "poverty_registered": ("建档立卡", "是否建档立卡贫困户", "是否建档立卡"),
            "expert_assessed_on": ("专家评估日期",),
        },
        indexes=(STUDENTS_BY_RESIDENT_ID, STUDENTS_BY_NUMBER, SCHOOL_COUNTIES, STUDENT_SCHOOLS),
        place=_place,
        people=_people,
        evidence=_evidence,
        plant="dropout_control.strategies.records:student_records",
        title=("学籍记录", "student registration records"),
        # Identity and the dates and codes of the record's status.
        essential_fields=(
            "resident_id",
            "disability",
            "record_created_on",
            "status_since",
            "cancel_reason",
        ),
    )
)
"""Registration records (学籍), one per student number."""
