"""The span of dates the library serves (支持的日期范围).

A date read from a file, and the date of an audit, must fall between
:data:`EARLIEST_DATE` and :data:`LATEST_DATE`. The span is that of the lunar calendar the
library reads (lunar years 1900 to 2100, that is 31 January 1900 to 28 January 2101),
cut to whole Gregorian years: 1 January 1900 to 31 December 2099. Every child of
compulsory-school age, every record of a registry and every audit date falls well inside
it, and the rules can add the years they count (an age of 16, a school year, a few
hundred working days) to any date of the span without leaving what Python's dates hold.
A date outside it is a placeholder (``9999-12-31`` for "no end date", ``0001-01-01`` for
"not known") or a typing slip, never a fact: the readers refuse the cell
(``INPUT.DATE_OUT_OF_RANGE``, an INPUT-001 finding) and the command line refuses the
audit date.

>>> is_supported_date(dt.date(2019, 3, 20)), is_supported_date(dt.date(9999, 12, 31))
(True, False)
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from dropout_control.errors import InvalidDate
from dropout_control.reasons import reason

__all__ = ["EARLIEST_DATE", "LATEST_DATE", "date_argument", "is_supported_date"]

EARLIEST_DATE: Final = dt.date(1900, 1, 1)
"""The first date the library serves: the first Gregorian year of the lunar calendar."""

LATEST_DATE: Final = dt.date(2099, 12, 31)
"""The last date the library serves: the last whole Gregorian year of the lunar calendar."""


def is_supported_date(day: dt.date) -> bool:
    """Whether ``day`` falls in the span of dates the library serves."""
    return EARLIEST_DATE <= day <= LATEST_DATE


OUT_OF_RANGE: Final = reason(
    "DATE.OUT_OF_RANGE",
    "日期超出本库支持的范围 {earliest} 至 {latest}",
    "date outside the span the library serves, {earliest} to {latest}",
)


def date_argument(value: object, argument: str) -> dt.date:
    """``value`` if it is a date the library serves; a clear error that says what to pass.

    A text, a datetime or anything else that is not a plain :class:`datetime.date` is a
    :class:`TypeError`; a date outside the span is an
    :class:`~dropout_control.errors.InvalidDate` (a :class:`ValueError`).

    >>> date_argument("2019-03-20", "as_of")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: as_of must be a datetime.date, ... not str '2019-03-20'; read a text with ...
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        day = value
        if EARLIEST_DATE <= day <= LATEST_DATE:
            return day
        raise InvalidDate(
            argument,
            OUT_OF_RANGE,
            shown=day.isoformat(),
            facts={"earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()},
        )
    hint = ""
    if isinstance(value, str):
        hint = "; read a text with datetime.date.fromisoformat()"
    elif isinstance(value, dt.datetime):
        hint = "; take a datetime's day with .date()"
    shown = f" {value!r}" if isinstance(value, str | dt.datetime) else ""
    raise TypeError(
        f"{argument} must be a datetime.date, such as datetime.date(2019, 3, 20), "
        f"not {type(value).__name__}{shown}{hint}"
    )
