"""Column names: the canonical English names and the other names each kind declares.

Each kind's declaration (:class:`~dropout_control.kinds.RecordKind`) lists the names its
columns go by in exports, Chinese ones above all. A header cell is matched after
removing white space (and a byte-order mark) around and inside it; English names match
in any case. A column that names no field of its kind
is not an error: it is ignored and listed, so the report can say so. Two columns that
name the same field make the header ambiguous, and the file cannot be read.

>>> canonical_field("students", " 学籍号 ")
'student_number'
>>> canonical_field("students", "Student_Number")
'student_number'
>>> print(canonical_field("students", "班主任"))
None
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from dropout_control.kinds import KINDS, KindRegistry, RecordKind
from dropout_control.reasons import Stated, reason

__all__ = ["Header", "HeaderClash", "canonical_field", "read_header"]

_SPACE: Final = re.compile(r"[\s\ufeff]+")


def _match_key(header: str) -> str:
    return _SPACE.sub("", header).casefold()


_TABLES: Final[dict[RecordKind[object], dict[str, str]]] = {}


def _table(kind: RecordKind[object]) -> dict[str, str]:
    """Each name a column of ``kind`` may have, matched, to its field (built once)."""
    table = _TABLES.get(kind)
    if table is None:
        table = {}
        for field in kind.fields:
            for name in (field, *kind.aliases.get(field, ())):
                table[_match_key(name)] = field
        _TABLES[kind] = table
    return table


def canonical_field(kind: str, header: str, *, registry: KindRegistry = KINDS) -> str | None:
    """The canonical field a header cell names in ``kind``, or None for an unknown column."""
    return _table(registry[kind]).get(_match_key(header))


@attrs.frozen
class HeaderClash:
    """Two columns of one header that name the same field."""

    field: str
    columns: tuple[str, str]

    @property
    def reason(self) -> Stated:
        """The clash as a reason (``INPUT.HEADER_CLASH``)."""
        first, second = self.columns
        return HEADER_CLASH.given(first=first, second=second, field=self.field)


HEADER_CLASH: Final = reason(
    "INPUT.HEADER_CLASH",
    "列 {first!r} 和 {second!r} 给出同一字段 {field}",
    "the columns {first!r} and {second!r} both give the field {field}",
)


@attrs.frozen
class Header:
    """A header read against a kind: the key each column gets, and what did not match.

    ``keys`` has one entry per column: the canonical field, or the column's own name for
    an unknown column (the converter ignores keys that are not fields).
    """

    keys: tuple[str, ...]
    unknown: tuple[str, ...]
    clash: HeaderClash | None = None


def read_header(kind: str, columns: Sequence[str], *, registry: KindRegistry = KINDS) -> Header:
    """Match the columns of a header (or the keys of a JSON object) to the fields of ``kind``.

    >>> header = read_header("employment", ["身份证号", "用人单位", "备注", "报告日期"])
    >>> header.keys, header.unknown
    (('resident_id', 'employer', '备注', 'reported_on'), ('备注',))
    >>> read_header("employment", ["身份证号", "resident_id"]).clash.field
    'resident_id'
    """
    table = _table(registry[kind])
    keys: list[str] = []
    unknown: list[str] = []
    given: dict[str, str] = {}
    clash: HeaderClash | None = None
    for column in columns:
        name = column.strip().lstrip("\ufeff").strip()
        field = table.get(_match_key(name)) if name else None
        if field is None:
            # Blank header cells (trailing columns of a sheet) are ignored without a word.
            if name:
                unknown.append(name)
            # A key that no field has: the column's own name (it cannot be a field's).
            keys.append(name)
            continue
        if field in given and clash is None:
            clash = HeaderClash(field, (given[field], name))
        given.setdefault(field, name)
        keys.append(field)
    return Header(tuple(keys), tuple(unknown), clash)
