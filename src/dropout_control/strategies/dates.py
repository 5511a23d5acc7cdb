"""Strategies for school years, dates inside them, and policies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dropout_control.calendar import LunarDate, MonthDay, SchoolYear
from dropout_control.policy import GANSU, LINXIA, NATIONAL, Policy, PolicyBook

__all__ = [
    "dates_in_school_year",
    "lunar_dates",
    "month_days",
    "policies",
    "school_years",
]

# Every parameter of the package is in force from this day on.
_ALL_IN_FORCE = dt.date(2021, 6, 1)
_LATEST = dt.date(2035, 12, 31)
_FIRST_LUNAR = dt.date(1901, 2, 19)
_LAST_LUNAR = dt.date(2099, 12, 31)
_ANY_LEAP_YEAR = 2000


def policies(
    *,
    jurisdictions: Sequence[str] = (NATIONAL, GANSU, LINXIA, "622921", "622927"),
    min_date: dt.date = _ALL_IN_FORCE,
    max_date: dt.date = _LATEST,
    book: PolicyBook | None = None,
) -> st.SearchStrategy[Policy]:
    """Policies resolved for one of ``jurisdictions`` on a date in the given range.

    The default range starts on the day the last of the package's parameters came into
    force, so every key resolves.
    """
    if min_date > max_date:
        raise InvalidArgument(f"min_date={min_date} is after max_date={max_date}")
    if not jurisdictions:
        raise InvalidArgument("jurisdictions must not be empty")
    chosen = book or PolicyBook.default()
    return st.builds(
        lambda code, on: chosen.resolve(code, on=on),
        st.sampled_from(list(jurisdictions)),
        st.dates(min_value=min_date, max_value=max_date),
    )


def school_years(
    *, policy: Policy, min_year: int = 2006, max_year: int = 2035
) -> st.SearchStrategy[SchoolYear]:
    """School years starting in ``min_year`` to ``max_year`` under ``policy``."""
    if min_year > max_year:
        raise InvalidArgument(f"min_year={min_year} is after max_year={max_year}")
    return st.integers(min_year, max_year).map(
        lambda year: SchoolYear.starting(year, policy=policy)
    )


def dates_in_school_year(school_year: SchoolYear) -> st.SearchStrategy[dt.date]:
    """Dates from the first to the last day of ``school_year``."""
    return st.dates(min_value=school_year.start, max_value=school_year.end)


def lunar_dates() -> st.SearchStrategy[LunarDate]:
    """Lunar dates that exist, from the first day of 1901 to 2099, leap months included."""
    return st.dates(min_value=_FIRST_LUNAR, max_value=_LAST_LUNAR).map(LunarDate.from_gregorian)


def month_days() -> st.SearchStrategy[MonthDay]:
    """Days of the year, 29 February included."""
    return st.dates(
        min_value=dt.date(_ANY_LEAP_YEAR, 1, 1), max_value=dt.date(_ANY_LEAP_YEAR, 12, 31)
    ).map(MonthDay.of)
