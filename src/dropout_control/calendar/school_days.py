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

:class:`SchoolDays` and :func:`school_days_between` count the school days of a policy:
China's working days as ``calendar.working_day_arrangements`` holds them (weekdays less
the official days off, plus the weekend days worked in exchange for a holiday: schools
keep those too), less the days of the winter and summer vacations
(``school_year.winter_vacation``, ``school_year.summer_vacation``).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Collection, Iterator, Set
from typing import TYPE_CHECKING

import attrs

from dropout_control.calendar.month_day import MonthDaySpan
from dropout_control.errors import InvalidRecord
from dropout_control.policy.keys import (
    CALENDAR_WORKING_DAY_ARRANGEMENTS,
    SCHOOL_YEAR_SUMMER_VACATION,
    SCHOOL_YEAR_WINTER_VACATION,
)
from dropout_control.reasons import NEGATIVE

if TYPE_CHECKING:
    from dropout_control.calendar.working_days import WorkingCalendar
    from dropout_control.policy import Policy

__all__ = ["SchoolDays", "add_school_days", "count_school_days", "school_days_between"]

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


def _vacations(span: MonthDaySpan, first_year: int, last_year: int) -> Iterator[tuple[int, int]]:
    """The day ordinals (first, last) of ``span`` in each year from ``first_year``."""
    crosses = span.end < span.start
    for year in range(first_year, last_year + 1):
        start = span.start.in_year(year)
        end = span.end.in_year(year + 1 if crosses else year)
        yield start.toordinal(), end.toordinal()


@attrs.frozen
class SchoolDays:
    """The school days (上课日) of one policy: weekdays less the official days off, plus
    the weekend days worked in exchange for a holiday (调休补班), less the winter and
    summer vacations.

    Built once per policy with :meth:`of_policy` and reused. A count that runs through a
    year the working calendar does not hold raises
    :class:`~dropout_control.errors.WorkingDaysNotCovered`, never a count of plain
    weekdays.

    >>> from dropout_control.policy import resolve_policy
    >>> days = SchoolDays.of_policy(resolve_policy(on=dt.date(2019, 9, 1)))
    >>> days.count(dt.date(2019, 9, 30), dt.date(2019, 10, 11))
    5
    >>> days.count(dt.date(2020, 1, 13), dt.date(2020, 2, 28))
    12
    >>> days.reached(dt.date(2019, 9, 27), 5)
    datetime.date(2019, 10, 9)
    """

    calendar: WorkingCalendar
    winter_vacation: MonthDaySpan
    summer_vacation: MonthDaySpan
    # Weekdays off and weekend days worked (make-up days), as sorted day ordinals.
    _off: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _made_up: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        years = self.calendar.years.values()
        off = sorted(
            day.toordinal() for item in years for day in item.days_off if day.weekday() < _SATURDAY
        )
        made_up = sorted(
            day.toordinal()
            for item in years
            for day in item.working_days
            if day.weekday() >= _SATURDAY
        )
        object.__setattr__(self, "_off", tuple(off))
        object.__setattr__(self, "_made_up", tuple(made_up))

    @classmethod
    def of_policy(cls, policy: Policy) -> SchoolDays:
        """The school days under ``policy``'s working calendar and vacations."""
        from dropout_control.calendar.working_days import WorkingCalendar  # noqa: PLC0415

        return cls(
            policy.value(CALENDAR_WORKING_DAY_ARRANGEMENTS, WorkingCalendar),
            policy.value(SCHOOL_YEAR_WINTER_VACATION, MonthDaySpan),
            policy.value(SCHOOL_YEAR_SUMMER_VACATION, MonthDaySpan),
        )

    def _open_weekdays(self, first: int, last: int) -> int:
        """Working days among the ordinals ``first`` to ``last``: weekdays that are not
        days off, and weekend days worked to make up for a break."""
        if last < first:
            return 0
        weekdays = weekdays_before(last + 1) - weekdays_before(first)
        off = bisect.bisect_right(self._off, last) - bisect.bisect_left(self._off, first)
        made_up = bisect.bisect_right(self._made_up, last) - bisect.bisect_left(
            self._made_up, first
        )
        return weekdays - off + made_up

    def count(self, start: dt.date, end: dt.date) -> int:
        """The school days from ``start`` to ``end``, both included (0 when ``end`` is
        before ``start``)."""
        if end < start:
            return 0
        self.calendar.check_covers(start, end)
        first, last = start.toordinal(), end.toordinal()
        count = self._open_weekdays(first, last)
        for v_first, v_last in self._vacation_runs(start.year - 1, end.year):
            count -= self._open_weekdays(max(first, v_first), min(last, v_last))
        return count

    def _vacation_runs(self, first_year: int, last_year: int) -> list[tuple[int, int]]:
        """The vacations of the years as runs of day ordinals, overlaps merged, so that
        no day is left out twice (a county may set vacations that overlap)."""
        spans = sorted(
            run
            for span in (self.winter_vacation, self.summer_vacation)
            for run in _vacations(span, first_year, last_year)
        )
        merged: list[tuple[int, int]] = []
        for v_first, v_last in spans:
            if merged and v_first <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], v_last))
            else:
                merged.append((v_first, v_last))
        return merged

    def is_school_day(self, day: dt.date) -> bool:
        """Whether ``day`` is a school day."""
        return self.count(day, day) == 1

    def reached(self, start: dt.date, days: int) -> dt.date:
        """The day on which the ``days``-th school day from ``start`` falls, ``start``
        counted when it is a school day (the day an absence from ``start`` reaches
        ``days`` school days). Raises :class:`~dropout_control.errors.InvalidRecord`
        for fewer than one day."""
        if days < 1:
            raise InvalidRecord("days", NEGATIVE, shown=str(days))
        day, seen = start, 0
        while True:
            if self.is_school_day(day):
                seen += 1
                if seen == days:
                    return day
            day += dt.timedelta(days=1)


def school_days_between(start: dt.date, end: dt.date, *, policy: Policy) -> int:
    """The school days (上课日) from ``start`` to ``end``, both included, under
    ``policy``: working days (weekdays less the official days off, plus the make-up
    weekend days) less the winter and summer vacations (see :class:`SchoolDays`; build
    one with :meth:`SchoolDays.of_policy` to count many spans).

    >>> from dropout_control.policy import resolve_policy
    >>> school_days_between(dt.date(2019, 7, 1), dt.date(2019, 9, 6),
    ...                     policy=resolve_policy(on=dt.date(2019, 9, 1)))
    12
    """
    return SchoolDays.of_policy(policy).count(start, end)
