from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.calendar import (
    add_school_days,
    count_school_days,
)
from dropout_control.errors import InvalidRecord

# 2019-10-01 (Tuesday) to 2019-10-07 (Monday): National Day; worked Sunday 29 September
# and Saturday 12 October instead (国务院办公厅 2019 holiday notice).
NATIONAL_DAY_2019 = frozenset(dt.date(2019, 10, day) for day in range(1, 8))
MAKEUP_2019 = frozenset({dt.date(2019, 9, 29), dt.date(2019, 10, 12)})


def test_a_week_from_monday_to_sunday_has_five_school_days() -> None:
    assert 5 == count_school_days(dt.date(2019, 9, 2), dt.date(2019, 9, 8))


def test_friday_to_monday_has_two_school_days() -> None:
    assert 2 == count_school_days(dt.date(2019, 9, 6), dt.date(2019, 9, 9))


def test_a_weekend_has_no_school_days() -> None:
    assert 0 == count_school_days(dt.date(2019, 9, 7), dt.date(2019, 9, 8))


def test_a_single_weekday_is_one_school_day() -> None:
    assert 1 == count_school_days(dt.date(2019, 9, 4), dt.date(2019, 9, 4))


def test_an_end_before_the_start_gives_no_school_days() -> None:
    assert 0 == count_school_days(dt.date(2019, 9, 9), dt.date(2019, 9, 6))


def test_holidays_on_weekdays_are_not_school_days() -> None:
    assert 5 == count_school_days(
        dt.date(2019, 9, 30), dt.date(2019, 10, 11), holidays=NATIONAL_DAY_2019
    )


def test_a_holiday_on_a_weekend_changes_nothing() -> None:
    assert 5 == count_school_days(
        dt.date(2019, 9, 2), dt.date(2019, 9, 8), holidays={dt.date(2019, 9, 7)}
    )


def test_a_holiday_given_twice_counts_once() -> None:
    assert 4 == count_school_days(
        dt.date(2019, 9, 2), dt.date(2019, 9, 8), holidays=[dt.date(2019, 9, 4)] * 2
    )


def test_a_makeup_weekend_day_is_a_school_day() -> None:
    assert 6 == count_school_days(
        dt.date(2019, 9, 30),
        dt.date(2019, 10, 12),
        holidays=NATIONAL_DAY_2019,
        makeup_days=MAKEUP_2019,
    )


def test_a_year_has_261_weekdays_in_2019() -> None:
    assert 261 == count_school_days(dt.date(2019, 1, 1), dt.date(2019, 12, 31))


def test_one_school_day_after_a_friday_is_the_monday() -> None:
    assert dt.date(2019, 9, 9) == add_school_days(dt.date(2019, 9, 6), 1)


def test_one_school_day_after_a_saturday_is_the_monday() -> None:
    assert dt.date(2019, 9, 9) == add_school_days(dt.date(2019, 9, 7), 1)


def test_zero_school_days_after_a_day_is_that_day() -> None:
    assert dt.date(2019, 9, 7) == add_school_days(dt.date(2019, 9, 7), 0)


def test_ten_working_days_skip_two_weekends() -> None:
    assert dt.date(2019, 9, 16) == add_school_days(dt.date(2019, 9, 2), 10)


def test_adding_school_days_skips_holidays() -> None:
    assert dt.date(2019, 10, 9) == add_school_days(
        dt.date(2019, 9, 27), 3, holidays=NATIONAL_DAY_2019
    )


def test_adding_school_days_counts_makeup_days() -> None:
    assert dt.date(2019, 10, 8) == add_school_days(
        dt.date(2019, 9, 27), 3, holidays=NATIONAL_DAY_2019, makeup_days=MAKEUP_2019
    )


def test_a_deadline_can_fall_on_a_makeup_day() -> None:
    assert dt.date(2019, 9, 29) == add_school_days(
        dt.date(2019, 9, 27), 1, holidays=NATIONAL_DAY_2019, makeup_days=MAKEUP_2019
    )


def test_a_makeup_day_on_the_start_is_not_counted() -> None:
    assert dt.date(2019, 9, 30) == add_school_days(
        dt.date(2019, 9, 29), 1, holidays=NATIONAL_DAY_2019, makeup_days=MAKEUP_2019
    )


def test_a_negative_number_of_school_days_raises() -> None:
    with pytest.raises(InvalidRecord, match="days"):
        add_school_days(dt.date(2019, 9, 2), -1)
