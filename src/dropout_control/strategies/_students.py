"""Strategies of students' registration records (学籍): placing a student in a grade,
drawing its record, and :func:`student_records`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dropout_control.calendar import SchoolYear
from dropout_control.identity import ResidentId, Sex, StudentNumber, StudentNumberKind
from dropout_control.policy import Policy
from dropout_control.registry import (
    CancelReason,
    LeftBehind,
    RecordStatus,
    StudentRecord,
    StudyMode,
)
from dropout_control.strategies._record_basics import (
    DEFAULT_AS_OF,
    MAYBE_DISABILITY,
    NAMES,
    UNPLACED_AFTER_DAYS,
    Regions,
    SchoolCalendar,
    between,
    draw_resident_id,
    lines,
    region_codes,
    school_codes,
    source,
    value,
)
from dropout_control.transfers.keys import TRANSFER_UNPLACED_AFTER_DAYS

# Every record status but withdrawn (退学), which compulsory education does not allow.
_LAWFUL_STATUSES = tuple(status for status in RecordStatus if status is not RecordStatus.WITHDRAWN)
_FINISHED_SUMMER_DAYS = 75
_LAWFUL_CANCELS = tuple(
    reason for reason in CancelReason if reason.is_lawful_in_compulsory_education
)
# GB/T 3304 codes of the nationalities most common in Linxia: Han, Hui, Tibetan, Tu,
# Dongxiang, Bonan, Salar.
ETHNICITIES = ("01", "03", "04", "30", "26", "47", "35")


# Strategies drawn for every record, built once: building a strategy costs more than
# drawing from it.
_MAYBE_ETHNICITY = st.none() | st.sampled_from(ETHNICITIES)
_MAYBE_CLASS = st.none() | st.integers(1, 6)
_MAYBE_STUDY_MODE = st.none() | st.sampled_from([StudyMode.DAY, StudyMode.BOARDING])
_MAYBE_BOOL = st.none() | st.booleans()
_MAYBE_LEFT_BEHIND = st.none() | st.sampled_from(LeftBehind)


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
        return draw(between(end - dt.timedelta(days=_FINISHED_SUMMER_DAYS), end))
    first = calendar.current.start
    if status is RecordStatus.TRANSFERRED_OUT:  # not yet unplaced for too long (TR-006)
        days = value(calendar.policy, TRANSFER_UNPLACED_AFTER_DAYS, UNPLACED_AFTER_DAYS)
        first = max(first, calendar.as_of - dt.timedelta(days=days))
    return draw(between(first, calendar.as_of))


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
        name=draw(NAMES),
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
    return attrs.evolve(record, source=source("students", draw(lines())))


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
    schools = school_codes(school_ids)
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
