"""Strategies of the movements of students: transfers (转学) and suspensions of study
(休学), with the policy checks and dates they are drawn by."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dropout_control.calendar import SchoolYear, Term
from dropout_control.identity import StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.policy import Policy
from dropout_control.registry import StudentRecord
from dropout_control.strategies._record_basics import (
    DAYS_TO_APPROVE_SUSPENSION,
    DEFAULT_AS_OF,
    MAX_SUSPENSION_DAYS,
    SchoolCalendar,
    between,
    draw_resident_id,
    lines,
    school_codes,
    source,
    value,
)
from dropout_control.suspensions import Suspension
from dropout_control.suspensions.keys import (
    SUSPENSION_ALLOWED_GROUNDS,
    SUSPENSION_APPROVERS,
    SUSPENSION_MAX_DAYS,
)
from dropout_control.transfers import Transfer, TransferStatus, approval_order
from dropout_control.transfers.keys import (
    TRANSFER_APPROVAL_ORDER,
    TRANSFER_PARTY_LIMIT_WORKING_DAYS,
)

# Transfers and suspensions --------------------------------------------------------------

_TRANSFER_KEYS = (TRANSFER_APPROVAL_ORDER, TRANSFER_PARTY_LIMIT_WORKING_DAYS)
_SUSPENSION_KEYS = (SUSPENSION_ALLOWED_GROUNDS, SUSPENSION_APPROVERS)


def can_transfer(calendar: SchoolCalendar) -> bool:
    """Whether the policy says who approves a transfer and how fast."""
    return all(calendar.policy.is_in_force(key) for key in _TRANSFER_KEYS)


def can_suspend(calendar: SchoolCalendar) -> bool:
    """Whether the policy says on what grounds and by whom study is suspended."""
    return all(calendar.policy.is_in_force(key) for key in _SUSPENSION_KEYS)


def in_graduating_final_term(calendar: SchoolCalendar, grade: int, day: dt.date) -> bool:
    """Whether ``day`` falls in the final (spring) term of ``grade`` when ``grade`` is the
    last grade of a stage (TR-005 and its like)."""
    ends = (calendar.structure.primary_years, calendar.structure.final_grade)
    year = SchoolYear.containing(day, policy=calendar.policy)
    return grade in ends and year.term_of(day) is Term.SPRING


def grade_on(calendar: SchoolCalendar, record: StudentRecord, day: dt.date) -> int:
    """The grade ``record`` was in on ``day``, a year lower for each school year back."""
    year = SchoolYear.containing(day, policy=calendar.policy)
    return record.grade - (calendar.current.start_year - year.start_year)


def approvals(calendar: SchoolCalendar, start: dt.date, gaps: Sequence[int]) -> list[dt.date]:
    """Approval dates, each ``gaps[i]`` working days after the one before (the first after
    ``start``)."""
    dates: list[dt.date] = []
    for gap in gaps:
        start = calendar.add_working_days(start, gap)
        dates.append(start)
    return dates


def draw_transfer(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    *,
    transfer_id: str,
    student_number: StudentNumber,
    from_school: str,
    to_school: str,
    grade_before: int,
    applied: tuple[dt.date, dt.date],
    complete: bool,
) -> Transfer:
    """A transfer applied for on a day of ``applied`` (up to the audit date), approved in
    the policy's order, each party within its working-day limit. Complete: every party
    approved by the audit date, completed on the last approval, the grade kept. Else
    pending, with the approvals dated by the audit date and the next one not yet due.
    """
    policy = calendar.policy
    as_of = calendar.as_of
    order = approval_order(policy)
    limit = policy.value(TRANSFER_PARTY_LIMIT_WORKING_DAYS, int)
    gaps = [draw(st.integers(0, limit)) for _ in order]
    applied_on = draw(between(*applied))
    dates = approvals(calendar, applied_on, gaps)
    if not complete:
        # The approvals dated by the audit date (maybe none yet), the next not yet due.
        dates = [day for day in dates[: draw(st.integers(0, len(order) - 1))] if day <= as_of]
        if calendar.add_working_days(dates[-1] if dates else applied_on, limit) < as_of:
            # the next one overdue: complete it instead
            complete = True
            dates = approvals(calendar, applied_on, gaps)
    if complete and dates[-1] > as_of:
        applied_on = applied[0]
        dates = approvals(calendar, applied_on, gaps)
    if complete and dates[-1] > as_of:
        dates = [applied_on] * len(order)
    approved: dict[str, Any] = {
        party.date_field: day for party, day in zip(order, dates, strict=False)
    }
    return Transfer(
        transfer_id=transfer_id,
        student_number=student_number,
        from_school=from_school,
        to_school=to_school,
        applied_on=applied_on,
        grade_before=grade_before,
        status=TransferStatus.COMPLETED if complete else TransferStatus.PENDING,
        grade_after=grade_before if complete else None,
        completed_on=dates[-1] if complete else None,
        **approved,
    )


@st.composite
def _transfers(
    draw: st.DrawFn, calendar: SchoolCalendar, schools: st.SearchStrategy[str]
) -> Transfer:
    grade = draw(st.integers(1, min(calendar.cohorts, calendar.final_grade)))
    number = draw_resident_id(draw, born=calendar.cohort(calendar.cohort_of_grade(grade)))
    first = calendar.current.start
    last = calendar.as_of
    if grade in (calendar.structure.primary_years, calendar.final_grade):
        last = min(last, calendar.current.spring_term_start - dt.timedelta(days=1))
    from_school = draw(schools)
    transfer = draw_transfer(
        draw,
        calendar,
        transfer_id=f"ZX{calendar.current.start_year}{draw(st.integers(1, 9999)):04}",
        student_number=StudentNumber.from_resident_id(number),
        from_school=from_school,
        to_school=draw(schools.filter(lambda school: school != from_school)),
        grade_before=grade,
        applied=(first, last),
        complete=draw(st.booleans()),
    )
    return attrs.evolve(transfer, source=source("transfers", draw(lines())))


def transfers(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
    school_ids: Sequence[str] | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Transfer]:
    """Lawful transfers (转学) of a G student number between two of ``school_ids``.

    Applied for in the current school year up to ``as_of`` (before the final term when
    the grade ends a stage), approved in the order ``transfer.approval_order``, each
    party within ``transfer.party_limit_working_days`` working days: either completed on
    the last approval with the grade kept, or pending with its next step not yet due.
    """
    calendar = SchoolCalendar.of(as_of, policy)
    if not can_transfer(calendar):
        raise InvalidArgument(f"no transfer rules are in force on {as_of}")
    schools = school_codes(school_ids)
    if isinstance(school_ids, Sequence) and len(set(school_ids)) < 2:  # noqa: PLR2004
        raise InvalidArgument("a transfer needs two schools among school_ids")
    return _transfers(calendar, schools)


def draw_suspension(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    *,
    suspension_id: str,
    student_number: StudentNumber | MalformedNumber,
    start: dt.date,
    last_day_from: dt.date,
) -> Suspension:
    """A suspension approved on allowed grounds by an allowed approver, from ``start`` to
    a day from ``last_day_from`` on, at most ``suspension.max_days`` long."""
    policy = calendar.policy
    longest = value(policy, SUSPENSION_MAX_DAYS, MAX_SUSPENSION_DAYS)
    return Suspension(
        suspension_id=suspension_id,
        student_number=student_number,
        start=start,
        end=draw(between(max(start, last_day_from), start + dt.timedelta(days=longest - 1))),
        grounds=draw(st.sampled_from(policy.value(SUSPENSION_ALLOWED_GROUNDS, tuple))),
        approved_by=draw(st.sampled_from(policy.value(SUSPENSION_APPROVERS, tuple))),
        approved_on=draw(between(start - dt.timedelta(days=DAYS_TO_APPROVE_SUSPENSION), start)),
    )


@st.composite
def _suspensions(draw: st.DrawFn, calendar: SchoolCalendar) -> Suspension:
    grade = draw(st.integers(1, min(calendar.cohorts, calendar.final_grade)))
    number = draw_resident_id(draw, born=calendar.cohort(calendar.cohort_of_grade(grade)))
    last = calendar.as_of
    if grade in (calendar.structure.primary_years, calendar.final_grade):
        last = min(last, calendar.current.spring_term_start - dt.timedelta(days=1))
    start = draw(between(calendar.current.start, last))
    suspension = draw_suspension(
        draw,
        calendar,
        suspension_id=f"XX{calendar.current.start_year}{draw(st.integers(1, 9999)):04}",
        student_number=StudentNumber.from_resident_id(number),
        start=start,
        last_day_from=calendar.as_of,
    )
    return attrs.evolve(suspension, source=source("suspensions", draw(lines())))


def suspensions(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
) -> st.SearchStrategy[Suspension]:
    """Lawful suspensions of study (休学) running on ``as_of``.

    Started in the current school year (before the final term when the grade ends a
    stage), on grounds of ``suspension.allowed_grounds``, approved by one of
    ``suspension.approvers`` within a month before the start, at most
    ``suspension.max_days`` long, not extended, the student not yet returned.
    """
    calendar = SchoolCalendar.of(as_of, policy)
    if not can_suspend(calendar):
        raise InvalidArgument(f"no suspension rules are in force on {as_of}")
    return _suspensions(calendar)
