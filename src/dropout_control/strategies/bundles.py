"""Strategies of whole bundles: clean ones, and for each rule one that must break it.

A clean bundle is what a well-kept county would export on the audit date: 1 to 30
students of 1 to 4 schools, a population roster that lists every one of them, younger
children, older youths and children deferred on health grounds, the lawful deferrals,
suspensions and transfers, reports of employed youths of the minimum employment age,
and each school's monthly headcount rows and totals for the school year so far (the
open records on the rolls, the totals equal to the active records). Every kind counts
as given (an empty file where there are no records), so no rule is skipped for want of
a file. The audit of a clean bundle on ``as_of`` under ``policy`` finds nothing at all,
not even information.

A violating bundle is a clean bundle with one plant:

=========  ==========================================================================
rule       plant
=========  ==========================================================================
INPUT-001  a row of some kind rejected (a field that cannot be read), after the last line
INPUT-002  a student number repeated on a later line, or a school's month total repeated
ID-001     one person's resident ID number made invalid on every record that holds it
ID-002     a student's recorded birth date moved within its cohort, the ID left as is
ID-003     a student's recorded sex flipped
ID-004     a student number made malformed (a wrong letter, a character short, a letter
           among the digits)
ID-005     a student's G number made of another ID number (another sequence or day)
ID-006     a second active record (an L number) for an active student at another school
ID-007     one person's ID number moved to an unknown region code, everywhere
AGE-001    a primary student made a year too young for the year it entered grade 1 (or
           such a student added); its ID, roster entry and G number follow
AGE-002    a school-age child added to the roster with no record, or an in-window
           student's record marked dropped out
AGE-003    a deferral on grounds or by an approver the policy does not allow, or one
           running past the deferred age
AGE-004    an open student made older by enough years to be over-age (or one added)
AGE-005    an employment report of a child under the minimum age (on the roster or not)
REG-001    a student's record created later than the allowed days after entry
REG-002    a finished or departed record withdrawn or cancelled for no lawful reason, or
           an earlier record of an enrolled student withdrawn at another school
REG-003    an enrolled student's death on the roster, the record still open past the
           deadline or closed after it
TR-007     an active student present in another school's latest headcount (and, or not,
           absent from its own)
REC-001    an active student marked absent without excuse, or left off, in its school's
           latest headcount (the school's reported total left as it was)
REC-002    a child with no record (on the roster or not) present in a latest headcount
REC-003    one required month's headcount rows and total of a school with active records
           taken out
REC-004    a school's latest reported total changed by 1 to 5
TR-001     a completed transfer without one party's approval, or completed before its
           last approval
TR-002     a completed transfer with one party slower than its limit, or a pending one
           whose next party is overdue
TR-003     a completed transfer with another grade before or after
TR-004     a completed transfer applied for while a suspension of the student ran
TR-005     a completed transfer applied for in the final term of a grade ending a stage
           (this year or an earlier one)
TR-006     a student from outside the roster's area transferred out, unplaced for longer
           than allowed
SUS-001    a suspension (a suspended student's, or a new one an active student returned
           from) on grounds the policy does not allow
SUS-002    the same, approved by a body that may not approve it
SUS-003    the same, extended more often than allowed, or longer than allowed
SUS-004    an active student made suspended, the suspension over and the grace days past
           without a return
SUS-005    a suspension starting in the final term of a grade that ends a stage (an
           active student's this spring, else one suspended since last spring)
=========  ==========================================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dropout_control.bundle import Bundle
from dropout_control.calendar import (
    SchoolYear,
    YearMonth,
    add_working_days,
    age_at_cutoff,
    date_of_age,
    entry_year,
    latest_birth_date,
)
from dropout_control.catalogue import load_rules
from dropout_control.errors import InvalidResidentId, InvalidStudentNumber
from dropout_control.findings import SourceLocation
from dropout_control.identity import ResidentId, StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.intake import Duplicate, Rejection
from dropout_control.kinds import RECORD_KINDS
from dropout_control.policy import Policy
from dropout_control.population import Child, Deferral, EmploymentReport
from dropout_control.reconciliation import HeadcountEntry, HeadcountTotal
from dropout_control.registry import CancelReason, RecordStatus, StudentRecord
from dropout_control.strategies.identity import invalid_resident_ids
from dropout_control.strategies.records import (
    DEFAULT_AS_OF,
    MAYBE_DISABILITY,
    Placement,
    SchoolCalendar,
    approvals,
    can_suspend,
    can_transfer,
    draw_child,
    draw_deferral,
    draw_employment,
    draw_l_number,
    draw_placement,
    draw_resident_id,
    draw_student,
    draw_suspension,
    draw_transfer,
    grade_on,
    headcounts_of,
    in_graduating_final_term,
    is_g_number_of,
    names,
    other_sex,
    school_ids,
    school_year_months,
    source,
)
from dropout_control.suspensions import Suspension
from dropout_control.transfers import ApprovalParty, Transfer, TransferStatus, approval_order

__all__ = ["RULES_WITH_STRATEGIES", "clean_bundles", "violating_bundles"]

_T = TypeVar("_T")
_ONE_DAY = dt.timedelta(days=1)
_OPEN = (RecordStatus.ACTIVE, RecordStatus.SUSPENDED)
_MAX_STUDENTS = 30
_MAX_SCHOOLS = 4
_YEARS_OF_YOUTHS = 3
# Student fates, the first (the one shrinking goes to) the commonest.
_FATES = (
    (RecordStatus.ACTIVE,) * 12
    + (RecordStatus.SUSPENDED,)
    + (RecordStatus.GRADUATED, RecordStatus.COMPLETED)
    + (RecordStatus.DECEASED, RecordStatus.CANCELLED)
)
_DEPARTED = (RecordStatus.DECEASED, RecordStatus.CANCELLED)
# Region codes that GB/T 2260 never held (ID-007).
UNKNOWN_REGIONS = ("999999", "990000", "129999", "622999", "659999")
_BAD_GROUNDS = ("poverty", "work", "religion", "distance", "early_marriage", "family")
_BAD_APPROVERS = ("school", "village_committee", "parents", "county_public_security_bureau")
_DEATH_CLOSURES: tuple[dict[str, Any], ...] = (
    {"status": RecordStatus.DECEASED, "cancel_reason": None},
    {"status": RecordStatus.CANCELLED, "cancel_reason": CancelReason.DEATH},
)
_REJECTED_CELLS = (
    ("students", "birth_date", "no such date (got '2010-02-30')"),
    ("students", "grade", "compulsory grades run from 1 to 9 (got '12')"),
    ("students", "name", "missing required field"),
    ("population", "household_region", "expected a region code of 6 digits (got '6229')"),
    ("deferrals", "approved_on", "missing required field"),
    ("headcounts", "present", "expected 是/否, 1/0, true/false or Y/N (got '?')"),
    ("employment", "reported_on", "no such date (got '2019-13-01')"),
)


# The draft: the records of a bundle before their lines and headcounts ---------------


@attrs.frozen
class _Draft:
    """A bundle's records before they are numbered and counted at their schools."""

    calendar: SchoolCalendar
    schools: tuple[str, ...]
    students: tuple[StudentRecord, ...] = ()
    population: tuple[Child, ...] = ()
    deferrals: tuple[Deferral, ...] = ()
    employment: tuple[EmploymentReport, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    suspensions: tuple[Suspension, ...] = ()

    def keys_in_use(self) -> set[str]:
        """Every resident ID number and student number held, as written."""
        used = {child.key for child in self.population}
        used.update(deferral.key for deferral in self.deferrals)
        used.update(report.key for report in self.employment)
        for record in self.students:
            used.add(record.key)
            if record.resident_id is not None:
                used.add(record.resident_id.reveal())
        return used

    def person_keys(self) -> list[str]:
        """The valid resident ID numbers of the students and the roster's children (the
        subjects of the ID rules), in order of appearance."""
        numbers = [
            *(record.valid_resident_id for record in self.students),
            *(child.valid_resident_id for child in self.population),
        ]
        return list(dict.fromkeys(n.reveal() for n in numbers if n is not None))

    def child_of(self, key: str) -> Child | None:
        return next((child for child in self.population if child.key == key), None)

    def deferrals_of(self, key: str) -> list[Deferral]:
        return [deferral for deferral in self.deferrals if deferral.key == key]

    def new_id(self, prefix: str) -> str:
        """A transfer or suspension ID not yet used."""
        used = {t.transfer_id for t in self.transfers} | {s.suspension_id for s in self.suspensions}
        number = len(used) + 1
        while f"{prefix}{number:04}" in used:
            number += 1
        return f"{prefix}{number:04}"

    def with_student_number(
        self, record: StudentRecord, number: StudentNumber | MalformedNumber
    ) -> _Draft:
        """The draft with ``record`` holding ``number``, its transfers and suspensions too."""
        old = record.key
        return attrs.evolve(
            self,
            students=_replaced(self.students, record, attrs.evolve(record, student_number=number)),
            transfers=tuple(
                attrs.evolve(t, student_number=number) if t.student_key == old else t
                for t in self.transfers
            ),
            suspensions=tuple(
                attrs.evolve(s, student_number=number) if s.student_key == old else s
                for s in self.suspensions
            ),
        )

    def with_person(
        self,
        key: str,
        number: ResidentId | MalformedNumber,
        *,
        birth_date: dt.date | None = None,
    ) -> _Draft:
        """The draft with the person of ``key`` holding ``number`` on every record (its G
        numbers follow a valid number) and, if given, born on ``birth_date``."""

        def student(record: StudentRecord) -> StudentRecord:
            if record.resident_id is None or record.resident_id.reveal() != key:
                return record
            changes: dict[str, Any] = {"resident_id": number}
            if isinstance(number, ResidentId) and is_g_number_of(
                record.student_number, record.resident_id
            ):
                changes["student_number"] = StudentNumber.from_resident_id(number)
            if birth_date is not None:
                changes["birth_date"] = birth_date
            return attrs.evolve(record, **changes)

        def child(entry: Child) -> Child:
            if entry.key != key:
                return entry
            if birth_date is None:
                return attrs.evolve(entry, resident_id=number)
            return attrs.evolve(entry, resident_id=number, birth_date=birth_date)

        renumbered = {
            record.key: changed.student_number
            for record, changed in zip(self.students, map(student, self.students), strict=True)
            if changed.key != record.key
        }
        return attrs.evolve(
            self,
            students=tuple(map(student, self.students)),
            population=tuple(map(child, self.population)),
            transfers=tuple(
                attrs.evolve(t, student_number=renumbered[t.student_key])
                if t.student_key in renumbered
                else t
                for t in self.transfers
            ),
            suspensions=tuple(
                attrs.evolve(s, student_number=renumbered[s.student_key])
                if s.student_key in renumbered
                else s
                for s in self.suspensions
            ),
            deferrals=tuple(
                attrs.evolve(d, resident_id=number) if d.key == key else d for d in self.deferrals
            ),
            employment=tuple(
                attrs.evolve(e, resident_id=number) if e.key == key else e for e in self.employment
            ),
        )


def _replaced(items: tuple[_T, ...], old: _T, new: _T) -> tuple[_T, ...]:
    return tuple(new if item is old else item for item in items)


def _coin(draw: st.DrawFn) -> bool:
    return draw(st.booleans())


def _pick(draw: st.DrawFn, items: Sequence[_T]) -> _T:
    return draw(st.sampled_from(list(items)))


def _between(draw: st.DrawFn, first: dt.date, last: dt.date) -> dt.date:
    return draw(st.dates(min_value=first, max_value=max(first, last)))


def _numbered(kind: str, records: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(
        attrs.evolve(record, source=source(kind, line))  # type: ignore[misc]
        for line, record in enumerate(records, start=2)
    )


def _finish(draft: _Draft) -> Bundle:
    """The bundle of ``draft``: records numbered from line 2 of their kind's file, and the
    headcounts of its students; every kind given."""
    students = _numbered("students", draft.students)
    entries, totals = headcounts_of(draft.calendar, students)
    return Bundle(
        students=students,
        population=_numbered("population", draft.population),
        deferrals=_numbered("deferrals", draft.deferrals),
        headcounts=_numbered("headcounts", entries),
        headcount_totals=_numbered("headcount_totals", totals),
        employment=_numbered("employment", draft.employment),
        transfers=_numbered("transfers", draft.transfers),
        suspensions=_numbered("suspensions", draft.suspensions),
        kinds=RECORD_KINDS.keys(),
    )


# Clean drafts -----------------------------------------------------------------------


def _in_window(calendar: SchoolCalendar, birth_date: dt.date) -> bool:
    return calendar.window[0] <= birth_date <= calendar.window[1]


def _departure(record: StudentRecord) -> dict[str, dt.date | None]:
    """The roster's death or emigration date that goes with a departed record."""
    if record.status is RecordStatus.DECEASED or record.cancel_reason is CancelReason.DEATH:
        return {"deceased_on": record.status_since}
    if record.status is RecordStatus.CANCELLED:
        return {"emigrated_on": record.status_since}
    return {}


def _enrol(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    *,
    status: RecordStatus,
    placement: Placement,
    school_id: str,
    used: set[str],
) -> tuple[StudentRecord, Child]:
    """A new person's record and roster entry."""
    number = draw_resident_id(draw, born=calendar.cohort(placement.cohort), used=used)
    disability = (
        draw(MAYBE_DISABILITY)
        if _in_window(calendar, number.birth_date) and status in _OPEN
        else None
    )
    record = draw_student(
        draw,
        calendar,
        resident_id=number,
        placement=placement,
        status=status,
        school_id=school_id,
        disability=disability,
    )
    used.add(record.key)
    child = draw_child(
        draw,
        calendar,
        number,
        disability=disability,
        name=record.name,
        **_departure(record),
    )
    return record, child


def _lawful_days(calendar: SchoolCalendar, grade: int) -> tuple[dt.date, dt.date]:
    """Days of the current school year up to the audit date on which a student of
    ``grade`` may apply for a transfer or start a suspension: before the final term when
    the grade ends a stage."""
    last = calendar.as_of
    if in_graduating_final_term(calendar, grade, calendar.current.spring_term_start):
        last = min(last, calendar.current.spring_term_start - _ONE_DAY)
    return calendar.current.start, last


def _suspended(
    draw: st.DrawFn, calendar: SchoolCalendar, record: StudentRecord, suspension_id: str
) -> tuple[StudentRecord, list[Suspension]]:
    """A suspended record, suspended on a lawful day, and its suspension running on the
    audit date (none when the policy has no suspension rules)."""
    first, last = _lawful_days(calendar, record.grade)
    since = record.status_since
    if since is None or not first <= since <= last:
        record = attrs.evolve(record, status_since=_between(draw, first, last))
    if not can_suspend(calendar):
        return record, []
    assert record.status_since is not None
    suspension = draw_suspension(
        draw,
        calendar,
        suspension_id=suspension_id,
        student_number=record.student_number,
        start=record.status_since,
        last_day_from=calendar.as_of,
    )
    return record, [suspension]


def _transfer_of(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    record: StudentRecord,
    transfer_id: str,
    *,
    complete: bool,
    grade_before: int | None = None,
    applied: tuple[dt.date, dt.date] | None = None,
) -> Transfer:
    """A lawful transfer of ``record`` this school year: completed into its school from
    another, or pending out of it to another."""
    assert isinstance(record.student_number, StudentNumber)
    other = draw(school_ids().filter(lambda school: school != record.school_id))
    return draw_transfer(
        draw,
        calendar,
        transfer_id=transfer_id,
        student_number=record.student_number,
        from_school=other if complete else record.school_id,
        to_school=record.school_id if complete else other,
        grade_before=record.grade if grade_before is None else grade_before,
        applied=applied or _lawful_days(calendar, record.grade),
        complete=complete,
    )


@st.composite
def _clean_drafts(draw: st.DrawFn, calendar: SchoolCalendar) -> _Draft:
    used: set[str] = set()
    schools = tuple(draw(st.lists(school_ids(), min_size=1, max_size=_MAX_SCHOOLS, unique=True)))
    grades = range(1, min(calendar.cohorts, calendar.final_grade) + 1)
    students: list[StudentRecord] = []
    roster: list[Child] = []
    deferred: list[Deferral] = []
    employment: list[EmploymentReport] = []
    moved: list[Transfer] = []
    suspended: list[Suspension] = []
    for index in range(draw(st.integers(1, _MAX_STUDENTS))):
        status = RecordStatus.ACTIVE if index == 0 else _pick(draw, _FATES)
        placement = draw_placement(draw, calendar, status, grades)
        record, child = _enrol(
            draw,
            calendar,
            status=status,
            placement=placement,
            school_id=_pick(draw, schools),
            used=used,
        )
        if record.status is RecordStatus.SUSPENDED:
            record, suspension = _suspended(draw, calendar, record, f"XX{len(suspended) + 1:04}")
            suspended.extend(suspension)
        elif record.status is RecordStatus.ACTIVE and can_transfer(calendar) and _coin(draw):
            moved.append(
                _transfer_of(draw, calendar, record, f"ZX{len(moved) + 1:04}", complete=_coin(draw))
            )
        students.append(record)
        roster.append(child)
        late_entrant = placement.grade == 1 and placement.cohort < calendar.current.start_year
        if late_entrant and calendar.can_defer() and _coin(draw):
            number = child.valid_resident_id
            assert number is not None
            deferred.append(draw_deferral(draw, calendar, number, placement.cohort, running=False))
    earliest, latest = calendar.window
    for _ in range(draw(st.integers(0, 3))):  # younger than school age
        number = draw_resident_id(draw, born=(latest + _ONE_DAY, calendar.as_of), used=used)
        roster.append(draw_child(draw, calendar, number))
    if calendar.can_defer():
        entering = calendar.current.start_year
        for _ in range(draw(st.integers(0, 2))):  # deferred on health grounds
            number = draw_resident_id(draw, born=calendar.cohort(entering), used=used)
            roster.append(draw_child(draw, calendar, number))
            deferred.append(draw_deferral(draw, calendar, number, entering, running=True))
    min_age = (
        calendar.policy.value("employment.min_age", int)
        if calendar.policy.is_in_force("employment.min_age")
        else None
    )
    oldest = earliest.replace(day=1, year=earliest.year - _YEARS_OF_YOUTHS)
    for _ in range(draw(st.integers(0, 3))):  # youths past school age
        number = draw_resident_id(draw, born=(oldest, earliest - _ONE_DAY), used=used)
        roster.append(draw_child(draw, calendar, number))
        birth = number.birth_date
        if min_age is not None and _coin(draw):
            of_age = date_of_age(birth, min_age)
            if of_age <= calendar.as_of:
                employment.append(draw_employment(draw, number, reported=(of_age, calendar.as_of)))
    if min_age is not None and _coin(draw):  # a young worker from elsewhere
        born = (
            latest_birth_date(min_age + 2, calendar.as_of) + _ONE_DAY,
            latest_birth_date(min_age, calendar.as_of),
        )
        number = draw_resident_id(draw, born=born, used=used)
        of_age = date_of_age(number.birth_date, min_age)
        employment.append(draw_employment(draw, number, reported=(of_age, calendar.as_of)))
    return _Draft(
        calendar=calendar,
        schools=schools,
        students=tuple(students),
        population=tuple(roster),
        deferrals=tuple(deferred),
        employment=tuple(employment),
        transfers=tuple(moved),
        suspensions=tuple(suspended),
    )


def clean_bundles(
    *, as_of: dt.date = DEFAULT_AS_OF, policy: Policy | None = None
) -> st.SearchStrategy[Bundle]:
    """Small bundles in which the audit on ``as_of`` under ``policy`` finds nothing.

    ``policy`` is the one the audit applies (by default the national policy resolved on
    ``as_of``); audit with ``jurisdiction=policy.jurisdiction``. One to thirty students
    of one to four schools (the first active), each with a valid resident ID number of
    a Linxia county that agrees with its birth date and sex, a G number made of it, the
    grade of its age (or one below), an entry date that follows, a record created in
    time and a lawful status: mostly active, some suspended, graduated or completed
    (past school age), deceased or cancelled for a lawful reason (the roster says when).
    The roster lists every student and adds younger children, youths past school age and
    children deferred on health grounds; employment reports are of youths of the
    minimum age; headcounts agree with the records month by month; a suspended student
    has a lawful suspension running on ``as_of``, and some active students a lawful
    transfer this school year (completed into their school, or pending out of it with
    its next step not yet due).
    """
    return _clean_drafts(SchoolCalendar.of(as_of, policy)).map(_finish)


# Plants: one per rule -----------------------------------------------------------------

_Plant = Callable[[st.DrawFn, _Draft], _Draft]
_RowPlant = Callable[[st.DrawFn, SchoolCalendar, Bundle], Bundle]


def _malformed_resident_id(text: str) -> MalformedNumber:
    try:
        ResidentId.parse(text)
    except InvalidResidentId as error:
        return MalformedNumber(text, error.reason)
    raise AssertionError(f"{MalformedNumber(text, '')} was meant to be invalid")


def _malformed_student_number(draw: st.DrawFn, number: str) -> MalformedNumber:
    defect = _pick(draw, ["letter", "short", "inside"])
    if defect == "letter":
        text = _pick(draw, "KQZ") + number[1:]
    elif defect == "short":
        text = number[:-1]
    else:
        position = draw(st.integers(1, 17))
        text = number[:position] + "A" + number[position + 1 :]
    try:
        StudentNumber.parse(text)
    except InvalidStudentNumber as error:
        return MalformedNumber(text, error.reason)
    raise AssertionError(f"{MalformedNumber(text, '')} was meant to be malformed")


def _free(number: ResidentId, used: set[str]) -> ResidentId:
    """``number``, or the first of the same region, birth date and sex not in ``used``."""
    sequence = int(number.sequence)
    while number.reveal() in used or "G" + number.reveal() in used:
        sequence = (sequence + 2) % 1000
        number = ResidentId.from_parts(number.region_code, number.birth_date, sequence)
    used.add(number.reveal())
    return number


def _person(record: StudentRecord) -> str:
    return record.resident_id.reveal() if record.resident_id is not None else ""


def _students_where(draft: _Draft, keep: Callable[[StudentRecord], bool]) -> list[StudentRecord]:
    return [record for record in draft.students if keep(record)]


def _add_student(
    draw: st.DrawFn, draft: _Draft, placement: Placement
) -> tuple[_Draft, StudentRecord]:
    record, child = _enrol(
        draw,
        draft.calendar,
        status=RecordStatus.ACTIVE,
        placement=placement,
        school_id=_pick(draw, draft.schools),
        used=draft.keys_in_use(),
    )
    grown = attrs.evolve(
        draft,
        students=(*draft.students, record),
        population=(*draft.population, child),
    )
    return grown, record


def _born_again(draft: _Draft, record: StudentRecord, birth_date: dt.date) -> _Draft:
    """The student of ``record`` born on ``birth_date``: ID number, G number and roster
    entry follow (a registration that was right all along, for another child)."""
    number = record.valid_resident_id
    assert number is not None
    used = draft.keys_in_use()
    new = _free(number.with_birth_date(birth_date), used)
    return draft.with_person(number.reveal(), new, birth_date=birth_date)


def _plant_id_001(draw: st.DrawFn, draft: _Draft) -> _Draft:
    key = _pick(draw, draft.person_keys())
    text = draw(invalid_resident_ids(regions=[key[:6]]))
    return draft.with_person(key, _malformed_resident_id(text))


def _plant_id_002(draw: st.DrawFn, draft: _Draft) -> _Draft:
    record = _pick(draw, draft.students)
    calendar = draft.calendar
    first, last = calendar.cohort(entry_year(record.birth_date, policy=calendar.policy))
    moved = draw(
        st.dates(min_value=first, max_value=last).filter(lambda day: day != record.birth_date)
    )
    new = attrs.evolve(record, birth_date=moved)
    return attrs.evolve(draft, students=_replaced(draft.students, record, new))


def _plant_id_003(draw: st.DrawFn, draft: _Draft) -> _Draft:
    record = _pick(draw, draft.students)
    new = attrs.evolve(record, sex=other_sex(record.sex))
    return attrs.evolve(draft, students=_replaced(draft.students, record, new))


def _plant_id_004(draw: st.DrawFn, draft: _Draft) -> _Draft:
    record = _pick(draw, draft.students)
    return draft.with_student_number(record, _malformed_student_number(draw, record.key))


def _plant_id_005(draw: st.DrawFn, draft: _Draft) -> _Draft:
    record = _pick(
        draw, _students_where(draft, lambda r: is_g_number_of(r.student_number, r.resident_id))
    )
    number = record.valid_resident_id
    assert number is not None
    if draw(st.booleans()):
        other = ResidentId.from_parts(
            number.region_code, number.birth_date, (int(number.sequence) + 1) % 1000
        )
    else:
        shift = draw(st.integers(1, 400)) * _pick(draw, [1, -1])
        other = number.with_birth_date(number.birth_date + dt.timedelta(days=shift))
    other = _free(other, draft.keys_in_use())
    return draft.with_student_number(record, StudentNumber.from_resident_id(other))


def _other_school(draw: st.DrawFn, draft: _Draft, school_id: str) -> str:
    others = [school for school in draft.schools if school != school_id]
    if others:
        return _pick(draw, others)
    return draw(school_ids().filter(lambda school: school not in draft.schools))


def _plant_id_006(draw: st.DrawFn, draft: _Draft) -> _Draft:
    record = _pick(draw, _students_where(draft, lambda r: r.status is RecordStatus.ACTIVE))
    second = attrs.evolve(
        record,
        student_number=draw_l_number(draw, draft.keys_in_use()),
        school_id=_other_school(draw, draft, record.school_id),
    )
    return attrs.evolve(draft, students=(*draft.students, second))


def _plant_id_007(draw: st.DrawFn, draft: _Draft) -> _Draft:
    key = _pick(draw, draft.person_keys())
    number = ResidentId(key)
    moved = ResidentId.from_parts(_pick(draw, UNKNOWN_REGIONS), number.birth_date, number.sequence)
    return draft.with_person(key, _free(moved, draft.keys_in_use()))


def _plant_age_001(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    primary = calendar.structure.primary_grades
    candidates = _students_where(
        draft,
        lambda r: r.is_open and r.grade in primary and not draft.deferrals_of(_person(r)),
    )
    if not candidates or _coin(draw):
        draft, record = _add_student(
            draw, draft, Placement(1, calendar.current.start_year, calendar.current.start_year + 1)
        )
        return draft
    record = _pick(draw, candidates)
    entered = SchoolYear.containing(record.entry_date, policy=calendar.policy).start_year
    first, last = calendar.cohort(entered + 1)
    return _born_again(draft, record, _between(draw, first, last))


def _plant_age_002(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar

    def unexcused(record: StudentRecord) -> bool:
        return record.is_open and not any(
            d.covers(calendar.as_of) for d in draft.deferrals_of(_person(record))
        )

    candidates = _students_where(
        draft, lambda r: unexcused(r) and _in_window(calendar, r.birth_date)
    )
    if candidates and _coin(draw):
        record = _pick(draw, candidates)
        dropped = attrs.evolve(
            record,
            status=RecordStatus.DROPPED_OUT,
            status_since=_between(draw, calendar.current.start, calendar.as_of),
        )
        return attrs.evolve(draft, students=_replaced(draft.students, record, dropped))
    number = draw_resident_id(draw, born=calendar.window, used=draft.keys_in_use())
    disability = draw(MAYBE_DISABILITY)
    child = draw_child(draw, calendar, number, disability=disability)
    return attrs.evolve(draft, population=(*draft.population, child))


def _plant_age_003(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    policy = calendar.policy
    defect = _pick(draw, ["grounds", "approver", "late"])
    running = [d for d in draft.deferrals if d.covers(calendar.as_of)]
    if defect == "late" and running and _coin(draw):
        deferral = _pick(draw, running)
        birth = ResidentId(deferral.key).birth_date
        latest = calendar.deferral_latest(entry_year(birth, policy=policy))
        late = attrs.evolve(deferral, until=latest + dt.timedelta(days=draw(st.integers(1, 365))))
        return attrs.evolve(draft, deferrals=_replaced(draft.deferrals, deferral, late))
    record = _pick(
        draw,
        _students_where(draft, lambda r: r.is_open and _in_window(calendar, r.birth_date)),
    )
    number = record.valid_resident_id
    assert number is not None
    cohort = entry_year(number.birth_date, policy=policy)
    deferral = draw_deferral(draw, calendar, number, cohort, running=False)
    if defect == "grounds":
        allowed = policy.value("enrolment.deferral_grounds", tuple)
        grounds = [g for g in _BAD_GROUNDS if g not in allowed] or ["unknown_grounds"]
        deferral = attrs.evolve(deferral, grounds=_pick(draw, grounds))
    elif defect == "approver":
        allowed = policy.value("suspension.approvers", tuple)
        approvers = [a for a in _BAD_APPROVERS if a not in allowed] or ["unknown_body"]
        deferral = attrs.evolve(deferral, approved_by=_pick(draw, approvers))
    else:
        latest = calendar.deferral_latest(cohort)
        deferral = attrs.evolve(
            deferral, until=latest + dt.timedelta(days=draw(st.integers(1, 365)))
        )
    return attrs.evolve(draft, deferrals=(*draft.deferrals, deferral))


def _years_over(calendar: SchoolCalendar, birth_date: dt.date, grade: int) -> int:
    age = age_at_cutoff(birth_date, calendar.current, policy=calendar.policy)
    return age - (calendar.enrolment_age + grade - 1)


def _years_earlier(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return dt.date(day.year - years, 2, 28)


def _plant_age_004(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    threshold = calendar.policy.value("enrolment.over_age_years", int)
    candidates = _students_where(draft, lambda r: r.is_open and not draft.deferrals_of(_person(r)))
    if not candidates or _coin(draw):
        placement = Placement(
            1, calendar.current.start_year, calendar.cohort_of_grade(1 + threshold)
        )
        draft, _ = _add_student(draw, draft, placement)
        return draft
    record = _pick(draw, candidates)
    years = max(threshold - _years_over(calendar, record.birth_date, record.grade), 1)
    birth = _years_earlier(record.birth_date, years)
    while _years_over(calendar, birth, record.grade) < threshold:
        years += 1
        birth = _years_earlier(record.birth_date, years)
    return _born_again(draft, record, birth)


def _plant_age_005(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    as_of = calendar.as_of
    min_age = calendar.policy.value("employment.min_age", int)
    young = [
        child
        for child in draft.population
        if child.valid_resident_id is not None
        and not child.has_left_on(as_of)
        and child.birth_date < as_of
        and date_of_age(child.birth_date, min_age) > as_of
    ]
    if young and _coin(draw):
        child = _pick(draw, young)
        number = child.valid_resident_id
        assert number is not None
        first = max(child.birth_date, as_of - dt.timedelta(days=180))
    else:
        born = (
            latest_birth_date(min_age, as_of) + _ONE_DAY,
            latest_birth_date(max(min_age - 4, 1), as_of),
        )
        number = draw_resident_id(draw, born=born, used=draft.keys_in_use())
        first = max(number.birth_date, as_of - dt.timedelta(days=30))
    report = draw_employment(draw, number, reported=(first, as_of))
    return attrs.evolve(draft, employment=(*draft.employment, report))


def _plant_reg_001(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    limit = calendar.create_within_days
    late_by_now = _students_where(
        draft, lambda r: r.entry_date + dt.timedelta(days=limit + 1) <= calendar.as_of
    )
    record = _pick(draw, late_by_now or draft.students)
    room = max((calendar.as_of - record.entry_date).days - limit, 1)
    created = record.entry_date + dt.timedelta(days=limit + draw(st.integers(1, room)))
    new = attrs.evolve(record, record_created_on=created)
    return attrs.evolve(draft, students=_replaced(draft.students, record, new))


def _unlawful_end(draw: st.DrawFn) -> dict[str, Any]:
    if draw(st.booleans()):
        return {"status": RecordStatus.WITHDRAWN, "cancel_reason": None}
    reason = _pick(draw, [CancelReason.OTHER, None])
    return {"status": RecordStatus.CANCELLED, "cancel_reason": reason}


def _plant_reg_002(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    ended = _students_where(draft, lambda r: r.status.has_finished or r.status in _DEPARTED)
    if ended and _coin(draw):
        record = _pick(draw, ended)
        new = attrs.evolve(record, **_unlawful_end(draw))
        return attrs.evolve(draft, students=_replaced(draft.students, record, new))
    record = _pick(draw, _students_where(draft, lambda r: r.is_open))
    earlier = attrs.evolve(
        record,
        student_number=draw_l_number(draw, draft.keys_in_use()),
        school_id=_other_school(draw, draft, record.school_id),
        status_since=_between(draw, record.entry_date, calendar.current.start - _ONE_DAY),
        **_unlawful_end(draw),
    )
    return attrs.evolve(draft, students=(*draft.students, earlier))


def _plant_reg_003(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    as_of = calendar.as_of
    limit = calendar.policy.value("registration.death_cancel_within_working_days", int)
    record = _pick(draw, _students_where(draft, lambda r: r.is_open))
    child = draft.child_of(_person(record))
    assert child is not None
    latest_death = as_of - _ONE_DAY
    while add_working_days(latest_death, limit) >= as_of:
        latest_death -= _ONE_DAY
    first = min(max(record.entry_date, as_of - dt.timedelta(days=365)), latest_death)
    died = _between(draw, max(first, child.birth_date), latest_death)
    deadline = add_working_days(died, limit)
    dead = attrs.evolve(child, deceased_on=died)
    new = record
    if draw(st.booleans()):  # closed, but too late
        closed_on = deadline + dt.timedelta(days=draw(st.integers(1, (as_of - deadline).days)))
        new = attrs.evolve(
            record,
            status_since=closed_on,
            **_pick(draw, _DEATH_CLOSURES),
        )
    return attrs.evolve(
        draft,
        students=_replaced(draft.students, record, new),
        population=_replaced(draft.population, child, dead),
    )


def _next_line(records: Sequence[object]) -> int:
    lines = [getattr(record, "source", None) for record in records]
    return max((where.line for where in lines if isinstance(where, SourceLocation)), default=1) + 1


def _plant_input_001(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    kind, field, reason = _pick(draw, _REJECTED_CELLS)
    where = source(kind, _next_line(bundle.records(kind)))
    return attrs.evolve(
        bundle, rejections=(*bundle.rejections, Rejection(where, kind, field, reason))
    )


def _plant_input_002(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    if bundle.headcount_totals and _coin(draw):
        total = _pick(draw, bundle.headcount_totals)
        assert total.source is not None
        repeated = Duplicate(
            source=source("headcount_totals", _next_line(bundle.headcount_totals)),
            kind="headcount_totals",
            key_field="month|school_id",
            key=f"{total.month}|{total.school_id}",
            first=total.source,
            personal=False,
        )
    else:
        record = _pick(draw, bundle.students)
        assert record.source is not None
        repeated = Duplicate(
            source=source("students", _next_line(bundle.students)),
            kind="students",
            key_field="student_number",
            key=record.key,
            first=record.source,
        )
    return attrs.evolve(bundle, duplicates=(*bundle.duplicates, repeated))


# Plants in transfers.


def _dated(approved: dict[ApprovalParty, dt.date]) -> dict[str, Any]:
    """Approval dates as the transfer's fields."""
    return {party.date_field: day for party, day in approved.items()}


def _with_transfer(draft: _Draft, transfer: Transfer) -> _Draft:
    return attrs.evolve(draft, transfers=(*draft.transfers, transfer))


def _movable(
    draw: st.DrawFn, draft: _Draft, keep: Callable[[StudentRecord], bool]
) -> tuple[_Draft, StudentRecord]:
    """An active student with a student number and no suspension that ``keep`` accepts;
    a new one in grade 4 (a grade that ends no stage) when there is none."""
    suspended = {suspension.student_key for suspension in draft.suspensions}
    candidates = _students_where(
        draft,
        lambda r: (
            r.status is RecordStatus.ACTIVE
            and isinstance(r.student_number, StudentNumber)
            and r.key not in suspended
            and keep(r)
        ),
    )
    if candidates:
        return draft, _pick(draw, candidates)
    grade = min(4, draft.calendar.cohorts)
    calendar = draft.calendar
    return _add_student(
        draw, draft, Placement(grade, calendar.current.start_year, calendar.cohort_of_grade(grade))
    )


def _plant_tr_001(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    completed = [t for t in draft.transfers if t.status is TransferStatus.COMPLETED]
    if completed and _coin(draw):
        transfer = _pick(draw, completed)
    else:
        draft, record = _movable(draw, draft, lambda r: True)
        transfer = _transfer_of(draw, calendar, record, draft.new_id("ZX"), complete=True)
        draft = _with_transfer(draft, transfer)
    order = approval_order(calendar.policy)
    last = max(day for party in order if (day := transfer.approved_on(party)) is not None)
    if transfer.applied_on < last and _coin(draw):  # completed before its last approval
        wrong = attrs.evolve(
            transfer, completed_on=_between(draw, transfer.applied_on, last - _ONE_DAY)
        )
    else:  # completed without one party's approval
        skipped: dict[str, Any] = {_pick(draw, order).date_field: None}
        wrong = attrs.evolve(transfer, **skipped)
    return attrs.evolve(draft, transfers=_replaced(draft.transfers, transfer, wrong))


def _fits(calendar: SchoolCalendar, record: StudentRecord, day: dt.date) -> bool:
    """Whether ``record`` was in a grade on ``day`` in which it could apply to transfer."""
    grade = grade_on(calendar, record, day)
    return grade >= 1 and not in_graduating_final_term(calendar, grade, day)


def _plant_tr_002(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    policy = calendar.policy
    limit = policy.value("transfer.party_limit_working_days", int)
    order = approval_order(policy)
    slow = _pick(draw, range(len(order)))
    gaps = [
        limit + draw(st.integers(1, 10)) if i == slow else draw(st.integers(0, limit))
        for i in range(len(order))
    ]
    applied_on = calendar.as_of
    while approvals(applied_on, gaps)[-1] > calendar.as_of:
        applied_on -= _ONE_DAY
    pending = _coin(draw)
    if pending:  # the receiving school approved the day it applied, nobody since
        applied_on = calendar.as_of - _ONE_DAY
        while add_working_days(applied_on, limit) >= calendar.as_of:
            applied_on -= _ONE_DAY
        applied_on -= dt.timedelta(days=draw(st.integers(0, 60)))
    draft, record = _movable(draw, draft, lambda r: _fits(calendar, r, applied_on))
    if not _fits(calendar, record, applied_on):
        raise AssertionError("a new student in grade 4 can always apply")
    assert isinstance(record.student_number, StudentNumber)
    other = draw(school_ids().filter(lambda school: school != record.school_id))
    grade = grade_on(calendar, record, applied_on)
    if pending:
        transfer = Transfer(
            transfer_id=draft.new_id("ZX"),
            student_number=record.student_number,
            from_school=record.school_id,
            to_school=other,
            applied_on=applied_on,
            grade_before=grade,
            status=TransferStatus.PENDING,
            **_dated({order[0]: applied_on}),
        )
    else:
        dates = approvals(applied_on, gaps)
        transfer = Transfer(
            transfer_id=draft.new_id("ZX"),
            student_number=record.student_number,
            from_school=other,
            to_school=record.school_id,
            applied_on=applied_on,
            grade_before=grade,
            grade_after=grade,
            status=TransferStatus.COMPLETED,
            completed_on=dates[-1],
            **_dated(dict(zip(order, dates, strict=True))),
        )
    return _with_transfer(draft, transfer)


def _plant_tr_003(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    draft, record = _movable(draw, draft, lambda r: True)
    transfer = _transfer_of(draw, calendar, record, draft.new_id("ZX"), complete=True)
    other = [g for g in (record.grade - 1, record.grade + 1) if 1 <= g <= calendar.final_grade]
    grade = _pick(draw, other)
    if _coin(draw) and not in_graduating_final_term(calendar, grade, transfer.applied_on):
        transfer = attrs.evolve(transfer, grade_before=grade)  # came from another grade
    else:
        transfer = attrs.evolve(transfer, grade_after=grade)  # put into another grade
    return _with_transfer(draft, transfer)


def _plant_tr_004(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    as_of = calendar.as_of
    draft, record = _movable(draw, draft, lambda r: True)
    transfer = _transfer_of(draw, calendar, record, draft.new_id("ZX"), complete=True)
    applied_on = transfer.applied_on
    start = applied_on - dt.timedelta(days=draw(st.integers(0, 60)))
    returned_on = _between(draw, applied_on + _ONE_DAY, as_of) if applied_on < as_of else None
    suspension = draw_suspension(
        draw,
        calendar,
        suspension_id=draft.new_id("XX"),
        student_number=record.student_number,
        start=start,
        last_day_from=returned_on or applied_on,
    )
    suspension = attrs.evolve(suspension, returned_on=returned_on)
    return attrs.evolve(
        _with_transfer(draft, transfer), suspensions=(*draft.suspensions, suspension)
    )


def _stage_end_years(calendar: SchoolCalendar, record: StudentRecord) -> list[int]:
    """School years in whose final term ``record`` was in a grade that ends a stage."""
    years = []
    for back in range(record.grade):
        year = SchoolYear.starting(calendar.current.start_year - back, policy=calendar.policy)
        if year.final_term_start <= calendar.as_of and in_graduating_final_term(
            calendar, record.grade - back, year.final_term_start
        ):
            years.append(year.start_year)
    return years


def _plant_tr_005(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    candidates = _students_where(
        draft,
        lambda r: (
            r.status is RecordStatus.ACTIVE
            and isinstance(r.student_number, StudentNumber)
            and bool(_stage_end_years(calendar, r))
        ),
    )
    if candidates and _coin(draw):
        record = _pick(draw, candidates)
    else:  # in the first junior grade: last year in the final term of primary school
        grade = calendar.structure.primary_years + 1
        draft, record = _add_student(
            draw,
            draft,
            Placement(grade, calendar.current.start_year, calendar.cohort_of_grade(grade)),
        )
    year = SchoolYear.starting(
        _pick(draw, _stage_end_years(calendar, record)), policy=calendar.policy
    )
    transfer = _transfer_of(
        draw,
        calendar,
        record,
        draft.new_id("ZX"),
        complete=True,
        grade_before=grade_on(calendar, record, year.final_term_start),
        applied=(year.final_term_start, min(year.end, calendar.as_of)),
    )
    return _with_transfer(draft, transfer)


# Known region codes outside Linxia, for children who are not on its roster.
OUTSIDE_REGIONS = ("620102", "620502", "630102", "640104")


def _plant_tr_006(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    grade = draw(st.integers(1, min(calendar.cohorts, calendar.final_grade)))
    number = draw_resident_id(
        draw,
        regions=st.sampled_from(OUTSIDE_REGIONS),
        born=calendar.cohort(calendar.cohort_of_grade(grade)),
        used=draft.keys_in_use(),
    )
    record = draw_student(
        draw,
        calendar,
        resident_id=number,
        placement=Placement(grade, calendar.current.start_year, calendar.cohort_of_grade(grade)),
        status=RecordStatus.TRANSFERRED_OUT,
        school_id=_pick(draw, draft.schools),
    )
    limit = calendar.policy.value("transfer.unplaced_after_days", int)
    left_on = calendar.as_of - dt.timedelta(days=limit + draw(st.integers(1, 200)))
    lost = attrs.evolve(record, status_since=left_on)
    return attrs.evolve(draft, students=(*draft.students, lost))


# Plants in suspensions.


def _settled(
    draw: st.DrawFn, draft: _Draft, grade: int | None = None
) -> tuple[_Draft, StudentRecord]:
    """An active student with a student number, no transfer and no suspension (in
    ``grade`` if given); a new one (in ``grade``, else grade 4) when there is none."""
    calendar = draft.calendar
    busy = {t.student_key for t in draft.transfers} | {s.student_key for s in draft.suspensions}
    candidates = _students_where(
        draft,
        lambda r: (
            r.status is RecordStatus.ACTIVE
            and isinstance(r.student_number, StudentNumber)
            and r.key not in busy
            and (grade is None or r.grade == grade)
        ),
    )
    if candidates:
        return draft, _pick(draw, candidates)
    chosen = min(4, calendar.cohorts) if grade is None else grade
    placement = Placement(chosen, calendar.current.start_year, calendar.cohort_of_grade(chosen))
    return _add_student(draw, draft, placement)


def _returned_suspension(
    draw: st.DrawFn, draft: _Draft, record: StudentRecord, days: tuple[dt.date, dt.date]
) -> Suspension:
    """A lawful suspension of ``record`` started on a day of ``days`` and returned from
    by the audit date."""
    start = _between(draw, *days)
    returned_on = _between(draw, start, draft.calendar.as_of)
    suspension = draw_suspension(
        draw,
        draft.calendar,
        suspension_id=draft.new_id("XX"),
        student_number=record.student_number,
        start=start,
        last_day_from=returned_on,
    )
    return attrs.evolve(suspension, returned_on=returned_on)


def _some_suspension(draw: st.DrawFn, draft: _Draft) -> tuple[_Draft, Suspension]:
    """A suspension of the draft (a suspended student's), or a new, returned one of an
    active student, started on a lawful day; the draft holds it."""
    if draft.suspensions and _coin(draw):
        return draft, _pick(draw, draft.suspensions)
    draft, record = _settled(draw, draft)
    suspension = _returned_suspension(
        draw, draft, record, _lawful_days(draft.calendar, record.grade)
    )
    return attrs.evolve(draft, suspensions=(*draft.suspensions, suspension)), suspension


def _with_suspension_changed(draft: _Draft, old: Suspension, new: Suspension) -> _Draft:
    return attrs.evolve(draft, suspensions=_replaced(draft.suspensions, old, new))


def _plant_sus_001(draw: st.DrawFn, draft: _Draft) -> _Draft:
    allowed = draft.calendar.policy.value("suspension.allowed_grounds", tuple)
    draft, suspension = _some_suspension(draw, draft)
    grounds = [g for g in _BAD_GROUNDS if g not in allowed] or ["unknown_grounds"]
    wrong = attrs.evolve(suspension, grounds=_pick(draw, grounds))
    return _with_suspension_changed(draft, suspension, wrong)


def _plant_sus_002(draw: st.DrawFn, draft: _Draft) -> _Draft:
    allowed = draft.calendar.policy.value("suspension.approvers", tuple)
    draft, suspension = _some_suspension(draw, draft)
    approvers = [a for a in _BAD_APPROVERS if a not in allowed] or ["unknown_body"]
    wrong = attrs.evolve(suspension, approved_by=_pick(draw, approvers))
    return _with_suspension_changed(draft, suspension, wrong)


def _plant_sus_003(draw: st.DrawFn, draft: _Draft) -> _Draft:
    policy = draft.calendar.policy
    max_days = policy.value("suspension.max_days", int)
    max_extensions = policy.value("suspension.max_extensions", int)
    draft, suspension = _some_suspension(draw, draft)
    if _coin(draw):  # extended once too often
        wrong = attrs.evolve(suspension, extensions=max_extensions + draw(st.integers(1, 2)))
    else:  # longer than a suspension may be
        too_long = max_days + draw(st.integers(0, 60))
        wrong = attrs.evolve(suspension, end=suspension.start + dt.timedelta(days=too_long))
    return _with_suspension_changed(draft, suspension, wrong)


def _plant_sus_004(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    policy = calendar.policy
    grace = policy.value("suspension.return_grace_days", int)
    last_end = calendar.as_of - dt.timedelta(days=grace + 2)  # then overdue past grace
    draft, record = _settled(draw, draft)
    for back in range(3):
        year = SchoolYear.starting(calendar.current.start_year - back, policy=policy)
        first, last = year.start, min(last_end, year.end)
        if in_graduating_final_term(calendar, record.grade, year.final_term_start):
            last = min(last, year.final_term_start - _ONE_DAY)
        if first <= last:
            break
    start = _between(draw, first, last)
    suspension = draw_suspension(
        draw,
        calendar,
        suspension_id=draft.new_id("XX"),
        student_number=record.student_number,
        start=start,
        last_day_from=start,
    )
    suspension = attrs.evolve(suspension, end=_between(draw, start, min(suspension.end, last_end)))
    gone = attrs.evolve(record, status=RecordStatus.SUSPENDED, status_since=start)
    return attrs.evolve(
        draft,
        students=_replaced(draft.students, record, gone),
        suspensions=(*draft.suspensions, suspension),
    )


def _plant_sus_005(draw: st.DrawFn, draft: _Draft) -> _Draft:
    calendar = draft.calendar
    current = calendar.current
    grade = _pick(draw, [calendar.structure.primary_years, calendar.final_grade])
    if current.final_term_start <= calendar.as_of:  # an active student, suspended this spring
        draft, record = _settled(draw, draft, grade)
        suspension = _returned_suspension(
            draw, draft, record, (current.final_term_start, calendar.as_of)
        )
        return attrs.evolve(draft, suspensions=(*draft.suspensions, suspension))
    # Before this year's final term: a student suspended in last year's final term and
    # still suspended, the record left in the grade it was suspended in.
    last_year = SchoolYear.starting(current.start_year - 1, policy=calendar.policy)
    placement = Placement(
        grade, current.start_year, calendar.cohort_of_grade(grade + calendar.years_behind)
    )
    draft, record = _add_student(draw, draft, placement)
    start = _between(draw, last_year.final_term_start, last_year.end)
    max_days = calendar.policy.value("suspension.max_days", int)
    extensions = 0 if (calendar.as_of - start).days < max_days else 1
    suspension = draw_suspension(
        draw,
        calendar,
        suspension_id=draft.new_id("XX"),
        student_number=record.student_number,
        start=start,
        last_day_from=calendar.as_of,
    )
    suspension = attrs.evolve(suspension, extensions=extensions)
    if extensions:
        suspension = attrs.evolve(suspension, end=calendar.as_of)
    suspended = attrs.evolve(record, status=RecordStatus.SUSPENDED, status_since=start)
    return attrs.evolve(
        draft,
        students=_replaced(draft.students, record, suspended),
        suspensions=(*draft.suspensions, suspension),
    )


# Plants in the monthly headcounts, made on the finished bundle.


def _with_rolls(
    bundle: Bundle, entries: Iterable[HeadcountEntry], totals: Iterable[HeadcountTotal]
) -> Bundle:
    """``bundle`` with these headcount rows and totals, numbered anew."""
    return attrs.evolve(
        bundle,
        headcounts=_numbered("headcounts", entries),
        headcount_totals=_numbered("headcount_totals", totals),
        fields_seen={},
    )


def _latest_entry(bundle: Bundle, record: StudentRecord) -> HeadcountEntry:
    entry = bundle.latest_roll_entry(record.school_id, record.key)
    assert entry is not None
    return entry


def _active_on_rolls(bundle: Bundle) -> list[StudentRecord]:
    return [
        record
        for record in bundle.students
        if record.status is RecordStatus.ACTIVE and record.school_id in bundle.latest_headcount
    ]


def _new_school(draw: st.DrawFn, bundle: Bundle) -> str:
    known = {record.school_id for record in bundle.students} | set(bundle.latest_headcount)
    return draw(school_ids().filter(lambda school: school not in known))


def _plant_tr_007(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    record = _pick(draw, _active_on_rolls(bundle))
    others = [school for school in bundle.latest_headcount_month if school != record.school_id]
    if others and _coin(draw):
        school = _pick(draw, others)
        month = bundle.latest_headcount_month[school]
    else:
        school, month = _new_school(draw, bundle), YearMonth.of(calendar.as_of)
    named_by = _pick(draw, ["student_number", "resident_id", "both"])
    there = HeadcountEntry(
        month=month,
        school_id=school,
        present=True,
        student_number=None if named_by == "resident_id" else record.key,
        resident_id=(
            None
            if named_by == "student_number" or record.resident_id is None
            else record.resident_id.reveal()
        ),
        name=record.name,
    )
    entries = list(bundle.headcounts)
    if _coin(draw):  # and gone from the roll of its own school
        here = _latest_entry(bundle, record)
        entries = _replaced_in(entries, here, attrs.evolve(here, present=False))
    return _with_rolls(bundle, [*entries, there], bundle.headcount_totals)


def _replaced_in(items: Iterable[_T], old: _T, new: _T | None) -> list[_T]:
    """``items`` with ``old`` replaced by ``new``, or left out when ``new`` is None."""
    kept: list[_T] = []
    for item in items:
        if item is not old:
            kept.append(item)
        elif new is not None:
            kept.append(new)
    return kept


def _plant_rec_001(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    record = _pick(draw, _active_on_rolls(bundle))
    entry = _latest_entry(bundle, record)
    # Left off the roll only where others stay on it: an empty roll is no headcount.
    alone = [(e.school_id, e.month) for e in bundle.headcounts].count(
        (entry.school_id, entry.month)
    ) == 1
    absent = attrs.evolve(entry, present=False, excuse=None) if alone or _coin(draw) else None
    entries = _replaced_in(bundle.headcounts, entry, absent)
    return _with_rolls(bundle, entries, bundle.headcount_totals)


def _plant_rec_002(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    school = _pick(draw, sorted(bundle.latest_headcount_month))
    unregistered = [
        child
        for child in bundle.population
        if not bundle.student_records_of(child.key) and not child.has_left_on(calendar.as_of)
    ]
    if unregistered and _coin(draw):
        child = _pick(draw, unregistered)
        resident_id, name = child.key, child.name
    else:
        used = {record.key for record in bundle.students}
        used.update(child.key for child in bundle.population)
        used.update(record.resident_id.reveal() for record in bundle.students if record.resident_id)
        number = draw_resident_id(draw, born=calendar.window, used=used)
        resident_id, name = number.reveal(), draw(names())
    entry = HeadcountEntry(
        month=bundle.latest_headcount_month[school],
        school_id=school,
        present=True,
        resident_id=resident_id,
        name=name,
    )
    return _with_rolls(bundle, [*bundle.headcounts, entry], bundle.headcount_totals)


def _plant_rec_003(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    school = _pick(draw, sorted({record.school_id for record in _active_on_rolls(bundle)}))
    since = calendar.policy["reconciliation.headcount_every"].since
    month = _pick(
        draw,
        [
            month
            for month in school_year_months(calendar)
            if month >= YearMonth.of(since) and month in bundle.headcount_months[school]
        ],
    )
    entries = [e for e in bundle.headcounts if (e.school_id, e.month) != (school, month)]
    totals = [t for t in bundle.headcount_totals if (t.school_id, t.month) != (school, month)]
    return _with_rolls(bundle, entries, totals)


def _plant_rec_004(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    latest = [
        total
        for total in bundle.headcount_totals
        if total.month == bundle.latest_headcount_month.get(total.school_id)
    ]
    total = _pick(draw, latest)
    change = draw(st.integers(1, 5)) * _pick(draw, [1, -1])
    reported = total.total + change if total.total + change >= 0 else total.total - change
    totals = _replaced_in(list(bundle.headcount_totals), total, attrs.evolve(total, total=reported))
    return _with_rolls(bundle, bundle.headcounts, totals)


_PLANTS: dict[str, _Plant] = {
    "ID-001": _plant_id_001,
    "ID-002": _plant_id_002,
    "ID-003": _plant_id_003,
    "ID-004": _plant_id_004,
    "ID-005": _plant_id_005,
    "ID-006": _plant_id_006,
    "ID-007": _plant_id_007,
    "AGE-001": _plant_age_001,
    "AGE-002": _plant_age_002,
    "AGE-003": _plant_age_003,
    "AGE-004": _plant_age_004,
    "AGE-005": _plant_age_005,
    "REG-001": _plant_reg_001,
    "REG-002": _plant_reg_002,
    "REG-003": _plant_reg_003,
    "TR-001": _plant_tr_001,
    "TR-002": _plant_tr_002,
    "TR-003": _plant_tr_003,
    "TR-004": _plant_tr_004,
    "TR-005": _plant_tr_005,
    "TR-006": _plant_tr_006,
    "SUS-001": _plant_sus_001,
    "SUS-002": _plant_sus_002,
    "SUS-003": _plant_sus_003,
    "SUS-004": _plant_sus_004,
    "SUS-005": _plant_sus_005,
}
_ROW_PLANTS: dict[str, _RowPlant] = {
    "INPUT-001": _plant_input_001,
    "INPUT-002": _plant_input_002,
    "TR-007": _plant_tr_007,
    "REC-001": _plant_rec_001,
    "REC-002": _plant_rec_002,
    "REC-003": _plant_rec_003,
    "REC-004": _plant_rec_004,
}

# Rules that fire only while a policy switch is on.
_NEEDS_FLAG = {
    "TR-004": "transfer.blocked_while_suspended",
    "TR-005": "transfer.blocked_in_graduating_final_term",
}

RULES_WITH_STRATEGIES: frozenset[str] = frozenset(_PLANTS) | frozenset(_ROW_PLANTS)
"""The IDs of the rules :func:`violating_bundles` can break."""


@st.composite
def _violating_bundles(draw: st.DrawFn, calendar: SchoolCalendar, rule_id: str) -> Bundle:
    draft = draw(_clean_drafts(calendar))
    plant = _PLANTS.get(rule_id)
    if plant is not None:
        return _finish(plant(draw, draft))
    return _ROW_PLANTS[rule_id](draw, calendar, _finish(draft))


def violating_bundles(
    rule_id: str, *, as_of: dt.date = DEFAULT_AS_OF, policy: Policy | None = None
) -> st.SearchStrategy[Bundle]:
    """Bundles that break rule ``rule_id`` on ``as_of`` under ``policy``: a clean bundle
    (see :func:`clean_bundles`) with one plant that the rule must report.

    Raises ``InvalidArgument`` for a rule without such a strategy (see
    :data:`RULES_WITH_STRATEGIES`) and for a rule that cannot fire on ``as_of``: a
    parameter it reads is not yet in force, or the policy switch it enforces
    (``transfer.blocked_while_suspended`` for TR-004,
    ``transfer.blocked_in_graduating_final_term`` for TR-005) is off.
    """
    key = str(rule_id).strip()
    if key not in RULES_WITH_STRATEGIES:
        raise InvalidArgument(
            f"no violating strategy for rule {rule_id!r}; there is one for "
            + ", ".join(sorted(RULES_WITH_STRATEGIES))
        )
    calendar = SchoolCalendar.of(as_of, policy)
    rules = load_rules()
    if key in rules:
        missing = rules[key].missing_parameters(calendar.policy)
        if missing:
            raise InvalidArgument(
                f"{key} does not run on {as_of}: {', '.join(missing)} not in force"
            )
    for rule, flag in _NEEDS_FLAG.items():
        if key == rule and not calendar.policy.value(flag, bool):
            raise InvalidArgument(f"{key} cannot fire on {as_of}: {flag} is false")
    return _violating_bundles(calendar, key)
