"""Every reason a row can be rejected for reads in Chinese in INPUT-001's message."""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.errors import InvalidRecord
from dropout_control.io.converter import rejection_of, structure_record
from dropout_control.wording import input_reason_zh

STUDENT = {
    "student_number": "G622921201005010030",
    "resident_id": "62292120100501003X",
    "name": "马小明",
    "sex": "男",
    "birth_date": "2010-05-01",
    "school_id": "2162000001",
    "grade": "3",
    "entry_date": "201609",
    "status": "在读",
}


def _reason(kind: str, row: dict[str, str]) -> str:
    with pytest.raises(InvalidRecord) as caught:
        structure_record(kind, row)
    return rejection_of(caught.value)[1]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"birth_date": "2012-13-45"}, "不存在的日期（读到 '2012-13-45'）"),
        (
            {"birth_date": "yesterday"},
            "日期应写作 YYYY-MM-DD、YYYYMMDD 或 YYYY/M/D（读到 'y********'）",
        ),
        ({"grade": "12"}, "义务教育年级为 1 至 9（读到 '12'）"),
        ({"grade": "高一"}, "年级应为 1 至 9、一年级…九年级或初一…初三（读到 '高*'）"),
        ({"sex": "未知"}, "应为 男/女、1/2 或 male/female（读到 '未*'）"),
        ({"student_number": ""}, "缺少必填字段"),
        ({"entry_date": "2009-09"}, "早于出生日期（读到 '2009-09-01'）"),
    ],
)
def test_a_student_row_s_reason_reads_in_chinese(change: dict[str, str], expected: str) -> None:
    assert expected == input_reason_zh(_reason("students", {**STUDENT, **change}))


def test_an_unknown_code_lists_the_codes_in_chinese_punctuation() -> None:
    chinese = input_reason_zh(_reason("students", {**STUDENT, "status": "在家"}))

    assert chinese.startswith("未知的值，应为以下之一：active (在读)、suspended (休学)、")
    assert chinese.endswith("withdrawn (退学)（读到 '在*'）")


def test_the_bad_cell_is_kept_after_the_reason() -> None:
    assert "不存在的日期（读到 '2012-13-45'）" == input_reason_zh("no such date (got '2012-13-45')")


def test_a_file_that_cannot_be_decoded_reads_in_chinese() -> None:
    assert "文件无法读取：既不是 UTF-8 也不是 GB18030 编码" == input_reason_zh(
        "the file cannot be read: the text is neither UTF-8 nor GB18030"
    )


def test_an_identity_reason_is_translated_too() -> None:
    assert "校验码错误，应为 'X'" == input_reason_zh("wrong check character: expected 'X'")


def test_a_reason_no_table_knows_is_kept_as_it_is() -> None:
    assert "a brand new reason" == input_reason_zh("a brand new reason")


def test_a_suspension_ending_before_it_starts_reads_in_chinese() -> None:
    row = {
        "suspension_id": "XX1",
        "student_number": "G622921201005010030",
        "start": "2019-03-01",
        "end": "2019-02-01",
        "grounds": "health",
        "approved_by": "township_government",
        "approved_on": dt.date(2019, 2, 20).isoformat(),
    }

    assert "早于开始日期（读到 '2019-02-01'）" == input_reason_zh(_reason("suspensions", row))
