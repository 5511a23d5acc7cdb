"""What reading input can produce besides records: rejected rows and duplicate keys.

These are the subjects of the INPUT rules: a row that cannot become a record (INPUT-001),
a row whose key another row of the same kind already holds (INPUT-002), and a cell of
an optional field that could not be read, its record kept with the field unknown
(INPUT-003). Every row read is either a record or one of the first two; nothing is
dropped silently.
"""

from __future__ import annotations

import attrs

from dropout_control.findings import SourceLocation
from dropout_control.identity import mask_number
from dropout_control.reasons import Stated

__all__ = ["Duplicate", "Rejection", "UnreadCell"]


@attrs.frozen
class Rejection:
    """A row that could not become a record: where, which field, and why.

    ``reason`` is the reason with its facts (its ``code``, such as
    ``INPUT.NO_SUCH_DATE``, and the bad cell as ``got``); it never holds a personal value
    in clear (readers mask them).
    """

    source: SourceLocation
    kind: str
    field: str
    reason: Stated

    @property
    def code(self) -> str:
        """The code of the reason."""
        return self.reason.code


@attrs.frozen
class UnreadCell:
    """A cell of an optional field that could not be read (INPUT-003).

    The record was kept with the field unknown (``None``); ``reason`` says why, its
    ``got`` fact the cell as it may be shown (masked unless plainly not personal).
    """

    source: SourceLocation
    kind: str
    field: str
    reason: Stated

    @property
    def code(self) -> str:
        """The code of the reason."""
        return self.reason.code


@attrs.frozen(repr=False)
class Duplicate:
    """A row whose unique key an earlier row of the same kind already holds."""

    source: SourceLocation
    kind: str
    key_field: str
    _key: str = attrs.field(alias="key")
    first: SourceLocation
    personal: bool = True

    @property
    def shown_key(self) -> str:
        """The key as it may be displayed (masked when it is a personal number)."""
        return mask_number(self._key) if self.personal else self._key

    def reveal_key(self) -> str:
        """The key in clear."""
        return self._key

    def __repr__(self) -> str:
        return f"Duplicate({self.kind}.{self.key_field}={self.shown_key!r} at {self.source})"
