"""The plants of the headcount rules (TR-007, REC-*) of
:func:`dropout_control.strategies.violating_bundles`: one function per rule, planting a
violation into the monthly headcounts of a finished bundle."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from dropout_control.bundle import Bundle
from dropout_control.calendar import YearMonth
from dropout_control.population.kinds import POPULATION
from dropout_control.reconciliation import HeadcountEntry, HeadcountTotal
from dropout_control.reconciliation.keys import RECONCILIATION_HEADCOUNT_EVERY
from dropout_control.reconciliation.kinds import HEADCOUNT_TOTALS, HEADCOUNTS
from dropout_control.reconciliation.queries import (
    headcount_months,
    latest_headcount_month,
    latest_headcounts,
    latest_roll_entry,
)
from dropout_control.registry import RecordStatus, StudentRecord
from dropout_control.registry.kinds import STUDENTS
from dropout_control.registry.queries import student_records_of
from dropout_control.strategies._drafts import coin, numbered, pick
from dropout_control.strategies._headcounts import school_year_months
from dropout_control.strategies._record_basics import (
    SchoolCalendar,
    draw_resident_id,
    names,
    school_ids,
)

_T = TypeVar("_T")


# Plants in the monthly headcounts, made on the finished bundle.


def _with_rolls(
    bundle: Bundle, entries: Iterable[HeadcountEntry], totals: Iterable[HeadcountTotal]
) -> Bundle:
    """``bundle`` with these headcount rows and totals, numbered anew."""
    return bundle.evolve(
        headcounts=numbered("headcounts", entries),
        headcount_totals=numbered("headcount_totals", totals),
    )


def _latest_entry(bundle: Bundle, record: StudentRecord) -> HeadcountEntry:
    entry = latest_roll_entry(bundle, record.school_id, record.key)
    assert entry is not None
    return entry


def _active_on_rolls(bundle: Bundle) -> list[StudentRecord]:
    return [
        record
        for record in bundle.records(STUDENTS)
        if record.status is RecordStatus.ACTIVE
        and record.school_id in latest_headcounts(bundle).rolls
    ]


def _new_school(draw: st.DrawFn, bundle: Bundle) -> str:
    known = {record.school_id for record in bundle.records(STUDENTS)} | set(
        latest_headcounts(bundle).rolls
    )
    return draw(school_ids().filter(lambda school: school not in known))


def plant_tr_007(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    record = pick(draw, _active_on_rolls(bundle))
    others = [school for school in latest_headcount_month(bundle) if school != record.school_id]
    if others and coin(draw):
        school = pick(draw, others)
        month = latest_headcount_month(bundle)[school]
    else:
        school, month = _new_school(draw, bundle), YearMonth.of(calendar.as_of)
    named_by = pick(draw, ["student_number", "resident_id", "both"])
    there = HeadcountEntry(
        month=month,
        school_id=school,
        present=True,
        student_number=None if named_by == "resident_id" else record.key,
        resident_id=(
            None
            if named_by == "student_number" or record.resident_id is None
            else record.resident_id.reveal()
        ),
        name=record.name,
    )
    entries = list(bundle.records(HEADCOUNTS))
    if coin(draw):  # and gone from the roll of its own school
        here = _latest_entry(bundle, record)
        entries = _replaced_in(entries, here, attrs.evolve(here, present=False))
    return _with_rolls(bundle, [*entries, there], bundle.records(HEADCOUNT_TOTALS))


def _replaced_in(items: Iterable[_T], old: _T, new: _T | None) -> list[_T]:
    """``items`` with ``old`` replaced by ``new``, or left out when ``new`` is None."""
    kept: list[_T] = []
    for item in items:
        if item is not old:
            kept.append(item)
        elif new is not None:
            kept.append(new)
    return kept


def plant_rec_001(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    record = pick(draw, _active_on_rolls(bundle))
    entry = _latest_entry(bundle, record)
    # Left off the roll only where others stay on it: an empty roll is no headcount.
    alone = [(e.school_id, e.month) for e in bundle.records(HEADCOUNTS)].count(
        (entry.school_id, entry.month)
    ) == 1
    absent = attrs.evolve(entry, present=False, excuse=None) if alone or coin(draw) else None
    entries = _replaced_in(bundle.records(HEADCOUNTS), entry, absent)
    return _with_rolls(bundle, entries, bundle.records(HEADCOUNT_TOTALS))


def plant_rec_002(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    school = pick(draw, sorted(latest_headcount_month(bundle)))
    unregistered = [
        child
        for child in bundle.records(POPULATION)
        if not student_records_of(bundle, child.key) and not child.has_left_on(calendar.as_of)
    ]
    if unregistered and coin(draw):
        child = pick(draw, unregistered)
        resident_id, name = child.key, child.name
    else:
        used = {record.key for record in bundle.records(STUDENTS)}
        used.update(child.key for child in bundle.records(POPULATION))
        used.update(
            record.resident_id.reveal() for record in bundle.records(STUDENTS) if record.resident_id
        )
        number = draw_resident_id(draw, born=calendar.window, used=used)
        resident_id, name = number.reveal(), draw(names())
    entry = HeadcountEntry(
        month=latest_headcount_month(bundle)[school],
        school_id=school,
        present=True,
        resident_id=resident_id,
        name=name,
    )
    return _with_rolls(
        bundle, [*bundle.records(HEADCOUNTS), entry], bundle.records(HEADCOUNT_TOTALS)
    )


def plant_rec_003(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    school = pick(draw, sorted({record.school_id for record in _active_on_rolls(bundle)}))
    since = calendar.policy[RECONCILIATION_HEADCOUNT_EVERY].since
    month = pick(
        draw,
        [
            month
            for month in school_year_months(calendar)
            if month >= YearMonth.of(since) and month in headcount_months(bundle)[school]
        ],
    )
    entries = [e for e in bundle.records(HEADCOUNTS) if (e.school_id, e.month) != (school, month)]
    totals = [
        t for t in bundle.records(HEADCOUNT_TOTALS) if (t.school_id, t.month) != (school, month)
    ]
    return _with_rolls(bundle, entries, totals)


def plant_rec_004(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    latest = [
        total
        for total in bundle.records(HEADCOUNT_TOTALS)
        if total.month == latest_headcount_month(bundle).get(total.school_id)
    ]
    total = pick(draw, latest)
    change = draw(st.integers(1, 5)) * pick(draw, [1, -1])
    reported = total.total + change if total.total + change >= 0 else total.total - change
    totals = _replaced_in(
        list(bundle.records(HEADCOUNT_TOTALS)), total, attrs.evolve(total, total=reported)
    )
    return _with_rolls(bundle, bundle.records(HEADCOUNTS), totals)
