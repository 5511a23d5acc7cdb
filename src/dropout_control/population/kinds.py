"""The ``population``, ``deferrals`` and ``employment`` kinds: the roster of children of
an area, deferrals of school entry, and minors reported in work.

Declared once here and registered in :data:`~dropout_control.kinds.KINDS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from dropout_control import columns
from dropout_control.kinds import KINDS, Index, Place, RecordKind, grouped
from dropout_control.population.model import Child, Deferral, EmploymentReport
from dropout_control.reasons import Stated, reason
from dropout_control.registry.kinds import county_code

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle

__all__ = [
    "CHILDREN_BY_RESIDENT_ID",
    "DEFERRALS",
    "DEFERRALS_BY_RESIDENT_ID",
    "EMPLOYMENT",
    "POPULATION",
]


def _key(record: Child | Deferral | EmploymentReport) -> str:
    return record.key


def _people(record: Child | Deferral | EmploymentReport) -> tuple[str | None, ...]:
    return (record.key,)


CHILDREN_BY_RESIDENT_ID: Final[Index[Child, Mapping[str, tuple[Child, ...]]]] = Index(
    "population", "by_resident_id", grouped(_key)
)
"""Roster entries by resident ID number as written."""

DEFERRALS_BY_RESIDENT_ID: Final[Index[Deferral, Mapping[str, tuple[Deferral, ...]]]] = Index(
    "deferrals", "by_resident_id", grouped(_key)
)
"""Deferrals by resident ID number as written."""


def _child_place(child: Child, _bundle: Bundle) -> Place:
    return Place(None, county_code(child.household_region))


def _place_of_child(record: Deferral | EmploymentReport, bundle: Bundle) -> Place:
    children = bundle.index(CHILDREN_BY_RESIDENT_ID).get(record.key)
    return Place(None, county_code(children[0].household_region) if children else None)


ON_ROSTER: Final = reason(
    "EVIDENCE.ON_ROSTER", "适龄儿童名册，户籍地 {region}", "population roster, region {region}"
)
DIED: Final = reason(
    "EVIDENCE.DIED",
    "适龄儿童名册，户籍地 {region}，{died} 死亡",
    "population roster, region {region}, died {died}",
)
EMIGRATED: Final = reason(
    "EVIDENCE.EMIGRATED",
    "适龄儿童名册，户籍地 {region}，{emigrated} 移居境外",
    "population roster, region {region}, emigrated {emigrated}",
)
DEFERRAL_RUNNING: Final = reason(
    "EVIDENCE.DEFERRAL_RUNNING",
    "缓学（{grounds:GROUND}，{approved_by:BODY}）至 {until}，{on} 在缓学期内",
    "deferral ({grounds}, {approved_by}) until {until}, running on {on}",
)
DEFERRAL_NOT_RUNNING: Final = reason(
    "EVIDENCE.DEFERRAL_NOT_RUNNING",
    "缓学（{grounds:GROUND}，{approved_by:BODY}）至 {until}，{on} 不在缓学期内",
    "deferral ({grounds}, {approved_by}) until {until}, not running on {on}",
)


def _child_evidence(child: Child, _as_of: dt.date, _bundle: Bundle) -> Stated:
    region = child.household_region
    if child.deceased_on is not None:
        return DIED.given(region=region, died=child.deceased_on)
    if child.emigrated_on is not None:
        return EMIGRATED.given(region=region, emigrated=child.emigrated_on)
    return ON_ROSTER.given(region=region)


def _deferral_evidence(deferral: Deferral, as_of: dt.date, _bundle: Bundle) -> Stated:
    said = DEFERRAL_RUNNING if deferral.covers(as_of) else DEFERRAL_NOT_RUNNING
    return said.given(
        grounds=deferral.grounds, approved_by=deferral.approved_by, until=deferral.until, on=as_of
    )


POPULATION: Final = KINDS.add(
    RecordKind(
        "population",
        Child,
        aliases={
            "resident_id": columns.RESIDENT_ID,
            "name": columns.NAME,
            "sex": columns.SEX,
            "birth_date": columns.BIRTH_DATE,
            "household_region": columns.HOUSEHOLD_REGION,
            "disability": columns.DISABILITY,
            "deceased_on": ("死亡日期",),
            "emigrated_on": ("移居境外日期",),
        },
        indexes=(CHILDREN_BY_RESIDENT_ID,),
        place=_child_place,
        people=_people,
        evidence=_child_evidence,
        plant="dropout_control.strategies.records:children",
        title=("适龄儿童名册", "population roster of children"),
        # Read as "no" when empty: a bad cell must not read as alive, not disabled.
        essential_fields=("disability", "deceased_on", "emigrated_on"),
    )
)
"""The roster of the children of an area, from household registration."""

DEFERRALS: Final = KINDS.add(
    RecordKind(
        "deferrals",
        Deferral,
        aliases={
            "resident_id": columns.RESIDENT_ID,
            "grounds": ("缓学原因",),
            "approved_by": ("批准机关",),
            "approved_on": ("批准日期",),
            "until": ("缓学截止日期",),
        },
        indexes=(DEFERRALS_BY_RESIDENT_ID,),
        place=_place_of_child,
        people=_people,
        evidence=_deferral_evidence,
        plant="dropout_control.strategies.records:deferrals",
        title=("缓学", "deferrals of school entry"),
    )
)
"""Deferrals of school entry (缓学)."""

EMPLOYMENT: Final = KINDS.add(
    RecordKind(
        "employment",
        EmploymentReport,
        aliases={
            "resident_id": columns.RESIDENT_ID,
            "employer": ("用人单位",),
            "reported_on": ("报告日期",),
        },
        place=_place_of_child,
        people=_people,
        plant="dropout_control.strategies.records:employment_reports",
        title=("用工报告", "reports of minors in work"),
    )
)
"""Minors reported in work."""
