"""A calendar month (年月): the month of a headcount, an entry month."""

from __future__ import annotations

import datetime as dt
import re

import attrs

from dropout_control.errors import InvalidDate
from dropout_control.reasons import reason

NO_SUCH_MONTH = reason("DATE.NO_SUCH_MONTH", "不存在的月份", "no such month")
MONTH_FORM = reason("DATE.MONTH_FORM", "月份应写作 YYYY-MM 或 YYYYMM", "expected YYYY-MM or YYYYMM")

__all__ = ["YearMonth"]

_PATTERN = re.compile(r"(?P<year>\d{4})-?(?P<month>\d{1,2})")
_MONTHS = 12


@attrs.frozen(eq=False)
class YearMonth:
    """A year and a month.

    >>> YearMonth.parse("2019-03"), YearMonth.parse("201903")
    (YearMonth(year=2019, month=3), YearMonth(year=2019, month=3))
    >>> str(YearMonth(2019, 3)), YearMonth(2019, 12).next()
    ('2019-03', YearMonth(year=2020, month=1))
    """

    year: int
    month: int

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.month <= _MONTHS or not dt.MINYEAR <= self.year <= dt.MAXYEAR:
            raise InvalidDate("month", NO_SUCH_MONTH, shown=f"{self.year}-{self.month:02}")

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        """Read ``YYYY-MM`` or ``YYYYMM``."""
        match = _PATTERN.fullmatch(text.strip())
        if match is None:
            raise InvalidDate("month", MONTH_FORM, shown=text)
        return cls(int(match["year"]), int(match["month"]))

    @classmethod
    def of(cls, day: dt.date) -> YearMonth:
        """The month a date falls in."""
        return cls(day.year, day.month)

    @property
    def first_day(self) -> dt.date:
        """The first day of the month."""
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        """The last day of the month."""
        return self.next().first_day - dt.timedelta(days=1)

    def next(self) -> YearMonth:
        """The month after this one."""
        if self.month == _MONTHS:
            return YearMonth(self.year + 1, 1)
        return YearMonth(self.year, self.month + 1)

    def months_until(self, other: YearMonth) -> int:
        """How many months from this one to ``other`` (negative if ``other`` is earlier)."""
        return (other.year - self.year) * _MONTHS + other.month - self.month

    # Equality, hashing and order by (year, month), written out: a million headcount rows
    # compare their months, and attrs' generated order builds two tuples a comparison.
    def __eq__(self, other: object) -> bool:
        if other.__class__ is not YearMonth:
            return NotImplemented
        return self.year == other.year and self.month == other.month

    def __ne__(self, other: object) -> bool:
        if other.__class__ is not YearMonth:
            return NotImplemented
        return self.year != other.year or self.month != other.month

    def __hash__(self) -> int:
        return hash((YearMonth, self.year, self.month))

    def __lt__(self, other: YearMonth) -> bool:
        if other.__class__ is not YearMonth:
            return NotImplemented
        return self.year * _MONTHS + self.month < other.year * _MONTHS + other.month

    def __le__(self, other: YearMonth) -> bool:
        if other.__class__ is not YearMonth:
            return NotImplemented
        return self.year * _MONTHS + self.month <= other.year * _MONTHS + other.month

    def __gt__(self, other: YearMonth) -> bool:
        if other.__class__ is not YearMonth:
            return NotImplemented
        return self.year * _MONTHS + self.month > other.year * _MONTHS + other.month

    def __ge__(self, other: YearMonth) -> bool:
        if other.__class__ is not YearMonth:
            return NotImplemented
        return self.year * _MONTHS + self.month >= other.year * _MONTHS + other.month

    def __str__(self) -> str:
        return f"{self.year:04}-{self.month:02}"
