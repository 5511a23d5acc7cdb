"""The plants of the identity, age, registration and input rules (ID-*, AGE-*, REG-*,
INPUT-*) of :func:`dropout_control.strategies.violating_bundles`: one function per
rule, planting a violation into a clean draft (or, for INPUT-*, a finished bundle)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from dropout_control.bundle import Bundle
from dropout_control.calendar import (
    SchoolYear,
    age_at_cutoff,
    date_of_age,
    entry_year,
    is_school_age,
    latest_birth_date,
)
from dropout_control.codes import UNKNOWN
from dropout_control.errors import InvalidResidentId, InvalidStudentNumber
from dropout_control.findings import SourceLocation
from dropout_control.identity import ResidentId, StudentNumber, mask_number
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.intake import Duplicate, Rejection, UnreadCell
from dropout_control.io.converter import MISSING
from dropout_control.io.values import BOOLEAN_FORM, NO_SUCH_DATE, REGION_FORM
from dropout_control.policy.keys import ENROLMENT_DEFERRAL_GROUNDS, ENROLMENT_OVER_AGE_YEARS
from dropout_control.population.keys import EMPLOYMENT_MIN_AGE
from dropout_control.reasons import GRADE_RANGE
from dropout_control.reconciliation.kinds import HEADCOUNT_TOTALS
from dropout_control.registry import CancelReason, RecordStatus, StudentRecord
from dropout_control.registry.keys import REGISTRATION_DEATH_CANCEL_WITHIN_WORKING_DAYS
from dropout_control.registry.kinds import STUDENTS
from dropout_control.strategies._drafts import (
    BAD_APPROVERS,
    BAD_GROUNDS,
    ONE_DAY,
    Draft,
    add_student,
    between,
    coin,
    in_window,
    pick,
    replaced,
    students_where,
)
from dropout_control.strategies._population import draw_child, draw_deferral, draw_employment
from dropout_control.strategies._record_basics import (
    MAYBE_DISABILITY,
    SchoolCalendar,
    draw_l_number,
    draw_resident_id,
    school_ids,
    source,
)
from dropout_control.strategies._students import Placement, is_g_number_of, other_sex
from dropout_control.strategies.identity import invalid_resident_ids
from dropout_control.suspensions.keys import SUSPENSION_APPROVERS

_DEPARTED = (RecordStatus.DECEASED, RecordStatus.CANCELLED)
# Region codes that GB/T 2260 never held (ID-007).
UNKNOWN_REGIONS = ("999999", "990000", "129999", "622999", "659999")
_DEATH_CLOSURES: tuple[dict[str, Any], ...] = (
    {"status": RecordStatus.DECEASED, "cancel_reason": None},
    {"status": RecordStatus.CANCELLED, "cancel_reason": CancelReason.DEATH},
)
_REJECTED_CELLS = (
    ("students", "birth_date", NO_SUCH_DATE.given(got="2010-02-30")),
    ("students", "grade", GRADE_RANGE.given(got="12")),
    ("students", "name", MISSING.given()),
    ("population", "household_region", REGION_FORM.given(got="6229")),
    ("deferrals", "approved_on", MISSING.given()),
    ("headcounts", "present", BOOLEAN_FORM.given(got="?")),
    ("employment", "reported_on", NO_SUCH_DATE.given(got="2019-13-01")),
)


def _malformed_resident_id(text: str) -> MalformedNumber:
    try:
        ResidentId.parse(text)
    except InvalidResidentId as error:
        return MalformedNumber(text, error.stated)
    raise AssertionError(f"{mask_number(text)} was meant to be invalid")


def _malformed_student_number(draw: st.DrawFn, number: str) -> MalformedNumber:
    defect = pick(draw, ["letter", "short", "inside"])
    if defect == "letter":
        text = pick(draw, "KQZ") + number[1:]
    elif defect == "short":
        text = number[:-1]
    else:
        position = draw(st.integers(1, 17))
        text = number[:position] + "A" + number[position + 1 :]
    try:
        StudentNumber.parse(text)
    except InvalidStudentNumber as error:
        return MalformedNumber(text, error.stated)
    raise AssertionError(f"{mask_number(text)} was meant to be malformed")


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


def _born_again(draft: Draft, record: StudentRecord, birth_date: dt.date) -> Draft:
    """The student of ``record`` born on ``birth_date``: ID number, G number and roster
    entry follow (a registration that was right all along, for another child)."""
    number = record.valid_resident_id
    assert number is not None
    used = draft.keys_in_use()
    new = _free(number.with_birth_date(birth_date), used)
    return draft.with_person(number.reveal(), new, birth_date=birth_date)


def plant_id_001(draw: st.DrawFn, draft: Draft) -> Draft:
    key = pick(draw, draft.person_keys())
    text = draw(invalid_resident_ids(regions=[key[:6]]))
    return draft.with_person(key, _malformed_resident_id(text))


def plant_id_002(draw: st.DrawFn, draft: Draft) -> Draft:
    record = pick(draw, draft.students)
    calendar = draft.calendar
    first, last = calendar.cohort(entry_year(record.birth_date, policy=calendar.policy))
    moved = draw(
        st.dates(min_value=first, max_value=last).filter(lambda day: day != record.birth_date)
    )
    new = attrs.evolve(record, birth_date=moved)
    return attrs.evolve(draft, students=replaced(draft.students, record, new))


def plant_id_003(draw: st.DrawFn, draft: Draft) -> Draft:
    record = pick(draw, draft.students)
    new = attrs.evolve(record, sex=other_sex(record.sex))
    return attrs.evolve(draft, students=replaced(draft.students, record, new))


def plant_id_004(draw: st.DrawFn, draft: Draft) -> Draft:
    record = pick(draw, draft.students)
    return draft.with_student_number(record, _malformed_student_number(draw, record.key))


def plant_id_005(draw: st.DrawFn, draft: Draft) -> Draft:
    record = pick(
        draw, students_where(draft, lambda r: is_g_number_of(r.student_number, r.resident_id))
    )
    number = record.valid_resident_id
    assert number is not None
    if draw(st.booleans()):
        other = ResidentId.from_parts(
            number.region_code, number.birth_date, (int(number.sequence) + 1) % 1000
        )
    else:
        shift = draw(st.integers(1, 400)) * pick(draw, [1, -1])
        other = number.with_birth_date(number.birth_date + dt.timedelta(days=shift))
    other = _free(other, draft.keys_in_use())
    return draft.with_student_number(record, StudentNumber.from_resident_id(other))


def _other_school(draw: st.DrawFn, draft: Draft, school_id: str) -> str:
    others = [school for school in draft.schools if school != school_id]
    if others:
        return pick(draw, others)
    return draw(school_ids().filter(lambda school: school not in draft.schools))


def plant_id_006(draw: st.DrawFn, draft: Draft) -> Draft:
    record = pick(draw, students_where(draft, lambda r: r.status is RecordStatus.ACTIVE))
    second = attrs.evolve(
        record,
        student_number=draw_l_number(draw, draft.keys_in_use()),
        school_id=_other_school(draw, draft, record.school_id),
    )
    return attrs.evolve(draft, students=(*draft.students, second))


def plant_id_007(draw: st.DrawFn, draft: Draft) -> Draft:
    key = pick(draw, draft.person_keys())
    number = ResidentId(key)
    moved = ResidentId.from_parts(pick(draw, UNKNOWN_REGIONS), number.birth_date, number.sequence)
    return draft.with_person(key, _free(moved, draft.keys_in_use()))


def plant_age_001(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    primary = calendar.structure.primary_grades
    candidates = students_where(
        draft,
        lambda r: r.is_open and r.grade in primary and not draft.deferrals_of(_person(r)),
    )
    if not candidates or coin(draw):
        draft, record = add_student(
            draw, draft, Placement(1, calendar.current.start_year, calendar.current.start_year + 1)
        )
        return draft
    record = pick(draw, candidates)
    entered = SchoolYear.containing(record.entry_date, policy=calendar.policy).start_year
    first, last = calendar.cohort(entered + 1)
    return _born_again(draft, record, between(draw, first, last))


def plant_age_002(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar

    def unexcused(record: StudentRecord) -> bool:
        return record.is_open and not any(
            d.covers(calendar.as_of) for d in draft.deferrals_of(_person(record))
        )

    candidates = students_where(draft, lambda r: unexcused(r) and in_window(calendar, r.birth_date))
    if candidates and coin(draw):
        record = pick(draw, candidates)
        dropped = attrs.evolve(
            record,
            status=RecordStatus.DROPPED_OUT,
            status_since=between(draw, calendar.current.start, calendar.as_of),
        )
        return attrs.evolve(draft, students=replaced(draft.students, record, dropped))
    number = draw_resident_id(draw, born=calendar.window, used=draft.keys_in_use())
    disability = draw(MAYBE_DISABILITY)
    child = draw_child(draw, calendar, number, disability=disability)
    return attrs.evolve(draft, population=(*draft.population, child))


def plant_age_003(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    policy = calendar.policy
    defect = pick(draw, ["grounds", "approver", "late"])
    running = [d for d in draft.deferrals if d.covers(calendar.as_of)]
    if defect == "late" and running and coin(draw):
        deferral = pick(draw, running)
        birth = ResidentId(deferral.key).birth_date
        latest = calendar.deferral_latest(entry_year(birth, policy=policy))
        late = attrs.evolve(deferral, until=latest + dt.timedelta(days=draw(st.integers(1, 365))))
        return attrs.evolve(draft, deferrals=replaced(draft.deferrals, deferral, late))
    record = pick(
        draw,
        students_where(draft, lambda r: r.is_open and in_window(calendar, r.birth_date)),
    )
    number = record.valid_resident_id
    assert number is not None
    cohort = entry_year(number.birth_date, policy=policy)
    deferral = draw_deferral(draw, calendar, number, cohort, running=False)
    if defect == "grounds":
        allowed = policy.value(ENROLMENT_DEFERRAL_GROUNDS, tuple)
        grounds = [g for g in BAD_GROUNDS if g not in allowed] or ["unknown_grounds"]
        deferral = attrs.evolve(deferral, grounds=pick(draw, grounds))
    elif defect == "approver":
        allowed = policy.value(SUSPENSION_APPROVERS, tuple)
        approvers = [a for a in BAD_APPROVERS if a not in allowed] or ["unknown_body"]
        deferral = attrs.evolve(deferral, approved_by=pick(draw, approvers))
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


def plant_age_004(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    threshold = calendar.policy.value(ENROLMENT_OVER_AGE_YEARS, int)
    candidates = students_where(draft, lambda r: r.is_open and not draft.deferrals_of(_person(r)))
    if not candidates or coin(draw):
        placement = Placement(
            1, calendar.current.start_year, calendar.cohort_of_grade(1 + threshold)
        )
        draft, _ = add_student(draw, draft, placement)
        return draft
    record = pick(draw, candidates)
    years = max(threshold - _years_over(calendar, record.birth_date, record.grade), 1)
    birth = _years_earlier(record.birth_date, years)
    while _years_over(calendar, birth, record.grade) < threshold:
        years += 1
        birth = _years_earlier(record.birth_date, years)
    return _born_again(draft, record, birth)


def plant_age_005(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    as_of = calendar.as_of
    min_age = calendar.policy.value(EMPLOYMENT_MIN_AGE, int)
    young = [
        child
        for child in draft.population
        if child.valid_resident_id is not None
        and not child.has_left_on(as_of)
        and child.birth_date < as_of
        and date_of_age(child.birth_date, min_age) > as_of
    ]
    if young and coin(draw):
        child = pick(draw, young)
        number = child.valid_resident_id
        assert number is not None
        first = max(child.birth_date, as_of - dt.timedelta(days=180))
    else:
        born = (
            latest_birth_date(min_age, as_of) + ONE_DAY,
            latest_birth_date(max(min_age - 4, 1), as_of),
        )
        number = draw_resident_id(draw, born=born, used=draft.keys_in_use())
        first = max(number.birth_date, as_of - dt.timedelta(days=30))
    report = draw_employment(draw, number, reported=(first, as_of))
    return attrs.evolve(draft, employment=(*draft.employment, report))


def plant_reg_001(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    limit = calendar.create_within_days
    late_by_now = students_where(
        draft, lambda r: r.entry_date + dt.timedelta(days=limit + 1) <= calendar.as_of
    )
    record = pick(draw, late_by_now or draft.students)
    room = max((calendar.as_of - record.entry_date).days - limit, 1)
    created = record.entry_date + dt.timedelta(days=limit + draw(st.integers(1, room)))
    new = attrs.evolve(record, record_created_on=created)
    return attrs.evolve(draft, students=replaced(draft.students, record, new))


def _unlawful_end(draw: st.DrawFn) -> dict[str, Any]:
    if draw(st.booleans()):
        return {"status": RecordStatus.WITHDRAWN, "cancel_reason": None}
    reason = pick(draw, [CancelReason.OTHER, None])
    return {"status": RecordStatus.CANCELLED, "cancel_reason": reason}


def plant_reg_002(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    # A record of a child still of school age that ends unlawfully also leaves the child
    # out of school (AGE-002): only the ended records of older children are changed.
    ended = students_where(
        draft,
        lambda r: (
            (r.status.has_finished or r.status in _DEPARTED)
            and not is_school_age(r.birth_date, calendar.as_of, policy=calendar.policy)
        ),
    )
    if ended and coin(draw):
        record = pick(draw, ended)
        new = attrs.evolve(record, **_unlawful_end(draw))
        return attrs.evolve(draft, students=replaced(draft.students, record, new))
    record = pick(draw, students_where(draft, lambda r: r.is_open))
    earlier = attrs.evolve(
        record,
        student_number=draw_l_number(draw, draft.keys_in_use()),
        school_id=_other_school(draw, draft, record.school_id),
        status_since=between(draw, record.entry_date, calendar.current.start - ONE_DAY),
        **_unlawful_end(draw),
    )
    return attrs.evolve(draft, students=(*draft.students, earlier))


def plant_reg_003(draw: st.DrawFn, draft: Draft) -> Draft:
    calendar = draft.calendar
    as_of = calendar.as_of
    limit = calendar.policy.value(REGISTRATION_DEATH_CANCEL_WITHIN_WORKING_DAYS, int)
    record = pick(draw, students_where(draft, lambda r: r.is_open))
    child = draft.child_of(_person(record))
    assert child is not None
    latest_death = as_of - ONE_DAY
    while calendar.add_working_days(latest_death, limit) >= as_of:
        latest_death -= ONE_DAY
    first = min(max(record.entry_date, as_of - dt.timedelta(days=365)), latest_death)
    died = between(draw, max(first, child.birth_date), latest_death)
    deadline = calendar.add_working_days(died, limit)
    dead = attrs.evolve(child, deceased_on=died)
    new = record
    if draw(st.booleans()):  # closed, but too late
        closed_on = deadline + dt.timedelta(days=draw(st.integers(1, (as_of - deadline).days)))
        new = attrs.evolve(
            record,
            status_since=closed_on,
            **pick(draw, _DEATH_CLOSURES),
        )
    return attrs.evolve(
        draft,
        students=replaced(draft.students, record, new),
        population=replaced(draft.population, child, dead),
    )


def _next_line(records: Sequence[Any]) -> int:
    lines = [getattr(record, "source", None) for record in records]
    return max((where.line for where in lines if isinstance(where, SourceLocation)), default=1) + 1


def plant_input_001(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    kind, field, reason = pick(draw, _REJECTED_CELLS)
    where = source(kind, _next_line(bundle.records(kind)))
    return bundle.evolve(rejections=(*bundle.rejections, Rejection(where, kind, field, reason)))


def _unknown(field: str) -> Callable[[StudentRecord], StudentRecord]:
    def forget(record: StudentRecord) -> StudentRecord:
        return attrs.evolve(record, **{field: None})  # type: ignore[arg-type]

    return forget


_UNREAD_CELLS = (
    ("left_behind", UNKNOWN.given(expected="0, 1, 2", got="留***")),
    ("expert_assessed_on", NO_SUCH_DATE.given(got="2018-13-45")),
    ("migrant", BOOLEAN_FORM.given(got="不**")),
)


def plant_input_003(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    field, reason = pick(draw, _UNREAD_CELLS)
    students: tuple[StudentRecord, ...] = tuple(bundle.records(STUDENTS))
    record = pick(draw, students)
    assert record.source is not None
    cell = UnreadCell(record.source, "students", field, reason)
    return bundle.evolve(
        unread_cells=(*bundle.unread_cells, cell),
        students=replaced(students, record, _unknown(field)(record)),
    )


def plant_input_002(draw: st.DrawFn, calendar: SchoolCalendar, bundle: Bundle) -> Bundle:
    if bundle.records(HEADCOUNT_TOTALS) and coin(draw):
        total = pick(draw, bundle.records(HEADCOUNT_TOTALS))
        assert total.source is not None
        repeated = Duplicate(
            source=source("headcount_totals", _next_line(bundle.records(HEADCOUNT_TOTALS))),
            kind="headcount_totals",
            key_field="month|school_id",
            key=f"{total.month}|{total.school_id}",
            first=total.source,
            personal=False,
        )
    else:
        record = pick(draw, bundle.records(STUDENTS))
        assert record.source is not None
        repeated = Duplicate(
            source=source("students", _next_line(bundle.records(STUDENTS))),
            kind="students",
            key_field="student_number",
            key=record.key,
            first=record.source,
        )
    return bundle.evolve(duplicates=(*bundle.duplicates, repeated))
