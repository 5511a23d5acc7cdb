"""The kinds of record an audit reads, by the name of their input file.

An input folder holds one file per kind, named after it (``students.csv``,
``population.jsonl`` …). This table is the one place that ties a kind's name to its
record class and to the fields that must be unique within the kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from dropout_control.population.model import Child, Deferral, EmploymentReport
from dropout_control.reconciliation.model import HeadcountEntry, HeadcountTotal
from dropout_control.registry.model import StudentRecord
from dropout_control.suspensions.model import Suspension
from dropout_control.transfers.model import Transfer

__all__ = ["PERSONAL_KEYS", "RECORD_KINDS", "UNIQUE_KEYS"]

RECORD_KINDS: Mapping[str, type] = MappingProxyType(
    {
        "students": StudentRecord,
        "population": Child,
        "deferrals": Deferral,
        "headcounts": HeadcountEntry,
        "headcount_totals": HeadcountTotal,
        "employment": EmploymentReport,
        "transfers": Transfer,
        "suspensions": Suspension,
    }
)
"""Record class of each kind."""

UNIQUE_KEYS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "students": ("student_number",),
        "headcount_totals": ("month", "school_id"),
        "transfers": ("transfer_id",),
        "suspensions": ("suspension_id",),
    }
)
"""Fields whose values together must be unique within a kind (INPUT-002)."""

PERSONAL_KEYS: frozenset[str] = frozenset({"students"})
"""Kinds whose unique key is a personal number, masked when shown."""
