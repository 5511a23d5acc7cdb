"""Strategies of the dropout ledger: cases, persuasion attempts and absences valid by
construction, and the plants of the DO rules for
:func:`dropout_control.strategies.violating_bundles`.

A healthy case, as the clean plants and :func:`cases` draw it, was opened within the
last ``case.contact_every_days`` days, has its plan made on the day it was opened and
names a responsible person; a returned one is closed as returned on an active student
who is present in the latest headcount, placed in a regular class of its usual grade.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dropout_control.calendar import SchoolDays
from dropout_control.errors import WorkingDaysNotCovered
from dropout_control.identity import StudentNumber
from dropout_control.ledger import (
    Absence,
    Attempt,
    AttemptOutcome,
    Case,
    CaseCause,
    CaseHistory,
    CaseOrigin,
    CaseOutcome,
    Placement,
)
from dropout_control.ledger.keys import (
    ABSENCE_SUSPECTED_DROPOUT_SCHOOL_DAYS,
    CASE_CONTACT_EVERY_DAYS,
    CASE_PLAN_WITHIN_DAYS,
    CASE_REGISTER_WITHIN_DAYS,
    CASE_WRITTEN_REPORT_AFTER_FAILED_ATTEMPTS,
    PLACEMENT_OVER_AGE_YEARS_FOR_VOCATIONAL,
)
from dropout_control.policy import Policy
from dropout_control.registry import RecordStatus, StudentRecord
from dropout_control.strategies._drafts import Draft, add_student, pick, students_where
from dropout_control.strategies._record_basics import (
    DEFAULT_AS_OF,
    SchoolCalendar,
    draw_resident_id,
    source,
)
from dropout_control.strategies._students import Placement as GradePlacement

__all__ = ["absences", "attempts", "case_histories", "cases"]

_DAY = dt.timedelta(days=1)
RESPONSIBLE = ("班主任 马老师", "村委会 王主任", "乡镇 包保干部", "校长")
CAUSES = st.sampled_from(list(CaseCause))
ORIGINS = st.sampled_from(list(CaseOrigin))


def _ledger_in_force(calendar: SchoolCalendar) -> bool:
    policy = calendar.policy
    return all(
        policy.is_in_force(key)
        for key in (CASE_PLAN_WITHIN_DAYS, CASE_CONTACT_EVERY_DAYS, CASE_REGISTER_WITHIN_DAYS)
    )


def _days(calendar: SchoolCalendar, key: str) -> int:
    return calendar.policy.value(key, int)


def _case_id(draft: Draft) -> str:
    return f"KC{calendar_year(draft)}-{len(draft.cases) + 1:04}"


def calendar_year(draft: Draft) -> int:
    return draft.calendar.as_of.year


@st.composite
def _open_case(
    draw: st.DrawFn, calendar: SchoolCalendar, *, case_id: str, student_number: str
) -> Case:
    """An open case that breaks no rule: planned on the day it was opened, within the
    last ``case.contact_every_days`` days, with a named responsible person."""
    contact = _days(calendar, CASE_CONTACT_EVERY_DAYS)
    opened = calendar.as_of - dt.timedelta(days=draw(st.integers(0, contact)))
    return Case(
        case_id,
        opened,
        student_number=student_number,
        origin=draw(ORIGINS),
        cause=draw(CAUSES),
        plan_made_on=opened,
        responsible=draw(st.sampled_from(RESPONSIBLE)),
    )


def cases(
    *, as_of: dt.date = DEFAULT_AS_OF, policy: Policy | None = None
) -> st.SearchStrategy[Case]:
    """Open dropout-ledger cases (台账) that break no rule on ``as_of``: planned on the day
    they were opened, within the last ``case.contact_every_days`` days, each naming who
    is responsible. Raises ``InvalidArgument`` before the ledger's parameters are in
    force."""
    calendar = SchoolCalendar.of(as_of, policy)
    if not _ledger_in_force(calendar):
        raise InvalidArgument(f"the ledger's parameters are not in force on {as_of}")
    numbers = st.builds(
        lambda n: n.reveal(),
        st.builds(StudentNumber.from_resident_id, st.from_type(_resident_id_type())),
    )

    @st.composite
    def one(draw: st.DrawFn) -> Case:
        case_id = f"KC{draw(st.integers(1, 9999)):04}"
        made = draw(_open_case(calendar, case_id=case_id, student_number=draw(numbers)))
        return attrs.evolve(made, source=source("cases", draw(st.integers(2, 10_000))))

    return one()


def _resident_id_type() -> type:
    from dropout_control.identity import ResidentId  # noqa: PLC0415

    return ResidentId


def attempts(
    *, as_of: dt.date = DEFAULT_AS_OF, policy: Policy | None = None
) -> st.SearchStrategy[Attempt]:
    """Persuasion attempts (劝返) made on or before ``as_of`` within the last
    ``case.contact_every_days`` days, failed: one alone never reaches a written report."""
    calendar = SchoolCalendar.of(as_of, policy)
    if not _ledger_in_force(calendar):
        raise InvalidArgument(f"the ledger's parameters are not in force on {as_of}")
    contact = _days(calendar, CASE_CONTACT_EVERY_DAYS)
    return st.builds(
        lambda number, days, by, line: Attempt(
            f"KC{number:04}",
            as_of - dt.timedelta(days=days),
            by,
            AttemptOutcome.FAILED,
            source=source("attempts", line),
        ),
        st.integers(1, 9999),
        st.integers(0, contact),
        st.sampled_from(RESPONSIBLE),
        st.integers(2, 10_000),
    )


def absences(
    *, as_of: dt.date = DEFAULT_AS_OF, policy: Policy | None = None
) -> st.SearchStrategy[Absence]:
    """Absences (缺勤) that make nobody a suspect on ``as_of``: excused ones of any
    length, unexcused ones of fewer school days than
    ``absence.suspected_dropout_school_days``."""
    calendar = SchoolCalendar.of(as_of, policy)
    threshold = (
        calendar.policy.value(ABSENCE_SUSPECTED_DROPOUT_SCHOOL_DAYS, int)
        if calendar.policy.is_in_force(ABSENCE_SUSPECTED_DROPOUT_SCHOOL_DAYS)
        else 1
    )

    @st.composite
    def one(draw: st.DrawFn) -> Absence:
        number = StudentNumber.from_resident_id(draw(st.from_type(_resident_id_type()))).reveal()
        start = as_of - dt.timedelta(days=draw(st.integers(0, 120)))
        length = draw(st.integers(0, 20))
        end = start + dt.timedelta(days=length)
        excused = draw(st.booleans())
        most = length + 1 if excused else min(length + 1, max(threshold - 1, 0))
        days = draw(st.integers(0, most))
        return Absence(
            number,
            start,
            end,
            days,
            excused,
            source=source("absences", draw(st.integers(2, 10_000))),
        )

    return one()


@st.composite
def case_histories(
    draw: st.DrawFn,
    *,
    opened_from: dt.date = dt.date(2019, 3, 20),
    opened_until: dt.date = dt.date(2023, 12, 31),
) -> CaseHistory:
    """Histories of one case valid by construction: opened between the two dates, its
    plan, written report, return, closing and attempts each on or after the opening (in
    any order among themselves), a closing with its outcome (a return closed as
    returned), and maybe the day the child dropped out again."""
    opened = draw(st.dates(opened_from, opened_until))

    def later(span: int = 400) -> dt.date | None:
        return draw(st.one_of(st.none(), st.dates(opened, opened + dt.timedelta(days=span))))

    plan, report, returned = later(), later(), later()
    outcome = draw(st.sampled_from([None, *CaseOutcome]))
    closed = (returned or later() or opened) if outcome is not None else None
    if outcome is CaseOutcome.RETURNED and returned is None:
        returned = closed
    case = Case(
        "KC1",
        opened,
        student_number="G622921201001010031",
        plan_made_on=plan,
        written_report_on=report,
        closed_on=closed,
        outcome=outcome,
        returned_on=returned,
        responsible=draw(st.sampled_from([None, *RESPONSIBLE])),
    )
    days = draw(st.lists(st.dates(opened, opened + dt.timedelta(days=400)), max_size=4))
    tries = tuple(
        Attempt(
            "KC1",
            day,
            draw(st.sampled_from(RESPONSIBLE)),
            draw(st.sampled_from(list(AttemptOutcome))),
        )
        for day in days
    )
    return CaseHistory(case, tries, later(800))


# Plants ------------------------------------------------------------------------------


def _present_students(draft: Draft) -> list[StudentRecord]:
    return students_where(draft, lambda r: r.status is RecordStatus.ACTIVE)


def _with_case(draft: Draft, case: Case, *attempts_made: Attempt) -> Draft:
    return attrs.evolve(
        draft, cases=(*draft.cases, case), attempts=(*draft.attempts, *attempts_made)
    )


def _stranger(draw: st.DrawFn, draft: Draft) -> str:
    """The student number of a child the bundle does not otherwise hold."""
    calendar = draft.calendar
    number = draw_resident_id(draw, born=calendar.window, used=draft.keys_in_use())
    return StudentNumber.from_resident_id(number).reveal()


def plant_do_001(draw: st.DrawFn, draft: Draft) -> Draft:
    """An active student absent without excuse long enough to be a suspect, more than
    ``case.register_within_days`` days ago, and no case."""
    calendar = draft.calendar
    policy = calendar.policy
    threshold = policy.value(ABSENCE_SUSPECTED_DROPOUT_SCHOOL_DAYS, int)
    register = _days(calendar, CASE_REGISTER_WITHIN_DAYS)
    record = pick(draw, _present_students(draft))
    school_days = SchoolDays.of_policy(policy)
    latest = calendar.as_of - dt.timedelta(days=register + 1)
    # the latest start whose threshold-th school day comes by ``latest``
    start = latest
    try:
        while school_days.count(start, latest) < threshold:
            start -= _DAY
    except WorkingDaysNotCovered as gap:
        raise InvalidArgument(f"school days of {gap.year} are not known") from None
    start -= dt.timedelta(days=draw(st.integers(0, 20)))
    end = start + dt.timedelta(
        days=draw(st.integers((latest - start).days, (calendar.as_of - start).days))
    )
    spell = Absence(record.key, start, end, school_days.count(start, end), excused=False)
    return attrs.evolve(draft, absences=(*draft.absences, spell))


def plant_do_002(draw: st.DrawFn, draft: Draft) -> Draft:
    """An open case with no plan, opened more than ``case.plan_within_days`` days ago
    (and no more than ``case.contact_every_days``, so it is not stale)."""
    calendar = draft.calendar
    plan = _days(calendar, CASE_PLAN_WITHIN_DAYS)
    contact = _days(calendar, CASE_CONTACT_EVERY_DAYS)
    record = pick(draw, _present_students(draft))
    made = draw(_open_case(calendar, case_id=_case_id(draft), student_number=record.key))
    opened = calendar.as_of - dt.timedelta(days=draw(st.integers(plan + 1, max(plan + 1, contact))))
    return _with_case(draft, attrs.evolve(made, opened_on=opened, plan_made_on=None))


def plant_do_003(draw: st.DrawFn, draft: Draft) -> Draft:
    """An open case that names nobody responsible."""
    record = pick(draw, _present_students(draft))
    made = draw(_open_case(draft.calendar, case_id=_case_id(draft), student_number=record.key))
    return _with_case(draft, attrs.evolve(made, responsible=None))


def plant_do_004(draw: st.DrawFn, draft: Draft) -> Draft:
    """An open case whose persuasion failed as often as needs a written report, the
    attempts recent, no report."""
    calendar = draft.calendar
    needed = max(_days(calendar, CASE_WRITTEN_REPORT_AFTER_FAILED_ATTEMPTS), 1)
    contact = _days(calendar, CASE_CONTACT_EVERY_DAYS)
    record = pick(draw, _present_students(draft))
    made = draw(_open_case(calendar, case_id=_case_id(draft), student_number=record.key))
    opened_days = (calendar.as_of - made.opened_on).days
    tries = [
        Attempt(
            made.case_id,
            calendar.as_of - dt.timedelta(days=draw(st.integers(0, min(opened_days, contact)))),
            draw(st.sampled_from(RESPONSIBLE)),
            draw(st.sampled_from([AttemptOutcome.FAILED, AttemptOutcome.REFUSED])),
        )
        for _ in range(needed + draw(st.integers(0, 1)))
    ]
    return _with_case(draft, made, *tries)


def _returned_case(
    draw: st.DrawFn, calendar: SchoolCalendar, *, case_id: str, student_number: str
) -> Case:
    """A case closed as returned within the last ``case.contact_every_days`` days."""
    made = draw(_open_case(calendar, case_id=case_id, student_number=student_number))
    back = made.opened_on + dt.timedelta(
        days=draw(st.integers(0, (calendar.as_of - made.opened_on).days))
    )
    return attrs.evolve(
        made,
        returned_on=back,
        closed_on=back,
        outcome=CaseOutcome.RETURNED,
        placement=Placement.REGULAR,
        vocational_considered=draw(st.sampled_from([None, False, True])),
    )


def plant_do_005(draw: st.DrawFn, draft: Draft) -> Draft:
    """A case closed as returned for a child on no record at all (returned on paper)."""
    made = _returned_case(
        draw, draft.calendar, case_id=_case_id(draft), student_number=_stranger(draw, draft)
    )
    return _with_case(draft, made)


def plant_do_006(draw: st.DrawFn, draft: Draft) -> Draft:
    """A case closed for a reason other than return with no evidence recorded."""
    made = draw(
        _open_case(draft.calendar, case_id=_case_id(draft), student_number=_stranger(draw, draft))
    )
    outcome = draw(st.sampled_from([o for o in CaseOutcome if o is not CaseOutcome.RETURNED]))
    closed = made.opened_on + dt.timedelta(
        days=draw(st.integers(0, (draft.calendar.as_of - made.opened_on).days))
    )
    return _with_case(
        draft,
        attrs.evolve(
            made,
            closed_on=closed,
            outcome=outcome,
            outcome_evidence=None,
        ),
    )


def plant_do_007(draw: st.DrawFn, draft: Draft) -> Draft:
    """An open case, planned, with no attempt for longer than ``case.contact_every_days``."""
    calendar = draft.calendar
    contact = _days(calendar, CASE_CONTACT_EVERY_DAYS)
    record = pick(draw, _present_students(draft))
    made = draw(_open_case(calendar, case_id=_case_id(draft), student_number=record.key))
    opened = calendar.as_of - dt.timedelta(days=draw(st.integers(contact + 1, contact + 200)))
    return _with_case(draft, attrs.evolve(made, opened_on=opened, plan_made_on=opened))


def plant_do_008(draw: st.DrawFn, draft: Draft) -> Draft:
    """A case closed as returned, then a new case of the same child opened after the
    return (the child present again by now)."""
    calendar = draft.calendar
    record = pick(draw, _present_students(draft))
    first = _returned_case(draw, calendar, case_id=_case_id(draft), student_number=record.key)
    assert first.returned_on is not None
    if first.returned_on >= calendar.as_of:
        first = attrs.evolve(first, returned_on=first.opened_on, closed_on=first.opened_on)
    if first.opened_on >= calendar.as_of:
        first = attrs.evolve(
            first,
            opened_on=calendar.as_of - _DAY,
            plan_made_on=calendar.as_of - _DAY,
            returned_on=calendar.as_of - _DAY,
            closed_on=calendar.as_of - _DAY,
        )
    assert first.returned_on is not None
    draft = _with_case(draft, first)
    later = draw(_open_case(calendar, case_id=_case_id(draft), student_number=record.key))
    start = first.returned_on + _DAY
    opened = start + dt.timedelta(days=draw(st.integers(0, (calendar.as_of - start).days)))
    return _with_case(draft, attrs.evolve(later, opened_on=opened, plan_made_on=opened))


def plant_do_009(draw: st.DrawFn, draft: Draft) -> Draft:
    """A student over-age for its grade by the vocational threshold, back from a case
    and placed in an ordinary class with no consideration of 职普融合 recorded."""
    calendar = draft.calendar
    years = calendar.policy.value(PLACEMENT_OVER_AGE_YEARS_FOR_VOCATIONAL, int)
    grade = 1
    placement = GradePlacement(
        grade, calendar.current.start_year, calendar.cohort_of_grade(grade + years)
    )
    draft, record = add_student(draw, draft, placement)
    made = _returned_case(draw, calendar, case_id=_case_id(draft), student_number=record.key)
    return _with_case(
        draft,
        attrs.evolve(
            made,
            placement=draw(st.sampled_from([Placement.REGULAR, Placement.INSERTED])),
            vocational_considered=draw(st.sampled_from([None, False])),
        ),
    )
