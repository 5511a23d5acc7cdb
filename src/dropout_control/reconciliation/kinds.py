"""The ``headcounts`` and ``headcount_totals`` kinds: each school's monthly roll of who is
actually in school, row by row and as a total.

Declared once here and registered in :data:`~dropout_control.kinds.KINDS`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from dropout_control import columns
from dropout_control.calendar.year_month import YearMonth
from dropout_control.kinds import KINDS, Index, RecordKind
from dropout_control.reasons import Stated, reason
from dropout_control.reconciliation.model import HeadcountEntry, HeadcountTotal

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle

__all__ = ["HEADCOUNTS", "HEADCOUNT_TOTALS", "LATEST_HEADCOUNTS", "LatestHeadcounts"]


@attrs.frozen
class LatestHeadcounts:
    """The headcounts by school, built in two passes over the rows.

    - ``months``: the months each school counted;
    - ``latest_month``: each school's latest month;
    - ``rolls``: each school's latest roll, a row under each number that names its child
      (student number, resident ID number, or both);
    - ``present``: the rows of schools' latest headcounts that show a child present,
      under each of the child's numbers.
    """

    months: Mapping[str, frozenset[YearMonth]]
    latest_month: Mapping[str, YearMonth]
    rolls: Mapping[str, Mapping[str, HeadcountEntry]]
    present: Mapping[str, tuple[HeadcountEntry, ...]]


def _latest(entries: Sequence[HeadcountEntry]) -> LatestHeadcounts:
    months: dict[str, set[YearMonth]] = defaultdict(set)
    for entry in entries:
        months[entry.school_id].add(entry.month)
    latest = {school: max(seen) for school, seen in months.items()}
    rolls: dict[str, dict[str, HeadcountEntry]] = defaultdict(dict)
    present: dict[str, list[HeadcountEntry]] = defaultdict(list)
    for entry in entries:
        school = entry.school_id
        if entry.month != latest[school]:
            continue
        roll = rolls[school]
        for person in (entry.student_number, entry.resident_id):
            if person is not None:
                roll[person] = entry
                if entry.present:
                    present[person].append(entry)
    return LatestHeadcounts(
        months={k: frozenset(v) for k, v in months.items()},
        latest_month=latest,
        rolls=dict(rolls),
        present={k: tuple(v) for k, v in present.items()},
    )


LATEST_HEADCOUNTS: Final[Index[HeadcountEntry, LatestHeadcounts]] = Index(
    "headcounts", "latest", _latest
)
"""Months, latest month, latest roll and children present, by school."""


def _people(entry: HeadcountEntry) -> tuple[str | None, ...]:
    return (entry.student_number, entry.resident_id)


PRESENT: Final = reason(
    "EVIDENCE.PRESENT",
    "{month} 在学校 {school_id} 的在校名单上在校",
    "present at school {school_id} in {month}",
)


def _evidence(entry: HeadcountEntry, _as_of: dt.date, bundle: Bundle) -> Stated | None:
    latest = bundle.index(LATEST_HEADCOUNTS).latest_month.get(entry.school_id)
    if not entry.present or entry.month != latest:
        return None
    return PRESENT.given(school_id=entry.school_id, month=entry.month)


HEADCOUNTS: Final = KINDS.add(
    RecordKind(
        "headcounts",
        HeadcountEntry,
        aliases={
            "month": ("月份",),
            "school_id": columns.SCHOOL_ID,
            "student_number": columns.STUDENT_NUMBER,
            "resident_id": columns.RESIDENT_ID,
            "name": columns.NAME,
            "present": ("是否在校",),
            "excuse": ("缺勤原因",),
        },
        indexes=(LATEST_HEADCOUNTS,),
        people=_people,
        evidence=_evidence,
        plant="dropout_control.strategies.records:headcount_entries",
        title=("月度在校名单", "monthly headcount rows"),
        # Who the row is about, and whether an absence was excused.
        essential_fields=("student_number", "resident_id", "excuse"),
    )
)
"""Each school's monthly roll, one row per child."""

HEADCOUNT_TOTALS: Final = KINDS.add(
    RecordKind(
        "headcount_totals",
        HeadcountTotal,
        unique_key=("month", "school_id"),
        aliases={"month": ("月份",), "school_id": columns.SCHOOL_ID, "total": ("在校人数",)},
        plant="dropout_control.strategies.records:headcount_totals",
        title=("月度在校人数", "monthly headcount totals"),
    )
)
"""Each school's monthly count of children in school."""
