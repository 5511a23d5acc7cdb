"""The ``suspensions`` kind: suspensions of schooling (休学) and returns.

Declared once here and registered in :data:`~dropout_control.kinds.KINDS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from dropout_control import columns
from dropout_control.kinds import KINDS, Index, RecordKind, grouped
from dropout_control.reasons import Stated, reason
from dropout_control.suspensions.model import Suspension

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle

__all__ = ["SUSPENSIONS", "SUSPENSIONS_BY_STUDENT"]


def _student(suspension: Suspension) -> str:
    return suspension.student_key


SUSPENSIONS_BY_STUDENT: Final[Index[Suspension, Mapping[str, tuple[Suspension, ...]]]] = Index(
    "suspensions", "by_student", grouped(_student)
)
"""Suspensions by student number as written."""


def _people(suspension: Suspension) -> tuple[str | None, ...]:
    return (suspension.student_key,)


SUSPENDED: Final = reason(
    "EVIDENCE.SUSPENSION", "休学 {start} 至 {end}", "suspension {start} to {end}"
)
SUSPENDED_RETURNED: Final = reason(
    "EVIDENCE.SUSPENSION_RETURNED",
    "休学 {start} 至 {end}，{returned_on} 复学",
    "suspension {start} to {end}, returned {returned_on}",
)


def _evidence(suspension: Suspension, _as_of: dt.date, _bundle: Bundle) -> Stated:
    dates = {"start": suspension.start, "end": suspension.end}
    if suspension.returned_on is None:
        return SUSPENDED.given(**dates)
    return SUSPENDED_RETURNED.given(**dates, returned_on=suspension.returned_on)


SUSPENSIONS: Final = KINDS.add(
    RecordKind(
        "suspensions",
        Suspension,
        unique_key=("suspension_id",),
        aliases={
            "suspension_id": ("休学编号", "业务编号"),
            "student_number": columns.STUDENT_NUMBER,
            "start": ("休学开始日期", "开始日期"),
            "end": ("休学结束日期", "结束日期"),
            "grounds": ("休学原因",),
            "approved_by": ("批准机关",),
            "approved_on": ("批准日期",),
            "extensions": ("延期次数",),
            "returned_on": ("复学日期",),
        },
        indexes=(SUSPENSIONS_BY_STUDENT,),
        people=_people,
        evidence=_evidence,
        plant="dropout_control.strategies.records:suspensions",
        title=("休学", "suspensions of schooling"),
        essential_fields=("returned_on",),  # empty reads as "not yet returned"
    )
)
"""Suspensions of schooling, one per suspension ID."""
