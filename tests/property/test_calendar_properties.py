"""Invariants of the calendar: ages, cohorts, school days and lunar dates.

Policies here are the national policy and real policies with an application layer of
other cutoffs, school-year starts and ages drawn by Hypothesis, so the cohort arithmetic
is checked for any parameter values, 29 February cutoffs included.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from collections.abc import Mapping

from hypothesis import given
from hypothesis import strategies as st

from dropout_control.calendar import (
    LunarDate,
    MonthDay,
    SchoolYear,
    add_school_days,
    age_at_cutoff,
    age_on,
    count_school_days,
    entry_school_year,
    entry_year,
    is_school_age,
    school_age_window,
)
from dropout_control.policy import Layer, Policy, resolve_policy

ONE_DAY = dt.timedelta(days=1)


NATIONAL = resolve_policy(on=dt.date(2021, 6, 1))

month_days = st.dates(dt.date(2000, 1, 1), dt.date(2000, 12, 31)).map(MonthDay.of)
LEAP_DAY = MonthDay(2, 29)


def _layer(values: Mapping[str, object]) -> Layer:
    """An application layer that sets the given parameters from 2006-09-01."""
    entries = {
        key: {"values": [{"since": "2006-09-01", "value": value, "mark": "U", "source": "test"}]}
        for key, value in values.items()
    }
    return Layer.from_mapping({"jurisdiction": "000000", "parameters": entries})


@st.composite
def drawn_policies(draw: st.DrawFn) -> Policy:
    start = draw(month_days.filter(lambda day: day != LEAP_DAY))
    spring = draw(month_days.filter(lambda day: day not in (start, LEAP_DAY)))
    enrolment_age = draw(st.integers(5, 8))
    layer = _layer(
        {
            "enrolment.age": enrolment_age,
            "enrolment.cutoff": str(draw(month_days)),
            "school_year.start": str(start),
            "school_year.spring_term_start": str(spring),
            "school_age.upper": enrolment_age + draw(st.integers(1, 12)),
            "disability.age_extension_years": draw(st.integers(0, 4)),
        }
    )
    return resolve_policy(on=dt.date(2021, 6, 1), layers=[layer])


policies = st.one_of(st.just(NATIONAL), drawn_policies())
birth_dates = st.dates(dt.date(1950, 1, 1), dt.date(2030, 12, 31))
days = st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31))


def is_birthday(birth_date: dt.date, day: dt.date) -> bool:
    """The birthday as the rule states it, written independently of the library."""
    if (day.month, day.day) == (birth_date.month, birth_date.day):
        return True
    return (
        (birth_date.month, birth_date.day) == (2, 29)
        and (day.month, day.day) == (3, 1)
        and not stdlib_calendar.isleap(day.year)
    )


@given(birth_date=birth_dates, offset=st.integers(0, 40_000), step=st.integers(0, 3_000))
def test_age_never_decreases_as_the_date_moves_on(
    birth_date: dt.date, offset: int, step: int
) -> None:
    earlier = birth_date + dt.timedelta(days=offset)
    later = earlier + dt.timedelta(days=step)
    assert age_on(birth_date, earlier) <= age_on(birth_date, later)


@given(birth_date=birth_dates, offset=st.integers(1, 40_000))
def test_age_goes_up_by_one_on_the_birthday_and_only_then(birth_date: dt.date, offset: int) -> None:
    day = birth_date + dt.timedelta(days=offset)
    expected = 1 if is_birthday(birth_date, day) else 0
    assert expected == age_on(birth_date, day) - age_on(birth_date, day - ONE_DAY)


@given(birth_date=birth_dates, policy=policies)
def test_a_child_reaches_the_enrolment_age_by_the_cutoff_of_its_entry_year(
    birth_date: dt.date, policy: Policy
) -> None:
    year = entry_school_year(birth_date, policy=policy)
    assert policy.value("enrolment.age") == age_at_cutoff(birth_date, year, policy=policy)


@given(birth_date=birth_dates, policy=policies)
def test_a_child_has_not_reached_the_enrolment_age_by_the_cutoff_before_its_entry_year(
    birth_date: dt.date, policy: Policy
) -> None:
    cutoff = policy.value("enrolment.cutoff", MonthDay)
    before = cutoff.in_year(entry_year(birth_date, policy=policy) - 1)
    enrolment_age = policy.value("enrolment.age", int)
    assert before < birth_date or age_on(birth_date, before) < enrolment_age


@given(birth_date=birth_dates, as_of=days, policy=policies, disabled=st.booleans())
def test_school_age_agrees_with_the_school_age_window(
    birth_date: dt.date, as_of: dt.date, policy: Policy, disabled: bool
) -> None:
    earliest, latest = school_age_window(as_of, policy=policy, disabled=disabled)
    assert (earliest <= birth_date <= latest) == is_school_age(
        birth_date, as_of, policy=policy, disabled=disabled
    )


@given(day=days, policy=policies)
def test_the_school_year_containing_a_day_contains_it(day: dt.date, policy: Policy) -> None:
    assert SchoolYear.containing(day, policy=policy).contains(day)


@given(year=st.integers(1950, 2060), policy=policies)
def test_consecutive_school_years_abut(year: int, policy: Policy) -> None:
    this = SchoolYear.starting(year, policy=policy)
    assert this.end + ONE_DAY == SchoolYear.starting(year + 1, policy=policy).start


starts = st.dates(dt.date(2015, 1, 1), dt.date(2025, 12, 31))
nearby = st.frozensets(st.dates(dt.date(2014, 12, 1), dt.date(2027, 3, 31)), max_size=60)


def is_school_day(day: dt.date, holidays: frozenset[dt.date], makeup: frozenset[dt.date]) -> bool:
    if day.weekday() < 5:
        return day not in holidays
    return day in makeup


@given(start=starts, span=st.integers(-5, 400), holidays=nearby, makeup=nearby)
def test_counting_school_days_agrees_with_a_day_by_day_count(
    start: dt.date, span: int, holidays: frozenset[dt.date], makeup: frozenset[dt.date]
) -> None:
    end = start + dt.timedelta(days=span)
    expected = sum(
        is_school_day(start + dt.timedelta(days=i), holidays, makeup) for i in range(span + 1)
    )
    assert expected == count_school_days(start, end, holidays=holidays, makeup_days=makeup)


@given(start=starts, count=st.integers(1, 250), holidays=nearby, makeup=nearby)
def test_adding_school_days_lands_on_the_school_day_that_completes_the_count(
    start: dt.date, count: int, holidays: frozenset[dt.date], makeup: frozenset[dt.date]
) -> None:
    result = add_school_days(start, count, holidays=holidays, makeup_days=makeup)
    assert (count, True) == (
        count_school_days(start + ONE_DAY, result, holidays=holidays, makeup_days=makeup),
        is_school_day(result, holidays, makeup),
    )


@given(day=st.dates(dt.date(1901, 1, 1), dt.date(2099, 12, 31)))
def test_a_gregorian_day_survives_the_trip_through_the_lunar_calendar(day: dt.date) -> None:
    assert day == LunarDate.from_gregorian(day).to_gregorian()


@given(day=st.dates(dt.date(1901, 1, 1), dt.date(2099, 12, 31)))
def test_a_lunar_date_survives_writing_and_reading(day: dt.date) -> None:
    lunar = LunarDate.from_gregorian(day)
    assert lunar == LunarDate.parse(str(lunar))
