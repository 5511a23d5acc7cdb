"""Look-ups of corrections by number, across old and new numbers, and of their evidence."""

from __future__ import annotations

import datetime as dt

from dropout_control.age_corrections.queries import (
    corrections_from,
    corrections_of,
    corrections_to,
    evidence_of,
    numbers_of_person,
)
from dropout_control.bundle import Bundle
from dropout_control.identity import ResidentId
from tests.unit.age_corrections.correction_builders import (
    NEW_BORN,
    NEW_ID,
    OLD_ID,
    correction,
    evidence,
)
from tests.unit.rules.rule_builders import COUNTY

LATEST_ID = ResidentId.from_parts(COUNTY, dt.date(2007, 5, 1), 3)
FIRST = correction()
SECOND = correction(
    line=3,
    correction_id="AC0002",
    old_resident_id=NEW_ID,
    new_resident_id=LATEST_ID,
    old_birth_date=NEW_BORN,
    new_birth_date=dt.date(2007, 5, 1),
    approved_on=dt.date(2019, 1, 7),
)
BUNDLE = Bundle(age_corrections=[FIRST, SECOND], evidence=[evidence(), evidence(line=3)])


def test_a_correction_is_found_by_its_old_and_by_its_new_number() -> None:
    assert (FIRST,) == corrections_from(BUNDLE, OLD_ID.reveal())
    assert (FIRST,) == corrections_to(BUNDLE, NEW_ID.reveal())


def test_a_person_is_every_number_that_corrections_link_in_a_chain() -> None:
    expected = (OLD_ID.reveal(), NEW_ID.reveal(), LATEST_ID.reveal())

    assert expected == numbers_of_person(BUNDLE, OLD_ID.reveal())
    assert set(expected) == set(numbers_of_person(BUNDLE, LATEST_ID.reveal()))


def test_every_correction_of_a_person_is_found_from_any_of_its_numbers() -> None:
    assert (FIRST, SECOND) == corrections_of(BUNDLE, LATEST_ID.reveal())


def test_a_number_no_correction_names_is_a_person_of_one_number() -> None:
    other = ResidentId.from_parts(COUNTY, dt.date(2011, 1, 1), 5).reveal()

    assert (other,) == numbers_of_person(BUNDLE, other)
    assert () == corrections_of(BUNDLE, other)


def test_the_evidence_of_a_correction_is_found_by_its_id() -> None:
    assert 2 == len(evidence_of(BUNDLE, "AC0001"))
    assert () == evidence_of(BUNDLE, "AC9999")
