"""Sex as the resident ID number records it (性别: 男 / 女).

Basis: GB 11643-1999, the sequence code: its last digit, the 17th character of the
number, is odd for a man and even for a woman.
"""

from __future__ import annotations

import enum

from dropout_control.reasons import vocabulary

__all__ = ["Sex"]


class Sex(enum.Enum):
    """Sex of a person (性别): male (男) or female (女).

    Basis: GB 11643-1999 gives odd sequence digits to men and even ones to women; the
    registry and the population roster record the same two values.

    >>> Sex("female")
    <Sex.FEMALE: 'female'>
    """

    MALE = "male"
    """男: the 17th character of the resident ID number is odd."""

    FEMALE = "female"
    """女: the 17th character of the resident ID number is even."""


vocabulary("SEX", [("male", "男", "male"), ("female", "女", "female")])
