"""Findings, rule IDs, citations and the report."""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.errors import ErrorFinding, InvalidCode, InvalidRecord, ReportErrors
from dropout_control.findings import (
    Citation,
    Finding,
    Message,
    Report,
    RuleId,
    Severity,
    SourceLocation,
    Subject,
)
from dropout_control.policy import Mark


def _finding(rule: str, severity: Severity, file: str = "students.csv", line: int = 2) -> Finding:
    return Finding(
        rule=RuleId.parse(rule),
        severity=severity,
        kind="students",
        subject=Subject.personal("G62292120120901003X", shown="G622921**********3X"),
        message=Message("出生日期不一致", "birth dates differ"),
        source=SourceLocation(file, line),
        facts={"recorded_birth_date": dt.date(2012, 9, 1)},
    )


def test_a_rule_id_reads_and_prints_the_same() -> None:
    assert "AGE-002" == str(RuleId.parse("AGE-002"))


def test_rule_ids_order_by_area_then_number() -> None:
    assert RuleId.parse("ID-002") < RuleId.parse("ID-010")


@pytest.mark.parametrize("text", ["ID-2", "id-002", "ID002", "ID-0002", ""])
def test_a_malformed_rule_id_is_refused(text: str) -> None:
    with pytest.raises(InvalidCode):
        RuleId.parse(text)


def test_a_rule_number_must_be_from_one_to_nine_hundred_ninety_nine() -> None:
    with pytest.raises(InvalidCode):
        RuleId("ID", 1000)


def test_a_citation_names_document_article_and_mark() -> None:
    assert "义务教育法 art 11 [C]" == str(Citation("义务教育法", "art 11", Mark.CONFIRMED))


def test_a_message_fills_its_placeholders_from_the_facts() -> None:
    message = Message("年龄 {age} 岁", "aged {age}").format({"age": 5})
    assert Message("年龄 5 岁", "aged 5") == message


def test_a_message_keeps_an_unknown_placeholder_visible() -> None:
    assert "aged {age}" == Message("", "aged {age}").format({}).en


def test_a_source_line_starts_at_one() -> None:
    with pytest.raises(InvalidRecord, match="line"):
        SourceLocation("students.csv", 0)


def test_a_personal_subject_is_masked_in_str_repr_and_finding_text() -> None:
    finding = _finding("ID-002", Severity.ERROR)
    for text in (str(finding.subject), repr(finding.subject), str(finding), repr(finding)):
        assert "20120901003" not in text


def test_a_report_sorts_findings_by_file_line_and_rule() -> None:
    report = Report(
        as_of=dt.date(2019, 3, 20),
        jurisdiction="622900",
        findings=[
            _finding("ID-003", Severity.WARNING, line=5),
            _finding("ID-002", Severity.ERROR, line=5),
            _finding("AGE-001", Severity.WARNING, file="population.csv", line=9),
        ],
    )
    assert ["AGE-001", "ID-002", "ID-003"] == [str(f.rule) for f in report.findings]


def test_a_report_counts_every_severity_even_when_zero() -> None:
    report = Report(
        as_of=dt.date(2019, 3, 20),
        jurisdiction="622900",
        findings=[_finding("ID-003", Severity.WARNING)],
    )
    assert {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 0} == report.counts()
    assert not report.has_errors


def test_raise_for_errors_raises_one_group_of_every_error() -> None:
    report = Report(
        as_of=dt.date(2019, 3, 20),
        jurisdiction="622900",
        findings=[
            _finding("ID-002", Severity.ERROR, line=2),
            _finding("ID-003", Severity.WARNING, line=3),
            _finding("ID-001", Severity.ERROR, line=4),
        ],
    )
    with pytest.raises(ReportErrors) as caught:
        report.raise_for_errors()
    members = caught.value.exceptions
    assert 2 == len(members)
    assert all(isinstance(member, ErrorFinding) for member in members)
    assert ["ID-002", "ID-001"] == [str(m.finding.rule) for m in members]  # type: ignore[attr-defined]


def test_raise_for_errors_can_be_caught_with_except_star() -> None:
    report = Report(
        as_of=dt.date(2019, 3, 20),
        jurisdiction="622900",
        findings=[_finding("ID-002", Severity.ERROR)],
    )
    caught: list[ErrorFinding] = []
    try:
        report.raise_for_errors()
    except* ErrorFinding as group:
        caught.extend(group.exceptions)  # type: ignore[arg-type]
    assert 1 == len(caught)


def test_raise_for_errors_is_silent_without_errors() -> None:
    report = Report(
        as_of=dt.date(2019, 3, 20),
        jurisdiction="622900",
        findings=[_finding("ID-003", Severity.WARNING)],
    )
    report.raise_for_errors()
    assert () == report.errors


def test_select_picks_the_findings_of_the_named_rules() -> None:
    report = Report(
        as_of=dt.date(2019, 3, 20),
        jurisdiction="622900",
        findings=[_finding("ID-002", Severity.ERROR), _finding("ID-003", Severity.WARNING)],
    )
    assert ["ID-003"] == [str(f.rule) for f in report.select("ID-003")]
    assert {RuleId.parse("ID-002"): 1, RuleId.parse("ID-003"): 1} == report.by_rule()
