"""School days (上课日) between dates.

School days are weekdays (Monday to Friday) minus days off, plus weekend days that are
worked in exchange for a holiday (调休补班); the caller passes both: the public holidays
and every weekday of the winter and summer vacations as ``holidays``, the make-up days
as ``makeup_days`` (for absence counts such as ``absence.suspected_dropout_school_days``).
With none given, every weekday counts.

Working days (工作日) are counted by :mod:`dropout_control.calendar.working_days` from the
State Council's yearly arrangements held as policy data; it shares the weekday
arithmetic here.

The arithmetic is on whole weeks, so the cost does not grow with the span; it grows
with the number of holidays and make-up days given (each is looked at once).

:func:`school_days_between` counts under a policy instead: China's working days of
``calendar.working_day_arrangements`` less those of the winter and summer vacations
(``school_year.winter_vacation``, ``school_year.summer_vacation``), for what is pro rata
to a school year (home teaching, absence).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator, Set
from typing import TYPE_CHECKING, cast

from dropout_control.errors import InvalidRecord
from dropout_control.policy.keys import (
    CALENDAR_WORKING_DAY_ARRANGEMENTS,
    SCHOOL_YEAR_SUMMER_VACATION,
    SCHOOL_YEAR_WINTER_VACATION,
)
from dropout_control.reasons import NEGATIVE

if TYPE_CHECKING:
    from dropout_control.calendar.month_day import MonthDaySpan
    from dropout_control.calendar.working_days import WorkingCalendar
    from dropout_control.policy import Policy

__all__ = ["add_school_days", "count_school_days", "school_days_between"]

# Day ordinals (date.toordinal) start at 1 on 1 January of year 1, a Monday.
_WEEKDAYS_PER_WEEK = 5
_SATURDAY = 5


def weekdays_before(ordinal: int) -> int:
    """How many weekdays there are among the day ordinals 1 to ``ordinal - 1``."""
    weeks, rest = divmod(ordinal - 1, 7)
    return weeks * _WEEKDAYS_PER_WEEK + min(rest, _WEEKDAYS_PER_WEEK)


def nth_weekday(n: int) -> int:
    """The ordinal of the ``n``-th weekday counted from ordinal 1 (``n`` >= 1)."""
    weeks, rest = divmod(n - 1, _WEEKDAYS_PER_WEEK)
    return weeks * 7 + rest + 1


def _distinct(days: Collection[dt.date]) -> Collection[dt.date]:
    return days if isinstance(days, Set) else set(days)


def count_school_days(
    start: dt.date,
    end: dt.date,
    *,
    holidays: Collection[dt.date] = frozenset(),
    makeup_days: Collection[dt.date] = frozenset(),
) -> int:
    """The number of school days (上课日) from ``start`` to ``end``, both included.

    Weekdays (Monday to Friday), less the ``holidays`` that fall on a weekday, plus the
    ``makeup_days`` (调休补班) that fall on a Saturday or Sunday. A holiday on a weekend
    and a make-up day on a weekday change nothing; a date given twice counts once.
    Zero when ``end`` is before ``start``.

    Limitation: the caller supplies the holidays and vacations (see the module); China's
    working days are counted by :func:`~dropout_control.calendar.count_working_days`.

    >>> count_school_days(dt.date(2019, 9, 2), dt.date(2019, 9, 8))
    5
    >>> count_school_days(dt.date(2019, 9, 30), dt.date(2019, 10, 12),
    ...                   holidays={dt.date(2019, 10, d) for d in range(1, 8)},
    ...                   makeup_days={dt.date(2019, 9, 29), dt.date(2019, 10, 12)})
    6
    """
    if end < start:
        return 0
    first, last = start.toordinal(), end.toordinal()
    count = weekdays_before(last + 1) - weekdays_before(first)
    if holidays:
        count -= sum(
            1 for day in _distinct(holidays) if start <= day <= end and day.weekday() < _SATURDAY
        )
    if makeup_days:
        count += sum(
            1
            for day in _distinct(makeup_days)
            if start <= day <= end and day.weekday() >= _SATURDAY
        )
    return count


def add_school_days(
    start: dt.date,
    days: int,
    *,
    holidays: Collection[dt.date] = frozenset(),
    makeup_days: Collection[dt.date] = frozenset(),
) -> dt.date:
    """The school day that is ``days`` school days after ``start``.

    ``start`` itself is not counted, as in "within 10 school days of the report": the
    deadline is the 10th school day after the day of the report, and
    ``count_school_days(start + 1 day, result) == days`` with ``result`` itself a
    school day. Zero days gives ``start``. ``holidays`` and ``makeup_days`` are read as
    in :func:`count_school_days`.

    Raises :class:`~dropout_control.errors.InvalidRecord` (field ``days``) for a
    negative number of days.

    >>> add_school_days(dt.date(2019, 9, 6), 1)
    datetime.date(2019, 9, 9)
    >>> add_school_days(dt.date(2019, 9, 27), 3, holidays={dt.date(2019, 10, 1)})
    datetime.date(2019, 10, 3)
    """
    if days < 0:
        raise InvalidRecord("days", NEGATIVE, shown=str(days))
    if days == 0:
        return start
    exceptions = sorted(
        [
            (day.toordinal(), False)
            for day in _distinct(holidays)
            if day > start and day.weekday() < _SATURDAY
        ]
        + [
            (day.toordinal(), True)
            for day in _distinct(makeup_days)
            if day > start and day.weekday() >= _SATURDAY
        ]
    )
    position, remaining = start.toordinal(), days
    for ordinal, is_makeup in exceptions:
        # the answer if no further holiday or make-up day came before it
        candidate = nth_weekday(weekdays_before(position + 1) + remaining)
        if ordinal > candidate:
            break
        # the weekdays strictly between the position and this day are school days
        remaining -= weekdays_before(ordinal) - weekdays_before(position + 1)
        position = ordinal
        if is_makeup:
            remaining -= 1
            if remaining == 0:
                return dt.date.fromordinal(position)
    return dt.date.fromordinal(nth_weekday(weekdays_before(position + 1) + remaining))


def _vacations(
    start: dt.date, end: dt.date, *, policy: Policy
) -> Iterator[tuple[dt.date, dt.date]]:
    """The vacations that may meet ``start`` to ``end``, as (first, last) days, merged
    where they overlap, in date order."""
    spans = [
        cast("MonthDaySpan", policy.value(key))
        for key in (SCHOOL_YEAR_WINTER_VACATION, SCHOOL_YEAR_SUMMER_VACATION)
    ]
    found: list[tuple[dt.date, dt.date]] = []
    for year in range(start.year - 1, end.year + 1):
        for span in spans:
            last_year = year if span.start <= span.end else year + 1
            found.append((span.start.in_year(year), span.end.in_year(last_year)))
    found.sort()
    merged: list[tuple[dt.date, dt.date]] = []
    for first, last in found:
        if merged and first <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    yield from merged


def school_days_between(start: dt.date, end: dt.date, *, policy: Policy) -> int:
    """The school days (上课日) from ``start`` to ``end``, both included, under ``policy``.

    China's working days (weekdays, less the official days off, plus the make-up
    working days of ``calendar.working_day_arrangements``), less those that fall in the
    winter or summer vacation (``school_year.winter_vacation``,
    ``school_year.summer_vacation``, both ends included). Zero when ``end`` is before
    ``start``.

    Raises :class:`~dropout_control.errors.WorkingDaysNotCovered` for a span that
    reaches a year the working-day arrangements do not hold (never a count of plain
    weekdays). Limitation: one vacation calendar for every school; a county that sets
    its own dates does so in its policy layer.

    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 3, 20))
    >>> school_days_between(dt.date(2018, 9, 1), dt.date(2018, 9, 30), policy=policy)
    21
    >>> school_days_between(dt.date(2019, 1, 20), dt.date(2019, 2, 20), policy=policy)
    0
    """
    if end < start:
        return 0
    calendar = cast("WorkingCalendar", policy.value(CALENDAR_WORKING_DAY_ARRANGEMENTS))
    count = calendar.count(start, end)
    for first, last in _vacations(start, end, policy=policy):
        low, high = max(first, start), min(last, end)
        if low <= high:
            count -= calendar.count(low, high)
    return count
