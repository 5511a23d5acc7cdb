"""Where a student stood at the end of a school year: on which record, in which grade,
with which status, and how many years it had been on the roll (在籍年限).

The registry keeps one record per student with its current grade and status; the
standing at the end of an earlier year is read back from it. A record that left school
(dropped out, withdrawn, transferred out, deceased, cancelled) or finished (graduated,
completed) after the end of the year was active at its end; the grade a record gives is
the grade of the school year of its status date (of the audit date for an open record),
and the grade at the end of an earlier year is that grade less the school years between.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from dropout_control.calendar import age_on
from dropout_control.calendar.school_year import SchoolYear
from dropout_control.completion.model import Stage
from dropout_control.policy import Policy, SchoolStructure
from dropout_control.policy.keys import COMPULSORY_STRUCTURE
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.suspensions.model import Suspension

__all__ = ["YearEndStanding", "final_grade", "stage_ended", "standing_at_year_end", "years_on_roll"]

_ONE_DAY = dt.timedelta(days=1)
_LEFT = frozenset(
    {
        RecordStatus.DROPPED_OUT,
        RecordStatus.WITHDRAWN,
        RecordStatus.TRANSFERRED_OUT,
        RecordStatus.DECEASED,
        RecordStatus.CANCELLED,
        RecordStatus.SUSPENDED,
    }
)


def final_grade(stage: Stage, *, policy: Policy) -> int:
    """The final grade of ``stage`` under ``compulsory.structure``: 6 and 9 under 6+3,
    5 and 9 under 5+4.

    >>> from dropout_control.policy import resolve_policy
    >>> final_grade(Stage.PRIMARY, policy=resolve_policy(on=dt.date(2019, 3, 20)))
    6
    """
    structure = policy.value(COMPULSORY_STRUCTURE, SchoolStructure)
    if stage is Stage.PRIMARY:
        return structure.primary_years
    return structure.final_grade


def stage_ended(grade: int, *, policy: Policy) -> Stage | None:
    """The stage whose final grade ``grade`` is, if any."""
    ended = policy.value(COMPULSORY_STRUCTURE, SchoolStructure).stage_ended_by(grade)
    return None if ended is None else Stage.parse(ended)


@attrs.frozen
class YearEndStanding:
    """A record's standing at the end of a school year: its status then (active when it
    left or finished after the end), the date that status took effect (when known) and
    its grade in that year."""

    record: StudentRecord
    school_year: SchoolYear
    status: RecordStatus
    since: dt.date | None
    grade: int

    @property
    def is_active(self) -> bool:
        """Whether the record was active at the end of the year (a record that finished
        during the year ends it active)."""
        return self.status is RecordStatus.ACTIVE


def _reference_year(record: StudentRecord, *, as_of: dt.date, policy: Policy) -> SchoolYear:
    """The school year whose grade the record holds: that of its status date (of
    ``as_of`` for an active record or one without a status date). A record that
    finished in the autumn term finished the year before: graduation closes a year."""
    since = record.status_since
    if record.status is RecordStatus.ACTIVE or since is None:
        return SchoolYear.containing(as_of, policy=policy)
    year = SchoolYear.containing(since, policy=policy)
    if record.status.has_finished and since < year.spring_term_start:
        return SchoolYear.starting(year.start_year - 1, policy=policy)
    return year


def standing_at_year_end(
    record: StudentRecord, school_year: SchoolYear, *, as_of: dt.date, policy: Policy
) -> YearEndStanding:
    """The standing of ``record`` (as the registry holds it on ``as_of``) at the end of
    ``school_year``."""
    reference = _reference_year(record, as_of=as_of, policy=policy)
    grade = record.grade - (reference.start_year - school_year.start_year)
    since = record.status_since
    status = record.status
    if status.has_finished:
        # Finished in this year or later: active at its end; finished before it: not.
        if since is None or since >= school_year.start:
            status = RecordStatus.ACTIVE
    elif status in _LEFT and since is not None and since > school_year.end:
        status = RecordStatus.ACTIVE
    return YearEndStanding(record, school_year, status, since, grade)


def _suspended_days(suspensions: Iterable[Suspension], first: dt.date, last: dt.date) -> int:
    days = 0
    for suspension in suspensions:
        end = suspension.end
        if suspension.returned_on is not None:
            end = min(end, suspension.returned_on - _ONE_DAY)
        start, stop = max(first, suspension.start), min(last, end)
        if start <= stop:
            days += (stop - start).days + 1
    return days


def years_on_roll(
    standing: YearEndStanding,
    entry_date: dt.date,
    suspensions: Iterable[Suspension],
    *,
    policy: Policy,
) -> int:
    """Whole years on the roll from the start of the school year of ``entry_date`` to
    the end of the standing's school year, with the days of approved suspensions taken
    out (they push the start later).

    A record that entered at the start of junior secondary (its grade in the year of
    entry the first junior-secondary grade) counts the primary years as on the roll:
    entry to junior secondary presumes the primary stage finished. Limitation: earlier
    records under other numbers are not followed.
    """
    structure = policy.value(COMPULSORY_STRUCTURE, SchoolStructure)
    year = standing.school_year
    entered = SchoolYear.containing(entry_date, policy=policy)
    suspended = _suspended_days(suspensions, entered.start, year.end)
    start = entered.start + dt.timedelta(days=suspended)
    end = year.end + _ONE_DAY
    years = age_on(start, end) if start <= end else 0
    grade_at_entry = standing.grade - (year.start_year - entered.start_year)
    if grade_at_entry == structure.junior_grades.start:
        years += structure.primary_years
    return years
