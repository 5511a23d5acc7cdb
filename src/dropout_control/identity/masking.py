"""Masking of personal data (ID numbers, student numbers, names).

Every ``str``, ``repr``, error message, log line and default report of the library shows
personal values through these functions. A number keeps its region prefix (the part a
reader needs to see which county a child belongs to) and its last two characters; a name
keeps its first character (the surname in almost every case).

>>> mask_number("11010519491231002X")
'110105**********2X'
>>> mask_number("G11010519491231002X")
'G110105**********2X'
>>> mask_name("马小花")
'马**'
"""

from __future__ import annotations

import datetime as dt

__all__ = [
    "MASK",
    "MaskedRepr",
    "mask_date",
    "mask_name",
    "mask_number",
    "masked_date_repr",
    "optional_name_repr",
    "optional_number_repr",
]

MASK = "*"

# How much of a number stays visible: the region prefix and the last two characters.
_REGION_DIGITS = 6
_TAIL = 2
# A shorter string shows nothing: too little is hidden otherwise.
_SHORTEST_SHOWN = _REGION_DIGITS + _TAIL + 4


def mask_date(day: dt.date) -> str:
    """A birth date as every output shows it by default: the year only.

    >>> mask_date(dt.date(2012, 9, 1))
    '2012-**-**'
    """
    return f"{day.year:04}-**-**"


def masked_date_repr(day: dt.date) -> str:
    """A birth date as a record's ``repr`` shows it (attrs ``repr=``): the year only."""
    return repr(mask_date(day))


def mask_number(text: str) -> str:
    """Mask an ID number or a student number, keeping the region prefix and the tail.

    A leading letter (a student number's G, L or J) stays visible too. Anything too short
    to be a number is masked whole, so nothing of a malformed value leaks either.

    >>> mask_number("6229")
    '****'
    """
    lead = text[0] if text[:1].isalpha() else ""
    body = text[len(lead) :]
    if len(body) < _SHORTEST_SHOWN:
        return lead + MASK * len(body)
    hidden = len(body) - _REGION_DIGITS - _TAIL
    return lead + body[:_REGION_DIGITS] + MASK * hidden + body[-_TAIL:]


def mask_name(text: str) -> str:
    """Mask a personal name, keeping its first character.

    >>> mask_name("马")
    '*'
    >>> mask_name("")
    ''
    """
    if len(text) < 2:  # noqa: PLR2004 - a one-character name would be shown whole
        return MASK * len(text)
    return text[0] + MASK * (len(text) - 1)


def optional_number_repr(value: str | None) -> str:
    """The ``repr`` of an optional number held as text, masked (for ``attrs`` fields).

    >>> optional_number_repr("11010519491231002X"), optional_number_repr(None)
    ("'110105**********2X'", 'None')
    """
    return "None" if value is None else repr(mask_number(value))


def optional_name_repr(value: str | None) -> str:
    """The ``repr`` of an optional name or free text about a person, masked (for
    ``attrs`` fields).

    >>> optional_name_repr("马老师"), optional_name_repr(None)
    ('马**', 'None')
    """
    return "None" if value is None else mask_name(value)


class MaskedRepr:
    """Base of classes holding personal data: pretty-printers show their masked ``repr``.

    Hypothesis and IPython print attrs instances field by field, which would bypass a
    class's masked ``repr``; ``_repr_pretty_`` makes them use it.
    """

    __slots__ = ()

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:
        printer.text(repr(self))  # type: ignore[attr-defined]
