"""A day of the year without a year (a cutoff, the start of a school year)."""

from __future__ import annotations

import datetime as dt

import attrs

from dropout_control.errors import InvalidDate
from dropout_control.reasons import reason

NO_SUCH_DAY = reason("DATE.NO_SUCH_DAY", "一年中没有这一天", "no such day of the year")
MONTH_DAY_FORM = reason("DATE.MONTH_DAY_FORM", "应写作 MM-DD", "expected MM-DD")

__all__ = ["MonthDay"]

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
