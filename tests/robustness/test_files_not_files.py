"""Files that are not files: FIFOs, devices, corrupt and inflating workbooks, IDs stored
as numbers."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from dropout_control.errors import UnreadableInput
from dropout_control.io import xlsx_rows
from dropout_control.io.folder import read_folder
from tests.robustness.leak_outputs import AS_OF, audit_outputs, leaked

openpyxl = pytest.importorskip("openpyxl")

DEMO = Path(__file__).parents[2] / "examples" / "linxia-demo"
GIRL_ID = "622921201209010429"
HEADER = [
    "学籍号",
    "身份证件号",
    "姓名",
    "性别",
    "出生日期",
    "学校标识码",
    "年级",
    "入学年月",
    "学籍状态",
]


def _row(resident_id: object, number: str = "G" + GIRL_ID) -> list[object]:
    return [
        number,
        resident_id,
        "马小花",
        "女",
        "2012-09-01",
        "2162001234",
        "一年级",
        "201909",
        "在读",
    ]


def _workbook_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rezipped(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """The workbook ``data`` with some members replaced (or removed, for None)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            body = change.get(name, source.read(name))
            if body is not None:
                target.writestr(name, body)
    return out.getvalue()


def _audit_subprocess(folder: Path) -> subprocess.CompletedProcess[str]:
    # In a process of its own, with a timeout: a FIFO that is opened blocks for ever.
    command = [sys.executable, "-m", "dropout_control", "audit", str(folder), "--as-of", AS_OF]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def _students_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DEMO / "students.csv", folder / "students.csv")
    return folder


def test_a_fifo_named_like_an_input_is_listed_as_not_read_and_does_not_hang(
    tmp_path: Path,
) -> None:
    folder = _students_folder(tmp_path)
    os.mkfifo(folder / "population.csv")
    done = _audit_subprocess(folder)
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1)
    assert "population.csv:1" in done.stdout
    assert "INPUT.NOT_REGULAR_FILE]" in done.stdout


def test_a_link_to_an_endless_device_is_not_read(tmp_path: Path) -> None:
    folder = _students_folder(tmp_path)
    (folder / "population.jsonl").symlink_to("/dev/zero")
    (folder / "transfers.csv").symlink_to("/dev/null")
    read = read_folder(folder)
    assert {"population.jsonl", "transfers.csv"} == set(read.unreadable)
    assert {"INPUT.NOT_REGULAR_FILE"} == {stated.code for stated in read.unreadable.values()}
    assert "character_device" == read.unreadable["population.jsonl"].facts["file_type"]
    [students] = read.inputs
    assert students.rows == students.records + students.rejected > 0


def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "students.csv").symlink_to(DEMO / "students.csv")
    read = read_folder(folder)
    assert {} == dict(read.unreadable)
    assert read.inputs[0].records > 0


def _corrupt_workbooks() -> dict[str, bytes]:
    good = _workbook_bytes([HEADER, _row(GIRL_ID)])
    sheet = "xl/worksheets/sheet1.xml"
    sheet_xml = zipfile.ZipFile(io.BytesIO(good)).read(sheet)
    workbook_xml = zipfile.ZipFile(io.BytesIO(good)).read("xl/workbook.xml")
    no_sheets = (
        workbook_xml.split(b"<sheets>")[0] + b"<sheets/>" + workbook_xml.split(b"</sheets>")[1]
    )
    return {
        "not_a_zip": b"PK\x03\x04 this is not a workbook",
        "truncated": good[: len(good) // 2],
        "bad_xml": _rezipped(good, {sheet: sheet_xml[: len(sheet_xml) // 2]}),
        "control_characters": _rezipped(
            good, {sheet: sheet_xml.replace(b"<sheetData>", b"<sheetData>\x01\x02")}
        ),
        "no_sheets": _rezipped(good, {"xl/workbook.xml": no_sheets}),
        "sheet_missing": _rezipped(good, {sheet: None}),
    }


@pytest.mark.parametrize("kind", sorted(_corrupt_workbooks()))
def test_a_corrupt_workbook_is_one_clear_finding_at_line_one(tmp_path: Path, kind: str) -> None:
    folder = _students_folder(tmp_path)
    (folder / "population.xlsx").write_bytes(_corrupt_workbooks()[kind])
    outputs = audit_outputs(folder)
    status, text = outputs["json"]
    assert status in (0, 1)
    findings = json.loads(text)["findings"]
    about = [f for f in findings if f["source"] and f["source"]["file"] == "population.xlsx"]
    assert [("INPUT-001", 1)] == [(f["rule"], f["source"]["line"]) for f in about]
    assert "INPUT.FILE_UNREADABLE" == about[0]["reasons"][0]
    assert about[0]["reasons"][1].startswith("INPUT.XLSX_")
    assert [] == leaked(outputs, (GIRL_ID, "马小花"))


def test_a_workbook_corrupt_after_its_first_rows_keeps_them_and_says_where_it_broke(
    tmp_path: Path,
) -> None:
    rows = [HEADER] + [_row(GIRL_ID) for _ in range(30)]
    good = _workbook_bytes(rows)
    sheet = "xl/worksheets/sheet1.xml"
    xml = zipfile.ZipFile(io.BytesIO(good)).read(sheet)
    cut = xml.index(b'<row r="20"')
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "students.xlsx").write_bytes(_rezipped(good, {sheet: xml[:cut] + b'<row r="20"><c'}))
    read = read_folder(folder)
    [summary] = read.inputs
    assert summary.rows == summary.records + summary.rejected
    last = read.rejections[-1]
    assert "INPUT.XLSX_BROKEN_SHEET" == last.reason.code
    assert summary.rows >= 18


def test_a_workbook_that_inflates_beyond_the_cap_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _workbook_bytes([HEADER, _row(GIRL_ID)])
    sheet = "xl/worksheets/sheet1.xml"
    xml = zipfile.ZipFile(io.BytesIO(good)).read(sheet)
    padded = xml.replace(b"<sheetData>", b"<sheetData>" + b" " * (4 << 20))
    monkeypatch.setattr(xlsx_rows, "XLSX_UNCOMPRESSED_LIMIT", 2 << 20)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl was asked to open a workbook over the cap")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "students.xlsx").write_bytes(_rezipped(good, {sheet: padded}))
    read = read_folder(folder)
    stated = read.unreadable["students.xlsx"]
    assert "INPUT.XLSX_TOO_LARGE" == stated.code
    assert 2 << 20 == stated.facts["limit"]


def test_a_workbook_whose_directory_claims_gigabytes_is_refused(tmp_path: Path) -> None:
    good = _workbook_bytes([HEADER, _row(GIRL_ID)])
    # The central directory's record of the sheet says it inflates to 4 GiB - 1.
    record = good.rindex(
        b"PK\x01\x02", 0, good.index(b"xl/worksheets/sheet1.xml", good.index(b"PK\x01\x02"))
    )
    size_at = record + 24
    lying = good[:size_at] + (0xFFFFFFFE).to_bytes(4, "little") + good[size_at + 4 :]
    path = tmp_path / "students.xlsx"
    path.write_bytes(lying)
    with pytest.raises(UnreadableInput) as caught:
        xlsx_rows.read_xlsx(path)
    assert "INPUT.XLSX_TOO_LARGE" == caught.value.code


def test_the_cap_leaves_room_for_a_prefecture_s_export() -> None:
    # 300,000 students of 25 cells, about 50 bytes of XML a cell: about 375 MB.
    assert 300_000 * 25 * 50 < xlsx_rows.XLSX_UNCOMPRESSED_LIMIT


@pytest.mark.parametrize(
    "written",
    [6.2292120120901e17, 622921201209010000, "6.22921201209010E+17", "6.2292E+17"],
    ids=["float", "int_lost_digits", "scientific_text", "scientific_short"],
)
def test_an_id_stored_as_a_number_is_named_so_not_a_wrong_check_character(
    tmp_path: Path, written: object
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "students.xlsx").write_bytes(_workbook_bytes([HEADER, _row(written)]))
    outputs = audit_outputs(folder)
    findings = json.loads(outputs["json"][1])["findings"]
    [bad] = [f for f in findings if f["rule"] == "ID-001"]
    assert ["ID.STORED_AS_NUMBER"] == bad["reasons"]
    assert ("students.xlsx", 2) == (bad["source"]["file"], bad["source"]["line"])


def test_an_id_written_as_text_in_a_workbook_is_valid(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "students.xlsx").write_bytes(_workbook_bytes([HEADER, _row(GIRL_ID)]))
    findings = json.loads(audit_outputs(folder)["json"][1])["findings"]
    assert [] == [f for f in findings if f["rule"] == "ID-001"]


def test_a_workbook_whose_compressed_sheet_is_damaged_is_a_finding_not_a_crash(
    tmp_path: Path,
) -> None:
    # Found by mutating workbooks: zlib's own error, or a CRC mismatch, from inside openpyxl.
    good = _workbook_bytes([HEADER] + [_row(GIRL_ID) for _ in range(40)])
    archive = zipfile.ZipFile(io.BytesIO(good))
    info = archive.getinfo("xl/worksheets/sheet1.xml")
    name_length = int.from_bytes(good[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_length = int.from_bytes(good[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    damaged = bytearray(good)
    for offset in range(info.compress_size // 3, info.compress_size // 3 + 8):
        damaged[start + offset] ^= 0xFF
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "students.xlsx").write_bytes(bytes(damaged))
    outputs = audit_outputs(folder)
    assert [] == leaked(outputs, (GIRL_ID, "马小花"))
    read = read_folder(folder)
    codes = {stated.code for stated in read.unreadable.values()} | {
        rejection.reason.code for rejection in read.rejections
    }
    assert codes & {"INPUT.XLSX_NOT_ZIP", "INPUT.XLSX_BAD_XML", "INPUT.XLSX_BROKEN_SHEET"}
    for summary in read.inputs:
        assert summary.rows == summary.records + summary.rejected


def test_a_workbook_of_a_zip_version_python_cannot_read_is_a_finding(tmp_path: Path) -> None:
    # Found by the fuzz run: one byte of the zip directory made it "version 6.4", and the
    # zip reader raised NotImplementedError before openpyxl was called.
    good = _workbook_bytes([HEADER, _row(GIRL_ID)])
    record = good.index(b"PK\x01\x02")  # the first entry of the central directory
    changed = good[: record + 6] + (64).to_bytes(2, "little") + good[record + 8 :]
    folder = _students_folder(tmp_path)
    (folder / "population.xlsx").write_bytes(changed)
    read = read_folder(folder)
    assert "INPUT.NOT_XLSX" == read.unreadable["population.xlsx"].code
    assert "zip file version 6.4" in str(read.unreadable["population.xlsx"].facts["detail"])


def test_a_workbook_whose_parts_are_marked_encrypted_is_a_finding(tmp_path: Path) -> None:
    # Found by the fuzz run: one bit of the zip directory marks a part as encrypted, and
    # the zip reader raised RuntimeError ("password required") from inside openpyxl.
    data = bytearray(_workbook_bytes([HEADER, _row(GIRL_ID)]))
    record = data.find(b"PK\x01\x02")
    while record != -1:
        data[record + 8] |= 0x01  # the general purpose flags: encrypted
        record = data.find(b"PK\x01\x02", record + 4)
    folder = _students_folder(tmp_path)
    (folder / "population.xlsx").write_bytes(bytes(data))
    read = read_folder(folder)
    assert "INPUT.NOT_XLSX" == read.unreadable["population.xlsx"].code
    assert "RuntimeError" in str(read.unreadable["population.xlsx"].facts["detail"])
