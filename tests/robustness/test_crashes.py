"""No crash, and crashes are not findings (issue 10, point 1).

Each case is a copy of the demo folder with one hostile cell, file or argument, as a user
would meet it. The audit must give an INPUT-001 finding naming file, line and field, or
refuse with one clear line and exit status 2; an internal failure exits 3 with one line,
Ctrl-C 130; never a traceback.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dropout_control import audit, cli
from dropout_control.calendar.span import EARLIEST_DATE, LATEST_DATE
from dropout_control.cli import main
from dropout_control.findings import Report
from dropout_control.io import jsonl_rows

ROOT = Path(__file__).parents[2]
DEMO = ROOT / "examples" / "linxia-demo"
AS_OF = dt.date(2019, 3, 20)
ENCODINGS = {"students.csv": "utf-8-sig", "population.csv": "gb18030"}


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    shutil.copytree(DEMO, folder)
    return folder


def _set_csv_cell(folder: Path, file: str, line: int, header: str, value: str) -> None:
    path = folder / file
    encoding = ENCODINGS.get(file, "utf-8")
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline="")))
    rows[line - 1][rows[0].index(header)] = value
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))


def _set_json_key(folder: Path, file: str, line: int, key: str, value: str) -> None:
    path = folder / file
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[line - 1])
    record[key] = value
    lines[line - 1] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _rejections(report: Report) -> list[tuple[str, int, object, tuple[str, ...]]]:
    return [
        (f.source.file, f.source.line, f.facts["field"], f.reasons)
        for f in report.findings
        if str(f.rule) == "INPUT-001" and f.source is not None
    ]


def _accounted(report: Report) -> list[str]:
    return [i.file for i in report.inputs if i.rows != i.records + i.rejected]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    out = io.StringIO()
    status = main(argv, stdout=out)
    captured = capsys.readouterr()
    return status, out.getvalue() + captured.out, captured.err


# Out-of-range dates: an INPUT-001 finding with file, line and field --------------------

CSV_DATES = [
    ("students.csv", "出生日期", "birth_date"),
    ("students.csv", "入学年月", "entry_date"),
    ("students.csv", "建籍日期", "record_created_on"),
    ("students.csv", "状态变动日期", "status_since"),
    ("transfers.csv", "申请日期", "applied_on"),
    ("transfers.csv", "转入学校审核日期", "receiving_school_on"),
    ("transfers.csv", "转出地教育行政部门审核日期", "sending_bureau_on"),
    ("transfers.csv", "完成日期", "completed_on"),
    ("population.csv", "出生日期", "birth_date"),
]


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "99991231", "1899-12-31"])
@pytest.mark.parametrize(("file", "header", "field"), CSV_DATES)
def test_a_date_outside_the_span_in_a_csv_cell_is_input_001_naming_file_line_and_field(
    tmp_path: Path, file: str, header: str, field: str, value: str
) -> None:
    folder = _copy(tmp_path)
    _set_csv_cell(folder, file, 4, header, value)
    report = audit(folder, as_of=AS_OF, jurisdiction="622900")
    assert ((file, 4, field, ("INPUT.DATE_OUT_OF_RANGE",)), []) == (
        next(r for r in _rejections(report) if r[0] == file and r[1] == 4),
        _accounted(report),
    )


@pytest.mark.parametrize(
    ("file", "key"),
    [
        ("suspensions.jsonl", "start"),
        ("suspensions.jsonl", "end"),
        ("suspensions.jsonl", "approved_on"),
        ("suspensions.jsonl", "returned_on"),
        ("deferrals.jsonl", "approved_on"),
        ("deferrals.jsonl", "until"),
        ("employment.jsonl", "reported_on"),
    ],
)
@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01"])
def test_a_date_outside_the_span_in_a_json_line_is_input_001_naming_file_line_and_field(
    tmp_path: Path, file: str, key: str, value: str
) -> None:
    folder = _copy(tmp_path)
    _set_json_key(folder, file, 2, key, value)
    report = audit(folder, as_of=AS_OF, jurisdiction="622900")
    assert [(file, 2, key, ("INPUT.DATE_OUT_OF_RANGE",))] == [
        r for r in _rejections(report) if r[0] == file
    ]


@pytest.mark.parametrize("value", ["9999-12", "999912", "0001-01", "1899-12"])
@pytest.mark.parametrize(
    ("file", "header"), [("headcounts.csv", "month"), ("students.csv", "入学年月")]
)
def test_a_month_outside_the_span_is_input_001(
    tmp_path: Path, file: str, header: str, value: str
) -> None:
    folder = _copy(tmp_path)
    _set_csv_cell(folder, file, 3, header, value)
    report = audit(folder, as_of=AS_OF, jurisdiction="622900")
    assert [("INPUT.DATE_OUT_OF_RANGE",)] == [
        r[3] for r in _rejections(report) if r[0] == file and r[1] == 3
    ]


@pytest.mark.parametrize("value", [EARLIEST_DATE.isoformat(), LATEST_DATE.isoformat()])
def test_the_first_and_last_dates_of_the_span_are_read(tmp_path: Path, value: str) -> None:
    folder = _copy(tmp_path)
    _set_csv_cell(folder, "students.csv", 4, "状态变动日期", value)
    report = audit(folder, as_of=AS_OF, jurisdiction="622900")
    assert [] == [r for r in _rejections(report) if r[0] == "students.csv" and r[1] == 4]


@settings(derandomize=True, max_examples=25, deadline=None)
@given(
    day=st.one_of(
        st.dates(max_value=EARLIEST_DATE - dt.timedelta(days=1)),
        st.dates(min_value=LATEST_DATE + dt.timedelta(days=1)),
    ),
    field=st.sampled_from(["start", "end", "approved_on", "returned_on"]),
)
def test_any_date_outside_the_span_in_any_suspension_date_is_one_input_001(
    tmp_path_factory: pytest.TempPathFactory, day: dt.date, field: str
) -> None:
    folder = _copy(tmp_path_factory.mktemp("fuzz"))
    for name in [p.name for p in folder.iterdir() if p.name != "suspensions.jsonl"]:
        (folder / name).unlink()
    _set_json_key(folder, "suspensions.jsonl", 3, field, day.isoformat())
    report = audit(folder, as_of=AS_OF, jurisdiction="622900")
    assert ([("suspensions.jsonl", 3, field, ("INPUT.DATE_OUT_OF_RANGE",))], []) == (
        _rejections(report),
        _accounted(report),
    )


def test_the_command_line_reports_the_placeholder_date_and_exits_1_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _copy(tmp_path)
    _set_csv_cell(folder, "students.csv", 5, "入学年月", "9999-12-31")
    status, out, err = _run(
        ["audit", str(folder), "--as-of", "2019-03-20", "--format", "json"], capsys
    )
    found = [
        f
        for f in json.loads(out)["findings"]
        if f["rule"] == "INPUT-001" and f["source"] == {"file": "students.csv", "line": 5}
    ]
    assert (1, "", ["entry_date"], ["INPUT.DATE_OUT_OF_RANGE"]) == (
        status,
        err,
        [f["facts"]["field"] for f in found],
        [code for f in found for code in f["reasons"]],
    )


# The audit date ------------------------------------------------------------------------


@pytest.mark.parametrize("as_of", ["9999-12-31", "0001-01-01", "1899-12-31", "2100-01-01"])
def test_an_audit_date_the_calendar_cannot_serve_is_refused_with_exit_2_and_one_line(
    as_of: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(["audit", str(DEMO), "--as-of", as_of], capsys)
    assert (2, "", 1, True) == (
        status,
        out,
        len(err.strip().splitlines()),
        "1900-01-01 to 2099-12-31" in err,
    )


@pytest.mark.parametrize("command", ["whereabouts", "params"])
def test_the_other_commands_refuse_such_a_date_too(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = (
        ["whereabouts", str(DEMO), "G622921201110013419", "--as-of", "9999-12-31"]
        if command == "whereabouts"
        else ["params", "--on", "9999-12-31"]
    )
    status, _, err = _run(argv, capsys)
    assert (2, False) == (status, "Traceback" in err)


# Exit codes: 3 for an internal failure, 130 for Ctrl-C ----------------------------------


def _failing(exc: BaseException) -> object:
    def handler(args: object, out: object) -> int:
        raise exc

    return handler


def test_an_internal_failure_exits_3_with_one_line_and_no_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(cli._HANDLERS, "rules", _failing(RuntimeError("boom")))
    status, _, err = _run(["rules"], capsys)
    assert (3, 1, False, True) == (
        status,
        len(err.strip().splitlines()),
        "Traceback" in err,
        "--debug" in err,
    )


@pytest.mark.parametrize("argv", [["--debug", "rules"], ["rules", "--debug"]])
def test_debug_adds_the_traceback_of_an_internal_failure(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(cli._HANDLERS, "rules", _failing(RuntimeError("boom")))
    status, _, err = _run(argv, capsys)
    assert (3, True) == (status, "Traceback" in err and "RuntimeError: boom" in err)


def test_ctrl_c_exits_130_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(cli._HANDLERS, "rules", _failing(KeyboardInterrupt()))
    status, _, err = _run(["rules"], capsys)
    assert (130, "dropout-control: error: interrupted\n") == (status, err)


def test_a_clean_command_still_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(["rules"], capsys)
    assert (0, "", True) == (status, err, out.strip().endswith("rules"))


# Encodings, JSON that only the standard library would take ------------------------------


def test_a_terminal_that_cannot_show_chinese_gets_escapes_not_a_traceback() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "dropout_control.cli", "rules"],
        capture_output=True,
        env={"PYTHONIOENCODING": "ascii", "PATH": ""},
        check=False,
        cwd=ROOT,
    )
    assert (0, b"", True) == (
        completed.returncode,
        completed.stderr,
        b"\\u" in completed.stdout,
    )


def test_a_layer_file_that_is_not_utf_8_is_refused_naming_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layer = tmp_path / "county.toml"
    layer.write_bytes('jurisdiction = "622921"\nname = "临夏县"\n'.encode("gb18030"))
    status, _, err = _run(
        ["audit", str(DEMO), "--as-of", "2019-03-20", "--layer", str(layer)], capsys
    )
    assert (2, f"dropout-control: error: {layer}:2: is not UTF-8 text (line 2); ") == (
        status,
        err[: len(f"dropout-control: error: {layer}:2: is not UTF-8 text (line 2); ")],
    )


@pytest.fixture
def without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl_rows, "_loads", jsonl_rows._stdlib_loads)


@pytest.mark.parametrize(
    ("line", "detail"),
    [
        ('{"resident_id": ' + "[" * 100_000 + "]" * 100_000 + "}", "nesting too deep"),
        ('{"resident_id": "622921201112055874", "grounds": "\\ud800"}', "lone surrogate"),
        ('{"\\udfff": 1}', "lone surrogate"),
    ],
)
@pytest.mark.usefixtures("without_orjson")
def test_json_only_the_standard_library_would_take_is_input_001_without_orjson(
    tmp_path: Path, line: str, detail: str
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "deferrals.jsonl").write_text(
        (DEMO / "deferrals.jsonl").read_text(encoding="utf-8").splitlines()[0] + "\n" + line + "\n",
        encoding="utf-8",
    )
    report = audit(folder, as_of=AS_OF, jurisdiction="622900")
    found = [f for f in report.findings if str(f.rule) == "INPUT-001"]
    assert ([("deferrals.jsonl", 2)], True, []) == (
        [(f.source.file, f.source.line) for f in found if f.source is not None],
        detail in found[0].message.en,
        _accounted(report),
    )


@pytest.mark.usefixtures("without_orjson")
def test_an_escaped_pair_of_surrogates_is_one_character_and_reads(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    first = json.loads((DEMO / "deferrals.jsonl").read_text(encoding="utf-8").splitlines()[0])
    line = json.dumps({**first, "grounds": "health\U0001f600"}, ensure_ascii=True)
    (folder / "deferrals.jsonl").write_text(line + "\n", encoding="utf-8")
    report = audit(folder, as_of=AS_OF, jurisdiction="622900")
    assert [] == [f for f in report.findings if str(f.rule) == "INPUT-001"]


STUDENT_DATES = ["出生日期", "入学年月", "建籍日期", "状态变动日期", "专家评估日期"]


@settings(derandomize=True, max_examples=40, deadline=None)
@given(
    header=st.sampled_from(STUDENT_DATES),
    line=st.integers(2, 12),
    text=st.one_of(
        st.dates().map(dt.date.isoformat),
        st.dates().map(lambda day: day.strftime("%Y%m%d")),
        st.text(alphabet="0123456789-/.年月日 ", max_size=12),
    ),
)
def test_any_text_in_any_date_cell_of_students_is_a_record_or_one_input_001_for_its_line(
    tmp_path_factory: pytest.TempPathFactory, header: str, line: int, text: str
) -> None:
    folder = tmp_path_factory.mktemp("dates")
    lines = (DEMO / "students.csv").read_bytes().decode("utf-8-sig").splitlines()[:12]
    (folder / "students.csv").write_bytes(("\n".join(lines) + "\n").encode("utf-8-sig"))
    _set_csv_cell(folder, "students.csv", line, header, text)
    report = audit(folder, as_of=AS_OF, jurisdiction="622900")
    (summary,) = report.inputs
    assert ([], True) == (
        _accounted(report),
        [r[1] for r in _rejections(report)] in ([], [line]),
    )
    assert 11 == summary.rows


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv"])
def test_the_row_with_a_placeholder_date_shows_no_clear_personal_value_in_any_format(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    lines = (DEMO / "students.csv").read_bytes().decode("utf-8-sig").splitlines()[:6]
    (folder / "students.csv").write_bytes(("\n".join(lines) + "\n").encode("utf-8-sig"))
    _set_csv_cell(folder, "students.csv", 4, "入学年月", "9999-12-31")
    row = next(csv.reader([lines[3]]))
    status, out, err = _run(
        ["audit", str(folder), "--as-of", "2019-03-20", "--format", fmt], capsys
    )
    assert (1, "", [], True) == (
        status,
        err,
        [value for value in (row[0][1:], row[1], row[3]) if value in out],
        "INPUT-001" in out,
    )
