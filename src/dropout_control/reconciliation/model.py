"""Monthly headcounts: who is actually in school (实际在校), checked against the registry.

Basis: 临州办发〔2019〕18号 part three: every education bureau checks each month the
number of students actually in school against the number registered.
"""

from __future__ import annotations

import attrs

from dropout_control.calendar.year_month import YearMonth
from dropout_control.checked import checked_record
from dropout_control.codes import Code
from dropout_control.errors import InvalidRecord
from dropout_control.findings import SourceLocation
from dropout_control.identity import mask_name
from dropout_control.identity.masking import MaskedRepr, optional_number_repr
from dropout_control.reasons import NEGATIVE, reason

NO_IDENTITY = reason(
    "RECORD.NO_IDENTITY",
    "在校名单行须有学籍号或身份证件号",
    "a headcount row needs a student number or a resident ID",
)

__all__ = ["Excuse", "HeadcountEntry", "HeadcountTotal"]


class Excuse(Code):
    """Why a child absent from a headcount is excused."""

    LEAVE = ("leave", "请假", "病假", "事假")
    SUSPENSION = ("suspension", "休学")
    HOME_TEACHING = ("home_teaching", "送教上门")


@checked_record
@attrs.frozen
class HeadcountEntry(MaskedRepr):
    """One child on a school's monthly roll: present or not, and any excuse."""

    month: YearMonth
    school_id: str
    present: bool
    student_number: str | None = attrs.field(default=None, repr=optional_number_repr)
    resident_id: str | None = attrs.field(default=None, repr=optional_number_repr)
    name: str | None = attrs.field(default=None, repr=lambda v: repr(mask_name(v or "")))
    excuse: Excuse | None = None
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.student_number is None and self.resident_id is None:
            raise InvalidRecord("student_number", NO_IDENTITY)


@checked_record
@attrs.frozen
class HeadcountTotal:
    """The number of students a school reported present in a month."""

    month: YearMonth
    school_id: str
    total: int
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.total < 0:
            raise InvalidRecord("total", NEGATIVE, shown=str(self.total))
