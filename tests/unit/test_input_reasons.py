"""Every reason a row can be rejected for has a code, and reads in Chinese in INPUT-001."""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.errors import InvalidRecord
from dropout_control.io.converter import rejection_of, structure_record
from dropout_control.reasons import Stated

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


def _reason(kind: str, row: dict[str, str]) -> Stated:
    with pytest.raises(InvalidRecord) as caught:
        structure_record(kind, row)
    return rejection_of(caught.value)[1]


@pytest.mark.parametrize(
    ("change", "code", "zh"),
    [
        ({"birth_date": "2012-13-45"}, "INPUT.NO_SUCH_DATE", "不存在的日期（读到 '2012-13-45'）"),
        (
            {"birth_date": "yesterday"},
            "INPUT.DATE_FORM",
            "日期应写作 YYYY-MM-DD、YYYYMMDD 或 YYYY/M/D（读到 'y********'）",
        ),
        ({"grade": "12"}, "RECORD.GRADE_RANGE", "义务教育年级为 1 至 9（读到 '12'）"),
        (
            {"grade": "高一"},
            "INPUT.GRADE_FORM",
            "年级应为 1 至 9、一年级…九年级或初一…初三（读到 '高*'）",
        ),
        ({"sex": "未知"}, "INPUT.SEX_FORM", "应为 男/女、1/2 或 male/female（读到 '未*'）"),
        ({"student_number": ""}, "INPUT.MISSING", "缺少必填字段"),
        ({"entry_date": "2009-09"}, "RECORD.BEFORE_BIRTH", "早于出生日期（读到 '2009-09-01'）"),
    ],
)
def test_a_student_row_s_reason_has_a_code_and_reads_in_chinese(
    change: dict[str, str], code: str, zh: str
) -> None:
    stated = _reason("students", {**STUDENT, **change})
    assert (code, zh) == (stated.code, stated.message.zh)


def test_an_unknown_code_gives_the_codes_expected_as_data() -> None:
    stated = _reason("students", {**STUDENT, "status": "在家"})
    assert ("INPUT.UNKNOWN_CODE", "active", "在*") == (
        stated.code,
        stated.facts["expected"][0],  # type: ignore[index]
        stated.facts["got"],
    )


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
    stated = _reason("suspensions", row)
    assert ("RECORD.BEFORE_START", "早于开始日期（读到 '2019-02-01'）") == (
        stated.code,
        stated.message.zh,
    )
