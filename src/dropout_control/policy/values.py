"""The kinds of value a policy parameter can hold, and how each is read from data."""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Callable, Mapping
from types import MappingProxyType

import attrs

from dropout_control.calendar.month_day import MonthDay, MonthDaySpan
from dropout_control.calendar.working_days import WorkingCalendar
from dropout_control.errors import InvalidRecord
from dropout_control.policy.keys import COMPULSORY_STRUCTURE
from dropout_control.reasons import reason, vocabulary

STRUCTURE_FORM = reason(
    "POLICY.STRUCTURE_FORM", "学制应写作 小学年数+初中年数", "expected primary+junior years"
)

__all__ = ["Mark", "SchoolStructure", "ValueKind", "merge_values", "read_value", "show_value"]


class Mark(enum.Enum):
    """How far a parameter's value is trusted (see the policy sources page).

    ``C`` confirmed in the primary text; ``S`` taken from a secondary source (a copy of
    an official text, another province's rule); ``U`` an unsourced default that the
    deploying authority should set.
    """

    CONFIRMED = "C"
    SECONDARY = "S"
    UNSOURCED = "U"


@attrs.frozen
class SchoolStructure:
    """How the nine compulsory grades split into primary and junior secondary (学制).

    >>> SchoolStructure.parse("5+4").junior_grades
    range(6, 10)
    >>> str(SchoolStructure(6, 3))
    '6+3'
    """

    primary_years: int
    junior_years: int

    @classmethod
    def parse(cls, text: str) -> SchoolStructure:
        """Read ``P+J`` such as ``6+3``."""
        primary, sep, junior = text.strip().partition("+")
        if not sep or not primary.isdigit() or not junior.isdigit():
            raise InvalidRecord(COMPULSORY_STRUCTURE, STRUCTURE_FORM, shown=text)
        return cls(int(primary), int(junior))

    @property
    def primary_grades(self) -> range:
        """Grades of the primary stage."""
        return range(1, self.primary_years + 1)

    @property
    def junior_grades(self) -> range:
        """Grades of the junior-secondary stage."""
        return range(self.primary_years + 1, self.primary_years + self.junior_years + 1)

    @property
    def final_grade(self) -> int:
        """The graduating grade of compulsory education."""
        return self.primary_years + self.junior_years

    def stage_ended_by(self, grade: int) -> str | None:
        """The stage (``primary`` or ``junior_secondary``, words of the ``STAGE``
        vocabulary) whose last grade ``grade`` is, if it is one.

        >>> SchoolStructure(6, 3).stage_ended_by(6), SchoolStructure(5, 4).stage_ended_by(6)
        ('primary', None)
        """
        if grade == self.final_grade:
            return "junior_secondary"
        if grade == self.primary_years:
            return "primary"
        return None

    def __str__(self) -> str:
        return f"{self.primary_years}+{self.junior_years}"


STAGES = vocabulary(
    "STAGE", [("primary", "小学", "primary"), ("junior_secondary", "初中", "junior secondary")]
)
"""The stages of compulsory education, as :meth:`SchoolStructure.stage_ended_by` names them."""


class ValueKind(enum.Enum):
    """The kind of a parameter's value, declared where the parameter is defined."""

    INTEGER = "integer"
    RATIO = "ratio"
    BOOLEAN = "boolean"
    DATE = "date"
    MONTH_DAY = "month_day"
    CODE = "code"
    CODES = "codes"
    PERIOD = "period"
    STRUCTURE = "structure"
    DAY_ARRANGEMENTS = "day_arrangements"
    MONTH_DAY_SPAN = "month_day_span"
    ROLE_TABLE = "role_table"

    @property
    def accumulates(self) -> bool:
        """Whether the values in force add up rather than the latest replacing the rest.

        Day arrangements do: each dated value (the national data, a layer's new year)
        adds its years to those of the values before it along the chain, least specific
        first and then by date; a year given again replaces the earlier one.
        """
        return self is ValueKind.DAY_ARRANGEMENTS


_PERIODS = frozenset({"monthly", "termly", "yearly"})


def _integer(raw: object) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise TypeError("expected a whole number")
    return raw


def _ratio(raw: object) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise TypeError("expected a number between 0 and 1")
    value = float(raw)
    if not (0.0 <= value <= 1.0) or math.isnan(value):
        raise ValueError("expected a number between 0 and 1")
    return value


def _boolean(raw: object) -> bool:
    if not isinstance(raw, bool):
        raise TypeError("expected true or false")
    return raw


def _date(raw: object) -> dt.date:
    if isinstance(raw, dt.datetime) or not isinstance(raw, dt.date):
        if isinstance(raw, str):
            return dt.date.fromisoformat(raw)
        raise TypeError("expected a date")
    return raw


def _text(raw: object) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise TypeError("expected a non-empty text")
    return raw.strip()


def _month_day(raw: object) -> MonthDay:
    return MonthDay.parse(_text(raw))


def _codes(raw: object) -> tuple[str, ...]:
    if isinstance(raw, str) or not isinstance(raw, list | tuple):
        raise TypeError("expected a list of codes")
    return tuple(_text(item) for item in raw)


def _period(raw: object) -> str:
    text = _text(raw)
    if text not in _PERIODS:
        raise ValueError(f"expected one of {', '.join(sorted(_PERIODS))}")
    return text


def _month_day_span(raw: object) -> MonthDaySpan:
    return MonthDaySpan.parse(_text(raw))


def _role_table(raw: object) -> Mapping[str, tuple[str, ...]]:
    """A table of steps, each with the codes of the roles that own it."""
    if not isinstance(raw, Mapping) or not raw:
        raise TypeError("expected a table of steps, each with a list of roles")
    return MappingProxyType({_text(step): _codes(roles) for step, roles in raw.items()})


def _structure(raw: object) -> SchoolStructure:
    return SchoolStructure.parse(_text(raw))


_READERS: dict[ValueKind, Callable[[object], object]] = {
    ValueKind.INTEGER: _integer,
    ValueKind.RATIO: _ratio,
    ValueKind.BOOLEAN: _boolean,
    ValueKind.DATE: _date,
    ValueKind.MONTH_DAY: _month_day,
    ValueKind.CODE: _text,
    ValueKind.CODES: _codes,
    ValueKind.PERIOD: _period,
    ValueKind.STRUCTURE: _structure,
    ValueKind.DAY_ARRANGEMENTS: WorkingCalendar.from_mapping,
    ValueKind.MONTH_DAY_SPAN: _month_day_span,
    ValueKind.ROLE_TABLE: _role_table,
}


def read_value(kind: ValueKind, raw: object) -> object:
    """Turn a raw value from TOML or a mapping into the parameter's typed value.

    Raises ``TypeError`` or ``ValueError`` with a reason; the loader adds the place.

    >>> read_value(ValueKind.MONTH_DAY, "08-31")
    MonthDay(month=8, day=31)
    >>> read_value(ValueKind.CODES, ["health"])
    ('health',)
    """
    return _READERS[kind](raw)


def merge_values(kind: ValueKind, earlier: object, later: object) -> object:
    """Two values of an accumulating kind merged: ``later`` adds to ``earlier`` and wins
    where both speak (for day arrangements, year by year)."""
    if (
        kind is ValueKind.DAY_ARRANGEMENTS
        and isinstance(earlier, WorkingCalendar)
        and isinstance(later, WorkingCalendar)
    ):
        return earlier.extended(later)
    raise TypeError(f"values of kind {kind.value} do not accumulate")


def show_value(
    value: object,
) -> str | int | float | bool | list[str] | dict[str, list[str]]:
    """A value as plain JSON-ready data (the inverse of :func:`read_value`).

    >>> show_value(MonthDay(8, 31))
    '08-31'
    """
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, Mapping):
        return {str(key): [str(item) for item in items] for key, items in value.items()}
    if isinstance(value, tuple):
        return [str(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
