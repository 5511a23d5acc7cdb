"""School days under a policy: working days (weekdays less days off, plus make-up weekend
days) less the two vacations."""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.calendar import SchoolDays, school_days_between
from dropout_control.calendar.month_day import MonthDaySpan
from dropout_control.errors import InvalidRecord, WorkingDaysNotCovered
from dropout_control.policy import Policy


def test_a_plain_week_in_october_has_five_school_days(policy: Policy) -> None:
    assert 5 == school_days_between(dt.date(2019, 10, 14), dt.date(2019, 10, 20), policy=policy)


def test_national_day_is_not_a_school_day_but_the_make_up_saturday_is(policy: Policy) -> None:
    # 30 September, then 8 to 11 October, and Saturday 12 October (worked for the break)
    assert 6 == school_days_between(dt.date(2019, 9, 30), dt.date(2019, 10, 12), policy=policy)


def test_the_summer_vacation_has_no_school_days(policy: Policy) -> None:
    assert 0 == school_days_between(dt.date(2019, 7, 10), dt.date(2019, 8, 31), policy=policy)


def test_the_winter_vacation_has_no_school_days(policy: Policy) -> None:
    # 13 to 17 January, Sunday 19 January (worked for the Spring Festival), then
    # 21 February alone before the weekend
    assert 7 == school_days_between(dt.date(2020, 1, 13), dt.date(2020, 2, 21), policy=policy)


def test_the_end_before_the_start_counts_nothing(policy: Policy) -> None:
    assert 0 == school_days_between(dt.date(2019, 10, 18), dt.date(2019, 10, 14), policy=policy)


def test_a_vacation_over_new_year_is_left_out(policy: Policy) -> None:
    plain = SchoolDays.of_policy(policy)
    over_new_year = SchoolDays(
        plain.calendar, MonthDaySpan.parse("12-30 to 01-03"), plain.summer_vacation
    )
    # 30 and 31 December 2019 and 2 and 3 January 2020 are vacation; 1 January is off
    assert 0 == over_new_year.count(dt.date(2019, 12, 30), dt.date(2020, 1, 3))
    assert 4 == plain.count(dt.date(2019, 12, 30), dt.date(2020, 1, 5))


def test_the_fifth_school_day_of_an_absence_from_friday_27_september_is_9_october(
    policy: Policy,
) -> None:
    # Friday 27 September, Sunday 29 September (worked), Monday 30 September, then
    # Tuesday 8 and Wednesday 9 October after National Day
    days = SchoolDays.of_policy(policy)
    assert dt.date(2019, 10, 9) == days.reached(dt.date(2019, 9, 27), 5)


def test_an_absence_starting_in_the_vacation_reaches_its_first_day_when_school_starts(
    policy: Policy,
) -> None:
    days = SchoolDays.of_policy(policy)
    assert dt.date(2019, 9, 2) == days.reached(dt.date(2019, 8, 1), 1)


def test_reaching_no_day_at_all_is_refused(policy: Policy) -> None:
    with pytest.raises(InvalidRecord):
        SchoolDays.of_policy(policy).reached(dt.date(2019, 9, 2), 0)


def test_a_year_the_calendar_does_not_hold_is_not_counted_as_plain_weekdays(
    policy: Policy,
) -> None:
    with pytest.raises(WorkingDaysNotCovered):
        school_days_between(dt.date(1990, 9, 3), dt.date(1990, 9, 7), policy=policy)
