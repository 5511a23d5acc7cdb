"""The ``transfers`` kind: transfers between schools (转学) and their approvals.

Declared once here and registered in :data:`~dropout_control.kinds.KINDS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from dropout_control import columns
from dropout_control.kinds import KINDS, Index, RecordKind, grouped
from dropout_control.reasons import Stated, reason
from dropout_control.transfers.model import Transfer

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle

__all__ = ["TRANSFERS", "TRANSFERS_BY_STUDENT"]


def _student(transfer: Transfer) -> str:
    return transfer.student_key


TRANSFERS_BY_STUDENT: Final[Index[Transfer, Mapping[str, tuple[Transfer, ...]]]] = Index(
    "transfers", "by_student", grouped(_student)
)
"""Transfers by student number as written."""


def _people(transfer: Transfer) -> tuple[str | None, ...]:
    return (transfer.student_key,)


TRANSFER: Final = reason(
    "EVIDENCE.TRANSFER",
    "转学 {transfer_id}：从 {from_school} 转至 {to_school}，{status:TRANSFER}，{applied_on} 申请",
    "transfer {transfer_id} from {from_school} to {to_school}, {status}, applied {applied_on}",
)
TRANSFER_NOWHERE: Final = reason(
    "EVIDENCE.TRANSFER_NO_SCHOOL",
    "转学 {transfer_id}：从 {from_school} 转出，无转入学校，{status:TRANSFER}，{applied_on} 申请",
    "transfer {transfer_id} from {from_school} to no receiving school, {status}, "
    "applied {applied_on}",
)


def _evidence(transfer: Transfer, _as_of: dt.date, _bundle: Bundle) -> Stated:
    facts = {
        "transfer_id": transfer.transfer_id,
        "from_school": transfer.from_school,
        "status": transfer.status,
        "applied_on": transfer.applied_on,
    }
    if transfer.to_school is None:
        return TRANSFER_NOWHERE.given(**facts)
    return TRANSFER.given(**facts, to_school=transfer.to_school)


TRANSFERS: Final = KINDS.add(
    RecordKind(
        "transfers",
        Transfer,
        unique_key=("transfer_id",),
        aliases={
            "transfer_id": ("转学编号", "转学申请编号", "业务编号"),
            "student_number": columns.STUDENT_NUMBER,
            "from_school": ("转出学校标识码", "转出学校"),
            "to_school": ("转入学校标识码", "转入学校"),
            "applied_on": ("申请日期",),
            "grade_before": ("转出年级", "原年级"),
            "grade_after": ("转入年级",),
            "receiving_school_on": ("转入学校审核日期",),
            "receiving_bureau_on": ("转入地教育行政部门审核日期", "转入地教育局审核日期"),
            "sending_school_on": ("转出学校审核日期",),
            "sending_bureau_on": ("转出地教育行政部门审核日期", "转出地教育局审核日期"),
            "status": ("转学状态", "办理状态"),
            "completed_on": ("完成日期", "转学完成日期"),
        },
        indexes=(TRANSFERS_BY_STUDENT,),
        people=_people,
        evidence=_evidence,
        plant="dropout_control.strategies.records:transfers",
        title=("转学", "transfers between schools"),
        # The steps of a transfer: empty reads as "not yet done".
        essential_fields=(
            "to_school",
            "grade_after",
            "receiving_school_on",
            "receiving_bureau_on",
            "sending_school_on",
            "sending_bureau_on",
            "completed_on",
        ),
    )
)
"""Transfers between schools, one per transfer ID."""
