"""The demo's dropout ledger (控辍保学台账): cases, persuasion attempts and absences.

Planted after every other record, with the township's generator, so that the rest of
the demo stays as it was. Every child the audit already finds a suspected dropout
(AGE-002, TR-006, SUS-004, REC-001) has a case opened a few days before the audit date,
its plan made that day and a person named for it: late, but in the ledger, so DO-001
stays quiet for it. A few healthy cases follow children back in school, one of them
consolidated. Then each DO rule is planted twice, on clean active students or on
children the registry does not hold:

- DO-001: an unexcused absence of ten school days from Monday 25 February 2019, a
  suspect from Friday 1 March, due in the ledger by 8 March;
- DO-002: a case opened on 20 February 2019 with no plan (due by 7 March);
- DO-003: a case planned on 10 March that names nobody responsible;
- DO-005: a case closed as returned for a child on no record;
- DO-006: a case closed as deceased or emigrated with no evidence;
- DO-007: a case last worked on 1 February 2019;
- DO-008: a child back in October 2018 with a new case in March 2019;
- DO-009: an over-age student back in an ordinary class, 职普融合 not considered.

DO-004 rests on a law in force from 1 June 2021 (未成年人保护法 art 28, the parameter
``case.written_report_after_failed_attempts``), after the demo's audit date: the audit
of 20 March 2019 reports it as not run. Its two plants are cases whose persuasion
failed twice in February and March 2019 with no written report, still open: an audit
of the same folder on 1 June 2021 finds them (the manifest gives that date as their
``as_of``). A third such case has its written report, and DO-004 stays quiet for it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from dropout_control.calendar import SchoolYear, usual_grade
from dropout_control.identity import ResidentId, StudentNumber
from dropout_control.policy import resolve_policy
from examples.linxia.records import Plant, RosterRow, Student
from examples.linxia.setting import AS_OF, TOWNSHIP, cohort

CASES_FILE = "cases.csv"
ATTEMPTS_FILE = "attempts.csv"
ABSENCES_FILE = "absences.csv"
CASE_HEADER = (
    "case_id",
    "student_number",
    "resident_id",
    "opened_on",
    "source",
    "cause",
    "plan_made_on",
    "responsible",
    "written_report_on",
    "closed_on",
    "outcome",
    "outcome_evidence",
    "returned_on",
    "placement",
    "vocational_considered",
)
ATTEMPT_HEADER = ("case_id", "on", "by", "outcome")
ABSENCE_HEADER = ("student_number", "start", "end", "school_days", "excused")
SUSPECT_RULES = ("AGE-002", "TR-006", "SUS-004", "REC-001")
OWNERS = ("班主任 马老师", "村委会 王主任", "韩集镇 包保干部 何", "校长 马")
VOCATIONAL_YEARS = 3  # placement.over_age_years_for_vocational on the demo's date


@dataclass
class CaseRow:
    case_id: str
    opened_on: dt.date
    student_number: str = ""
    resident_id: str = ""
    origin: str = "survey"
    cause: str = "learning"
    plan_made_on: dt.date | None = None
    responsible: str = ""
    written_report_on: dt.date | None = None
    closed_on: dt.date | None = None
    outcome: str = ""
    outcome_evidence: str = ""
    returned_on: dt.date | None = None
    placement: str = ""
    vocational_considered: bool | None = None
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


@dataclass
class AttemptRow:
    case_id: str
    on: dt.date
    by: str
    outcome: str
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


@dataclass
class AbsenceRow:
    student_number: str
    start: dt.date
    end: dt.date
    school_days: int
    excused: bool
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


class Ledger:
    """Plants the demo's ledger with the township's generator."""

    def __init__(self, ids: set[str], rng: random.Random) -> None:
        self.ids = ids
        self.rng = rng
        self.cases: list[CaseRow] = []
        self.attempts: list[AttemptRow] = []
        self.absences: list[AbsenceRow] = []

    def _owner(self) -> str:
        return OWNERS[int(self.rng.random() * len(OWNERS))]

    def _case(self, opened_on: dt.date, **fields: object) -> CaseRow:
        row = CaseRow(f"KC2019{len(self.cases) + 1:03}", opened_on, **fields)  # type: ignore[arg-type]
        self.cases.append(row)
        return row

    def _stranger(self) -> str:
        """The student number of a child of the township the registry does not hold."""
        first, last = cohort(12)
        while True:
            born = first + dt.timedelta(days=int(self.rng.random() * (last - first).days))
            number = ResidentId.from_parts(TOWNSHIP, born, int(self.rng.random() * 1000))
            if number.reveal() not in self.ids:
                self.ids.add(number.reveal())
                return StudentNumber.from_resident_id(number).reveal()

    def _registered(self, students: list[Student], roster: list[RosterRow]) -> None:
        """A late but recorded case for every suspect the audit already finds."""
        causes = ("learning", "work", "early_marriage", "poverty", "distance")
        for student in students:
            if student.rejected or not any(r in SUSPECT_RULES for r, _ in student.plants):
                continue
            opened = AS_OF - dt.timedelta(days=1 + int(self.rng.random() * 6))
            self._case(
                opened,
                student_number=student.student_number,
                origin="absence",
                cause=causes[len(self.cases) % len(causes)],
                plan_made_on=opened,
                responsible=self._owner(),
            )
        for row in roster:
            if not any(r in SUSPECT_RULES for r, _ in row.plants):
                continue
            opened = AS_OF - dt.timedelta(days=1 + int(self.rng.random() * 6))
            self._case(
                opened,
                resident_id=row.child.resident_id,
                origin="population",
                cause=causes[len(self.cases) % len(causes)],
                plan_made_on=opened,
                responsible=self._owner(),
            )

    def _healthy(self, clean: list[Student]) -> None:
        """Children back in school: one consolidated, two returned this term."""
        consolidated = self._case(
            _day("2018-09-10"),
            student_number=clean.pop().student_number,
            origin="survey",
            cause="work",
            plan_made_on=_day("2018-09-12"),
            responsible=self._owner(),
            returned_on=_day("2018-09-17"),
            closed_on=_day("2018-09-17"),
            outcome="returned",
            placement="regular",
        )
        self.attempts.append(
            AttemptRow(consolidated.case_id, _day("2018-09-14"), "班主任", "failed")
        )
        self.attempts.append(
            AttemptRow(consolidated.case_id, _day("2018-09-17"), "村委会", "returned")
        )
        for opened in ("2019-02-25", "2019-03-04"):
            case = self._case(
                _day(opened),
                student_number=clean.pop().student_number,
                origin="revisit",
                cause="learning",
                plan_made_on=_day(opened),
                responsible=self._owner(),
                returned_on=_day(opened) + dt.timedelta(days=7),
                closed_on=_day(opened) + dt.timedelta(days=7),
                outcome="returned",
                placement="inserted",
                vocational_considered=False,
            )
            self.attempts.append(AttemptRow(case.case_id, case.opened_on, "班主任", "returned"))

    def _plants(self, clean: list[Student], over_age: list[Student]) -> None:
        for _ in range(2):
            student = clean.pop()
            self.absences.append(
                AbsenceRow(
                    student.student_number,
                    _day("2019-02-25"),
                    _day("2019-03-08"),
                    10,
                    excused=False,
                    plants=[("DO-001", "10 unexcused school days from 2019-02-25, no case")],
                )
            )
            self.absences.append(
                AbsenceRow(
                    clean.pop().student_number, _day("2019-03-04"), _day("2019-03-15"), 10, True
                )
            )
        for _ in range(2):
            self._case(
                _day("2019-02-20"),
                student_number=clean.pop().student_number,
                cause="poverty",
                responsible=self._owner(),
                plants=[("DO-002", "opened 2019-02-20, no plan by 2019-03-07")],
            )
        for _ in range(2):
            self._case(
                _day("2019-03-10"),
                student_number=clean.pop().student_number,
                cause="distance",
                plan_made_on=_day("2019-03-10"),
                plants=[("DO-003", "nobody named responsible")],
            )
        for _ in range(2):
            self._case(
                _day("2019-02-11"),
                student_number=self._stranger(),
                cause="work",
                plan_made_on=_day("2019-02-12"),
                responsible=self._owner(),
                returned_on=_day("2019-03-01"),
                closed_on=_day("2019-03-01"),
                outcome="returned",
                placement="regular",
                vocational_considered=True,
                plants=[("DO-005", "closed as returned, the child on no record")],
            )
        for outcome in ("deceased", "emigrated"):
            self._case(
                _day("2019-01-14"),
                student_number=self._stranger(),
                cause="illness" if outcome == "deceased" else "other",
                plan_made_on=_day("2019-01-15"),
                responsible=self._owner(),
                closed_on=_day("2019-03-05"),
                outcome=outcome,
                plants=[("DO-006", f"closed as {outcome} with no evidence")],
            )
        for _ in range(2):
            case = self._case(
                _day("2019-01-07"),
                student_number=clean.pop().student_number,
                cause="early_marriage",
                plan_made_on=_day("2019-01-10"),
                responsible=self._owner(),
                plants=[("DO-007", "last persuasion on 2019-02-01")],
            )
            self.attempts.append(AttemptRow(case.case_id, _day("2019-02-01"), "班主任", "refused"))
        for _ in range(2):
            number = clean.pop().student_number
            self._case(
                _day("2018-09-20"),
                student_number=number,
                cause="learning",
                plan_made_on=_day("2018-09-21"),
                responsible=self._owner(),
                returned_on=_day("2018-10-15"),
                closed_on=_day("2018-10-15"),
                outcome="returned",
                placement="regular",
                plants=[("DO-008", "back on 2018-10-15, a new case on 2019-03-11")],
            )
            self._case(
                _day("2019-03-11"),
                student_number=number,
                origin="revisit",
                cause="learning",
                plan_made_on=_day("2019-03-11"),
                responsible=self._owner(),
            )
        for student in over_age[:2]:
            self._case(
                _day("2019-01-21"),
                student_number=student.student_number,
                cause="work",
                plan_made_on=_day("2019-01-22"),
                responsible=self._owner(),
                returned_on=_day("2019-02-25"),
                closed_on=_day("2019-02-25"),
                outcome="returned",
                placement="regular",
                plants=[("DO-009", "over-age returnee in a regular class")],
            )
        self._unreported(clean)

    def _unreported(self, clean: list[Student]) -> None:
        """Persuasion that failed twice: two cases with no written report (DO-004 once
        the law behind it is in force), one with its report."""
        for report in (None, None, _day("2019-03-14")):
            case = self._case(
                _day("2019-01-28"),
                student_number=clean.pop().student_number,
                cause="work",
                plan_made_on=_day("2019-01-29"),
                responsible=self._owner(),
                written_report_on=report,
                plants=[]
                if report is not None
                else [
                    ("DO-004", "persuasion failed on 2019-02-26 and 2019-03-12, no written report")
                ],
            )
            self.attempts.append(AttemptRow(case.case_id, _day("2019-02-26"), "班主任", "failed"))
            self.attempts.append(AttemptRow(case.case_id, _day("2019-03-12"), "村委会", "refused"))

    def plant(self, students: list[Student], roster: list[RosterRow]) -> None:
        policy = resolve_policy("622900", on=AS_OF)
        year = SchoolYear.containing(AS_OF, policy=policy)
        active = [s for s in students if s.status == "active" and not s.rejected]

        def years_over(student: Student) -> int:
            return usual_grade(student.child.birth_date, year, policy=policy) - student.grade

        over_age = [s for s in active if years_over(s) >= VOCATIONAL_YEARS]
        clean = [s for s in active if not s.plants and not s.suspensions and years_over(s) <= 1]
        clean.reverse()
        self._registered(students, roster)
        self._healthy(clean)
        self._plants(clean, over_age)
        for rows in (self.cases, self.attempts, self.absences):
            for line, row in enumerate(rows, start=2):
                row.line = line  # type: ignore[attr-defined]


def _date(day: dt.date | None) -> str:
    return "" if day is None else day.isoformat()


def case_cells(row: CaseRow) -> list[str]:
    considered = "" if row.vocational_considered is None else str(row.vocational_considered).lower()
    return [
        row.case_id,
        row.student_number,
        row.resident_id,
        row.opened_on.isoformat(),
        row.origin,
        row.cause,
        _date(row.plan_made_on),
        row.responsible,
        _date(row.written_report_on),
        _date(row.closed_on),
        row.outcome,
        row.outcome_evidence,
        _date(row.returned_on),
        row.placement,
        considered,
    ]


def attempt_cells(row: AttemptRow) -> list[str]:
    return [row.case_id, row.on.isoformat(), row.by, row.outcome]


def absence_cells(row: AbsenceRow) -> list[str]:
    return [
        row.student_number,
        row.start.isoformat(),
        row.end.isoformat(),
        str(row.school_days),
        "true" if row.excused else "false",
    ]
