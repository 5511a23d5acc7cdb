"""Look-ups of student records that rules and other packages use.

Other packages import these, never the registry's rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dropout_control.registry.kinds import (
    SCHOOL_COUNTIES,
    STUDENT_SCHOOLS,
    STUDENTS_BY_NUMBER,
    STUDENTS_BY_RESIDENT_ID,
    UNKNOWN_COUNTY,
)

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle
    from dropout_control.registry.model import StudentRecord

__all__ = [
    "county_of_school",
    "has_student_records_at",
    "student_records_numbered",
    "student_records_of",
]


def student_records_of(bundle: Bundle, resident_id: str) -> tuple[StudentRecord, ...]:
    """Every student record holding this resident ID number (as written)."""
    return bundle.index(STUDENTS_BY_RESIDENT_ID).get(resident_id, ())


def student_records_numbered(bundle: Bundle, student_number: str) -> tuple[StudentRecord, ...]:
    """Every student record of this student number (as written)."""
    return bundle.index(STUDENTS_BY_NUMBER).get(student_number, ())


def county_of_school(bundle: Bundle, school_id: str) -> str:
    """The county of a school as its students' records name it most often
    (``"unknown"`` when none does)."""
    return bundle.index(SCHOOL_COUNTIES).get(school_id, UNKNOWN_COUNTY)


def has_student_records_at(bundle: Bundle, school_id: str) -> bool:
    """Whether any student record of the bundle is at this school."""
    return school_id in bundle.index(STUDENT_SCHOOLS)
