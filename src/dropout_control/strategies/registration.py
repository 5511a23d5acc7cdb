"""Which strategy ``st.from_type`` uses for each of the library's value and record types.

This module imports no strategy module at its top (see ``_hypothesis_plugin``): only
the value and record types, which do not import Hypothesis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dropout_control.calendar import LunarDate, MonthDay, YearMonth
from dropout_control.identity import ResidentId, StudentNumber
from dropout_control.population import Child, Deferral, EmploymentReport
from dropout_control.reconciliation import HeadcountEntry, HeadcountTotal
from dropout_control.registry import StudentRecord
from dropout_control.suspensions import Suspension
from dropout_control.transfers import Transfer

if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy

__all__ = ["TYPES", "strategy_for"]

TYPES: tuple[type[object], ...] = (
    ResidentId,
    StudentNumber,
    LunarDate,
    MonthDay,
    YearMonth,
    StudentRecord,
    Child,
    Deferral,
    EmploymentReport,
    HeadcountEntry,
    HeadcountTotal,
    Transfer,
    Suspension,
)


def strategy_for(kind: type[object]) -> SearchStrategy[object]:
    """The strategy of valid values for one of :data:`TYPES` (records with the
    strategies' defaults: lawful on their default audit date)."""
    from dropout_control.strategies.dates import lunar_dates, month_days  # noqa: PLC0415
    from dropout_control.strategies.identity import (  # noqa: PLC0415
        resident_ids,
        student_numbers,
    )
    from dropout_control.strategies.records import (  # noqa: PLC0415
        children,
        deferrals,
        employment_reports,
        headcount_entries,
        headcount_totals,
        student_records,
        suspensions,
        transfers,
        year_months,
    )

    chosen: dict[type[object], Callable[[], SearchStrategy[object]]] = {
        ResidentId: resident_ids,
        StudentNumber: student_numbers,
        LunarDate: lunar_dates,
        MonthDay: month_days,
        YearMonth: year_months,
        StudentRecord: student_records,
        Child: children,
        Deferral: deferrals,
        EmploymentReport: employment_reports,
        HeadcountEntry: headcount_entries,
        HeadcountTotal: headcount_totals,
        Transfer: transfers,
        Suspension: suspensions,
    }
    return chosen[kind]()
