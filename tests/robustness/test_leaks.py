"""No leak, no injection: hostile folders and what every output format shows of them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dropout_control.cli import main
from dropout_control.io.reports import safe_csv_cell
from tests.robustness.leak_outputs import AS_OF, audit_outputs, clear_forms, leaked

GIRL_ID = "622921201209010429"
BOY_ID = "622921201209010314"
STUDENT_HEADER = "学籍号,身份证件号,姓名,性别,出生日期,学校标识码,年级,入学年月,学籍状态\n"
TRANSFER_HEADER = (
    "转学编号,学籍号,转出学校标识码,转入学校标识码,申请日期,转出年级,转入年级,"
    "转入学校审核日期,转入地教育行政部门审核日期,转出学校审核日期,转出地教育行政部门审核日期,"
    "转学状态,完成日期\n"
)


def _student(resident_id: str, name: str, **cells: str) -> str:
    birth = resident_id[6:14]
    row = {
        "student_number": "G" + resident_id,
        "resident_id": resident_id,
        "name": name,
        "sex": "女",
        "birth_date": f"{birth[:4]}-{birth[4:6]}-{birth[6:]}",
        "school_id": "2162001234",
        "grade": "一年级",
        "entry_date": "201909",
        "status": "在读",
    }
    row.update(cells)
    return ",".join(row.values()) + "\n"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_headerless_csv_shows_no_cell_of_its_first_row(tmp_path: Path) -> None:
    # The first data row is taken for the header: its cells were listed as columns not read.
    folder = _write(
        tmp_path / "in", "students.csv", _student(GIRL_ID, "马小花") + _student(BOY_ID, "韩强斌")
    )
    outputs = audit_outputs(folder)
    assert [] == leaked(outputs, (*clear_forms(GIRL_ID), *clear_forms(BOY_ID), "马小花", "韩强斌"))
    document = json.loads(outputs["json"][1])
    # The file is said to have no header (once), and none of its cells is listed.
    assert "students.csv" not in document["unknown_columns"]
    assert any(
        finding["source"]["file"] == "students.csv" and finding["rule"] == "INPUT-001"
        for finding in document["findings"]
    )


def test_the_columns_of_a_real_header_are_shown_as_written_unless_they_look_personal(
    tmp_path: Path,
) -> None:
    header = STUDENT_HEADER.rstrip("\n") + ",备注," + GIRL_ID + ",2012-09-01\n"
    folder = _write(tmp_path / "in", "students.csv", header + _student(BOY_ID, "韩强斌"))
    _, text = audit_outputs(folder)["json"]
    assert ["备注", "622921**********29", "2012******"] == json.loads(text)["unknown_columns"][
        "students.csv"
    ]


def test_an_id_number_in_groups_in_a_date_cell_is_masked_in_the_reason(tmp_path: Path) -> None:
    grouped = "6229 2120 1209 0104 29"
    dashed = "622921-20120901-0429"
    rows = _student(BOY_ID, "韩强斌", birth_date=grouped) + _student(
        "622921201209010533", "马小明", entry_date=dashed
    )
    folder = _write(tmp_path / "in", "students.csv", STUDENT_HEADER + rows)
    outputs = audit_outputs(folder)
    assert [] == leaked(outputs, (GIRL_ID, grouped, dashed, "韩强斌", "马小明"))
    findings = [json.loads(line) for line in outputs["jsonl"][1].splitlines()[:-1]]
    rejected = [f for f in findings if f["rule"] == "INPUT-001"]
    assert [("students.csv", 2, "birth_date"), ("students.csv", 3, "entry_date")] == [
        (f["source"]["file"], f["source"]["line"], f["facts"]["field"]) for f in rejected
    ]
    assert "622921**********29" in rejected[1]["message"]["en"]


def test_unknown_json_keys_that_look_personal_are_masked(tmp_path: Path) -> None:
    line = {
        "resident_id": "622921201112055874",
        "grounds": "health",
        "approved_by": "township_government",
        "approved_on": "2018-08-10",
        "until": "2019-08-31",
        GIRL_ID: "马小花",
        "note": "x",
    }
    folder = _write(tmp_path / "in", "deferrals.jsonl", json.dumps(line, ensure_ascii=False) + "\n")
    outputs = audit_outputs(folder)
    assert [] == leaked(outputs, (GIRL_ID, "马小花"))
    assert ["622921**********29", "note"] == json.loads(outputs["json"][1])["unknown_columns"][
        "deferrals.jsonl"
    ]


def test_birth_dates_in_messages_are_masked_in_every_format_and_the_days_apart_given(
    tmp_path: Path,
) -> None:
    # Born 2012-09-04 says the record; 2012-09-01 says the ID number: ID-002, 3 days apart.
    folder = _write(
        tmp_path / "in",
        "students.csv",
        STUDENT_HEADER + _student(GIRL_ID, "马小花", birth_date="2012-09-04"),
    )
    outputs = audit_outputs(folder)
    assert [] == leaked(outputs, ("2012-09-01", "2012-09-04", GIRL_ID, "马小花"))
    assert (
        "2012-**-** differs from 2012-**-** in the resident ID number (3 days apart)"
        in (outputs["text"][1])
    )
    [finding] = [f for f in json.loads(outputs["json"][1])["findings"] if f["rule"] == "ID-002"]
    assert 3 == finding["facts"]["days_apart"]
    revealed = audit_outputs(folder, "--reveal")
    assert "2012-09-04 differs from 2012-09-01" in revealed["text"][1]


def _transfer(transfer_id: str, **cells: str) -> str:
    row = {
        "transfer_id": transfer_id,
        "student_number": "G622921200811189287",
        "from_school": "2162101104",
        "to_school": "2162101105",
        "applied_on": "20180917",
        "grade_before": "4",
        "grade_after": "3",
        "receiving_school_on": "20180919",
        "receiving_bureau_on": "20180926",
        "sending_school_on": "20180929",
        "sending_bureau_on": "20181008",
        "status": "已完成",
        "completed_on": "20181008",
    }
    row.update(cells)
    return ",".join(row.values()) + "\n"


def test_csv_report_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    # A tab or a carriage return that starts a cell is stripped by the reader; it is
    # neutralised all the same (see safe_csv_cell).
    hostile = ('=HYPERLINK("http://x";"y")', "+1+2", "-3+4", "@SUM(A1)")
    rows = "".join(_transfer(text) for text in hostile)
    folder = _write(tmp_path / "in", "transfers.csv", TRANSFER_HEADER + rows)
    _, text = audit_outputs(folder)["csv"]
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    subjects = {row[3] for row in csv.reader(io.StringIO(text)) if row[0] == "TR-003"}
    assert {"'" + text for text in hostile} == subjects
    assert ["'\tTAB", "'\rCR"] == [safe_csv_cell("\tTAB"), safe_csv_cell("\rCR")]


def test_a_clean_csv_report_keeps_its_cells_as_they_are(tmp_path: Path) -> None:
    folder = _write(tmp_path / "in", "transfers.csv", TRANSFER_HEADER + _transfer("ZX2018-0001"))
    _, text = audit_outputs(folder)["csv"]
    subjects = {row[3] for row in csv.reader(io.StringIO(text)) if row[0] == "TR-003"}
    assert {"ZX2018-0001"} == subjects


def test_control_characters_from_the_input_are_shown_escaped_in_the_text_report(
    tmp_path: Path,
) -> None:
    folder = _write(
        tmp_path / "in", "transfers.csv", TRANSFER_HEADER + _transfer("ZX\x1b[2J\x9b1m\u202e")
    )
    (folder / "notes\x1b]0;owned\x07.csv").write_text("x\n", encoding="utf-8")
    _write(folder, "students.csv", STUDENT_HEADER.rstrip("\n") + ",\x1b[31mred\n")
    status, text = audit_outputs(folder)["text"]
    assert 1 == status
    assert not [ch for ch in text if ch in "\x1b\x07\x9b\u202e"]
    assert "ZX\\x1b[2J\\x9b1m\\u202e" in text
    assert "notes\\x1b]0;owned\\x07.csv" in text
    assert "\\x1b[31mred" in text


def test_whereabouts_text_escapes_what_the_folder_holds(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "in",
        "students.csv",
        STUDENT_HEADER + _student(GIRL_ID, "马小花", school_id="21620\x1b[2J01234"),
    )
    out = io.StringIO()
    main(["whereabouts", str(folder), "G" + GIRL_ID, "--as-of", AS_OF], stdout=out)
    assert "\x1b" not in out.getvalue()
    assert "\\x1b[2J" in out.getvalue()
    assert GIRL_ID not in out.getvalue()


def test_every_finding_that_uses_a_birth_date_states_the_age_or_the_days_it_used() -> None:
    demo = Path(__file__).parents[2] / "examples" / "linxia-demo"
    findings = json.loads(audit_outputs(demo, "--jurisdiction", "622900")["json"][1])["findings"]
    dated = [f for f in findings if any(key.endswith("birth_date") for key in f["facts"])]
    assert {"AGE-001", "AGE-002", "AGE-003", "AGE-005", "ID-002"} <= {f["rule"] for f in dated}
    without = [
        f["rule"]
        for f in dated
        if not any(key.startswith("age") or key == "days_apart" for key in f["facts"])
    ]
    assert [] == without
    deferral = next(f for f in dated if f["rule"] == "AGE-003")
    assert isinstance(deferral["facts"]["age_at_until"], int)


def test_a_birth_date_shifted_into_another_column_is_masked_in_the_reason(tmp_path: Path) -> None:
    # Found by the fuzz run: a header cell lost, every cell moves left one column, and the
    # birth date lands in the sex column, where it was quoted in clear.
    row = _student(GIRL_ID, "马小花", sex="20120901")
    folder = _write(tmp_path / "in", "students.csv", STUDENT_HEADER + row)
    outputs = audit_outputs(folder)
    assert [] == leaked(outputs, ("20120901", "2012-09-01", GIRL_ID, "马小花"))
    [rejected] = [f for f in json.loads(outputs["json"][1])["findings"] if f["rule"] == "INPUT-001"]
    assert ("sex", "2012****") == (rejected["facts"]["field"], rejected["facts"]["reason"]["got"])


def test_a_bad_date_that_is_no_real_day_is_still_shown_as_written(tmp_path: Path) -> None:
    row = _student(GIRL_ID, "马小花", birth_date="2012-13-45")
    folder = _write(tmp_path / "in", "students.csv", STUDENT_HEADER + row)
    findings = json.loads(audit_outputs(folder)["json"][1])["findings"]
    [rejected] = [f for f in findings if f["rule"] == "INPUT-001"]
    assert "2012-13-45" == rejected["facts"]["reason"]["got"]


def test_a_header_that_an_unclosed_quote_ran_into_the_rows_shows_no_cell_of_them(
    tmp_path: Path,
) -> None:
    # Found by the fuzz run: a quote opened in the header takes the lines below into one
    # cell, and the cells after the closing quote on a data line became header names.
    header = '"",身份证件号,"身份证件类型' + STUDENT_HEADER[12:]
    rows = '",' + _student(GIRL_ID, "马小花") + _student(BOY_ID, "韩强斌")
    folder = _write(tmp_path / "in", "students.csv", (header + rows).replace("\n", "\r"))
    outputs = audit_outputs(folder)
    assert [] == leaked(outputs, (*clear_forms(GIRL_ID), *clear_forms(BOY_ID), "马小花", "韩强斌"))


def test_an_error_line_on_stderr_escapes_the_controls_of_a_folder_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "exports\x1b[2J"
    folder.mkdir()
    status = main(["audit", str(folder), "--as-of", AS_OF])
    error = capsys.readouterr().err
    assert (2, False, True) == (status, "\x1b" in error, "\\x1b[2J" in error)
