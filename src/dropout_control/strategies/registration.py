"""Which strategy ``st.from_type`` uses for each of the library's value and record types.

This module imports no strategy module at its top (see ``_hypothesis_plugin``): only
the value and record types, which do not import Hypothesis.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from dropout_control.calendar import LunarDate, MonthDay, YearMonth
from dropout_control.catalogue import load_kinds
from dropout_control.identity import ResidentId, StudentNumber
from dropout_control.kinds import KINDS, KindRegistry, RecordKind

if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy

__all__ = ["TYPES", "plant_of", "strategy_for"]

_VALUES: tuple[type[object], ...] = (ResidentId, StudentNumber, LunarDate, MonthDay, YearMonth)

TYPES: tuple[type[object], ...] = (
    *_VALUES,
    *(kind.record_class for kind in load_kinds() if kind.plant is not None),
)
"""The value types, and the record class of every declared kind that names its plant."""


def plant_of(kind: RecordKind[Any]) -> SearchStrategy[Any]:
    """The strategy of valid records that ``kind``'s declaration names as its plant.

    Raises ``LookupError`` for a kind that names none.
    """
    if kind.plant is None:
        raise LookupError(f"kind {kind.name} names no Hypothesis strategy")
    module, _, function = kind.plant.partition(":")
    make: Callable[[], SearchStrategy[Any]] = getattr(importlib.import_module(module), function)
    return make()


def strategy_for(kind: type[object], *, registry: KindRegistry = KINDS) -> SearchStrategy[object]:
    """The strategy of valid values for one of :data:`TYPES` (records with the
    strategies' defaults: lawful on their default audit date)."""
    from dropout_control.strategies.dates import lunar_dates, month_days  # noqa: PLC0415
    from dropout_control.strategies.identity import (  # noqa: PLC0415
        resident_ids,
        student_numbers,
    )
    from dropout_control.strategies.records import year_months  # noqa: PLC0415

    values: dict[type[object], Callable[[], SearchStrategy[Any]]] = {
        ResidentId: resident_ids,
        StudentNumber: student_numbers,
        LunarDate: lunar_dates,
        MonthDay: month_days,
        YearMonth: year_months,
    }
    if kind in values:
        return values[kind]()
    declared = registry.of_class(kind)
    if declared is None:
        raise LookupError(f"{kind.__name__} is not a value or record type of the library")
    return plant_of(declared)
