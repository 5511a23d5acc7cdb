"""Properties of age corrections: the new number, the lunar hint, and the record that
follows (or does not follow) an approved correction."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from dropout_control.age_corrections import (
    AgeCorrection,
    BirthCalendar,
    CorrectionEvidence,
    EvidenceKind,
    lunar_hint,
    new_resident_id,
)
from dropout_control.auditing import audit_bundle
from dropout_control.bundle import Bundle
from dropout_control.calendar.lunar import LunarDate
from dropout_control.findings import SourceLocation
from dropout_control.identity import ResidentId, StudentNumber
from dropout_control.strategies import resident_ids, student_records

AS_OF = dt.date(2019, 3, 20)
FIRST_LUNAR_DAY = dt.date(1900, 1, 31)
LUNAR_DAYS = st.dates(min_value=FIRST_LUNAR_DAY, max_value=dt.date(2101, 1, 28))


@given(resident_ids(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2018, 12, 31)))
def test_the_derived_number_validates_keeps_region_and_sequence_and_carries_the_date(
    old: ResidentId, new_birth_date: dt.date
) -> None:
    new = new_resident_id(old, new_birth_date)

    assert ResidentId.parse(new.reveal()) == new
    assert (old.region_code, old.sequence, new_birth_date) == (
        new.region_code,
        new.sequence,
        new.birth_date,
    )


@given(LUNAR_DAYS)
def test_gregorian_to_lunar_and_back_is_the_same_day(day: dt.date) -> None:
    assert day == LunarDate.from_gregorian(day).to_gregorian()


@given(LUNAR_DAYS)
def test_a_day_and_its_lunar_reading_written_as_gregorian_give_the_hint(day: dt.date) -> None:
    lunar = LunarDate.from_gregorian(day)
    try:
        written = dt.date(lunar.year, lunar.month, lunar.day)
    except ValueError:  # a lunar 30th of the second month is no Gregorian date
        return
    if FIRST_LUNAR_DAY <= written:
        assert lunar_hint(written, day)
        assert lunar_hint(day, written)


@st.composite
def _corrected_students(draw: st.DrawFn) -> tuple[AgeCorrection, ResidentId, object]:
    """An active student and an approved correction of its number, by 20 March 2019."""
    record = draw(student_records(as_of=AS_OF).filter(lambda r: r.is_open))
    old = record.valid_resident_id
    assert old is not None
    days = draw(st.integers(min_value=-700, max_value=700).filter(lambda d: d != 0))
    new_birth_date = old.birth_date + dt.timedelta(days=days)
    if new_birth_date > AS_OF:
        new_birth_date = old.birth_date - dt.timedelta(days=abs(days))
    correction = AgeCorrection(
        "AC0001",
        old,
        new_resident_id(old, new_birth_date),
        old_birth_date=old.birth_date,
        new_birth_date=new_birth_date,
        approved_by="city_public_security_bureau",
        approved_on=draw(st.dates(min_value=max(old.birth_date, new_birth_date), max_value=AS_OF)),
        source=SourceLocation("age_corrections.csv", 2),
    )
    return correction, old, record


def _rules(correction: AgeCorrection, record: object) -> set[str]:
    shown = CorrectionEvidence(
        "AC0001",
        EvidenceKind.BIRTH_CERTIFICATE,
        correction.new_birth_date.isoformat(),
        BirthCalendar.GREGORIAN,
        source=SourceLocation("evidence.csv", 2),
    )
    bundle = Bundle(students=[record], age_corrections=[correction], evidence=[shown])
    return {str(f.rule) for f in audit_bundle(bundle, as_of=AS_OF).findings}


@settings(max_examples=50, deadline=None)
@given(_corrected_students())
def test_a_record_updated_after_an_approved_correction_gets_no_id_002_id_005_or_ac_004(
    drawn: tuple[AgeCorrection, ResidentId, object],
) -> None:
    correction, old, record = drawn
    updated = attrs.evolve(
        record,  # type: ignore[misc]
        resident_id=correction.new_resident_id,
        birth_date=correction.new_birth_date,
        student_number=StudentNumber.from_resident_id(old),
    )

    assert set() == _rules(correction, updated) & {"ID-002", "ID-005", "AC-004"}


@settings(max_examples=50, deadline=None)
@given(_corrected_students())
def test_a_record_not_updated_after_an_approved_correction_always_gets_ac_004(
    drawn: tuple[AgeCorrection, ResidentId, object],
) -> None:
    correction, _, record = drawn

    assert "AC-004" in _rules(correction, record)
