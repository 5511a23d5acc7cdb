"""The bundled Linxia demo: the audit finds every planted problem and nothing else."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import cast

import pytest

from dropout_control import audit
from dropout_control.catalogue import load_rules
from dropout_control.cli import main
from dropout_control.findings import Report
from dropout_control.identity import ResidentId

ROOT = Path(__file__).parents[2]
DEMO = ROOT / "examples" / "linxia-demo"
PLANTED = ROOT / "examples" / "linxia-demo-planted.json"
AS_OF = dt.date(2019, 3, 20)


@pytest.fixture(scope="module")
def report() -> Report:
    return audit(DEMO, as_of=AS_OF, jurisdiction="622900")


def _entries() -> list[dict[str, object]]:
    entries: list[dict[str, object]] = json.loads(PLANTED.read_text(encoding="utf-8"))
    return entries


def _planted(on: dt.date | None = None) -> set[tuple[str, str, int]]:
    """The plants found on ``on``: by default those of the demo's audit date (the
    entries without an ``as_of``)."""
    wanted = None if on is None else on.isoformat()
    return {
        (str(e["rule"]), str(e["file"]), int(str(e["line"])))
        for e in _entries()
        if e.get("as_of") == wanted
    }


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


def test_every_rule_of_the_catalogue_has_at_least_two_planted_cases() -> None:
    planted = Counter(str(e["rule"]) for e in _entries())
    assert [] == [str(r.id) for r in load_rules() if planted[str(r.id)] < 2]


# DO-004 rests on 未成年人保护法 art 28, in force from 1 June 2021: on the demo's date the
# audit reports it as not run, and an audit of the same folder on that day finds its
# plants (the manifest gives them that date as ``as_of``).
LATER = dt.date(2021, 6, 1)


def test_the_rules_planted_for_a_later_date_are_reported_as_not_run_on_the_demo_date(
    report: Report,
) -> None:
    later = {rule for rule, _, _ in _planted(LATER)}
    assert later == {"DO-004"}
    skipped = {str(item.rule): item for item in report.skipped_rules}
    assert set(skipped) == later
    assert "case.written_report_after_failed_attempts" in str(skipped["DO-004"].why)
    assert "2021-06-01" in str(skipped["DO-004"].why)


def test_an_audit_on_the_later_date_finds_those_plants() -> None:
    planted = _planted(LATER)
    later = audit(DEMO, as_of=LATER, jurisdiction="622900")
    rules = {rule for rule, _, _ in planted}
    assert planted == {found for found in _found(later) if found[0] in rules}


def test_a_child_present_at_another_school_gets_one_tr_007_naming_both_rows(
    report: Report,
) -> None:
    # Each planted TR-007 is a record at one school and a headcount row with the child
    # present at another; the manifest's note names that headcount line. The pair gives
    # one finding and nothing else points at either row.
    entries = json.loads(PLANTED.read_text(encoding="utf-8"))
    planted = [e for e in entries if e["rule"] == "TR-007"]
    assert len(planted) >= 2
    for entry in planted:
        record = f"{entry['file']}:{entry['line']}"
        [line] = re.findall(r"headcounts\.csv line (\d+)", entry["note"])
        headcount = f"headcounts.csv:{line}"
        about = [
            f
            for f in report.findings
            if str(f.source) == record or headcount in {str(s) for s in (f.source, *f.related)}
        ]
        assert ["TR-007"] == [str(f.rule) for f in about]
        assert [headcount] == [str(s) for s in about[0].related]


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv"])
def test_no_name_or_number_of_the_demo_is_shown_unless_revealed(fmt: str) -> None:
    out = io.StringIO()
    argv = ["audit", str(DEMO), "--as-of", "2019-03-20", "--jurisdiction", "622900"]
    main([*argv, "--format", fmt], stdout=out)
    shown = out.getvalue()

    personal = _personal_values()
    assert len(personal) > 5000
    assert [] == [value for value in personal if value in shown]


def _personal_values() -> set[str]:
    """Every resident ID number, student number and name of the demo's CSV files."""
    values: set[str] = set()
    for name, encoding in (("students.csv", "utf-8-sig"), ("population.csv", "gb18030")):
        with (DEMO / name).open(encoding=encoding, newline="") as stream:
            for row in csv.DictReader(stream):
                for header in ("学籍号", "身份证件号", "姓名"):
                    value = (row.get(header) or "").strip()
                    if len(value) >= 2:
                        values.add(value)
    return values


def test_every_row_is_a_record_or_a_finding(report: Report) -> None:
    assert [] == [i.file for i in report.inputs if i.rows != i.records + i.rejected]
    rejected = sum(i.rejected for i in report.inputs)
    assert rejected == len(report.select("INPUT-001", "INPUT-002"))


def test_the_python_api_example_runs() -> None:
    import runpy  # noqa: PLC0415 - only this test needs it

    namespace = runpy.run_path(str(ROOT / "examples" / "audit_from_python.py"))
    namespace["audit_records_in_memory"]()


def test_no_finding_holds_text_among_its_facts(report: Report) -> None:
    # Messages are rendered from facts; the facts themselves are data in no language.
    assert [] == sorted(
        {key for f in report.findings for key in f.facts if key.endswith(("_zh", "_en"))}
    )


def test_every_reason_code_a_finding_names_is_in_the_catalogue(report: Report) -> None:
    from dropout_control.catalogue import load_reasons  # noqa: PLC0415

    catalogue = load_reasons()
    assert [] == sorted(
        {code for f in report.findings for code in f.reasons} - {item.code for item in catalogue}
    )


def test_check_correction_gives_the_number_the_audit_expects_for_every_demo_correction() -> None:
    # Each correction of the demo, through the command: where the audit finds the row's
    # new number right (no AC-005), the command prints that number; where it gives
    # AC-005, the command prints the number the finding says the row should carry.
    revealed = audit(DEMO, as_of=AS_OF, jurisdiction="622900")
    expected = {
        f.source.line: cast("ResidentId", f.facts["expected_new_id"])
        for f in revealed.select("AC-005")
        if f.source is not None
    }
    path = DEMO / "age_corrections.csv"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))[1:]
    assert len(rows) >= 10
    assert len(expected) >= 2
    for line, (_, old_id, new_id, _, new_birth, *_) in enumerate(rows, start=2):
        out = io.StringIO()
        argv = ["check-correction", old_id, new_birth, "--as-of", "2019-03-20", "--reveal"]
        assert 0 == main([*argv, "--format", "json"], stdout=out)
        printed = json.loads(out.getvalue())["new_id"]
        wanted = expected[line].reveal() if line in expected else new_id
        assert wanted == printed, f"age_corrections.csv:{line}"
        assert (line in expected) == (printed != new_id)
