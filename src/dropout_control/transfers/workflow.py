"""The approval workflow of a transfer (转学审核流程): whose turn it is, by when, and
recording an approval or a refusal.

A transfer is applied for at the receiving school and approved in turn by the parties
of ``transfer.approval_order`` (the receiving school, its education bureau, the sending
school, its education bureau), each within ``transfer.party_limit_working_days`` working
days of the step before it (of the application, for the first). The grade does not
change. Basis: 中小学生学籍管理办法 (教基一〔2013〕7号), its transfer provisions [S].

The functions here never change a transfer: :func:`approve` and :func:`reject` return a
new one (records are frozen). A request the workflow cannot record (a party out of
turn, a closed transfer, a date before the previous step) raises
:class:`~dropout_control.errors.OutOfOrderApproval`. Records read from a registry may
hold approvals out of order all the same; those are findings (TR-001), not errors.

>>> from dropout_control.identity import StudentNumber
>>> from dropout_control.policy import resolve_policy
>>> policy = resolve_policy(on=dt.date(2019, 3, 20))
>>> transfer = Transfer(
...     transfer_id="ZX2019-001",
...     student_number=StudentNumber.parse("G622921201005010030"),
...     from_school="2162000001",
...     to_school="2162000002",
...     applied_on=dt.date(2019, 3, 1),
...     grade_before=3,
...     status=TransferStatus.PENDING,
... )
>>> step = next_step(transfer, policy=policy)
>>> step.party, step.school_id, step.due_on
(<ApprovalParty.RECEIVING_SCHOOL: 'receiving_school'>, '2162000002', datetime.date(2019, 3, 15))
>>> for party in approval_order(policy):
...     transfer = approve(transfer, party, dt.date(2019, 3, 4), policy=policy)
>>> transfer.status, transfer.completed_on, transfer.grade_after
(<TransferStatus.COMPLETED: 'completed'>, datetime.date(2019, 3, 4), 3)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from dropout_control.calendar import WorkingCalendar, add_working_days
from dropout_control.errors import InvalidCode, OutOfOrderApproval
from dropout_control.policy import Policy
from dropout_control.policy.keys import CALENDAR_WORKING_DAY_ARRANGEMENTS
from dropout_control.reasons import reason
from dropout_control.transfers.keys import (
    TRANSFER_APPROVAL_ORDER,
    TRANSFER_PARTY_LIMIT_WORKING_DAYS,
)
from dropout_control.transfers.model import ApprovalParty, Transfer, TransferStatus

__all__ = ["Step", "approval_order", "approve", "next_step", "reject"]

PARTY_TWICE = reason("POLICY.PARTY_TWICE", "审核方重复出现", "names a party more than once")

# Why an approval cannot be recorded (OutOfOrderApproval).
CLOSED = reason("TR.CLOSED", "转学状态已为“{status:TRANSFER}”", "the transfer is {status} already")
ALL_APPROVED = reason("TR.ALL_APPROVED", "各方均已审核", "every party has approved already")
APPROVED_ALREADY = reason(
    "TR.APPROVED_ALREADY", "{party:PARTY}已于 {on} 审核", "{party} approved already on {on}"
)
NOT_YOUR_TURN = reason(
    "TR.NOT_YOUR_TURN",
    "{expected:PARTY}审核之前，{party:PARTY}不能审核",
    "{party} cannot act before {expected} has approved",
)
NOT_A_PARTY = reason(
    "TR.NOT_A_PARTY",
    "{party:PARTY}不在审核顺序（transfer.approval_order）中",
    "{party} is not in transfer.approval_order",
)
BEFORE_APPLICATION = reason(
    "TR.BEFORE_APPLICATION",
    "{party:PARTY}不能在 {on} 审核，早于 {starts_on} 的申请",
    "{party} cannot act on {on}, before the application on {starts_on}",
)
BEFORE_PREVIOUS = reason(
    "TR.BEFORE_PREVIOUS",
    "{party:PARTY}不能在 {on} 审核，早于上一环节 {starts_on} 的审核",
    "{party} cannot act on {on}, before the previous approval on {starts_on}",
)


@attrs.frozen
class Step:
    """The step a pending transfer waits for (待审核环节): whose turn it is and by when.

    ``party`` is the party whose turn it is and ``school_id`` the school it acts for (the
    receiving school, ``to_school``, for the receiving school and its bureau; the sending
    school, ``from_school``, for the sending side; ``None`` when the transfer names no
    receiving school). ``starts_on`` is the date the step's clock starts (the previous
    party's approval, or the application for the first party) and ``due_on`` the last
    working day on which the step is in time.
    """

    party: ApprovalParty
    school_id: str | None
    starts_on: dt.date
    due_on: dt.date

    def is_overdue_on(self, day: dt.date) -> bool:
        """Whether the step is still not taken after its due date, seen on ``day``."""
        return day > self.due_on


def approval_order(policy: Policy) -> tuple[ApprovalParty, ...]:
    """The parties that approve a transfer, in turn (``transfer.approval_order``).

    Raises :class:`~dropout_control.errors.InvalidCode` (field
    ``transfer.approval_order``) for a code that names no party, or a party named twice.

    >>> from dropout_control.policy import resolve_policy
    >>> [p.value for p in approval_order(resolve_policy(on=dt.date(2019, 3, 20)))]
    ['receiving_school', 'receiving_bureau', 'sending_school', 'sending_bureau']
    """
    codes = policy.value(TRANSFER_APPROVAL_ORDER, tuple)
    order = tuple(ApprovalParty.parse(str(code), field=TRANSFER_APPROVAL_ORDER) for code in codes)
    if len(set(order)) != len(order):
        raise InvalidCode(TRANSFER_APPROVAL_ORDER, PARTY_TWICE, shown=", ".join(codes))
    return order


def _first_missing(
    transfer: Transfer, order: tuple[ApprovalParty, ...]
) -> tuple[ApprovalParty, dt.date] | None:
    """The first party of the order that has not approved, with the date its step starts
    (the approval of the party before it, or the application for the first party)."""
    previous = transfer.applied_on
    for party in order:
        day = transfer.approved_on(party)
        if day is None:
            return party, previous
        previous = day
    return None


def next_step(transfer: Transfer, *, policy: Policy) -> Step | None:
    """The step a transfer waits for: the first party of ``transfer.approval_order`` that
    has not approved, and the day its approval is due by.

    The step is due ``transfer.party_limit_working_days`` working days after the
    previous party's approval (after the application for the first party), in China's
    working days under the policy's ``calendar.working_day_arrangements`` (official days
    off skipped, make-up working days counted). ``None`` when the transfer is completed
    or rejected, or when every party has approved (a pending record that should have
    been completed: see TR-001). Raises
    :class:`~dropout_control.errors.WorkingDaysNotCovered` when the count runs through
    a year the calendar does not hold.
    """
    if transfer.is_closed:
        return None
    order = approval_order(policy)
    missing = _first_missing(transfer, order)
    if missing is None:
        return None
    party, starts_on = missing
    limit = policy.value(TRANSFER_PARTY_LIMIT_WORKING_DAYS, int)
    calendar = policy.value(CALENDAR_WORKING_DAY_ARRANGEMENTS, WorkingCalendar)
    due_on = add_working_days(starts_on, limit, calendar=calendar)
    return Step(
        party=party, school_id=transfer.school_of(party), starts_on=starts_on, due_on=due_on
    )


def _check_turn(
    transfer: Transfer, party: ApprovalParty, on: dt.date, order: tuple[ApprovalParty, ...]
) -> None:
    """Raise unless it is ``party``'s turn on ``transfer`` and ``on`` is not too early."""
    if transfer.is_closed:
        raise OutOfOrderApproval(
            transfer.transfer_id, party, None, CLOSED, facts={"status": transfer.status}
        )
    missing = _first_missing(transfer, order)
    if missing is None:
        raise OutOfOrderApproval(transfer.transfer_id, party, None, ALL_APPROVED)
    expected, starts_on = missing
    if party is not expected:
        approved = transfer.approved_on(party)
        if approved is not None:
            reason, facts = APPROVED_ALREADY, {"party": party, "on": approved}
        elif party in order:
            reason, facts = NOT_YOUR_TURN, {"party": party, "expected": expected}
        else:
            reason, facts = NOT_A_PARTY, {"party": party}
        raise OutOfOrderApproval(transfer.transfer_id, party, expected, reason, facts=facts)
    if on < starts_on:
        raise OutOfOrderApproval(
            transfer.transfer_id,
            party,
            expected,
            BEFORE_APPLICATION if order.index(party) == 0 else BEFORE_PREVIOUS,
            facts={"party": party, "on": on, "starts_on": starts_on},
        )


def approve(transfer: Transfer, party: ApprovalParty, on: dt.date, *, policy: Policy) -> Transfer:
    """The transfer with ``party``'s approval on ``on`` recorded (审核通过).

    When ``party`` is the last of ``transfer.approval_order`` the transfer is completed
    on ``on``, and the grade after it is the grade before it unless already given (a
    transfer keeps the grade). An approval after the due date is recorded (lateness is a
    finding, TR-002).

    Raises :class:`~dropout_control.errors.OutOfOrderApproval`, naming the party
    expected, when ``party`` is not the next party, when the transfer is completed or
    rejected, or when ``on`` is before the previous approval (the application, for the
    first party).
    """
    order = approval_order(policy)
    _check_turn(transfer, party, on, order)
    dated: dict[str, Any] = {party.date_field: on}
    approved = attrs.evolve(transfer, **dated)
    if _first_missing(approved, order) is not None:
        return approved
    grade_after = (
        transfer.grade_after if transfer.grade_after is not None else transfer.grade_before
    )
    return attrs.evolve(
        approved, status=TransferStatus.COMPLETED, completed_on=on, grade_after=grade_after
    )


def reject(transfer: Transfer, party: ApprovalParty, on: dt.date, *, policy: Policy) -> Transfer:
    """The transfer refused by ``party`` on ``on`` (审核不通过): its status rejected.

    The same turn and date checks as :func:`approve` apply, with the same error. The
    record format has no field for who refused or when, so neither is kept: only the
    status changes.
    """
    order = approval_order(policy)
    _check_turn(transfer, party, on, order)
    return attrs.evolve(transfer, status=TransferStatus.REJECTED)
