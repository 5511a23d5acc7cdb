"""Look-ups of age corrections that rules, whereabouts and other packages use."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dropout_control.age_corrections.kinds import (
    CORRECTIONS_BY_NEW_ID,
    CORRECTIONS_BY_OLD_ID,
    EVIDENCE_BY_CORRECTION,
)
from dropout_control.age_corrections.model import AgeCorrection, CorrectionEvidence

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle

__all__ = [
    "approved_corrections",
    "corrections_from",
    "corrections_of",
    "corrections_to",
    "evidence_of",
    "explains_birth_date",
    "explains_number",
    "numbers_of_person",
]


def corrections_from(bundle: Bundle, old_resident_id: str) -> tuple[AgeCorrection, ...]:
    """The corrections whose old resident ID number is this one (as written)."""
    return bundle.index(CORRECTIONS_BY_OLD_ID).get(old_resident_id, ())


def corrections_to(bundle: Bundle, new_resident_id: str) -> tuple[AgeCorrection, ...]:
    """The corrections whose new resident ID number is this one (as written)."""
    return bundle.index(CORRECTIONS_BY_NEW_ID).get(new_resident_id, ())


def numbers_of_person(bundle: Bundle, resident_id: str) -> tuple[str, ...]:
    """Every resident ID number of the person who holds or held ``resident_id``: the
    number itself first, then those that corrections link to it, old or new, in either
    direction and through several corrections (A to B, then B to C).

    Linked numbers are few (a person has one correction, rarely two), so this walks
    the two indexes instead of building a table of people.
    """
    found = [resident_id]
    position = 0
    while position < len(found):
        number = found[position]
        position += 1
        for correction in corrections_from(bundle, number):
            if correction.new_key not in found:
                found.append(correction.new_key)
        for correction in corrections_to(bundle, number):
            if correction.old_key not in found:
                found.append(correction.old_key)
    return tuple(found)


def corrections_of(bundle: Bundle, resident_id: str) -> tuple[AgeCorrection, ...]:
    """Every correction of the person who holds or held ``resident_id`` (under any of
    its numbers, see :func:`numbers_of_person`), each once, in input order."""
    seen: dict[str, AgeCorrection] = {}
    for number in numbers_of_person(bundle, resident_id):
        for correction in (*corrections_from(bundle, number), *corrections_to(bundle, number)):
            seen.setdefault(correction.correction_id, correction)
    return tuple(sorted(seen.values(), key=_position))


def _position(correction: AgeCorrection) -> tuple[str, int]:
    source = correction.source
    return ("", 0) if source is None else (source.file, source.line)


def evidence_of(bundle: Bundle, correction_id: str) -> tuple[CorrectionEvidence, ...]:
    """The documents shown for a correction, in input order."""
    return bundle.index(EVIDENCE_BY_CORRECTION).get(correction_id, ())


def approved_corrections(
    corrections: tuple[AgeCorrection, ...], as_of: dt.date
) -> list[AgeCorrection]:
    """The corrections among ``corrections`` approved on or before ``as_of``."""
    return [c for c in corrections if c.is_approved_by(as_of)]


def explains_birth_date(
    bundle: Bundle, resident_id: str, birth_date: dt.date, as_of: dt.date
) -> bool:
    """Whether an approved correction explains a birth date that differs from the one
    inside ``resident_id``.

    True when a correction approved by ``as_of`` leads to ``resident_id`` from a number
    whose birth date was ``birth_date`` (the record kept the old date), or leads from
    ``resident_id`` to ``birth_date`` (the record kept the old number). Either way the
    finding is AC-004 (the record did not follow), not ID-002.
    """
    return any(
        birth_date == correction.old_birth_date
        for correction in approved_corrections(corrections_to(bundle, resident_id), as_of)
    ) or any(
        birth_date == correction.new_birth_date
        for correction in approved_corrections(corrections_from(bundle, resident_id), as_of)
    )


def explains_number(
    bundle: Bundle, old_resident_id: str, new_resident_id: str, as_of: dt.date
) -> bool:
    """Whether an approved correction (by ``as_of``) leads from ``old_resident_id`` to
    ``new_resident_id``, through one correction or a chain of them.

    The student number is for life: a G number of the old number on a record of the new
    one is explained this way (ID-005).
    """
    if old_resident_id == new_resident_id:
        return True
    reached = [old_resident_id]
    position = 0
    while position < len(reached):
        number = reached[position]
        position += 1
        for correction in approved_corrections(corrections_from(bundle, number), as_of):
            if correction.new_key == new_resident_id:
                return True
            if correction.new_key not in reached:
                reached.append(correction.new_key)
    return False
