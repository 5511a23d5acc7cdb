"""Every reason a number check gives has its Chinese form for the findings' messages."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dropout_control.errors import InvalidResidentId, InvalidStudentNumber
from dropout_control.identity import (
    calc_check_character,
    reason_zh,
    validate_resident_id,
    validate_student_number,
)
from dropout_control.strategies import invalid_resident_ids

# Latin letters a Chinese reason may still hold: the check character and the prefixes.
_CODE_LETTERS = frozenset("GJLX")


def _is_chinese(reason: str) -> bool:
    return set(re.findall(r"[A-Za-z]", reason)) <= _CODE_LETTERS


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("11010519491231002", "长度错误：17 位，应为 18 位"),
        ("1101051949123100A2", "第 17 位不是数字：前 17 位必须是数字"),
        ("11010519491231002Y", "校验码（第 18 位）必须是数字或 X"),
        ("110105194913310026", "出生日期码（第 7 至 14 位）不是真实日期"),
        ("110105194912310021", "校验码错误，应为 'X'"),
    ],
)
def test_each_resident_id_reason_reads_in_chinese(number: str, expected: str) -> None:
    with pytest.raises(InvalidResidentId) as caught:
        validate_resident_id(number)

    assert expected == reason_zh(caught.value.reason)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("G11010519491231002", "长度错误：18 位，应为 19 位（G、L 或 J 加 18 位）"),
        ("K11010519491231002X", "首字符必须是字母 G、L 或 J"),
        ("G1101051949123A002X", "第 15 位不是数字：第 2 至 18 位必须是数字"),
        ("G11010519491231002Y", "末位必须是数字或 X"),
    ],
)
def test_each_student_number_reason_reads_in_chinese(number: str, expected: str) -> None:
    with pytest.raises(InvalidStudentNumber) as caught:
        validate_student_number(number)

    assert expected == reason_zh(caught.value.reason)


def test_the_check_character_computation_reason_reads_in_chinese() -> None:
    with pytest.raises(InvalidResidentId) as caught:
        calc_check_character("1101051949")

    assert "长度错误：10 位，计算校验码需要 17 位" == reason_zh(caught.value.reason)


def test_a_reason_the_table_does_not_know_is_kept_as_it_is() -> None:
    assert "something else" == reason_zh("something else")


@given(invalid_resident_ids())
def test_no_invalid_resident_id_is_explained_in_english(number: str) -> None:
    with pytest.raises(InvalidResidentId) as caught:
        validate_resident_id(number)

    assert _is_chinese(reason_zh(caught.value.reason)), caught.value.reason


@given(st.text(alphabet="GLJKX0123456789 ", min_size=1, max_size=22))
def test_no_malformed_student_number_is_explained_in_english(text: str) -> None:
    reason = _student_number_reason(text)

    assert reason is None or _is_chinese(reason_zh(reason)), reason


def _student_number_reason(text: str) -> str | None:
    try:
        validate_student_number(text)
    except InvalidStudentNumber as error:
        return error.reason
    return None
