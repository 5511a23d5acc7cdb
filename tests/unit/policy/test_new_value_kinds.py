"""Vacations as spans of days of the year, and a table of the roles that own each step."""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control import resolve_policy
from dropout_control.calendar import MonthDay, MonthDaySpan
from dropout_control.errors import InvalidDate
from dropout_control.policy import Layer

POLICY = resolve_policy("622900", on=dt.date(2019, 3, 20))


def test_the_summer_vacation_holds_its_first_and_last_day_and_nothing_after() -> None:
    summer = POLICY.value("school_year.summer_vacation", MonthDaySpan)
    assert (False, True, True, False) == (
        summer.contains(dt.date(2019, 7, 9)),
        summer.contains(dt.date(2019, 7, 10)),
        summer.contains(dt.date(2019, 8, 31)),
        summer.contains(dt.date(2019, 9, 1)),
    )


def test_a_span_over_the_new_year_holds_both_ends() -> None:
    span = MonthDaySpan(MonthDay(12, 25), MonthDay(1, 5))
    assert (True, True, False) == (
        span.contains(dt.date(2019, 12, 31)),
        span.contains(dt.date(2020, 1, 5)),
        span.contains(dt.date(2020, 1, 6)),
    )


def test_a_span_written_without_to_is_refused() -> None:
    with pytest.raises(InvalidDate):
        MonthDaySpan.parse("01-20/02-20")


def test_the_owner_of_each_case_step_is_a_list_of_roles() -> None:
    owners = POLICY.value("case.step_owner_roles", object)
    assert ("township_government",) == owners["registration"]  # type: ignore[index]


def test_a_county_sets_its_own_winter_vacation_in_a_layer() -> None:
    layer = Layer.from_mapping(
        {
            "jurisdiction": "622921",
            "parameters": {
                "school_year.winter_vacation": {
                    "values": [
                        {
                            "since": "2018-09-01",
                            "value": "01-25 to 02-25",
                            "mark": "U",
                            "source": "county calendar",
                        },
                    ]
                }
            },
        }
    )
    county = resolve_policy("622921", on=dt.date(2019, 3, 20), layers=[layer])
    assert "01-25 to 02-25" == str(county.value("school_year.winter_vacation", MonthDaySpan))
