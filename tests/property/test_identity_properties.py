"""Properties of the identity package: round trips, agreement with python-stdnum, masking.

python-stdnum's ``cn.ric`` is the reference for the check character and for validity. It
also rejects a number whose region code is unknown or was not in use in the birth year;
the library does not (rule ID-007 reports unknown codes as information), so the
comparison below leaves that one check of python-stdnum's out.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from stdnum.cn import ric
from stdnum.exceptions import InvalidComponent, ValidationError

from dropout_control.errors import InvalidRecord, InvalidResidentId, InvalidStudentNumber
from dropout_control.identity import (
    ResidentId,
    Sex,
    calc_check_character,
    compact_resident_id,
    compact_student_number,
    is_valid_resident_id,
    mask_number,
    validate_resident_id,
    validate_student_number,
)

ID_CHARACTERS = "0123456789X"
MASK = "*"

region_codes = st.text(alphabet="0123456789", min_size=6, max_size=6)
birth_dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
sequences = st.integers(min_value=0, max_value=999)
resident_ids = st.builds(ResidentId.from_parts, region_codes, birth_dates, sequences)
id_like_texts = st.text(alphabet=ID_CHARACTERS, min_size=18, max_size=18)
# Texts that look like ID numbers typed badly: wrong lengths, letters, separators.
typed_texts = st.text(alphabet="0123456789XxGLJA -", max_size=40)


def stdnum_accepts_apart_from_the_region(text: str) -> bool:
    """python-stdnum's verdict with its region-in-use check left out."""
    try:
        ric.validate(text)
    except (InvalidComponent, KeyError):
        # InvalidComponent comes from the birth date or the region, and a KeyError from
        # the region look-up (python-stdnum 2.2, for a known province with an unknown
        # county): the region is to blame when the birth date on its own reads.
        try:
            ric.get_birth_date(text)
        except InvalidComponent:
            return False
        return True
    except ValidationError:
        return False
    return True


def one_character_changed(number: str, position: int, character: str) -> str:
    return number[:position] + character + number[position + 1 :]


# Round trips ---------------------------------------------------------------------------


@given(region_codes, birth_dates, sequences)
def test_a_number_built_from_parts_gives_back_its_parts(
    region_code: str, birth_date: dt.date, sequence: int
) -> None:
    number = ResidentId.from_parts(region_code, birth_date, sequence)
    assert (region_code, birth_date, f"{sequence:03d}") == (
        number.region_code,
        number.birth_date,
        number.sequence,
    )


@given(resident_ids)
def test_a_built_number_parses_back_to_itself(number: ResidentId) -> None:
    assert number == ResidentId.parse(number.reveal())


@given(resident_ids)
def test_the_sex_follows_the_parity_of_the_sequence(number: ResidentId) -> None:
    expected = Sex.MALE if int(number.sequence) % 2 else Sex.FEMALE
    assert expected == number.sex


@given(resident_ids, birth_dates)
def test_a_new_birth_date_keeps_region_and_sequence(number: ResidentId, new_date: dt.date) -> None:
    corrected = number.with_birth_date(new_date)
    assert (number.region_code, new_date, number.sequence) == (
        corrected.region_code,
        corrected.birth_date,
        corrected.sequence,
    )


# Agreement with python-stdnum --------------------------------------------------------


@settings(max_examples=1000)
@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_the_check_character_agrees_with_python_stdnum(first17: str) -> None:
    # python-stdnum's function takes the whole number and ignores its last character.
    assert ric.calc_check_digit(first17 + "?") == calc_check_character(first17)


@settings(max_examples=2000)
@given(id_like_texts)
@example("11010519491231002X")
@example("999999201101010013")  # an unknown region: python-stdnum alone rejects it
def test_validity_agrees_with_python_stdnum_on_arbitrary_numbers(text: str) -> None:
    assert stdnum_accepts_apart_from_the_region(text) == is_valid_resident_id(text)


@settings(max_examples=1000)
@given(resident_ids, st.integers(min_value=0, max_value=17), st.sampled_from(ID_CHARACTERS))
def test_validity_agrees_with_python_stdnum_with_one_character_changed(
    number: ResidentId, position: int, character: str
) -> None:
    changed = one_character_changed(number.reveal(), position, character)
    assert stdnum_accepts_apart_from_the_region(changed) == is_valid_resident_id(changed)


@given(resident_ids, st.integers(min_value=0, max_value=17), st.sampled_from(ID_CHARACTERS))
def test_changing_one_character_of_a_valid_number_changes_validity_or_meaning(
    number: ResidentId, position: int, character: str
) -> None:
    changed = one_character_changed(number.reveal(), position, character)
    assume(changed != number.reveal())
    # ISO 7064 MOD 11-2 catches every single-character error.
    assert not is_valid_resident_id(changed)


# Masking ------------------------------------------------------------------------------


def visible_characters(shown: str) -> int:
    return sum(1 for character in shown if character != MASK)


@given(resident_ids)
def test_str_shows_only_the_region_and_the_last_two_characters(number: ResidentId) -> None:
    clear = number.reveal()
    assert clear[:6] + MASK * 10 + clear[-2:] == str(number)


@given(resident_ids)
def test_repr_shows_only_the_region_and_the_last_two_characters(number: ResidentId) -> None:
    clear = number.reveal()
    assert f"ResidentId('{clear[:6]}{MASK * 10}{clear[-2:]}')" == repr(number)


def assert_masked(error: InvalidRecord, compact: str) -> None:
    """The error shows the number masked and no other part of it."""
    assert mask_number(compact) == error.shown
    # At most a leading letter, the 6-character prefix and the last two characters.
    lead = 1 if compact[:1].isalpha() else 0
    assert visible_characters(error.shown or "") <= lead + 6 + 2
    # The reason says how long the text is or where it is wrong, never three digits of it.
    assert re.search(r"\d{3}", error.reason) is None
    assert f"{error.field}={error.shown!r}: {error.reason}" == str(error)


@settings(max_examples=500)
@given(typed_texts)
def test_an_error_for_a_badly_typed_resident_id_number_shows_it_masked(text: str) -> None:
    try:
        validate_resident_id(text)
    except InvalidResidentId as error:
        assert_masked(error, compact_resident_id(text))


@settings(max_examples=500)
@given(resident_ids, st.integers(min_value=0, max_value=17), st.sampled_from(ID_CHARACTERS))
def test_an_error_for_a_mistyped_resident_id_number_shows_it_masked(
    number: ResidentId, position: int, character: str
) -> None:
    changed = one_character_changed(number.reveal(), position, character)
    try:
        validate_resident_id(changed)
    except InvalidResidentId as error:
        assert_masked(error, changed)


@settings(max_examples=500)
@given(typed_texts)
def test_an_error_for_a_badly_typed_student_number_shows_it_masked(text: str) -> None:
    try:
        validate_student_number(text)
    except InvalidStudentNumber as error:
        assert_masked(error, compact_student_number(text))
