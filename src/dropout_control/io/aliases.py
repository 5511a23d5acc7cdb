"""Column names: the canonical English names and the registry's Chinese ones.

A header cell is matched after removing white space (and a byte-order mark) around and
inside it; English names match in any case. A column that names no field of its kind
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
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

import attrs

from dropout_control.kinds import RECORD_KINDS
from dropout_control.reasons import Stated, reason

__all__ = ["HEADER_ALIASES", "Header", "HeaderClash", "canonical_field", "read_header"]

_RESIDENT_ID: Final = ("身份证件号", "身份证号", "身份证号码", "公民身份号码", "身份证件号码")
_STUDENT_NUMBER: Final = ("学籍号", "全国学籍号", "学籍号码")
_SCHOOL_ID: Final = ("学校标识码",)
_NAME: Final = ("姓名",)
_SEX: Final = ("性别",)
_BIRTH_DATE: Final = ("出生日期",)
_REGION: Final = ("户口所在地", "户口所在地行政区划", "户口所在地行政区划代码")
_DISABILITY: Final = ("残疾人类型", "残疾类型")

HEADER_ALIASES: Final[Mapping[str, Mapping[str, tuple[str, ...]]]] = MappingProxyType(
    {
        "students": MappingProxyType(
            {
                "student_number": _STUDENT_NUMBER,
                "resident_id": _RESIDENT_ID,
                "id_type": ("身份证件类型",),
                "name": _NAME,
                "sex": _SEX,
                "birth_date": _BIRTH_DATE,
                "ethnicity": ("民族",),
                "household_region": _REGION,
                "school_id": _SCHOOL_ID,
                "grade": ("年级",),
                "class_name": ("班级",),
                "entry_date": ("入学年月",),
                "record_created_on": ("建籍日期",),
                "status": ("学籍状态",),
                "status_since": ("状态变动日期",),
                "cancel_reason": ("注销原因",),
                "study_mode": ("就读方式",),
                "migrant": ("是否进城务工人员随迁子女",),
                "left_behind": ("是否留守儿童",),
                "disability": _DISABILITY,
                "regular_class_placement": ("随班就读", "是否随班就读"),
                "poverty_registered": ("建档立卡", "是否建档立卡贫困户", "是否建档立卡"),
                "expert_assessed_on": ("专家评估日期",),
            }
        ),
        "population": MappingProxyType(
            {
                "resident_id": _RESIDENT_ID,
                "name": _NAME,
                "sex": _SEX,
                "birth_date": _BIRTH_DATE,
                "household_region": _REGION,
                "disability": _DISABILITY,
                "deceased_on": ("死亡日期",),
                "emigrated_on": ("移居境外日期",),
            }
        ),
        "deferrals": MappingProxyType(
            {
                "resident_id": _RESIDENT_ID,
                "grounds": ("缓学原因",),
                "approved_by": ("批准机关",),
                "approved_on": ("批准日期",),
                "until": ("缓学截止日期",),
            }
        ),
        "headcounts": MappingProxyType(
            {
                "month": ("月份",),
                "school_id": _SCHOOL_ID,
                "student_number": _STUDENT_NUMBER,
                "resident_id": _RESIDENT_ID,
                "name": _NAME,
                "present": ("是否在校",),
                "excuse": ("缺勤原因",),
            }
        ),
        "headcount_totals": MappingProxyType(
            {"month": ("月份",), "school_id": _SCHOOL_ID, "total": ("在校人数",)}
        ),
        "employment": MappingProxyType(
            {"resident_id": _RESIDENT_ID, "employer": ("用人单位",), "reported_on": ("报告日期",)}
        ),
        "transfers": MappingProxyType(
            {
                "transfer_id": ("转学编号", "转学申请编号", "业务编号"),
                "student_number": _STUDENT_NUMBER,
                "from_school": ("转出学校标识码", "转出学校"),
                "to_school": ("转入学校标识码", "转入学校"),
                "applied_on": ("申请日期",),
                "grade_before": ("转出年级", "原年级"),
                "grade_after": ("转入年级",),
                "receiving_school_on": ("转入学校审核日期",),
                "receiving_bureau_on": ("转入地教育行政部门审核日期", "转入地教育局审核日期"),
                "sending_school_on": ("转出学校审核日期",),
                "sending_bureau_on": ("转出地教育行政部门审核日期", "转出地教育局审核日期"),
                "status": ("转学状态", "办理状态"),
                "completed_on": ("完成日期", "转学完成日期"),
            }
        ),
        "suspensions": MappingProxyType(
            {
                "suspension_id": ("休学编号", "业务编号"),
                "student_number": _STUDENT_NUMBER,
                "start": ("休学开始日期", "开始日期"),
                "end": ("休学结束日期", "结束日期"),
                "grounds": ("休学原因",),
                "approved_by": ("批准机关",),
                "approved_on": ("批准日期",),
                "extensions": ("延期次数",),
                "returned_on": ("复学日期",),
            }
        ),
    }
)
"""For each kind, the Chinese names each canonical field may be written as."""

_SPACE: Final = re.compile(r"[\s\ufeff]+")


def _match_key(header: str) -> str:
    return _SPACE.sub("", header).casefold()


def _lookup_tables() -> dict[str, dict[str, str]]:
    tables: dict[str, dict[str, str]] = {}
    for kind, fields in HEADER_ALIASES.items():
        table: dict[str, str] = {}
        for field, names in fields.items():
            for name in (field, *names):
                table[_match_key(name)] = field
        tables[kind] = table
    return tables


_TABLES: Final = _lookup_tables()


def canonical_field(kind: str, header: str) -> str | None:
    """The canonical field a header cell names in ``kind``, or None for an unknown column."""
    return _TABLES[kind].get(_match_key(header))


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


def read_header(kind: str, columns: Sequence[str]) -> Header:
    """Match the columns of a header (or the keys of a JSON object) to the fields of ``kind``.

    >>> header = read_header("employment", ["身份证号", "用人单位", "备注", "报告日期"])
    >>> header.keys, header.unknown
    (('resident_id', 'employer', '备注', 'reported_on'), ('备注',))
    >>> read_header("employment", ["身份证号", "resident_id"]).clash.field
    'resident_id'
    """
    if kind not in RECORD_KINDS:
        raise KeyError(kind)
    keys: list[str] = []
    unknown: list[str] = []
    given: dict[str, str] = {}
    clash: HeaderClash | None = None
    for column in columns:
        name = column.strip().lstrip("\ufeff").strip()
        field = canonical_field(kind, name) if name else None
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
