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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Set

from dropout_control.errors import InvalidRecord
from dropout_control.reasons import NEGATIVE

__all__ = ["add_school_days", "count_school_days"]

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
