"""Why a row cannot be read, in Chinese: the readers' and models' reasons translated.

Readers and record models give the reason a cell or a row cannot become a record in
English (:class:`~dropout_control.errors.InvalidRecord`); INPUT-001 speaks Chinese as
well, so each reason has its Chinese form here. Identity reasons are translated by
:func:`dropout_control.identity.reason_zh`. A reason neither knows is returned as it
is, never dropped.

>>> input_reason_zh("no such date (got '2012-13-45')")
"不存在的日期（读到 '2012-13-45'）"
>>> input_reason_zh("missing required field")
'缺少必填字段'
"""

from __future__ import annotations

import re
from typing import Final

from dropout_control.identity import reason_zh

__all__ = ["input_reason_zh"]

_GOT: Final = re.compile(r"^(?P<reason>.*) \(got (?P<shown>'.*'|\".*\")\)$", re.DOTALL)

_REASONS: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern + "$", re.DOTALL), chinese)
    for pattern, chinese in (
        (r"missing required field", "缺少必填字段"),
        (r"no such date", "不存在的日期"),
        (r"no such month", "不存在的月份"),
        (r"expected a date written (.+)", r"日期应写作 \1"),
        (
            r"expected a month YYYYMM or YYYY-MM, or a date (.+)",
            r"月份应写作 YYYYMM 或 YYYY-MM，或日期 \1",
        ),
        (r"expected (?:a month written )?YYYY-MM or YYYYMM", "月份应写作 YYYY-MM 或 YYYYMM"),
        (
            r"expected a grade 1 to 9, 一年级…九年级 or 初一…初三",
            "年级应为 1 至 9、一年级…九年级或初一…初三",
        ),
        (r"compulsory grades run from 1 to 9", "义务教育年级为 1 至 9"),
        (r"expected a whole number", "应为整数"),
        (r"cannot be negative", "不能为负数"),
        (r"expected 是/否, 1/0, true/false or Y/N", "应为 是/否、1/0、true/false 或 Y/N"),
        (r"expected 男/女, 1/2 or male/female", "应为 男/女、1/2 或 male/female"),
        (r"expected a region code of 6 digits", "行政区划代码应为 6 位数字"),
        (
            r"expected a nationality code of 2 digits \(GB/T 3304\) or its name",
            "民族应为 2 位代码（GB/T 3304）或民族名称",
        ),
        (r"expected text or a whole number, got a fraction", "应为文本或整数，不能是小数"),
        (r"expected text, got .+", "应为文本"),
        (r"unknown value; expected one of (.+)", r"未知的值，应为以下之一：\1"),
        (r"is before the birth date", "早于出生日期"),
        (r"is before approved_on", "早于批准日期"),
        (r"is before the application date", "早于申请日期"),
        (r"is before the start", "早于开始日期"),
        (
            r"a headcount row needs a student number or a resident ID",
            "在校名单行须有学籍号或身份证件号",
        ),
        (
            r"the file cannot be read: the text is neither UTF-8 nor GB18030",
            "文件无法读取：既不是 UTF-8 也不是 GB18030 编码",
        ),
        (r"the file cannot be read: (.+)", r"文件无法读取：\1"),
    )
)


def _listed_zh(text: str) -> str:
    """English list punctuation of a quoted list of formats or codes, in Chinese."""
    return text.replace(" or ", " 或 ").replace(", ", "、")


def input_reason_zh(reason: str) -> str:
    """The Chinese form of a rejected row's ``reason`` (the reason itself if unknown).

    A trailing ``(got '…')`` that shows the bad cell is kept, in Chinese brackets.
    """
    shown = ""
    got = _GOT.match(reason)
    if got is not None:
        reason, shown = got["reason"], f"（读到 {got['shown']}）"
    for pattern, chinese in _REASONS:
        found = pattern.match(reason)
        if found is not None:
            return _listed_zh(found.expand(chinese)) + shown
    return reason_zh(reason) + shown
