"""Column names that several record kinds share, as the national registry's exports write them.

A kind's declaration lists, for each field, the other names its column goes by; the
names below recur across kinds (every kind that names a child by resident ID accepts
the same five headings), so they are written once here.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BIRTH_DATE",
    "DISABILITY",
    "HOUSEHOLD_REGION",
    "NAME",
    "RESIDENT_ID",
    "SCHOOL_ID",
    "SEX",
    "STUDENT_NUMBER",
]

RESIDENT_ID: Final = ("身份证件号", "身份证号", "身份证号码", "公民身份号码", "身份证件号码")
STUDENT_NUMBER: Final = ("学籍号", "全国学籍号", "学籍号码")
SCHOOL_ID: Final = ("学校标识码",)
NAME: Final = ("姓名",)
SEX: Final = ("性别",)
BIRTH_DATE: Final = ("出生日期",)
HOUSEHOLD_REGION: Final = ("户口所在地", "户口所在地行政区划", "户口所在地行政区划代码")
DISABILITY: Final = ("残疾人类型", "残疾类型")
