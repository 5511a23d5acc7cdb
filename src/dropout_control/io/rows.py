"""Rows of an input file, read lazily: where each row is, and its cells by column.

Every reader returns a :class:`Table`: the header (for formats that have one) and a
generator of rows. A row is ``(SourceLocation, dict)``, or ``(SourceLocation, BadRow)``
for a row the format itself cannot give as cells (more cells than the header, a line
that is not a JSON object): the caller turns that into an INPUT-001 rejection, so every
row read is accounted for. Nothing is held in memory beyond the row being read.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path
from typing import Final

import attrs

from dropout_control.errors import UnreadableInput
from dropout_control.findings import SourceLocation
from dropout_control.reasons import Stated, reason

__all__ = ["FORMATS", "ROW_FIELD", "BadRow", "Row", "Table", "read_table"]

# Why a file or a row cannot be read at all. ``detail`` is what the system or a parser
# said (in English: it is not the library's to word).
SYSTEM_ERROR: Final = reason("INPUT.SYSTEM_ERROR", "系统报错：{detail}", "{detail}")
ENCODING: Final = reason(
    "INPUT.ENCODING", "既不是 UTF-8 也不是 GB18030 编码", "the text is neither UTF-8 nor GB18030"
)
HEADER_UNREADABLE: Final = reason(
    "INPUT.HEADER_UNREADABLE", "表头无法读取：{detail}", "the header cannot be read: {detail}"
)
LINE_ENCODING: Final = reason(
    "INPUT.LINE_ENCODING",
    "本行的字节不符合文件的编码（UTF-8 或 GB18030）",
    "the bytes of this line do not fit the file's encoding (UTF-8 or GB18030)",
)
QUOTE_NOT_CLOSED: Final = reason(
    "INPUT.QUOTE_NOT_CLOSED",
    "本行有未闭合的引号：该字段不能跨行，本行未读入，下一行照常读取",
    "a quote opened on this line is not closed on it: the field may not run over lines; "
    "the line was not read and reading goes on at the next line",
)
NOT_CSV_ROW: Final = reason("INPUT.NOT_CSV_ROW", "不是 CSV 行：{detail}", "not a CSV row: {detail}")
TOO_MANY_CELLS: Final = reason(
    "INPUT.TOO_MANY_CELLS",
    "本行有 {cells} 个单元格，多于表头的 {columns} 列",
    "{cells} cells in a row under a header of {columns} columns",
)
NOT_JSON: Final = reason(
    "INPUT.NOT_JSON", "不是 JSON 对象：{detail}", "not a JSON object: {detail}"
)
NOT_JSON_OBJECT: Final = reason(
    "INPUT.NOT_JSON_OBJECT", "不是 JSON 对象，而是 {type}", "not a JSON object: {type}"
)
UNKNOWN_FORMAT: Final = reason(
    "INPUT.UNKNOWN_FORMAT",
    "未知的文件格式 {suffix!r}：应为 .csv、.jsonl 或 .xlsx",
    "unknown format {suffix!r}: expected .csv, .jsonl or .xlsx",
)

ROW_FIELD: Final = "*row*"
"""The field a rejection names when the whole row is at fault, not one of its cells."""


@attrs.frozen
class BadRow:
    """A row the file's format cannot give as cells, and why (never with its content)."""

    reason: Stated
    field: str = ROW_FIELD


Row = tuple[SourceLocation, dict[str, object] | BadRow]
"""One row read: where it is, and its cells by key (or why it could not be read)."""

RowReader = Callable[[Sequence[str] | None], Iterator[Row]]


@attrs.frozen
class Table:
    """The rows of one file.

    ``columns`` is the header as written (stripped), or None for a format without one
    (JSON Lines: each object names its own keys); ``header_line`` is where the header is;
    ``unread_sheets`` names the sheets of a workbook, past the first, that hold data and
    are not read.
    Each call of :meth:`rows` reads the rows anew.
    """

    file: str
    columns: tuple[str, ...] | None
    _reader: RowReader = attrs.field(alias="reader", repr=False)
    header_line: int = 1
    unread_sheets: tuple[str, ...] = ()

    def rows(self, keys: Sequence[str] | None = None) -> Iterator[Row]:
        """The rows as a generator, each dict keyed by ``keys`` (one per column).

        ``keys`` defaults to the columns; it can be given only for a format with a header
        (the converter passes the canonical field of each column, so no row is built
        twice).
        """
        if keys is not None and (self.columns is None or len(keys) != len(self.columns)):
            raise ValueError("keys must name each column of a table that has a header")
        return self._reader(keys)

    def __iter__(self) -> Iterator[Row]:
        return self.rows()


def _csv(path: Path, multiline_fields: Collection[str] = ()) -> Table:
    from dropout_control.io.csv_rows import read_csv  # noqa: PLC0415 - one format at a time

    return read_csv(path, multiline_fields=multiline_fields)


def _jsonl(path: Path, multiline_fields: Collection[str] = ()) -> Table:
    from dropout_control.io.jsonl_rows import read_jsonl  # noqa: PLC0415

    return read_jsonl(path)


def _xlsx(path: Path, multiline_fields: Collection[str] = ()) -> Table:
    from dropout_control.io.xlsx_rows import read_xlsx  # noqa: PLC0415 - needs the excel extra

    return read_xlsx(path)


FORMATS: Final = {".csv": _csv, ".jsonl": _jsonl, ".xlsx": _xlsx}
"""The readers by file suffix."""


def read_table(path: Path, *, multiline_fields: Collection[str] = ()) -> Table:
    """Open a file of any known format (by its suffix, in any case) as a :class:`Table`.

    ``multiline_fields`` names the fields whose CSV cells may run over several lines.

    Raises :class:`~dropout_control.errors.UnreadableInput` for a file that cannot be
    read at all (missing, undecodable, an unknown suffix, Excel without the extra).
    """
    reader = FORMATS.get(path.suffix.lower())
    if reader is None:
        raise UnreadableInput(path, UNKNOWN_FORMAT, facts={"suffix": path.suffix})
    return reader(path, multiline_fields)
