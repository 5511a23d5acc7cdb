"""Strategies of the population roster (适龄儿童少年名册), deferrals of school entry
(缓学) and reports of employed young people."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dropout_control.calendar import latest_birth_date
from dropout_control.identity import ResidentId
from dropout_control.policy import Policy
from dropout_control.policy.keys import ENROLMENT_DEFERRAL_GROUNDS
from dropout_control.population import Child, Deferral, EmploymentReport
from dropout_control.population.keys import EMPLOYMENT_MIN_AGE
from dropout_control.strategies._record_basics import (
    DEFAULT_AS_OF,
    MAYBE_DISABILITY,
    NAMES,
    Regions,
    SchoolCalendar,
    between,
    draw_resident_id,
    lines,
    region_codes,
    source,
)
from dropout_control.suspensions.keys import SUSPENSION_APPROVERS

_YEARS_SHOWN_BEFORE_WINDOW = 3
_DAYS_BEFORE_START_TO_DEFER = 180
EMPLOYERS = ("临夏县某餐馆", "某某砖厂", "某建筑工地", "某农家乐", "某汽修店")


# The roster, deferrals, employment ---------------------------------------------------


def draw_child(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    resident_id: ResidentId,
    *,
    disability: str | None = None,
    deceased_on: dt.date | None = None,
    emigrated_on: dt.date | None = None,
    name: str | None = None,
) -> Child:
    """The roster entry of ``resident_id`` (source left to the caller)."""
    return Child(
        resident_id=resident_id,
        name=name if name is not None else draw(NAMES),
        birth_date=resident_id.birth_date,
        household_region=resident_id.region_code,
        sex=draw(st.sampled_from([resident_id.sex, None])),
        disability=disability,
        deceased_on=deceased_on,
        emigrated_on=emigrated_on,
    )


@st.composite
def _children(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    regions: Regions,
    school_age: bool | None,
    departed: bool | None,
) -> Child:
    disability = draw(MAYBE_DISABILITY)
    earliest, latest = calendar.disabled_window if disability else calendar.window
    before = earliest.replace(day=1, year=earliest.year - _YEARS_SHOWN_BEFORE_WINDOW)
    one_day = dt.timedelta(days=1)
    if school_age is True:
        born = (earliest, latest)
    elif school_age is False:
        outside = [(before, earliest - one_day), (latest + one_day, calendar.as_of)]
        born = draw(st.sampled_from(outside))
    else:
        born = (before, calendar.as_of)
    number = draw_resident_id(draw, regions=regions, born=born)
    gone = draw(st.booleans()) if departed is None else departed
    deceased_on = emigrated_on = None
    if gone:
        day = draw(
            between(max(number.birth_date, calendar.as_of - dt.timedelta(days=365)), calendar.as_of)
        )
        if draw(st.booleans()):
            deceased_on = day
        else:
            emigrated_on = day
    child = draw_child(
        draw,
        calendar,
        number,
        disability=disability,
        deceased_on=deceased_on,
        emigrated_on=emigrated_on,
    )
    return attrs.evolve(child, source=source("population", draw(lines())))


def children(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
    regions: Sequence[str] | st.SearchStrategy[str] | None = None,
    school_age: bool | None = None,
    departed: bool | None = False,
) -> st.SearchStrategy[Child]:
    """Children of the population roster (适龄儿童少年名册), born up to ``as_of``.

    ``school_age`` True draws children inside the school-age window on ``as_of`` (a
    disabled child's window is extended once ``disability.age_extension_years`` is in
    force), False children outside it (younger, or up to three years older), None either.
    ``departed`` True draws children who died or emigrated in the year up to ``as_of``,
    False (the default) children alive and resident, None either. The roster's sex is
    the one of the ID number, or not given.
    """
    calendar = SchoolCalendar.of(as_of, policy)
    return _children(calendar, region_codes(regions), school_age, departed)


def draw_deferral(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    resident_id: ResidentId,
    entry_year: int,
    *,
    running: bool,
) -> Deferral:
    """A lawful deferral of the child born in the cohort of ``entry_year``: health
    grounds, an allowed approver, ending by the deferred age. ``running`` makes it run
    on the audit date (only the cohort entering this school year can have one)."""
    policy = calendar.policy
    latest = calendar.deferral_latest(entry_year)
    opens = calendar.year_start(entry_year) - dt.timedelta(days=_DAYS_BEFORE_START_TO_DEFER)
    if running:
        approved_on = draw(between(opens, calendar.as_of))
        until = draw(between(calendar.as_of, latest))
    else:
        approved_on = draw(between(opens, min(calendar.as_of, latest)))
        until = draw(between(approved_on, min(calendar.as_of, latest)))
    return Deferral(
        resident_id=resident_id,
        grounds=draw(st.sampled_from(policy.value(ENROLMENT_DEFERRAL_GROUNDS, tuple))),
        approved_by=draw(st.sampled_from(policy.value(SUSPENSION_APPROVERS, tuple))),
        approved_on=approved_on,
        until=until,
    )


@st.composite
def _deferrals(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    regions: Regions,
) -> Deferral:
    entry_year = calendar.current.start_year - draw(st.integers(0, 2))
    number = draw_resident_id(draw, regions=regions, born=calendar.cohort(entry_year))
    deferral = draw_deferral(draw, calendar, number, entry_year, running=False)
    return attrs.evolve(deferral, source=source("deferrals", draw(lines())))


def deferrals(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
    regions: Sequence[str] | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Deferral]:
    """Lawful deferrals of school entry (缓学), approved on or before ``as_of``.

    The child (known by its resident ID number) belongs to one of the three cohorts that
    entered grade 1 this school year or the two before; the deferral is on allowed
    grounds (``enrolment.deferral_grounds``), by an allowed approver
    (``suspension.approvers``), and ends by the start of the school year in which the
    child reaches ``enrolment.deferred_age``.
    """
    calendar = SchoolCalendar.of(as_of, policy)
    if not calendar.can_defer():
        raise InvalidArgument(f"no deferral rules are in force on {as_of}")
    return _deferrals(calendar, region_codes(regions))


def min_employment_age(calendar: SchoolCalendar) -> int:
    """``employment.min_age``, or ``InvalidArgument`` when it is not in force."""
    if not calendar.policy.is_in_force(EMPLOYMENT_MIN_AGE):
        raise InvalidArgument(f"employment.min_age is not in force on {calendar.as_of}")
    return calendar.policy.value(EMPLOYMENT_MIN_AGE, int)


def draw_employment(
    draw: st.DrawFn, resident_id: ResidentId, *, reported: tuple[dt.date, dt.date]
) -> EmploymentReport:
    """A report that ``resident_id`` is employed, on a day of ``reported``."""
    return EmploymentReport(
        resident_id=resident_id,
        employer=draw(st.sampled_from(EMPLOYERS)),
        reported_on=draw(between(*reported)),
    )


@st.composite
def _employment_reports(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    regions: Regions,
    min_age: int,
) -> EmploymentReport:
    reported_on = draw(between(calendar.as_of - dt.timedelta(days=365), calendar.as_of))
    born = (
        latest_birth_date(min_age + 2, reported_on) + dt.timedelta(days=1),
        latest_birth_date(min_age, reported_on),
    )
    number = draw_resident_id(draw, regions=regions, born=born)
    report = draw_employment(draw, number, reported=(reported_on, reported_on))
    return attrs.evolve(report, source=source("employment", draw(lines())))


def employment_reports(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
    regions: Sequence[str] | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[EmploymentReport]:
    """Reports of employed young people who had reached ``employment.min_age``.

    Reported in the year up to ``as_of``; the person, known by the resident ID number,
    is the minimum age or a year older on the report date. Raises ``InvalidArgument``
    when the minimum age is not in force on ``as_of``.
    """
    calendar = SchoolCalendar.of(as_of, policy)
    return _employment_reports(calendar, region_codes(regions), min_employment_age(calendar))
