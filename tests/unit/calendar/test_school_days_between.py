"""School days under the policy: working days less the winter and summer vacations.

The national policy of 20 March 2019: winter vacation 20 January to 20 February, summer
vacation 10 July to 31 August, and the State Council's holiday arrangements (Mid-Autumn
on Monday 24 September 2018, Saturday 29 and Sunday 30 September 2018 worked).
"""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.calendar import school_days_between
from dropout_control.errors import WorkingDaysNotCovered
from dropout_control.policy import Layer, Policy, resolve_policy


def test_september_2018_counts_the_make_up_weekend_and_skips_mid_autumn(policy: Policy) -> None:
    # 20 weekdays from 3 to 28 September, less Monday 24, plus Saturday 29, Sunday 30
    assert 21 == school_days_between(dt.date(2018, 9, 1), dt.date(2018, 9, 30), policy=policy)


def test_the_winter_vacation_has_no_school_days(policy: Policy) -> None:
    assert 0 == school_days_between(dt.date(2019, 1, 20), dt.date(2019, 2, 20), policy=policy)


def test_the_summer_vacation_has_no_school_days(policy: Policy) -> None:
    assert 0 == school_days_between(dt.date(2019, 7, 10), dt.date(2019, 8, 31), policy=policy)


def test_the_days_either_side_of_the_winter_vacation_are_school_days(policy: Policy) -> None:
    # Friday 18 January 2019 and Thursday 21 February 2019
    assert 2 == school_days_between(dt.date(2019, 1, 18), dt.date(2019, 2, 21), policy=policy)


def test_the_school_year_2018_2019_has_191_school_days(policy: Policy) -> None:
    assert 191 == school_days_between(dt.date(2018, 9, 1), dt.date(2019, 8, 31), policy=policy)


def test_an_end_before_the_start_gives_no_school_days(policy: Policy) -> None:
    assert 0 == school_days_between(dt.date(2019, 3, 20), dt.date(2019, 3, 19), policy=policy)


def test_a_single_school_day_counts_once(policy: Policy) -> None:
    assert 1 == school_days_between(dt.date(2019, 3, 20), dt.date(2019, 3, 20), policy=policy)


def test_a_county_s_own_vacation_replaces_the_national_one() -> None:
    layer = Layer.from_mapping(
        {
            "jurisdiction": "622921",
            "parameters": {
                "school_year.winter_vacation": {
                    "values": [
                        {
                            "since": "2018-09-01",
                            "value": "01-14 to 02-24",
                            "mark": "U",
                            "source": "county calendar",
                        }
                    ]
                }
            },
        }
    )
    county = resolve_policy("622921", on=dt.date(2019, 3, 20), layers=[layer])

    # Friday 18 January 2019 is now in the vacation; Thursday 21 February too
    assert 0 == school_days_between(dt.date(2019, 1, 18), dt.date(2019, 2, 21), policy=county)


def test_a_year_without_working_day_arrangements_is_not_counted(policy: Policy) -> None:
    with pytest.raises(WorkingDaysNotCovered):
        school_days_between(dt.date(2003, 9, 1), dt.date(2003, 9, 30), policy=policy)


def _county(**vacations: str) -> Policy:
    layer = Layer.from_mapping(
        {
            "jurisdiction": "622921",
            "parameters": {
                f"school_year.{name}": {
                    "values": [
                        {"since": "2018-09-01", "value": span, "mark": "U", "source": "county"}
                    ]
                }
                for name, span in vacations.items()
            },
        }
    )
    return resolve_policy("622921", on=dt.date(2019, 3, 20), layers=[layer])


def test_overlapping_vacations_are_left_out_once() -> None:
    county = _county(winter_vacation="01-20 to 07-20", summer_vacation="07-10 to 08-31")

    # Friday 18 January and Monday 2 September 2019 only
    assert 2 == school_days_between(dt.date(2019, 1, 18), dt.date(2019, 9, 2), policy=county)


def test_a_vacation_over_new_year_is_left_out_of_both_years() -> None:
    county = _county(winter_vacation="12-24 to 01-04")

    # Monday 17 to Friday 21 December 2018 and Monday 7 January 2019
    assert 6 == school_days_between(dt.date(2018, 12, 17), dt.date(2019, 1, 7), policy=county)
