"""Invariants of the transfer workflow, for any application date and approval dates.

Under the national policy of 20 March 2019 (four parties in turn, ten working days
each): approving the parties in order on non-decreasing dates always completes the
transfer; an approval by any party other than the next one is always refused, naming
the next one; nothing can be approved on a closed transfer; each step is due on a
working day exactly ten working days after the step before; and a transfer made by the
workflow, at any stage, never breaks TR-001.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from dropout_control.auditing import audit_bundle
from dropout_control.bundle import Bundle
from dropout_control.calendar import WorkingCalendar, count_working_days
from dropout_control.errors import OutOfOrderApproval
from dropout_control.identity import StudentNumber
from dropout_control.policy import resolve_policy
from dropout_control.transfers import (
    ApprovalParty,
    Transfer,
    TransferStatus,
    approval_order,
    approve,
    next_step,
)

POLICY = resolve_policy(on=dt.date(2019, 3, 20))
ORDER = approval_order(POLICY)
LIMIT = POLICY.value("transfer.party_limit_working_days", int)
WORKING = POLICY.value("calendar.working_day_arrangements", WorkingCalendar)
NUMBER = StudentNumber.parse("G622921201005010030")

applications = st.builds(
    Transfer,
    transfer_id=st.just("ZX-1"),
    student_number=st.just(NUMBER),
    from_school=st.just("2162000001"),
    to_school=st.sampled_from(["2162000002", None]),
    # within the years the working-day calendar holds, the last steps included
    applied_on=st.dates(dt.date(2013, 9, 1), dt.date(2026, 6, 30)),
    grade_before=st.integers(1, 9),
    status=st.just(TransferStatus.PENDING),
)
"""Pending transfers that no party has approved yet."""

gaps = st.lists(st.integers(0, 40), min_size=len(ORDER), max_size=len(ORDER))
"""Days between one step and the next: zero or more, so the dates never go back."""


def _approved(transfer: Transfer, days: list[int], count: int) -> Transfer:
    """``transfer`` approved by the first ``count`` parties, ``days`` apart."""
    day = transfer.applied_on
    for party, gap in zip(ORDER[:count], days, strict=False):
        day += dt.timedelta(days=gap)
        transfer = approve(transfer, party, day, policy=POLICY)
    return transfer


@given(applications, gaps)
def test_approving_every_party_in_order_completes_the_transfer(
    application: Transfer, days: list[int]
) -> None:
    completed = _approved(application, days, len(ORDER))

    last = application.applied_on + dt.timedelta(days=sum(days))
    assert (TransferStatus.COMPLETED, last, application.grade_before, None) == (
        completed.status,
        completed.completed_on,
        completed.grade_after,
        next_step(completed, policy=POLICY),
    )


@given(applications, gaps, st.integers(0, len(ORDER) - 1), st.sampled_from(list(ApprovalParty)))
def test_any_party_but_the_next_one_is_refused_naming_the_next_one(
    application: Transfer, days: list[int], count: int, party: ApprovalParty
) -> None:
    partly = _approved(application, days, count)
    expected = ORDER[count]
    assume(party is not expected)
    step_start = partly.applied_on if count == 0 else partly.approved_on(ORDER[count - 1])
    assert step_start is not None

    with pytest.raises(OutOfOrderApproval) as info:
        approve(partly, party, step_start + dt.timedelta(days=1), policy=POLICY)

    assert expected == info.value.expected


@given(applications, gaps, st.sampled_from(list(ApprovalParty)))
def test_nothing_is_approved_on_a_completed_transfer(
    application: Transfer, days: list[int], party: ApprovalParty
) -> None:
    completed = _approved(application, days, len(ORDER))
    last = completed.completed_on
    assert last is not None

    with pytest.raises(OutOfOrderApproval) as info:
        approve(completed, party, last, policy=POLICY)

    assert info.value.expected is None


@given(applications, gaps, st.integers(0, len(ORDER) - 1), st.integers(1, 40))
def test_an_approval_dated_before_the_step_starts_is_refused(
    application: Transfer, days: list[int], count: int, early: int
) -> None:
    partly = _approved(application, days, count)
    step = next_step(partly, policy=POLICY)
    assert step is not None

    with pytest.raises(OutOfOrderApproval):
        approve(partly, step.party, step.starts_on - dt.timedelta(days=early), policy=POLICY)


@given(applications, gaps, st.integers(0, len(ORDER) - 1))
def test_each_step_is_due_on_the_tenth_working_day_after_it_starts(
    application: Transfer, days: list[int], count: int
) -> None:
    step = next_step(_approved(application, days, count), policy=POLICY)
    assert step is not None

    assert (ORDER[count], LIMIT, True) == (
        step.party,
        count_working_days(step.starts_on + dt.timedelta(days=1), step.due_on, calendar=WORKING),
        WORKING.is_working_day(step.due_on),
    )


@given(applications, gaps, st.integers(0, len(ORDER)))
def test_a_transfer_made_by_the_workflow_never_breaks_tr_001(
    application: Transfer, days: list[int], count: int
) -> None:
    made = _approved(application, days, count)
    as_of = application.applied_on + dt.timedelta(days=sum(days) + 1)

    report = audit_bundle(Bundle(transfers=(made,)), as_of=as_of)

    assert [] == [str(finding.subject) for finding in report.select("TR-001")]
