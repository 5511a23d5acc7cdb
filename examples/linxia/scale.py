"""Benchmark folders: N students over Linxia's eight counties, clean (nothing planted),
written streaming with English headers, canonical values and plain UTF-8.

``students.csv``, ``population.csv`` (every student and about 3% children too young
for school), ``headcounts.csv`` (every student in each month asked for, up to 2019-03)
and ``headcount_totals.csv`` (each school's active records); with ``transfers`` and
``suspensions`` shares, also ``transfers.csv`` (lawful transfers in from schools
outside the folder, completed in the autumn term, and pending transfers out, every step
in time) and ``suspensions.csv`` (lawful suspensions: half still running, the record
休学 and the roll excused; half returned from); with a ``corrections`` share, also
``age_corrections.csv`` and ``evidence.csv`` (lawful household-registration age
corrections of a few days, approved by the city bureau, each with the birth certificate
that shows the new date; the record, the roster and the roll follow the new number and
the student keeps its G number for life); with a ``home_teaching`` share,
``home_teaching.csv`` (students taught at home, assessed, excused on the roll and
visited every Tuesday and Thursday school day for three periods: on track);
with a ``ledger`` share, also
``cases.csv``, ``attempts.csv`` and ``absences.csv``: active students brought back from
a case in September 2018 (consolidated since), one returning attempt each and an
excused absence of three school days.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, TextIO

from dropout_control.calendar import WorkingCalendar, add_working_days, school_days_between
from dropout_control.identity import LINXIA_COUNTIES, calc_check_character, is_known_region
from dropout_control.policy import resolve_policy
from dropout_control.policy.keys import CALENDAR_WORKING_DAY_ARRANGEMENTS
from examples.linxia.setting import (
    AS_OF,
    CLASS_SIZE,
    ENROLMENT_AGE,
    ETHNICITY_POOL,
    FIRST_JUNIOR_GRADE,
    GRADUATING_GRADES,
    HEADCOUNT_HEADER,
    HEADCOUNTS_FILE,
    LAST_GRADE,
    LAST_PRIMARY_GRADE,
    PARTY_LIMIT_WORKING_DAYS,
    POPULATION_FIELDS,
    POPULATION_FILE,
    SEQUENCES_PER_SEX,
    STUDENT_FIELDS,
    STUDENTS_FILE,
    SUSPENSION_APPROVERS,
    SUSPENSION_MAX_DAYS,
    TOTALS_FILE,
    TOTALS_HEADER,
    TRANSFER_FIELDS,
    TRANSFERS_FILE,
    cohort,
    entry_year_of,
)
from examples.linxia.township import Township

SCALE_STUDENT_HEADER: Final = tuple(name for name, _ in STUDENT_FIELDS)
SCALE_POPULATION_HEADER: Final = tuple(name for name, _ in POPULATION_FIELDS)
SCALE_TRANSFER_HEADER: Final = tuple(name for name, _ in TRANSFER_FIELDS)
SCALE_SUSPENSION_HEADER: Final = (
    "suspension_id",
    "student_number",
    "start",
    "end",
    "grounds",
    "approved_by",
    "approved_on",
    "extensions",
    "returned_on",
)

# China's working days as the rules count them (the State Council's arrangements).
WORKING_DAYS = resolve_policy(on=dt.date(2019, 3, 20)).value(
    CALENDAR_WORKING_DAY_ARRANGEMENTS, WorkingCalendar
)

SCALE_CORRECTION_HEADER: Final = (
    "correction_id",
    "old_resident_id",
    "new_resident_id",
    "old_birth_date",
    "new_birth_date",
    "approved_by",
    "approved_on",
)
SCALE_EVIDENCE_HEADER: Final = ("correction_id", "kind", "birth_date_shown", "calendar")
SCALE_CORRECTIONS_FILE: Final = "age_corrections.csv"
SCALE_EVIDENCE_FILE: Final = "evidence.csv"
DEFAULT_CORRECTION_SHARE: Final = 0.005  # --corrections without a share
# The top sequence codes of each region, day and sex are kept for corrected persons, whose
# old and new numbers share one sequence code on two days: no ordinary number takes them.
CORRECTION_SEQUENCES: Final = 50
ORDINARY_SEQUENCES: Final = SEQUENCES_PER_SEX - CORRECTION_SEQUENCES
# A correction moves the birth date by a few days: never a lunar reading of the other
# date (those lie three to seven weeks apart), never across the cutoff.
CORRECTION_MAX_SHIFT_DAYS: Final = 10
SCALE_SUSPENSIONS_FILE: Final = "suspensions.csv"
SCALE_HOME_TEACHING_FILE: Final = "home_teaching.csv"
SCALE_HOME_TEACHING_HEADER: Final = ("student_number", "on", "periods", "teacher", "school_id")
DEFAULT_HOME_TEACHING_SHARE: Final = 0.002  # --home-teaching without a share
HOME_TEACHING_WEEKDAYS: Final = (1, 3)  # Tuesday and Thursday
HOME_TEACHING_PERIODS: Final = 3
HOME_TEACHING_TEACHERS: Final = ("马文英", "王海燕", "何成福", "韩秀兰", "张德忠")
SCALE_CERTIFICATES_FILE: Final = "certificates.csv"
SCALE_CERTIFICATE_HEADER: Final = (
    "certificate_no",
    "student_number",
    "kind",
    "issued_on",
    "school_id",
    "stage",
)
# Every student of the final grade holds the graduation certificate of its year, issued
# on the first day certificates may be (certificate.issue_from).
SCALE_CERTIFICATE_DAY: Final = "06-20"
PRIMARY_SCHOOL_SIZE: Final = 480
JUNIOR_SCHOOL_SIZE: Final = 1200
SCALE_EXTRA_YOUNG: Final = 0.03  # roster children too young for school, per student
DEFAULT_TRANSFER_SHARE: Final = 0.02  # --transfers without a share
DEFAULT_SUSPENSION_SHARE: Final = 0.01  # --suspensions without a share
DEFAULT_LEDGER_SHARE: Final = 0.02  # --ledger without a share
SCALE_CASES_FILE: Final = "cases.csv"
SCALE_ATTEMPTS_FILE: Final = "attempts.csv"
SCALE_ABSENCES_FILE: Final = "absences.csv"
SCALE_CASE_HEADER: Final = (
    "case_id,student_number,opened_on,source,cause,plan_made_on,responsible,closed_on,"
    "outcome,returned_on,placement,vocational_considered"
)
SCALE_CASE_CAUSES: Final = ("learning", "work", "poverty", "distance", "illness")
SCHEDULES: Final = 97  # lawful approval schedules and suspensions drawn once, reused


@dataclass(frozen=True)
class ScaleCounts:
    students: int
    population: int
    headcounts: int
    totals: int
    schools: int
    transfers: int
    suspensions: int
    corrections: int
    seconds: float
    home_taught: int = 0
    certificates: int = 0
    cases: int = 0


class IdentityNumbers:
    """Unique resident ID numbers at speed: sequence codes counted per region, day and
    sex, the check character computed on the text (no object per number)."""

    def __init__(self, regions: Sequence[str]) -> None:
        self.regions = regions
        self.counters: dict[tuple[int, int, bool], int] = {}
        self.kept: dict[tuple[int, int, bool], set[int]] = {}  # correction codes taken

    def issue(self, region_index: int, birth_date: dt.date, birth_digits: str, male: bool) -> str:
        ordinal = birth_date.toordinal()
        for step in range(len(self.regions)):
            index = (region_index + step) % len(self.regions)
            key = (index, ordinal, male)
            used = self.counters.get(key, 0)
            if used < ORDINARY_SEQUENCES:
                self.counters[key] = used + 1
                # start each day's numbering somewhere in the range, as offices do
                start = (ordinal * 7919 + index * 104729) % ORDINARY_SEQUENCES
                sequence = (start + used) % ORDINARY_SEQUENCES * 2 + male
                first17 = f"{self.regions[index]}{birth_digits}{sequence:03d}"
                return first17 + calc_check_character(first17)
        raise ValueError(f"no sequence code left for {birth_date.isoformat()} in any region")

    def issue_corrected(
        self, region_index: int, old: dt.date, new: dt.date, male: bool
    ) -> tuple[str, str]:
        """The old and the new number of a corrected person: one region and sequence
        code (from the kept range, free on both days), two birth dates."""
        for step in range(len(self.regions)):
            index = (region_index + step) % len(self.regions)
            taken_old = self.kept.setdefault((index, old.toordinal(), male), set())
            taken_new = self.kept.setdefault((index, new.toordinal(), male), set())
            for code in range(ORDINARY_SEQUENCES, SEQUENCES_PER_SEX):
                if code not in taken_old and code not in taken_new:
                    taken_old.add(code)
                    taken_new.add(code)
                    numbers = []
                    for day in (old, new):
                        first17 = f"{self.regions[index]}{day:%Y%m%d}{code * 2 + male:03d}"
                        numbers.append(first17 + calc_check_character(first17))
                    return numbers[0], numbers[1]
        raise ValueError(f"no kept sequence code left for {new.isoformat()} in any region")


def scale_months(count: int) -> list[str]:
    """``count`` months ending with the month of the audit date."""
    year, month = AS_OF.year, AS_OF.month
    months = []
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def scale_names(rng: random.Random, count: int) -> tuple[list[str], list[str]]:
    builder = Township(rng.randrange(2**32))
    return (
        [builder.name(male=True) for _ in range(count)],
        [builder.name(male=False) for _ in range(count)],
    )


def school_plan(students: int) -> list[tuple[str, int, int]]:
    """(school ID, first grade, number of students) for every school, 6+3 split."""
    primary_total = students * LAST_PRIMARY_GRADE // LAST_GRADE
    junior_total = students - primary_total
    plan: list[tuple[str, int, int]] = []
    for first_grade, total, size in (
        (1, primary_total, PRIMARY_SCHOOL_SIZE),
        (FIRST_JUNIOR_GRADE, junior_total, JUNIOR_SCHOOL_SIZE),
    ):
        schools = max(1, math.ceil(total / size))
        for index in range(schools):
            share = total // schools + (1 if index < total % schools else 0)
            plan.append((f"2162{len(plan) + 1:06d}", first_grade, share))
    return plan


@dataclass(frozen=True)
class Movers:
    """Where transfers and suspensions of a scale folder are written, and how many.

    ``transfers`` and ``suspensions`` are the shares of students with one (0 for none).
    Schedules are drawn once and reused, so that a mover costs a string format.
    """

    transfers: float = 0.0
    suspensions: float = 0.0
    transfer_file: TextIO | None = None
    suspension_file: TextIO | None = None
    corrections: float = 0.0
    correction_file: TextIO | None = None
    evidence_file: TextIO | None = None
    ledger: float = 0.0
    ledger_files: tuple[TextIO, TextIO, TextIO] | None = None  # cases, attempts, absences

    @property
    def any(self) -> bool:
        return self.transfers > 0 or self.suspensions > 0


def home_teaching_days() -> list[str]:
    """The Tuesday and Thursday school days of 2018-2019 before the audit date."""
    policy = resolve_policy(on=AS_OF)
    day, days = dt.date(2018, 9, 1), []
    while day < AS_OF:
        if day.weekday() in HOME_TEACHING_WEEKDAYS and school_days_between(day, day, policy=policy):
            days.append(day.isoformat())
        day += dt.timedelta(days=1)
    return days


@dataclass
class HomeTaught:
    """Students taught at home: the share of active students, drawn with a generator of
    their own so that the rest of the folder stays as it is, and the visits file."""

    share: float = 0.0
    visit_file: TextIO | None = None
    rng: random.Random = field(default_factory=random.Random)
    days: list[str] = field(default_factory=list)
    count: int = 0

    def draw(self, student_number: str) -> bool:
        """Whether this active student is taught at home; if so, write its visits."""
        if self.visit_file is None or self.rng.random() >= self.share:
            return False
        self.count += 1
        teacher = self.rng.choice(HOME_TEACHING_TEACHERS)
        self.visit_file.writelines(
            f"{student_number},{day},{HOME_TEACHING_PERIODS},{teacher},\n" for day in self.days
        )
        return True


def weekday(rng: random.Random, first: dt.date, days: int) -> dt.date:
    """A weekday in the ``days`` days from ``first`` (a Monday)."""
    day = first + dt.timedelta(days=rng.randrange(days))
    return day - dt.timedelta(days=max(0, day.weekday() - 4))


def completed_schedules(rng: random.Random) -> list[str]:
    """Transfers applied for in the autumn term and completed in turn, each party within
    its working days: the cells from applied_on to completed_on, with the status."""
    found = []
    for _ in range(SCHEDULES):
        applied = weekday(rng, dt.date(2018, 9, 10), 120)
        days = [applied]
        for _ in range(4):
            days.append(
                add_working_days(
                    days[-1], rng.randint(1, PARTY_LIMIT_WORKING_DAYS - 1), calendar=WORKING_DAYS
                )
            )
        dates = [d.isoformat() for d in days]
        found.append(f"{dates[0]},{{grade}},{{grade}},{','.join(dates[1:])},completed,{dates[4]}")
    return found


def pending_schedules() -> list[str]:
    """Transfers applied for in March 2019 whose next step is not yet due on 2019-03-20."""
    found = []
    for applied, gaps in (
        (dt.date(2019, 3, 11), (2,)),
        (dt.date(2019, 3, 14), ()),
        (dt.date(2019, 3, 1), (1, 2, 3)),
        (dt.date(2019, 3, 7), (1, 3)),
    ):
        days = [applied]
        for gap in gaps:
            days.append(add_working_days(days[-1], gap, calendar=WORKING_DAYS))
        dates = [d.isoformat() for d in days[1:]] + [""] * (4 - len(gaps))
        found.append(f"{applied.isoformat()},{{grade}},,{','.join(dates)},pending,")
    return found


def suspension_schedules(rng: random.Random) -> tuple[list[tuple[str, str]], list[str]]:
    """Suspensions for health started in the autumn term: running ones (start, and the
    cells from start to returned_on) and returned ones (the cells)."""
    running, returned = [], []
    for _ in range(SCHEDULES):
        approver = rng.choice(SUSPENSION_APPROVERS)
        start = weekday(rng, dt.date(2018, 9, 3), 170)
        end = start + dt.timedelta(days=rng.randint(300, SUSPENSION_MAX_DAYS - 1))
        approved = start - dt.timedelta(days=rng.randint(3, 12))
        running.append(
            (
                start.isoformat(),
                f"{start},{end},health,{approver},{approved},0,",
            )
        )
        start = weekday(rng, dt.date(2018, 9, 3), 80)
        end = start + dt.timedelta(days=rng.randint(30, 90))
        back = end + dt.timedelta(days=rng.randint(1, 10))
        approved = start - dt.timedelta(days=rng.randint(3, 12))
        returned.append(f"{start},{end},health,{approver},{approved},0,{back}")
    return running, returned


class ScaleWriter:
    """Streams a clean folder: students and roster rows as they are drawn, the roll of
    every student kept as text without its month, written once per month at the end."""

    def __init__(
        self,
        rng: random.Random,
        student_file: TextIO,
        roster_file: TextIO,
        movers: Movers | None = None,
        home_taught: HomeTaught | None = None,
        *,
        certificate_file: TextIO | None = None,
    ) -> None:
        self.rng = rng
        self.home_taught = home_taught or HomeTaught()
        self.certificate_file = certificate_file
        self.certificates = 0
        self.student_file = student_file
        self.roster_file = roster_file
        regions = [r.code for r in LINXIA_COUNTIES]
        if not all(is_known_region(code) for code in regions):
            raise AssertionError("the scale folder must use known region codes only")
        self.numbers = IdentityNumbers(regions)
        self.names = scale_names(rng, 4000)
        self.roll: list[str] = []  # one headcount row without its month, per student
        self.population = 0
        self.movers = movers or Movers()
        self.suspended: Counter[str] = Counter()  # per school: not active, not counted
        self.transfers = 0
        self.suspensions = 0
        self.corrections = 0
        self.cases = 0
        # The ledger draws from its own generator: the other files stay as without it.
        self.ledger_rng = random.Random(hash(rng.getstate())) if self.movers.ledger > 0 else None
        if self.movers.any:
            self.completed = completed_schedules(rng)
            self.pending = pending_schedules()
            self.running, self.returned = suspension_schedules(rng)

    def person(self, first_ordinal: int, span: int) -> tuple[str, str, str, str]:
        """(resident ID, name, sex, ISO birth date) of a new child born in the span."""
        rng = self.rng
        birth = dt.date.fromordinal(first_ordinal + rng.randrange(span))
        male = rng.random() < 0.52  # noqa: PLR2004
        birth_iso = birth.isoformat()
        region_index = rng.randrange(len(self.numbers.regions))
        number = self.numbers.issue(region_index, birth, birth_iso.replace("-", ""), male)
        name = rng.choice(self.names[0] if male else self.names[1])
        return number, name, "male" if male else "female", birth_iso

    def corrected_person(self, first_ordinal: int, span: int) -> tuple[str, str, str, str, str]:
        """(old number, new number, name, sex, ISO new birth date) of a child whose birth
        date was corrected by a few days inside its cohort; its correction and the
        evidence are written."""
        rng, movers = self.rng, self.movers
        offset = rng.randrange(span)
        shift = rng.randint(1, CORRECTION_MAX_SHIFT_DAYS)
        old_offset = offset - shift if offset >= shift else offset + shift
        if not 0 <= old_offset < span:
            old_offset = offset  # a cohort shorter than the shift: cannot happen
        new = dt.date.fromordinal(first_ordinal + offset)
        old = dt.date.fromordinal(first_ordinal + old_offset)
        male = rng.random() < 0.52  # noqa: PLR2004
        region_index = rng.randrange(len(self.numbers.regions))
        old_number, new_number = self.numbers.issue_corrected(region_index, old, new, male)
        name = rng.choice(self.names[0] if male else self.names[1])
        self.corrections += 1
        correction_id = f"HJ{self.corrections:08d}"
        approved = dt.date(2018, 9, 3) + dt.timedelta(days=rng.randrange(180))
        if movers.correction_file is not None and movers.evidence_file is not None:
            movers.correction_file.write(
                f"{correction_id},{old_number},{new_number},{old.isoformat()},"
                f"{new.isoformat()},city_public_security_bureau,{approved.isoformat()}\n"
            )
            movers.evidence_file.write(
                f"{correction_id},birth_certificate,{new.isoformat()},gregorian\n"
            )
        return old_number, new_number, name, "male" if male else "female", new.isoformat()

    def grade(self, school_id: str, grade: int, count: int) -> None:
        """One grade of one school: students, their roster rows and their roll rows."""
        rng = self.rng
        first, last = cohort(grade + ENROLMENT_AGE - 1)
        first_ordinal, span = first.toordinal(), (last - first).days + 1
        year = entry_year_of(grade)
        entry = f"{year}-09-01"
        created = [f"{year}-09-{day:02d}" for day in range(1, 12)]
        student_lines = []
        roster_lines = []
        corrections = self.movers.corrections
        certificate_lines = []
        issued = f"{entry_year_of(1) + 1}-{SCALE_CERTIFICATE_DAY}"
        for index in range(count):
            if corrections and rng.random() < corrections:
                old, number, name, sex, birth_iso = self.corrected_person(first_ordinal, span)
            else:
                number, name, sex, birth_iso = self.person(first_ordinal, span)
                old = number
            region = number[:6]
            class_name = f"{grade}-{index // CLASS_SIZE + 1}"
            status, since, roll = "active", "", "true,"
            if self.movers.any:
                status, since, roll = self.move(f"G{old}", school_id, grade)
            mode, disability, assessed = "day", "", ""
            if status == "active" and self.home_taught.draw(f"G{old}"):
                mode, disability, assessed = "home_teaching", "多重残疾", f"{year}-08-20"
                roll = "false,home_teaching"
            if status == "active" and mode == "day":
                self.keep_ledger(f"G{old}")
            student_lines.append(
                f"G{old},{number},resident_id,{name},{sex},{birth_iso},"
                f"{rng.choice(ETHNICITY_POOL)},{region},{school_id},{grade},{class_name},{entry},"
                f"{status},{mode},false,0,{disability},,false,{rng.choice(created)},{since},,"
                f"{assessed}\n"
            )
            roster_lines.append(f"{number},{name},{sex},{birth_iso},{region},{disability},,\n")
            self.roll.append(f",{school_id},G{old},{number},{name},{roll}\n")
            if grade == LAST_GRADE and status == "active" and self.certificate_file is not None:
                self.certificates += 1
                certificate_lines.append(
                    f"BY{self.certificates:09d},G{old},graduation,{issued},{school_id},\n"
                )
        if self.certificate_file is not None:
            self.certificate_file.writelines(certificate_lines)
        self.student_file.writelines(student_lines)
        self.roster_file.writelines(roster_lines)
        self.population += count

    def move(self, student_number: str, school_id: str, grade: int) -> tuple[str, str, str]:
        """Draw whether a student transfers or is suspended, write its row, and return
        its status, its status_since and its roll cells (present, excuse)."""
        rng, movers = self.rng, self.movers
        draw = rng.random()
        if draw < movers.transfers and movers.transfer_file is not None:
            self.transfers += 1
            outside = f"2169{rng.randrange(1_000_000):06d}"
            # pending transfers out apply in the spring term: not for grades 6 and 9
            if draw < movers.transfers / 4 and grade not in GRADUATING_GRADES:
                cells = rng.choice(self.pending).format(grade=grade)
                route = f"{school_id},{outside}"
            else:
                cells = rng.choice(self.completed).format(grade=grade)
                route = f"{outside},{school_id}"
            movers.transfer_file.write(f"ZX{self.transfers:08d},{student_number},{route},{cells}\n")
        elif draw < movers.transfers + movers.suspensions and movers.suspension_file is not None:
            self.suspensions += 1
            prefix = f"XX{self.suspensions:08d},{student_number},"
            if draw < movers.transfers + movers.suspensions / 2:
                start, cells = rng.choice(self.running)
                movers.suspension_file.write(prefix + cells + "\n")
                self.suspended[school_id] += 1
                return "suspended", start, "false,suspension"
            movers.suspension_file.write(prefix + rng.choice(self.returned) + "\n")
        return "active", "", "true,"

    def keep_ledger(self, student_number: str) -> None:
        """With the ledger's share, a case of an active student back since September
        2018 (consolidated), its returning attempt and an excused absence."""
        rng, files = self.ledger_rng, self.movers.ledger_files
        if rng is None or files is None or rng.random() >= self.movers.ledger:
            return
        self.cases += 1
        case_id = f"KC{self.cases:08d}"
        day = 10 + rng.randrange(10)
        cause = rng.choice(SCALE_CASE_CAUSES)
        back = f"2018-09-{day + 7:02d}"
        files[0].write(
            f"{case_id},{student_number},2018-09-{day:02d},survey,{cause},"
            f"2018-09-{day + 1:02d},班主任,{back},returned,{back},regular,false\n"
        )
        files[1].write(f"{case_id},{back},班主任,returned\n")
        files[2].write(f"{student_number},2018-11-05,2018-11-07,3,true\n")

    def too_young(self, count: int) -> None:
        """Roster children too young for school (born after the cutoff), with no record."""
        first, last = cohort(ENROLMENT_AGE - 1)
        first_ordinal, span = first.toordinal(), (last - first).days + 1
        for _ in range(count):
            number, name, sex, birth_iso = self.person(first_ordinal, span)
            self.roster_file.write(f"{number},{name},{sex},{birth_iso},{number[:6]},,,\n")
        self.population += count


def scale(
    out: Path,
    *,
    students: int,
    seed: int,
    months: int,
    transfers: float = 0.0,
    suspensions: float = 0.0,
    corrections: float = 0.0,
    home_teaching: float = 0.0,
    ledger: float = 0.0,
) -> ScaleCounts:
    """Write a clean folder of ``students`` students, streaming; return the counts.

    ``transfers``, ``suspensions`` and ``corrections`` are the shares of students with a
    lawful transfer, suspension or age correction, ``home_teaching`` the share of active
    students taught at home, ``ledger`` of active students with a (consolidated) case of
    the dropout ledger; with 0 (the default) the files of the kind are not written.
    """
    started = time.perf_counter()
    months_written = scale_months(months)
    plan = school_plan(students)
    out.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as files:
        student_file = files.enter_context(
            (out / STUDENTS_FILE).open("w", encoding="utf-8", newline="")
        )
        roster_file = files.enter_context(
            (out / POPULATION_FILE).open("w", encoding="utf-8", newline="")
        )
        student_file.write(",".join(SCALE_STUDENT_HEADER) + "\n")
        roster_file.write(",".join(SCALE_POPULATION_HEADER) + "\n")
        transfer_file = suspension_file = None
        if transfers > 0:
            transfer_file = files.enter_context(
                (out / TRANSFERS_FILE).open("w", encoding="utf-8", newline="")
            )
            transfer_file.write(",".join(SCALE_TRANSFER_HEADER) + "\n")
        if suspensions > 0:
            suspension_file = files.enter_context(
                (out / SCALE_SUSPENSIONS_FILE).open("w", encoding="utf-8", newline="")
            )
            suspension_file.write(",".join(SCALE_SUSPENSION_HEADER) + "\n")
        ledger_files = None
        if ledger > 0:
            opened = [
                files.enter_context((out / name).open("w", encoding="utf-8", newline=""))
                for name in (SCALE_CASES_FILE, SCALE_ATTEMPTS_FILE, SCALE_ABSENCES_FILE)
            ]
            opened[0].write(SCALE_CASE_HEADER + "\n")
            opened[1].write("case_id,on,by,outcome\n")
            opened[2].write("student_number,start,end,school_days,excused\n")
            ledger_files = (opened[0], opened[1], opened[2])
        correction_file = evidence_file = None
        if corrections > 0:
            correction_file = files.enter_context(
                (out / SCALE_CORRECTIONS_FILE).open("w", encoding="utf-8", newline="")
            )
            correction_file.write(",".join(SCALE_CORRECTION_HEADER) + "\n")
            evidence_file = files.enter_context(
                (out / SCALE_EVIDENCE_FILE).open("w", encoding="utf-8", newline="")
            )
            evidence_file.write(",".join(SCALE_EVIDENCE_HEADER) + "\n")
        movers = Movers(
            transfers,
            suspensions,
            transfer_file,
            suspension_file,
            corrections,
            correction_file,
            evidence_file,
            ledger,
            ledger_files,
        )
        home_taught = HomeTaught()
        if home_teaching > 0:
            visit_file = files.enter_context(
                (out / SCALE_HOME_TEACHING_FILE).open("w", encoding="utf-8", newline="")
            )
            visit_file.write(",".join(SCALE_HOME_TEACHING_HEADER) + "\n")
            home_taught = HomeTaught(
                home_teaching, visit_file, random.Random(seed + 1), home_teaching_days()
            )
        certificate_file = files.enter_context(
            (out / SCALE_CERTIFICATES_FILE).open("w", encoding="utf-8", newline="")
        )
        certificate_file.write(",".join(SCALE_CERTIFICATE_HEADER) + "\n")
        writer = ScaleWriter(
            random.Random(seed),
            student_file,
            roster_file,
            movers,
            home_taught,
            certificate_file=certificate_file,
        )
        for school_id, first_grade, size in plan:
            grades = LAST_PRIMARY_GRADE if first_grade == 1 else LAST_GRADE - LAST_PRIMARY_GRADE
            for offset in range(grades):
                count = size // grades + (1 if offset < size % grades else 0)
                writer.grade(school_id, first_grade + offset, count)
        writer.too_young(round(students * SCALE_EXTRA_YOUNG))
    with (out / HEADCOUNTS_FILE).open("w", encoding="utf-8", newline="") as stream:
        stream.write(",".join(HEADCOUNT_HEADER) + "\n")
        for month in months_written:
            stream.writelines(map(month.__add__, writer.roll))
    with (out / TOTALS_FILE).open("w", encoding="utf-8", newline="") as stream:
        stream.write(",".join(TOTALS_HEADER) + "\n")
        active = [(school, size - writer.suspended[school]) for school, _, size in plan]
        for month in months_written:
            stream.writelines(f"{month},{school},{count}\n" for school, count in active)
    return ScaleCounts(
        students=len(writer.roll),
        population=writer.population,
        headcounts=len(writer.roll) * len(months_written),
        totals=len(plan) * len(months_written),
        schools=len(plan),
        transfers=writer.transfers,
        suspensions=writer.suspensions,
        corrections=writer.corrections,
        seconds=time.perf_counter() - started,
        home_taught=home_taught.count,
        certificates=writer.certificates,
        cases=writer.cases,
    )
