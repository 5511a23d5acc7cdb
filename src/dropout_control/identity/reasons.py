"""Why a number is not valid, in Chinese: the reasons of the identity errors translated.

The checks of :mod:`~dropout_control.identity.resident_id` and
:mod:`~dropout_control.identity.student_number` give their reasons in English; findings
carry a message in both languages, so each reason has its Chinese form here. A reason
this table does not know is returned as it is (never dropped).

>>> reason_zh("wrong check character: expected 'X'")
"校验码错误，应为 'X'"
>>> reason_zh("the first character must be the letter G, L or J")
'首字符必须是字母 G、L 或 J'
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["reason_zh"]

_REASONS: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), chinese)
    for pattern, chinese in (
        (r"wrong length: (\d+) characters, expected 18$", r"长度错误：\1 位，应为 18 位"),
        (
            r"wrong length: (\d+) characters, expected 19 \(G, L or J and 18 characters\)$",
            r"长度错误：\1 位，应为 19 位（G、L 或 J 加 18 位）",
        ),
        (
            r"wrong length: (\d+) characters, expected 17 to compute a check character$",
            r"长度错误：\1 位，计算校验码需要 17 位",
        ),
        (
            r"a non-digit character at position (\d+): the first 17 characters must be digits$",
            r"第 \1 位不是数字：前 17 位必须是数字",
        ),
        (
            r"a non-digit character at position (\d+): characters 2 to 18 must be digits$",
            r"第 \1 位不是数字：第 2 至 18 位必须是数字",
        ),
        (
            r"the check character \(the 18th\) must be a digit or X$",
            "校验码（第 18 位）必须是数字或 X",
        ),
        (
            r"the birth date part \(characters 7 to 14\) is not a real date$",
            "出生日期码（第 7 至 14 位）不是真实日期",
        ),
        (r"wrong check character: expected ('[0-9X]')$", r"校验码错误，应为 \1"),
        (r"the first character must be the letter G, L or J$", "首字符必须是字母 G、L 或 J"),
        (r"the last character must be a digit or X$", "末位必须是数字或 X"),
    )
)


def reason_zh(reason: str) -> str:
    """The Chinese form of an identity error's ``reason`` (the reason itself if unknown)."""
    for pattern, chinese in _REASONS:
        found = pattern.match(reason)
        if found is not None:
            return found.expand(chinese)
    return reason
