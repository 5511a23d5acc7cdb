"""Months: read from the registry's two forms, compared and hashed by year then month."""

from __future__ import annotations

import operator
from collections.abc import Callable

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from dropout_control.calendar.span import EARLIEST_DATE, LATEST_DATE
from dropout_control.calendar.year_month import YearMonth
from dropout_control.errors import InvalidDate

# The months of the span of dates the library serves (what a reader lets through).
months = st.builds(YearMonth, st.integers(EARLIEST_DATE.year, LATEST_DATE.year), st.integers(1, 12))


def test_the_month_after_december_9999_is_refused_as_a_month_that_cannot_be() -> None:
    with pytest.raises(InvalidDate, match="no such month"):
        YearMonth(9999, 12).next()


def test_the_month_after_december_2099_is_january_2100() -> None:
    assert YearMonth(2100, 1) == YearMonth(2099, 12).next()


@given(months, months)
def test_months_compare_as_their_year_and_month_do(first: YearMonth, second: YearMonth) -> None:
    pair = ((first.year, first.month), (second.year, second.month))
    assert (
        pair[0] < pair[1],
        pair[0] <= pair[1],
        pair[0] > pair[1],
        pair[0] >= pair[1],
        pair[0] == pair[1],
        pair[0] != pair[1],
    ) == (
        first < second,
        first <= second,
        first > second,
        first >= second,
        first == second,
        first != second,
    )


@given(months)
def test_equal_months_hash_alike_and_sort_by_time(month: YearMonth) -> None:
    assume(month != YearMonth(9999, 12))  # the last month the calendar has: no next one
    same = YearMonth(month.year, month.month)
    assert (hash(same), [month, month.next()]) == (
        hash(month),
        sorted([month.next(), same]),
    )


def test_a_month_is_not_equal_to_its_tuple() -> None:
    assert (False, True) == (YearMonth(2019, 3) == (2019, 3), YearMonth(2019, 3) != (2019, 3))


@pytest.mark.parametrize("compare", [operator.lt, operator.le, operator.gt, operator.ge])
def test_a_month_is_not_ordered_against_a_tuple(compare: Callable[[object, object], bool]) -> None:
    with pytest.raises(TypeError):
        compare(YearMonth(2019, 3), (2019, 4))


@pytest.mark.parametrize("text", ["2019-03", "201903", " 2019-3 "])
def test_both_forms_of_the_registry_are_read(text: str) -> None:
    assert YearMonth(2019, 3) == YearMonth.parse(text)


@pytest.mark.parametrize("text", ["2019-13", "2019", "March"])
def test_a_month_that_cannot_be_is_refused(text: str) -> None:
    with pytest.raises(InvalidDate):
        YearMonth.parse(text)
