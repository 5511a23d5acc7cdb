"""CSV files: UTF-8 (with or without a byte-order mark) or GB18030, told apart by reading.

Chinese Excel saves CSV as GB18030 (its "ANSI" code page); the registry's web exports
write UTF-8, often with a byte-order mark. A file is read as UTF-8 when all of it
decodes as UTF-8, else as GB18030 when all of it decodes so; a file that is neither
cannot be read.

``line`` is the physical line where a row starts (the header is line 1); empty lines
are skipped and are not rows.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

from dropout_control.errors import UnreadableInput
from dropout_control.findings import SourceLocation
from dropout_control.io.rows import (
    ENCODING,
    HEADER_UNREADABLE,
    NOT_CSV_ROW,
    SYSTEM_ERROR,
    TOO_MANY_CELLS,
    BadRow,
    Row,
    Table,
)

__all__ = ["ENCODINGS", "detect_encoding", "read_csv"]

ENCODINGS: Final = ("utf-8-sig", "gb18030")
"""The encodings tried, in order."""

_CHUNK: Final = 1 << 20


def _decodes_as(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path) -> str:
    """The encoding a CSV file is written in: ``utf-8-sig`` or ``gb18030``.

    The file is read through once, a chunk at a time, without keeping it.
    """
    try:
        for encoding in ENCODINGS:
            if _decodes_as(path, encoding):
                return encoding
    except OSError as error:
        raise UnreadableInput(
            path, SYSTEM_ERROR, facts={"detail": error.strerror or str(error)}
        ) from error
    raise UnreadableInput(path, ENCODING)


def read_csv(path: Path) -> Table:
    """The rows of a CSV file; the header is read now, the rows as they are asked for."""
    encoding = detect_encoding(path)
    columns, line = _header(path, encoding)

    def rows(keys: Sequence[str] | None) -> Iterator[Row]:
        return _rows(path, encoding, tuple(columns if keys is None else keys))

    return Table(path.name, columns, rows, header_line=line)


def _is_blank(cells: list[str]) -> bool:
    return not cells or (not cells[0].strip() and not "".join(cells).strip())


def _header(path: Path, encoding: str) -> tuple[tuple[str, ...], int]:
    """The header's cells and its line (the first line that is not blank)."""
    try:
        with path.open(encoding=encoding, newline="") as stream:
            reader = csv.reader(stream)
            last_line = 0
            for cells in reader:
                if not _is_blank(cells):
                    return tuple(
                        cell.strip().lstrip("\ufeff").strip() for cell in cells
                    ), last_line + 1
                last_line = reader.line_num
    except (OSError, csv.Error) as error:
        raise UnreadableInput(path, HEADER_UNREADABLE, facts={"detail": str(error)}) from error
    return (), 1


def _rows(path: Path, encoding: str, keys: tuple[str, ...]) -> Iterator[Row]:
    file = path.name
    width = len(keys)
    with path.open(encoding=encoding, newline="") as stream:
        reader = csv.reader(stream)
        header_seen = False
        last_line = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield (
                    SourceLocation(file, last_line + 1),
                    BadRow(NOT_CSV_ROW.given(detail=str(error))),
                )
                last_line = reader.line_num
                continue
            start, last_line = last_line + 1, reader.line_num
            if not (cells and cells[0].strip()) and _is_blank(cells):
                continue
            if not header_seen:
                header_seen = True
                continue
            where = SourceLocation(file, start)
            if len(cells) > width and "".join(cells[width:]).strip():
                yield (
                    where,
                    BadRow(TOO_MANY_CELLS.given(cells=len(cells), columns=width)),
                )
                continue
            yield where, dict(zip(keys, cells, strict=False))
