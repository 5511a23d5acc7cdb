"""Coded values of the registry (代码): enumerations that know their Chinese terms.

Each member has a canonical English code (its value, used in files and reports), the
Chinese term the national registry shows, and further Chinese or numeric aliases that
exports use. :meth:`Code.parse` reads any of them.
"""

from __future__ import annotations

import enum
from typing import Self, TypeVar

from dropout_control.errors import InvalidCode
from dropout_control.reasons import Reason, reason, vocabulary

UNKNOWN = reason(
    "INPUT.UNKNOWN_CODE",
    "未知的值，应为以下代码之一：{expected}",
    "unknown value; expected one of {expected}",
)

__all__ = ["Code"]


class Code(enum.Enum):
    """Base of the library's coded values.

    Members are declared as ``NAME = ("code", "中文", "alias", ...)``.
    """

    _value_: str
    zh: str
    aliases: tuple[str, ...]

    def __new__(cls, value: str, zh: str, *aliases: str) -> Self:
        member = object.__new__(cls)
        member._value_ = value
        member.zh = zh
        member.aliases = aliases
        return member

    @classmethod
    def parse(cls, text: str, *, field: str = "code") -> Self:
        """The member whose code, Chinese term or alias is ``text`` (case-insensitive)."""
        key = text.strip().casefold()
        member = _lookup(cls).get(key)
        if member is None:
            raise InvalidCode(
                field, UNKNOWN, shown=text, facts={"expected": [m.value for m in cls]}
            )
        return member

    @classmethod
    def words(cls, name: str) -> tuple[Reason, ...]:
        """Register the members as the vocabulary ``name``: ``NAME.VALUE`` codes, each with
        the Chinese term and the English words (``en`` where the member has it, else the
        code with spaces)."""
        return vocabulary(
            name,
            [(m.value, m.zh, getattr(m, "en", m.value.replace("_", " "))) for m in cls],
        )

    def __str__(self) -> str:
        return self._value_


_C = TypeVar("_C", bound=Code)
_TABLES: dict[type[Code], dict[str, Code]] = {}


def _lookup(cls: type[_C]) -> dict[str, _C]:
    table = _TABLES.get(cls)
    if table is None:
        table = {}
        for member in cls:
            for name in (member.value, member.zh, *member.aliases):
                table[name.casefold()] = member
        _TABLES[cls] = table
    return table  # type: ignore[return-value]
