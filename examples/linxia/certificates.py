"""The demo's certificates of compulsory education and its schools.

Planted after every other record (with the township's generator), on the class that
finished grade 9 in June 2018: every graduate holds a graduation certificate issued by
the junior secondary school from 20 June 2018, and a completed (结业) student a completion
certificate (义务教育完成证书) issued on 31 August 2018. Each certificate rule is planted
twice:

- CERT-001: a graduation and a leaving certificate dated June 2017, when the student
  was in grade 8;
- CERT-002: a completion certificate to a student who dropped out in the spring of the
  final year: one of the June 2018 class (still in the school-age window, so the
  certificate hides a dropout: AGE-002 too) and one of the July 2017 class;
- CERT-003: a graduation certificate issued in early June, before the issue date;
- CERT-004: a completion certificate beside the graduation certificate of one student;
- CERT-005: a graduation certificate issued by a primary school.

``schools.csv`` names each school's township (韩集镇), so the retention rates are also
given by township.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from examples.linxia.records import Plant, RosterRow, Student
from examples.linxia.setting import JUNIOR_SCHOOL, PRIMARY_SCHOOLS, TOWNSHIP

CERTIFICATES_FILE = "certificates.csv"
SCHOOLS_FILE = "schools.csv"
CERTIFICATE_FIELDS = (
    ("certificate_no", "证书编号"),
    ("student_number", "学籍号"),
    ("kind", "证书类别"),
    ("issued_on", "发证日期"),
    ("school_id", "发证学校标识码"),
    ("stage", "学段"),
)
KIND_ZH = {"graduation": "毕业证书", "completion": "义务教育完成证书", "leaving": "肄业证书"}
SCHOOL_FIELDS = ("school_id", "name", "county", "township", "stage")
TOWNSHIP_NAME = "韩集镇"
ISSUE_DAY = dt.date(2018, 6, 20)
COMPLETION_DAY = dt.date(2018, 8, 31)


@dataclass
class CertificateRow:
    certificate_no: str
    student_number: str
    kind: str
    issued_on: dt.date
    school_id: str
    stage: str = ""
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


class Certificates:
    """Plants the demo's certificates with the township's generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.rows: list[CertificateRow] = []

    def _add(
        self, student: Student, kind: str, issued_on: dt.date, *plants: Plant, school: str = ""
    ) -> CertificateRow:
        prefix = {"graduation": "BY", "completion": "WC", "leaving": "YY"}[kind]
        row = CertificateRow(
            certificate_no=f"{prefix}{issued_on.year}{len(self.rows) + 1:04}",
            student_number=student.student_number,
            kind=kind,
            issued_on=issued_on,
            school_id=school or student.school_id,
            stage="junior_secondary" if self.rng.random() < 0.3 else "",  # noqa: PLR2004
            plants=list(plants),
        )
        self.rows.append(row)
        return row

    def _in_june(self) -> dt.date:
        return ISSUE_DAY + dt.timedelta(days=self.rng.randint(0, 10))

    def plant(self, students: list[Student], roster: list[RosterRow]) -> None:
        finished_2018 = [
            s
            for s in students
            if s.status in ("graduated", "completed")
            and s.status_since is not None
            and s.status_since.year == 2018  # noqa: PLR2004
            and not s.plants
            and not s.rejected
        ]
        finished_2017 = [
            s
            for s in students
            if s.status == "graduated"
            and s.status_since is not None
            and s.status_since.year == 2017  # noqa: PLR2004
            and not s.plants
            and not s.rejected
        ]
        planted = finished_2018[:8]
        for student in finished_2018[8:]:
            if student.status == "completed":
                self._add(student, "completion", COMPLETION_DAY)
            else:
                self._add(student, "graduation", self._in_june())
        early, early_june, doubled, elsewhere = (planted[i : i + 2] for i in range(0, 8, 2))
        for student, kind in zip(early, ("graduation", "leaving"), strict=True):
            self._add(
                student,
                kind,
                dt.date(2017, 6, 26),
                ("CERT-001", f"a {kind} certificate dated June 2017, in grade 8"),
            )
        for student in early_june:
            self._add(
                student,
                "graduation",
                dt.date(2018, 6, self.rng.randint(1, 15)),
                ("CERT-003", "issued before 20 June, the issue date"),
            )
        for student in doubled:
            self._add(student, "graduation", self._in_june())
            self._add(
                student,
                "completion",
                COMPLETION_DAY,
                ("CERT-004", "a completion certificate beside the graduation certificate"),
            )
        for student, school in zip(elsewhere, PRIMARY_SCHOOLS, strict=False):
            self._add(
                student,
                "graduation",
                self._in_june(),
                ("CERT-005", f"issued by the primary school {school}"),
                school=school,
            )
        # Paper completion: dropped out in the spring, certified anyway.
        dropout = finished_2018[-1]
        dropout.status, dropout.status_since = "dropped_out", dt.date(2018, 4, 16)
        self.rows = [row for row in self.rows if row.student_number != dropout.student_number]
        self._add(
            dropout,
            "completion",
            COMPLETION_DAY,
            ("CERT-002", "a completion certificate to a dropout of April 2018"),
        )
        for entry in roster:
            if entry.child is dropout.child:
                entry.plants.append(
                    ("AGE-002", "dropped out in April 2018; a paper completion certificate")
                )
        older = finished_2017[0]
        older.status, older.status_since = "dropped_out", dt.date(2017, 4, 10)
        self._add(
            older,
            "completion",
            dt.date(2017, 8, 31),
            ("CERT-002", "a completion certificate to a dropout of April 2017"),
        )
        for line, certificate in enumerate(self.rows, start=2):
            certificate.line = line


def certificate_cells(row: CertificateRow) -> list[str]:
    return [
        row.certificate_no,
        row.student_number,
        KIND_ZH[row.kind],
        row.issued_on.isoformat(),
        row.school_id,
        row.stage,
    ]


def school_rows() -> list[list[str]]:
    rows = [
        [school, f"韩集镇第{number}小学", TOWNSHIP, TOWNSHIP_NAME, "primary"]
        for number, school in enumerate(PRIMARY_SCHOOLS, start=1)
    ]
    rows.append([JUNIOR_SCHOOL, "韩集中学", TOWNSHIP, TOWNSHIP_NAME, "junior_secondary"])
    return rows
