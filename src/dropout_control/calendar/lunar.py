"""Lunar dates (农历) and their Gregorian days (公历).

Many families know a child's birthday in the lunar calendar, and a lunar birthday
written down as if it were Gregorian is the commonest innocent cause of a wrong birth
date in the registry (rule AC-008). This module reads and writes lunar dates and
converts them both ways.

The conversion is the ``borax`` library's (``borax.calendars.lunardate``), checked day
by day against published tables over 1900-2100. Its range is the lunar years 1900 to
2100, that is the Gregorian days from 31 January 1900 to 28 January 2101; outside it,
dates raise :class:`~dropout_control.errors.InvalidLunarDate`. borax is untyped: its
values are turned into ``int``, ``bool`` and ``date`` at this module's edge.

Text form: ``YYYY-MM-DD``, with ``L`` before the month of a leap month (闰月):
``2020-L04-01`` is the first day of the leap fourth month of 2020 (闰四月初一).
"""

from __future__ import annotations

import datetime as dt
import re

import attrs
from borax.calendars import lunardate as _borax

from dropout_control.errors import InvalidLunarDate
from dropout_control.reasons import Stated, reason

YEAR_RANGE = reason(
    "DATE.LUNAR_YEAR_RANGE",
    "年份超出农历历表范围 {first}-{last}",
    "year outside {first}-{last}, the range of the lunar calendar",
)
NO_SUCH_LUNAR_MONTH = reason("DATE.NO_SUCH_LUNAR_MONTH", "不存在的农历月份", "no such month")
OTHER_LEAP_MONTH = reason(
    "DATE.OTHER_LEAP_MONTH",
    "{year} 年没有闰 {month} 月（闰月为 {leap_month} 月）",
    "{year} has no leap month {month} (its leap month is {leap_month})",
)
NO_LEAP_MONTH = reason(
    "DATE.NO_LEAP_MONTH",
    "{year} 年没有闰 {month} 月（该年无闰月）",
    "{year} has no leap month {month} (no leap month that year)",
)
MONTH_LENGTH = reason(
    "DATE.LUNAR_MONTH_LENGTH", "该月只有 {length} 天", "the month has {length} days"
)
LUNAR_FORM = reason(
    "DATE.LUNAR_FORM",
    "应写作 YYYY-MM-DD，闰月在月份前加 L",
    "expected YYYY-MM-DD, with L before a leap month",
)
DAY_RANGE = reason(
    "DATE.LUNAR_DAY_RANGE",
    "超出农历历表范围 {first}..{last}",
    "outside {first}..{last}, the range of the lunar calendar",
)

__all__ = ["LunarDate", "read_as_lunar", "same_day_lunar_and_gregorian"]

_FIRST_YEAR: int = _borax.MIN_LUNAR_YEAR
_LAST_YEAR: int = _borax.MAX_LUNAR_YEAR
_FIRST_DAY: dt.date = _borax.MIN_SOLAR_DATE
_LAST_DAY: dt.date = _borax.MAX_SOLAR_DATE
_MONTHS_IN_YEAR = 12

_TEXT = re.compile(r"(\d{4})-(L?)(\d{2})-(\d{2})")


def _leap_month(year: int) -> int:
    """The leap month of a lunar year, 0 when it has none."""
    month: int = _borax.LCalendars.leap_month(year)
    return month


def _month_length(year: int, month: int, *, leap: bool) -> int:
    days: int = _borax.LCalendars.ndays(year, month, int(leap))
    return days


def _why_not_lunar(year: int, month: int, day: int, *, leap: bool) -> Stated | None:
    """Why (year, month, day, leap) is not a lunar date in range, or None if it is."""
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return YEAR_RANGE.given(first=_FIRST_YEAR, last=_LAST_YEAR)
    if not 1 <= month <= _MONTHS_IN_YEAR:
        return NO_SUCH_LUNAR_MONTH.given()
    if leap:
        leap_month = _leap_month(year)
        if leap_month != month:
            if leap_month:
                return OTHER_LEAP_MONTH.given(year=year, month=month, leap_month=leap_month)
            return NO_LEAP_MONTH.given(year=year, month=month)
    length = _month_length(year, month, leap=leap)
    if not 1 <= day <= length:
        return MONTH_LENGTH.given(length=length)
    return None


def _text(year: int, month: int, day: int, *, leap: bool) -> str:
    return f"{year:04}-{'L' if leap else ''}{month:02}-{day:02}"


@attrs.frozen
class LunarDate:
    """A day of the Chinese lunar calendar (农历日期); ``leap`` marks a leap month (闰月).

    >>> LunarDate.parse("2012-07-16").to_gregorian()
    datetime.date(2012, 9, 1)
    >>> str(LunarDate.from_gregorian(dt.date(2020, 5, 23)))
    '2020-L04-01'
    >>> LunarDate(2020, 4, 30, leap=True)
    Traceback (most recent call last):
    ...
    dropout_control.errors.InvalidLunarDate: lunar_date='2020-L04-30': the month has 29 days

    Lunar dates compare equal by value; they are not ordered (a leap month sorts after
    the month of the same number, which field order cannot say): compare their
    Gregorian days instead.
    """

    year: int
    month: int
    day: int
    leap: bool = False

    def __attrs_post_init__(self) -> None:
        reason = _why_not_lunar(self.year, self.month, self.day, leap=self.leap)
        if reason is not None:
            raise InvalidLunarDate("lunar_date", reason.reason, shown=str(self), facts=reason.facts)

    @classmethod
    def parse(cls, text: str) -> LunarDate:
        """Read ``YYYY-MM-DD``, with ``L`` before the month of a leap month.

        >>> LunarDate.parse("2023-L02-01")
        LunarDate(year=2023, month=2, day=1, leap=True)
        """
        match = _TEXT.fullmatch(text.strip())
        if match is None:
            raise InvalidLunarDate("lunar_date", LUNAR_FORM, shown=text)
        year, leap, month, day = match.groups()
        return cls(int(year), int(month), int(day), leap=bool(leap))

    @classmethod
    def from_gregorian(cls, day: dt.date) -> LunarDate:
        """The lunar date of a Gregorian day (公历转农历).

        Raises :class:`~dropout_control.errors.InvalidLunarDate` (field ``day``) outside
        31 January 1900 to 28 January 2101.

        >>> LunarDate.from_gregorian(dt.date(2012, 9, 1))
        LunarDate(year=2012, month=7, day=16, leap=False)
        """
        if not _FIRST_DAY <= day <= _LAST_DAY:
            raise InvalidLunarDate(
                "day",
                DAY_RANGE,
                facts={"first": _FIRST_DAY, "last": _LAST_DAY},
                shown=day.isoformat(),
            )
        lunar = _borax.LunarDate.from_solar(day)
        return cls(int(lunar.year), int(lunar.month), int(lunar.day), leap=bool(lunar.leap))

    def to_gregorian(self) -> dt.date:
        """The Gregorian day of this lunar date (农历转公历).

        >>> LunarDate(2020, 4, 1, leap=True).to_gregorian()
        datetime.date(2020, 5, 23)
        """
        solar: dt.date = _borax.LunarDate(
            self.year, self.month, self.day, int(self.leap)
        ).to_solar_date()
        return solar

    def __str__(self) -> str:
        return _text(self.year, self.month, self.day, leap=self.leap)


def read_as_lunar(day: dt.date) -> tuple[dt.date, ...]:
    """The Gregorian days of the lunar date written with the same digits as ``day``.

    Reads ``day``'s year, month and day as a lunar date (the year as the lunar year)
    and converts it. Returns no day when those digits are not a lunar date (a 31st, a
    30th in a 29-day month, a year outside 1900-2100), one day usually, and two when
    the lunar year has a leap month of that number (the ordinary month first, then the
    leap month): the digits alone do not say which was meant.

    >>> read_as_lunar(dt.date(2012, 7, 16))
    (datetime.date(2012, 9, 1),)
    >>> read_as_lunar(dt.date(2020, 4, 1))
    (datetime.date(2020, 4, 23), datetime.date(2020, 5, 23))
    >>> read_as_lunar(dt.date(2012, 7, 31))
    ()
    """
    return tuple(
        LunarDate(day.year, day.month, day.day, leap=leap).to_gregorian()
        for leap in (False, True)
        if _why_not_lunar(day.year, day.month, day.day, leap=leap) is None
    )


def same_day_lunar_and_gregorian(first: dt.date, second: dt.date) -> bool:
    """Whether two dates are one day, one written in lunar and one in Gregorian digits.

    True when ``first``'s digits read as a lunar date fall on ``second``, or
    ``second``'s on ``first`` (see :func:`read_as_lunar`). This is the innocent
    explanation of an age correction (rule AC-008): a birthday known in the lunar
    calendar and registered as if it were a Gregorian date.

    Limitation: the year of the written date is read as the lunar year. A lunar
    birthday late in the twelfth month written with the Gregorian year of birth (a
    year later) is not recognised.

    >>> same_day_lunar_and_gregorian(dt.date(2012, 7, 16), dt.date(2012, 9, 1))
    True
    >>> same_day_lunar_and_gregorian(dt.date(2012, 9, 1), dt.date(2012, 7, 16))
    True
    >>> same_day_lunar_and_gregorian(dt.date(2012, 7, 16), dt.date(2012, 9, 2))
    False
    """
    return second in read_as_lunar(first) or first in read_as_lunar(second)
