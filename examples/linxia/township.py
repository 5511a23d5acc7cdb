"""The demo township: its children, their records and the ordinary variety of a registry;
the problems planted on them up to the registration rules (INPUT, ID, AGE, REG) are in
:mod:`examples.linxia.township_plants`.

Transfers, suspensions and the monthly roll are added by
:mod:`examples.linxia.movements`; :mod:`examples.linxia.writing` lays the rows out and
writes them.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence

from dropout_control.identity import ResidentId
from examples.linxia.certificates import Certificates
from examples.linxia.corrections import Corrections
from examples.linxia.home_teaching import HomeTeaching
from examples.linxia.ledger import Ledger
from examples.linxia.records import (
    Child,
    DeferralRow,
    EmploymentRow,
    Plant,
    RollRow,
    RosterRow,
    Student,
    SuspensionRow,
    TotalRow,
    TransferRow,
)
from examples.linxia.setting import (
    CLASS_SIZE,
    DISABILITIES,
    EMPLOYERS,
    ENROLMENT_AGE,
    ETHNICITIES,
    ETHNICITY_WEIGHTS,
    FEMALE_CHARACTERS,
    FEMALE_HUI_NAMES,
    FIRST_JUNIOR_GRADE,
    ID_TYPE_OTHER,
    JUNIOR_SCHOOL,
    LAST_GRADE,
    LAST_PRIMARY_GRADE,
    MALE_CHARACTERS,
    MALE_HUI_NAMES,
    OTHER_COUNTIES,
    PRIMARY_SCHOOLS,
    PRIMARY_WEIGHTS,
    SCHOOL_AGE_UPPER,
    SCHOOL_YEAR_START,
    SEQUENCES_PER_SEX,
    SURNAME_WEIGHTS,
    SURNAMES,
    TOWNSHIP,
    cohort,
    compact,
    entry_year_of,
    usual_grade,
)
from examples.linxia.township_plants import (
    plant_age,
    plant_identity,
    plant_input,
    plant_registration,
)


class Township:
    """Builds the demo township's records, planted problems included, from one seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.ids: set[str] = set()
        self.numbers: set[str] = set()
        self.students: list[Student] = []
        self.duplicates: list[Student] = []  # INPUT-002: copies appended at the end
        self.roster: list[RosterRow] = []
        self.deferrals: list[DeferralRow] = []
        self.employment: list[EmploymentRow] = []
        self.groups: list[tuple[list[Student], str]] = []  # ID-006 groups and their note
        self.total_duplicates: list[tuple[str, str, str]] = []  # (month, school, note)
        self.transfers: list[TransferRow] = []
        self.suspensions: list[SuspensionRow] = []
        self.extra_roll: list[RollRow] = []  # roll rows of children without a record there
        self.roll_months: dict[str, tuple[str, ...]] = {}  # schools that stopped or never sent
        self.total_plants: dict[tuple[str, str], tuple[int, Plant]] = {}  # (month, school)
        self.present_elsewhere: list[tuple[Student, RollRow]] = []  # TR-007
        self.silent_schools: list[tuple[str, str]] = []  # REC-003: (school, note)
        # Filled in when the rows are laid out (examples.linxia.writing):
        self.roll: list[RollRow] = []
        self.totals: list[TotalRow] = []
        # Planted last, with the same generator (examples.linxia.corrections):
        self.corrections = Corrections(self.ids, self.rng)
        # Planted before the rolls, with a generator of its own (examples.linxia.home_teaching):
        self.home_teaching = HomeTeaching(self.ids, seed)
        # And after them (examples.linxia.certificates):
        self.certificates = Certificates(self.rng)
        # and the dropout ledger after them (examples.linxia.ledger):
        self.ledger = Ledger(self.ids, self.rng)

    # --- people -----------------------------------------------------------------------

    def name(self, *, male: bool) -> str:
        rng = self.rng
        surname = rng.choices(SURNAMES, SURNAME_WEIGHTS)[0]
        if rng.random() < 0.04:  # noqa: PLR2004 - share of Arabic-derived given names
            return surname + rng.choice(MALE_HUI_NAMES if male else FEMALE_HUI_NAMES)
        pool = MALE_CHARACTERS if male else FEMALE_CHARACTERS
        if rng.random() < 0.25:  # noqa: PLR2004 - share of one-character given names
            return surname + rng.choice(pool)
        first = "小" if rng.random() < 0.1 else rng.choice(pool)  # noqa: PLR2004
        return surname + first + rng.choice(pool)

    def new_id(self, region: str, birth_date: dt.date, *, male: bool) -> str:
        while True:
            sequence = self.rng.randrange(SEQUENCES_PER_SEX) * 2 + (1 if male else 0)
            number = ResidentId.from_parts(region, birth_date, sequence).reveal()
            if number not in self.ids:
                self.ids.add(number)
                return number

    def born(self, age: int, *, safe: bool = False) -> dt.date:
        """A birth date in the cohort aged ``age`` at the cutoff; ``safe`` keeps it away
        from the cohort's edges (August and September), so a few days' shift stays in."""
        first, last = cohort(age)
        while True:
            day = first + dt.timedelta(days=self.rng.randrange((last - first).days + 1))
            if not safe or day.month not in (8, 9):
                return day

    def child(
        self,
        birth_date: dt.date,
        *,
        region: str | None = None,
        household: str = TOWNSHIP,
        male: bool | None = None,
        disability: str = "",
        with_id: bool = True,
    ) -> Child:
        rng = self.rng
        is_male = rng.random() < 0.52 if male is None else male  # noqa: PLR2004
        if region is None:
            region = TOWNSHIP if rng.random() < 0.88 else rng.choice(OTHER_COUNTIES)  # noqa: PLR2004
        number = self.new_id(region, birth_date, male=is_male) if with_id else ""
        ethnicity = rng.choices(ETHNICITIES, ETHNICITY_WEIGHTS)[0]
        return Child(
            number, self.name(male=is_male), is_male, birth_date, household, ethnicity, disability
        )

    def outsider(self, age: int, *, safe: bool = False) -> Child:
        """A child whose household is registered in another county (not on the roster)."""
        county = self.rng.choice(OTHER_COUNTIES)
        return self.child(self.born(age, safe=safe), region=county, household=county)

    def on_roster(self, child: Child, *, plants: Sequence[Plant] = ()) -> RosterRow:
        rng = self.rng
        style = rng.choices((0, 1, 2), (70, 20, 10))[0]
        row = RosterRow(child, style, numeric_sex=rng.random() < 0.05, plants=list(plants))  # noqa: PLR2004
        self.roster.append(row)
        return row

    # --- records ----------------------------------------------------------------------

    def number(self, prefix: str, digits: str) -> str:
        while True:
            tail = "".join(self.rng.choice("0123456789") for _ in range(18 - len(digits)))
            text = prefix + digits + tail
            if text not in self.numbers:
                return text

    def enrol(
        self,
        child: Child,
        grade: int,
        *,
        school: str | None = None,
        status: str = "active",
        student_number: str | None = None,
        plants: Sequence[Plant] = (),
    ) -> Student:
        rng = self.rng
        if school is None:
            school = (
                JUNIOR_SCHOOL
                if grade >= FIRST_JUNIOR_GRADE
                else rng.choices(PRIMARY_SCHOOLS, PRIMARY_WEIGHTS)[0]
            )
        if student_number is None:
            student_number = "G" + child.resident_id
        year = entry_year_of(grade)
        created = dt.date(year, 9, 1) + dt.timedelta(days=rng.randint(0, 10))
        left_behind = rng.choices(("否", "单亲外出", "双亲外出"), (77, 15, 8))[0]
        student = Student(
            child,
            student_number,
            school,
            grade,
            year,
            created,
            status=status,
            migrant=child.household_region != TOWNSHIP and rng.random() < 0.5,  # noqa: PLR2004
            left_behind=left_behind,
            poverty=rng.random() < 0.2,  # noqa: PLR2004
            compact_dates=rng.random() < 0.7,  # noqa: PLR2004
            dashed_entry=rng.random() < 0.1,  # noqa: PLR2004
            plants=list(plants),
        )
        if grade >= FIRST_JUNIOR_GRADE and rng.random() < 0.3:  # noqa: PLR2004
            student.study_mode = "boarding"
        self.numbers.add(student_number)
        self.students.append(student)
        return student

    def finish(self, student: Student, status: str, since: dt.date, reason: str = "") -> None:
        student.status = status
        student.status_since = since
        student.cancel_reason = reason

    # --- the ordinary township --------------------------------------------------------

    def build_base(self) -> None:
        rng = self.rng
        school_age: list[Student] = []
        for age in range(ENROLMENT_AGE, ENROLMENT_AGE + LAST_GRADE):  # grades 1 to 9
            for _ in range(rng.randint(320, 350)):
                child = self.child(self.born(age))
                self.on_roster(child)
                school_age.append(self.enrol(child, usual_grade(child.birth_date)))
        self.vary_base(school_age)
        for age in (4, 5):  # too young: born after the cutoff, no record
            for _ in range(rng.randint(70, 80)):
                self.on_roster(self.child(self.born(age)))
        # The last age of the window (15 at the cutoff) finished grade 9 last July; at 16
        # a child is past the window: finished, or with no record at all.
        for age in (SCHOOL_AGE_UPPER, SCHOOL_AGE_UPPER + 1):
            for _ in range(rng.randint(50, 60)):
                self.too_old(age)
        for _ in range(rng.randint(60, 70)):  # children of other counties' households
            child = self.outsider(rng.randint(ENROLMENT_AGE, ENROLMENT_AGE + LAST_GRADE - 1))
            self.enrol(child, usual_grade(child.birth_date))
        for _ in range(3):  # no resident ID number: a J number and id_type other
            age = rng.randint(ENROLMENT_AGE, 11)
            child = self.child(self.born(age), with_id=False, household="")
            digits = TOWNSHIP + compact(child.birth_date)
            student = self.enrol(
                child, usual_grade(child.birth_date), student_number=self.number("J", digits)
            )
            student.id_type = ID_TYPE_OTHER

    def too_old(self, age: int) -> None:
        rng = self.rng
        child = self.child(self.born(age))
        self.on_roster(child)
        draw = rng.random()
        if age > SCHOOL_AGE_UPPER and draw < 0.15:  # noqa: PLR2004 - no record here at all
            return
        graduated_in = SCHOOL_YEAR_START - (age - SCHOOL_AGE_UPPER)  # 15: July 2018
        student = self.enrol(child, LAST_GRADE)
        student.entry_year = graduated_in - 3
        student.created_on = dt.date(student.entry_year, 9, 1) + dt.timedelta(
            days=rng.randint(0, 10)
        )
        status = "completed" if draw > 0.97 else "graduated"  # noqa: PLR2004
        self.finish(student, status, dt.date(graduated_in, 7, rng.randint(1, 10)))

    def vary_base(self, students: list[Student]) -> None:
        """Ordinary variety: older students, suspensions, boarders, disabled children, L
        numbers."""
        rng = self.rng
        picks = iter(rng.sample(students, 45))
        for _ in range(8):  # a handful of students a year older than their grade's age
            student = next(picks)
            if student.grade > 1:
                student.grade -= 1
                student.entry_year = entry_year_of(student.grade)
                student.created_on = dt.date(student.entry_year, 9, 1) + dt.timedelta(
                    days=rng.randint(0, 10)
                )
                if student.grade <= LAST_PRIMARY_GRADE and student.school_id == JUNIOR_SCHOOL:
                    student.school_id = rng.choices(PRIMARY_SCHOOLS, PRIMARY_WEIGHTS)[0]
                    student.study_mode = "day"
        for _ in range(5):  # suspended since before the school year began, for health
            # the record stays in last year's grade (examples.linxia.movements): not
            # grade 1, nor 7 (last year at a primary school), nor 6 or 9 last year, since
            # a start in the summer is in the final term of 2017-2018 (SUS-005)
            student = next(s for s in picks if s.grade not in (1, FIRST_JUNIOR_GRADE))
            self.finish(student, "suspended", dt.date(2018, rng.randint(6, 8), rng.randint(1, 28)))
        for _ in range(8):  # disabled children in regular classes (随班就读)
            next(picks).child.disability = rng.choice(DISABILITIES)
        for _ in range(2):  # severely disabled children taught at home (送教上门)
            student = next(picks)
            student.child.disability = "多重残疾"
            student.study_mode = "home_teaching"
            student.expert_assessed_on = dt.date(student.entry_year, 8, rng.randint(1, 25))
        for _ in range(5):  # temporary L numbers
            student = next(picks)
            self.numbers.discard(student.student_number)
            student.student_number = self.number("L", TOWNSHIP + str(student.entry_year))
            self.numbers.add(student.student_number)
        for student in students:
            if LAST_PRIMARY_GRADE - 2 <= student.grade <= LAST_PRIMARY_GRADE and (
                student.study_mode == "day" and rng.random() < 0.05  # noqa: PLR2004
            ):
                student.study_mode = "boarding"

    def lawful_cases(self) -> None:
        """Cases that look like problems and are not: deferrals, deaths, emigration,
        employment of 16-year-olds (transfers and suspensions: examples.linxia.movements)."""
        rng = self.rng
        for _ in range(3):  # six at the cutoff, deferred on health grounds until 31 August 2019
            child = self.child(self.born(ENROLMENT_AGE))
            self.on_roster(child)
            approver = rng.choice(("township_government", "county_education_bureau"))
            self.deferrals.append(
                DeferralRow(
                    child,
                    "health",
                    approver,
                    dt.date(2018, 8, rng.randint(10, 28)),
                    dt.date(2019, 8, 31),
                )
            )
        for _ in range(2):  # next year's entrants, deferred in advance until 31 August 2020
            child = self.child(self.born(ENROLMENT_AGE - 1))
            self.on_roster(child)
            self.deferrals.append(
                DeferralRow(
                    child,
                    "health",
                    "county_education_bureau",
                    dt.date(2019, 3, rng.randint(1, 15)),
                    dt.date(2020, 8, 31),
                )
            )
        self.deaths_and_departures()
        for age, reported in ((16, dt.date(2019, 1, 10)), (17, dt.date(2018, 12, 17))):
            child = self.child(self.born(age))
            self.on_roster(child)
            self.employment.append(EmploymentRow(child, rng.choice(EMPLOYERS), reported))

    def deaths_and_departures(self) -> None:
        for died, cancelled, status, reason in (
            (dt.date(2018, 12, 10), dt.date(2018, 12, 14), "deceased", ""),
            (dt.date(2018, 10, 22), dt.date(2018, 10, 26), "cancelled", "death"),
        ):
            child = self.child(self.born(self.rng.randint(7, 13)))
            child.deceased_on = died
            self.on_roster(child)
            self.finish(self.enrol(child, usual_grade(child.birth_date)), status, cancelled, reason)
        for left, cancelled, reason in (
            (dt.date(2018, 7, 15), dt.date(2018, 7, 20), "emigration"),
            (dt.date(2018, 6, 28), dt.date(2018, 7, 2), "left_country"),
        ):
            child = self.child(self.born(self.rng.randint(8, 11)))
            child.emigrated_on = left
            self.on_roster(child)
            student = self.enrol(child, usual_grade(child.birth_date))
            student.grade -= 1  # cancelled in July 2018: the grade of 2017-2018
            self.finish(student, "cancelled", cancelled, reason)

    # --- planted problems -------------------------------------------------------------

    def build_records(self) -> None:
        """The township's records and the problems of the registration rules."""
        self.build_base()
        self.lawful_cases()
        plant_input(self)
        plant_identity(self)
        plant_age(self)
        plant_registration(self)

    # --- classes, order and lines -----------------------------------------------------

    def assign_classes(self) -> None:
        """Classes of at most CLASS_SIZE; a few junior classes label their grade 七年级 …
        九年级 rather than 初一 … 初三 (both forms occur in exports): in each junior grade
        the last class always does and the first never."""
        rng = self.rng
        by_grade: dict[tuple[str, int], list[Student]] = {}
        for student in self.students:
            if student.is_open:
                by_grade.setdefault((student.school_id, student.grade), []).append(student)
        classes: dict[tuple[str, int], tuple[int, set[int]]] = {}
        for key, members in sorted(by_grade.items()):
            count = math.ceil(len(members) / CLASS_SIZE)
            alternative = {n for n in range(1, count + 1) if rng.random() < 0.2}  # noqa: PLR2004
            if key[1] >= FIRST_JUNIOR_GRADE:  # every junior grade shows both forms
                alternative = (alternative | {count}) - ({1} if count > 1 else set())
            classes[key] = (count, alternative)
            rng.shuffle(members)
            for index, student in enumerate(members):
                number = index % count + 1
                student.grade_alt = number in alternative
                student.class_name = f"{student.grade_label}({number})班"
        for student in self.students:
            if not student.is_open:
                count, alternative = classes.get((student.school_id, student.grade), (1, set()))
                number = rng.randint(1, count)
                student.grade_alt = number in alternative
                student.class_name = f"{student.grade_label}({number})班"

    def order(self) -> None:
        self.students.sort(
            key=lambda s: (s.school_id, not s.is_open, s.grade, s.class_name, s.student_number)
        )
        for line, student in enumerate([*self.students, *self.duplicates], start=2):
            student.line = line
        self.rng.shuffle(self.roster)
        for line, row in enumerate(self.roster, start=2):
            row.line = line
        self.deferrals.sort(key=lambda d: (d.approved_on, d.child.resident_id))
        for line, deferral in enumerate(self.deferrals, start=1):
            deferral.line = line
        self.employment.sort(key=lambda e: (e.reported_on, e.child.resident_id))
        for line, report in enumerate(self.employment, start=1):
            report.line = line
        for group, note in self.groups:
            first = min(group, key=lambda s: s.line)
            others = ", ".join(str(s.line) for s in group if s is not first)
            first.plants.append(("ID-006", f"{note}; the others on lines {others}"))
        self.transfers.sort(key=lambda t: (t.applied_on, t.student_number))
        for line, transfer in enumerate(self.transfers, start=2):
            transfer.transfer_id = f"ZX{transfer.applied_on.year}-{line - 1:04d}"
            transfer.line = line
        self.suspensions.sort(key=lambda s: (s.start, s.student_number))
        for line, suspension in enumerate(self.suspensions, start=1):
            suspension.suspension_id = f"XX{suspension.start.year}-{line:04d}"
            suspension.line = line
        for school, note in self.silent_schools:  # REC-003 speaks at the first active row
            first = next(s for s in self.students if s.school_id == school and s.is_counted)
            first.plants.append(("REC-003", note))

    # --- headcounts -------------------------------------------------------------------
