"""Where a suspension stands on a day: not started, running, returned from, or overdue
(休学状态).

A suspension's ``end`` is its last day. The student is due back at school (复学) on the
day after it, :attr:`~dropout_control.suspensions.Suspension.due_back_on`; a return is
still on time for ``suspension.return_grace_days`` more days, up to and including
:func:`return_due_by`. A student who has not returned by then has not returned at all
(逾期未复学): a suspected dropout (疑似辍学), which SUS-004 reports.

With the national default of 14 grace days, a suspension that ends on Sunday
30 June 2019 makes the student due back on Monday 1 July; a return is on time up to
Monday 15 July, and from Tuesday 16 July the student has not returned.

Basis: 义务教育法 art 11 [C] for suspension itself; the provincial registration rules
[S] for the return; the grace days are the library's default [U] that a county should
set in its own layer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from dropout_control.codes import Code
from dropout_control.policy import Policy
from dropout_control.suspensions.keys import SUSPENSION_RETURN_GRACE_DAYS
from dropout_control.suspensions.model import Suspension

__all__ = ["SuspensionState", "latest_suspension", "return_due_by", "state_on"]


class SuspensionState(Code):
    """Where a suspension stands on a day (休学状态)."""

    NOT_STARTED = ("not_started", "未开始")
    """The day is before the start."""
    RUNNING = ("running", "休学中")
    """From the start to the end, both included, while the student has not returned."""
    RETURNED = ("returned", "已复学")
    """The student returned on or before the day: early, on time or late."""
    OVERDUE = ("overdue", "待复学")
    """Ended and not returned, but still within the grace days: up to
    :func:`return_due_by`, included."""
    NOT_RETURNED = ("not_returned", "逾期未复学")
    """Ended and not returned after the grace days: a suspected dropout (疑似辍学)."""


SuspensionState.words("SUSPENSION")


def return_due_by(suspension: Suspension, *, policy: Policy) -> dt.date:
    """The last day on which a return (复学) is still on time.

    That is the day after the end (the day the student is due back) plus
    ``suspension.return_grace_days`` days: ``end + 1 + grace``. A return on this day is
    on time; from the next day on a student who has not returned is
    :attr:`SuspensionState.NOT_RETURNED`. Raises
    :class:`~dropout_control.errors.ParameterNotInForce` when the policy has no grace
    days on its date (before 1 September 2013 nationally).

    >>> from dropout_control.identity import StudentNumber
    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 3, 20))
    >>> suspension = Suspension(
    ...     suspension_id="XX2019-0001",
    ...     student_number=StudentNumber.parse("G622921201005010030"),
    ...     start=dt.date(2019, 2, 25),
    ...     end=dt.date(2019, 6, 30),
    ...     grounds="health",
    ...     approved_by="county_education_bureau",
    ...     approved_on=dt.date(2019, 2, 20),
    ... )
    >>> return_due_by(suspension, policy=policy)
    datetime.date(2019, 7, 15)
    """
    grace = policy.value(SUSPENSION_RETURN_GRACE_DAYS, int)
    return suspension.due_back_on + dt.timedelta(days=grace)


def state_on(suspension: Suspension, day: dt.date, *, policy: Policy) -> SuspensionState:
    """Where ``suspension`` stands on ``day``.

    A return counts from its own day on: a ``returned_on`` after ``day`` is not yet
    known on ``day``, so the suspension is judged as if the student had not returned
    (an audit as of a past date sees the facts of that date). In order:

    - returned on or before ``day``: :attr:`~SuspensionState.RETURNED` (early, on time
      or late alike);
    - ``day`` before the start: :attr:`~SuspensionState.NOT_STARTED`;
    - ``day`` from the start to the end, both included:
      :attr:`~SuspensionState.RUNNING`;
    - ``day`` after the end, up to :func:`return_due_by` included:
      :attr:`~SuspensionState.OVERDUE`;
    - later: :attr:`~SuspensionState.NOT_RETURNED`.

    The grace days are read only for a suspension that has ended and has not been
    returned from; only then does a policy without them raise
    :class:`~dropout_control.errors.ParameterNotInForce`.
    """
    if suspension.has_returned_by(day):
        return SuspensionState.RETURNED
    if day < suspension.start:
        return SuspensionState.NOT_STARTED
    if day <= suspension.end:
        return SuspensionState.RUNNING
    if day <= return_due_by(suspension, policy=policy):
        return SuspensionState.OVERDUE
    return SuspensionState.NOT_RETURNED


def latest_suspension(suspensions: Iterable[Suspension]) -> Suspension | None:
    """The suspension that started last, or ``None`` when there is none.

    Two that start on the same day are told apart by the later end, then by the
    greater suspension ID, so that the answer never depends on the input order.
    """
    return max(suspensions, key=lambda s: (s.start, s.end, s.suspension_id), default=None)
