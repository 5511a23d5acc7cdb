"""The new ID number, the prevailing evidence and the lunar hint."""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.age_corrections import (
    BirthCalendar,
    EvidenceKind,
    lunar_hint,
    new_resident_id,
    prevailing_evidence,
)
from dropout_control.errors import InvalidLunarDate
from dropout_control.identity import ResidentId
from dropout_control.policy import resolve_policy
from tests.unit.age_corrections.correction_builders import NEW_ID, OLD_ID, evidence

POLICY = resolve_policy(on=dt.date(2019, 3, 20))


def test_the_new_number_keeps_region_and_sequence_and_carries_the_new_date() -> None:
    new = new_resident_id(OLD_ID, dt.date(2008, 5, 1))

    assert NEW_ID == new
    assert (OLD_ID.region_code, OLD_ID.sequence) == (new.region_code, new.sequence)
    assert ResidentId.parse(new.reveal()) == new


def test_the_birth_certificate_prevails_over_the_migration_certificate() -> None:
    migration = evidence(kind=EvidenceKind.MIGRATION_CERTIFICATE, birth_date_shown="2007-01-01")
    certificate = evidence(line=3)

    assert certificate == prevailing_evidence([migration, certificate], policy=POLICY)


def test_a_school_record_alone_settles_nothing() -> None:
    assert prevailing_evidence([evidence(kind=EvidenceKind.SCHOOL_RECORD)], policy=POLICY) is None


def test_a_lunar_birthday_written_as_gregorian_is_one_day_either_way_round() -> None:
    # 16th of the 7th lunar month of 2012 is 1 September 2012.
    assert lunar_hint(dt.date(2012, 7, 16), dt.date(2012, 9, 1))
    assert lunar_hint(dt.date(2012, 9, 1), dt.date(2012, 7, 16))
    assert not lunar_hint(dt.date(2012, 7, 16), dt.date(2012, 9, 2))


def test_the_lunar_hint_knows_leap_months() -> None:
    # 1st of the leap 4th month of 2020 is 23 May 2020; of the ordinary one, 23 April.
    assert lunar_hint(dt.date(2020, 4, 1), dt.date(2020, 5, 23))
    assert lunar_hint(dt.date(2020, 4, 1), dt.date(2020, 4, 23))


def test_the_lunar_hint_outside_the_library_years_is_a_clear_error() -> None:
    with pytest.raises(InvalidLunarDate) as raised:
        lunar_hint(dt.date(2101, 1, 29), dt.date(2100, 12, 1))

    assert "DATE.LUNAR_DAY_RANGE" == raised.value.stated.code


def test_a_lunar_document_prevails_by_its_gregorian_day() -> None:
    lunar = evidence(birth_date_shown="2012-07-16", calendar=BirthCalendar.LUNAR)

    found = prevailing_evidence([lunar], policy=POLICY)

    assert found is not None
    assert dt.date(2012, 9, 1) == found.day
