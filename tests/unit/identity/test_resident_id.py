"""Resident ID numbers (居民身份证号, GB 11643-1999): parsing, parts, building, masking.

The numbers below were checked with python-stdnum's ``cn.ric`` when the tests were written.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.errors import InvalidResidentId
from dropout_control.identity import (
    ResidentId,
    Sex,
    calc_check_character,
    compact_resident_id,
    is_valid_resident_id,
    validate_resident_id,
)

# The standard's own sample: Beijing Chaoyang, 31 December 1949, sequence 002, check X.
SAMPLE = "11010519491231002X"
# Linxia County, 1 September 2012, sequence 031 (a boy), check 4.
LINXIA_BOY = "622921201209010314"
# Linxia County, 1 September 2012, sequence 042 (a girl), check 9.
LINXIA_GIRL = "622921201209010429"


def _reason(text: str) -> str:
    with pytest.raises(InvalidResidentId) as caught:
        validate_resident_id(text)
    return caught.value.reason


# validate / is_valid ------------------------------------------------------------------


def test_the_standards_sample_number_is_valid() -> None:
    assert SAMPLE == validate_resident_id(SAMPLE)


def test_validate_returns_the_compact_form_of_a_number_with_spaces_dashes_and_a_small_x() -> None:
    assert SAMPLE == validate_resident_id(" 110105-19491231 002x ")


def test_compact_removes_separators_without_checking() -> None:
    assert "12AB" == compact_resident_id(" 1-2 ab ")


def test_a_wrong_check_character_is_rejected_with_the_expected_one_named() -> None:
    assert "wrong check character: expected '4'" == _reason("622921201209010315")


def test_an_x_where_a_digit_is_expected_is_a_wrong_check_character() -> None:
    assert "wrong check character: expected '4'" == _reason("62292120120901031X")


def test_an_impossible_birth_date_is_rejected() -> None:
    # 30 February 2019: the check character is right for the 17 characters before it.
    number = "62292120190230" + "000"
    number += calc_check_character(number)
    assert "the birth date part (characters 7 to 14) is not a real date" == _reason(number)


def test_29_february_of_a_leap_year_is_a_real_birth_date() -> None:
    assert is_valid_resident_id("110105200002290021")


def test_29_february_of_1900_is_not_a_real_birth_date() -> None:
    number = "11010519000229" + "001"
    number += calc_check_character(number)
    assert not is_valid_resident_id(number)


def test_year_0000_is_not_a_real_birth_date() -> None:
    number = "11010500000101" + "001"
    number += calc_check_character(number)
    assert not is_valid_resident_id(number)


def test_a_birth_date_in_the_future_is_not_checked_here() -> None:
    number = "62292129990101" + "001"
    number += calc_check_character(number)
    assert is_valid_resident_id(number)


def test_a_number_of_17_characters_is_rejected_with_its_length_named() -> None:
    assert "wrong length: 17 characters, expected 18" == _reason(SAMPLE[:17])


def test_a_number_of_19_characters_is_rejected_with_its_length_named() -> None:
    assert "wrong length: 19 characters, expected 18" == _reason(SAMPLE + "1")


def test_an_empty_text_is_rejected_for_its_length() -> None:
    assert "wrong length: 0 characters, expected 18" == _reason("")


def test_a_letter_among_the_first_17_characters_is_rejected_with_its_position_named() -> None:
    expected = "a non-digit character at position 7: the first 17 characters must be digits"
    assert expected == _reason("110105A9491231002X")


def test_full_width_digits_are_not_digits() -> None:
    assert not is_valid_resident_id("１１０１０５19491231002X")


def test_a_check_character_other_than_a_digit_or_x_is_rejected() -> None:
    assert "the check character (the 18th) must be a digit or X" == _reason(SAMPLE[:17] + "Y")


def test_is_valid_says_true_for_a_valid_number() -> None:
    assert is_valid_resident_id(LINXIA_BOY)


def test_is_valid_says_false_for_a_wrong_check_character() -> None:
    assert not is_valid_resident_id("110105194912310021")


def test_an_unknown_region_code_is_not_a_reason_to_reject() -> None:
    assert is_valid_resident_id("999999201101010013")


def test_the_error_is_a_value_error_naming_the_field() -> None:
    with pytest.raises(ValueError, match=r"^resident_id=") as caught:
        validate_resident_id("110105194912310021")
    assert "resident_id" == caught.value.field  # type: ignore[attr-defined]


# calc_check_character ---------------------------------------------------------------


def test_the_check_character_of_the_sample_is_x() -> None:
    assert "X" == calc_check_character(SAMPLE[:17])


def test_the_check_character_of_a_linxia_number_is_computed() -> None:
    assert "4" == calc_check_character(LINXIA_BOY[:17])


def test_the_check_character_needs_exactly_17_characters() -> None:
    with pytest.raises(InvalidResidentId, match="17 to compute"):
        calc_check_character(SAMPLE)


def test_the_check_character_needs_digits() -> None:
    with pytest.raises(InvalidResidentId, match="position 3"):
        calc_check_character("11a10519491231002")


# ResidentId: parsing and parts -------------------------------------------------------


def test_parse_accepts_spaces_dashes_and_a_small_x() -> None:
    assert ResidentId(SAMPLE) == ResidentId.parse("110105 1949-1231 002x")


def test_the_constructor_takes_only_the_compact_form() -> None:
    with pytest.raises(InvalidResidentId):
        ResidentId("110105 19491231002X")


def test_parse_rejects_an_invalid_number() -> None:
    with pytest.raises(InvalidResidentId, match="wrong check character"):
        ResidentId.parse("110105194912310021")


def test_the_constructor_rejects_what_is_not_text() -> None:
    with pytest.raises(TypeError):
        ResidentId(110105194912310021)  # type: ignore[arg-type]


def test_the_region_code_is_the_first_six_digits() -> None:
    assert "622921" == ResidentId(LINXIA_BOY).region_code


def test_the_birth_date_is_characters_7_to_14() -> None:
    assert dt.date(2012, 9, 1) == ResidentId(LINXIA_BOY).birth_date


def test_the_sequence_is_characters_15_to_17() -> None:
    assert "031" == ResidentId(LINXIA_BOY).sequence


def test_the_check_character_is_the_last_character() -> None:
    assert "X" == ResidentId(SAMPLE).check_character


def test_an_odd_17th_character_is_male() -> None:
    assert Sex.MALE == ResidentId(LINXIA_BOY).sex


def test_an_even_17th_character_is_female() -> None:
    assert Sex.FEMALE == ResidentId(LINXIA_GIRL).sex


def test_a_zero_17th_character_is_female() -> None:
    assert Sex.FEMALE == ResidentId("622921201902280005").sex


def test_reveal_gives_the_clear_number() -> None:
    assert SAMPLE == ResidentId.parse(SAMPLE.lower()).reveal()


def test_two_numbers_with_the_same_characters_are_equal_and_hash_alike() -> None:
    assert 1 == len({ResidentId(SAMPLE), ResidentId.parse(SAMPLE.lower())})


def test_two_different_numbers_are_not_equal() -> None:
    assert ResidentId(LINXIA_BOY) != ResidentId(LINXIA_GIRL)


# ResidentId: building ----------------------------------------------------------------


def test_from_parts_builds_the_sample_number() -> None:
    assert SAMPLE == ResidentId.from_parts("110105", dt.date(1949, 12, 31), 2).reveal()


def test_from_parts_accepts_the_sequence_as_three_digits() -> None:
    assert LINXIA_BOY == ResidentId.from_parts("622921", dt.date(2012, 9, 1), "031").reveal()


def test_from_parts_gives_back_its_parts() -> None:
    number = ResidentId.from_parts("622926", dt.date(2015, 8, 6), 123)
    assert ("622926", dt.date(2015, 8, 6), "123") == (
        number.region_code,
        number.birth_date,
        number.sequence,
    )


def test_from_parts_computes_an_x_check_character() -> None:
    assert "X" == ResidentId.from_parts("622921", dt.date(2012, 9, 1), 4).check_character


def test_from_parts_accepts_an_unknown_region_code() -> None:
    assert "999999" == ResidentId.from_parts("999999", dt.date(2011, 1, 1), 1).region_code


@pytest.mark.parametrize("region_code", ["62292", "6229211", "62292a", "６２２９２１"])
def test_from_parts_rejects_a_region_code_that_is_not_six_digits(region_code: str) -> None:
    with pytest.raises(InvalidResidentId, match="region code must be 6 digits") as caught:
        ResidentId.from_parts(region_code, dt.date(2012, 9, 1), 1)
    assert "region_code" == caught.value.field


@pytest.mark.parametrize("sequence", [-1, 1000, True, "31", "0311", "03a"])
def test_from_parts_rejects_a_sequence_out_of_range_or_form(sequence: int | str) -> None:
    with pytest.raises(InvalidResidentId, match="sequence must be") as caught:
        ResidentId.from_parts("622921", dt.date(2012, 9, 1), sequence)
    assert "sequence" == caught.value.field


def test_with_birth_date_keeps_region_and_sequence_and_recomputes_the_check() -> None:
    corrected = ResidentId(LINXIA_BOY).with_birth_date(dt.date(2013, 9, 1))
    assert ResidentId.from_parts("622921", dt.date(2013, 9, 1), "031") == corrected


def test_with_birth_date_gives_a_valid_number() -> None:
    corrected = ResidentId(SAMPLE).with_birth_date(dt.date(1950, 1, 1))
    assert "110105195001010020" == corrected.reveal()


# Masking -----------------------------------------------------------------------------


def test_str_shows_the_region_and_the_last_two_characters_only() -> None:
    assert "622921**********14" == str(ResidentId(LINXIA_BOY))


def test_repr_is_masked() -> None:
    assert "ResidentId('622921**********14')" == repr(ResidentId(LINXIA_BOY))


def test_a_formatted_number_is_masked() -> None:
    assert "id 622921**********14" == f"id {ResidentId(LINXIA_BOY)}"


def test_the_birth_date_and_sequence_never_appear_in_str_or_repr() -> None:
    number = ResidentId(LINXIA_BOY)
    assert "2012090103" not in str(number) + repr(number)


def test_the_error_for_a_wrong_check_character_shows_the_number_masked() -> None:
    with pytest.raises(InvalidResidentId) as caught:
        validate_resident_id("622921201209010315")
    assert "resident_id='622921**********15': wrong check character: expected '4'" == str(
        caught.value
    )


@pytest.mark.parametrize(
    "text",
    [
        "622921201209010315",  # wrong check character
        "622921201902300005",  # impossible date
        "62292120120901031",  # 17 characters
        "6229212012090103144",  # 19 characters
        "622921201A09010314",  # a letter
        "62292120120901031Y",  # a bad check character
    ],
)
def test_no_error_message_shows_the_middle_of_the_number(text: str) -> None:
    with pytest.raises(InvalidResidentId) as caught:
        validate_resident_id(text)
    assert text[6:-2] not in str(caught.value)
