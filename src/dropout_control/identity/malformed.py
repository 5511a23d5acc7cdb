"""A number as it was written when it is not a valid number (无效证件号).

Records read from a registry keep a malformed resident ID or student number instead of
refusing the row: a wrong number is a finding of a rule (ID-001, ID-004), not a row that
cannot be read. The text stays masked wherever it is shown.
"""

from __future__ import annotations

import attrs

from dropout_control.identity.masking import MaskedRepr, mask_number
from dropout_control.reasons import Stated

__all__ = ["MalformedNumber"]


@attrs.frozen(repr=False)
class MalformedNumber(MaskedRepr):
    """The text of a number that failed validation, and why it failed.

    ``reason`` is the reason the validation gave, with its facts (its code, such as
    ``ID.CHECK_CHARACTER``, and the character expected).

    >>> from dropout_control.identity.resident_id import CHECK_CHARACTER
    >>> bad = MalformedNumber("110105194912310021", CHECK_CHARACTER.given(expected="X"))
    >>> bad
    MalformedNumber('110105**********21')
    >>> bad.reveal()
    '110105194912310021'
    >>> bad.reason.code
    'ID.CHECK_CHARACTER'
    """

    _text: str = attrs.field(alias="text")
    reason: Stated

    def reveal(self) -> str:
        """The text as it was written. Call only where the caller asked for it."""
        return self._text

    def __str__(self) -> str:
        return mask_number(self._text)

    def __repr__(self) -> str:
        return f"MalformedNumber({str(self)!r})"
