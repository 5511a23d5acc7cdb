"""Rules about home teaching (送教上门), HT-001 to HT-003.

Basis: 残疾人教育条例 (国务院令第674号, 2017) art 17 [C]: a child who cannot go to school
for a severe disability is taught at home by a school and put on the registration
system, so the teaching school holds its record; arts 20-21 [C]: the county's expert
committee assesses a disabled child and advises on its placement. Shandong and Henan
home-teaching standards [S]: at least 216 periods a school year. 临州办发〔2019〕18号
[C]: figures that exist on paper only (注水) are what the audit exposes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dropout_control.bundle import Bundle
from dropout_control.calendar import SchoolYear, WorkingCalendar
from dropout_control.findings import Citation, Severity
from dropout_control.home_teaching.keys import HOME_TEACHING_MIN_PERIODS_PER_SCHOOL_YEAR
from dropout_control.home_teaching.kinds import HOME_TEACHING, VISITS_BY_STUDENT
from dropout_control.home_teaching.model import HomeTeachingVisit
from dropout_control.home_teaching.progress import teaching_progress
from dropout_control.home_teaching.queries import teaching_school, visits_between, visits_of
from dropout_control.policy import Mark
from dropout_control.policy.keys import (
    CALENDAR_WORKING_DAY_ARRANGEMENTS,
    SCHOOL_YEAR_START,
    SCHOOL_YEAR_SUMMER_VACATION,
    SCHOOL_YEAR_WINTER_VACATION,
)
from dropout_control.reasons import Stated, reason
from dropout_control.reconciliation.queries import holds_school
from dropout_control.registry.kinds import STUDENTS
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.registry.queries import student_records_numbered
from dropout_control.rules import Observation, RuleContext, among_kind, rule

__all__: list[str] = []

DISABLED_EDUCATION_17 = Citation("残疾人教育条例", "art 17", Mark.CONFIRMED)
DISABLED_EDUCATION_20_21 = Citation("残疾人教育条例", "arts 20-21", Mark.CONFIRMED)
HOME_TEACHING_STANDARDS = Citation("送教上门 standards", "Shandong and Henan, 2017", Mark.SECONDARY)


def _current_year(context: RuleContext[Bundle]) -> SchoolYear:
    return context.memo(
        "school_year", lambda: SchoolYear.containing(context.as_of, policy=context.policy)
    )


def _is_active(record: StudentRecord) -> bool:
    return record.status is RecordStatus.ACTIVE


def _taught_at_home(context: RuleContext[Bundle]) -> Sequence[object]:
    """The active records whose study mode is home teaching, in input order: the only
    students HT-002 and HT-003 can report."""
    return [r for r in context.bundle.records(STUDENTS) if _is_active(r) and r.is_home_taught]


_AMONG_THE_HOME_TAUGHT = among_kind(STUDENTS.name, _taught_at_home)


def _first_visits(context: RuleContext[Bundle]) -> Sequence[object]:
    """The first visit of each child in the audit date's school year, up to the audit
    date, in input order: the only visits HT-001 reports on."""
    bundle = context.bundle
    year = _current_year(context)
    firsts: set[int] = set()
    for visits in bundle.index(VISITS_BY_STUDENT).values():
        for visit in visits:
            if year.start <= visit.on <= context.as_of:
                firsts.add(id(visit))
                break
    return [visit for visit in bundle.records(HOME_TEACHING) if id(visit) in firsts]


# HT-001 --------------------------------------------------------------------------------

NO_RECORD_AT_SCHOOL = reason(
    "HT.NO_RECORD_AT_SCHOOL",
    "在送教学校 {school_id} 无在籍学籍",
    "holds no active record at {school_id}, the school that teaches it",
)
NO_RECORD_ANYWHERE = reason(
    "HT.NO_RECORD_ANYWHERE",
    "送教学校不明，且在任何学校均无在籍学籍",
    "holds no active record anywhere, and no school is known to teach it",
)


@rule(
    "HT-001",
    severity=Severity.ERROR,
    about="home_teaching",
    title=("送教上门学生在送教学校无学籍", "home-taught child not on the teaching school's roll"),
    message=(
        "送教上门学生（本学年 {visits} 次送教，{first} 至 {last}）{problem}",
        "a child taught at home ({visits} visits this school year, {first} to {last}) {problem}",
    ),
    parameters=[SCHOOL_YEAR_START],
    citations=[DISABLED_EDUCATION_17],
    among=among_kind(HOME_TEACHING.name, _first_visits),
)
def on_the_roll_of_the_teaching_school(
    visit: HomeTeachingVisit, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A home-taught child holds an active record at the school that teaches it
    (送教上门纳入学籍管理).

    A child is home-taught when it has a visit in the audit date's school year, on or
    before the audit date; one finding per child, on its first such visit. The national
    form of a visit names no school, so the teaching school is the ``school_id`` of its
    latest visit that gives one, else a school whose latest headcount excuses the child
    for home teaching, else the school of its record whose study mode is home teaching
    (:func:`~dropout_control.home_teaching.queries.teaching_school`). The rule is quiet
    for a teaching school the audit holds nothing of (no record, no headcount: its roll
    is elsewhere). With no teaching school known, a child with no active record
    anywhere is reported. Basis: 残疾人教育条例 art 17 [C].
    """
    bundle = context.bundle
    year = _current_year(context)
    if not year.start <= visit.on <= context.as_of:
        return
    visits = visits_between(bundle, visit.student_key, year.start, context.as_of)
    if not visits or visits[0] is not visit:
        return
    records = student_records_numbered(bundle, visit.student_key)
    school = teaching_school(bundle, visit.student_key, visits)
    problem: Stated
    if school is None:
        if any(_is_active(record) for record in records):
            return
        problem = NO_RECORD_ANYWHERE.given()
    else:
        at_school = [record for record in records if record.school_id == school.school_id]
        if any(_is_active(record) for record in at_school):
            return
        if not holds_school(bundle, school.school_id):
            return
        problem = NO_RECORD_AT_SCHOOL.given(school_id=school.school_id)
    related = [record.source for record in records if record.source is not None]
    if school is not None and school.source is not None and school.source not in related:
        related.append(school.source)
    yield Observation(
        subject=visit.subject,
        source=visits[-1].source,
        related=tuple(related),
        kind="students",
        facts={
            "visits": len(visits),
            "first": visits[0].on,
            "last": visits[-1].on,
            "school_id": None if school is None else school.school_id,
            "school_known_by": None if school is None else school.how,
            "statuses": sorted(record.status.value for record in records),
            "problem": problem,
        },
    )


# HT-002 --------------------------------------------------------------------------------


def _anyone_home_taught(bundle: Bundle) -> bool:
    return any(_is_active(record) and record.is_home_taught for record in bundle.records(STUDENTS))


def _school_year_covered(context: RuleContext[Bundle]) -> Stated | None:
    calendar = context.policy.value(CALENDAR_WORKING_DAY_ARRANGEMENTS, WorkingCalendar)
    year = _current_year(context)
    why = calendar.why_not_covering(year.start) or calendar.why_not_covering(year.end)
    if why is None or not _anyone_home_taught(context.bundle):
        return None
    return why


@rule(
    "HT-002",
    severity=Severity.WARNING,
    about="students",
    needs=["home_teaching"],
    title=("送教上门课时不足", "too few home-teaching periods (teaching on paper only)"),
    message=(
        "送教上门学生本学年自 {since} 至 {as_of} 仅送教 {periods_taught} 课时（{visits} 次），"
        "按每学年 {minimum} 课时折算至今应有 {periods_due} 课时（{school_days}/"
        "{school_days_in_year} 个上课日），少 {shortfall} 课时：疑为送教只在纸面上（注水）",
        "a child taught at home received {periods_taught} periods ({visits} visits) from "
        "{since} to {as_of}; {minimum} a school year pro rata ({school_days} of "
        "{school_days_in_year} school days) makes {periods_due} due, {shortfall} short: "
        "teaching on paper only (注水)?",
    ),
    parameters=[
        HOME_TEACHING_MIN_PERIODS_PER_SCHOOL_YEAR,
        SCHOOL_YEAR_START,
        SCHOOL_YEAR_WINTER_VACATION,
        SCHOOL_YEAR_SUMMER_VACATION,
        CALENDAR_WORKING_DAY_ARRANGEMENTS,
    ],
    citations=[HOME_TEACHING_STANDARDS],
    precondition=_school_year_covered,
    among=_AMONG_THE_HOME_TAUGHT,
)
def enough_periods(record: StudentRecord, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """A home-taught child receives its periods, pro rata to the audit date (送教课时).

    Checked for active records whose study mode is home teaching. The periods of its
    visits from the later of the school year's first day and the record's entry date
    up to the audit date are compared with ``home_teaching.min_periods_per_school_year``
    times the school days of that span over the school days of the whole school year,
    rounded down (:func:`~dropout_control.home_teaching.progress.teaching_progress`);
    school days are working days less the winter and summer vacations. A child with
    no visit at all is reported too. Not run when the working-day arrangements do not
    hold the school year and some active record says home teaching (with none, there is
    nothing to count). Basis: Shandong and Henan home-teaching standards [S].
    """
    if not _is_active(record) or not record.is_home_taught:
        return
    visits = visits_of(context.bundle, record.key)
    progress = teaching_progress(
        visits, context.as_of, policy=context.policy, since=record.entry_date
    )
    if not progress.is_behind:
        return
    counted = [visit for visit in visits if progress.since <= visit.on <= context.as_of]
    yield Observation(
        subject=record.subject,
        source=record.source,
        related=tuple(visit.source for visit in counted[-1:] if visit.source is not None),
        facts={
            "school_id": record.school_id,
            "since": progress.since,
            "as_of": context.as_of,
            "periods_taught": progress.periods_taught,
            "visits": progress.visits,
            "minimum": progress.minimum,
            "school_days": progress.school_days,
            "school_days_in_year": progress.school_days_in_year,
            "periods_due": progress.periods_due,
            "shortfall": progress.shortfall,
        },
    )


# HT-003 --------------------------------------------------------------------------------


ASSESSMENTS_NOT_KNOWN = reason(
    "HT.ASSESSMENTS_NOT_KNOWN",
    "学籍数据中有送教上门学生，但没有一条学籍载有专家评估日期（expert_assessed_on）：评估情况不明",
    "students are taught at home but no student record carries expert_assessed_on: "
    "assessments are not known",
)


def _assessments_known(context: RuleContext[Bundle]) -> Stated | None:
    bundle = context.bundle
    if bundle.has_field("students", "expert_assessed_on"):
        return None
    if _anyone_home_taught(bundle):
        return ASSESSMENTS_NOT_KNOWN.given()
    return None


@rule(
    "HT-003",
    severity=Severity.WARNING,
    about="students",
    precondition=_assessments_known,
    among=_AMONG_THE_HOME_TAUGHT,
    title=("送教上门未经专家委员会评估", "home teaching without an expert assessment"),
    message=(
        "学生在 {school_id} 就读方式为送教上门，但截至 {as_of} 无残疾人教育专家委员会评估记录",
        "the student at {school_id} is taught at home but no assessment by the expert "
        "committee is recorded by {as_of}",
    ),
    citations=[DISABLED_EDUCATION_20_21],
)
def assessed_before_home_teaching(
    record: StudentRecord, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A child placed in home teaching was assessed by the expert committee (专家评估).

    Checked for active records whose study mode is home teaching: the record's
    ``expert_assessed_on`` is empty or after the audit date. Not run when some records
    say home teaching but none carries ``expert_assessed_on`` (an export without the
    column: assessments are then not known). Basis: 残疾人教育条例 arts 20-21 [C].
    """
    if not _is_active(record) or not record.is_home_taught:
        return
    assessed = record.expert_assessed_on
    if assessed is not None and assessed <= context.as_of:
        return
    yield Observation(
        subject=record.subject,
        source=record.source,
        facts={
            "school_id": record.school_id,
            "as_of": context.as_of,
            "expert_assessed_on": assessed,
        },
    )
