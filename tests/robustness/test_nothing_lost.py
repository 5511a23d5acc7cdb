"""Nothing lost without a word: every physical line of a hostile file is a record or a
finding, and a file not read is said to be not read.

Each case is built as a user's folder would be: copies of rows of the Linxia demo in a
``tmp_path`` folder, audited through the command line.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dropout_control import Bundle, Severity, audit
from dropout_control.cli import main
from dropout_control.registry import StudentRecord
from dropout_control.rules import Observation, RuleContext, RuleRegistry, rule

DEMO = Path(__file__).parents[2] / "examples" / "linxia-demo"
DEMO_LINES = (DEMO / "students.csv").read_text(encoding="utf-8-sig").splitlines(keepends=True)
HEADER, ROWS = DEMO_LINES[0], DEMO_LINES[1:]
AS_OF = "2019-03-20"


def _students(folder: Path, data: bytes) -> Path:
    (folder / "students.csv").write_bytes(data)
    return folder


def _audit(folder: Path, *extra: str) -> tuple[int, dict[str, Any], str]:
    out = io.StringIO()
    status = main(["audit", str(folder), "--as-of", AS_OF, "--format", "json", *extra], stdout=out)
    return status, json.loads(out.getvalue()), out.getvalue()


def _input(report: dict[str, Any], file: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [item for item in report["inputs"] if item["file"] == file]
    [summary] = found
    return summary


def _rejected_lines(report: dict[str, Any]) -> list[tuple[int, str, tuple[str, ...]]]:
    return [
        (f["source"]["line"], f["facts"]["field"], tuple(f["reasons"]))
        for f in report["findings"]
        if f["rule"] == "INPUT-001"
    ]


# A stray or unterminated quote ---------------------------------------------------------


def test_an_unterminated_quote_is_one_bad_line_and_the_next_lines_are_read(
    tmp_path: Path,
) -> None:
    lines = ROWS[:8]
    broken = lines[2].replace("一年级(1)班", '"一年级(1)班', 1)
    data = HEADER + "".join([*lines[:2], broken, *lines[3:]])
    status, report, _ = _audit(_students(tmp_path, data.encode()))
    assert 1 == status
    assert [(4, "*row*", ("INPUT.QUOTE_NOT_CLOSED",))] == _rejected_lines(report)
    assert {"file": "students.csv", "kind": "students", "rows": 8, "records": 7, "rejected": 1} == (
        _input(report, "students.csv")
    )


def test_a_quote_left_open_on_the_last_line_is_that_line(tmp_path: Path) -> None:
    data = HEADER + ROWS[0] + ROWS[1].replace(",男,", ',"男,', 1)
    _, report, _ = _audit(_students(tmp_path, data.encode()))
    assert [(3, "*row*", ("INPUT.QUOTE_NOT_CLOSED",))] == _rejected_lines(report)
    assert (2, 1, 1) == tuple(
        _input(report, "students.csv")[k] for k in ("rows", "records", "rejected")
    )


def test_a_quoted_cell_closed_on_its_line_is_read_as_ever(tmp_path: Path) -> None:
    row = ROWS[0].replace("一年级(1)班", '"一年级(1)班, 东楼"', 1)
    status, report, _ = _audit(_students(tmp_path, (HEADER + row).encode()))
    assert ([], 1) == (_rejected_lines(report), _input(report, "students.csv")["records"])
    assert 0 == status


@settings(
    derandomize=True,
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(quotes=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 200)), max_size=4))
def test_every_physical_line_is_a_record_or_a_rejection_whatever_the_quotes(
    tmp_path: Path, quotes: list[tuple[int, int]]
) -> None:
    lines = list(ROWS[:12])
    for index, position in quotes:
        line = lines[index]
        cut = position % len(line.rstrip("\n"))
        lines[index] = line[:cut] + '"' + line[cut:]
    status, report, out = _audit(_students(tmp_path, (HEADER + "".join(lines)).encode()))
    summary = _input(report, "students.csv")
    assert (12, 12) == (summary["rows"], summary["records"] + summary["rejected"])
    assert status in (0, 1)
    assert "Traceback" not in out


# One invalid byte ------------------------------------------------------------------------


def test_one_invalid_byte_rejects_its_own_line_and_the_others_are_read(tmp_path: Path) -> None:
    lines = [line.encode() for line in ROWS[:2000]]
    _, clean, _ = _audit(_students(tmp_path, HEADER.encode() + b"".join(lines)))
    lines[1998] = lines[1998].replace(b",", b",\xff", 1)  # line 2000 of the file
    _, report, _ = _audit(_students(tmp_path, HEADER.encode() + b"".join(lines)))
    before, after = _input(clean, "students.csv"), _input(report, "students.csv")
    assert [(2000, "*row*", ("INPUT.LINE_ENCODING",))] == sorted(
        set(_rejected_lines(report)) - set(_rejected_lines(clean))
    )
    assert (2000, before["records"] - 1, before["rejected"] + 1) == (
        after["rows"],
        after["records"],
        after["rejected"],
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_clean_file_in_each_encoding_reads_every_line(tmp_path: Path, encoding: str) -> None:
    data = (HEADER + "".join(ROWS[:20])).encode(encoding)
    _, report, _ = _audit(_students(tmp_path, data))
    assert ([], 20) == (_rejected_lines(report), _input(report, "students.csv")["records"])


def test_one_invalid_byte_in_a_gb18030_file_rejects_its_own_line(tmp_path: Path) -> None:
    lines = [line.encode("gb18030") for line in ROWS[:30]]
    lines[9] = lines[9][:40] + b"\xff" + lines[9][40:]  # line 11 of the file
    _, report, _ = _audit(_students(tmp_path, HEADER.encode("gb18030") + b"".join(lines)))
    assert (11, "*row*", ("INPUT.LINE_ENCODING",)) in _rejected_lines(report)
    assert 29 == _input(report, "students.csv")["records"]


@settings(
    derandomize=True,
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    bad=st.lists(
        st.tuples(
            st.integers(0, 9), st.integers(0, 300), st.sampled_from([b"\xff", b"\x80", b"\xc3("])
        ),
        max_size=3,
    )
)
def test_every_physical_line_is_accounted_for_whatever_the_bytes(
    tmp_path: Path, bad: list[tuple[int, int, bytes]]
) -> None:
    lines = [line.encode() for line in ROWS[:10]]
    for index, position, junk in bad:
        line = lines[index]
        cut = position % (len(line) - 1)
        lines[index] = line[:cut] + junk + line[cut:]
    status, report, out = _audit(_students(tmp_path, HEADER.encode() + b"".join(lines)))
    summary = _input(report, "students.csv")
    assert "Traceback" not in out
    assert (10, 10) == (summary["rows"], summary["records"] + summary["rejected"])
    assert status in (0, 1)


# Nothing to audit -----------------------------------------------------------------------


def _run_plain(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda folder: None, id="empty folder"),
        pytest.param(
            lambda folder: (folder / "notes.txt").write_text("x", encoding="utf-8"),
            id="unknown files only",
        ),
        pytest.param(lambda folder: (folder / "students.csv").mkdir(), id="students.csv a folder"),
        pytest.param(
            lambda folder: (folder / "学生.csv").write_text(HEADER, encoding="utf-8"),
            id="misnamed students file",
        ),
    ],
)
def test_a_folder_with_nothing_to_audit_exits_two_with_one_line(
    tmp_path: Path, make: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    make(tmp_path)
    status, out = _run_plain("audit", str(tmp_path), "--as-of", AS_OF)
    err = capsys.readouterr().err
    assert (2, "", 1) == (status, out, len(err.strip().splitlines()))
    assert "nothing to audit" in err
    assert "Traceback" not in err


def test_whereabouts_in_a_folder_with_nothing_to_audit_exits_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = _run_plain("whereabouts", str(tmp_path), "622921201110013419", "--as-of", AS_OF)
    assert (2, True) == (status, "nothing to audit" in capsys.readouterr().err)


def test_a_folder_with_one_input_file_is_audited(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    status, report, _ = _audit(_students(tmp_path, (HEADER + ROWS[0]).encode()))
    assert (0, 1) == (status, _input(report, "students.csv")["records"])


# One unreadable optional cell -------------------------------------------------------------

COLUMNS = HEADER.lstrip("\ufeff").rstrip("\n").split(",")


def _with_cell(line: str, column: str, value: str) -> str:
    cells = line.rstrip("\n").split(",")
    cells[COLUMNS.index(column)] = value
    return ",".join(cells) + "\n"


def _warnings(report: dict[str, Any]) -> list[tuple[int, str, dict[str, Any]]]:
    return [
        (f["source"]["line"], f["facts"]["field"], f["facts"]["reason"])
        for f in report["findings"]
        if f["rule"] == "INPUT-003"
    ]


@pytest.mark.parametrize(
    ("column", "field", "value", "shown"),
    [
        ("是否留守儿童", "left_behind", "留守不详", "留***"),
        ("就读方式", "study_mode", "半寄宿", "半**"),
        ("是否进城务工人员随迁子女", "migrant", "不清楚", "不**"),
        ("专家评估日期", "expert_assessed_on", "2018-13-45", "2018-13-45"),
    ],
)
def test_an_unreadable_optional_cell_keeps_the_record_with_a_warning(
    tmp_path: Path, column: str, field: str, value: str, shown: str
) -> None:
    data = HEADER + ROWS[0] + _with_cell(ROWS[1], column, value)
    status, report, text = _audit(_students(tmp_path, data.encode()))
    [(line, named, reason)] = _warnings(report)
    assert (0, 3, field, shown, []) == (status, line, named, reason["got"], _rejected_lines(report))
    assert (2, 2, 0) == tuple(
        _input(report, "students.csv")[k] for k in ("rows", "records", "rejected")
    )
    if shown != value:
        assert value not in text


def test_an_unreadable_cell_of_a_field_the_record_needs_still_rejects_the_row(
    tmp_path: Path,
) -> None:
    data = HEADER + ROWS[0] + _with_cell(ROWS[1], "状态变动日期", "2018-13-45")
    status, report, _ = _audit(_students(tmp_path, data.encode()))
    assert (1, [(3, "status_since", ("INPUT.NO_SUCH_DATE",))], []) == (
        status,
        _rejected_lines(report),
        _warnings(report),
    )


def test_a_record_with_two_unreadable_optional_cells_is_kept_with_two_warnings(
    tmp_path: Path,
) -> None:
    row = _with_cell(_with_cell(ROWS[0], "是否留守儿童", "不详"), "就读方式", "不详")
    _, report, _ = _audit(_students(tmp_path, (HEADER + row).encode()))
    assert ["study_mode", "left_behind"] == [field for _, field, _ in _warnings(report)] or [
        "left_behind",
        "study_mode",
    ] == [field for _, field, _ in _warnings(report)]
    assert 1 == _input(report, "students.csv")["records"]


def test_a_population_row_with_an_unreadable_death_date_is_rejected_not_read_as_alive(
    tmp_path: Path,
) -> None:
    lines = (DEMO / "population.csv").read_text(encoding="gb18030").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    cells = lines[1].rstrip("\n").split(",")
    cells[header.index("死亡日期")] = "2018-02-30"
    (tmp_path / "population.csv").write_text(lines[0] + ",".join(cells) + "\n", encoding="utf-8")
    _, report, _ = _audit(tmp_path)
    assert [(2, "deceased_on", ("INPUT.NO_SUCH_DATE",))] == _rejected_lines(report)


# A headerless file, a header in an unknown language ------------------------------------------


def test_a_headerless_csv_is_said_once_and_its_first_row_not_shown(tmp_path: Path) -> None:
    folder = _students(tmp_path, "".join(ROWS[:5]).encode())
    status, report, text = _audit(folder)
    [finding] = report["findings"]
    assert (1, "INPUT-001", 1, ["INPUT.NO_HEADER"]) == (
        status,
        finding["rule"],
        finding["source"]["line"],
        finding["reasons"],
    )
    assert "student_number (学籍号)" in finding["message"]["en"]
    assert (5, 0, 5) == tuple(
        _input(report, "students.csv")[k] for k in ("rows", "records", "rejected")
    )
    first = ROWS[0].split(",")
    plain = io.StringIO()
    main(["audit", str(folder), "--as-of", AS_OF], stdout=plain)
    for value in (first[0], first[1], first[3]):  # student number, resident ID, name
        assert value not in text
        assert value not in plain.getvalue()


def test_a_header_in_an_unknown_language_is_said_once_naming_the_columns_expected(
    tmp_path: Path,
) -> None:
    header = ",".join(f"ustun{index}" for index in range(len(COLUMNS))) + "\n"
    status, report, _ = _audit(_students(tmp_path, (header + "".join(ROWS[:5])).encode()))
    [finding] = report["findings"]
    assert (1, 1, ["INPUT.HEADER_UNKNOWN"]) == (
        status,
        finding["source"]["line"],
        finding["reasons"],
    )
    assert "学籍号" in finding["message"]["zh"]
    assert (5, 0, 5) == tuple(
        _input(report, "students.csv")[k] for k in ("rows", "records", "rejected")
    )


def test_a_header_with_one_known_column_is_read_as_a_header(tmp_path: Path) -> None:
    header = "学籍号,ustun1\n"
    _, report, _ = _audit(_students(tmp_path, (header + "G622921201110013419,x\n").encode()))
    assert ["INPUT.MISSING"] == [
        code for f in report["findings"] if f["rule"] == "INPUT-001" for code in f["reasons"]
    ]


# A kind not read: its figures are not known, never "out of school" -----------------------

POPULATION_BYTES = (DEMO / "population.csv").read_bytes()


def _not_known(report: dict[str, Any]) -> dict[str, str]:
    return {item["figure"]: item["reason"]["code"] for item in report["metrics"]["not_known"]}


@pytest.mark.parametrize(
    ("students", "code"),
    [
        pytest.param(
            b"\xff\xfe" + "学籍号\n".encode("utf-16-le"), "METRIC.KIND_NOT_READ", id="unreadable"
        ),
        pytest.param(("".join(ROWS[:3])).encode(), "METRIC.KIND_NOT_READ", id="headerless"),
        pytest.param(None, "METRIC.KIND_ABSENT", id="misnamed"),
    ],
)
def test_without_the_students_whereabouts_are_not_known_not_out_of_school(
    tmp_path: Path, students: bytes | None, code: str
) -> None:
    (tmp_path / "population.csv").write_bytes(POPULATION_BYTES)
    if students is None:
        (tmp_path / "学生.csv").write_bytes((HEADER + "".join(ROWS[:3])).encode())
    else:
        _students(tmp_path, students)
    _, report, _ = _audit(tmp_path)
    plain = io.StringIO()
    main(["audit", str(tmp_path), "--as-of", AS_OF], stdout=plain)
    assert (None, code) == (report["metrics"]["whereabouts"], _not_known(report)["whereabouts"])
    assert "Children by whereabouts" not in plain.getvalue()
    assert "Not known: whereabouts" in plain.getvalue()


def test_with_the_students_read_whereabouts_are_counted(tmp_path: Path) -> None:
    (tmp_path / "population.csv").write_bytes(POPULATION_BYTES)
    (tmp_path / "students.csv").write_bytes((DEMO / "students.csv").read_bytes())
    _, report, _ = _audit(tmp_path)
    assert ({}, True) == (
        _not_known(report),
        report["metrics"]["whereabouts"]["total"]["in_school"] > 3000,
    )


UNREADABLE = b"\xff\xfe" + "x\n".encode("utf-16-le")


def test_an_unreadable_certificates_file_leaves_the_completers_not_known(tmp_path: Path) -> None:
    (tmp_path / "students.csv").write_bytes((DEMO / "students.csv").read_bytes())
    (tmp_path / "certificates.csv").write_bytes(UNREADABLE)
    _, report, _ = _audit(tmp_path)
    plain = io.StringIO()
    main(["audit", str(tmp_path), "--as-of", AS_OF], stdout=plain)
    retention = report["metrics"]["retention"]
    said = retention["certificates_not_known"]
    assert ("RETENTION.CERTIFICATES_NOT_READ", "certificates.csv") == (
        said["code"],
        said["files"],
    )
    with_rate = [c for c in retention["total"] if c["why_not"]["code"] == said["code"]]
    assert with_rate  # every cohort with entrants says why, and none gives a rate
    assert all(
        (c["completers_all"], c["inflation"], c["rate_all"], c["rate_passing"])
        == (None, None, None, None)
        for c in with_rate
    )
    assert "the certificates file could not be read (certificates.csv)" in plain.getvalue()


def test_an_unreadable_cases_file_is_named_where_the_ledger_would_be(tmp_path: Path) -> None:
    (tmp_path / "students.csv").write_bytes((DEMO / "students.csv").read_bytes())
    (tmp_path / "cases.csv").write_bytes(UNREADABLE)
    _, report, _ = _audit(tmp_path)
    skipped = {s["rule"]: s["reason"] for s in report["skipped_rules"]}
    assert {"RULE.FILE_NOT_READ"} == {skipped[f"DO-00{n}"]["code"] for n in range(1, 10)}
    assert "cases.csv" == skipped["DO-001"]["files"]
    assert ("METRIC.KIND_NOT_READ", None) == (
        _not_known(report)["ledger"],
        report["metrics"]["ledger"],
    )


# Data on a second sheet -------------------------------------------------------------------


@pytest.mark.parametrize("second", [True, False])
def test_data_on_a_second_sheet_is_named_as_not_read(tmp_path: Path, second: bool) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(COLUMNS)
    book.active.append(ROWS[0].rstrip("\n").split(","))
    extra = book.create_sheet("转出学生")
    if second:
        extra.append(COLUMNS)
        extra.append(ROWS[1].rstrip("\n").split(","))
    book.save(tmp_path / "students.xlsx")
    _, report, _ = _audit(tmp_path)
    expected = ["students.xlsx (sheet '转出学生')"] if second else []
    assert (expected, 1) == (report["unknown_files"], _input(report, "students.xlsx")["records"])


# A rule that needs a field not read skips the record, and the report counts it ------------


def _left_behind_rules() -> RuleRegistry:
    registry = RuleRegistry()

    @rule(
        "REG-901",
        severity=Severity.INFO,
        about="students",
        title=("留守儿童", "left-behind child"),
        message=("留守儿童", "a left-behind child"),
        needs_fields=["students.left_behind"],
        registry=registry,
    )
    def left_behind(student: StudentRecord, context: RuleContext[Bundle]) -> Iterator[Observation]:
        """A left-behind child (留守儿童); a record whose flag was not read is skipped."""
        if student.left_behind is None:
            return
        yield from ()

    return registry


def test_a_rule_that_needs_a_field_not_read_counts_the_records_it_skips(tmp_path: Path) -> None:
    unread = [_with_cell(row, "是否留守儿童", "不详") for row in ROWS[1:3]]
    _students(tmp_path, (HEADER + ROWS[0] + "".join(unread)).encode())
    report = audit(tmp_path, as_of=dt.date(2019, 3, 20), rules=_left_behind_rules())
    assert {"REG-901": 2} == dict(report.metrics.records_skipped)


def test_a_rule_whose_fields_were_all_read_skips_nothing(tmp_path: Path) -> None:
    _students(tmp_path, (HEADER + "".join(ROWS[:3])).encode())
    report = audit(tmp_path, as_of=dt.date(2019, 3, 20), rules=_left_behind_rules())
    assert {} == dict(report.metrics.records_skipped)
