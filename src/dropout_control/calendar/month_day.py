"""A day of the year without a year (a cutoff, the start of a school year)."""

from __future__ import annotations

import datetime as dt

import attrs

from dropout_control.errors import InvalidDate
from dropout_control.reasons import reason

NO_SUCH_DAY = reason("DATE.NO_SUCH_DAY", "一年中没有这一天", "no such day of the year")
MONTH_DAY_FORM = reason("DATE.MONTH_DAY_FORM", "应写作 MM-DD", "expected MM-DD")
SPAN_FORM = reason("DATE.MONTH_DAY_SPAN_FORM", "应写作 MM-DD to MM-DD", "expected MM-DD to MM-DD")

__all__ = ["MonthDay", "MonthDaySpan"]

_LEAP_YEAR = 2000  # any leap year: it admits every month-day that exists at all


@attrs.frozen(order=True)
class MonthDay:
    """A month and day, such as the enrolment cutoff ``08-31``.

    >>> MonthDay.parse("08-31")
    MonthDay(month=8, day=31)
    >>> MonthDay(8, 31).in_year(2019)
    datetime.date(2019, 8, 31)
    >>> str(MonthDay(3, 1))
    '03-01'
    """

    month: int
    day: int

    def __attrs_post_init__(self) -> None:
        try:
            dt.date(_LEAP_YEAR, self.month, self.day)
        except ValueError as exc:
            raise InvalidDate(
                "month_day", NO_SUCH_DAY, shown=f"{self.month:02}-{self.day:02}"
            ) from exc

    @classmethod
    def parse(cls, text: str) -> MonthDay:
        """Read ``MM-DD``."""
        month, sep, day = text.strip().partition("-")
        if not sep or not month.isdigit() or not day.isdigit():
            raise InvalidDate("month_day", MONTH_DAY_FORM, shown=text)
        return cls(int(month), int(day))

    @classmethod
    def of(cls, day: dt.date) -> MonthDay:
        """The month and day of a date."""
        return cls(day.month, day.day)

    def in_year(self, year: int) -> dt.date:
        """This day in ``year``; 29 February falls on 1 March in a common year.

        >>> MonthDay(2, 29).in_year(2019)
        datetime.date(2019, 3, 1)
        """
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return dt.date(year, 3, 1)

    def __str__(self) -> str:
        return f"{self.month:02}-{self.day:02}"


_SPAN_SEPARATOR = " to "


@attrs.frozen
class MonthDaySpan:
    """Days of the year from ``start`` to ``end``, both included, such as a vacation
    ``01-20 to 02-20``; a span may run over the new year (``12-25 to 01-05``).

    >>> span = MonthDaySpan.parse("07-10 to 08-31")
    >>> span.contains(dt.date(2019, 8, 31)), span.contains(dt.date(2019, 9, 1))
    (True, False)
    >>> MonthDaySpan.parse("12-25 to 01-05").contains(dt.date(2020, 1, 2))
    True
    >>> str(span)
    '07-10 to 08-31'
    """

    start: MonthDay
    end: MonthDay

    @classmethod
    def parse(cls, text: str) -> MonthDaySpan:
        """Read ``MM-DD to MM-DD``."""
        start, sep, end = text.strip().partition(_SPAN_SEPARATOR)
        if not sep:
            raise InvalidDate("month_day_span", SPAN_FORM, shown=text)
        return cls(MonthDay.parse(start), MonthDay.parse(end))

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls in the span (in any year)."""
        of_day = MonthDay.of(day)
        if self.start <= self.end:
            return self.start <= of_day <= self.end
        return of_day >= self.start or of_day <= self.end

    def __str__(self) -> str:
        return f"{self.start}{_SPAN_SEPARATOR}{self.end}"
