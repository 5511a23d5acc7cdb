"""Excel workbooks (.xlsx), the national registry's export format: the first sheet.

Needs the optional ``excel`` extra (openpyxl). The first row is the header; ``line``
is the sheet's row number. The sheet is read in openpyxl's read-only mode, a row at a
time; the dimensions the file declares are not trusted (some exporters get them wrong).

A workbook is a zip archive of XML parts, and one made by another program may be
anything: before openpyxl opens it, its zip directory is read and a workbook that would
inflate beyond :data:`XLSX_UNCOMPRESSED_LIMIT` is refused (a "zip bomb" of a megabyte
can claim gigabytes). A workbook that is not a zip archive, whose XML is broken, or that
has no sheet cannot be read, with a reason code for each; a sheet that breaks after
some rows keeps the rows read and gives one bad row where it broke.
"""

from __future__ import annotations

import importlib
import warnings
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final

from dropout_control.errors import UnreadableInput
from dropout_control.findings import SourceLocation
from dropout_control.io.rows import TOO_MANY_CELLS, BadRow, Row, Table
from dropout_control.reasons import Reason, reason

__all__ = ["XLSX_MEMBERS_LIMIT", "XLSX_UNCOMPRESSED_LIMIT", "read_xlsx"]

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
NOT_ZIP: Final = reason(
    "INPUT.XLSX_NOT_ZIP",
    "不是可读的 .xlsx 工作簿：不是完整的 zip 压缩包（{detail}）",
    "not a readable .xlsx workbook: not a whole zip archive ({detail})",
)
BAD_XML: Final = reason(
    "INPUT.XLSX_BAD_XML",
    "不是可读的 .xlsx 工作簿：XML 已损坏（{detail}）",
    "not a readable .xlsx workbook: its XML is broken ({detail})",
)
NO_SHEET: Final = reason(
    "INPUT.XLSX_NO_SHEET",
    "不是可读的 .xlsx 工作簿：没有工作表",
    "not a readable .xlsx workbook: it has no sheet",
)
TOO_LARGE: Final = reason(
    "INPUT.XLSX_TOO_LARGE",
    ".xlsx 工作簿解压后为 {size} 字节，超过上限 {limit} 字节（或含 {members} 个部件，上限 "
    "{members_limit} 个），未打开",
    "the .xlsx workbook inflates to {size} bytes, over the limit of {limit} (or holds "
    "{members} parts, over the limit of {members_limit}): not opened",
)
BROKEN_SHEET: Final = reason(
    "INPUT.XLSX_BROKEN_SHEET",
    "工作表自此行起已损坏，以下各行无法读取（{detail}）",
    "the sheet is broken from this row on: the rows below cannot be read ({detail})",
)

XLSX_UNCOMPRESSED_LIMIT: Final = 2 << 30
"""The most bytes a workbook's parts may inflate to, together (2 GiB).

openpyxl keeps a workbook's shared strings and styles in memory, and a zip archive of a
megabyte can inflate to gigabytes. The largest export a county or a prefecture makes
(300,000 students of 25 cells, some 50 bytes of XML a cell) inflates to about 400 MB;
a workbook that says it inflates to more than five times that is refused before it is
opened. Python's zip reader never inflates a part beyond the size the archive's
directory gives it, so the directory's sizes are a bound that holds."""

XLSX_MEMBERS_LIMIT: Final = 10_000
"""The most parts a workbook may hold: an export has a dozen or so; millions of empty
parts would exhaust memory in the directory alone."""

# What openpyxl and the libraries under it raise on a workbook that is not what it says:
# a broken zip (BadZipFile, zlib.error, EOFError), broken XML (a SyntaxError, as
# ElementTree's ParseError and lxml's errors are), parts missing or of the wrong shape
# (KeyError, IndexError, ValueError, TypeError, AttributeError), features it does not
# read (NotImplementedError; RuntimeError for a part marked as encrypted), and the file
# system (OSError).
_BROKEN: Final = (
    OSError,
    RuntimeError,
    EOFError,
    zipfile.BadZipFile,
    zlib.error,
    SyntaxError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    NotImplementedError,
)
_DETAIL_LENGTH: Final = 120


# openpyxl ships no type information: the workbook is handled as Any.
Workbook = Any


def _detail(error: BaseException) -> str:
    """What went wrong, in one short line (the parsers' messages give places, not text)."""
    lines = str(error).splitlines()
    text = f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
    return text[:_DETAIL_LENGTH]


def _reason_of(error: BaseException) -> Reason:
    if isinstance(error, zipfile.BadZipFile | zlib.error | EOFError):
        return NOT_ZIP
    if isinstance(error, SyntaxError):
        return BAD_XML
    return NOT_XLSX


def _check_size(path: Path) -> None:
    """Refuse, from its zip directory alone, a workbook too large to open."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except _BROKEN as error:  # NotImplementedError too: a zip version or method unknown
        raise UnreadableInput(path, _reason_of(error), facts={"detail": _detail(error)}) from None
    size = sum(member.file_size for member in members)
    if size > XLSX_UNCOMPRESSED_LIMIT or len(members) > XLSX_MEMBERS_LIMIT:
        raise UnreadableInput(
            path,
            TOO_LARGE,
            facts={
                "size": size,
                "limit": XLSX_UNCOMPRESSED_LIMIT,
                "members": len(members),
                "members_limit": XLSX_MEMBERS_LIMIT,
            },
        )


def _open(path: Path) -> Workbook:
    try:
        openpyxl: Any = importlib.import_module("openpyxl")  # the optional excel extra
    except ImportError:
        raise UnreadableInput(path, EXTRA_NEEDED) from None
    _check_size(path)
    try:
        with warnings.catch_warnings():
            # openpyxl warns of what it skips in a damaged workbook: not the user's concern.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except _BROKEN as error:
        raise UnreadableInput(path, _reason_of(error), facts={"detail": _detail(error)}) from None
    except openpyxl.utils.exceptions.InvalidFileException as error:
        raise UnreadableInput(path, NOT_XLSX, facts={"detail": _detail(error)}) from None
    if not book.worksheets:
        book.close()
        raise UnreadableInput(path, NO_SHEET)
    return book


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
        unread = _unread_sheets(book)
    except _BROKEN as error:
        raise UnreadableInput(path, _reason_of(error), facts={"detail": _detail(error)}) from None
    finally:
        book.close()
    header = tuple("" if cell is None else str(cell).strip() for cell in columns)

    def rows(keys: Sequence[str] | None) -> Iterator[Row]:
        return _rows(path, tuple(header if keys is None else keys))

    return Table(path.name, header, rows, header_line=line, unread_sheets=unread)


def _unread_sheets(book: Workbook) -> tuple[str, ...]:
    """The sheets after the first that hold data, or that cannot be read at all."""
    names: list[str] = []
    for sheet in book.worksheets[1:]:
        try:
            holds = any(not _is_blank(cells) for cells in sheet.iter_rows(values_only=True))
        except _BROKEN:
            holds = True  # a sheet that cannot be read is not read either: say so
        if holds:
            names.append(str(sheet.title))
    return tuple(names)


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
    number = 0
    try:
        header_seen = False
        sheet_rows = enumerate(_sheet_rows(book), start=1)
        while True:
            try:
                number, cells = next(sheet_rows)
            except StopIteration:
                return
            except _BROKEN as error:
                # The rows read so far stand; the rest of the sheet is one bad row.
                where = SourceLocation(file, number + 1)
                yield where, BadRow(BROKEN_SHEET.given(detail=_detail(error)))
                return
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
