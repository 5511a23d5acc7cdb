"""Rows of an input file, read lazily: where each row is, and its cells by column.

Every reader returns a :class:`Table`: the header (for formats that have one) and a
generator of rows. A row is ``(SourceLocation, dict)``, or ``(SourceLocation, BadRow)``
for a row the format itself cannot give as cells (more cells than the header, a line
that is not a JSON object): the caller turns that into an INPUT-001 rejection, so every
row read is accounted for. Nothing is held in memory beyond the row being read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Final

import attrs

from dropout_control.errors import UnreadableInput
from dropout_control.findings import SourceLocation

__all__ = ["FORMATS", "ROW_FIELD", "BadRow", "Row", "Table", "read_table"]

ROW_FIELD: Final = "*row*"
"""The field a rejection names when the whole row is at fault, not one of its cells."""


@attrs.frozen
class BadRow:
    """A row the file's format cannot give as cells, and why (never with its content)."""

    reason: str
    field: str = ROW_FIELD


Row = tuple[SourceLocation, dict[str, object] | BadRow]
"""One row read: where it is, and its cells by key (or why it could not be read)."""

RowReader = Callable[[Sequence[str] | None], Iterator[Row]]


@attrs.frozen
class Table:
    """The rows of one file.

    ``columns`` is the header as written (stripped), or None for a format without one
    (JSON Lines: each object names its own keys); ``header_line`` is where the header is.
    Each call of :meth:`rows` reads the rows anew.
    """

    file: str
    columns: tuple[str, ...] | None
    _reader: RowReader = attrs.field(alias="reader", repr=False)
    header_line: int = 1

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


def _csv(path: Path) -> Table:
    from dropout_control.io.csv_rows import read_csv  # noqa: PLC0415 - one format at a time

    return read_csv(path)


def _jsonl(path: Path) -> Table:
    from dropout_control.io.jsonl_rows import read_jsonl  # noqa: PLC0415

    return read_jsonl(path)


def _xlsx(path: Path) -> Table:
    from dropout_control.io.xlsx_rows import read_xlsx  # noqa: PLC0415 - needs the excel extra

    return read_xlsx(path)


FORMATS: Final = {".csv": _csv, ".jsonl": _jsonl, ".xlsx": _xlsx}
"""The readers by file suffix."""


def read_table(path: Path) -> Table:
    """Open a file of any known format (by its suffix, in any case) as a :class:`Table`.

    Raises :class:`~dropout_control.errors.UnreadableInput` for a file that cannot be
    read at all (missing, undecodable, an unknown suffix, Excel without the extra).
    """
    reader = FORMATS.get(path.suffix.lower())
    if reader is None:
        raise UnreadableInput(
            path, f"unknown format {path.suffix!r}: expected .csv, .jsonl or .xlsx"
        )
    return reader(path)
