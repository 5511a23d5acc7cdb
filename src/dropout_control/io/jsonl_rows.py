"""JSON Lines files: one JSON object a line, in UTF-8.

``line`` is the physical line; blank lines are skipped. A line that is not a JSON
object is a bad row (its text is not repeated: it may hold personal data). Values may
be strings, numbers, booleans or null.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Final

from dropout_control.errors import UnreadableInput
from dropout_control.findings import SourceLocation
from dropout_control.io.rows import NOT_JSON, NOT_JSON_OBJECT, SYSTEM_ERROR, BadRow, Row, Table

__all__ = ["read_jsonl"]

_BOM: Final = b"\xef\xbb\xbf"


def _stdlib_loads(line: bytes) -> object:
    """The standard library's reading, held to what orjson accepts: nesting too deep
    for it and a lone surrogate (``"\\ud800"``, not a character) are not JSON here."""
    try:
        value = json.loads(line)
    except RecursionError:
        raise ValueError("nesting too deep") from None
    if b"\\u" in line:
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("a lone surrogate in a string (not a character)") from None
    return value


def _fastest_loads() -> Callable[[bytes], object]:
    try:
        import orjson  # noqa: PLC0415 - optional: about twice as fast as the standard library
    except ImportError:  # pragma: no cover - depends on what is installed
        return _stdlib_loads
    return orjson.loads


_loads: Final = _fastest_loads()

_JSON_KINDS: Final = {list: "array", str: "string", int: "number", float: "number"}


def read_jsonl(path: Path) -> Table:
    """The rows of a JSON Lines file, read as they are asked for."""
    try:
        with path.open("rb"):
            pass  # a file that cannot be opened is refused now, not halfway through a read
    except OSError as error:
        raise UnreadableInput(
            path, SYSTEM_ERROR, facts={"detail": error.strerror or str(error)}
        ) from error

    def rows(keys: Sequence[str] | None) -> Iterator[Row]:
        return _rows(path)

    return Table(path.name, None, rows)


def _rows(path: Path) -> Iterator[Row]:
    file = path.name
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            if number == 1 and line.startswith(_BOM):
                line = line[len(_BOM) :]  # noqa: PLW2901 - the mark is not part of the object
            if line[:1] != b"{" and not line.strip():
                continue  # a blank line (the test is cheap for the lines of objects)
            where = SourceLocation(file, number)
            try:
                value = _loads(line)
            except ValueError as error:  # also UnicodeDecodeError: not UTF-8
                yield where, BadRow(NOT_JSON.given(detail=_short(error)))
                continue
            if value.__class__ is not dict:
                kind = "null" if value is None else _JSON_KINDS.get(type(value), "boolean")
                yield where, BadRow(NOT_JSON_OBJECT.given(type=kind))
                continue
            yield where, value


def _short(error: ValueError) -> str:
    # The parsers' messages give a position, never the text; keep the first line only.
    return str(error).splitlines()[0] if str(error) else type(error).__name__
