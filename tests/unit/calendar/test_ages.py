from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.calendar import age_on, date_of_age, latest_birth_date
from dropout_control.errors import InvalidDate, InvalidRecord


def test_age_on_the_day_before_the_birthday_is_the_previous_age() -> None:
    assert 5 == age_on(dt.date(2012, 8, 31), dt.date(2018, 8, 30))


def test_age_on_the_birthday_is_the_new_age() -> None:
    assert 6 == age_on(dt.date(2012, 8, 31), dt.date(2018, 8, 31))


def test_age_on_the_day_of_birth_is_zero() -> None:
    assert 0 == age_on(dt.date(2012, 8, 31), dt.date(2012, 8, 31))


def test_age_on_the_last_day_of_a_year_of_age() -> None:
    assert 6 == age_on(dt.date(2012, 1, 1), dt.date(2018, 12, 31))


def test_a_29_february_birthday_is_not_reached_on_28_february_of_a_common_year() -> None:
    assert 6 == age_on(dt.date(2012, 2, 29), dt.date(2019, 2, 28))


def test_a_29_february_birthday_is_reached_on_1_march_of_a_common_year() -> None:
    assert 7 == age_on(dt.date(2012, 2, 29), dt.date(2019, 3, 1))


def test_a_29_february_birthday_is_reached_on_29_february_of_a_leap_year() -> None:
    assert 8 == age_on(dt.date(2012, 2, 29), dt.date(2020, 2, 29))


def test_a_29_february_birthday_is_not_reached_on_28_february_of_a_leap_year() -> None:
    assert 7 == age_on(dt.date(2012, 2, 29), dt.date(2020, 2, 28))


def test_a_date_before_birth_raises_naming_the_date() -> None:
    with pytest.raises(InvalidDate) as raised:
        age_on(dt.date(2012, 8, 31), dt.date(2012, 8, 30))
    assert ("on", "2012-08-30") == (raised.value.field, raised.value.shown)


def test_date_of_age_is_the_birthday_of_that_age() -> None:
    assert dt.date(2018, 9, 1) == date_of_age(dt.date(2012, 9, 1), 6)


def test_date_of_age_of_a_29_february_birth_is_1_march_in_a_common_year() -> None:
    assert dt.date(2019, 3, 1) == date_of_age(dt.date(2012, 2, 29), 7)


def test_date_of_age_of_a_29_february_birth_is_29_february_in_a_leap_year() -> None:
    assert dt.date(2020, 2, 29) == date_of_age(dt.date(2012, 2, 29), 8)


def test_date_of_a_negative_age_raises() -> None:
    with pytest.raises(InvalidRecord, match="age"):
        date_of_age(dt.date(2012, 9, 1), -1)


def test_latest_birth_date_is_the_same_day_that_many_years_earlier() -> None:
    assert dt.date(2012, 8, 31) == latest_birth_date(6, dt.date(2018, 8, 31))


def test_latest_birth_date_on_29_february_falls_back_to_28_february_of_a_common_year() -> None:
    assert dt.date(2013, 2, 28) == latest_birth_date(7, dt.date(2020, 2, 29))


def test_latest_birth_date_on_29_february_stays_on_29_february_of_a_leap_year() -> None:
    assert dt.date(2012, 2, 29) == latest_birth_date(8, dt.date(2020, 2, 29))


def test_latest_birth_date_of_a_negative_age_raises() -> None:
    with pytest.raises(InvalidRecord, match="age"):
        latest_birth_date(-1, dt.date(2018, 8, 31))
