"""Excel workbooks: the first sheet, its first row the header, lines the sheet's rows."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from dropout_control.errors import UnreadableInput
from dropout_control.findings import SourceLocation
from dropout_control.io.rows import TOO_MANY_CELLS, BadRow, read_table
from dropout_control.io.xlsx_rows import read_xlsx

openpyxl = pytest.importorskip("openpyxl")


def _workbook(path: Path, rows: Sequence[Sequence[object]], *, second_sheet: bool = False) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    if second_sheet:
        book.create_sheet("其他").append(["不读", "这一页"])
    book.save(path)
    return path


def test_the_first_sheet_is_read_with_sheet_row_numbers_and_cell_types(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "population.xlsx",
        [
            ["身份证号", "姓名", "出生日期", "户口所在地"],
            ["622921201209010429", "马小花", dt.datetime(2012, 9, 1), 622921],  # noqa: DTZ001
            [None, None, None, None],
            ["622921201209010314", "马小明", "2012/9/1", "622921"],
        ],
        second_sheet=True,
    )
    table = read_xlsx(path)
    assert (
        ("身份证号", "姓名", "出生日期", "户口所在地"),
        [
            (2, ["622921201209010429", "马小花", dt.datetime(2012, 9, 1), 622921]),  # noqa: DTZ001
            (4, ["622921201209010314", "马小明", "2012/9/1", "622921"]),
        ],
    ) == (
        table.columns,
        [(where.line, list(row.values())) for where, row in table.rows() if isinstance(row, dict)],
    )


def test_a_workbook_is_read_by_its_suffix(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "employment.xlsx", [["用人单位"], ["某某砖厂"]])
    assert [(SourceLocation("employment.xlsx", 2), {"用人单位": "某某砖厂"})] == list(
        read_table(path).rows()
    )


def test_a_row_wider_than_the_header_is_a_bad_row(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "employment.xlsx", [["用人单位"], ["某某砖厂", "多余"]])
    [(_, row)] = list(read_xlsx(path).rows())
    assert BadRow(TOO_MANY_CELLS.given(cells=2, columns=1)) == row


def test_sheet_rows_are_a_generator(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "employment.xlsx", [["用人单位"], ["某某砖厂"]])
    assert isinstance(read_xlsx(path).rows(), Iterator)


def test_a_file_that_is_not_a_workbook_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "students.xlsx"
    path.write_text("学籍号\n", encoding="utf-8")
    with pytest.raises(UnreadableInput, match=r"not a readable \.xlsx workbook"):
        read_xlsx(path)


def test_without_the_excel_extra_a_workbook_cannot_be_read_and_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _workbook(tmp_path / "students.xlsx", [["学籍号"]])
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if it were not installed
    with pytest.raises(UnreadableInput) as caught:
        read_xlsx(path)
    assert "reading .xlsx files needs openpyxl: install dropout-control[excel]" == (
        caught.value.reason
    )
