"""Transfers between schools (转学) and the parties that approve them.

Basis: 中小学生学籍管理办法 (教基一〔2013〕7号) [S]: a transfer is applied for at the
receiving school and approved in turn by the receiving school, its education bureau,
the sending school and its education bureau, each within its working-day limit; the
grade does not change. 临州办发〔2019〕18号 part two [C] asks that transfers out and in
follow the procedure strictly and that a child confirmed to study elsewhere be
transferred so that person and record agree (人籍一致).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from dropout_control.checked import checked_record
from dropout_control.codes import Code
from dropout_control.errors import InvalidCode, InvalidDate
from dropout_control.findings import SourceLocation, Subject
from dropout_control.identity import StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.identity.masking import MaskedRepr
from dropout_control.reasons import GRADE_RANGE, reason

__all__ = ["ApprovalParty", "Transfer", "TransferStatus"]

BEFORE_APPLICATION = reason(
    "RECORD.BEFORE_APPLICATION", "早于申请日期", "is before the application date"
)

FIRST_GRADE = 1
LAST_GRADE = 9


class TransferStatus(Code):
    """Where a transfer stands (转学状态)."""

    PENDING = ("pending", "审核中", "待审核", "办理中")
    COMPLETED = ("completed", "已完成", "转学完成", "已转入")
    REJECTED = ("rejected", "不同意", "已拒绝", "已退回")


class ApprovalParty(Code):
    """A party that approves a transfer, each with the field of its approval date."""

    RECEIVING_SCHOOL = ("receiving_school", "转入学校")
    RECEIVING_BUREAU = ("receiving_bureau", "转入地教育行政部门", "转入地教育局")
    SENDING_SCHOOL = ("sending_school", "转出学校")
    SENDING_BUREAU = ("sending_bureau", "转出地教育行政部门", "转出地教育局")

    @property
    def en(self) -> str:
        """The party in English words ("the receiving bureau")."""
        code: str = self.value
        return "the " + code.replace("_", " ")

    @property
    def date_field(self) -> str:
        """The transfer's field holding this party's approval date."""
        return f"{self.value}_on"

    @property
    def is_receiving_side(self) -> bool:
        """Whether the party is on the receiving side (the receiving school or its bureau)."""
        return self in (ApprovalParty.RECEIVING_SCHOOL, ApprovalParty.RECEIVING_BUREAU)


TransferStatus.words("TRANSFER")
ApprovalParty.words("PARTY")


def _grade(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not FIRST_GRADE <= value <= LAST_GRADE:
        raise InvalidCode(attribute.name, GRADE_RANGE, shown=str(value))


@checked_record
@attrs.frozen
class Transfer(MaskedRepr):
    """A transfer of one student from one school to another (转学申请).

    The four approval dates are kept as the registry records them, in any order: a
    transfer approved out of order is a valid record and a finding (TR-001). What cannot
    exist is refused: an approval or completion before the application, a grade outside
    1 to 9.
    """

    transfer_id: str
    student_number: StudentNumber | MalformedNumber
    from_school: str
    applied_on: dt.date
    grade_before: int = attrs.field(validator=_grade)
    status: TransferStatus
    to_school: str | None = None
    grade_after: int | None = attrs.field(default=None, validator=_grade)
    receiving_school_on: dt.date | None = None
    receiving_bureau_on: dt.date | None = None
    sending_school_on: dt.date | None = None
    sending_bureau_on: dt.date | None = None
    completed_on: dt.date | None = None
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        for party in ApprovalParty:
            self._not_before_application(party.date_field)
        self._not_before_application("completed_on")

    def _not_before_application(self, name: str) -> None:
        day: dt.date | None = getattr(self, name)
        if day is not None and day < self.applied_on:
            raise InvalidDate(name, BEFORE_APPLICATION, shown=day.isoformat())

    @property
    def key(self) -> str:
        """The transfer's unique key: its transfer ID."""
        return self.transfer_id

    @property
    def student_key(self) -> str:
        """The student number as written, to find the student's records."""
        return self.student_number.reveal()

    @property
    def subject(self) -> Subject:
        """The transfer as the subject of a finding (its ID is not personal)."""
        return Subject.public(self.transfer_id)

    def approved_on(self, party: ApprovalParty) -> dt.date | None:
        """The date ``party`` approved, if it has."""
        day: dt.date | None = getattr(self, party.date_field)
        return day

    @property
    def is_closed(self) -> bool:
        """Whether the transfer is completed or rejected: no party acts on it any more."""
        return self.status is not TransferStatus.PENDING

    def school_of(self, party: ApprovalParty) -> str | None:
        """The school ``party`` acts for: the receiving school (``to_school``) for the
        receiving side, the sending school (``from_school``) for the sending side.

        ``None`` when the transfer names no receiving school.
        """
        return self.to_school if party.is_receiving_side else self.from_school

    def is_open_on(self, day: dt.date) -> bool:
        """Whether the transfer was applied for and not yet completed or rejected on ``day``.

        A completed transfer without a completion date, or a rejected one, counts as
        closed whatever the day.
        """
        if day < self.applied_on:
            return False
        if self.status is TransferStatus.PENDING:
            return True
        return (
            self.status is TransferStatus.COMPLETED
            and self.completed_on is not None
            and day < self.completed_on
        )
