"""The demo's home-teaching visits (送教上门), with the HT rules planted twice each.

Planted after the records are ordered and before the monthly rolls are laid out, with a
generator of its own, so that the rest of the demo stays as it was; the children it
makes home-taught are excused on their schools' rolls like the township's two others.

- The township's two severely disabled children taught at home are visited twice a
  week, three periods a visit: on track. The second one's visits name another school
  of the township as the teaching school: HT-001 (its record is at its own school).
- HT-001 again: visits to a child who holds no record anywhere, no school named.
- HT-002: two children placed in home teaching (assessed) but visited once a week for
  two periods, or only in September: fewer periods than are due by the audit date.
- HT-003: two children placed in home teaching and visited enough, with no expert
  assessment recorded.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from dropout_control.calendar import school_days_between
from dropout_control.identity import ResidentId, StudentNumber
from dropout_control.policy import resolve_policy
from examples.linxia.records import Plant, Student
from examples.linxia.setting import (
    AS_OF,
    JURISDICTION,
    PRIMARY_SCHOOLS,
    SCHOOL_YEAR_START,
    TOWNSHIP,
    cohort,
)

HOME_TEACHING_FILE = "home_teaching.csv"
HOME_TEACHING_FIELDS = (
    ("student_number", "学籍号"),
    ("on", "送教日期"),
    ("periods", "课时"),
    ("teacher", "送教教师"),
    ("school_id", "送教学校"),
)
TEACHERS = ("马文英", "王海燕", "何成福", "韩秀兰", "张德忠", "妥娟")
_POLICY = resolve_policy(JURISDICTION, on=AS_OF)
_FIRST_DAY = dt.date(SCHOOL_YEAR_START, 9, 1)
_TUESDAY, _THURSDAY = 1, 3
_SEPTEMBER = 9


@dataclass
class VisitRow:
    student_number: str
    on: dt.date
    periods: int
    teacher: str
    school_id: str = ""
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


def _school_days() -> list[dt.date]:
    """The school days of the school year up to the day before the audit date."""
    days = []
    day = _FIRST_DAY
    while day < AS_OF:
        if school_days_between(day, day, policy=_POLICY) == 1:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


class HomeTeaching:
    """Plants the demo's home-teaching visits with a generator of its own."""

    def __init__(self, ids: set[str], seed: int) -> None:
        self.ids = ids
        self.rng = random.Random(seed * 7919 + 13)
        self.rows: list[VisitRow] = []
        self.school_days = _school_days()

    def visit(
        self,
        number: str,
        *,
        weekdays: tuple[int, ...] = (_TUESDAY, _THURSDAY),
        periods: int = 3,
        months: tuple[int, ...] | None = None,
        school_id: str = "",
    ) -> list[VisitRow]:
        teacher = self.rng.choice(TEACHERS)
        rows = [
            VisitRow(number, day, periods, teacher, school_id)
            for day in self.school_days
            if day.weekday() in weekdays and (months is None or day.month in months)
        ]
        self.rows.extend(rows)
        return rows

    def _unrecorded_child(self) -> str:
        first, last = cohort(11)
        while True:
            born = first + dt.timedelta(days=self.rng.randrange((last - first).days + 1))
            number = ResidentId.from_parts(TOWNSHIP, born, self.rng.randrange(1000))
            if number.reveal() not in self.ids:
                self.ids.add(number.reveal())
                return StudentNumber.from_resident_id(number).reveal()

    def plant(self, students: list[Student]) -> None:
        taught = [s for s in students if s.study_mode == "home_teaching"]
        self.visit(taught[0].student_number)
        other = next(school for school in PRIMARY_SCHOOLS if school != taught[1].school_id)
        rows = self.visit(taught[1].student_number, school_id=other)
        rows[-1].plants.append(("HT-001", f"the visits name {other}, not the school of record"))
        rows = self.visit(self._unrecorded_child(), weekdays=(_TUESDAY,))
        rows[-1].plants.append(("HT-001", "visits to a child with no record anywhere"))
        chosen = [
            s
            for s in students
            if s.status == "active"
            and s.study_mode == "day"
            and not s.plants
            and not s.suspensions
            and s.roll_months is None
            and s.child.resident_id
            and s.student_number.startswith("G")
            and 2 <= s.grade <= 8  # noqa: PLR2004
        ]
        picks = self.rng.sample(chosen, 4)
        for student in picks:
            student.child.disability = "多重残疾"
            student.study_mode = "home_teaching"
            student.expert_assessed_on = dt.date(SCHOOL_YEAR_START, 8, self.rng.randint(1, 25))
        self.visit(picks[0].student_number, weekdays=(_TUESDAY,), periods=2)
        picks[0].plants.append(("HT-002", "visited once a week for two periods"))
        self.visit(picks[1].student_number, months=(_SEPTEMBER,))
        picks[1].plants.append(("HT-002", "visited in September only"))
        for student in picks[2:]:
            student.expert_assessed_on = None
            self.visit(student.student_number)
            student.plants.append(("HT-003", "taught at home with no expert assessment"))
        self.rows.sort(key=lambda row: (row.on, row.student_number))
        for line, row in enumerate(self.rows, start=2):
            row.line = line


def visit_cells(row: VisitRow) -> list[str]:
    return [row.student_number, row.on.isoformat(), str(row.periods), row.teacher, row.school_id]
