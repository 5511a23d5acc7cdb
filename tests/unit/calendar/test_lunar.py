from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.calendar import LunarDate, read_as_lunar, same_day_lunar_and_gregorian
from dropout_control.errors import InvalidLunarDate


def test_lunar_2012_07_16_is_1_september_2012() -> None:
    assert dt.date(2012, 9, 1) == LunarDate(2012, 7, 16).to_gregorian()


def test_the_first_day_of_the_leap_fourth_month_of_2020_is_23_may_2020() -> None:
    assert dt.date(2020, 5, 23) == LunarDate(2020, 4, 1, leap=True).to_gregorian()


def test_the_first_day_of_the_ordinary_fourth_month_of_2020_is_23_april_2020() -> None:
    assert dt.date(2020, 4, 23) == LunarDate(2020, 4, 1).to_gregorian()


def test_a_gregorian_day_in_a_leap_month_reads_as_that_leap_month() -> None:
    assert LunarDate(2023, 2, 1, leap=True) == LunarDate.from_gregorian(dt.date(2023, 3, 22))


def test_the_spring_festival_of_2019_is_lunar_new_year() -> None:
    assert LunarDate(2019, 1, 1) == LunarDate.from_gregorian(dt.date(2019, 2, 5))


def test_a_leap_month_is_parsed_from_an_l_before_the_month() -> None:
    assert LunarDate(2020, 4, 1, leap=True) == LunarDate.parse("2020-L04-01")


def test_a_leap_month_is_written_with_an_l_before_the_month() -> None:
    assert "2012-L04-15" == str(LunarDate(2012, 4, 15, leap=True))


def test_an_ordinary_month_is_written_without_an_l() -> None:
    assert "2012-07-16" == str(LunarDate(2012, 7, 16))


def test_a_leap_date_survives_writing_and_reading() -> None:
    assert LunarDate(2023, 2, 29, leap=True) == LunarDate.parse(
        str(LunarDate(2023, 2, 29, leap=True))
    )


@pytest.mark.parametrize(
    ("year", "month", "day", "leap", "reason"),
    [
        pytest.param(2012, 13, 1, False, "no such month", id="month 13"),
        pytest.param(2012, 0, 1, False, "no such month", id="month 0"),
        pytest.param(2012, 7, 31, False, "30 days", id="day 31"),
        pytest.param(2020, 4, 30, True, "29 days", id="day 30 of a 29-day month"),
        pytest.param(2012, 7, 0, False, "30 days", id="day 0"),
        pytest.param(2019, 4, 1, True, "no leap month that year", id="leap in a common year"),
        pytest.param(2020, 5, 1, True, "its leap month is 4", id="leap month of another number"),
        pytest.param(1899, 1, 1, False, "range", id="year before 1900"),
        pytest.param(2101, 1, 1, False, "range", id="year after 2100"),
    ],
)
def test_a_lunar_date_that_does_not_exist_raises_with_a_reason(
    year: int, month: int, day: int, leap: bool, reason: str
) -> None:
    with pytest.raises(InvalidLunarDate, match=reason):
        LunarDate(year, month, day, leap=leap)


@pytest.mark.parametrize(
    "text", ["2012-7-16", "2012/07/16", "2012-l04-01", "2012-07-16x", "", "L2012-04-01"]
)
def test_text_not_in_the_lunar_date_form_raises(text: str) -> None:
    with pytest.raises(InvalidLunarDate, match="expected YYYY-MM-DD"):
        LunarDate.parse(text)


def test_parsing_a_leap_month_the_year_does_not_have_raises() -> None:
    with pytest.raises(InvalidLunarDate, match="no leap month"):
        LunarDate.parse("2019-L04-01")


def test_a_gregorian_day_before_the_lunar_range_raises() -> None:
    with pytest.raises(InvalidLunarDate, match="range"):
        LunarDate.from_gregorian(dt.date(1900, 1, 30))


def test_a_gregorian_day_after_the_lunar_range_raises() -> None:
    with pytest.raises(InvalidLunarDate, match="range"):
        LunarDate.from_gregorian(dt.date(2101, 1, 29))


def test_the_first_day_of_the_lunar_range_converts() -> None:
    assert LunarDate(1900, 1, 1) == LunarDate.from_gregorian(dt.date(1900, 1, 31))


def test_the_last_day_of_the_lunar_range_converts() -> None:
    assert LunarDate(2100, 12, 29) == LunarDate.from_gregorian(dt.date(2101, 1, 28))


def test_digits_read_as_a_lunar_date_give_its_gregorian_day() -> None:
    assert (dt.date(2012, 9, 1),) == read_as_lunar(dt.date(2012, 7, 16))


def test_digits_of_a_month_with_a_leap_twin_give_both_days() -> None:
    assert (dt.date(2020, 4, 23), dt.date(2020, 5, 23)) == read_as_lunar(dt.date(2020, 4, 1))


def test_digits_that_are_no_lunar_date_give_no_day() -> None:
    assert () == read_as_lunar(dt.date(2012, 7, 31))


def test_a_lunar_birthday_registered_as_gregorian_is_the_same_day() -> None:
    assert same_day_lunar_and_gregorian(dt.date(2012, 7, 16), dt.date(2012, 9, 1))


def test_the_same_day_reading_works_in_either_order() -> None:
    assert same_day_lunar_and_gregorian(dt.date(2012, 9, 1), dt.date(2012, 7, 16))


def test_the_same_day_reading_finds_a_leap_month() -> None:
    assert same_day_lunar_and_gregorian(dt.date(2020, 4, 1), dt.date(2020, 5, 23))


def test_a_lunar_birthday_late_in_the_year_falls_in_the_next_gregorian_year() -> None:
    assert same_day_lunar_and_gregorian(dt.date(2010, 12, 16), dt.date(2011, 1, 19))


def test_two_unrelated_days_are_not_the_same_day() -> None:
    assert not same_day_lunar_and_gregorian(dt.date(2012, 7, 16), dt.date(2012, 9, 2))
