"""Strategies for resident ID numbers and student numbers, valid and invalid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dropout_control.identity import (
    LINXIA_COUNTIES,
    ResidentId,
    Sex,
    StudentNumber,
    StudentNumberKind,
    calc_check_character,
)

__all__ = ["invalid_resident_ids", "resident_ids", "student_numbers"]

_LINXIA_CODES = tuple(county.code for county in LINXIA_COUNTIES)
_EARLIEST = dt.date(1950, 1, 1)
_LATEST = dt.date(2030, 12, 31)

Defect = Literal["check_character", "birth_date", "length", "character"]


def _region_codes(regions: Sequence[str] | st.SearchStrategy[str] | None) -> st.SearchStrategy[str]:
    if regions is None:
        return st.sampled_from(_LINXIA_CODES)
    if isinstance(regions, st.SearchStrategy):
        return regions
    if not regions:
        raise InvalidArgument("regions must not be empty")
    bad = [code for code in regions if len(code) != 6 or not code.isdigit()]  # noqa: PLR2004
    if bad:
        raise InvalidArgument(f"regions must be 6-digit codes, got {bad!r}")
    return st.sampled_from(list(regions))


def _sequences(sex: Sex | None) -> st.SearchStrategy[int]:
    numbers = st.integers(0, 999)
    if sex is Sex.MALE:
        return numbers.filter(lambda n: n % 2 == 1)
    if sex is Sex.FEMALE:
        return numbers.filter(lambda n: n % 2 == 0)
    return numbers


def resident_ids(
    *,
    regions: Sequence[str] | st.SearchStrategy[str] | None = None,
    min_birth_date: dt.date = _EARLIEST,
    max_birth_date: dt.date = _LATEST,
    sex: Sex | None = None,
) -> st.SearchStrategy[ResidentId]:
    """Valid resident ID numbers (GB 11643), built from their parts.

    ``regions`` defaults to the eight Linxia county codes; the birth date lies from
    ``min_birth_date`` to ``max_birth_date``; ``sex`` fixes the parity of the sequence.
    """
    if min_birth_date > max_birth_date:
        raise InvalidArgument(
            f"min_birth_date={min_birth_date} is after max_birth_date={max_birth_date}"
        )
    return st.builds(
        ResidentId.from_parts,
        _region_codes(regions),
        st.dates(min_value=min_birth_date, max_value=max_birth_date),
        _sequences(sex),
    )


@st.composite
def _with_defect(draw: st.DrawFn, defect: Defect, base: st.SearchStrategy[ResidentId]) -> str:
    number = draw(base).reveal()
    if defect == "check_character":
        right = number[17]
        wrong = draw(st.sampled_from([c for c in "0123456789X" if c != right]))
        return number[:17] + wrong
    if defect == "birth_date":
        month_day = draw(st.sampled_from(["0230", "0231", "0431", "1301", "0000", "1232"]))
        first17 = number[:10] + month_day + number[14:17]
        return first17 + calc_check_character(first17)
    if defect == "length":
        cut = draw(st.integers(1, 17))
        longer = number + draw(st.sampled_from("0123456789"))
        return draw(st.sampled_from([number[:cut], longer]))
    position = draw(st.integers(0, 16))
    letter = draw(st.sampled_from("ABCDEFGHJKLMNPQRSTUVWYZ"))
    return number[:position] + letter + number[position + 1 :]


def invalid_resident_ids(
    *,
    defects: Sequence[Defect] = ("check_character", "birth_date", "length", "character"),
    regions: Sequence[str] | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[str]:
    """Texts that are *not* valid resident ID numbers, each with one known defect.

    ``defects`` chooses among a wrong check character, a birth date that does not
    exist (the check character recomputed so only the date is wrong), a wrong length and
    a letter where a digit belongs.
    """
    if not defects:
        raise InvalidArgument("defects must not be empty")
    base = resident_ids(regions=regions, min_birth_date=dt.date(1950, 1, 1))
    return st.one_of(*[_with_defect(defect, base) for defect in dict.fromkeys(defects)])


def student_numbers(
    *,
    kind: StudentNumberKind | None = None,
    ids: st.SearchStrategy[ResidentId] | None = None,
) -> st.SearchStrategy[StudentNumber]:
    """National student numbers: G numbers from resident IDs, L and J numbers at random.

    ``ids`` is the strategy of resident IDs behind G numbers (default
    :func:`resident_ids`).
    """
    g_numbers = (ids if ids is not None else resident_ids()).map(StudentNumber.from_resident_id)
    digits = st.text("0123456789", min_size=17, max_size=17)
    tail = st.sampled_from("0123456789X")

    def other(letter: str) -> st.SearchStrategy[StudentNumber]:
        return st.builds(lambda d, t: StudentNumber.parse(letter + d + t), digits, tail)

    by_kind = {
        StudentNumberKind.G: g_numbers,
        StudentNumberKind.L: other("L"),
        StudentNumberKind.J: other("J"),
    }
    if kind is not None:
        return by_kind[kind]
    return st.one_of(*by_kind.values())
