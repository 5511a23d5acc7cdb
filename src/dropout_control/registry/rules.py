"""Rules about a student's record itself: entry age, over-age, and the record's life
(REG-001 to REG-003, AGE-001, AGE-004).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from dropout_control.bundle import Bundle
from dropout_control.calendar import (
    SchoolYear,
    WorkingCalendar,
    age_on,
    cutoff_date,
)
from dropout_control.errors import WorkingDaysNotCovered
from dropout_control.findings import Citation, Severity
from dropout_control.policy import Mark, Policy, SchoolStructure
from dropout_control.policy.keys import (
    CALENDAR_WORKING_DAY_ARRANGEMENTS,
    COMPULSORY_STRUCTURE,
    ENROLMENT_AGE,
    ENROLMENT_CUTOFF,
    ENROLMENT_OVER_AGE_YEARS,
)
from dropout_control.population.kinds import CHILDREN_BY_RESIDENT_ID
from dropout_control.population.queries import child_of
from dropout_control.reasons import Stated, reason
from dropout_control.registry.keys import (
    REGISTRATION_CREATE_WITHIN_DAYS,
    REGISTRATION_DEATH_CANCEL_WITHIN_WORKING_DAYS,
)
from dropout_control.registry.kinds import STUDENTS
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.rules import Observation, RuleContext, among_kind, rule

__all__: list[str] = []

COMPULSORY_EDUCATION_LAW_11 = Citation("义务教育法", "art 11", Mark.CONFIRMED)
REGISTRATION_RULES = Citation("中小学生学籍管理办法", "教基一〔2013〕7号", Mark.SECONDARY)
HUNAN_2019 = Citation("湖南省中小学生学籍管理办法", "2019 art 15", Mark.SECONDARY)
NO_EXPULSION = Citation("义务教育法", "art 27", Mark.CONFIRMED)


_TO_BE_CANCELLED = frozenset(
    {RecordStatus.ACTIVE, RecordStatus.SUSPENDED, RecordStatus.DROPPED_OUT}
)
_ONE_DAY = dt.timedelta(days=1)


def _current_year(context: RuleContext[Bundle]) -> SchoolYear:
    return context.memo(
        "school_year", lambda: SchoolYear.containing(context.as_of, policy=context.policy)
    )


def _entry_and_cutoff(entry_date: dt.date, policy: Policy) -> tuple[SchoolYear, dt.date]:
    """The school year of an entry date and its enrolment cutoff."""
    entered = SchoolYear.containing(entry_date, policy=policy)
    return entered, cutoff_date(entered, policy=policy)


@rule(
    "AGE-001",
    severity=Severity.WARNING,
    about="students",
    title=("未到入学年龄入学", "entered grade 1 before the enrolment age"),
    message=(
        "{entry_school_year} 学年入一年级，截至 {cutoff} 仅 {age_at_cutoff} 周岁，"
        "未满 {enrolment_age} 周岁",
        "entered grade 1 in {entry_school_year} aged {age_at_cutoff} at the cutoff {cutoff}, "
        "below the enrolment age {enrolment_age}",
    ),
    parameters=[ENROLMENT_AGE, ENROLMENT_CUTOFF, COMPULSORY_STRUCTURE],
    citations=[COMPULSORY_EDUCATION_LAW_11],
)
def entrant_of_enrolment_age(
    record: StudentRecord, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A first-grade entrant had reached the enrolment age at the cutoff (入学年龄).

    The entry month of a primary-stage record is its entry into grade 1 when the grade
    it is in now follows from it year by year; only those records are checked (a
    junior-secondary record's entry month is its entry into grade 7). Basis: 义务教育法
    art 11 [C]: a child enrols at full six years of age; the cutoff is practice [S].
    """
    policy = context.policy
    primary, enrolment_age = context.memo(
        "age_001.values",
        lambda: (
            policy.value(COMPULSORY_STRUCTURE, SchoolStructure).primary_grades,
            policy.value(ENROLMENT_AGE, int),
        ),
    )
    if record.grade not in primary:
        return
    current = _current_year(context)
    entered, cutoff = context.memo(
        ("age_001.entry", record.entry_date),
        lambda: _entry_and_cutoff(record.entry_date, policy),
    )
    if record.grade - (current.start_year - entered.start_year) != 1:
        return
    # Not yet born at the cutoff: the youngest possible entrant (-1).
    age = -1 if record.birth_date > cutoff else age_on(record.birth_date, cutoff)
    if age < enrolment_age:
        yield Observation(
            subject=record.subject,
            source=record.source,
            facts={
                "birth_date": record.birth_date,
                "entry_date": record.entry_date,
                "entry_school_year": str(entered),
                "cutoff": cutoff,
                "age_at_cutoff": max(age, 0),
                "enrolment_age": enrolment_age,
            },
        )


@rule(
    "AGE-004",
    severity=Severity.INFO,
    about="students",
    title=("超龄在读", "over-age for its grade"),
    message=(
        "{grade} 年级通常 {usual_age} 周岁，该生截至 {cutoff} 已 {age_at_cutoff} 周岁，"
        "超龄 {years_over} 岁，有辍学风险",
        "grade {grade} is usually aged {usual_age}; this student was {age_at_cutoff} at the "
        "cutoff {cutoff}, {years_over} years over (a dropout risk)",
    ),
    parameters=[ENROLMENT_AGE, ENROLMENT_CUTOFF, ENROLMENT_OVER_AGE_YEARS],
    citations=[COMPULSORY_EDUCATION_LAW_11],
)
def not_over_age(record: StudentRecord, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """An open record's student is not far older than its grade (超龄).

    The usual age of grade *g* at the cutoff is the enrolment age plus *g* - 1; a student
    ``enrolment.over_age_years`` or more older is shown (info): over-age students drop
    out more often. Basis: 义务教育法 art 11 [C] for the enrolment age; the threshold is
    the library's [U].
    """
    if not record.is_open:
        return
    current = _current_year(context)
    policy = context.policy
    cutoff, enrolment_age, over_years = context.memo(
        "age_004.values",
        lambda: (
            cutoff_date(current, policy=policy),
            policy.value(ENROLMENT_AGE, int),
            policy.value(ENROLMENT_OVER_AGE_YEARS, int),
        ),
    )
    if record.birth_date > cutoff:
        return
    age = age_on(record.birth_date, cutoff)
    usual = enrolment_age + record.grade - 1
    over = age - usual
    if over >= over_years:
        yield Observation(
            subject=record.subject,
            source=record.source,
            facts={
                "grade": record.grade,
                "usual_age": usual,
                "age_at_cutoff": age,
                "cutoff": cutoff,
                "years_over": over,
            },
        )


@rule(
    "REG-001",
    severity=Severity.WARNING,
    about="students",
    needs_fields=["students.record_created_on"],
    title=("学籍建立不及时", "record created late"),
    message=(
        "入学 {entry_date} 后 {days} 天才建立学籍（应在 {limit} 天内）",
        "record created {days} days after entry on {entry_date} (limit {limit} days)",
    ),
    parameters=[REGISTRATION_CREATE_WITHIN_DAYS],
    citations=[REGISTRATION_RULES],
)
def record_created_in_time(
    record: StudentRecord, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """The record was created soon after the student entered school (及时建籍).

    Measured from the entry date; where only the entry month is known, from its first
    day. Basis: 教基一〔2013〕7号 and the 2016 FAQ [S]: about a month.
    """
    if record.record_created_on is None:
        return
    days = (record.record_created_on - record.entry_date).days
    limit = context.policy.value(REGISTRATION_CREATE_WITHIN_DAYS, int)
    if days > limit:
        yield Observation(
            subject=record.subject,
            source=record.source,
            facts={
                "entry_date": record.entry_date,
                "record_created_on": record.record_created_on,
                "days": days,
                "limit": limit,
            },
        )


@rule(
    "REG-002",
    severity=Severity.ERROR,
    about="students",
    title=("义务教育阶段违规退学或注销学籍", "record withdrawn or cancelled unlawfully"),
    message=(
        "义务教育阶段学籍状态为{status:STATUS}，注销原因：{cancel_reason:CANCEL}："
        "只有死亡、出国定居或出境可以注销，辍学学生保留学籍",
        "a compulsory-stage record is {status} (reason: {cancel_reason}); only death, "
        "emigration or leaving the country for good cancel a record, and a dropout keeps it",
    ),
    citations=[NO_EXPULSION, REGISTRATION_RULES],
)
def no_withdrawal(record: StudentRecord, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """A compulsory-stage record is never withdrawn (不得退学), and cancelled only for death,
    emigration or leaving the country for good.

    Basis: 义务教育法 art 27 [C] (no expulsion); 教基一〔2013〕7号 [S]: no withdrawal in
    compulsory education, and a dropout keeps its record for the whole period.
    """
    reason = record.cancel_reason
    unlawful_cancel = record.status is RecordStatus.CANCELLED and (
        reason is None or not reason.is_lawful_in_compulsory_education
    )
    if record.status is RecordStatus.WITHDRAWN or unlawful_cancel:
        yield Observation(
            subject=record.subject,
            source=record.source,
            facts={
                "status": record.status.value,
                "cancel_reason": reason.value if reason else "none",
            },
        )


STILL_OPEN = reason("REG.STILL_OPEN", "至今状态仍为 {status:STATUS}", "and it is still {status}")
CLOSED_LATE = reason(
    "REG.CLOSED_LATE", "实际于 {closed_on} 注销", "and it was closed on {closed_on}"
)
DEADLINE_UNKNOWN = reason(
    "REG.DEADLINE_NOT_KNOWN",
    "{outcome}（{year} 年的工作日未知，无法计算期限）",
    "{outcome} (working days of {year} are not known, so the deadline is not)",
)


def _working_days(context: RuleContext[Bundle]) -> WorkingCalendar:
    return context.policy.value(CALENDAR_WORKING_DAY_ARRANGEMENTS, WorkingCalendar)


def _working_days_known(context: RuleContext[Bundle]) -> Stated | None:
    return _working_days(context).why_not_covering(context.as_of)


def _records_of_the_dead(context: RuleContext[Bundle]) -> Sequence[object]:
    """The student records whose resident ID number (as written) is that of a roster
    child with a death date, in input order: the only records REG-003 can report."""
    bundle = context.bundle
    children = bundle.index(CHILDREN_BY_RESIDENT_ID)
    dead = {key for key, found in children.items() if found[0].deceased_on is not None}
    return [
        record
        for record in bundle.records(STUDENTS)
        if record.resident_id is not None and record.resident_id.reveal() in dead
    ]


@rule(
    "REG-003",
    severity=Severity.WARNING,
    about="students",
    needs=["population"],
    title=("死亡学生学籍未及时注销", "record of a deceased student not cancelled in time"),
    message=(
        "户籍记录 {deceased_on} 死亡，学籍应于 {deadline} 前注销，{outcome}",
        "died on {deceased_on} per the population roster; the record was due to be "
        "cancelled by {deadline}, {outcome}",
    ),
    parameters=[REGISTRATION_DEATH_CANCEL_WITHIN_WORKING_DAYS, CALENDAR_WORKING_DAY_ARRANGEMENTS],
    citations=[HUNAN_2019],
    precondition=_working_days_known,
    among=among_kind(STUDENTS.name, _records_of_the_dead),
)
def death_cancelled_in_time(
    record: StudentRecord, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A deceased student's record is cancelled within the allowed working days (死亡注销).

    The death date comes from the population roster (same resident ID number). A record
    still open or kept as a dropout after the deadline, or closed (deceased or
    cancelled) later than it, is reported; a record that ended otherwise (graduated,
    completed, transferred out) has nothing left to cancel. Working days are China's
    (``calendar.working_day_arrangements``): the official days off are skipped and the
    make-up working days counted. The rule does not run when the calendar does not hold
    the audit date's year; a death in an earlier year it does not hold is reported with
    the deadline unknown (``?``) and the year in ``not_covered``. Basis: Hunan
    2019 registration rules art 15 [S].
    """
    if record.resident_id is None:
        return
    child = child_of(context.bundle, record.resident_id.reveal())
    if child is None or child.deceased_on is None or child.deceased_on > context.as_of:
        return
    limit = context.policy.value(REGISTRATION_DEATH_CANCEL_WITHIN_WORKING_DAYS, int)
    closed = record.status in (RecordStatus.DECEASED, RecordStatus.CANCELLED)
    closed_on: dt.date | None = record.status_since if closed else None
    outcome: Stated
    if record.status in _TO_BE_CANCELLED:
        outcome = STILL_OPEN.given(status=record.status)
        last_in_time = context.as_of - _ONE_DAY
    elif closed_on is not None:
        outcome = CLOSED_LATE.given(closed_on=closed_on)
        last_in_time = closed_on - _ONE_DAY
    else:
        return
    calendar = _working_days(context)
    deadline: dt.date | str
    not_covered: int | None = None
    try:
        # late when the deadline (the limit-th working day after the death) came before
        if calendar.count(child.deceased_on + _ONE_DAY, last_in_time) < limit:
            return
        deadline = calendar.add(child.deceased_on, limit)
    except WorkingDaysNotCovered as gap:
        deadline, not_covered = "?", gap.year
        outcome = DEADLINE_UNKNOWN.given(outcome=outcome, year=gap.year)
    yield Observation(
        subject=record.subject,
        source=record.source,
        related=(child.source,) if child.source else (),
        facts={
            "deceased_on": child.deceased_on,
            "deadline": deadline,
            "status": record.status.value,
            "closed_on": closed_on,
            "not_covered": not_covered,
            "outcome": outcome,
        },
    )
