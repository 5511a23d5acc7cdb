"""What follows from a correction: the new resident ID number, the prevailing evidence and
the lunar hint (functions other systems import).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from dropout_control.age_corrections.keys import AGE_CORRECTION_PREVAILING_EVIDENCE
from dropout_control.age_corrections.model import CorrectionEvidence
from dropout_control.calendar.lunar import LunarDate, same_day_lunar_and_gregorian
from dropout_control.identity import ResidentId

if TYPE_CHECKING:
    from dropout_control.policy import Policy

__all__ = ["lunar_hint", "new_resident_id", "prevailing_evidence"]


def new_resident_id(old: ResidentId, new_birth_date: dt.date) -> ResidentId:
    """The resident ID number that follows from ``old`` when the birth date becomes
    ``new_birth_date``: region and sequence kept, the birth-date part replaced, the check
    character recomputed.

    Basis: GB 11643-1999 [C]; 居民身份证法 art 11 [C]. The student number does not
    follow: the national student number is for life, and a G number equal to "G" + the
    old number is explained by the approved correction (ID-005).

    >>> old = ResidentId.from_parts("622921", dt.date(2010, 5, 1), 3)
    >>> new = new_resident_id(old, dt.date(2008, 5, 1))
    >>> (new.region_code, new.birth_date, new.sequence) == ("622921", dt.date(2008, 5, 1), "003")
    True
    """
    return old.with_birth_date(new_birth_date)


def prevailing_evidence(
    evidence: Iterable[CorrectionEvidence], *, policy: Policy
) -> CorrectionEvidence | None:
    """The document that settles the birth date: the first of ``evidence`` whose kind
    comes earliest in ``age_correction.prevailing_evidence`` (birth medical certificate,
    then migration certificate, then original registration documents, nationally).

    None when no document is of a kind the parameter names: school records, vaccination
    records and other papers support a correction but do not settle it.
    """
    order = [str(code) for code in policy.value(AGE_CORRECTION_PREVAILING_EVIDENCE, tuple)]
    ranked = [item for item in evidence if item.kind.value in order]
    if not ranked:
        return None
    return min(ranked, key=lambda item: order.index(item.kind.value))


def lunar_hint(first: dt.date, second: dt.date) -> bool:
    """Whether two birth dates are one day, one written in lunar digits and the other in
    Gregorian ones, either way round, leap months included.

    The commonest innocent cause of an age correction (AC-008). Both dates must lie in
    the range of the lunar library (31 January 1900 to 28 January 2101, see
    :mod:`dropout_control.calendar.lunar`); outside it the answer is not a guess but
    :class:`~dropout_control.errors.InvalidLunarDate` (field ``day``).

    >>> lunar_hint(dt.date(2012, 7, 16), dt.date(2012, 9, 1))
    True
    >>> lunar_hint(dt.date(2020, 5, 23), dt.date(2020, 4, 1))  # leap fourth month
    True
    >>> lunar_hint(dt.date(1899, 1, 1), dt.date(1899, 2, 1))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    dropout_control.errors.InvalidLunarDate: day='1899-01-01': outside 1900-01-31..2101-01-28, ...
    """
    LunarDate.from_gregorian(first)
    LunarDate.from_gregorian(second)
    return same_day_lunar_and_gregorian(first, second)
