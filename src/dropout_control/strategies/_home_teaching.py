"""Strategies of home-teaching visits (送教上门), and the plants of the HT rules."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from dropout_control.home_teaching import HomeTeachingVisit, teaching_progress
from dropout_control.identity import StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.policy import Policy
from dropout_control.registry import RecordStatus, StudentRecord, StudyMode
from dropout_control.strategies._drafts import (
    Draft,
    add_student,
    between,
    coin,
    pick,
    replaced,
    students_where,
)
from dropout_control.strategies._record_basics import (
    DEFAULT_AS_OF,
    SchoolCalendar,
    draw_resident_id,
    lines,
    names,
    school_ids,
    source,
)
from dropout_control.strategies._students import Placement

__all__ = ["home_teaching_visits"]

_MAX_PERIODS_A_VISIT = 8
_DAYS_TO_ASSESS = 400


@st.composite
def _visits(draw: st.DrawFn, calendar: SchoolCalendar) -> HomeTeachingVisit:
    number = draw_resident_id(draw, born=calendar.window)
    return HomeTeachingVisit(
        student_number=StudentNumber.from_resident_id(number),
        on=between(draw, calendar.current.start, calendar.as_of),
        periods=draw(st.integers(1, _MAX_PERIODS_A_VISIT)),
        teacher=draw(names()),
        school_id=draw(school_ids()),
        source=source("home_teaching", draw(lines())),
    )


def home_teaching_visits(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
) -> st.SearchStrategy[HomeTeachingVisit]:
    """Home-teaching visits (送教上门) of the school year of ``as_of``, on or before it.

    Each visit is to a child of school age (a G number), of one to eight periods, by a
    named teacher, and names the school that teaches the child: drawn alone, its school
    holds no record the audit could compare with, so it breaks no rule.
    """
    return _visits(SchoolCalendar.of(as_of, policy))


# Helpers the plants share ---------------------------------------------------------------


def _visits_of(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    number: StudentNumber | MalformedNumber,
    since: dt.date,
    total: int,
    *,
    school_id: str | None = None,
) -> list[HomeTeachingVisit]:
    """Visits from ``since`` to the audit date of ``total`` periods in all (one visit
    of no period when ``total`` is 0)."""
    teacher = draw(names())
    visits = []
    remaining = total
    while True:
        periods = min(remaining, _MAX_PERIODS_A_VISIT)
        visits.append(
            HomeTeachingVisit(
                student_number=number,
                on=between(draw, since, calendar.as_of),
                periods=periods,
                teacher=teacher,
                school_id=school_id,
            )
        )
        remaining -= periods
        if remaining <= 0:
            return visits


def _due(calendar: SchoolCalendar, record: StudentRecord) -> tuple[dt.date, int]:
    """The first day counted for ``record``'s home teaching and the periods due by the
    audit date."""
    progress = teaching_progress(
        [], calendar.as_of, policy=calendar.policy, since=record.entry_date
    )
    return progress.since, progress.periods_due


def _pupil(draw: st.DrawFn, draft: Draft) -> tuple[Draft, StudentRecord]:
    """An active student with a student number, taught at home from now on (assessed by
    the expert committee before the audit date); a new one when there is none."""
    calendar = draft.calendar
    candidates = students_where(
        draft,
        lambda r: r.status is RecordStatus.ACTIVE and isinstance(r.student_number, StudentNumber),
    )
    if candidates:
        record = pick(draw, candidates)
    else:
        grade = min(4, calendar.cohorts)
        placement = Placement(grade, calendar.current.start_year, calendar.cohort_of_grade(grade))
        draft, record = add_student(draw, draft, placement)
    assessed = between(draw, calendar.as_of - dt.timedelta(days=_DAYS_TO_ASSESS), calendar.as_of)
    taught = attrs.evolve(record, study_mode=StudyMode.HOME_TEACHING, expert_assessed_on=assessed)
    return attrs.evolve(draft, students=replaced(draft.students, record, taught)), taught


def _taught_enough(
    draw: st.DrawFn, draft: Draft, record: StudentRecord, *, school_id: str | None = None
) -> Draft:
    since, due = _due(draft.calendar, record)
    total = due + draw(st.integers(0, _MAX_PERIODS_A_VISIT))
    visits = _visits_of(
        draw, draft.calendar, record.student_number, since, total, school_id=school_id
    )
    return attrs.evolve(draft, home_teaching=(*draft.home_teaching, *visits))


# Plants -----------------------------------------------------------------------------------


def plant_ht_001(draw: st.DrawFn, draft: Draft) -> Draft:
    """Visits this school year to a child of no record with no school named; or a
    home-taught student's visits naming another school of the bundle that holds records."""
    calendar = draft.calendar
    schools = {record.school_id for record in draft.students}
    if len(schools) > 1 and coin(draw):
        draft, record = _pupil(draw, draft)
        elsewhere = sorted(schools - {record.school_id})
        return _taught_enough(draw, draft, record, school_id=pick(draw, elsewhere))
    number = draw_resident_id(draw, born=calendar.window, used=draft.keys_in_use())
    visits = _visits_of(
        draw,
        calendar,
        StudentNumber.from_resident_id(number),
        calendar.current.start,
        draw(st.integers(1, 3 * _MAX_PERIODS_A_VISIT)),
    )
    return attrs.evolve(draft, home_teaching=(*draft.home_teaching, *visits))


def plant_ht_002(draw: st.DrawFn, draft: Draft) -> Draft:
    """A home-taught student, assessed, taught fewer periods than are due by the audit
    date (none at all, or some)."""
    draft, record = _pupil(draw, draft)
    since, due = _due(draft.calendar, record)
    assume(due > 0)
    total = draw(st.integers(0, due - 1))
    if total == 0 and coin(draw):
        return draft
    visits = _visits_of(draw, draft.calendar, record.student_number, since, total)
    return attrs.evolve(draft, home_teaching=(*draft.home_teaching, *visits))


def plant_ht_003(draw: st.DrawFn, draft: Draft) -> Draft:
    """A home-taught student, taught enough, whose assessment is dated after the audit
    date; or recorded nowhere while another home-taught student's is."""
    calendar = draft.calendar
    draft, record = _pupil(draw, draft)
    draft = _taught_enough(draw, draft, record)
    if coin(draw):
        later = calendar.as_of + dt.timedelta(days=draw(st.integers(1, 60)))
        unassessed = attrs.evolve(record, expert_assessed_on=later)
    else:
        unassessed = attrs.evolve(record, expert_assessed_on=None)
        grade = min(3, calendar.cohorts)
        placement = Placement(grade, calendar.current.start_year, calendar.cohort_of_grade(grade))
        draft, other = add_student(draw, draft, placement)
        assessed = attrs.evolve(
            other,
            study_mode=StudyMode.HOME_TEACHING,
            expert_assessed_on=between(draw, other.entry_date, calendar.as_of),
        )
        draft = attrs.evolve(draft, students=replaced(draft.students, other, assessed))
        draft = _taught_enough(draw, draft, assessed)
    return attrs.evolve(draft, students=replaced(draft.students, record, unassessed))
