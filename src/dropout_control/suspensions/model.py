"""Suspensions of study (休学) and returns (复学).

Basis: 义务教育法 art 11 [C]: study may be suspended only for health, on the parents'
application, with the approval of the township government or the county education
bureau. Provincial registration rules [S]: a suspension lasts at most a school year,
may be extended once, and none starts in the final term of the graduating grade.
"""

from __future__ import annotations

import datetime as dt

import attrs

from dropout_control.checked import checked_record
from dropout_control.errors import InvalidDate, InvalidRecord
from dropout_control.findings import SourceLocation, Subject
from dropout_control.identity import StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.identity.masking import MaskedRepr
from dropout_control.reasons import NEGATIVE, reason

BEFORE_START = reason("RECORD.BEFORE_START", "早于开始日期", "is before the start")

__all__ = ["Suspension"]

_ONE_DAY = dt.timedelta(days=1)


@checked_record
@attrs.frozen
class Suspension(MaskedRepr):
    """An approved (or claimed) suspension of one student's study (休学).

    ``end`` is the last day of the suspension as approved, extensions included;
    ``returned_on`` the day the student came back (复学), if recorded.
    """

    suspension_id: str
    student_number: StudentNumber | MalformedNumber
    start: dt.date
    end: dt.date
    grounds: str
    approved_by: str
    approved_on: dt.date
    extensions: int = 0
    returned_on: dt.date | None = None
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidDate("end", BEFORE_START, shown=self.end.isoformat())
        if self.returned_on is not None and self.returned_on < self.start:
            raise InvalidDate("returned_on", BEFORE_START, shown=self.returned_on.isoformat())
        if self.extensions < 0:
            raise InvalidRecord("extensions", NEGATIVE, shown=str(self.extensions))

    @property
    def key(self) -> str:
        """The suspension's unique key: its suspension ID."""
        return self.suspension_id

    @property
    def student_key(self) -> str:
        """The student number as written, to find the student's records."""
        return self.student_number.reveal()

    @property
    def subject(self) -> Subject:
        """The suspension as the subject of a finding (its ID is not personal)."""
        return Subject.public(self.suspension_id)

    @property
    def days(self) -> int:
        """Length in days, both ends counted."""
        return (self.end - self.start).days + 1

    @property
    def due_back_on(self) -> dt.date:
        """The day after the end: the day the student is due back at school (复学)."""
        return self.end + _ONE_DAY

    def has_returned_by(self, day: dt.date) -> bool:
        """Whether a return is recorded on or before ``day``."""
        return self.returned_on is not None and self.returned_on <= day

    def covers(self, day: dt.date) -> bool:
        """Whether the student is suspended on ``day`` (started, not ended, not returned)."""
        if self.has_returned_by(day):
            return False
        return self.start <= day <= self.end
