"""A rule that lacks what it needs is reported as not run, with the reason, never silent.

What a rule needs: a file of the kind it speaks about, the further kinds it looks up,
a field at least one record carries, and every policy parameter it reads in force on
the audit date.
"""

from __future__ import annotations

import datetime as dt

from dropout_control.bundle import Bundle
from dropout_control.findings import Report
from tests.unit.rules.rule_builders import (
    audit_bundle,
    audit_of,
    child,
    employment,
    sources,
    student,
)


def _why_skipped(report: Report, rule_id: str) -> str | None:
    for skipped in report.skipped_rules:
        if str(skipped.rule) == rule_id:
            return skipped.why
    return None


# Missing files.


def test_age_002_does_not_run_without_a_population_file() -> None:
    assert "no population file" == _why_skipped(audit_of(student()), "AGE-002")


def test_age_002_does_not_run_without_a_students_file_to_look_children_up_in() -> None:
    assert "no students file" == _why_skipped(audit_of(child()), "AGE-002")


def test_age_003_does_not_run_without_a_deferrals_file() -> None:
    assert "no deferrals file" == _why_skipped(audit_of(student(), child()), "AGE-003")


def test_age_005_does_not_run_without_an_employment_file() -> None:
    assert "no employment file" == _why_skipped(audit_of(student(), child()), "AGE-005")


def test_reg_003_does_not_run_without_a_population_file_to_learn_of_deaths() -> None:
    assert "no population file" == _why_skipped(audit_of(student()), "REG-003")


def test_id_004_does_not_run_without_a_students_file() -> None:
    assert "no students file" == _why_skipped(audit_of(child()), "ID-004")


def test_id_001_does_not_run_without_a_students_or_a_population_file() -> None:
    report = audit_of(employment())

    assert "no students or population file" == _why_skipped(report, "ID-001")


def test_id_001_runs_on_a_population_file_alone() -> None:
    assert _why_skipped(audit_of(child()), "ID-001") is None


def test_the_input_rules_always_run() -> None:
    report = audit_bundle(Bundle())

    assert (None, None) == (_why_skipped(report, "INPUT-001"), _why_skipped(report, "INPUT-002"))


def test_an_empty_students_file_counts_as_given() -> None:
    # The file was there with no rows: every child of the roster is out of school.
    given: frozenset[str] = frozenset({"students", "population"})
    bundle = Bundle(population=(child(),), kinds=given)

    assert ["population.csv:2"] == sources(audit_bundle(bundle), "AGE-002")


# Missing fields.


def test_reg_001_does_not_run_when_no_student_has_a_record_creation_date() -> None:
    report = audit_of(
        student(record_created_on=None), student(line=3, sequence=11, record_created_on=None)
    )

    assert "no students record has record_created_on" == _why_skipped(report, "REG-001")


def test_reg_001_runs_when_one_student_has_a_record_creation_date() -> None:
    report = audit_of(
        student(record_created_on=None),
        student(line=3, sequence=11, record_created_on=dt.date(2016, 9, 2)),
    )

    assert _why_skipped(report, "REG-001") is None


# Parameters not in force on the audit date.


def test_age_005_does_not_run_before_the_minimum_employment_age_is_in_force() -> None:
    # employment.min_age is in force from 2017-09-05.
    report = audit_of(employment(reported_on=dt.date(2014, 12, 1)), as_of=dt.date(2015, 1, 1))

    expected = "parameter not in force on 2015-01-01: employment.min_age (from 2017-09-05)"
    assert expected == _why_skipped(report, "AGE-005")


def test_age_005_does_not_run_the_day_before_the_minimum_employment_age_is_in_force() -> None:
    report = audit_of(employment(reported_on=dt.date(2017, 9, 1)), as_of=dt.date(2017, 9, 4))

    expected = "parameter not in force on 2017-09-04: employment.min_age (from 2017-09-05)"
    assert expected == _why_skipped(report, "AGE-005")


def test_age_005_runs_from_the_day_the_minimum_employment_age_is_in_force() -> None:
    report = audit_of(employment(reported_on=dt.date(2017, 9, 1)), as_of=dt.date(2017, 9, 5))

    assert _why_skipped(report, "AGE-005") is None


def test_a_child_labourer_is_not_reported_while_age_005_cannot_run() -> None:
    # Born 2003-03-02, eleven when reported on 2014-12-01: AGE-005 is not run in 2015.
    report = audit_of(
        employment(birth_date=dt.date(2003, 3, 2), reported_on=dt.date(2014, 12, 1)),
        as_of=dt.date(2015, 1, 1),
    )

    assert () == report.select("AGE-005")


def test_age_002_runs_before_the_disability_extension_and_without_it() -> None:
    # disability.age_extension_years is in force from 2017-05-01. Before that AGE-002
    # still runs, with the ordinary window for every child, and quotes no extension.
    # A disabled child born 2000-06-01 was 16 on the cutoff 2016-08-31: inside the
    # window only with the extension, so on 2017-04-30 it is not out of school.
    disabled = child(birth_date=dt.date(2000, 6, 1), disability="肢体残疾", sequence=5, line=2)
    ordinary = child(birth_date=dt.date(2009, 6, 1), sequence=7, line=3)
    report = audit_of(disabled, ordinary, student(), as_of=dt.date(2017, 4, 30))

    assert _why_skipped(report, "AGE-002") is None
    [finding] = report.select("AGE-002")
    assert dt.date(2009, 6, 1) == finding.facts["birth_date"]
    assert "disability.age_extension_years" not in {p.key for p in finding.parameters}


def test_a_skipped_rule_gives_its_reason_as_a_code_with_both_texts() -> None:
    report = audit_of(student())
    [skipped] = [s for s in report.skipped_rules if str(s.rule) == "AGE-002"]
    assert "RULE.NO_INPUT" == skipped.reason.code
    assert ["population"] == skipped.reason.facts["kinds"]
    assert ("没有 population 文件", "no population file") == (
        skipped.message.zh,
        skipped.message.en,
    )
