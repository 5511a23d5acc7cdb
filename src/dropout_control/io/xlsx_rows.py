"""Excel workbooks (.xlsx), the national registry's export format: the first sheet.

Needs the optional ``excel`` extra (openpyxl). The first row is the header; ``line``
is the sheet's row number. Only the first sheet is read: the other sheets that hold data
are named in the table (``unread_sheets``), so the report says they were not read. The
sheet is read in openpyxl's read-only mode, a row at a time; the dimensions the file
declares are not trusted (some exporters get them wrong).
"""

from __future__ import annotations

import importlib
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from dropout_control.errors import UnreadableInput
from dropout_control.findings import SourceLocation
from dropout_control.io.rows import TOO_MANY_CELLS, BadRow, Row, Table
from dropout_control.reasons import reason

__all__ = ["read_xlsx"]

EXTRA_NEEDED = reason(
    "INPUT.EXCEL_EXTRA_NEEDED",
    "读取 .xlsx 文件需要 openpyxl：请安装 dropout-control[excel]",
    "reading .xlsx files needs openpyxl: install dropout-control[excel]",
)
NOT_XLSX = reason(
    "INPUT.NOT_XLSX",
    "不是可读的 .xlsx 工作簿（{detail}）",
    "not a readable .xlsx workbook ({detail})",
)


# openpyxl ships no type information: the workbook is handled as Any.
Workbook = Any


def _open(path: Path) -> Workbook:
    try:
        openpyxl: Any = importlib.import_module("openpyxl")  # the optional excel extra
    except ImportError:
        raise UnreadableInput(path, EXTRA_NEEDED) from None
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableInput(path, NOT_XLSX, facts={"detail": str(error)}) from error


def read_xlsx(path: Path) -> Table:
    """The rows of the first sheet of a workbook; the header is read now."""
    book = _open(path)
    try:
        line, columns = next(
            (
                (number, cells)
                for number, cells in enumerate(_sheet_rows(book), start=1)
                if not _is_blank(cells)
            ),
            (1, ()),
        )
        unread = tuple(
            str(sheet.title)
            for sheet in book.worksheets[1:]
            if any(not _is_blank(cells) for cells in sheet.iter_rows(values_only=True))
        )
    finally:
        book.close()
    header = tuple("" if cell is None else str(cell).strip() for cell in columns)

    def rows(keys: Sequence[str] | None) -> Iterator[Row]:
        return _rows(path, tuple(header if keys is None else keys))

    return Table(path.name, header, rows, header_line=line, unread_sheets=unread)


def _sheet_rows(book: Workbook) -> Iterator[tuple[Any, ...]]:
    sheet: Any = book.worksheets[0]
    sheet.reset_dimensions()
    rows: Iterator[tuple[Any, ...]] = sheet.iter_rows(min_row=1, values_only=True)
    return rows


def _is_blank_cell(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _is_blank(cells: tuple[Any, ...]) -> bool:
    return not cells or (_is_blank_cell(cells[0]) and all(map(_is_blank_cell, cells)))


def _rows(path: Path, keys: tuple[str, ...]) -> Iterator[Row]:
    file = path.name
    width = len(keys)
    book = _open(path)
    try:
        header_seen = False
        for number, cells in enumerate(_sheet_rows(book), start=1):
            if _is_blank(cells):
                continue
            if not header_seen:
                header_seen = True
                continue
            where = SourceLocation(file, number)
            if len(cells) > width and not all(map(_is_blank_cell, cells[width:])):
                yield (
                    where,
                    BadRow(TOO_MANY_CELLS.given(cells=len(cells), columns=width)),
                )
                continue
            yield where, dict(zip(keys, cells, strict=False))
    finally:
        book.close()
