"""Input rules (INPUT-001, INPUT-002): rows that could not become records, keys held twice.

Their subjects come from the readers; here they are given as the readers make them.
"""

from __future__ import annotations

from dropout_control.bundle import Bundle
from dropout_control.findings import SourceLocation
from dropout_control.intake import Duplicate, Rejection
from dropout_control.io.converter import MISSING
from dropout_control.io.plain import unstructure
from dropout_control.io.values import NO_SUCH_DATE
from dropout_control.reasons import GRADE_RANGE
from tests.unit.rules.rule_builders import audit_bundle, child, facts, single, sources, student

UNREADABLE_BIRTH_DATE = Rejection(
    source=SourceLocation("students.csv", 4),
    kind="students",
    field="birth_date",
    reason=NO_SUCH_DATE.given(got="2010-13-01"),
)

# The student number G62292120100501003X, first on line 2 and again on line 9.
REPEATED_NUMBER = Duplicate(
    source=SourceLocation("students.csv", 9),
    kind="students",
    key_field="student_number",
    key="G62292120100501003X",
    first=SourceLocation("students.csv", 2),
)


# INPUT-001: a row becomes a record.


def test_a_row_whose_birth_date_cannot_be_read_breaks_input_001_at_its_line() -> None:
    report = audit_bundle(Bundle(students=(student(),), rejections=(UNREADABLE_BIRTH_DATE,)))

    assert ["students.csv:4"] == sources(report, "INPUT-001")


def test_input_001_names_the_file_the_line_the_field_and_the_reason() -> None:
    report = audit_bundle(Bundle(rejections=(UNREADABLE_BIRTH_DATE,)))

    expected = {
        "file": "students.csv",
        "line": 4,
        "field": "birth_date",
        "reason": NO_SUCH_DATE.given(got="2010-13-01"),
    }
    assert expected == facts(single(report, "INPUT-001"), *expected)


def test_input_001_renders_its_chinese_and_english_from_the_reason_and_names_its_code() -> None:
    finding = single(audit_bundle(Bundle(rejections=(UNREADABLE_BIRTH_DATE,))), "INPUT-001")

    assert (
        "字段 birth_date 无法读取：不存在的日期（读到 '2010-13-01'）",
        "field birth_date cannot be read: no such date (got '2010-13-01')",
        ("INPUT.NO_SUCH_DATE",),
        {"code": "INPUT.NO_SUCH_DATE", "got": "2010-13-01"},
    ) == (
        finding.message.zh,
        finding.message.en,
        finding.reasons,
        unstructure(finding)["facts"]["reason"],
    )


def test_input_001_gives_the_kind_of_the_file_the_row_was_in() -> None:
    rejection = Rejection(
        source=SourceLocation("population.csv", 17),
        kind="population",
        field="household_region",
        reason=MISSING.given(),
    )

    finding = single(audit_bundle(Bundle(rejections=(rejection,))), "INPUT-001")

    assert "population" == finding.kind


def test_every_rejected_row_is_reported_in_line_order() -> None:
    later = Rejection(
        SourceLocation("students.csv", 11), "students", "grade", GRADE_RANGE.given(got="12")
    )

    report = audit_bundle(Bundle(rejections=(later, UNREADABLE_BIRTH_DATE)))

    assert ["students.csv:4", "students.csv:11"] == sources(report, "INPUT-001")


def test_input_001_runs_even_when_no_row_of_any_kind_became_a_record() -> None:
    report = audit_bundle(Bundle(rejections=(UNREADABLE_BIRTH_DATE,)))

    assert ["students.csv:4"] == sources(report, "INPUT-001")


def test_rows_that_all_became_records_are_clean_of_input_001() -> None:
    report = audit_bundle(Bundle(students=(student(),), population=(child(),)))

    assert [] == sources(report, "INPUT-001")


# INPUT-002: a key that must be unique in its kind appears once.


def test_a_student_number_on_a_second_row_breaks_input_002_at_that_row() -> None:
    report = audit_bundle(Bundle(students=(student(),), duplicates=(REPEATED_NUMBER,)))

    assert ["students.csv:9"] == sources(report, "INPUT-002")


def test_input_002_names_the_row_that_holds_the_key_first() -> None:
    finding = single(audit_bundle(Bundle(duplicates=(REPEATED_NUMBER,))), "INPUT-002")

    assert (["students.csv:2"], "students.csv:2") == (
        [str(first) for first in finding.related],
        finding.facts["first"],
    )


def test_input_002_gives_the_kind_and_the_key_field() -> None:
    finding = single(audit_bundle(Bundle(duplicates=(REPEATED_NUMBER,))), "INPUT-002")

    assert ("students", "student_number") == (finding.kind, finding.facts["key_field"])


def test_input_002_shows_a_repeated_student_number_masked() -> None:
    finding = single(audit_bundle(Bundle(duplicates=(REPEATED_NUMBER,))), "INPUT-002")

    assert ("G622921**********3X", "G622921**********3X") == (
        finding.subject.shown,
        finding.facts["key"],
    )


def test_input_002_never_prints_the_hidden_digits_of_a_student_number() -> None:
    finding = single(audit_bundle(Bundle(duplicates=(REPEATED_NUMBER,))), "INPUT-002")

    assert (False, False) == ("2010050100" in str(finding), "2010050100" in repr(finding))


def test_input_002_shows_a_key_that_is_not_personal_in_clear() -> None:
    total_twice = Duplicate(
        source=SourceLocation("headcount_totals.csv", 6),
        kind="headcount_totals",
        key_field="month, school_id",
        key="2019-03, 2162000001",
        first=SourceLocation("headcount_totals.csv", 3),
        personal=False,
    )

    finding = single(audit_bundle(Bundle(duplicates=(total_twice,))), "INPUT-002")

    assert "2019-03, 2162000001" == finding.subject.shown


def test_rows_with_unique_keys_are_clean_of_input_002() -> None:
    report = audit_bundle(Bundle(students=(student(line=2), student(line=3, sequence=11))))

    assert [] == sources(report, "INPUT-002")
