"""The bundle's look-ups: each record or row once, whichever numbers name it."""

from __future__ import annotations

from dropout_control.bundle import Bundle
from dropout_control.calendar.year_month import YearMonth
from dropout_control.reconciliation.model import HeadcountEntry
from dropout_control.reconciliation.queries import present_at_latest_headcounts
from tests.unit.rules.rule_builders import SCHOOL, student

BOY = student()
OTHER_SCHOOL = "2162000002"


def row(school_id: str = SCHOOL, *, number: bool = True, resident: bool = True) -> HeadcountEntry:
    assert BOY.resident_id is not None
    return HeadcountEntry(
        month=YearMonth(2019, 3),
        school_id=school_id,
        present=True,
        student_number=BOY.key if number else None,
        resident_id=BOY.resident_id.reveal() if resident else None,
    )


def present(*entries: HeadcountEntry) -> list[HeadcountEntry]:
    assert BOY.resident_id is not None
    bundle = Bundle.from_records([BOY, *entries])
    found = present_at_latest_headcounts(bundle, BOY.key, BOY.resident_id.reveal(), None)
    return list(found)


def test_a_row_named_by_both_numbers_is_found_once() -> None:
    both = row()
    assert [both] == present(both)


def test_rows_of_two_schools_each_named_by_one_number_are_both_found() -> None:
    by_number = row(resident=False)
    by_resident = row(OTHER_SCHOOL, number=False)
    assert [by_number, by_resident] == present(by_number, by_resident)


def test_two_rows_both_named_by_both_numbers_are_found_once_each() -> None:
    here, there = row(), row(OTHER_SCHOOL)
    assert [here, there] == present(here, there)


def test_no_row_is_nothing_found() -> None:
    assert [] == present()
