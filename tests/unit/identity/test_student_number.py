"""National student numbers (学籍号: G, L and J; MOE 2016 registration FAQ)."""

from __future__ import annotations

import pytest

from dropout_control.errors import InvalidStudentNumber
from dropout_control.identity import (
    ResidentId,
    StudentNumber,
    StudentNumberKind,
    compact_student_number,
    is_valid_student_number,
    validate_student_number,
)

SAMPLE_ID = "11010519491231002X"
LINXIA_ID = "622921201209010314"


def _reason(text: str) -> str:
    with pytest.raises(InvalidStudentNumber) as caught:
        validate_student_number(text)
    return caught.value.reason


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("G" + LINXIA_ID, StudentNumberKind.G),
        ("L622921201209010001", StudentNumberKind.L),
        ("J62292120120901000X", StudentNumberKind.J),
    ],
)
def test_a_number_of_each_kind_is_read_with_its_kind(text: str, kind: StudentNumberKind) -> None:
    assert kind == StudentNumber.parse(text).kind


def test_a_lower_case_prefix_and_x_are_read_as_upper_case() -> None:
    assert "G" + SAMPLE_ID == validate_student_number("g11010519491231002x")


def test_compact_removes_spaces_and_dashes() -> None:
    assert "L622921201209010001" == compact_student_number(" l-622921 20120901 0001 ")


def test_a_prefix_other_than_g_l_or_j_is_rejected() -> None:
    assert "the first character must be the letter G, L or J" == _reason("K" + LINXIA_ID)


def test_a_number_without_a_prefix_is_rejected_for_its_length() -> None:
    expected = "wrong length: 18 characters, expected 19 (G, L or J and 18 characters)"
    assert expected == _reason(LINXIA_ID)


def test_a_short_number_is_rejected_for_its_length() -> None:
    assert _reason("G1234").startswith("wrong length: 5 characters")


def test_a_letter_among_the_digits_is_rejected_with_its_position_named() -> None:
    expected = "a non-digit character at position 5: characters 2 to 18 must be digits"
    assert expected == _reason("L622A21201209010001")


def test_full_width_digits_are_not_digits() -> None:
    assert not is_valid_student_number("L６22921201209010001")


def test_a_last_character_other_than_a_digit_or_x_is_rejected() -> None:
    assert "the last character must be a digit or X" == _reason("L62292120120901000Y")


def test_is_valid_says_true_for_a_j_number() -> None:
    assert is_valid_student_number("J622921201209010001")


def test_is_valid_says_false_for_a_malformed_number() -> None:
    assert not is_valid_student_number("G1234")


def test_the_error_is_a_value_error_naming_the_field() -> None:
    with pytest.raises(ValueError, match=r"^student_number=") as caught:
        validate_student_number("G1234")
    assert "student_number" == caught.value.field  # type: ignore[attr-defined]


def test_the_constructor_takes_only_the_compact_form() -> None:
    with pytest.raises(InvalidStudentNumber):
        StudentNumber("g" + LINXIA_ID)


def test_a_g_number_with_a_wrong_check_character_is_still_a_student_number() -> None:
    assert StudentNumberKind.G == StudentNumber.parse("G622921201209010315").kind


def test_reveal_gives_the_clear_number() -> None:
    assert "G" + SAMPLE_ID == StudentNumber.parse("g" + SAMPLE_ID.lower()).reveal()


def test_two_numbers_with_the_same_characters_are_equal_and_hash_alike() -> None:
    assert 1 == len({StudentNumber("G" + SAMPLE_ID), StudentNumber.parse("g" + SAMPLE_ID)})


# The resident ID number inside -------------------------------------------------------


def test_a_g_number_gives_its_resident_id_number() -> None:
    assert ResidentId(LINXIA_ID) == StudentNumber("G" + LINXIA_ID).embedded_resident_id()


def test_a_g_number_whose_tail_is_not_a_valid_id_number_gives_none() -> None:
    assert StudentNumber("G622921201209010315").embedded_resident_id() is None


def test_an_l_number_gives_no_resident_id_number_even_when_its_tail_is_one() -> None:
    assert StudentNumber("L" + LINXIA_ID).embedded_resident_id() is None


def test_a_g_number_matches_its_resident_id_number() -> None:
    assert StudentNumber("G" + LINXIA_ID).matches(ResidentId(LINXIA_ID))


def test_a_g_number_does_not_match_another_resident_id_number() -> None:
    assert not StudentNumber("G" + LINXIA_ID).matches(ResidentId(SAMPLE_ID))


def test_a_j_number_does_not_match_the_resident_id_number_of_its_tail() -> None:
    assert not StudentNumber("J" + LINXIA_ID).matches(ResidentId(LINXIA_ID))


def test_the_g_number_of_a_resident_id_number_is_g_and_its_characters() -> None:
    assert StudentNumber("G" + SAMPLE_ID) == StudentNumber.from_resident_id(ResidentId(SAMPLE_ID))


# Masking -----------------------------------------------------------------------------


def test_str_keeps_the_letter_the_region_and_the_last_two_characters() -> None:
    assert "G622921**********14" == str(StudentNumber("G" + LINXIA_ID))


def test_repr_is_masked() -> None:
    assert "StudentNumber('L622921**********01')" == repr(StudentNumber("L622921201209010001"))


def test_an_error_message_shows_the_number_masked() -> None:
    with pytest.raises(InvalidStudentNumber) as caught:
        validate_student_number("K" + LINXIA_ID)
    assert "2012090103" not in str(caught.value)
    assert "K622921**********14" == caught.value.shown
