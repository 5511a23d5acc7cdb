"""The ``home_teaching`` kind: home-teaching visits (送教上门).

Declared once here and registered in :data:`~dropout_control.kinds.KINDS`, with the
look-ups its rules need: visits by student, and the children each school's latest
headcount excuses for home teaching.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

from dropout_control import columns
from dropout_control.calendar import YearMonth
from dropout_control.home_teaching.model import HomeTeachingVisit
from dropout_control.kinds import KINDS, Index, Place, RecordKind, grouped
from dropout_control.reasons import Stated, reason
from dropout_control.reconciliation.model import Excuse, HeadcountEntry
from dropout_control.registry.kinds import SCHOOL_COUNTIES, UNKNOWN_COUNTY

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle

__all__ = ["HOME_TAUGHT_AT", "HOME_TEACHING", "VISITS_BY_STUDENT"]


def _student(visit: HomeTeachingVisit) -> str:
    return visit.student_key


def _by_student_in_order(
    visits: Sequence[HomeTeachingVisit],
) -> Mapping[str, tuple[HomeTeachingVisit, ...]]:
    return {
        number: tuple(sorted(group, key=lambda visit: visit.on))
        for number, group in grouped(_student)(visits).items()
    }


VISITS_BY_STUDENT: Final[Index[HomeTeachingVisit, Mapping[str, tuple[HomeTeachingVisit, ...]]]] = (
    Index("home_teaching", "by_student", _by_student_in_order)
)
"""Home-teaching visits by student number as written, each child's in date order."""


def _home_taught_at(entries: Sequence[HeadcountEntry]) -> Mapping[str, tuple[HeadcountEntry, ...]]:
    latest: dict[str, YearMonth] = {}
    for entry in entries:
        month = latest.get(entry.school_id)
        if month is None or entry.month > month:
            latest[entry.school_id] = entry.month
    excused: dict[str, list[HeadcountEntry]] = defaultdict(list)
    for entry in entries:
        if entry.excuse is Excuse.HOME_TEACHING and entry.month == latest[entry.school_id]:
            for person in {entry.student_number, entry.resident_id}:
                if person is not None:
                    excused[person].append(entry)
    return {person: tuple(group) for person, group in excused.items()}


HOME_TAUGHT_AT: Final[Index[HeadcountEntry, Mapping[str, tuple[HeadcountEntry, ...]]]] = Index(
    "headcounts", "home_taught_at", _home_taught_at
)
"""The rows of schools' latest headcounts that excuse a child for home teaching, by the
child's student number or resident ID number as written."""


def _people(visit: HomeTeachingVisit) -> tuple[str | None, ...]:
    return (visit.student_key,)


def _place(visit: HomeTeachingVisit, bundle: Bundle) -> Place:
    if visit.school_id is None:
        return Place()
    return Place(
        visit.school_id, bundle.index(SCHOOL_COUNTIES).get(visit.school_id, UNKNOWN_COUNTY)
    )


TAUGHT_AT_HOME: Final = reason(
    "EVIDENCE.HOME_TEACHING",
    "送教上门 {visits} 次，共 {periods} 课时（{first} 至 {last}）",
    "taught at home on {visits} visits, {periods} periods in all ({first} to {last})",
)


def _evidence(visit: HomeTeachingVisit, as_of: dt.date, bundle: Bundle) -> Stated | None:
    """The child's visits up to ``as_of`` in one line, said once: on its latest visit."""
    visits = [
        v for v in bundle.index(VISITS_BY_STUDENT).get(visit.student_key, ()) if v.on <= as_of
    ]
    if not visits or visits[-1] is not visit:
        return None
    return TAUGHT_AT_HOME.given(
        visits=len(visits),
        periods=sum(v.periods for v in visits),
        first=visits[0].on,
        last=visits[-1].on,
    )


HOME_TEACHING: Final = KINDS.add(
    RecordKind(
        "home_teaching",
        HomeTeachingVisit,
        aliases={
            "student_number": columns.STUDENT_NUMBER,
            "on": ("送教日期", "送教上门日期", "日期"),
            "periods": ("课时", "课时数", "送教课时"),
            "teacher": ("送教教师", "教师", "教师姓名"),
            "school_id": (*columns.SCHOOL_ID, "送教学校", "送教学校标识码"),
        },
        indexes=(VISITS_BY_STUDENT,),
        place=_place,
        people=_people,
        evidence=_evidence,
        plant="dropout_control.strategies.records:home_teaching_visits",
        title=("送教上门", "home-teaching visits"),
    )
)
"""Home-teaching visits, one row per visit (no unique key: a child may be visited twice
in a day)."""
