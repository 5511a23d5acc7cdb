"""Identity errors carry a reason code and its facts; both texts come from templates."""

from __future__ import annotations

import pytest

from dropout_control.errors import InvalidResidentId, InvalidStudentNumber
from dropout_control.identity import ResidentId, StudentNumber, calc_check_character
from dropout_control.reasons import Message


def _resident_id_error(text: str) -> InvalidResidentId:
    with pytest.raises(InvalidResidentId) as caught:
        ResidentId.parse(text)
    return caught.value


def _student_number_error(text: str) -> InvalidStudentNumber:
    with pytest.raises(InvalidStudentNumber) as caught:
        StudentNumber.parse(text)
    return caught.value


def test_a_wrong_check_character_gives_its_code_and_the_character_expected() -> None:
    error = _resident_id_error("110105194912310021")
    assert (
        "ID.CHECK_CHARACTER",
        {"expected": "X"},
        Message("校验码错误，应为 'X'", "wrong check character: expected 'X'"),
        "wrong check character: expected 'X'",
    ) == (error.code, dict(error.facts), error.message, error.reason)


@pytest.mark.parametrize(
    ("text", "code", "facts", "zh"),
    [
        ("1101051949123100", "ID.LENGTH", {"length": 16}, "长度错误：16 位，应为 18 位"),
        (
            "11010519491231A02X",
            "ID.NON_DIGIT",
            {"position": 15},
            "第 15 位不是数字：前 17 位必须是数字",
        ),
        ("11010519491231002Y", "ID.CHECK_CHARACTER_FORM", {}, "校验码（第 18 位）必须是数字或 X"),
        ("110105194902300026", "ID.BIRTH_DATE", {}, "出生日期码（第 7 至 14 位）不是真实日期"),
    ],
)
def test_each_defect_of_a_resident_id_has_its_code(
    text: str, code: str, facts: dict[str, object], zh: str
) -> None:
    error = _resident_id_error(text)
    assert (code, facts, zh) == (error.code, dict(error.facts), error.message.zh)


def test_computing_a_check_character_of_a_short_body_names_the_length() -> None:
    with pytest.raises(InvalidResidentId) as caught:
        calc_check_character("1101051949")
    assert ("ID.LENGTH_FOR_CHECK", "长度错误：10 位，计算校验码需要 17 位") == (
        caught.value.code,
        caught.value.message.zh,
    )


@pytest.mark.parametrize(
    ("text", "code", "facts", "en"),
    [
        (
            "G1101051949123100",
            "SN.LENGTH",
            {"length": 17},
            "wrong length: 17 characters, expected 19 (G, L or J and 18 characters)",
        ),
        (
            "K11010519491231002X",
            "SN.PREFIX",
            {},
            "the first character must be the letter G, L or J",
        ),
        (
            "G1101051949123A002X",
            "SN.NON_DIGIT",
            {"position": 15},
            "a non-digit character at position 15: characters 2 to 18 must be digits",
        ),
        ("G11010519491231002Y", "SN.LAST_CHARACTER", {}, "the last character must be a digit or X"),
    ],
)
def test_each_defect_of_a_student_number_has_its_code(
    text: str, code: str, facts: dict[str, object], en: str
) -> None:
    error = _student_number_error(text)
    assert (code, facts, en) == (error.code, dict(error.facts), error.reason)


def test_the_message_of_an_identity_error_still_names_the_field_and_masks_the_number() -> None:
    assert "resident_id='110105**********21': wrong check character: expected 'X'" == str(
        _resident_id_error("110105194912310021")
    )
