"""The school year (学年) and its two terms (学期).

A school year runs from ``school_year.start`` (1 September by default) to the day before
the next start (31 August), and is named by its two calendar years ("2018-2019"). It has
two terms: the first (第一学期, autumn) from the start, the second (第二学期, spring) from
``school_year.spring_term_start`` (1 March by default; the real date moves with the
Spring Festival, which is why the parameter is marked U). The second term is the final
term of a graduating grade, which some transfer and suspension rules look at.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import TYPE_CHECKING, cast

import attrs

from dropout_control.calendar.month_day import MonthDay
from dropout_control.errors import InvalidDate
from dropout_control.policy.keys import SCHOOL_YEAR_SPRING_TERM_START, SCHOOL_YEAR_START
from dropout_control.reasons import reason

START_YEAR = reason("DATE.START_YEAR", "不在起始年份 {year} 内", "is not in the start year {year}")
SPRING_TERM = reason(
    "DATE.SPRING_TERM",
    "应晚于学年开始 {start}，且不晚于学年结束 {end}",
    "is not after the start {start} and on or before the end {end}",
)
OUTSIDE_YEAR = reason(
    "DATE.OUTSIDE_SCHOOL_YEAR", "不在 {year} 学年内", "is outside the school year {year}"
)

if TYPE_CHECKING:
    from dropout_control.policy import Policy

__all__ = ["SchoolYear", "Term"]

_ONE_DAY = dt.timedelta(days=1)


class Term(enum.Enum):
    """A term of the school year (学期); the value is its ordinal in the year."""

    AUTUMN = 1
    """第一学期 (上学期): from ``school_year.start`` to the day before the spring term."""
    SPRING = 2
    """第二学期 (下学期): from ``school_year.spring_term_start`` to the end of the year."""


@attrs.frozen(order=True)
class SchoolYear:
    """A school year (学年) with its boundary dates.

    Build one with :meth:`containing` or :meth:`starting`; the dates come from the
    policy parameters ``school_year.start`` and ``school_year.spring_term_start``.
    ``end`` is inclusive: the day before the next school year starts.

    >>> year = SchoolYear(
    ...     2018, dt.date(2018, 9, 1), dt.date(2019, 8, 31), dt.date(2019, 3, 1)
    ... )
    >>> str(year)
    '2018-2019'
    >>> year.term_of(dt.date(2019, 2, 28))
    <Term.AUTUMN: 1>
    >>> year.term_of(dt.date(2019, 3, 1))
    <Term.SPRING: 2>
    >>> year.contains(dt.date(2019, 9, 1))
    False
    """

    start_year: int
    start: dt.date
    end: dt.date
    spring_term_start: dt.date

    def __attrs_post_init__(self) -> None:
        if self.start.year != self.start_year:
            raise InvalidDate(
                "start", START_YEAR, shown=str(self.start), facts={"year": self.start_year}
            )
        if not self.start < self.spring_term_start <= self.end:
            raise InvalidDate(
                "spring_term_start",
                SPRING_TERM,
                facts={"start": self.start, "end": self.end},
                shown=str(self.spring_term_start),
            )

    @classmethod
    def starting(cls, year: int, *, policy: Policy) -> SchoolYear:
        """The school year that starts in the calendar year ``year``.

        Basis: ``school_year.start`` and ``school_year.spring_term_start``. The spring
        term starts on the first occurrence of its month and day after the start.

        >>> from dropout_control.policy import resolve_policy
        >>> policy = resolve_policy(on=dt.date(2019, 3, 20))
        >>> year = SchoolYear.starting(2018, policy=policy)
        >>> year.start, year.end, year.spring_term_start
        (datetime.date(2018, 9, 1), datetime.date(2019, 8, 31), datetime.date(2019, 3, 1))
        """
        start_day = cast("MonthDay", policy.value(SCHOOL_YEAR_START))
        spring_day = cast("MonthDay", policy.value(SCHOOL_YEAR_SPRING_TERM_START))
        return _school_year(year, start_day, spring_day)

    @classmethod
    def containing(cls, day: dt.date, *, policy: Policy) -> SchoolYear:
        """The school year in which ``day`` falls (31 August 2019 is in 2018-2019,
        1 September 2019 in 2019-2020 under the default start).

        Basis: ``school_year.start``.

        >>> from dropout_control.policy import resolve_policy
        >>> policy = resolve_policy(on=dt.date(2019, 3, 20))
        >>> str(SchoolYear.containing(dt.date(2019, 8, 31), policy=policy))
        '2018-2019'
        >>> str(SchoolYear.containing(dt.date(2019, 9, 1), policy=policy))
        '2019-2020'
        """
        start_day = cast("MonthDay", policy.value(SCHOOL_YEAR_START))
        spring_day = cast("MonthDay", policy.value(SCHOOL_YEAR_SPRING_TERM_START))
        return _school_year_containing(day, start_day, spring_day)

    @property
    def final_term_start(self) -> dt.date:
        """The first day of the final term (the spring term, 第二学期)."""
        return self.spring_term_start

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls within this school year (both ends included)."""
        return self.start <= day <= self.end

    def term_of(self, day: dt.date) -> Term:
        """The term (学期) in which ``day`` falls.

        Raises :class:`~dropout_control.errors.InvalidDate` (field ``day``) for a day
        outside this school year: it belongs to no term of it.
        """
        if not self.contains(day):
            raise InvalidDate("day", OUTSIDE_YEAR, shown=str(day), facts={"year": str(self)})
        return Term.SPRING if day >= self.spring_term_start else Term.AUTUMN

    def term_start(self, term: Term) -> dt.date:
        """The first day of ``term`` in this school year."""
        return self.start if term is Term.AUTUMN else self.spring_term_start

    def __str__(self) -> str:
        if self.end.year == self.start_year:
            return str(self.start_year)
        return f"{self.start_year}-{self.end.year}"


@functools.lru_cache(maxsize=4096)
def _school_year(year: int, start_day: MonthDay, spring_day: MonthDay) -> SchoolYear:
    """The school year starting in ``year`` on ``start_day``, its spring term on the first
    ``spring_day`` after that: built once per year and days (the audit asks for the same
    few years for every record)."""
    start = start_day.in_year(year)
    end = start_day.in_year(year + 1) - _ONE_DAY
    spring_year = year if spring_day > start_day else year + 1
    return SchoolYear(year, start, end, spring_day.in_year(spring_year))


@functools.lru_cache(maxsize=16384)
def _school_year_containing(day: dt.date, start_day: MonthDay, spring_day: MonthDay) -> SchoolYear:
    """The school year in which ``day`` falls, for these start and spring-term days."""
    year = day.year if day >= start_day.in_year(day.year) else day.year - 1
    return _school_year(year, start_day, spring_day)
