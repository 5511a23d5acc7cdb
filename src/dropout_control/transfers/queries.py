"""Look-ups of transfers that rules and other packages use."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dropout_control.reconciliation.queries import holds_school
from dropout_control.transfers.kinds import TRANSFERS_BY_STUDENT
from dropout_control.transfers.model import Transfer, TransferStatus

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle
    from dropout_control.registry.model import StudentRecord

__all__ = ["taken_outside", "transferred_out_on", "transfers_of"]


def transfers_of(bundle: Bundle, student_number: str) -> tuple[Transfer, ...]:
    """Every transfer of this student number (as written)."""
    return bundle.index(TRANSFERS_BY_STUDENT).get(student_number, ())


def transferred_out_on(record: StudentRecord, bundle: Bundle) -> tuple[dt.date, str] | None:
    """When a record was transferred out, and what the date is read from.

    Its ``status_since``; else the latest completed transfer from its school; else the
    latest application from it; else None. Shared with the whereabouts of a child.
    """
    if record.status_since is not None:
        return record.status_since, "status_since"
    from_here = [t for t in transfers_of(bundle, record.key) if t.from_school == record.school_id]
    completed = [
        t.completed_on
        for t in from_here
        if t.status is TransferStatus.COMPLETED and t.completed_on is not None
    ]
    if completed:
        return max(completed), "completed_transfer"
    if from_here:
        return max(t.applied_on for t in from_here), "transfer_application"
    return None


def taken_outside(record: StudentRecord, bundle: Bundle) -> Transfer | None:
    """The completed transfer by which a school outside the bundle took this record's
    student, if any (the latest, when several).

    A completed transfer carries the receiving school's and bureau's approval, which in
    the registry system is the receiving school's acceptance of the child; when that
    school is not covered by the bundle (see
    :func:`~dropout_control.reconciliation.queries.holds_school`) its record is in another
    export, and the student is accounted for. Shared with the
    whereabouts of a child.
    """
    taken = [
        t
        for t in transfers_of(bundle, record.key)
        if t.from_school == record.school_id
        and t.status is TransferStatus.COMPLETED
        and t.to_school is not None
        and not holds_school(bundle, t.to_school)
    ]
    return max(taken, key=lambda t: t.completed_on or t.applied_on) if taken else None
