"""The converter: rows of canonical fields into records, or a rejection naming one field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import cattrs
import pytest

from dropout_control.calendar.year_month import YearMonth
from dropout_control.errors import InvalidRecord
from dropout_control.findings import SourceLocation
from dropout_control.identity import ResidentId, Sex, StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.identity.resident_id import CHECK_CHARACTER
from dropout_control.identity.resident_id import LENGTH as ID_LENGTH
from dropout_control.identity.student_number import LENGTH as SN_LENGTH
from dropout_control.io.converter import MISSING, make_converter, structure_record
from dropout_control.population import Child, Deferral, EmploymentReport
from dropout_control.reasons import Stated
from dropout_control.reconciliation import HeadcountEntry, HeadcountTotal
from dropout_control.reconciliation.model import Excuse
from dropout_control.registry import IdType, LeftBehind, RecordStatus, StudentRecord, StudyMode
from tests.unit.io.samples import BOY_ID, GIRL_ID

STUDENT = {
    "student_number": "G" + GIRL_ID,
    "resident_id": GIRL_ID,
    "name": "马小花",
    "sex": "女",
    "birth_date": "2012-09-01",
    "school_id": "2162001234",
    "grade": "初一",
    "entry_date": "201909",
    "status": "在读",
}


def _rejection(kind: str, row: Mapping[str, object]) -> tuple[str, str]:
    with pytest.raises(InvalidRecord) as caught:
        structure_record(kind, row)
    return caught.value.field, caught.value.reason


def test_a_student_row_in_the_registry_s_words_becomes_a_record() -> None:
    where = SourceLocation("students.csv", 2)
    record = structure_record("students", {**STUDENT, "source": where})
    assert (
        StudentRecord(
            student_number=StudentNumber("G" + GIRL_ID),
            resident_id=ResidentId(GIRL_ID),
            name="马小花",
            sex=Sex.FEMALE,
            birth_date=dt.date(2012, 9, 1),
            school_id="2162001234",
            grade=7,
            entry_date=dt.date(2019, 9, 1),
            status=RecordStatus.ACTIVE,
        ),
        where,
    ) == (record, getattr(record, "source", None))


def test_every_optional_student_field_is_read_from_its_registry_value() -> None:
    record = structure_record(
        "students",
        {
            **STUDENT,
            "id_type": "居民身份证",
            "ethnicity": "回族",
            "household_region": "622921",
            "class_name": " 3班 ",
            "record_created_on": "2019/9/5",
            "status_since": "20190905",
            "cancel_reason": "",
            "study_mode": "送教上门",
            "migrant": "否",
            "left_behind": "2",
            "disability": "肢体残疾",
            "regular_class_placement": "是",
            "poverty_registered": "1",
            "expert_assessed_on": "2019年10月8日",
        },
    )
    assert isinstance(record, StudentRecord)
    assert (
        IdType.RESIDENT_ID,
        "03",
        "622921",
        "3班",
        dt.date(2019, 9, 5),
        dt.date(2019, 9, 5),
        None,
        StudyMode.HOME_TEACHING,
        False,
        LeftBehind.BOTH_PARENTS,
        "肢体残疾",
        True,
        True,
        dt.date(2019, 10, 8),
    ) == (
        record.id_type,
        record.ethnicity,
        record.household_region,
        record.class_name,
        record.record_created_on,
        record.status_since,
        record.cancel_reason,
        record.study_mode,
        record.migrant,
        record.left_behind,
        record.disability,
        record.regular_class_placement,
        record.poverty_registered,
        record.expert_assessed_on,
    )


def test_an_empty_cell_with_a_default_gives_the_default() -> None:
    record = structure_record("students", {**STUDENT, "id_type": "  "})
    assert IdType.RESIDENT_ID == getattr(record, "id_type", None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("622921201209010420", CHECK_CHARACTER.given(expected="9")),
        ("62292120120901042", ID_LENGTH.given(length=17)),
    ],
)
def test_a_malformed_resident_id_is_kept_as_a_malformed_number_not_rejected(
    text: str, reason: Stated
) -> None:
    record = structure_record("students", {**STUDENT, "resident_id": text})
    assert MalformedNumber(text, reason) == getattr(record, "resident_id", None)


def test_a_malformed_student_number_is_kept_as_a_malformed_number_not_rejected() -> None:
    record = structure_record("students", {**STUDENT, "student_number": "X12345"})
    assert MalformedNumber("X12345", SN_LENGTH.given(length=6)) == (
        getattr(record, "student_number", None)
    )


def test_numbers_with_spaces_or_a_lower_case_x_are_read_in_compact_form() -> None:
    record = structure_record(
        "population",
        {
            "resident_id": " 11010519491231002x ",
            "name": "马",
            "birth_date": "19491231",
            "household_region": "110105",
        },
    )
    assert ResidentId("11010519491231002X") == getattr(record, "resident_id", None)


@pytest.mark.parametrize(
    "field",
    ["student_number", "name", "sex", "birth_date", "school_id", "grade", "entry_date", "status"],
)
def test_an_empty_required_field_is_a_rejection_naming_it(field: str) -> None:
    assert (field, MISSING.en) == _rejection("students", {**STUDENT, field: ""})


@pytest.mark.parametrize("field", ["student_number", "status"])
def test_an_absent_required_field_is_a_rejection_naming_it(field: str) -> None:
    row = {key: value for key, value in STUDENT.items() if key != field}
    assert (field, MISSING.en) == _rejection("students", row)


def test_a_bad_date_is_a_rejection_naming_the_field_and_showing_the_date() -> None:
    assert ("birth_date", "no such date (got '2012-13-45')") == _rejection(
        "students", {**STUDENT, "birth_date": "2012-13-45"}
    )


def test_a_bad_code_is_a_rejection_listing_the_codes_expected() -> None:
    field, reason = _rejection("students", {**STUDENT, "status": "在家"})
    assert ("status", True) == (
        field,
        reason.startswith("unknown value; expected one of active, suspended"),
    )


def test_the_first_bad_field_of_a_row_is_the_one_named() -> None:
    assert "sex" == _rejection("students", {**STUDENT, "sex": "?", "grade": "?"})[0]


def test_an_object_that_cannot_exist_is_a_rejection_naming_the_field() -> None:
    assert ("grade", "compulsory grades run from 1 to 9 (got '12')") == _rejection(
        "students", {**STUDENT, "grade": "12"}
    )


def test_a_model_invariant_between_fields_is_a_rejection() -> None:
    assert ("entry_date", "is before the birth date (got '2011-09-01')") == _rejection(
        "students", {**STUDENT, "entry_date": "201109"}
    )


def test_no_rejection_reason_shows_a_name_or_a_number_in_clear() -> None:
    reasons = [
        _rejection("students", {**STUDENT, "birth_date": "马小花"})[1],
        _rejection("students", {**STUDENT, "birth_date": GIRL_ID})[1],
        _rejection("students", {**STUDENT, "name": ["马小花"]})[1],
        _rejection(
            "population",
            {
                "resident_id": GIRL_ID,
                "name": "马小花",
                "birth_date": "2012-09-01",
                "household_region": GIRL_ID,
            },
        )[1],
        _rejection(
            "headcounts", {"month": "2019-03", "school_id": "1", "present": "否", "name": "马小花"}
        )[1],
    ]
    assert [] == [
        reason for reason in reasons if "马小花" in reason or GIRL_ID in reason or "小花" in reason
    ]


@pytest.mark.parametrize("detailed", [False, True])
def test_detailed_validation_on_or_off_names_the_same_field_and_reason(detailed: bool) -> None:
    converter = make_converter(detailed_validation=detailed)
    rows = [
        {**STUDENT, "birth_date": "2012-13-45"},
        {key: value for key, value in STUDENT.items() if key != "name"},
        {**STUDENT, "grade": "12"},
    ]
    rejections = []
    for row in rows:
        with pytest.raises(InvalidRecord) as caught:
            structure_record("students", row, converter=converter)
        rejections.append((caught.value.field, caught.value.reason))
    assert [
        ("birth_date", "no such date (got '2012-13-45')"),
        ("name", MISSING.en),
        ("grade", "compulsory grades run from 1 to 9 (got '12')"),
    ] == rejections


def test_a_population_row_becomes_a_child() -> None:
    assert Child(
        resident_id=ResidentId(BOY_ID),
        name="马小明",
        sex=Sex.MALE,
        birth_date=dt.date(2012, 9, 1),
        household_region="622921",
        disability=None,
        deceased_on=dt.date(2015, 1, 2),
    ) == structure_record(
        "population",
        {
            "resident_id": BOY_ID,
            "name": "马小明",
            "sex": "1",
            "birth_date": "2012.9.1",
            "household_region": 622921,
            "disability": "无",
            "deceased_on": "2015-01-02",
            "emigrated_on": None,
        },
    )


def test_a_deferral_row_becomes_a_deferral() -> None:
    assert Deferral(
        resident_id=ResidentId(BOY_ID),
        grounds="health",
        approved_by="township_government",
        approved_on=dt.date(2018, 8, 20),
        until=dt.date(2019, 8, 31),
    ) == structure_record(
        "deferrals",
        {
            "resident_id": BOY_ID,
            "grounds": "health",
            "approved_by": "township_government",
            "approved_on": "2018-08-20",
            "until": "2019/8/31",
        },
    )


@pytest.mark.parametrize(
    ("grounds", "approved_by", "expected"),
    [
        ("身体原因", "乡镇人民政府", ("health", "township_government")),
        ("因病", "县教育局", ("health", "county_education_bureau")),
        ("临时出国", "县级教育行政部门", ("abroad_temporary", "county_education_bureau")),
        # A word the library does not know is kept as written, for SUS-001 to report.
        ("外出务工", "村委会", ("外出务工", "村委会")),
    ],
)
def test_grounds_and_approvers_in_the_registry_s_words_are_read_as_the_policy_s_codes(
    grounds: str, approved_by: str, expected: tuple[str, str]
) -> None:
    row = {
        "suspension_id": "XX2019-0001",
        "student_number": "G" + BOY_ID,
        "start": "2019-03-01",
        "end": "2019-06-30",
        "grounds": grounds,
        "approved_by": approved_by,
        "approved_on": "2019-02-25",
    }
    suspension = structure_record("suspensions", row)

    assert expected == (suspension.grounds, suspension.approved_by)  # type: ignore[attr-defined]


def test_a_headcount_row_keeps_its_numbers_as_compact_text() -> None:
    assert HeadcountEntry(
        month=YearMonth(2019, 3),
        school_id="2162001234",
        present=False,
        student_number="G" + GIRL_ID,
        resident_id=None,
        name="马小花",
        excuse=Excuse.LEAVE,
    ) == structure_record(
        "headcounts",
        {
            "month": "201903",
            "school_id": "2162001234",
            "present": False,
            "student_number": "g" + GIRL_ID,
            "resident_id": "",
            "name": "马小花",
            "excuse": "病假",
        },
    )


def test_a_headcount_with_neither_number_is_rejected() -> None:
    assert (
        "student_number",
        "a headcount row needs a student number or a resident ID",
    ) == _rejection("headcounts", {"month": "2019-03", "school_id": "1", "present": "是"})


def test_a_headcount_total_row_becomes_a_total_and_a_negative_one_is_rejected() -> None:
    assert (
        HeadcountTotal(YearMonth(2019, 3), "2162001234", 118),
        ("total", "cannot be negative (got '-1')"),
    ) == (
        structure_record(
            "headcount_totals", {"month": "2019-03", "school_id": 2162001234, "total": 118}
        ),
        _rejection("headcount_totals", {"month": "2019-03", "school_id": "1", "total": "-1"}),
    )


def test_an_employment_row_becomes_a_report() -> None:
    assert EmploymentReport(
        ResidentId(BOY_ID), "某某砖厂", dt.date(2019, 3, 1)
    ) == structure_record(
        "employment",
        {"resident_id": BOY_ID, "employer": "某某砖厂", "reported_on": dt.date(2019, 3, 1)},
    )


def test_keys_that_are_not_fields_are_ignored() -> None:
    row = {"resident_id": BOY_ID, "employer": "某某砖厂", "reported_on": "2019-03-01", "备注": "x"}
    assert EmploymentReport(
        ResidentId(BOY_ID), "某某砖厂", dt.date(2019, 3, 1)
    ) == structure_record("employment", row)


def test_the_converter_also_reads_single_values_by_type() -> None:
    converter = make_converter()
    assert (dt.date(2012, 9, 1), None, Sex.FEMALE, RecordStatus.DROPPED_OUT) == (
        converter.structure("2012/9/1", dt.date),
        converter.structure("", dt.date | None),  # type: ignore[arg-type]
        converter.structure("女", Sex),
        converter.structure("辍学", RecordStatus),
    )


def test_a_plain_cattrs_converter_s_missing_key_is_also_a_rejection_naming_the_field() -> None:
    # structure_record takes any converter; one of an application's own may look keys up
    # directly and raise KeyError for a missing field.
    plain = cattrs.Converter()
    plain.register_structure_hook(
        HeadcountTotal, lambda row, _: HeadcountTotal(row["month"], row["school_id"], row["total"])
    )
    with pytest.raises(InvalidRecord) as caught:
        structure_record("headcount_totals", {"month": "2019-03"}, converter=plain)
    assert (caught.value.field, caught.value.code) == ("school_id", MISSING.code)


def test_the_detailed_converter_keeps_the_source_given_with_the_row() -> None:
    where = SourceLocation("students.csv", 7)
    converter = make_converter(detailed_validation=True)
    record = structure_record("students", {**STUDENT, "source": where}, converter=converter)
    assert where == getattr(record, "source", None)
