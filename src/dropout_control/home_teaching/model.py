"""Home-teaching visits (送教上门): who was taught at home, when, for how many periods.

Basis: 残疾人教育条例 (国务院令第674号, 2017) art 17 [C]: a child of compulsory-school
age whose severe disability keeps it from going to school is taught at home (送教上门)
by a school, and the school holds its record (纳入学籍管理); arts 20-21 [C]: the
county's expert committee on the education of disabled children assesses the child
and advises on its placement. Provincial home-teaching standards (Shandong, Henan) [S]
set the periods a school year and the visits a week.
"""

from __future__ import annotations

import datetime as dt

import attrs

from dropout_control.checked import checked_record
from dropout_control.errors import InvalidRecord
from dropout_control.findings import SourceLocation, Subject
from dropout_control.identity import StudentNumber, mask_number
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.identity.masking import MaskedRepr, optional_name_repr
from dropout_control.reasons import NEGATIVE

__all__ = ["HomeTeachingVisit"]


@checked_record
@attrs.frozen
class HomeTeachingVisit(MaskedRepr):
    """One home-teaching visit (送教上门) to a student: the day, the periods taught
    (课时) and, where recorded, the teacher and the school that sent the teacher.

    ``school_id`` is an optional column beyond the national form: the school that
    teaches the child. When it is absent the teaching school is the one whose
    headcount excuses the child for home teaching, else the one whose record says
    home teaching (see :func:`~dropout_control.home_teaching.queries.teaching_schools`).

    >>> from dropout_control.identity import StudentNumber
    >>> visit = HomeTeachingVisit(
    ...     student_number=StudentNumber.parse("G622921201005010033"),
    ...     on=dt.date(2019, 3, 12), periods=4, teacher="马老师")
    >>> repr(visit).split(", on=")[0]
    "HomeTeachingVisit(student_number=StudentNumber('G622921**********33')"
    >>> visit.teacher, repr(visit).split("teacher=")[1]
    ('马老师', '马**, school_id=None)')
    """

    student_number: StudentNumber | MalformedNumber
    on: dt.date
    periods: int
    teacher: str | None = attrs.field(default=None, repr=optional_name_repr)
    school_id: str | None = None
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.periods < 0:
            raise InvalidRecord("periods", NEGATIVE, shown=str(self.periods))

    @property
    def student_key(self) -> str:
        """The student number as written, to find the student's records."""
        return self.student_number.reveal()

    @property
    def subject(self) -> Subject:
        """The taught child as the subject of a finding: its number, masked when shown."""
        key = self.student_key
        return Subject.personal(key, shown=mask_number(key))
