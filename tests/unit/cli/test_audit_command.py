"""``dropout-control audit``: exit statuses, formats, masking."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dropout_control.cli import main

HEADER = "student_number,resident_id,name,sex,birth_date,school_id,grade,entry_date,status\n"
CLEAN_ROW = "G62292120100501003X,62292120100501003X,马小明,男,2010-05-01,2162000001,3,201609,在读\n"


def _folder(tmp_path: Path, *rows: str) -> Path:
    (tmp_path / "students.csv").write_text(HEADER + "".join(rows), encoding="utf-8")
    return tmp_path


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def test_a_clean_folder_exits_zero(tmp_path: Path) -> None:
    status, out = _run("audit", str(_folder(tmp_path, CLEAN_ROW)), "--as-of", "2019-03-20")
    assert 0 == status
    assert "Findings: 0 errors" in out


def test_an_error_finding_exits_one(tmp_path: Path) -> None:
    bad = CLEAN_ROW.replace("2010-05-01", "2010-05-04")
    status, out = _run("audit", str(_folder(tmp_path, bad)), "--as-of", "2019-03-20")
    assert 1 == status
    assert "ID-002" in out


def test_the_text_summary_counts_in_words_and_gives_whereabouts(tmp_path: Path) -> None:
    # One record, born 2010-05-04 but the ID says 2010-05-01: one ID-002 error.
    bad = CLEAN_ROW.replace("2010-05-01", "2010-05-04")
    _, out = _run("audit", str(_folder(tmp_path, bad)), "--as-of", "2019-03-20")
    assert "Findings: 1 error, 0 warnings" in out
    assert "Children by whereabouts: in school 1" in out


def test_a_missing_folder_is_one_clear_line_and_exit_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = _run("audit", str(tmp_path / "absent"), "--as-of", "2019-03-20")
    err = capsys.readouterr().err
    assert 2 == status
    assert 1 == len(err.strip().splitlines())
    assert "Traceback" not in err


def test_a_bad_as_of_date_is_a_usage_error(tmp_path: Path) -> None:
    status, _ = _run("audit", str(_folder(tmp_path, CLEAN_ROW)), "--as-of", "20-03-2019")
    assert 2 == status


def test_json_follows_the_report_contract(tmp_path: Path) -> None:
    bad = CLEAN_ROW.replace("2010-05-01", "2010-05-04")
    status, out = _run(
        "audit",
        str(_folder(tmp_path, bad)),
        "--as-of",
        "2019-03-20",
        "--jurisdiction",
        "622900",
        "--format",
        "json",
    )
    document = json.loads(out)
    assert 1 == status
    assert [
        "as_of",
        "jurisdiction",
        "library_version",
        "inputs",
        "unknown_files",
        "unknown_columns",
        "skipped_rules",
        "findings",
        "metrics",
    ] == list(document)
    assert ("2019-03-20", "622900") == (document["as_of"], document["jurisdiction"])
    assert [
        {"file": "students.csv", "kind": "students", "rows": 1, "records": 1, "rejected": 0}
    ] == document["inputs"]
    [finding] = document["findings"]
    assert {"rule", "severity", "kind", "subject", "source", "related", "facts", "message"} <= set(
        finding
    )
    assert {"file": "students.csv", "line": 2} == finding["source"]
    assert "G622921**********3X" == finding["subject"]


def test_names_and_numbers_are_masked_unless_revealed(tmp_path: Path) -> None:
    bad = CLEAN_ROW.replace("2010-05-01", "2010-05-04")
    folder = str(_folder(tmp_path, bad))
    for fmt in ("text", "json", "jsonl", "csv"):
        _, out = _run("audit", folder, "--as-of", "2019-03-20", "--format", fmt)
        assert "20100501003" not in out, fmt
        assert "马小明" not in out, fmt
    _, out = _run("audit", folder, "--as-of", "2019-03-20", "--format", "json", "--reveal")
    assert "G62292120100501003X" in out


def test_jsonl_writes_one_finding_a_line_then_a_summary(tmp_path: Path) -> None:
    bad = CLEAN_ROW.replace("2010-05-01", "2010-05-04")
    _, out = _run(
        "audit", str(_folder(tmp_path, bad)), "--as-of", "2019-03-20", "--format", "jsonl"
    )
    lines = [json.loads(line) for line in out.splitlines()]
    assert "ID-002" == lines[0]["rule"]
    assert "summary" in lines[-1]


def test_csv_has_a_header_and_a_row_per_finding(tmp_path: Path) -> None:
    bad = CLEAN_ROW.replace("2010-05-01", "2010-05-04")
    _, out = _run("audit", str(_folder(tmp_path, bad)), "--as-of", "2019-03-20", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    findings = [r for r in rows if r["kind"] != "retention"]
    assert [("ID-002", "students.csv", "2")] == [
        (r["rule"], r["file"], r["line"]) for r in findings
    ]
    # then the retention rate of the one cohort, after the findings
    assert ["students", "retention"] == [r["kind"] for r in rows]


def test_output_writes_the_report_to_a_file(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    folder = _folder(tmp_path / "in", CLEAN_ROW)
    target = tmp_path / "report.json"
    status, out = _run(
        "audit", str(folder), "--as-of", "2019-03-20", "--format", "json", "--output", str(target)
    )
    assert (0, "") == (status, out)
    assert "2019-03-20" == json.loads(target.read_text(encoding="utf-8"))["as_of"]


def test_a_bad_cell_and_a_missing_number_are_two_input_findings_and_the_rest_is_audited(
    tmp_path: Path,
) -> None:
    bad_date = (
        CLEAN_ROW.replace("G62292120100501003X", "G622921201005020035")
        .replace("62292120100501003X,", "622921201005020035,")
        .replace("2010-05-01", "2012-13-45")
    )
    no_number = "," + CLEAN_ROW.split(",", 1)[1].replace("62292120100501003X", "622921201005030030")
    wrong_id_date = CLEAN_ROW.replace("2010-05-01", "2010-05-04")
    folder = _folder(tmp_path, bad_date, no_number, wrong_id_date)
    _, out = _run("audit", str(folder), "--as-of", "2019-03-20", "--format", "json")
    document = json.loads(out)
    found = [
        (f["rule"], f["source"]["line"], f["facts"].get("field")) for f in document["findings"]
    ]
    assert [
        ("INPUT-001", 2, "birth_date"),
        ("INPUT-001", 3, "student_number"),
        ("ID-002", 4, None),
    ] == found


def test_an_undecodable_file_is_one_clear_error_and_the_rest_is_audited(tmp_path: Path) -> None:
    folder = _folder(tmp_path, CLEAN_ROW.replace("2010-05-01", "2010-05-04"))
    (folder / "population.csv").write_bytes(b"\xff\xfe\xfa\xfb\x80,name\n")
    status, out = _run("audit", str(folder), "--as-of", "2019-03-20", "--format", "json")
    document = json.loads(out)
    found = [
        (f["rule"], f["source"]["file"], f["facts"].get("field")) for f in document["findings"]
    ]
    assert 1 == status
    assert [("INPUT-001", "population.csv", "(file)"), ("ID-002", "students.csv", None)] == found


def test_unknown_files_and_columns_are_reported(tmp_path: Path) -> None:
    folder = _folder(tmp_path, CLEAN_ROW)
    (folder / "notes.txt").write_text("hello", encoding="utf-8")
    text = (
        (folder / "students.csv").read_text(encoding="utf-8").replace("status\n", "status,colour\n")
    )
    (folder / "students.csv").write_text(text.replace("在读\n", "在读,red\n"), encoding="utf-8")
    _, out = _run("audit", str(folder), "--as-of", "2019-03-20")
    assert "Files not read (not a known kind): notes.txt" in out
    assert "Columns not read in students.csv (not a known field): colour" in out


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_reader_that_goes_away_ends_quietly_with_status_141(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        ["audit", str(_folder(tmp_path, CLEAN_ROW)), "--as-of", "2019-03-20"], stdout=_ClosedPipe()
    )

    assert 141 == status
    assert "" == capsys.readouterr().err
