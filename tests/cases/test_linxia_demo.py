"""The bundled Linxia demo: the audit finds every planted problem and nothing else."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dropout_control import audit
from dropout_control.findings import Report

ROOT = Path(__file__).parents[2]
DEMO = ROOT / "examples" / "linxia-demo"
PLANTED = ROOT / "examples" / "linxia-demo-planted.json"
AS_OF = dt.date(2019, 3, 20)


@pytest.fixture(scope="module")
def report() -> Report:
    return audit(DEMO, as_of=AS_OF, jurisdiction="622900")


def _planted() -> set[tuple[str, str, int]]:
    entries = json.loads(PLANTED.read_text(encoding="utf-8"))
    return {(e["rule"], e["file"], e["line"]) for e in entries}


def _found(report: Report) -> set[tuple[str, str, int]]:
    return {
        (str(f.rule), f.source.file, f.source.line) for f in report.findings if f.source is not None
    }


def test_every_planted_problem_is_found(report: Report) -> None:
    assert set() == _planted() - _found(report)


def test_nothing_but_the_planted_problems_is_found(report: Report) -> None:
    assert set() == _found(report) - _planted()


def test_every_finding_points_at_a_row(report: Report) -> None:
    assert [] == [f for f in report.findings if f.source is None]


def test_every_rule_of_this_version_has_a_planted_case() -> None:
    planted_rules = {rule for rule, _, _ in _planted()}
    expected = {
        "INPUT-001",
        "INPUT-002",
        "ID-001",
        "ID-002",
        "ID-003",
        "ID-004",
        "ID-005",
        "ID-006",
        "ID-007",
        "AGE-001",
        "AGE-002",
        "AGE-003",
        "AGE-004",
        "AGE-005",
        "REG-001",
        "REG-002",
        "REG-003",
    }
    assert set() == expected - planted_rules


def test_every_row_is_a_record_or_a_finding(report: Report) -> None:
    assert [] == [i.file for i in report.inputs if i.rows != i.records + i.rejected]
    rejected = sum(i.rejected for i in report.inputs)
    assert rejected == len(report.select("INPUT-001", "INPUT-002"))


def test_no_rule_of_this_version_is_skipped_on_the_demo(report: Report) -> None:
    assert [] == [str(s.rule) for s in report.skipped_rules]


def test_the_python_api_example_runs() -> None:
    import runpy  # noqa: PLC0415 - only this test needs it

    namespace = runpy.run_path(str(ROOT / "examples" / "audit_from_python.py"))
    namespace["audit_records_in_memory"]()
