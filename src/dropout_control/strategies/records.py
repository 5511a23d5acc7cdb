"""Strategies for the records an audit reads: students, the population roster, deferrals,
reports of employed minors and monthly headcounts.

Every record is valid by construction and lawful on the audit date: each strategy takes
``as_of`` (the audit date) and ``policy`` (the policy the audit applies; by default the
national policy resolved on ``as_of``), and a record drawn alone breaks no rule on that
day. A student's resident ID number, birth date, sex and G number agree; its grade is
the usual grade of its birth cohort, or one below (a child who entered a year late); its
entry date is its entry into the current stage (grade 1, or the first junior-secondary
grade) and its record was created within ``registration.create_within_days``.

Each record says where it was read: a file named after its kind (``students.csv``,
``population.csv`` …) and a line from 2 (line 1 is the header).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, TypeAlias

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dropout_control.calendar import (
    MonthDay,
    SchoolYear,
    Term,
    YearMonth,
    add_working_days,
    latest_birth_date,
    school_age_window,
)
from dropout_control.findings import SourceLocation
from dropout_control.identity import (
    LINXIA_COUNTIES,
    ResidentId,
    Sex,
    StudentNumber,
    StudentNumberKind,
)
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.policy import NATIONAL, Policy, SchoolStructure, resolve_policy
from dropout_control.population import Child, Deferral, EmploymentReport
from dropout_control.reconciliation import Excuse, HeadcountEntry, HeadcountTotal
from dropout_control.registry import (
    CancelReason,
    LeftBehind,
    RecordStatus,
    StudentRecord,
    StudyMode,
)
from dropout_control.strategies.identity import resident_ids
from dropout_control.suspensions import Suspension
from dropout_control.transfers import Transfer, TransferStatus, approval_order

__all__ = [
    "DEFAULT_AS_OF",
    "children",
    "deferrals",
    "employment_reports",
    "headcount_entries",
    "headcount_totals",
    "student_records",
    "suspensions",
    "transfers",
    "year_months",
]

DEFAULT_AS_OF = dt.date(2019, 3, 20)
"""The default audit date of the strategies: the day of the Linxia notice."""

# Every record status but withdrawn (退学), which compulsory education does not allow.
_LAWFUL_STATUSES = tuple(status for status in RecordStatus if status is not RecordStatus.WITHDRAWN)

# What a policy must hold for the strategies to place a child in a grade.
_NEEDED = (
    "enrolment.age",
    "enrolment.cutoff",
    "school_age.upper",
    "school_year.start",
    "school_year.spring_term_start",
    "compulsory.structure",
)
# Fallbacks where a parameter only shapes a record and is not yet in force (the rule
# that reads it is then not run): the values the package first gives them.
_CREATE_WITHIN_DAYS = 30
_UNPLACED_AFTER_DAYS = 30
_MAX_SUSPENSION_DAYS = 365
_DAYS_TO_APPROVE_SUSPENSION = 30
_FIRST_MONTH = YearMonth(1900, 1)
_LAST_MONTH = YearMonth(2099, 12)
_FIRST_LINE = 2
_LAST_LINE = 100_000
_YEARS_SHOWN_BEFORE_WINDOW = 3
_DAYS_BEFORE_START_TO_DEFER = 180
_FINISHED_SUMMER_DAYS = 75
_LAWFUL_CANCELS = tuple(
    reason for reason in CancelReason if reason.is_lawful_in_compulsory_education
)
SURNAMES = "马王张李杨何韩冶妥赵陈刘"
GIVEN_NAMES = "小明花文军英兰海福成娟强梅秀忠德"
DISABILITIES = ("视力残疾", "听力残疾", "言语残疾", "肢体残疾", "智力残疾", "多重残疾")
# GB/T 3304 codes of the nationalities most common in Linxia: Han, Hui, Tibetan, Tu,
# Dongxiang, Bonan, Salar.
ETHNICITIES = ("01", "03", "04", "30", "26", "47", "35")
EMPLOYERS = ("临夏县某餐馆", "某某砖厂", "某建筑工地", "某农家乐", "某汽修店")


# Strategies drawn for every record, built once: building a strategy costs more than
# drawing from it.
_NAMES = st.builds(
    lambda surname, given: surname + given,
    st.sampled_from(SURNAMES),
    st.text(GIVEN_NAMES, min_size=1, max_size=2),
)
MAYBE_DISABILITY: st.SearchStrategy[str | None] = st.none() | st.sampled_from(DISABILITIES)
_MAYBE_ETHNICITY = st.none() | st.sampled_from(ETHNICITIES)
_MAYBE_CLASS = st.none() | st.integers(1, 6)
_MAYBE_STUDY_MODE = st.none() | st.sampled_from([StudyMode.DAY, StudyMode.BOARDING])
_MAYBE_BOOL = st.none() | st.booleans()
_MAYBE_LEFT_BEHIND = st.none() | st.sampled_from(LeftBehind)
_MAYBE_NAME = st.none() | _NAMES
_MAYBE_EXCUSE = st.none() | st.sampled_from(Excuse)
_SEQUENCES = st.integers(0, 999)
_LINXIA_CODES = st.sampled_from([county.code for county in LINXIA_COUNTIES])


def source(kind: str, line: int) -> SourceLocation:
    """Where a record of ``kind`` was read: ``<kind>.csv`` at ``line``."""
    return SourceLocation(f"{kind}.csv", line)


def _lines() -> st.SearchStrategy[int]:
    return st.integers(_FIRST_LINE, _LAST_LINE)


def resolved_policy(as_of: dt.date, policy: Policy | None) -> Policy:
    """The policy the strategies follow: ``policy``, or the national one on ``as_of``.

    Raises ``InvalidArgument`` for a policy resolved on another day than ``as_of`` (the
    audit resolves its own on ``as_of``) or one that cannot place a child in a grade.
    """
    chosen = resolve_policy(NATIONAL, on=as_of) if policy is None else policy
    if chosen.on != as_of:
        raise InvalidArgument(
            f"policy is resolved on {chosen.on} but as_of={as_of}: the audit applies the "
            "policy in force on as_of"
        )
    missing = [key for key in _NEEDED if not chosen.is_in_force(key)]
    if missing:
        raise InvalidArgument(
            f"the policy of {chosen.jurisdiction} on {as_of} lacks {', '.join(missing)}"
        )
    return chosen


@attrs.frozen
class SchoolCalendar:
    """The dates the strategies place children by, for one audit date and policy."""

    as_of: dt.date
    policy: Policy
    current: SchoolYear
    enrolment_age: int
    cohorts: int
    structure: SchoolStructure
    window: tuple[dt.date, dt.date]
    disabled_window: tuple[dt.date, dt.date]
    create_within_days: int
    years_behind: int

    @classmethod
    def of(cls, as_of: dt.date, policy: Policy | None) -> SchoolCalendar:
        """The calendar of ``as_of`` under ``policy`` (see :func:`resolved_policy`)."""
        chosen = resolved_policy(as_of, policy)
        age = chosen.value("enrolment.age", int)
        window = school_age_window(as_of, policy=chosen)
        extended = chosen.is_in_force("disability.age_extension_years")
        return cls(
            as_of=as_of,
            policy=chosen,
            current=SchoolYear.containing(as_of, policy=chosen),
            enrolment_age=age,
            cohorts=chosen.value("school_age.upper", int) - age,
            structure=chosen.value("compulsory.structure", SchoolStructure),
            window=window,
            disabled_window=(
                school_age_window(as_of, policy=chosen, disabled=True) if extended else window
            ),
            create_within_days=_value(
                chosen, "registration.create_within_days", _CREATE_WITHIN_DAYS
            ),
            # A year older than the grade is fine while it is not over-age (AGE-004).
            years_behind=min(1, _value(chosen, "enrolment.over_age_years", 2) - 1),
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """How Hypothesis shows the calendar in a falsifying example: by its date and
        place, not the policy's every parameter."""
        printer.text(f"SchoolCalendar.of({self.as_of!r}, <policy of {self.policy.jurisdiction}>)")

    @property
    def final_grade(self) -> int:
        """The graduating grade of compulsory education."""
        return self.structure.final_grade

    def year_start(self, start_year: int) -> dt.date:
        """The first day of the school year starting in ``start_year``."""
        return SchoolYear.starting(start_year, policy=self.policy).start

    def cutoff(self, year: int) -> dt.date:
        """The enrolment cutoff in the calendar year ``year``."""
        return self.policy.value("enrolment.cutoff", MonthDay).in_year(year)

    def cohort(self, entry_year: int) -> tuple[dt.date, dt.date]:
        """First and last birth dates of the children who usually enter grade 1 in the
        autumn of ``entry_year``."""
        last = latest_birth_date(self.enrolment_age, self.cutoff(entry_year))
        before = latest_birth_date(self.enrolment_age, self.cutoff(entry_year - 1))
        return before + dt.timedelta(days=1), last

    def cohort_of_grade(self, grade: int) -> int:
        """The entry year of the cohort whose usual grade is ``grade`` this school year."""
        return self.current.start_year - grade + 1

    def stage_entry(self, grade: int, in_year: int) -> dt.date:
        """The entry date of a student in ``grade`` in the school year of ``in_year``:
        the start of its grade 1, or of its first junior-secondary grade."""
        first = 1 if grade in self.structure.primary_grades else self.structure.junior_grades.start
        return self.year_start(in_year - (grade - first))

    def deferral_latest(self, entry_year: int) -> dt.date:
        """The latest end of a deferral for the cohort entering in ``entry_year``."""
        years = self.policy.value("enrolment.deferred_age", int) - self.enrolment_age
        return self.year_start(entry_year + years)

    def can_defer(self) -> bool:
        """Whether the policy says who may defer entry and until when."""
        return all(
            self.policy.is_in_force(key)
            for key in (
                "enrolment.deferral_grounds",
                "suspension.approvers",
                "enrolment.deferred_age",
            )
        )


def _value(policy: Policy, key: str, fallback: int) -> int:
    return policy.value(key, int) if policy.is_in_force(key) else fallback


def _between(first: dt.date, last: dt.date) -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=first, max_value=max(first, last))


def names() -> st.SearchStrategy[str]:
    """Personal names of two or three characters (a surname and a given name)."""
    return _NAMES


def _school_ids(
    school_ids: Sequence[str] | st.SearchStrategy[str] | None,
) -> st.SearchStrategy[str]:
    if school_ids is None:
        return st.integers(1, 99).map(lambda n: f"21620{n:05}")
    if isinstance(school_ids, st.SearchStrategy):
        return school_ids
    if not school_ids:
        raise InvalidArgument("school_ids must not be empty")
    bad = [code for code in school_ids if not code or code.strip() != code]
    if bad:
        raise InvalidArgument(f"school_ids must be codes without surrounding spaces, got {bad!r}")
    return st.sampled_from(list(school_ids))


def school_ids() -> st.SearchStrategy[str]:
    """School identification codes (学校标识码) of ten digits."""
    return _school_ids(None)


Regions: TypeAlias = st.SearchStrategy[str]


def region_codes(regions: Sequence[str] | st.SearchStrategy[str] | None) -> Regions:
    """The strategy of region codes that ``regions`` asks for (as :func:`resident_ids`
    reads it: by default the eight Linxia counties)."""
    resident_ids(regions=regions)  # raises InvalidArgument for bad codes
    if regions is None:
        return _LINXIA_CODES
    if isinstance(regions, st.SearchStrategy):
        return regions
    return st.sampled_from(list(regions))


def draw_resident_id(
    draw: st.DrawFn,
    *,
    regions: Regions = _LINXIA_CODES,
    born: tuple[dt.date, dt.date],
    used: set[str] | None = None,
) -> ResidentId:
    """A resident ID number of one of ``regions`` born in ``born``; with ``used``, one
    not in it (then added to it)."""
    number = ResidentId.from_parts(draw(regions), draw(_between(*born)), draw(_SEQUENCES))
    if used is None:
        return number
    sequence = int(number.sequence)
    for _ in range(500):  # the same parity keeps the sex; 500 sequences share it
        if number.reveal() not in used:
            used.add(number.reveal())
            return number
        sequence = (sequence + 2) % 1000
        number = ResidentId.from_parts(number.region_code, number.birth_date, sequence)
    raise InvalidArgument(f"no free resident ID number born {born[0]} to {born[1]}")


def draw_l_number(draw: st.DrawFn, used: set[str]) -> StudentNumber:
    """An L student number (for a record made without the child's ID) not in ``used``."""
    while True:
        digits = draw(st.text("0123456789", min_size=17, max_size=17))
        number = StudentNumber("L" + digits + draw(st.sampled_from("0123456789X")))
        if number.reveal() not in used:
            used.add(number.reveal())
            return number


# Students ---------------------------------------------------------------------------


@attrs.frozen
class Placement:
    """Where a student's record puts it: its grade in the school year starting in
    ``in_year``, and the cohort (entry year) it was born in."""

    grade: int
    in_year: int
    cohort: int


def draw_status_since(
    draw: st.DrawFn, calendar: SchoolCalendar, status: RecordStatus, placement: Placement
) -> dt.date | None:
    """When a record took ``status``: none while active; the summer of the final year for
    a finished one; a day of the current school year up to the audit date otherwise (for
    a transfer out, within ``transfer.unplaced_after_days`` of it)."""
    if status is RecordStatus.ACTIVE:
        return None
    if status.has_finished:
        end = SchoolYear.starting(placement.in_year, policy=calendar.policy).end
        return draw(_between(end - dt.timedelta(days=_FINISHED_SUMMER_DAYS), end))
    first = calendar.current.start
    if status is RecordStatus.TRANSFERRED_OUT:  # not yet unplaced for too long (TR-006)
        days = _value(calendar.policy, "transfer.unplaced_after_days", _UNPLACED_AFTER_DAYS)
        first = max(first, calendar.as_of - dt.timedelta(days=days))
    return draw(_between(first, calendar.as_of))


def draw_student(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    *,
    resident_id: ResidentId,
    placement: Placement,
    status: RecordStatus,
    school_id: str,
    student_number: StudentNumber | None = None,
    disability: str | None = None,
    created: bool = True,
) -> StudentRecord:
    """A lawful record of ``resident_id`` placed as said (source left to the caller)."""
    entry = calendar.stage_entry(placement.grade, placement.in_year)
    room = min(calendar.create_within_days, (calendar.as_of - entry).days)
    created_on = entry + dt.timedelta(days=draw(st.integers(0, max(room, 0))))
    cancel_reason = (
        draw(st.sampled_from(_LAWFUL_CANCELS)) if status is RecordStatus.CANCELLED else None
    )
    class_number = draw(_MAYBE_CLASS)
    return StudentRecord(
        student_number=student_number or StudentNumber.from_resident_id(resident_id),
        name=draw(_NAMES),
        sex=resident_id.sex,
        birth_date=resident_id.birth_date,
        school_id=school_id,
        grade=placement.grade,
        entry_date=entry,
        status=status,
        resident_id=resident_id,
        ethnicity=draw(_MAYBE_ETHNICITY),
        household_region=resident_id.region_code,
        class_name=None if class_number is None else f"{placement.grade}年级{class_number}班",
        record_created_on=created_on if created or draw(st.booleans()) else None,
        status_since=draw_status_since(draw, calendar, status, placement),
        cancel_reason=cancel_reason,
        study_mode=draw(_MAYBE_STUDY_MODE),
        migrant=draw(_MAYBE_BOOL),
        left_behind=draw(_MAYBE_LEFT_BEHIND),
        disability=disability,
        regular_class_placement=True if disability is not None else None,
        poverty_registered=draw(_MAYBE_BOOL),
    )


def draw_placement(
    draw: st.DrawFn, calendar: SchoolCalendar, status: RecordStatus, grades: Sequence[int]
) -> Placement:
    """A grade and cohort for a record of ``status``: a finished record is in the final
    grade one to three years ago; any other in one of ``grades`` now, at the usual age
    or a year older."""
    if status.has_finished:
        in_year = calendar.current.start_year - draw(st.integers(1, 3))
        grade = calendar.final_grade
        return Placement(grade, in_year, in_year - grade + 1)
    grade = draw(st.sampled_from(list(grades)))
    behind = draw(st.integers(0, calendar.years_behind)) if grade < calendar.cohorts else 0
    return Placement(grade, calendar.current.start_year, calendar.cohort_of_grade(grade + behind))


@st.composite
def _student_records(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    *,
    schools: st.SearchStrategy[str],
    regions: Regions,
    statuses: Sequence[RecordStatus],
    grades: Sequence[int],
) -> StudentRecord:
    status = draw(st.sampled_from(list(statuses)))
    placement = draw_placement(draw, calendar, status, grades)
    number = draw_resident_id(draw, regions=regions, born=calendar.cohort(placement.cohort))
    in_window = calendar.window[0] <= number.birth_date <= calendar.window[1]
    disability = draw(MAYBE_DISABILITY) if in_window else None
    record = draw_student(
        draw,
        calendar,
        resident_id=number,
        placement=placement,
        status=status,
        school_id=draw(schools),
        disability=disability,
        created=False,
    )
    return attrs.evolve(record, source=source("students", draw(_lines())))


def student_records(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
    school_ids: Sequence[str] | st.SearchStrategy[str] | None = None,
    regions: Sequence[str] | st.SearchStrategy[str] | None = None,
    statuses: Sequence[RecordStatus] | None = None,
    grades: Sequence[int] | None = None,
) -> st.SearchStrategy[StudentRecord]:
    """Students' registration records (学籍), each lawful on ``as_of`` under ``policy``.

    The resident ID number (of one of ``regions``, by default the Linxia counties), the
    birth date, the sex and the G number agree. An open record (active, suspended) and a
    transferred-out, dropped-out, deceased, cancelled or withdrawn one is in one of
    ``grades`` (default: every grade) at its usual age or a year older, entered its
    stage in the autumn that follows and holds a ``status_since`` in the current school
    year; a graduated or completed one is in the final grade of a year that ended one to
    three years ago. A cancelled record gives a lawful reason (death, emigration,
    leaving the country). ``statuses`` defaults to every status but withdrawn (退学);
    ask for ``RecordStatus.WITHDRAWN`` to get a record that REG-002 reports.
    """
    calendar = SchoolCalendar.of(as_of, policy)
    schools = _school_ids(school_ids)
    statuses = _LAWFUL_STATUSES if statuses is None else tuple(statuses)
    if not statuses:
        raise InvalidArgument("statuses must not be empty")
    chosen = list(range(1, calendar.final_grade + 1)) if grades is None else list(grades)
    if not chosen:
        raise InvalidArgument("grades must not be empty")
    bad = [grade for grade in chosen if not 1 <= grade <= calendar.final_grade]
    if bad:
        raise InvalidArgument(f"grades run from 1 to {calendar.final_grade}, got {bad!r}")
    feasible = [s for s in statuses if not s.has_finished or calendar.final_grade in chosen]
    if not feasible:
        raise InvalidArgument(
            f"a graduated or completed record is in grade {calendar.final_grade}, "
            f"which grades={chosen!r} leaves out"
        )
    return _student_records(
        calendar,
        schools=schools,
        regions=region_codes(regions),
        statuses=feasible,
        grades=chosen,
    )


# The roster, deferrals, employment ---------------------------------------------------


def draw_child(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    resident_id: ResidentId,
    *,
    disability: str | None = None,
    deceased_on: dt.date | None = None,
    emigrated_on: dt.date | None = None,
    name: str | None = None,
) -> Child:
    """The roster entry of ``resident_id`` (source left to the caller)."""
    return Child(
        resident_id=resident_id,
        name=name if name is not None else draw(_NAMES),
        birth_date=resident_id.birth_date,
        household_region=resident_id.region_code,
        sex=draw(st.sampled_from([resident_id.sex, None])),
        disability=disability,
        deceased_on=deceased_on,
        emigrated_on=emigrated_on,
    )


@st.composite
def _children(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    regions: Regions,
    school_age: bool | None,
    departed: bool | None,
) -> Child:
    disability = draw(MAYBE_DISABILITY)
    earliest, latest = calendar.disabled_window if disability else calendar.window
    before = earliest.replace(day=1, year=earliest.year - _YEARS_SHOWN_BEFORE_WINDOW)
    one_day = dt.timedelta(days=1)
    if school_age is True:
        born = (earliest, latest)
    elif school_age is False:
        outside = [(before, earliest - one_day), (latest + one_day, calendar.as_of)]
        born = draw(st.sampled_from(outside))
    else:
        born = (before, calendar.as_of)
    number = draw_resident_id(draw, regions=regions, born=born)
    gone = draw(st.booleans()) if departed is None else departed
    deceased_on = emigrated_on = None
    if gone:
        day = draw(
            _between(
                max(number.birth_date, calendar.as_of - dt.timedelta(days=365)), calendar.as_of
            )
        )
        if draw(st.booleans()):
            deceased_on = day
        else:
            emigrated_on = day
    child = draw_child(
        draw,
        calendar,
        number,
        disability=disability,
        deceased_on=deceased_on,
        emigrated_on=emigrated_on,
    )
    return attrs.evolve(child, source=source("population", draw(_lines())))


def children(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
    regions: Sequence[str] | st.SearchStrategy[str] | None = None,
    school_age: bool | None = None,
    departed: bool | None = False,
) -> st.SearchStrategy[Child]:
    """Children of the population roster (适龄儿童少年名册), born up to ``as_of``.

    ``school_age`` True draws children inside the school-age window on ``as_of`` (a
    disabled child's window is extended once ``disability.age_extension_years`` is in
    force), False children outside it (younger, or up to three years older), None either.
    ``departed`` True draws children who died or emigrated in the year up to ``as_of``,
    False (the default) children alive and resident, None either. The roster's sex is
    the one of the ID number, or not given.
    """
    calendar = SchoolCalendar.of(as_of, policy)
    return _children(calendar, region_codes(regions), school_age, departed)


def draw_deferral(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    resident_id: ResidentId,
    entry_year: int,
    *,
    running: bool,
) -> Deferral:
    """A lawful deferral of the child born in the cohort of ``entry_year``: health
    grounds, an allowed approver, ending by the deferred age. ``running`` makes it run
    on the audit date (only the cohort entering this school year can have one)."""
    policy = calendar.policy
    latest = calendar.deferral_latest(entry_year)
    opens = calendar.year_start(entry_year) - dt.timedelta(days=_DAYS_BEFORE_START_TO_DEFER)
    if running:
        approved_on = draw(_between(opens, calendar.as_of))
        until = draw(_between(calendar.as_of, latest))
    else:
        approved_on = draw(_between(opens, min(calendar.as_of, latest)))
        until = draw(_between(approved_on, min(calendar.as_of, latest)))
    return Deferral(
        resident_id=resident_id,
        grounds=draw(st.sampled_from(policy.value("enrolment.deferral_grounds", tuple))),
        approved_by=draw(st.sampled_from(policy.value("suspension.approvers", tuple))),
        approved_on=approved_on,
        until=until,
    )


@st.composite
def _deferrals(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    regions: Regions,
) -> Deferral:
    entry_year = calendar.current.start_year - draw(st.integers(0, 2))
    number = draw_resident_id(draw, regions=regions, born=calendar.cohort(entry_year))
    deferral = draw_deferral(draw, calendar, number, entry_year, running=False)
    return attrs.evolve(deferral, source=source("deferrals", draw(_lines())))


def deferrals(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
    regions: Sequence[str] | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Deferral]:
    """Lawful deferrals of school entry (缓学), approved on or before ``as_of``.

    The child (known by its resident ID number) belongs to one of the three cohorts that
    entered grade 1 this school year or the two before; the deferral is on allowed
    grounds (``enrolment.deferral_grounds``), by an allowed approver
    (``suspension.approvers``), and ends by the start of the school year in which the
    child reaches ``enrolment.deferred_age``.
    """
    calendar = SchoolCalendar.of(as_of, policy)
    if not calendar.can_defer():
        raise InvalidArgument(f"no deferral rules are in force on {as_of}")
    return _deferrals(calendar, region_codes(regions))


def min_employment_age(calendar: SchoolCalendar) -> int:
    """``employment.min_age``, or ``InvalidArgument`` when it is not in force."""
    if not calendar.policy.is_in_force("employment.min_age"):
        raise InvalidArgument(f"employment.min_age is not in force on {calendar.as_of}")
    return calendar.policy.value("employment.min_age", int)


def draw_employment(
    draw: st.DrawFn, resident_id: ResidentId, *, reported: tuple[dt.date, dt.date]
) -> EmploymentReport:
    """A report that ``resident_id`` is employed, on a day of ``reported``."""
    return EmploymentReport(
        resident_id=resident_id,
        employer=draw(st.sampled_from(EMPLOYERS)),
        reported_on=draw(_between(*reported)),
    )


@st.composite
def _employment_reports(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    regions: Regions,
    min_age: int,
) -> EmploymentReport:
    reported_on = draw(_between(calendar.as_of - dt.timedelta(days=365), calendar.as_of))
    born = (
        latest_birth_date(min_age + 2, reported_on) + dt.timedelta(days=1),
        latest_birth_date(min_age, reported_on),
    )
    number = draw_resident_id(draw, regions=regions, born=born)
    report = draw_employment(draw, number, reported=(reported_on, reported_on))
    return attrs.evolve(report, source=source("employment", draw(_lines())))


def employment_reports(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
    regions: Sequence[str] | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[EmploymentReport]:
    """Reports of employed young people who had reached ``employment.min_age``.

    Reported in the year up to ``as_of``; the person, known by the resident ID number,
    is the minimum age or a year older on the report date. Raises ``InvalidArgument``
    when the minimum age is not in force on ``as_of``.
    """
    calendar = SchoolCalendar.of(as_of, policy)
    return _employment_reports(calendar, region_codes(regions), min_employment_age(calendar))


# Headcounts ---------------------------------------------------------------------------


def year_months(
    *,
    min_value: YearMonth = _FIRST_MONTH,
    max_value: YearMonth = _LAST_MONTH,
) -> st.SearchStrategy[YearMonth]:
    """Months (年月) from ``min_value`` to ``max_value``."""
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value} is after max_value={max_value}")
    return st.integers(0, min_value.months_until(max_value)).map(
        lambda n: YearMonth(
            min_value.year + (min_value.month - 1 + n) // 12, (min_value.month - 1 + n) % 12 + 1
        )
    )


def school_year_months(calendar: SchoolCalendar) -> list[YearMonth]:
    """The months of the current school year up to the audit date."""
    month = YearMonth.of(calendar.current.start)
    last = YearMonth.of(calendar.as_of)
    months = [month]
    while month < last:
        month = month.next()
        months.append(month)
    return months


@st.composite
def _headcount_entries(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    schools: st.SearchStrategy[str],
    regions: Regions,
) -> HeadcountEntry:
    number = draw_resident_id(draw, regions=regions, born=(dt.date(1990, 1, 1), calendar.as_of))
    student_number = StudentNumber.from_resident_id(number).reveal()
    which = draw(st.sampled_from(["both", "student_number", "resident_id"]))
    present = draw(st.booleans())
    return HeadcountEntry(
        month=draw(st.sampled_from(school_year_months(calendar))),
        school_id=draw(schools),
        present=present,
        student_number=None if which == "resident_id" else student_number,
        resident_id=None if which == "student_number" else number.reveal(),
        name=draw(_MAYBE_NAME),
        excuse=None if present else draw(_MAYBE_EXCUSE),
        source=source("headcounts", draw(_lines())),
    )


def headcount_entries(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
    school_ids: Sequence[str] | st.SearchStrategy[str] | None = None,
    regions: Sequence[str] | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[HeadcountEntry]:
    """Rows of a school's monthly roll (实际在校), in a month of the current school year
    up to ``as_of``.

    A row names the child by G number, resident ID number or both (as text, compact);
    an absent child may have an excuse, a present one has none.
    """
    calendar = SchoolCalendar.of(as_of, policy)
    return _headcount_entries(calendar, _school_ids(school_ids), region_codes(regions))


def headcount_totals(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
    school_ids: Sequence[str] | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[HeadcountTotal]:
    """The numbers schools reported present, in a month of the current school year up to
    ``as_of``."""
    calendar = SchoolCalendar.of(as_of, policy)
    return st.builds(
        HeadcountTotal,
        month=st.sampled_from(school_year_months(calendar)),
        school_id=_school_ids(school_ids),
        total=st.integers(0, 3000),
        source=_lines().map(lambda line: source("headcount_totals", line)),
    )


def headcounts_of(
    calendar: SchoolCalendar, students: Sequence[StudentRecord]
) -> tuple[list[HeadcountEntry], list[HeadcountTotal]]:
    """The monthly rolls and totals that agree with ``students``, month by month of the
    current school year up to the audit date.

    The rolls list the records open now, from their entry on: an active one present, a
    suspended one present until the month of its suspension and absent with the excuse
    ``suspension`` from then on. A record that is no longer open is on no roll (the
    reconciliation rules compare the latest roll with the records as they stand).
    Each school's total, every month, is its number of active records. Sources are left
    to the caller.
    """
    entries: list[HeadcountEntry] = []
    totals: list[HeadcountTotal] = []
    active: dict[str, int] = {}
    for record in students:
        if record.status is RecordStatus.ACTIVE:
            active[record.school_id] = active.get(record.school_id, 0) + 1
    for month in school_year_months(calendar):
        schools: set[str] = set()
        for record in students:
            if not record.is_open or record.entry_date > month.last_day:
                continue
            since = record.status_since
            is_present = record.status is RecordStatus.ACTIVE or (
                since is not None and month < YearMonth.of(since)
            )
            schools.add(record.school_id)
            entries.append(
                HeadcountEntry(
                    month=month,
                    school_id=record.school_id,
                    present=is_present,
                    student_number=record.key,
                    resident_id=record.resident_id.reveal() if record.resident_id else None,
                    name=record.name,
                    excuse=None if is_present else Excuse.SUSPENSION,
                )
            )
        totals.extend(
            HeadcountTotal(month=month, school_id=school, total=active.get(school, 0))
            for school in sorted(schools)
        )
    return entries, totals


def other_sex(sex: Sex) -> Sex:
    """The other of the two sexes."""
    return Sex.FEMALE if sex is Sex.MALE else Sex.MALE


def is_g_number_of(number: object, resident_id: object) -> bool:
    """Whether ``number`` is the G number of ``resident_id``."""
    return (
        isinstance(number, StudentNumber)
        and isinstance(resident_id, ResidentId)
        and number.kind is StudentNumberKind.G
        and number.matches(resident_id)
    )


# Transfers and suspensions --------------------------------------------------------------

_TRANSFER_KEYS = ("transfer.approval_order", "transfer.party_limit_working_days")
_SUSPENSION_KEYS = ("suspension.allowed_grounds", "suspension.approvers")


def can_transfer(calendar: SchoolCalendar) -> bool:
    """Whether the policy says who approves a transfer and how fast."""
    return all(calendar.policy.is_in_force(key) for key in _TRANSFER_KEYS)


def can_suspend(calendar: SchoolCalendar) -> bool:
    """Whether the policy says on what grounds and by whom study is suspended."""
    return all(calendar.policy.is_in_force(key) for key in _SUSPENSION_KEYS)


def in_graduating_final_term(calendar: SchoolCalendar, grade: int, day: dt.date) -> bool:
    """Whether ``day`` falls in the final (spring) term of ``grade`` when ``grade`` is the
    last grade of a stage (TR-005 and its like)."""
    ends = (calendar.structure.primary_years, calendar.structure.final_grade)
    year = SchoolYear.containing(day, policy=calendar.policy)
    return grade in ends and year.term_of(day) is Term.SPRING


def grade_on(calendar: SchoolCalendar, record: StudentRecord, day: dt.date) -> int:
    """The grade ``record`` was in on ``day``, a year lower for each school year back."""
    year = SchoolYear.containing(day, policy=calendar.policy)
    return record.grade - (calendar.current.start_year - year.start_year)


def approvals(start: dt.date, gaps: Sequence[int]) -> list[dt.date]:
    """Approval dates, each ``gaps[i]`` working days after the one before (the first after
    ``start``)."""
    dates: list[dt.date] = []
    for gap in gaps:
        start = add_working_days(start, gap)
        dates.append(start)
    return dates


def draw_transfer(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    *,
    transfer_id: str,
    student_number: StudentNumber,
    from_school: str,
    to_school: str,
    grade_before: int,
    applied: tuple[dt.date, dt.date],
    complete: bool,
) -> Transfer:
    """A transfer applied for on a day of ``applied`` (up to the audit date), approved in
    the policy's order, each party within its working-day limit. Complete: every party
    approved by the audit date, completed on the last approval, the grade kept. Else
    pending, with the approvals dated by the audit date and the next one not yet due.
    """
    policy = calendar.policy
    as_of = calendar.as_of
    order = approval_order(policy)
    limit = policy.value("transfer.party_limit_working_days", int)
    gaps = [draw(st.integers(0, limit)) for _ in order]
    applied_on = draw(_between(*applied))
    dates = approvals(applied_on, gaps)
    if not complete:
        # The approvals dated by the audit date (maybe none yet), the next not yet due.
        dates = [day for day in dates[: draw(st.integers(0, len(order) - 1))] if day <= as_of]
        if add_working_days(dates[-1] if dates else applied_on, limit) < as_of:
            # the next one overdue: complete it instead
            complete = True
            dates = approvals(applied_on, gaps)
    if complete and dates[-1] > as_of:
        applied_on = applied[0]
        dates = approvals(applied_on, gaps)
    if complete and dates[-1] > as_of:
        dates = [applied_on] * len(order)
    approved: dict[str, Any] = {
        party.date_field: day for party, day in zip(order, dates, strict=False)
    }
    return Transfer(
        transfer_id=transfer_id,
        student_number=student_number,
        from_school=from_school,
        to_school=to_school,
        applied_on=applied_on,
        grade_before=grade_before,
        status=TransferStatus.COMPLETED if complete else TransferStatus.PENDING,
        grade_after=grade_before if complete else None,
        completed_on=dates[-1] if complete else None,
        **approved,
    )


@st.composite
def _transfers(
    draw: st.DrawFn, calendar: SchoolCalendar, schools: st.SearchStrategy[str]
) -> Transfer:
    grade = draw(st.integers(1, min(calendar.cohorts, calendar.final_grade)))
    number = draw_resident_id(draw, born=calendar.cohort(calendar.cohort_of_grade(grade)))
    first = calendar.current.start
    last = calendar.as_of
    if grade in (calendar.structure.primary_years, calendar.final_grade):
        last = min(last, calendar.current.spring_term_start - dt.timedelta(days=1))
    from_school = draw(schools)
    transfer = draw_transfer(
        draw,
        calendar,
        transfer_id=f"ZX{calendar.current.start_year}{draw(st.integers(1, 9999)):04}",
        student_number=StudentNumber.from_resident_id(number),
        from_school=from_school,
        to_school=draw(schools.filter(lambda school: school != from_school)),
        grade_before=grade,
        applied=(first, last),
        complete=draw(st.booleans()),
    )
    return attrs.evolve(transfer, source=source("transfers", draw(_lines())))


def transfers(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
    school_ids: Sequence[str] | st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Transfer]:
    """Lawful transfers (转学) of a G student number between two of ``school_ids``.

    Applied for in the current school year up to ``as_of`` (before the final term when
    the grade ends a stage), approved in the order ``transfer.approval_order``, each
    party within ``transfer.party_limit_working_days`` working days: either completed on
    the last approval with the grade kept, or pending with its next step not yet due.
    """
    calendar = SchoolCalendar.of(as_of, policy)
    if not can_transfer(calendar):
        raise InvalidArgument(f"no transfer rules are in force on {as_of}")
    schools = _school_ids(school_ids)
    if isinstance(school_ids, Sequence) and len(set(school_ids)) < 2:  # noqa: PLR2004
        raise InvalidArgument("a transfer needs two schools among school_ids")
    return _transfers(calendar, schools)


def draw_suspension(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    *,
    suspension_id: str,
    student_number: StudentNumber | MalformedNumber,
    start: dt.date,
    last_day_from: dt.date,
) -> Suspension:
    """A suspension approved on allowed grounds by an allowed approver, from ``start`` to
    a day from ``last_day_from`` on, at most ``suspension.max_days`` long."""
    policy = calendar.policy
    longest = _value(policy, "suspension.max_days", _MAX_SUSPENSION_DAYS)
    return Suspension(
        suspension_id=suspension_id,
        student_number=student_number,
        start=start,
        end=draw(_between(max(start, last_day_from), start + dt.timedelta(days=longest - 1))),
        grounds=draw(st.sampled_from(policy.value("suspension.allowed_grounds", tuple))),
        approved_by=draw(st.sampled_from(policy.value("suspension.approvers", tuple))),
        approved_on=draw(_between(start - dt.timedelta(days=_DAYS_TO_APPROVE_SUSPENSION), start)),
    )


@st.composite
def _suspensions(draw: st.DrawFn, calendar: SchoolCalendar) -> Suspension:
    grade = draw(st.integers(1, min(calendar.cohorts, calendar.final_grade)))
    number = draw_resident_id(draw, born=calendar.cohort(calendar.cohort_of_grade(grade)))
    last = calendar.as_of
    if grade in (calendar.structure.primary_years, calendar.final_grade):
        last = min(last, calendar.current.spring_term_start - dt.timedelta(days=1))
    start = draw(_between(calendar.current.start, last))
    suspension = draw_suspension(
        draw,
        calendar,
        suspension_id=f"XX{calendar.current.start_year}{draw(st.integers(1, 9999)):04}",
        student_number=StudentNumber.from_resident_id(number),
        start=start,
        last_day_from=calendar.as_of,
    )
    return attrs.evolve(suspension, source=source("suspensions", draw(_lines())))


def suspensions(
    *,
    as_of: dt.date = DEFAULT_AS_OF,
    policy: Policy | None = None,
) -> st.SearchStrategy[Suspension]:
    """Lawful suspensions of study (休学) running on ``as_of``.

    Started in the current school year (before the final term when the grade ends a
    stage), on grounds of ``suspension.allowed_grounds``, approved by one of
    ``suspension.approvers`` within a month before the start, at most
    ``suspension.max_days`` long, not extended, the student not yet returned.
    """
    calendar = SchoolCalendar.of(as_of, policy)
    if not can_suspend(calendar):
        raise InvalidArgument(f"no suspension rules are in force on {as_of}")
    return _suspensions(calendar)
