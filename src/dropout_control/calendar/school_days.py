"""School days (上课日) and working days (工作日) between dates.

Both are weekdays (Monday to Friday) minus days off, plus weekend days that are worked
in exchange for a holiday (调休补班). What differs is only the calendar of days off the
caller passes:

- working days (工作日, for "within N working days" deadlines such as
  ``registration.death_cancel_within_working_days`` and
  ``transfer.party_limit_working_days``): the public holidays of the State Council's
  yearly notice as ``holidays`` and its make-up working weekends as ``makeup_days``;
- school days (for absence counts such as ``absence.suspected_dropout_school_days``):
  the same, plus every weekday of the winter and summer vacations as ``holidays``.

The library ships no holiday calendar: the dates change every year by notice, so they
are the caller's input. With none given, every weekday counts.

The arithmetic is on whole weeks, so the cost does not grow with the span; it grows
with the number of holidays and make-up days given (each is looked at once).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Set

from dropout_control.errors import InvalidRecord

__all__ = [
    "add_school_days",
    "add_working_days",
    "count_school_days",
    "count_working_days",
]

# Day ordinals (date.toordinal) start at 1 on 1 January of year 1, a Monday.
_WEEKDAYS_PER_WEEK = 5
_SATURDAY = 5


def weekdays_before(ordinal: int) -> int:
    """How many weekdays there are among the ordinals 1 to ``ordinal - 1``."""
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
    """The number of school days (上课日) or working days (工作日) from ``start`` to
    ``end``, both included.

    Weekdays (Monday to Friday), less the ``holidays`` that fall on a weekday, plus the
    ``makeup_days`` (调休补班) that fall on a Saturday or Sunday. A holiday on a weekend
    and a make-up day on a weekday change nothing; a date given twice counts once.
    Zero when ``end`` is before ``start``.

    The same function counts working days; :func:`count_working_days` is another name
    for it. Limitation: the caller supplies the holiday calendar (see the module).

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
    """The school day (or working day) that is ``days`` such days after ``start``.

    ``start`` itself is not counted, as in "within 10 working days of the application":
    the deadline is the 10th working day after the day of the application, and
    ``count_school_days(start + 1 day, result) == days`` with ``result`` itself a
    school day. Zero days gives ``start``. ``holidays`` and ``makeup_days`` are read as
    in :func:`count_school_days`; :func:`add_working_days` is another name for it.

    Raises :class:`~dropout_control.errors.InvalidRecord` (field ``days``) for a
    negative number of days.

    >>> add_school_days(dt.date(2019, 9, 6), 1)
    datetime.date(2019, 9, 9)
    >>> add_school_days(dt.date(2019, 9, 27), 3, holidays={dt.date(2019, 10, 1)})
    datetime.date(2019, 10, 3)
    """
    if days < 0:
        raise InvalidRecord("days", "must not be negative", shown=str(days))
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


count_working_days = count_school_days
add_working_days = add_school_days
