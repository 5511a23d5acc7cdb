"""Identity rules (ID-001 to ID-007), case by case.

The default student is the boy of Linxia County born on 1 May 2010, resident ID number
62292120100501003X (shown 622921**********3X), student number G62292120100501003X.
"""

from __future__ import annotations

import datetime as dt

from dropout_control.identity import Sex, StudentNumber, calc_check_character
from dropout_control.identity.resident_id import CHECK_CHARACTER
from dropout_control.identity.student_number import LENGTH as SN_LENGTH
from dropout_control.io.plain import unstructure
from dropout_control.registry.model import IdType, RecordStatus
from tests.unit.rules.rule_builders import (
    audit_of,
    child,
    facts,
    malformed_resident_id,
    malformed_student_number,
    resident_id,
    single,
    sources,
    student,
)

# The ten characters of the default number that masking hides: birth date and two
# sequence digits.
HIDDEN = "2010050100"


def _with_check(first17: str) -> str:
    return first17 + calc_check_character(first17)


# ID-001: the resident ID number is a valid GB 11643 number.


def test_a_student_whose_id_number_has_a_wrong_check_character_breaks_id_001() -> None:
    # 62292120100501003X is valid; ending in 0 instead of X it is not.
    number = malformed_resident_id("622921201005010030")

    report = audit_of(student(resident_id=number))

    assert ["students.csv:2"] == sources(report, "ID-001")


def test_id_001_gives_the_reason_the_number_is_not_valid() -> None:
    number = malformed_resident_id("622921201005010030")

    finding = single(audit_of(student(resident_id=number)), "ID-001")

    assert (
        CHECK_CHARACTER.given(expected="X"),
        ("ID.CHECK_CHARACTER",),
        "身份证件号不符合 GB 11643：校验码错误，应为 'X'",
        "the resident ID number does not conform to GB 11643: wrong check character: expected 'X'",
    ) == (finding.facts["reason"], finding.reasons, finding.message.zh, finding.message.en)


def test_a_student_whose_id_number_has_a_valid_check_character_is_clean_of_id_001() -> None:
    report = audit_of(student(resident_id=resident_id()))

    assert [] == sources(report, "ID-001")


def test_an_id_number_born_on_29_february_2010_is_not_a_real_date() -> None:
    # 2010 is a common year; the check character is right, the date is not.
    number = malformed_resident_id(_with_check("62292120100229003"))

    finding = single(audit_of(student(resident_id=number)), "ID-001")

    assert ("ID.BIRTH_DATE", "出生日期码（第 7 至 14 位）不是真实日期") == (
        finding.reasons[0],
        finding.message.zh.split("：")[1],
    )


def test_an_id_number_born_on_29_february_2012_is_a_real_date() -> None:
    # 2012 is a leap year.
    report = audit_of(
        student(birth_date=dt.date(2012, 2, 29), grade=1, entry_date=dt.date(2018, 9, 1))
    )

    assert [] == sources(report, "ID-001")


def test_a_child_of_the_roster_with_a_malformed_id_number_breaks_id_001() -> None:
    number = malformed_resident_id("62292120100501003")  # 17 characters

    report = audit_of(child(resident_id=number, line=6), student())

    assert ["population.csv:6"] == sources(report, "ID-001")


def test_a_student_whose_document_is_a_passport_is_not_checked_by_id_001() -> None:
    passport = malformed_resident_id("E12345678")

    report = audit_of(student(id_type=IdType.PASSPORT, resident_id=passport))

    assert [] == sources(report, "ID-001")


def test_id_001_shows_the_number_masked() -> None:
    number = malformed_resident_id("622921201005010030")

    finding = single(audit_of(student(resident_id=number)), "ID-001")

    assert "622921**********30" == finding.facts["resident_id"]


def test_id_001_never_prints_the_hidden_digits() -> None:
    number = malformed_resident_id("622921201005010030")

    finding = single(audit_of(student(resident_id=number)), "ID-001")

    assert (False, False) == (HIDDEN in str(finding), HIDDEN in repr(finding))


# ID-002: the recorded birth date is the one inside the resident ID number.


def test_a_student_recorded_as_born_the_day_after_his_id_number_breaks_id_002() -> None:
    record = student(
        resident_id=resident_id(birth_date=dt.date(2010, 5, 1)), birth_date=dt.date(2010, 5, 2)
    )

    finding = single(audit_of(record), "ID-002")

    expected = {
        "recorded_birth_date": dt.date(2010, 5, 2),
        "id_birth_date": dt.date(2010, 5, 1),
    }
    assert expected == facts(finding, *expected)


def test_id_002_points_at_the_students_line() -> None:
    record = student(
        line=8,
        resident_id=resident_id(birth_date=dt.date(2010, 5, 1)),
        birth_date=dt.date(2010, 5, 2),
    )

    assert ["students.csv:8"] == sources(audit_of(record), "ID-002")


def test_a_student_recorded_as_born_on_the_date_of_his_id_number_is_clean_of_id_002() -> None:
    record = student(
        resident_id=resident_id(birth_date=dt.date(2010, 5, 1)), birth_date=dt.date(2010, 5, 1)
    )

    assert [] == sources(audit_of(record), "ID-002")


def test_a_child_recorded_as_born_a_year_before_its_id_number_breaks_id_002() -> None:
    roster_entry = child(
        resident_id=resident_id(birth_date=dt.date(2010, 5, 1)), birth_date=dt.date(2009, 5, 1)
    )

    assert ["population.csv:2"] == sources(audit_of(roster_entry, student()), "ID-002")


def test_id_002_speaks_of_the_student_by_his_masked_student_number() -> None:
    record = student(
        resident_id=resident_id(birth_date=dt.date(2010, 5, 1)), birth_date=dt.date(2010, 5, 2)
    )

    finding = single(audit_of(record), "ID-002")

    assert "G622921**********3X" == finding.subject.shown


def test_id_002_never_prints_the_hidden_digits() -> None:
    record = student(
        resident_id=resident_id(birth_date=dt.date(2010, 5, 1)), birth_date=dt.date(2010, 5, 2)
    )

    finding = single(audit_of(record), "ID-002")

    assert (False, False) == (HIDDEN in str(finding), HIDDEN in repr(finding))


def test_id_002_is_not_checked_on_a_number_that_is_not_valid() -> None:
    # ID-001 reports the number; there is no birth date inside it to compare.
    number = malformed_resident_id("622921201005010030")

    report = audit_of(student(resident_id=number, birth_date=dt.date(2010, 5, 2)))

    assert [] == sources(report, "ID-002")


# ID-003: the recorded sex agrees with the 17th character.


def test_a_student_recorded_female_with_an_odd_17th_character_breaks_id_003() -> None:
    # Sequence 003: the 17th character is 3, odd, a man.
    record = student(sequence=3, sex=Sex.FEMALE)

    finding = single(audit_of(record), "ID-003")

    expected = {"recorded_sex": "female", "id_sex": "male"}
    assert expected == facts(finding, *expected)


def test_a_student_recorded_female_with_an_even_17th_character_is_clean_of_id_003() -> None:
    # Sequence 004: the 17th character is 4, even, a woman.
    record = student(sequence=4, sex=Sex.FEMALE)

    assert [] == sources(audit_of(record), "ID-003")


def test_a_child_recorded_male_with_an_even_17th_character_breaks_id_003() -> None:
    roster_entry = child(line=4, sequence=4, sex=Sex.MALE)

    assert ["population.csv:4"] == sources(audit_of(roster_entry), "ID-003")


def test_a_child_whose_sex_is_not_recorded_is_not_checked_by_id_003() -> None:
    roster_entry = child(sequence=4, sex=None)

    assert [] == sources(audit_of(roster_entry), "ID-003")


# ID-004: the student number is a G, L or J number.


def test_a_student_number_starting_with_k_breaks_id_004() -> None:
    number = malformed_student_number("K62292120100501003X")

    finding = single(audit_of(student(student_number=number)), "ID-004")

    assert (("SN.PREFIX",), "学籍号不是 G、L 或 J 开头的合法编号：首字符必须是字母 G、L 或 J") == (
        finding.reasons,
        finding.message.zh,
    )


def test_a_student_number_one_character_short_breaks_id_004() -> None:
    number = malformed_student_number("G62292120100501003")

    finding = single(audit_of(student(student_number=number)), "ID-004")

    assert (SN_LENGTH.given(length=18), {"code": "SN.LENGTH", "length": 18}) == (
        finding.facts["reason"],
        unstructure(finding)["facts"]["reason"],
    )


def test_an_l_number_of_nineteen_characters_is_clean_of_id_004() -> None:
    number = StudentNumber.parse("L62292120160900012X")

    assert [] == sources(audit_of(student(student_number=number)), "ID-004")


def test_id_004_never_prints_the_hidden_digits() -> None:
    number = malformed_student_number("K62292120100501003X")

    finding = single(audit_of(student(student_number=number)), "ID-004")

    assert (False, False) == (HIDDEN in str(finding), HIDDEN in repr(finding))


# ID-005: a G number is "G" + the resident ID number.


def test_a_g_number_holding_another_birth_date_breaks_id_005() -> None:
    # The G number was made from 2010-05-02; the ID number says 2010-05-01.
    old = StudentNumber.from_resident_id(resident_id(birth_date=dt.date(2010, 5, 2)))

    report = audit_of(student(student_number=old))

    assert ["students.csv:2"] == sources(report, "ID-005")


def test_a_g_number_that_is_g_plus_the_id_number_is_clean_of_id_005() -> None:
    same = StudentNumber.from_resident_id(resident_id(birth_date=dt.date(2010, 5, 1)))

    assert [] == sources(audit_of(student(student_number=same)), "ID-005")


def test_an_l_number_is_not_compared_with_the_id_number() -> None:
    temporary = StudentNumber.parse("L62292120160900012X")

    assert [] == sources(audit_of(student(student_number=temporary)), "ID-005")


def test_a_j_number_is_not_compared_with_the_id_number() -> None:
    no_id = StudentNumber.parse("J622921201609000125")

    assert [] == sources(audit_of(student(student_number=no_id)), "ID-005")


def test_id_005_shows_both_numbers_masked() -> None:
    old = StudentNumber.from_resident_id(resident_id(birth_date=dt.date(2010, 5, 2)))

    finding = single(audit_of(student(student_number=old)), "ID-005")

    expected = {"resident_id": "622921**********3X", "student_number": "G622921**********35"}
    assert expected == facts(finding, *expected)


def test_id_005_never_prints_the_hidden_digits() -> None:
    old = StudentNumber.from_resident_id(resident_id(birth_date=dt.date(2010, 5, 2)))

    finding = single(audit_of(student(student_number=old)), "ID-005")

    texts = str(finding) + repr(finding)
    assert (False, False) == (HIDDEN in texts, "2010050200" in texts)


# ID-006: one resident ID number, one open record.


def _second_record(*, line: int, status: RecordStatus = RecordStatus.ACTIVE) -> object:
    """The same boy on a record of another school under a temporary number."""
    return student(
        line=line,
        school_id="2162000002",
        student_number=StudentNumber.parse(f"L6229212018090{line:04d}1"),
        status=status,
    )


def test_two_active_records_of_one_id_number_break_id_006_once_on_the_first_row() -> None:
    report = audit_of(student(line=2), _second_record(line=5))

    assert ["students.csv:2"] == sources(report, "ID-006")


def test_id_006_names_the_other_records_in_related() -> None:
    finding = single(audit_of(student(line=2), _second_record(line=5)), "ID-006")

    assert ["students.csv:5"] == [str(other) for other in finding.related]


def test_id_006_reports_on_the_first_row_by_line_whatever_the_order_given() -> None:
    report = audit_of(_second_record(line=9), _second_record(line=7), student(line=4))

    finding = single(report, "ID-006")

    assert ("students.csv:4", ["students.csv:7", "students.csv:9"]) == (
        str(finding.source),
        [str(other) for other in finding.related],
    )


def test_id_006_counts_the_records_and_lists_their_numbers_masked() -> None:
    finding = single(audit_of(student(line=2), _second_record(line=5)), "ID-006")

    expected = {
        "count": 2,
        "student_numbers": ["G622921**********3X", "L622921**********51"],
        "schools": ["2162000001", "2162000002"],
    }
    assert expected == facts(finding, *expected)


def test_an_active_and_a_suspended_record_of_one_id_number_break_id_006() -> None:
    report = audit_of(student(line=2), _second_record(line=5, status=RecordStatus.SUSPENDED))

    assert ["students.csv:2"] == sources(report, "ID-006")


def test_an_active_record_and_a_transferred_out_one_are_clean_of_id_006() -> None:
    report = audit_of(student(line=2), _second_record(line=5, status=RecordStatus.TRANSFERRED_OUT))

    assert [] == sources(report, "ID-006")


def test_id_006_never_prints_the_hidden_digits() -> None:
    finding = single(audit_of(student(line=2), _second_record(line=5)), "ID-006")

    assert (False, False) == (HIDDEN in str(finding), HIDDEN in repr(finding))


# ID-007: the region code is a GB/T 2260 code.


def test_an_id_number_of_region_622999_which_does_not_exist_shows_id_007() -> None:
    finding = single(audit_of(student(region="622999")), "ID-007")

    expected = {"region_code": "622999"}
    assert expected == facts(finding, *expected)


def test_an_id_number_of_linxia_county_622921_is_clean_of_id_007() -> None:
    assert [] == sources(audit_of(student(region="622921")), "ID-007")


def test_an_id_number_of_chongwen_district_abolished_in_2010_is_clean_of_id_007() -> None:
    # 110103 (崇文区) was merged into Dongcheng in 2010: old codes stay valid.
    assert [] == sources(audit_of(student(region="110103")), "ID-007")


def test_id_007_is_information() -> None:
    finding = single(audit_of(student(region="622999")), "ID-007")

    assert "info" == finding.severity.value
