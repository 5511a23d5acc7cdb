"""The demo's household-registration age corrections (户籍年龄纠正) and their evidence.

Planted after every other record, with the township's generator, so that the rest of
the demo stays as it was. Each case is planted twice, on children of the township:

- AC-008: an innocent one, a lunar birthday registered as a Gregorian date, corrected
  to its Gregorian day (with a birth certificate showing it);
- AC-003 and AC-001: a 14-year-old made 16 (out of the school-age window and over the
  employment age) on a school record only, no birth certificate;
- AC-006: approved by a police station or the county bureau, not the city bureau;
- AC-004: an approved correction of an active student that the record did not follow
  (it still carries the old number);
- AC-005: a new number that changes the region (a move mixed into the correction);
- AC-002: a birth certificate showing another date than the new one;
- AC-007: two corrections of one person, the second from the first's new number.

Persons other than the AC-004 students hold no other record: a correction is audited on
what it holds.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from dropout_control.calendar.lunar import read_as_lunar, same_day_lunar_and_gregorian
from dropout_control.identity import ResidentId
from examples.linxia.records import Plant, Student
from examples.linxia.setting import OTHER_COUNTIES, TOWNSHIP, cohort

CITY_BUREAU = "city_public_security_bureau"
LAST_YOUNG_GRADE = 4  # AC-004 students: a year older stays in school age and under 16
AGE_CORRECTIONS_FILE = "age_corrections.csv"
EVIDENCE_FILE = "evidence.csv"
CORRECTION_FIELDS = (
    ("correction_id", "纠正编号"),
    ("old_resident_id", "原身份证件号"),
    ("new_resident_id", "新身份证件号"),
    ("old_birth_date", "原出生日期"),
    ("new_birth_date", "新出生日期"),
    ("approved_by", "批准机关"),
    ("approved_on", "批准日期"),
)
EVIDENCE_HEADER = ("correction_id", "kind", "birth_date_shown", "calendar")


@dataclass
class EvidenceRow:
    correction_id: str
    kind: str
    birth_date_shown: str
    calendar: str = "gregorian"


@dataclass
class CorrectionRow:
    correction_id: str
    old_resident_id: str
    new_resident_id: str
    old_birth_date: dt.date
    new_birth_date: dt.date
    approved_by: str
    approved_on: dt.date
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


class Corrections:
    """Plants the demo's corrections with the township's generator."""

    def __init__(self, ids: set[str], rng: random.Random) -> None:
        self.ids = ids
        self.rng = rng
        self.rows: list[CorrectionRow] = []
        self.evidence: list[EvidenceRow] = []

    def _random(self) -> float:
        return self.rng.random()

    def _number(self, region: str, born: dt.date) -> ResidentId:
        while True:
            sequence = int(self._random() * 1000)
            number = ResidentId.from_parts(region, born, sequence)
            if number.reveal() not in self.ids:
                self.ids.add(number.reveal())
                return number

    def _born(self, age: int) -> dt.date:
        first, last = cohort(age)
        while True:
            day = first + dt.timedelta(days=int(self._random() * ((last - first).days + 1)))
            if day.month not in (8, 9):
                return day

    def _approved(self) -> dt.date:
        return dt.date(2018, 4, 2) + dt.timedelta(days=int(self._random() * 300))

    def add(
        self,
        old: ResidentId,
        new_birth_date: dt.date,
        *plants: Plant,
        approved_by: str = CITY_BUREAU,
        region: str | None = None,
        shown: tuple[str, dt.date] | None = None,
    ) -> CorrectionRow:
        new = ResidentId.from_parts(region or old.region_code, new_birth_date, old.sequence)
        self.ids.add(new.reveal())
        row = CorrectionRow(
            correction_id=f"HJ2018{len(self.rows) + 1:03}",
            old_resident_id=old.reveal(),
            new_resident_id=new.reveal(),
            old_birth_date=old.birth_date,
            new_birth_date=new_birth_date,
            approved_by=approved_by,
            approved_on=self._approved(),
            plants=list(plants),
        )
        self.rows.append(row)
        kind, day = shown or ("birth_certificate", new_birth_date)
        self.evidence.append(EvidenceRow(row.correction_id, kind, day.isoformat()))
        return row

    def _shifted(self, born: dt.date) -> dt.date:
        """A date about a year earlier, never the same day read in the other calendar."""
        other = born - dt.timedelta(days=360 + int(self._random() * 20))
        while same_day_lunar_and_gregorian(born, other):
            other -= dt.timedelta(days=1)
        return other

    def plant(self, students: list[Student]) -> None:
        for _ in range(2):
            while True:
                old = self._number(TOWNSHIP, self._born(9))
                days = read_as_lunar(old.birth_date)
                if days and days[0].month not in (8, 9):
                    break
            self.add(old, days[0], ("AC-008", "a lunar birthday registered as Gregorian"))
        for _ in range(2):
            old = self._number(TOWNSHIP, self._born(14))
            made_16 = self._born(16)
            self.add(
                old,
                made_16,
                ("AC-001", "no birth certificate, a school record only"),
                ("AC-003", "a 14-year-old made 16: out of school age and over 16"),
                shown=("school_record", made_16),
            )
        for body in ("police_station", "county_public_security_bureau"):
            old = self._number(TOWNSHIP, self._born(10))
            self.add(
                old,
                self._shifted(old.birth_date),
                ("AC-006", f"approved by {body}"),
                approved_by=body,
            )
        chosen = [
            s
            for s in students
            if s.status == "active"
            and not s.plants
            and s.grade <= LAST_YOUNG_GRADE
            and s.child.resident_id
        ][:2]
        for student in chosen:
            old = ResidentId.parse(student.child.resident_id)
            self.add(old, self._shifted(old.birth_date))
            student.plants.append(("AC-004", "the record kept the old number after a correction"))
        for region in OTHER_COUNTIES[:2]:
            old = self._number(TOWNSHIP, self._born(11))
            self.add(
                old,
                self._shifted(old.birth_date),
                ("AC-005", f"the new number moves the region to {region}"),
                region=region,
            )
        for _ in range(2):
            old = self._number(TOWNSHIP, self._born(8))
            new_birth_date = self._shifted(old.birth_date)
            self.add(
                old,
                new_birth_date,
                ("AC-002", "the birth certificate shows another date"),
                shown=("birth_certificate", new_birth_date + dt.timedelta(days=40)),
            )
        for _ in range(2):
            old = self._number(TOWNSHIP, self._born(7))
            first = self.add(old, self._shifted(old.birth_date))
            middle = ResidentId.parse(first.new_resident_id)
            second = self.add(
                middle,
                self._shifted(middle.birth_date),
                ("AC-007", "a second correction of one person"),
            )
            second.approved_on = max(second.approved_on, first.approved_on + dt.timedelta(days=30))
        for line, row in enumerate(self.rows, start=2):
            row.line = line


def correction_cells(row: CorrectionRow) -> list[str]:
    return [
        row.correction_id,
        row.old_resident_id,
        row.new_resident_id,
        row.old_birth_date.isoformat(),
        row.new_birth_date.isoformat(),
        row.approved_by,
        row.approved_on.isoformat(),
    ]


def evidence_cells(row: EvidenceRow) -> list[str]:
    return [row.correction_id, row.kind, row.birth_date_shown, row.calendar]
