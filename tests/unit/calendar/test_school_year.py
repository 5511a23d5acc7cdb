from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from dropout_control.calendar import SchoolYear, Term
from dropout_control.errors import InvalidDate

if TYPE_CHECKING:
    from dropout_control.policy import Policy


def test_31_august_is_in_the_school_year_that_started_the_year_before(policy: Policy) -> None:
    assert 2018 == SchoolYear.containing(dt.date(2019, 8, 31), policy=policy).start_year


def test_1_september_starts_a_new_school_year(policy: Policy) -> None:
    assert 2019 == SchoolYear.containing(dt.date(2019, 9, 1), policy=policy).start_year


def test_a_january_day_is_in_the_school_year_that_started_the_autumn_before(
    policy: Policy,
) -> None:
    assert 2018 == SchoolYear.containing(dt.date(2019, 1, 15), policy=policy).start_year


def test_a_school_year_runs_from_1_september_to_31_august(policy: Policy) -> None:
    year = SchoolYear.starting(2018, policy=policy)
    assert (dt.date(2018, 9, 1), dt.date(2019, 8, 31)) == (year.start, year.end)


def test_the_spring_term_starts_on_1_march_of_the_second_calendar_year(policy: Policy) -> None:
    assert dt.date(2019, 3, 1) == SchoolYear.starting(2018, policy=policy).spring_term_start


def test_the_final_term_is_the_spring_term(policy: Policy) -> None:
    assert dt.date(2019, 3, 1) == SchoolYear.starting(2018, policy=policy).final_term_start


def test_a_school_year_is_written_with_its_two_calendar_years(policy: Policy) -> None:
    assert "2018-2019" == str(SchoolYear.starting(2018, policy=policy))


def test_the_first_day_of_the_year_is_in_the_autumn_term(policy: Policy) -> None:
    year = SchoolYear.starting(2018, policy=policy)
    assert Term.AUTUMN == year.term_of(dt.date(2018, 9, 1))


def test_the_day_before_the_spring_term_is_in_the_autumn_term(policy: Policy) -> None:
    year = SchoolYear.starting(2018, policy=policy)
    assert Term.AUTUMN == year.term_of(dt.date(2019, 2, 28))


def test_the_first_day_of_the_spring_term_is_in_the_spring_term(policy: Policy) -> None:
    year = SchoolYear.starting(2018, policy=policy)
    assert Term.SPRING == year.term_of(dt.date(2019, 3, 1))


def test_the_last_day_of_the_year_is_in_the_spring_term(policy: Policy) -> None:
    year = SchoolYear.starting(2018, policy=policy)
    assert Term.SPRING == year.term_of(dt.date(2019, 8, 31))


def test_the_term_of_a_day_outside_the_year_raises(policy: Policy) -> None:
    year = SchoolYear.starting(2018, policy=policy)
    with pytest.raises(InvalidDate, match="2018-2019"):
        year.term_of(dt.date(2019, 9, 1))


def test_a_school_year_contains_its_last_day(policy: Policy) -> None:
    assert SchoolYear.starting(2018, policy=policy).contains(dt.date(2019, 8, 31))


def test_a_school_year_does_not_contain_the_day_before_it(policy: Policy) -> None:
    assert not SchoolYear.starting(2018, policy=policy).contains(dt.date(2018, 8, 31))


def test_the_start_of_each_term(policy: Policy) -> None:
    year = SchoolYear.starting(2018, policy=policy)
    assert (dt.date(2018, 9, 1), dt.date(2019, 3, 1)) == (
        year.term_start(Term.AUTUMN),
        year.term_start(Term.SPRING),
    )


def test_school_years_order_by_their_start(policy: Policy) -> None:
    assert SchoolYear.starting(2018, policy=policy) < SchoolYear.starting(2019, policy=policy)


def test_a_spring_term_outside_the_year_cannot_exist() -> None:
    with pytest.raises(InvalidDate, match="spring_term_start"):
        SchoolYear(2018, dt.date(2018, 9, 1), dt.date(2019, 8, 31), dt.date(2019, 9, 1))


def test_a_start_outside_the_start_year_cannot_exist() -> None:
    with pytest.raises(InvalidDate, match="start"):
        SchoolYear(2018, dt.date(2019, 9, 1), dt.date(2020, 8, 31), dt.date(2020, 3, 1))
