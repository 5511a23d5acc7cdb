"""The draft of a bundle (its records before they are numbered and counted at their
schools), the strategy of clean drafts, and the helpers and values the plants of
:mod:`dropout_control.strategies.bundles` share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from dropout_control.age_corrections import AgeCorrection, CorrectionEvidence
from dropout_control.bundle import Bundle
from dropout_control.calendar import date_of_age, latest_birth_date
from dropout_control.completion import Certificate
from dropout_control.home_teaching import HomeTeachingVisit
from dropout_control.identity import ResidentId, StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.kinds import KINDS
from dropout_control.ledger import Absence, Attempt, Case
from dropout_control.population import Child, Deferral, EmploymentReport
from dropout_control.population.keys import EMPLOYMENT_MIN_AGE
from dropout_control.registry import CancelReason, RecordStatus, StudentRecord
from dropout_control.strategies._headcounts import headcounts_of
from dropout_control.strategies._movements import (
    can_suspend,
    can_transfer,
    draw_suspension,
    draw_transfer,
    in_graduating_final_term,
)
from dropout_control.strategies._population import draw_child, draw_deferral, draw_employment
from dropout_control.strategies._record_basics import (
    MAYBE_DISABILITY,
    SchoolCalendar,
    draw_resident_id,
    school_ids,
    source,
)
from dropout_control.strategies._students import (
    Placement,
    draw_placement,
    draw_student,
    is_g_number_of,
)
from dropout_control.suspensions import Suspension
from dropout_control.transfers import Transfer

_T = TypeVar("_T")
ONE_DAY = dt.timedelta(days=1)
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
BAD_GROUNDS = ("poverty", "work", "religion", "distance", "early_marriage", "family")
BAD_APPROVERS = ("school", "village_committee", "parents", "county_public_security_bureau")


# The draft: the records of a bundle before their lines and headcounts ---------------


@attrs.frozen
class Draft:
    """A bundle's records before they are numbered and counted at their schools."""

    calendar: SchoolCalendar
    schools: tuple[str, ...]
    students: tuple[StudentRecord, ...] = ()
    population: tuple[Child, ...] = ()
    deferrals: tuple[Deferral, ...] = ()
    employment: tuple[EmploymentReport, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    suspensions: tuple[Suspension, ...] = ()
    age_corrections: tuple[AgeCorrection, ...] = ()
    evidence: tuple[CorrectionEvidence, ...] = ()
    home_teaching: tuple[HomeTeachingVisit, ...] = ()
    certificates: tuple[Certificate, ...] = ()
    cases: tuple[Case, ...] = ()
    attempts: tuple[Attempt, ...] = ()
    absences: tuple[Absence, ...] = ()

    def keys_in_use(self) -> set[str]:
        """Every resident ID number and student number held, as written."""
        used = {child.key for child in self.population}
        used.update(deferral.key for deferral in self.deferrals)
        used.update(report.key for report in self.employment)
        for record in self.students:
            used.add(record.key)
            if record.resident_id is not None:
                used.add(record.resident_id.reveal())
        for correction in self.age_corrections:
            used.update((correction.old_key, correction.new_key))
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
    ) -> Draft:
        """The draft with ``record`` holding ``number``, its transfers, suspensions and
        home-teaching visits too."""
        old = record.key
        return attrs.evolve(
            self,
            students=replaced(self.students, record, attrs.evolve(record, student_number=number)),
            home_teaching=tuple(
                attrs.evolve(v, student_number=number) if v.student_key == old else v
                for v in self.home_teaching
            ),
            transfers=tuple(
                attrs.evolve(t, student_number=number) if t.student_key == old else t
                for t in self.transfers
            ),
            suspensions=tuple(
                attrs.evolve(s, student_number=number) if s.student_key == old else s
                for s in self.suspensions
            ),
            certificates=tuple(
                attrs.evolve(c, student_number=number) if c.student_key == old else c
                for c in self.certificates
            ),
        )

    def with_person(
        self,
        key: str,
        number: ResidentId | MalformedNumber,
        *,
        birth_date: dt.date | None = None,
    ) -> Draft:
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
            home_teaching=tuple(
                attrs.evolve(v, student_number=renumbered[v.student_key])
                if v.student_key in renumbered
                else v
                for v in self.home_teaching
            ),
            certificates=tuple(
                attrs.evolve(c, student_number=renumbered[c.student_key])
                if c.student_key in renumbered
                else c
                for c in self.certificates
            ),
            deferrals=tuple(
                attrs.evolve(d, resident_id=number) if d.key == key else d for d in self.deferrals
            ),
            employment=tuple(
                attrs.evolve(e, resident_id=number) if e.key == key else e for e in self.employment
            ),
        )


def replaced(items: tuple[_T, ...], old: _T, new: _T) -> tuple[_T, ...]:
    return tuple(new if item is old else item for item in items)


def coin(draw: st.DrawFn) -> bool:
    return draw(st.booleans())


def pick(draw: st.DrawFn, items: Sequence[_T]) -> _T:
    return draw(st.sampled_from(list(items)))


def between(draw: st.DrawFn, first: dt.date, last: dt.date) -> dt.date:
    return draw(st.dates(min_value=first, max_value=max(first, last)))


def numbered(kind: str, records: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(
        attrs.evolve(record, source=source(kind, line))  # type: ignore[misc]
        for line, record in enumerate(records, start=2)
    )


def finish(draft: Draft) -> Bundle:
    """The bundle of ``draft``: records numbered from line 2 of their kind's file, and the
    headcounts of its students; every kind given."""
    students = numbered("students", draft.students)
    entries, totals = headcounts_of(draft.calendar, students)
    return Bundle(
        students=students,
        population=numbered("population", draft.population),
        deferrals=numbered("deferrals", draft.deferrals),
        headcounts=numbered("headcounts", entries),
        headcount_totals=numbered("headcount_totals", totals),
        employment=numbered("employment", draft.employment),
        transfers=numbered("transfers", draft.transfers),
        suspensions=numbered("suspensions", draft.suspensions),
        age_corrections=numbered("age_corrections", draft.age_corrections),
        evidence=numbered("evidence", draft.evidence),
        home_teaching=numbered("home_teaching", draft.home_teaching),
        certificates=numbered("certificates", draft.certificates),
        cases=numbered("cases", draft.cases),
        attempts=numbered("attempts", draft.attempts),
        absences=numbered("absences", draft.absences),
        kinds=KINDS.names(),
    )


# Clean drafts -----------------------------------------------------------------------


def in_window(calendar: SchoolCalendar, birth_date: dt.date) -> bool:
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
        if in_window(calendar, number.birth_date) and status in _OPEN
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


def lawful_days(calendar: SchoolCalendar, grade: int) -> tuple[dt.date, dt.date]:
    """Days of the current school year up to the audit date on which a student of
    ``grade`` may apply for a transfer or start a suspension: before the final term when
    the grade ends a stage."""
    last = calendar.as_of
    if in_graduating_final_term(calendar, grade, calendar.current.spring_term_start):
        last = min(last, calendar.current.spring_term_start - ONE_DAY)
    return calendar.current.start, last


def _suspended(
    draw: st.DrawFn, calendar: SchoolCalendar, record: StudentRecord, suspension_id: str
) -> tuple[StudentRecord, list[Suspension]]:
    """A suspended record, suspended on a lawful day, and its suspension running on the
    audit date (none when the policy has no suspension rules)."""
    first, last = lawful_days(calendar, record.grade)
    since = record.status_since
    if since is None or not first <= since <= last:
        record = attrs.evolve(record, status_since=between(draw, first, last))
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


def transfer_of(
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
        applied=applied or lawful_days(calendar, record.grade),
        complete=complete,
    )


@st.composite
def clean_drafts(draw: st.DrawFn, calendar: SchoolCalendar) -> Draft:
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
        status = RecordStatus.ACTIVE if index == 0 else pick(draw, _FATES)
        placement = draw_placement(draw, calendar, status, grades)
        record, child = _enrol(
            draw,
            calendar,
            status=status,
            placement=placement,
            school_id=pick(draw, schools),
            used=used,
        )
        if record.status is RecordStatus.SUSPENDED:
            record, suspension = _suspended(draw, calendar, record, f"XX{len(suspended) + 1:04}")
            suspended.extend(suspension)
        elif record.status is RecordStatus.ACTIVE and can_transfer(calendar) and coin(draw):
            moved.append(
                transfer_of(draw, calendar, record, f"ZX{len(moved) + 1:04}", complete=coin(draw))
            )
        students.append(record)
        roster.append(child)
        late_entrant = placement.grade == 1 and placement.cohort < calendar.current.start_year
        if late_entrant and calendar.can_defer() and coin(draw):
            number = child.valid_resident_id
            assert number is not None
            deferred.append(draw_deferral(draw, calendar, number, placement.cohort, running=False))
    earliest, latest = calendar.window
    for _ in range(draw(st.integers(0, 3))):  # younger than school age
        number = draw_resident_id(draw, born=(latest + ONE_DAY, calendar.as_of), used=used)
        roster.append(draw_child(draw, calendar, number))
    if calendar.can_defer():
        entering = calendar.current.start_year
        for _ in range(draw(st.integers(0, 2))):  # deferred on health grounds
            number = draw_resident_id(draw, born=calendar.cohort(entering), used=used)
            roster.append(draw_child(draw, calendar, number))
            deferred.append(draw_deferral(draw, calendar, number, entering, running=True))
    min_age = (
        calendar.policy.value(EMPLOYMENT_MIN_AGE, int)
        if calendar.policy.is_in_force(EMPLOYMENT_MIN_AGE)
        else None
    )
    oldest = earliest.replace(day=1, year=earliest.year - _YEARS_OF_YOUTHS)
    for _ in range(draw(st.integers(0, 3))):  # youths past school age
        number = draw_resident_id(draw, born=(oldest, earliest - ONE_DAY), used=used)
        roster.append(draw_child(draw, calendar, number))
        birth = number.birth_date
        if min_age is not None and coin(draw):
            of_age = date_of_age(birth, min_age)
            if of_age <= calendar.as_of:
                employment.append(draw_employment(draw, number, reported=(of_age, calendar.as_of)))
    if min_age is not None and coin(draw):  # a young worker from elsewhere
        born = (
            latest_birth_date(min_age + 2, calendar.as_of) + ONE_DAY,
            latest_birth_date(min_age, calendar.as_of),
        )
        number = draw_resident_id(draw, born=born, used=used)
        of_age = date_of_age(number.birth_date, min_age)
        employment.append(draw_employment(draw, number, reported=(of_age, calendar.as_of)))
    return Draft(
        calendar=calendar,
        schools=schools,
        students=tuple(students),
        population=tuple(roster),
        deferrals=tuple(deferred),
        employment=tuple(employment),
        transfers=tuple(moved),
        suspensions=tuple(suspended),
    )


# Helpers the plants share -----------------------------------------------------------


def students_where(draft: Draft, keep: Callable[[StudentRecord], bool]) -> list[StudentRecord]:
    return [record for record in draft.students if keep(record)]


def add_student(
    draw: st.DrawFn,
    draft: Draft,
    placement: Placement,
    *,
    status: RecordStatus = RecordStatus.ACTIVE,
) -> tuple[Draft, StudentRecord]:
    record, child = _enrol(
        draw,
        draft.calendar,
        status=status,
        placement=placement,
        school_id=pick(draw, draft.schools),
        used=draft.keys_in_use(),
    )
    grown = attrs.evolve(
        draft,
        students=(*draft.students, record),
        population=(*draft.population, child),
    )
    return grown, record
