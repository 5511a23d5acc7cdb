"""Age corrections and evidence as records: what cannot exist raises."""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.age_corrections import BirthCalendar, CorrectionEvidence, EvidenceKind
from dropout_control.calendar.lunar import LunarDate
from dropout_control.errors import InvalidDate, InvalidLunarDate
from tests.unit.age_corrections.correction_builders import NEW_BORN, correction, evidence
from tests.unit.rules.rule_builders import BORN


def test_a_correction_to_the_same_birth_date_cannot_exist() -> None:
    with pytest.raises(InvalidDate) as raised:
        correction(new_birth_date=BORN)

    assert "new_birth_date" == raised.value.field


def test_an_approval_before_the_birth_date_cannot_exist() -> None:
    with pytest.raises(InvalidDate) as raised:
        correction(approved_on=dt.date(2010, 4, 30))

    assert "approved_on" == raised.value.field


def test_an_unapproved_correction_is_a_record_that_is_not_approved() -> None:
    assert not correction(approved_on=None).is_approved


def test_a_correction_two_years_earlier_makes_the_child_two_years_older() -> None:
    assert 2 == correction().years_older
    assert -2 == correction(old_birth_date=NEW_BORN, new_birth_date=BORN).years_older


def test_a_gregorian_document_reads_the_usual_forms() -> None:
    assert dt.date(2008, 5, 1) == evidence(birth_date_shown="2008/5/1").day
    assert dt.date(2008, 5, 1) == evidence(birth_date_shown="20080501").day


def test_a_lunar_document_in_a_leap_month_reads_as_its_gregorian_day() -> None:
    shown = evidence(birth_date_shown="2009-L05-03", calendar=BirthCalendar.LUNAR)

    assert LunarDate(2009, 5, 3, leap=True) == shown.lunar_date
    assert dt.date(2009, 6, 25) == shown.day


def test_a_leap_month_that_year_does_not_have_names_the_field() -> None:
    with pytest.raises(InvalidLunarDate) as raised:
        evidence(birth_date_shown="2010-L05-03", calendar=BirthCalendar.LUNAR)

    assert "birth_date_shown" == raised.value.field
    assert "DATE.NO_LEAP_MONTH" == raised.value.stated.code


def test_a_leap_month_in_a_gregorian_document_cannot_exist() -> None:
    with pytest.raises(InvalidDate) as raised:
        evidence(birth_date_shown="2009-L05-03")

    assert "INPUT.LEAP_MONTH_IN_GREGORIAN" == raised.value.stated.code


def test_a_gregorian_document_with_no_such_day_names_the_field() -> None:
    with pytest.raises(InvalidDate) as raised:
        evidence(birth_date_shown="2008-02-30", kind=EvidenceKind.SCHOOL_RECORD)

    assert "birth_date_shown" == raised.value.field


def test_a_gregorian_date_shown_outside_the_dates_served_is_refused() -> None:
    with pytest.raises(InvalidDate) as refused:
        CorrectionEvidence("AC1", EvidenceKind.BIRTH_CERTIFICATE, "9999-12-31")
    assert "DATE.OUT_OF_RANGE" == refused.value.code
