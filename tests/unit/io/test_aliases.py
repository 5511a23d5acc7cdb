"""Column names: canonical English names and the registry's Chinese names, for every kind."""

from __future__ import annotations

import attrs
import pytest

from dropout_control import KINDS
from dropout_control.io.aliases import canonical_field, read_header

EVERY_ALIAS = [
    (kind.name, field, alias)
    for kind in KINDS
    for field, aliases in kind.aliases.items()
    for alias in aliases
]

# The Chinese names of formats.md (and of the lead's list for fields it leaves unnamed).
SPECIFIED = [
    ("students", "学籍号", "student_number"),
    ("students", "身份证件号", "resident_id"),
    ("students", "身份证号", "resident_id"),
    ("students", "公民身份号码", "resident_id"),
    ("students", "身份证件类型", "id_type"),
    ("students", "姓名", "name"),
    ("students", "性别", "sex"),
    ("students", "出生日期", "birth_date"),
    ("students", "民族", "ethnicity"),
    ("students", "户口所在地", "household_region"),
    ("students", "户口所在地行政区划", "household_region"),
    ("students", "学校标识码", "school_id"),
    ("students", "年级", "grade"),
    ("students", "班级", "class_name"),
    ("students", "入学年月", "entry_date"),
    ("students", "学籍状态", "status"),
    ("students", "就读方式", "study_mode"),
    ("students", "是否进城务工人员随迁子女", "migrant"),
    ("students", "是否留守儿童", "left_behind"),
    ("students", "残疾人类型", "disability"),
    ("students", "随班就读", "regular_class_placement"),
    ("students", "建档立卡", "poverty_registered"),
    ("students", "是否建档立卡贫困户", "poverty_registered"),
    ("students", "建籍日期", "record_created_on"),
    ("students", "状态变动日期", "status_since"),
    ("students", "注销原因", "cancel_reason"),
    ("students", "专家评估日期", "expert_assessed_on"),
    ("population", "身份证件号", "resident_id"),
    ("population", "身份证号", "resident_id"),
    ("population", "公民身份号码", "resident_id"),
    ("population", "姓名", "name"),
    ("population", "性别", "sex"),
    ("population", "出生日期", "birth_date"),
    ("population", "户口所在地", "household_region"),
    ("population", "残疾人类型", "disability"),
    ("population", "死亡日期", "deceased_on"),
    ("population", "移居境外日期", "emigrated_on"),
    ("deferrals", "身份证件号", "resident_id"),
    ("deferrals", "缓学原因", "grounds"),
    ("deferrals", "批准机关", "approved_by"),
    ("deferrals", "批准日期", "approved_on"),
    ("deferrals", "缓学截止日期", "until"),
    ("headcounts", "月份", "month"),
    ("headcounts", "学校标识码", "school_id"),
    ("headcounts", "学籍号", "student_number"),
    ("headcounts", "身份证件号", "resident_id"),
    ("headcounts", "姓名", "name"),
    ("headcounts", "是否在校", "present"),
    ("headcounts", "缺勤原因", "excuse"),
    ("headcount_totals", "月份", "month"),
    ("headcount_totals", "学校标识码", "school_id"),
    ("headcount_totals", "在校人数", "total"),
    ("employment", "身份证件号", "resident_id"),
    ("employment", "用人单位", "employer"),
    ("employment", "报告日期", "reported_on"),
]


@pytest.mark.parametrize(("kind", "header", "field"), SPECIFIED)
def test_the_registry_chinese_column_name_gives_its_field(
    kind: str, header: str, field: str
) -> None:
    assert field == canonical_field(kind, header)


@pytest.mark.parametrize(("kind", "field", "alias"), EVERY_ALIAS)
def test_every_alias_in_the_table_gives_its_field(kind: str, field: str, alias: str) -> None:
    assert field == canonical_field(kind, alias)


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        (kind.name, field.name)
        for kind in KINDS
        for field in attrs.fields(kind.record_class)
        if field.name != "source"
    ],
)
def test_every_field_of_every_kind_is_named_by_its_canonical_english_name(
    kind: str, field: str
) -> None:
    assert field == canonical_field(kind, field)


def test_every_field_of_the_library_kinds_has_a_chinese_column_name() -> None:
    expected = {
        kind.name: {field.name for field in attrs.fields(kind.record_class)} - {"source"}
        for kind in KINDS
    }
    assert expected == {kind.name: set(kind.aliases) for kind in KINDS}


def test_spaces_and_a_byte_order_mark_around_or_inside_a_header_are_ignored() -> None:
    assert ["student_number", "name", "birth_date"] == [
        canonical_field("students", header)
        for header in ("\ufeff学籍号", " 姓 名 ", "出生日期\u3000")
    ]


def test_english_names_match_in_any_case() -> None:
    assert "birth_date" == canonical_field("population", "Birth_Date")


def test_a_column_of_another_kind_is_unknown() -> None:
    assert canonical_field("employment", "学籍号") is None


def test_unknown_columns_are_listed_and_keep_their_own_name_as_key() -> None:
    header = read_header("headcount_totals", ["月份", "学校名称", "学校标识码", "在校人数", ""])
    assert (("month", "学校名称", "school_id", "total", ""), ("学校名称",), None) == (
        header.keys,
        header.unknown,
        header.clash,
    )


def test_two_columns_naming_one_field_are_a_clash_naming_both() -> None:
    clash = read_header("students", ["身份证号", "姓名", "公民身份号码"]).clash
    assert clash is not None
    assert ("resident_id", ("身份证号", "公民身份号码")) == (clash.field, clash.columns)
