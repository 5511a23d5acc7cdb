"""AC-001 to AC-008, case by case.

The audit is as of 20 March 2019. The default correction (age_corrections.csv line 2)
moved the Linxia County boy's birth date from 1 May 2010 to 1 May 2008 on
8 October 2018, approved by the city public security bureau, with a birth certificate
showing 1 May 2008 (evidence.csv line 2).
"""

from __future__ import annotations

import datetime as dt

from dropout_control.age_corrections import (
    AgeCorrection,
    BirthCalendar,
    CorrectionEvidence,
    EvidenceKind,
)
from dropout_control.bundle import Bundle
from dropout_control.findings import Report
from dropout_control.identity import ResidentId, StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.identity.resident_id import CHECK_CHARACTER
from dropout_control.registry.model import RecordStatus
from tests.unit.age_corrections.correction_builders import (
    NEW_BORN,
    NEW_ID,
    OLD_ID,
    correction,
    evidence,
)
from tests.unit.rules.rule_builders import (
    COUNTY,
    audit_bundle,
    facts,
    single,
    sources,
    student,
)

G_OLD = StudentNumber.from_resident_id(OLD_ID)
"""The boy's G number: for life, it stays G + the old number."""

RULES = ("AC-001", "AC-002", "AC-003", "AC-004", "AC-005", "AC-006", "AC-007", "AC-008")


def _audit(
    corrections: list[AgeCorrection], shown: list[CorrectionEvidence] | None = None, *others: object
) -> Report:
    records: dict[str, list[object]] = {
        "age_corrections": list(corrections),
        "evidence": list(shown if shown is not None else [evidence()]),
    }
    for record in others:
        records.setdefault("students", []).append(record)
    return audit_bundle(Bundle(records, kinds=["age_corrections", "evidence"]))


def _fired(report: Report) -> set[str]:
    return {str(finding.rule) for finding in report.findings if str(finding.rule) in RULES}


def test_a_lawful_correction_with_its_certificate_and_a_followed_record_is_clean() -> None:
    followed = student(resident_id=NEW_ID, birth_date=NEW_BORN, student_number=G_OLD)

    assert set() == _fired(_audit([correction()], None, followed))


# AC-001 ------------------------------------------------------------------------------


def test_a_child_born_in_2010_without_a_birth_certificate_is_ac_001() -> None:
    report = _audit([correction()], [evidence(kind=EvidenceKind.SCHOOL_RECORD)])

    finding = single(report, "AC-001")
    assert {"required_from": dt.date(1996, 1, 1), "policy_on": dt.date(2018, 10, 8)} == facts(
        finding, "required_from", "policy_on"
    )


def test_ac_001_applies_when_only_the_new_date_is_after_the_certificate_date() -> None:
    old_id = ResidentId.from_parts(COUNTY, dt.date(1995, 12, 31), 3)
    late = correction(
        old_resident_id=old_id,
        new_resident_id=old_id.with_birth_date(dt.date(1996, 1, 1)),
        old_birth_date=dt.date(1995, 12, 31),
        new_birth_date=dt.date(1996, 1, 1),
    )

    assert ["age_corrections.csv:2"] == sources(_audit([late], []), "AC-001")


def test_a_child_born_before_1996_needs_no_birth_certificate() -> None:
    old_id = ResidentId.from_parts(COUNTY, dt.date(1995, 5, 1), 3)
    early = correction(
        old_resident_id=old_id,
        new_resident_id=old_id.with_birth_date(dt.date(1994, 5, 1)),
        old_birth_date=dt.date(1995, 5, 1),
        new_birth_date=dt.date(1994, 5, 1),
    )

    assert [] == sources(_audit([early], []), "AC-001")


# AC-002 ------------------------------------------------------------------------------


def test_a_new_date_that_the_birth_certificate_does_not_show_is_ac_002() -> None:
    report = _audit([correction()], [evidence(birth_date_shown="2009-05-01")])

    finding = single(report, "AC-002")
    assert {"evidence_birth_date": dt.date(2009, 5, 1)} == facts(finding, "evidence_birth_date")


def test_the_birth_certificate_prevails_over_a_migration_certificate_that_disagrees() -> None:
    shown = [evidence(kind=EvidenceKind.MIGRATION_CERTIFICATE, birth_date_shown="2007-01-01")]

    assert [] == sources(_audit([correction()], [*shown, evidence(line=3)]), "AC-002")


def test_a_lunar_certificate_is_read_as_its_gregorian_day() -> None:
    # Lunar 2008-03-26 is 1 May 2008.
    lunar = evidence(birth_date_shown="2008-03-26", calendar=BirthCalendar.LUNAR)

    assert [] == sources(_audit([correction()], [lunar]), "AC-002")


# AC-003 ------------------------------------------------------------------------------

OLD_14 = dt.date(2004, 9, 1)  # 14 on 31 August 2018: grade 9, of school age
NEW_16 = dt.date(2002, 8, 31)  # 16 on 31 August 2018 and on 20 March 2019
ID_14 = ResidentId.from_parts(COUNTY, OLD_14, 5)
MADE_16 = correction(
    old_resident_id=ID_14,
    new_resident_id=ID_14.with_birth_date(NEW_16),
    old_birth_date=OLD_14,
    new_birth_date=NEW_16,
)


def test_making_a_fourteen_year_old_sixteen_is_ac_003() -> None:
    finding = single(_audit([MADE_16], [evidence(birth_date_shown="2002-08-31")]), "AC-003")

    assert {"age_before": 14, "age_after": 16} == facts(finding, "age_before", "age_after")
    assert ["AC.LEAVES_SCHOOL_AGE", "AC.CROSSES_EMPLOYMENT_AGE"] == [
        code for code in finding.reasons if code.startswith("AC.")
    ]


def test_a_child_with_a_graduated_record_is_excused_from_ac_003() -> None:
    graduated = student(
        resident_id=ID_14.with_birth_date(NEW_16),
        birth_date=NEW_16,
        student_number=StudentNumber.from_resident_id(ID_14),
        grade=9,
        status=RecordStatus.GRADUATED,
    )

    report = _audit([MADE_16], [evidence(birth_date_shown="2002-08-31")], graduated)

    assert [] == sources(report, "AC-003")


def test_making_a_nine_year_old_eleven_is_not_ac_003() -> None:
    assert [] == sources(_audit([correction()]), "AC-003")


# AC-004 ------------------------------------------------------------------------------


def test_a_record_that_kept_the_old_number_and_date_is_ac_004() -> None:
    kept = student(resident_id=OLD_ID)

    finding = single(_audit([correction()], None, kept), "AC-004")

    assert "students.csv:2" == str(finding.source)
    assert "AC.OLD_ID_KEPT" in finding.reasons


def test_a_record_with_the_new_number_but_the_old_date_is_ac_004_not_id_002() -> None:
    kept = student(resident_id=NEW_ID, student_number=G_OLD)

    report = _audit([correction()], None, kept)

    assert "AC.OLD_BIRTH_DATE_KEPT" in single(report, "AC-004").reasons
    assert [] == sources(report, "ID-002")


def test_a_record_with_the_old_number_but_the_new_date_is_ac_004_not_id_002() -> None:
    kept = student(resident_id=OLD_ID, birth_date=NEW_BORN)

    report = _audit([correction()], None, kept)

    assert ["students.csv:2"] == sources(report, "AC-004")
    assert [] == sources(report, "ID-002")


def test_a_followed_record_keeps_its_g_number_without_id_005() -> None:
    followed = student(resident_id=NEW_ID, birth_date=NEW_BORN, student_number=G_OLD)

    report = _audit([correction()], None, followed)

    assert [] == sources(report, "ID-005")
    assert [] == sources(report, "AC-004")


def test_without_the_correction_the_same_record_is_id_005() -> None:
    followed = student(resident_id=NEW_ID, birth_date=NEW_BORN, student_number=G_OLD)

    report = _audit([correction(approved_on=None)], None, followed)

    assert ["students.csv:2"] == sources(report, "ID-005")


def test_a_correction_approved_after_the_audit_date_asks_nothing_of_the_record() -> None:
    kept = student(resident_id=OLD_ID)

    assert [] == sources(
        _audit([correction(approved_on=dt.date(2019, 3, 21))], None, kept), "AC-004"
    )


# AC-005 ------------------------------------------------------------------------------


def test_a_new_number_with_another_region_is_ac_005() -> None:
    moved = correction(new_resident_id=ResidentId.from_parts("622922", NEW_BORN, 3))

    finding = single(_audit([moved]), "AC-005")

    assert "AC.REGION_CHANGED" in finding.reasons


def test_ac_005_states_the_number_that_follows_from_the_old_one() -> None:
    moved = correction(new_resident_id=ResidentId.from_parts("622922", NEW_BORN, 3))

    finding = single(_audit([moved]), "AC-005")

    assert NEW_ID == finding.facts["expected_new_id"]
    assert "AC.EXPECTED_NUMBER" in finding.reasons
    assert f"it should be {NEW_ID}" in finding.message.en


def test_ac_005_expects_no_number_when_the_old_one_is_invalid() -> None:
    text = OLD_ID.reveal()
    wrong_check = text[:-1] + ("0" if text[-1] != "0" else "1")
    broken = correction(
        old_resident_id=MalformedNumber(wrong_check, CHECK_CHARACTER.given(expected=text[-1]))
    )

    finding = single(_audit([broken]), "AC-005")

    assert finding.facts["expected_new_id"] is None
    assert "AC.EXPECTED_NUMBER" not in finding.reasons
    assert "should be" not in finding.message.en


def test_a_new_number_with_another_sequence_is_ac_005() -> None:
    other = correction(new_resident_id=ResidentId.from_parts(COUNTY, NEW_BORN, 7))

    assert "AC.SEQUENCE_CHANGED" in single(_audit([other]), "AC-005").reasons


def test_a_new_number_without_the_new_date_is_ac_005() -> None:
    wrong = correction(new_resident_id=ResidentId.from_parts(COUNTY, dt.date(2008, 6, 1), 3))

    assert "AC.BIRTH_PART_WRONG" in single(_audit([wrong]), "AC-005").reasons


# AC-006 ------------------------------------------------------------------------------


def test_a_correction_approved_by_a_police_station_is_ac_006() -> None:
    finding = single(_audit([correction(approved_by="police_station")]), "AC-006")

    assert {"approver": "city_public_security_bureau"} == facts(finding, "approver")
    assert "派出所" in finding.message.zh


def test_a_correction_with_no_approving_body_is_ac_006() -> None:
    assert "AC.NO_APPROVER" in single(_audit([correction(approved_by=None)]), "AC-006").reasons


def test_a_correction_approved_before_the_approver_rule_existed_is_not_judged() -> None:
    old_id = ResidentId.from_parts(COUNTY, dt.date(2000, 5, 1), 3)
    early = correction(
        old_resident_id=old_id,
        new_resident_id=old_id.with_birth_date(dt.date(2001, 5, 1)),
        old_birth_date=dt.date(2000, 5, 1),
        new_birth_date=dt.date(2001, 5, 1),
        approved_by="police_station",
        approved_on=dt.date(2012, 12, 31),
    )

    assert [] == sources(_audit([early], [evidence(birth_date_shown="2001-05-01")]), "AC-006")


# AC-007 ------------------------------------------------------------------------------


def test_a_second_correction_of_one_person_is_ac_007_on_the_second() -> None:
    latest = NEW_ID.with_birth_date(dt.date(2007, 5, 1))
    second = correction(
        line=3,
        correction_id="AC0002",
        old_resident_id=NEW_ID,
        new_resident_id=latest,
        old_birth_date=NEW_BORN,
        new_birth_date=dt.date(2007, 5, 1),
        approved_on=dt.date(2019, 1, 7),
    )
    shown = [evidence(), evidence(correction_id="AC0002", birth_date_shown="2007-05-01")]

    finding = single(_audit([correction(), second], shown), "AC-007")

    assert "age_corrections.csv:3" == str(finding.source)
    assert {"count": 2, "max_per_person": 1} == facts(finding, "count", "max_per_person")


def test_one_correction_is_not_ac_007() -> None:
    assert [] == sources(_audit([correction()]), "AC-007")


# AC-008 ------------------------------------------------------------------------------


def test_a_lunar_birthday_registered_as_gregorian_is_ac_008() -> None:
    # Lunar 2012-07-16 is 1 September 2012.
    old_id = ResidentId.from_parts(COUNTY, dt.date(2012, 7, 16), 3)
    lunar = correction(
        old_resident_id=old_id,
        new_resident_id=old_id.with_birth_date(dt.date(2012, 9, 1)),
        old_birth_date=dt.date(2012, 7, 16),
        new_birth_date=dt.date(2012, 9, 1),
    )

    report = _audit([lunar], [evidence(birth_date_shown="2012-09-01")])

    assert ["age_corrections.csv:2"] == sources(report, "AC-008")


def test_a_two_year_correction_is_not_ac_008() -> None:
    assert [] == sources(_audit([correction()]), "AC-008")


def test_a_correction_whose_numbers_belong_to_no_student_is_still_audited() -> None:
    stranger = correction(approved_by="police_station")

    assert {"AC-006"} == _fired(_audit([stranger]))
