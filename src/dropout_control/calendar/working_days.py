"""China's working days (工作日): weekdays, less the official days off, plus make-up days.

Each year the General Office of the State Council publishes a notice arranging that
year's public holidays (国务院办公厅关于某年部分节假日安排的通知): the days off of New
Year, the Spring Festival, Qingming, Labour Day, the Dragon Boat Festival, Mid-Autumn
and National Day, and the weekend days worked in exchange (调休上班). A deadline "within
N working days" skips the days off and counts the make-up days.

A :class:`WorkingCalendar` holds those arrangements year by year. The library's own
come from the policy parameter ``calendar.working_day_arrangements`` (a dated, sourced
value of the national layer; a layer adds a year). A calendar answers only for the
years it holds: asking about a day of another year raises
:class:`~dropout_control.errors.WorkingDaysNotCovered`, never a count of plain weekdays.

Counting is on whole weeks with the year's exceptions looked up by bisection, so the
cost hardly grows with the span or with the number of years held.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

import attrs

from dropout_control.calendar.school_days import nth_weekday, weekdays_before
from dropout_control.errors import InvalidRecord, WorkingDaysNotCovered
from dropout_control.reasons import NEGATIVE, Stated, reason

__all__ = [
    "WorkingCalendar",
    "YearArrangement",
    "add_working_days",
    "count_working_days",
]

OUTSIDE_YEAR = reason("CALENDAR.OUTSIDE_YEAR", "不在 {year} 年内", "a date outside {year}")
OFF_AND_WORKED = reason(
    "CALENDAR.OFF_AND_WORKED", "同一天既是休息日又是调休上班日", "a day both off and worked"
)
NOT_COVERED = reason(
    "CALENDAR.NOT_COVERED",
    "工作日安排未包含 {year} 年（{day} 所在年份；已包含 {covered}）",
    "calendar.working_day_arrangements does not cover {year}, the year of {day} "
    "(it covers {covered})",
)

_SATURDAY = 5


def _dates(raw: object, where: str) -> Iterator[dt.date]:
    """The days of a list of dates and ``start/end`` ranges (both ends included)."""
    if isinstance(raw, str) or not isinstance(raw, list | tuple):
        raise TypeError(f"{where}: expected a list of dates or date ranges")
    for item in raw:
        if isinstance(item, dt.date) and not isinstance(item, dt.datetime):
            yield item
            continue
        if not isinstance(item, str):
            raise TypeError(f"{where}: expected a date YYYY-MM-DD or a range, got {item!r}")
        first, _, last = item.partition("/")
        start = dt.date.fromisoformat(first.strip())
        end = dt.date.fromisoformat(last.strip()) if last else start
        if end < start:
            raise ValueError(f"{where}: the range {item!r} ends before it starts")
        for offset in range((end - start).days + 1):
            yield start + dt.timedelta(days=offset)


@attrs.frozen
class YearArrangement:
    """One year's official days off and make-up working days (节假日安排).

    ``days_off`` may include weekend days inside a break (they change nothing);
    ``working_days`` are the weekend days worked in exchange. Every date belongs to
    ``year``: a break that runs over New Year lists each day under its own year.
    ``notice`` names the State Council notice, where known.
    """

    year: int
    days_off: frozenset[dt.date]
    working_days: frozenset[dt.date]
    notice: str = ""

    def __attrs_post_init__(self) -> None:
        stray = sorted(d for d in self.days_off | self.working_days if d.year != self.year)
        if stray:
            raise InvalidRecord(
                "working_day_arrangements",
                OUTSIDE_YEAR,
                shown=str(stray[0]),
                facts={"year": self.year},
            )
        both = self.days_off & self.working_days
        if both:
            raise InvalidRecord(
                "working_day_arrangements", OFF_AND_WORKED, shown=min(both).isoformat()
            )

    @classmethod
    def from_mapping(cls, year: int, raw: Mapping[str, object]) -> YearArrangement:
        """Read ``{"notice": ..., "days_off": [...], "working_days": [...]}``.

        Dates are ``YYYY-MM-DD`` texts (or dates); ``YYYY-MM-DD/YYYY-MM-DD`` is a range.
        """
        unknown = sorted(set(raw) - {"notice", "days_off", "working_days"})
        if unknown:
            raise ValueError(f"{year}: unknown field {unknown[0]!r}")
        notice = raw.get("notice", "")
        if not isinstance(notice, str):
            raise TypeError(f"{year}: notice must be a text")
        return cls(
            year=year,
            days_off=frozenset(_dates(raw.get("days_off", []), f"{year}.days_off")),
            working_days=frozenset(_dates(raw.get("working_days", []), f"{year}.working_days")),
            notice=notice.strip(),
        )


def _span(years: Iterable[int]) -> str:
    """Years as runs, ``2004-2026`` or ``2004-2020, 2022``."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs) or "no year"


def _in_year_order(items: Mapping[int, YearArrangement]) -> Mapping[int, YearArrangement]:
    return MappingProxyType(dict(sorted(items.items())))


@attrs.frozen
class WorkingCalendar:
    """The working days of the years it holds (工作日历).

    >>> calendar = WorkingCalendar.from_mapping({"2019": {
    ...     "days_off": ["2019-01-01", "2019-02-04/2019-02-10"],
    ...     "working_days": ["2019-02-02", "2019-02-03"]}})
    >>> calendar.is_working_day(dt.date(2019, 2, 2)), calendar.is_working_day(dt.date(2019, 2, 4))
    (True, False)
    >>> calendar.count(dt.date(2019, 2, 1), dt.date(2019, 2, 15))
    8
    >>> calendar.add(dt.date(2019, 1, 31), 3)
    datetime.date(2019, 2, 3)
    >>> calendar.count(dt.date(2018, 12, 31), dt.date(2019, 1, 2))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    dropout_control.errors.WorkingDaysNotCovered: working days in 2018 are not known: ...
    """

    years: Mapping[int, YearArrangement] = attrs.field(converter=_in_year_order)
    # Weekdays off and weekend days worked, as sorted day ordinals, for bisection.
    _off: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _worked: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        off = sorted(
            day.toordinal()
            for item in self.years.values()
            for day in item.days_off
            if day.weekday() < _SATURDAY
        )
        worked = sorted(
            day.toordinal()
            for item in self.years.values()
            for day in item.working_days
            if day.weekday() >= _SATURDAY
        )
        object.__setattr__(self, "_off", tuple(off))
        object.__setattr__(self, "_worked", tuple(worked))

    @classmethod
    def from_mapping(cls, raw: object) -> WorkingCalendar:
        """Read a table of years (keys ``"2019"`` or ``2019``), each as
        :meth:`YearArrangement.from_mapping` reads it."""
        if not isinstance(raw, Mapping):
            raise TypeError("expected a table of years")
        years: dict[int, YearArrangement] = {}
        for key, body in raw.items():
            text = str(key)
            if not (text.isascii() and text.isdigit() and len(text) == 4):  # noqa: PLR2004
                raise ValueError(f"expected a year such as 2019, got {key!r}")
            if not isinstance(body, Mapping):
                raise TypeError(f"{text}: expected a table with days_off and working_days")
            years[int(text)] = YearArrangement.from_mapping(int(text), body)
        return cls(years)

    def extended(self, other: WorkingCalendar) -> WorkingCalendar:
        """This calendar with the years of ``other`` added; a year both hold is
        ``other``'s (how a layer adds or corrects a year)."""
        return WorkingCalendar({**self.years, **other.years})

    def __str__(self) -> str:
        return f"days off and make-up working days of {self.span}"

    @property
    def span(self) -> str:
        """The years held, as runs (``2004-2026``)."""
        return _span(self.years)

    def covers(self, day: dt.date) -> bool:
        """Whether the calendar holds the year of ``day``."""
        return day.year in self.years

    def why_not_covering(self, day: dt.date) -> Stated | None:
        """Why working days of ``day``'s year cannot be counted, or ``None`` if they can
        (the reason a rule that counts them is not run)."""
        if self.covers(day):
            return None
        return NOT_COVERED.given(year=day.year, day=day, covered=self.span)

    def check_covers(self, start: dt.date, end: dt.date) -> None:
        """Raise :class:`~dropout_control.errors.WorkingDaysNotCovered` unless every
        year from ``start`` to ``end`` is held."""
        for year in range(start.year, end.year + 1):
            if year not in self.years:
                raise WorkingDaysNotCovered(year, self.span)

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day."""
        self.check_covers(day, day)
        item = self.years[day.year]
        if day.weekday() < _SATURDAY:
            return day not in item.days_off
        return day in item.working_days

    def count(self, start: dt.date, end: dt.date) -> int:
        """The working days from ``start`` to ``end``, both included (0 when ``end``
        is before ``start``)."""
        if end < start:
            return 0
        self.check_covers(start, end)
        first, last = start.toordinal(), end.toordinal()
        weekdays = weekdays_before(last + 1) - weekdays_before(first)
        off = bisect.bisect_right(self._off, last) - bisect.bisect_left(self._off, first)
        worked = bisect.bisect_right(self._worked, last) - bisect.bisect_left(self._worked, first)
        return weekdays - off + worked

    def add(self, start: dt.date, days: int) -> dt.date:
        """The working day that is ``days`` working days after ``start`` (``start``
        itself not counted; zero gives ``start``).

        Raises :class:`~dropout_control.errors.InvalidRecord` (field ``days``) for a
        negative number, and :class:`~dropout_control.errors.WorkingDaysNotCovered` when
        the count runs through a year the calendar does not hold.
        """
        if days < 0:
            raise InvalidRecord("days", NEGATIVE, shown=str(days))
        self.check_covers(start, start)
        if days == 0:
            return start
        position, remaining = start.toordinal(), days
        off, worked = self._off, self._worked
        i = bisect.bisect_right(off, position)
        j = bisect.bisect_right(worked, position)
        while True:
            # the answer if no further exception came before it
            candidate = nth_weekday(weekdays_before(position + 1) + remaining)
            next_off = off[i] if i < len(off) else None
            next_worked = worked[j] if j < len(worked) else None
            if (
                next_worked is not None
                and next_worked < candidate
                and (next_off is None or next_worked < next_off)
            ):
                remaining -= weekdays_before(next_worked) - weekdays_before(position + 1) + 1
                position = next_worked
                j += 1
                if remaining == 0:
                    break
            elif next_off is not None and next_off <= candidate:
                remaining -= weekdays_before(next_off) - weekdays_before(position + 1)
                position = next_off
                i += 1
            else:
                position = candidate
                break
        result = dt.date.fromordinal(position)
        self.check_covers(start, result)
        return result


def count_working_days(start: dt.date, end: dt.date, *, calendar: WorkingCalendar) -> int:
    """The working days (工作日) from ``start`` to ``end``, both included, under
    ``calendar`` (see :meth:`WorkingCalendar.count`)."""
    return calendar.count(start, end)


def add_working_days(start: dt.date, days: int, *, calendar: WorkingCalendar) -> dt.date:
    """The working day ``days`` working days after ``start`` under ``calendar``, as in
    "within 10 working days of the application" (see :meth:`WorkingCalendar.add`)."""
    return calendar.add(start, days)
