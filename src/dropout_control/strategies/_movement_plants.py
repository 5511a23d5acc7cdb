"""The plants of the transfer and suspension rules (TR-001 to TR-006, SUS-*) of
:func:`dropout_control.strategies.violating_bundles`: one function per rule, planting a
violation into a clean draft."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import strategies as st

from dropout_control.calendar import SchoolYear
from dropout_control.identity import StudentNumber
from dropout_control.registry import RecordStatus, StudentRecord
from dropout_control.strategies._drafts import (
    BAD_APPROVERS,
    BAD_GROUNDS,
    ONE_DAY,
    Draft,
    add_student,
    between,
    coin,
    lawful_days,
    pick,
    replaced,
    students_where,
    transfer_of,
)
from dropout_control.strategies._movements import (
    approvals,
    draw_suspension,
    grade_on,
    in_graduating_final_term,
)
from dropout_control.strategies._record_basics import SchoolCalendar, draw_resident_id, school_ids
from dropout_control.strategies._students import Placement, draw_student
from dropout_control.suspensions import Suspension
from dropout_control.suspensions.keys import (
    SUSPENSION_ALLOWED_GROUNDS,
    SUSPENSION_APPROVERS,
    SUSPENSION_MAX_DAYS,
    SUSPENSION_MAX_EXTENSIONS,
    SUSPENSION_RETURN_GRACE_DAYS,
)
from dropout_control.transfers import ApprovalParty, Transfer, TransferStatus, approval_order
from dropout_control.transfers.keys import (
    TRANSFER_PARTY_LIMIT_WORKING_DAYS,
    TRANSFER_UNPLACED_AFTER_DAYS,
)

# Plants in transfers.


def _dated(approved: dict[ApprovalParty, dt.date]) -> dict[str, Any]:
    """Approval dates as the transfer's fields."""
    return {party.date_field: day for party, day in approved.items()}


def _with_transfer(draft: Draft, transfer: Transfer) -> Draft:
    return attrs.evolve(draft, transfers=(*draft.transfers, transfer))


def _movable(
    draw: st.DrawFn, draft: Draft, keep: Callable[[StudentRecord], bool]
) -> tuple[Draft, StudentRecord]:
    """An active student with a student number and no suspension that ``keep`` accepts;
    a new one in grade 4 (a grade that ends no stage) when there is none."""
    suspended = {suspension.student_key for suspension in draft.suspensions}
    candidates = students_where(
        draft,
        lambda r: (
            r.status is RecordStatus.ACTIVE
            and isinstance(r.student_number, StudentNumber)
            and r.key not in suspended
            and keep(r)
        ),
    )
    if candidates:
        return draft, pick(draw, candidates)
    grade = min(4, draft.calendar.cohorts)
    calendar = draft.calendar
    return add_student(
        draw, draft, Placement(grade, calendar.current.start_year, calendar.cohort_of_grade(grade))
    )


def plant_tr_001(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    completed = [t for t in draft.transfers if t.status is TransferStatus.COMPLETED]
    if completed and coin(draw):
        transfer = pick(draw, completed)
    else:
        draft, record = _movable(draw, draft, lambda r: True)
        transfer = transfer_of(draw, calendar, record, draft.new_id("ZX"), complete=True)
        draft = _with_transfer(draft, transfer)
    order = approval_order(calendar.policy)
    last = max(day for party in order if (day := transfer.approved_on(party)) is not None)
    if transfer.applied_on < last and coin(draw):  # completed before its last approval
        wrong = attrs.evolve(
            transfer, completed_on=between(draw, transfer.applied_on, last - ONE_DAY)
        )
    else:  # completed without one party's approval
        skipped: dict[str, Any] = {pick(draw, order).date_field: None}
        wrong = attrs.evolve(transfer, **skipped)
    return attrs.evolve(draft, transfers=replaced(draft.transfers, transfer, wrong))


def _fits(calendar: SchoolCalendar, record: StudentRecord, day: dt.date) -> bool:
    """Whether ``record`` was in a grade on ``day`` in which it could apply to transfer."""
    grade = grade_on(calendar, record, day)
    return grade >= 1 and not in_graduating_final_term(calendar, grade, day)


def plant_tr_002(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    policy = calendar.policy
    limit = policy.value(TRANSFER_PARTY_LIMIT_WORKING_DAYS, int)
    order = approval_order(policy)
    slow = pick(draw, range(len(order)))
    gaps = [
        limit + draw(st.integers(1, 10)) if i == slow else draw(st.integers(0, limit))
        for i in range(len(order))
    ]
    applied_on = calendar.as_of
    while approvals(calendar, applied_on, gaps)[-1] > calendar.as_of:
        applied_on -= ONE_DAY
    pending = coin(draw)
    if pending:  # the receiving school approved the day it applied, nobody since
        applied_on = calendar.as_of - ONE_DAY
        while calendar.add_working_days(applied_on, limit) >= calendar.as_of:
            applied_on -= ONE_DAY
        applied_on -= dt.timedelta(days=draw(st.integers(0, 60)))
    draft, record = _movable(draw, draft, lambda r: _fits(calendar, r, applied_on))
    if not _fits(calendar, record, applied_on):
        raise AssertionError("a new student in grade 4 can always apply")
    assert isinstance(record.student_number, StudentNumber)
    other = draw(school_ids().filter(lambda school: school != record.school_id))
    grade = grade_on(calendar, record, applied_on)
    if pending:
        transfer = Transfer(
            transfer_id=draft.new_id("ZX"),
            student_number=record.student_number,
            from_school=record.school_id,
            to_school=other,
            applied_on=applied_on,
            grade_before=grade,
            status=TransferStatus.PENDING,
            **_dated({order[0]: applied_on}),
        )
    else:
        dates = approvals(calendar, applied_on, gaps)
        transfer = Transfer(
            transfer_id=draft.new_id("ZX"),
            student_number=record.student_number,
            from_school=other,
            to_school=record.school_id,
            applied_on=applied_on,
            grade_before=grade,
            grade_after=grade,
            status=TransferStatus.COMPLETED,
            completed_on=dates[-1],
            **_dated(dict(zip(order, dates, strict=True))),
        )
    return _with_transfer(draft, transfer)


def plant_tr_003(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    draft, record = _movable(draw, draft, lambda r: True)
    transfer = transfer_of(draw, calendar, record, draft.new_id("ZX"), complete=True)
    other = [g for g in (record.grade - 1, record.grade + 1) if 1 <= g <= calendar.final_grade]
    grade = pick(draw, other)
    if coin(draw) and not in_graduating_final_term(calendar, grade, transfer.applied_on):
        transfer = attrs.evolve(transfer, grade_before=grade)  # came from another grade
    else:
        transfer = attrs.evolve(transfer, grade_after=grade)  # put into another grade
    return _with_transfer(draft, transfer)


def plant_tr_004(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    as_of = calendar.as_of
    draft, record = _movable(draw, draft, lambda r: True)
    transfer = transfer_of(draw, calendar, record, draft.new_id("ZX"), complete=True)
    applied_on = transfer.applied_on
    start = applied_on - dt.timedelta(days=draw(st.integers(0, 60)))
    returned_on = between(draw, applied_on + ONE_DAY, as_of) if applied_on < as_of else None
    suspension = draw_suspension(
        draw,
        calendar,
        suspension_id=draft.new_id("XX"),
        student_number=record.student_number,
        start=start,
        last_day_from=returned_on or applied_on,
    )
    suspension = attrs.evolve(suspension, returned_on=returned_on)
    return attrs.evolve(
        _with_transfer(draft, transfer), suspensions=(*draft.suspensions, suspension)
    )


def _stage_end_years(calendar: SchoolCalendar, record: StudentRecord) -> list[int]:
    """School years in whose final term ``record`` was in a grade that ends a stage."""
    years = []
    for back in range(record.grade):
        year = SchoolYear.starting(calendar.current.start_year - back, policy=calendar.policy)
        if year.final_term_start <= calendar.as_of and in_graduating_final_term(
            calendar, record.grade - back, year.final_term_start
        ):
            years.append(year.start_year)
    return years


def plant_tr_005(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    candidates = students_where(
        draft,
        lambda r: (
            r.status is RecordStatus.ACTIVE
            and isinstance(r.student_number, StudentNumber)
            and bool(_stage_end_years(calendar, r))
        ),
    )
    if candidates and coin(draw):
        record = pick(draw, candidates)
    else:  # in the first junior grade: last year in the final term of primary school
        grade = calendar.structure.primary_years + 1
        draft, record = add_student(
            draw,
            draft,
            Placement(grade, calendar.current.start_year, calendar.cohort_of_grade(grade)),
        )
    year = SchoolYear.starting(
        pick(draw, _stage_end_years(calendar, record)), policy=calendar.policy
    )
    transfer = transfer_of(
        draw,
        calendar,
        record,
        draft.new_id("ZX"),
        complete=True,
        grade_before=grade_on(calendar, record, year.final_term_start),
        applied=(year.final_term_start, min(year.end, calendar.as_of)),
    )
    return _with_transfer(draft, transfer)


# Known region codes outside Linxia, for children who are not on its roster.
OUTSIDE_REGIONS = ("620102", "620502", "630102", "640104")


def plant_tr_006(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    grade = draw(st.integers(1, min(calendar.cohorts, calendar.final_grade)))
    number = draw_resident_id(
        draw,
        regions=st.sampled_from(OUTSIDE_REGIONS),
        born=calendar.cohort(calendar.cohort_of_grade(grade)),
        used=draft.keys_in_use(),
    )
    record = draw_student(
        draw,
        calendar,
        resident_id=number,
        placement=Placement(grade, calendar.current.start_year, calendar.cohort_of_grade(grade)),
        status=RecordStatus.TRANSFERRED_OUT,
        school_id=pick(draw, draft.schools),
    )
    limit = calendar.policy.value(TRANSFER_UNPLACED_AFTER_DAYS, int)
    left_on = calendar.as_of - dt.timedelta(days=limit + draw(st.integers(1, 200)))
    lost = attrs.evolve(record, status_since=left_on)
    return attrs.evolve(draft, students=(*draft.students, lost))


# Plants in suspensions.


def _settled(
    draw: st.DrawFn, draft: Draft, grade: int | None = None
) -> tuple[Draft, StudentRecord]:
    """An active student with a student number, no transfer and no suspension (in
    ``grade`` if given); a new one (in ``grade``, else grade 4) when there is none."""
    calendar = draft.calendar
    busy = {t.student_key for t in draft.transfers} | {s.student_key for s in draft.suspensions}
    candidates = students_where(
        draft,
        lambda r: (
            r.status is RecordStatus.ACTIVE
            and isinstance(r.student_number, StudentNumber)
            and r.key not in busy
            and (grade is None or r.grade == grade)
        ),
    )
    if candidates:
        return draft, pick(draw, candidates)
    chosen = min(4, calendar.cohorts) if grade is None else grade
    placement = Placement(chosen, calendar.current.start_year, calendar.cohort_of_grade(chosen))
    return add_student(draw, draft, placement)


def _returned_suspension(
    draw: st.DrawFn, draft: Draft, record: StudentRecord, days: tuple[dt.date, dt.date]
) -> Suspension:
    """A lawful suspension of ``record`` started on a day of ``days`` and returned from
    by the audit date."""
    start = between(draw, *days)
    returned_on = between(draw, start, draft.calendar.as_of)
    suspension = draw_suspension(
        draw,
        draft.calendar,
        suspension_id=draft.new_id("XX"),
        student_number=record.student_number,
        start=start,
        last_day_from=returned_on,
    )
    return attrs.evolve(suspension, returned_on=returned_on)


def _some_suspension(draw: st.DrawFn, draft: Draft) -> tuple[Draft, Suspension]:
    """A suspension of the draft (a suspended student's), or a new, returned one of an
    active student, started on a lawful day; the draft holds it."""
    if draft.suspensions and coin(draw):
        return draft, pick(draw, draft.suspensions)
    draft, record = _settled(draw, draft)
    suspension = _returned_suspension(
        draw, draft, record, lawful_days(draft.calendar, record.grade)
    )
    return attrs.evolve(draft, suspensions=(*draft.suspensions, suspension)), suspension


def _with_suspension_changed(draft: Draft, old: Suspension, new: Suspension) -> Draft:
    return attrs.evolve(draft, suspensions=replaced(draft.suspensions, old, new))


def plant_sus_001(draw: st.DrawFn, draft: Draft) -> Draft:
    allowed = draft.calendar.policy.value(SUSPENSION_ALLOWED_GROUNDS, tuple)
    draft, suspension = _some_suspension(draw, draft)
    grounds = [g for g in BAD_GROUNDS if g not in allowed] or ["unknown_grounds"]
    wrong = attrs.evolve(suspension, grounds=pick(draw, grounds))
    return _with_suspension_changed(draft, suspension, wrong)


def plant_sus_002(draw: st.DrawFn, draft: Draft) -> Draft:
    allowed = draft.calendar.policy.value(SUSPENSION_APPROVERS, tuple)
    draft, suspension = _some_suspension(draw, draft)
    approvers = [a for a in BAD_APPROVERS if a not in allowed] or ["unknown_body"]
    wrong = attrs.evolve(suspension, approved_by=pick(draw, approvers))
    return _with_suspension_changed(draft, suspension, wrong)


def plant_sus_003(draw: st.DrawFn, draft: Draft) -> Draft:
    policy = draft.calendar.policy
    max_days = policy.value(SUSPENSION_MAX_DAYS, int)
    max_extensions = policy.value(SUSPENSION_MAX_EXTENSIONS, int)
    draft, suspension = _some_suspension(draw, draft)
    if coin(draw):  # extended once too often
        wrong = attrs.evolve(suspension, extensions=max_extensions + draw(st.integers(1, 2)))
    else:  # longer than a suspension may be
        too_long = max_days + draw(st.integers(0, 60))
        wrong = attrs.evolve(suspension, end=suspension.start + dt.timedelta(days=too_long))
    return _with_suspension_changed(draft, suspension, wrong)


def plant_sus_004(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    policy = calendar.policy
    grace = policy.value(SUSPENSION_RETURN_GRACE_DAYS, int)
    last_end = calendar.as_of - dt.timedelta(days=grace + 2)  # then overdue past grace
    draft, record = _settled(draw, draft)
    for back in range(3):
        year = SchoolYear.starting(calendar.current.start_year - back, policy=policy)
        first, last = year.start, min(last_end, year.end)
        if in_graduating_final_term(calendar, record.grade, year.final_term_start):
            last = min(last, year.final_term_start - ONE_DAY)
        if first <= last:
            break
    start = between(draw, first, last)
    suspension = draw_suspension(
        draw,
        calendar,
        suspension_id=draft.new_id("XX"),
        student_number=record.student_number,
        start=start,
        last_day_from=start,
    )
    suspension = attrs.evolve(suspension, end=between(draw, start, min(suspension.end, last_end)))
    gone = attrs.evolve(record, status=RecordStatus.SUSPENDED, status_since=start)
    return attrs.evolve(
        draft,
        students=replaced(draft.students, record, gone),
        suspensions=(*draft.suspensions, suspension),
    )


def plant_sus_005(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    current = calendar.current
    grade = pick(draw, [calendar.structure.primary_years, calendar.final_grade])
    if current.final_term_start <= calendar.as_of:  # an active student, suspended this spring
        draft, record = _settled(draw, draft, grade)
        suspension = _returned_suspension(
            draw, draft, record, (current.final_term_start, calendar.as_of)
        )
        return attrs.evolve(draft, suspensions=(*draft.suspensions, suspension))
    # Before this year's final term: a student suspended in last year's final term and
    # still suspended, the record left in the grade it was suspended in.
    last_year = SchoolYear.starting(current.start_year - 1, policy=calendar.policy)
    placement = Placement(
        grade, current.start_year, calendar.cohort_of_grade(grade + calendar.years_behind)
    )
    draft, record = add_student(draw, draft, placement)
    start = between(draw, last_year.final_term_start, last_year.end)
    max_days = calendar.policy.value(SUSPENSION_MAX_DAYS, int)
    extensions = 0 if (calendar.as_of - start).days < max_days else 1
    suspension = draw_suspension(
        draw,
        calendar,
        suspension_id=draft.new_id("XX"),
        student_number=record.student_number,
        start=start,
        last_day_from=calendar.as_of,
    )
    suspension = attrs.evolve(suspension, extensions=extensions)
    if extensions:
        suspension = attrs.evolve(suspension, end=calendar.as_of)
    suspended = attrs.evolve(record, status=RecordStatus.SUSPENDED, status_since=start)
    return attrs.evolve(
        draft,
        students=replaced(draft.students, record, suspended),
        suspensions=(*draft.suspensions, suspension),
    )
