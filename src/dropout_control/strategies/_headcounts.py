"""Strategies of the months and the monthly headcounts (实际在校) of schools: rows of
the rolls, reported totals, and the rolls and totals that agree with given records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dropout_control.calendar import YearMonth
from dropout_control.identity import StudentNumber
from dropout_control.policy import Policy
from dropout_control.reconciliation import Excuse, HeadcountEntry, HeadcountTotal
from dropout_control.registry import RecordStatus, StudentRecord
from dropout_control.strategies._record_basics import (
    DEFAULT_AS_OF,
    NAMES,
    Regions,
    SchoolCalendar,
    draw_resident_id,
    lines,
    region_codes,
    school_codes,
    source,
)

_FIRST_MONTH = YearMonth(1900, 1)
_LAST_MONTH = YearMonth(2099, 12)


# Strategies drawn for every record, built once: building a strategy costs more than
# drawing from it.
_MAYBE_NAME = st.none() | NAMES
_MAYBE_EXCUSE = st.none() | st.sampled_from(Excuse)


# Headcounts ---------------------------------------------------------------------------


def year_months(
    *,
    min_value: YearMonth = _FIRST_MONTH,
    max_value: YearMonth = _LAST_MONTH,
) -> st.SearchStrategy[YearMonth]:
    """Months (年月) from ``min_value`` to ``max_value``."""
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value} is after max_value={max_value}")
    return st.integers(0, min_value.months_until(max_value)).map(
        lambda n: YearMonth(
            min_value.year + (min_value.month - 1 + n) // 12, (min_value.month - 1 + n) % 12 + 1
        )
    )


def school_year_months(calendar: SchoolCalendar) -> list[YearMonth]:
    """The months of the current school year up to the audit date."""
    month = YearMonth.of(calendar.current.start)
    last = YearMonth.of(calendar.as_of)
    months = [month]
    while month < last:
        month = month.next()
        months.append(month)
    return months


@st.composite
def _headcount_entries(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    schools: st.SearchStrategy[str],
    regions: Regions,
) -> HeadcountEntry:
    number = draw_resident_id(draw, regions=regions, born=(dt.date(1990, 1, 1), calendar.as_of))
    student_number = StudentNumber.from_resident_id(number).reveal()
    which = draw(st.sampled_from(["both", "student_number", "resident_id"]))
    present = draw(st.booleans())
    return HeadcountEntry(
        month=draw(st.sampled_from(school_year_months(calendar))),
        school_id=draw(schools),
        present=present,
        student_number=None if which == "resident_id" else student_number,
        resident_id=None if which == "student_number" else number.reveal(),
        name=draw(_MAYBE_NAME),
        excuse=None if present else draw(_MAYBE_EXCUSE),
        source=source("headcounts", draw(lines())),
    )


def headcount_entries(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
    school_ids: Sequence[str] | st.SearchStrategy[str] | None = None,
    regions: Sequence[str] | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[HeadcountEntry]:
    """Rows of a school's monthly roll (实际在校), in a month of the current school year
    up to ``as_of``.

    A row names the child by G number, resident ID number or both (as text, compact);
    an absent child may have an excuse, a present one has none.
    """
    calendar = SchoolCalendar.of(as_of, policy)
    return _headcount_entries(calendar, school_codes(school_ids), region_codes(regions))


def headcount_totals(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
    school_ids: Sequence[str] | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[HeadcountTotal]:
    """The numbers schools reported present, in a month of the current school year up to
    ``as_of``."""
    calendar = SchoolCalendar.of(as_of, policy)
    return st.builds(
        HeadcountTotal,
        month=st.sampled_from(school_year_months(calendar)),
        school_id=school_codes(school_ids),
        total=st.integers(0, 3000),
        source=lines().map(lambda line: source("headcount_totals", line)),
    )


def headcounts_of(
    calendar: SchoolCalendar, students: Sequence[StudentRecord]
) -> tuple[list[HeadcountEntry], list[HeadcountTotal]]:
    """The monthly rolls and totals that agree with ``students``, month by month of the
    current school year up to the audit date.

    The rolls list the records open now, from their entry on: an active one present, a
    suspended one present until the month of its suspension and absent with the excuse
    ``suspension`` from then on. A record that is no longer open is on no roll (the
    reconciliation rules compare the latest roll with the records as they stand).
    Each school's total, every month, is its number of active records. Sources are left
    to the caller.
    """
    entries: list[HeadcountEntry] = []
    totals: list[HeadcountTotal] = []
    active: dict[str, int] = {}
    for record in students:
        if record.status is RecordStatus.ACTIVE:
            active[record.school_id] = active.get(record.school_id, 0) + 1
    for month in school_year_months(calendar):
        schools: set[str] = set()
        for record in students:
            if not record.is_open or record.entry_date > month.last_day:
                continue
            since = record.status_since
            is_present = record.status is RecordStatus.ACTIVE or (
                since is not None and month < YearMonth.of(since)
            )
            schools.add(record.school_id)
            entries.append(
                HeadcountEntry(
                    month=month,
                    school_id=record.school_id,
                    present=is_present,
                    student_number=record.key,
                    resident_id=record.resident_id.reveal() if record.resident_id else None,
                    name=record.name,
                    excuse=None if is_present else Excuse.SUSPENSION,
                )
            )
        totals.extend(
            HeadcountTotal(month=month, school_id=school, total=active.get(school, 0))
            for school in sorted(schools)
        )
    return entries, totals
