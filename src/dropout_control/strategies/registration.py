"""Which strategy ``st.from_type`` uses for each of the library's value types.

This module imports no strategy module at its top (see ``_hypothesis_plugin``): only
the value types, which do not import Hypothesis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dropout_control.calendar import LunarDate, MonthDay
from dropout_control.identity import ResidentId, StudentNumber

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["TYPES", "strategy_for"]

TYPES: tuple[type[object], ...] = (ResidentId, StudentNumber, LunarDate, MonthDay)


def strategy_for(kind: type[object]) -> SearchStrategy[object]:
    """The strategy of valid values for one of :data:`TYPES`."""
    from dropout_control.strategies.dates import lunar_dates, month_days  # noqa: PLC0415
    from dropout_control.strategies.identity import (  # noqa: PLC0415
        resident_ids,
        student_numbers,
    )

    chosen: dict[type[object], SearchStrategy[object]] = {
        ResidentId: resident_ids(),
        StudentNumber: student_numbers(),
        LunarDate: lunar_dates(),
        MonthDay: month_days(),
    }
    return chosen[kind]
