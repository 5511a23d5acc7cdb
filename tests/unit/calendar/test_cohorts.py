from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from dropout_control.calendar import (
    SchoolYear,
    age_at_cutoff,
    cutoff_date,
    entry_school_year,
    entry_year,
    is_school_age,
    school_age_window,
    usual_grade,
    usual_grade_for_age,
)
from dropout_control.errors import InvalidDate

if TYPE_CHECKING:
    from dropout_control.policy import Policy

AS_OF = dt.date(2019, 3, 20)  # in the school year 2018-2019; cutoff 31 August 2018


def test_a_child_born_on_31_august_enters_in_the_autumn_it_turns_six(policy: Policy) -> None:
    assert 2018 == entry_year(dt.date(2012, 8, 31), policy=policy)


def test_a_child_born_on_1_september_enters_a_year_later(policy: Policy) -> None:
    assert 2019 == entry_year(dt.date(2012, 9, 1), policy=policy)


def test_a_child_born_on_1_january_enters_in_the_autumn_it_turns_six(policy: Policy) -> None:
    assert 2018 == entry_year(dt.date(2012, 1, 1), policy=policy)


def test_the_entry_school_year_starts_in_the_entry_year(policy: Policy) -> None:
    assert "2019-2020" == str(entry_school_year(dt.date(2012, 9, 1), policy=policy))


def test_the_cutoff_of_a_school_year_is_31_august_of_its_start_year(policy: Policy) -> None:
    year = SchoolYear.starting(2018, policy=policy)
    assert dt.date(2018, 8, 31) == cutoff_date(year, policy=policy)


def test_age_at_cutoff_counts_a_birthday_on_the_cutoff(policy: Policy) -> None:
    year = SchoolYear.starting(2018, policy=policy)
    assert 6 == age_at_cutoff(dt.date(2012, 8, 31), year, policy=policy)


def test_age_at_cutoff_does_not_count_a_birthday_after_the_cutoff(policy: Policy) -> None:
    year = SchoolYear.starting(2018, policy=policy)
    assert 5 == age_at_cutoff(dt.date(2012, 9, 1), year, policy=policy)


def test_age_at_cutoff_of_a_child_born_after_the_cutoff_raises(policy: Policy) -> None:
    year = SchoolYear.starting(2018, policy=policy)
    with pytest.raises(InvalidDate):
        age_at_cutoff(dt.date(2018, 9, 1), year, policy=policy)


def test_a_child_six_at_the_cutoff_is_usually_in_grade_1(policy: Policy) -> None:
    assert 1 == usual_grade_for_age(6, policy=policy)


def test_a_child_fourteen_at_the_cutoff_is_usually_in_grade_9(policy: Policy) -> None:
    assert 9 == usual_grade_for_age(14, policy=policy)


def test_the_usual_grade_is_not_clamped_below_grade_1(policy: Policy) -> None:
    assert 0 == usual_grade_for_age(5, policy=policy)


def test_usual_grade_of_a_child_in_its_third_school_year(policy: Policy) -> None:
    year = SchoolYear.starting(2020, policy=policy)
    assert 3 == usual_grade(dt.date(2012, 8, 31), year, policy=policy)


def test_usual_grade_in_the_entry_school_year_is_grade_1(policy: Policy) -> None:
    birth_date = dt.date(2012, 9, 1)
    year = entry_school_year(birth_date, policy=policy)
    assert 1 == usual_grade(birth_date, year, policy=policy)


def test_the_school_age_window_holds_the_ten_cohorts_aged_6_to_15_at_the_cutoff(
    policy: Policy,
) -> None:
    # 20 March 2019: the cutoff is 31 August 2018; 15 on that day means born on or
    # after 1 September 2002, 6 means born on or before 31 August 2012.
    assert (dt.date(2002, 9, 1), dt.date(2012, 8, 31)) == school_age_window(AS_OF, policy=policy)


def test_the_school_age_window_of_a_disabled_child_starts_two_years_earlier(
    policy: Policy,
) -> None:
    assert (dt.date(2000, 9, 1), dt.date(2012, 8, 31)) == school_age_window(
        AS_OF, policy=policy, disabled=True
    )


def test_the_school_age_window_moves_on_the_first_day_of_the_school_year(policy: Policy) -> None:
    assert (dt.date(2003, 9, 1), dt.date(2013, 8, 31)) == school_age_window(
        dt.date(2019, 9, 1), policy=policy
    )


def test_the_school_age_window_does_not_move_on_the_last_day_of_the_school_year(
    policy: Policy,
) -> None:
    assert (dt.date(2002, 9, 1), dt.date(2012, 8, 31)) == school_age_window(
        dt.date(2019, 8, 31), policy=policy
    )


def test_the_youngest_child_of_grade_1_age_is_of_school_age(policy: Policy) -> None:
    assert is_school_age(dt.date(2012, 8, 31), AS_OF, policy=policy)


def test_a_child_born_a_day_after_the_youngest_is_not_yet_of_school_age(policy: Policy) -> None:
    assert not is_school_age(dt.date(2012, 9, 1), AS_OF, policy=policy)


def test_a_child_aged_15_at_the_cutoff_is_of_school_age(policy: Policy) -> None:
    # Born 1 September 2002: 15 on 31 August 2018 (and on 20 March 2019 16 already);
    # the age that counts is the age at the cutoff.
    assert is_school_age(dt.date(2002, 9, 1), AS_OF, policy=policy)


def test_a_child_aged_16_at_the_cutoff_is_past_school_age(policy: Policy) -> None:
    assert not is_school_age(dt.date(2002, 8, 31), AS_OF, policy=policy)


def test_a_disabled_child_past_the_window_is_of_school_age_for_two_more_years(
    policy: Policy,
) -> None:
    assert is_school_age(dt.date(2000, 9, 1), AS_OF, policy=policy, disabled=True)


def test_a_disabled_child_past_the_extended_window_is_not_of_school_age(policy: Policy) -> None:
    assert not is_school_age(dt.date(2000, 8, 31), AS_OF, policy=policy, disabled=True)


def test_a_child_born_after_the_cutoff_is_not_of_school_age(policy: Policy) -> None:
    assert not is_school_age(dt.date(2018, 10, 1), AS_OF, policy=policy)


def test_a_child_not_yet_born_is_not_of_school_age(policy: Policy) -> None:
    assert not is_school_age(dt.date(2019, 5, 1), AS_OF, policy=policy)
