"""What every record strategy draws on: the audit date and policy (the school calendar
the strategies place children by), the files and lines records are read from, names,
school identification codes, region codes, resident ID numbers and L student numbers."""

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
    WorkingCalendar,
    add_school_days,
    add_working_days,
    latest_birth_date,
    school_age_window,
)
from dropout_control.errors import WorkingDaysNotCovered
from dropout_control.findings import SourceLocation
from dropout_control.identity import LINXIA_COUNTIES, ResidentId, StudentNumber
from dropout_control.policy import NATIONAL, Policy, SchoolStructure, resolve_policy
from dropout_control.policy.keys import (
    CALENDAR_WORKING_DAY_ARRANGEMENTS,
    COMPULSORY_STRUCTURE,
    DISABILITY_AGE_EXTENSION_YEARS,
    ENROLMENT_AGE,
    ENROLMENT_CUTOFF,
    ENROLMENT_DEFERRAL_GROUNDS,
    ENROLMENT_DEFERRED_AGE,
    ENROLMENT_OVER_AGE_YEARS,
    SCHOOL_AGE_UPPER,
    SCHOOL_YEAR_SPRING_TERM_START,
    SCHOOL_YEAR_START,
)
from dropout_control.registry.keys import REGISTRATION_CREATE_WITHIN_DAYS
from dropout_control.strategies.identity import resident_ids
from dropout_control.suspensions.keys import SUSPENSION_APPROVERS

DEFAULT_AS_OF = dt.date(2019, 3, 20)
"""The default audit date of the strategies: the day of the Linxia notice."""

# What a policy must hold for the strategies to place a child in a grade.
_NEEDED = (
    ENROLMENT_AGE,
    ENROLMENT_CUTOFF,
    SCHOOL_AGE_UPPER,
    SCHOOL_YEAR_START,
    SCHOOL_YEAR_SPRING_TERM_START,
    COMPULSORY_STRUCTURE,
)
# Fallbacks where a parameter only shapes a record and is not yet in force (the rule
# that reads it is then not run): the values the package first gives them.
_CREATE_WITHIN_DAYS = 30
UNPLACED_AFTER_DAYS = 30
MAX_SUSPENSION_DAYS = 365
DAYS_TO_APPROVE_SUSPENSION = 30
_FIRST_LINE = 2
_LAST_LINE = 100_000
SURNAMES = "马王张李杨何韩冶妥赵陈刘"
GIVEN_NAMES = "小明花文军英兰海福成娟强梅秀忠德"
DISABILITIES = ("视力残疾", "听力残疾", "言语残疾", "肢体残疾", "智力残疾", "多重残疾")


# Strategies drawn for every record, built once: building a strategy costs more than
# drawing from it.
NAMES = st.builds(
    lambda surname, given: surname + given,
    st.sampled_from(SURNAMES),
    st.text(GIVEN_NAMES, min_size=1, max_size=2),
)
MAYBE_DISABILITY: st.SearchStrategy[str | None] = st.none() | st.sampled_from(DISABILITIES)
_SEQUENCES = st.integers(0, 999)
_LINXIA_CODES = st.sampled_from([county.code for county in LINXIA_COUNTIES])


def source(kind: str, line: int) -> SourceLocation:
    """Where a record of ``kind`` was read: ``<kind>.csv`` at ``line``."""
    return SourceLocation(f"{kind}.csv", line)


def lines() -> st.SearchStrategy[int]:
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
        age = chosen.value(ENROLMENT_AGE, int)
        window = school_age_window(as_of, policy=chosen)
        extended = chosen.is_in_force(DISABILITY_AGE_EXTENSION_YEARS)
        return cls(
            as_of=as_of,
            policy=chosen,
            current=SchoolYear.containing(as_of, policy=chosen),
            enrolment_age=age,
            cohorts=chosen.value(SCHOOL_AGE_UPPER, int) - age,
            structure=chosen.value(COMPULSORY_STRUCTURE, SchoolStructure),
            window=window,
            disabled_window=(
                school_age_window(as_of, policy=chosen, disabled=True) if extended else window
            ),
            create_within_days=value(chosen, REGISTRATION_CREATE_WITHIN_DAYS, _CREATE_WITHIN_DAYS),
            # A year older than the grade is fine while it is not over-age (AGE-004).
            years_behind=min(1, value(chosen, ENROLMENT_OVER_AGE_YEARS, 2) - 1),
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """How Hypothesis shows the calendar in a falsifying example: by its date and
        place, not the policy's every parameter."""
        printer.text(f"SchoolCalendar.of({self.as_of!r}, <policy of {self.policy.jurisdiction}>)")

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The day ``days`` working days after ``start``, counted as the rules count them
        (the policy's ``calendar.working_day_arrangements``).

        Where the calendar does not hold a year (past its last year, where the audit
        date cannot be, since the rules that count working days do not run then),
        plain weekdays stand in: the strategies place dates there, the rules never
        count them.
        """
        if self.policy.is_in_force(CALENDAR_WORKING_DAY_ARRANGEMENTS):
            working = self.policy.value(CALENDAR_WORKING_DAY_ARRANGEMENTS, WorkingCalendar)
            try:
                return add_working_days(start, days, calendar=working)
            except WorkingDaysNotCovered:
                pass
        return add_school_days(start, days)

    @property
    def final_grade(self) -> int:
        """The graduating grade of compulsory education."""
        return self.structure.final_grade

    def year_start(self, start_year: int) -> dt.date:
        """The first day of the school year starting in ``start_year``."""
        return SchoolYear.starting(start_year, policy=self.policy).start

    def cutoff(self, year: int) -> dt.date:
        """The enrolment cutoff in the calendar year ``year``."""
        return self.policy.value(ENROLMENT_CUTOFF, MonthDay).in_year(year)

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
        years = self.policy.value(ENROLMENT_DEFERRED_AGE, int) - self.enrolment_age
        return self.year_start(entry_year + years)

    def can_defer(self) -> bool:
        """Whether the policy says who may defer entry and until when."""
        return all(
            self.policy.is_in_force(key)
            for key in (
                ENROLMENT_DEFERRAL_GROUNDS,
                SUSPENSION_APPROVERS,
                ENROLMENT_DEFERRED_AGE,
            )
        )


def value(policy: Policy, key: str, fallback: int) -> int:
    return policy.value(key, int) if policy.is_in_force(key) else fallback


def between(first: dt.date, last: dt.date) -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=first, max_value=max(first, last))


def names() -> st.SearchStrategy[str]:
    """Personal names of two or three characters (a surname and a given name)."""
    return NAMES


def school_codes(
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
    return school_codes(None)


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
    number = ResidentId.from_parts(draw(regions), draw(between(*born)), draw(_SEQUENCES))
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
