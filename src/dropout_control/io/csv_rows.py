"""CSV files: UTF-8 (with or without a byte-order mark) or GB18030, read line by line.

Chinese Excel saves CSV as GB18030 (its "ANSI" code page); the registry's web exports
write UTF-8, often with a byte-order mark. The encoding is chosen once per file: UTF-8
when every line decodes as UTF-8, else GB18030 when every line decodes so, else the one
under which fewer lines fail (UTF-8 on a tie). A line that does not decode under the
file's encoding (one stray byte in a long export) is a bad row of its own, with its own
line number, and the other lines are read; a file whose first line decodes under
neither cannot be read at all.

``line`` is the physical line where a row starts (the header is line 1); empty lines
are skipped and are not rows. A quoted cell may run over several lines only in the
fields a kind declares as multi-line (none of the library's kinds has one): elsewhere a
quote opened and not closed on its line is a bad row at that line, and reading goes on
at the next physical line, so a stray quote never swallows the rows after it.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Collection, Generator, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, Final

from dropout_control.errors import UnreadableInput
from dropout_control.findings import SourceLocation
from dropout_control.io.rows import (
    ENCODING,
    HEADER_UNREADABLE,
    LINE_ENCODING,
    NOT_CSV_ROW,
    QUOTE_NOT_CLOSED,
    SYSTEM_ERROR,
    TOO_MANY_CELLS,
    BadRow,
    Row,
    Table,
)

__all__ = ["ENCODINGS", "detect_encoding", "read_csv"]

ENCODINGS: Final = ("utf-8-sig", "gb18030")
"""The encodings a file may be written in, in order of preference."""

_BOM: Final = b"\xef\xbb\xbf"


def _decodes(line: bytes, encoding: str) -> bool:
    try:
        line.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


_CHUNK: Final = 1 << 20


def _decodes_whole(stream: BinaryIO, encoding: str) -> bool:
    stream.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        while chunk := stream.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _detect(path: Path) -> tuple[str, bool]:
    """The file's encoding, and whether every line decodes under it (read in chunks,
    fast, for the usual clean file; line by line only for a file with bad bytes)."""
    try:
        with path.open("rb") as stream:
            for encoding in ENCODINGS:
                if _decodes_whole(stream, encoding):
                    return encoding, True
            stream.seek(0)
            return _choose(stream), False
    except OSError as error:
        raise UnreadableInput(
            path, SYSTEM_ERROR, facts={"detail": error.strerror or str(error)}
        ) from error
    except _Undecodable:
        raise UnreadableInput(path, ENCODING) from None


def _choose(stream: BinaryIO) -> str:
    first = True
    failures = dict.fromkeys(ENCODINGS, 0)
    for raw in stream:
        line = raw.removeprefix(_BOM) if first else raw
        if line.isascii():
            first = False
            continue
        fails = {encoding: not _decodes(line, encoding) for encoding in ENCODINGS}
        if first and all(fails.values()):
            raise _Undecodable
        first = False
        for encoding, failed in fails.items():
            failures[encoding] += failed
    utf8, gb18030 = ENCODINGS
    if failures[utf8] == 0 or failures[utf8] <= failures[gb18030]:
        return utf8
    return gb18030


class _Undecodable(Exception):
    """The first line decodes under no encoding the reader knows."""


def detect_encoding(path: Path) -> str:
    """The encoding a CSV file is written in: ``utf-8-sig`` or ``gb18030``.

    The file is read through, a chunk at a time, without keeping it.
    """
    return _detect(path)[0]


def read_csv(path: Path, *, multiline_fields: Collection[str] = ()) -> Table:
    """The rows of a CSV file; the header is read now, the rows as they are asked for.

    ``multiline_fields`` names the keys (columns, or the keys the rows are asked by)
    whose quoted cells may hold line breaks; a cell of any other column that runs over
    a line break makes a bad row at the line where its quote opened.
    """
    encoding, clean = _detect(path)
    columns, line = _header(path, encoding)
    allowed = frozenset(multiline_fields)

    def rows(keys: Sequence[str] | None) -> Iterator[Row]:
        keyed = tuple(columns if keys is None else keys)
        return _rows(path, encoding, keyed, allowed, clean=clean)

    return Table(path.name, columns, rows, header_line=line)


def _is_blank(cells: list[str]) -> bool:
    return not cells or (not cells[0].strip() and not "".join(cells).strip())


class _Lines:
    """The decoded physical lines of a file, numbered, with lines given back to re-read.

    A line that does not decode is handed out as an empty line and its number kept in
    ``bad``; ``taken`` holds the lines handed out since :meth:`mark`.
    """

    def __init__(self, stream: BinaryIO, encoding: str, *, skipped: int = 0) -> None:
        self._stream = stream
        self._encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        self._pending: list[tuple[int, str]] = []  # given back, the next one last
        self.read = skipped  # physical lines read from the file
        self.bad: set[int] = set()
        self.taken: list[tuple[int, str]] = []

    @property
    def next_number(self) -> int:
        """The number of the line handed out next."""
        return self._pending[-1][0] if self._pending else self.read + 1

    def mark(self) -> None:
        self.taken.clear()

    def give_back(self, lines: Sequence[tuple[int, str]]) -> None:
        self._pending.extend(reversed(lines))

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self._pending:
            item = self._pending.pop()
        else:
            raw = self._stream.readline()
            if not raw:
                raise StopIteration
            self.read += 1
            if self.read == 1:
                raw = raw.removeprefix(_BOM)
            try:
                text = raw.decode(self._encoding)
            except UnicodeDecodeError:
                self.bad.add(self.read)
                text = "\n"
            item = (self.read, text)
        self.taken.append(item)
        return item[1]


def _header(path: Path, encoding: str) -> tuple[tuple[str, ...], int]:
    """The header's cells and its line (the first line that is not blank)."""
    try:
        with path.open("rb") as stream:
            lines = _Lines(stream, encoding)
            while True:
                number = lines.next_number
                text = next(lines, None)
                if text is None:
                    break
                if number in lines.bad:
                    raise UnreadableInput(path, ENCODING)
                cells = next(csv.reader([text]), [])
                if not _is_blank(cells):
                    return tuple(cell.strip().lstrip("\ufeff").strip() for cell in cells), number
    except (OSError, csv.Error) as error:
        if isinstance(error, UnreadableInput):
            raise
        raise UnreadableInput(path, HEADER_UNREADABLE, facts={"detail": str(error)}) from error
    return (), 1


def _spans_allowed(cells: list[str], keys: tuple[str, ...], allowed: frozenset[str]) -> bool:
    """Whether every cell holding a line break is in a multi-line field."""
    return bool(allowed) and all(
        index < len(keys) and keys[index] in allowed
        for index, cell in enumerate(cells)
        if "\n" in cell or "\r" in cell
    )


def _rows(
    path: Path, encoding: str, keys: tuple[str, ...], allowed: frozenset[str], *, clean: bool
) -> Iterator[Row]:
    """The rows: read at the csv module's speed while every line decodes and no quote
    runs over a line; from the first line that does not, line by line."""
    resume: tuple[int, bool] | None = (0, False)
    if clean:
        resume = yield from _fast_rows(path, encoding, keys, allowed)
    if resume is not None:
        skip, header_seen = resume
        yield from _rows_by_line(path, encoding, keys, allowed, skip=skip, header_seen=header_seen)


def _fast_rows(
    path: Path, encoding: str, keys: tuple[str, ...], allowed: frozenset[str]
) -> Generator[Row, None, tuple[int, bool] | None]:
    """The rows of a file that decodes, up to the first row the csv module refuses or
    that runs over a line (not allowed): then the lines already read and whether the
    header was seen, for the line-by-line reader to go on from there."""
    file = path.name
    width = len(keys)
    with path.open(encoding=encoding, newline="") as stream:
        reader = csv.reader(stream)
        header_seen = False
        last = 0
        while True:
            start = last + 1
            try:
                cells = next(reader)
            except StopIteration:
                return None
            except csv.Error:
                return start - 1, header_seen
            last = reader.line_num
            if (last != start or "\n" in "".join(cells)) and (
                not header_seen or not _spans_allowed(cells, keys, allowed)
            ):
                return start - 1, header_seen
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


def _rows_by_line(
    path: Path,
    encoding: str,
    keys: tuple[str, ...],
    allowed: frozenset[str],
    *,
    skip: int,
    header_seen: bool,
) -> Iterator[Row]:
    file = path.name
    width = len(keys)
    with path.open("rb") as stream:
        for _ in range(skip):
            stream.readline()
        lines = _Lines(stream, encoding, skipped=skip)
        reader = csv.reader(lines)
        while True:
            start = lines.next_number
            lines.mark()
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield (
                    SourceLocation(file, start),
                    BadRow(NOT_CSV_ROW.given(detail=str(error))),
                )
                lines.give_back(lines.taken[1:])
                continue
            where = SourceLocation(file, start)
            # A quote opened and not closed on its line: the cell ran over a line break,
            # or to the end of the file.
            spans = len(lines.taken) > 1 or any("\n" in cell or "\r" in cell for cell in cells)
            if start in lines.bad:
                yield where, BadRow(LINE_ENCODING.given())
                lines.give_back(lines.taken[1:])
                continue
            if spans and not header_seen:  # the header is its first line alone
                header_seen = True
                lines.give_back(lines.taken[1:])
                continue
            if spans and (
                not _spans_allowed(cells, keys, allowed)
                or any(number in lines.bad for number, _ in lines.taken)
            ):
                yield where, BadRow(QUOTE_NOT_CLOSED.given())
                lines.give_back(lines.taken[1:])
                continue
            if not (cells and cells[0].strip()) and _is_blank(cells):
                continue
            if not header_seen:
                header_seen = True
                continue
            if len(cells) > width and "".join(cells[width:]).strip():
                yield (
                    where,
                    BadRow(TOO_MANY_CELLS.given(cells=len(cells), columns=width)),
                )
                continue
            yield where, dict(zip(keys, cells, strict=False))
