"""Monthly reconciliation of who is in school against the registry (REC-001 to REC-004,
TR-007).

Basis: 临州办发〔2019〕18号 part three [C]: every education bureau checks each month the
number of students actually in school against the number registered, reports and
corrects; part two, third measure [C]: a child confirmed to study elsewhere is
transferred so that person and record agree (人籍一致).

Each school's *latest* headcount is the one compared: a child is matched by student
number or resident ID number, whichever the headcount row gives. A child present at
school B while its open record stays at school A is one TR-007 finding naming both rows,
not a REC-001 at A and a REC-002 at B.
"""

from __future__ import annotations

from collections.abc import Iterator

from dropout_control.bundle import Bundle
from dropout_control.calendar import SchoolYear
from dropout_control.calendar.year_month import YearMonth
from dropout_control.findings import Citation, Severity, Subject
from dropout_control.identity import mask_number
from dropout_control.policy import Mark
from dropout_control.policy.keys import SCHOOL_YEAR_START
from dropout_control.reasons import reason
from dropout_control.reconciliation.keys import RECONCILIATION_HEADCOUNT_EVERY
from dropout_control.reconciliation.kinds import HEADCOUNT_TOTALS
from dropout_control.reconciliation.model import HeadcountEntry, HeadcountTotal
from dropout_control.reconciliation.queries import (
    headcount_months,
    latest_headcount_month,
    latest_roll_entry,
    present_at_latest_headcounts,
)
from dropout_control.registry.kinds import STUDENTS
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.registry.queries import student_records_numbered, student_records_of
from dropout_control.rules import Observation, RuleContext, rule
from dropout_control.suspensions.queries import suspensions_of

__all__: list[str] = []

MONTHLY_CHECK = Citation(
    "临州办发〔2019〕18号", "part three, its one paragraph, fourth sentence", Mark.CONFIRMED
)
PERSON_WITH_RECORD = Citation("临州办发〔2019〕18号", "part two, third measure", Mark.CONFIRMED)
ONE_RECORD = Citation(
    "中小学生学籍管理办法", "教基一〔2013〕7号 (one person, one record)", Mark.SECONDARY
)


def _numbers(record: StudentRecord) -> tuple[str, str | None]:
    resident = record.resident_id.reveal() if record.resident_id is not None else None
    return record.key, resident


def _elsewhere(record: StudentRecord, bundle: Bundle) -> tuple[HeadcountEntry, ...]:
    """Present at another school's latest headcount, where the child holds no open record."""
    found = []
    for entry in present_at_latest_headcounts(bundle, *_numbers(record)):
        if entry.school_id == record.school_id:
            continue
        if not _holds_open_record_at(entry, entry.school_id, bundle):
            found.append(entry)
    return tuple(found)


def _records_of_entry(entry: HeadcountEntry, bundle: Bundle) -> tuple[StudentRecord, ...]:
    """The records a headcount row names, by student number and by resident ID, once each."""
    numbered = (
        student_records_numbered(bundle, entry.student_number)
        if entry.student_number is not None
        else ()
    )
    of_person = (
        student_records_of(bundle, entry.resident_id) if entry.resident_id is not None else ()
    )
    if not of_person:
        return numbered
    if not numbered:
        return of_person
    if len(numbered) == len(of_person) == 1 and numbered[0] is of_person[0]:
        return numbered  # the common case: one record, named by both numbers
    records = {id(record): record for record in (*numbered, *of_person)}
    return tuple(records.values())


def _holds_open_record_at(entry: HeadcountEntry, school_id: str, bundle: Bundle) -> bool:
    return any(r.is_open and r.school_id == school_id for r in _records_of_entry(entry, bundle))


@rule(
    "TR-007",
    severity=Severity.WARNING,
    about="students",
    needs=["headcounts"],
    title=("人籍分离", "person and record at different schools"),
    message=(
        "学籍在 {record_school}，但 {month} 在 {present_at} 的在校名单中："
        "应尽快办理转学，做到人籍一致",
        "the record is at {record_school} but the child is present at {present_at} in "
        "{month}: the transfer must be completed so that person and record agree",
    ),
    citations=[PERSON_WITH_RECORD],
)
def person_and_record_together(
    record: StudentRecord, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A child studies at the school that holds its record (人籍一致).

    An open record at school A whose child is present in the latest headcount of school
    B, where the child holds no open record, is one finding on the record's row that
    names the headcount row(s) at B. (A child with open records at both schools is
    ID-006, one person several records, not this.) Basis: 临州办发〔2019〕18号 part two
    [C].
    """
    if not record.is_open:
        return
    elsewhere = _elsewhere(record, context.bundle)
    if not elsewhere:
        return
    yield Observation(
        subject=record.subject,
        source=record.source,
        related=tuple(entry.source for entry in elsewhere if entry.source is not None),
        facts={
            "record_school": record.school_id,
            "present_at": sorted({entry.school_id for entry in elsewhere}),
            "month": str(max(entry.month for entry in elsewhere)),
        },
    )


MARKED_ABSENT = reason("REC.MARKED_ABSENT", "名单记为缺席", "marked absent")
NOT_ON_ROLL = reason("REC.NOT_ON_ROLL", "名单中没有该生", "not on the roll")


@rule(
    "REC-001",
    severity=Severity.ERROR,
    about="students",
    needs=["headcounts"],
    title=("有籍无人", "registered but not in school"),
    message=(
        "在籍学生不在 {school_id} {month} 的在校名单中（{how}），"
        "且无请假、休学或送教上门等正当理由",
        "an active record is not present in {school_id}'s headcount of {month} ({how}) and "
        "no leave, suspension or home teaching excuses it",
    ),
    citations=[MONTHLY_CHECK],
)
def registered_and_present(
    record: StudentRecord, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """An active record's child is in its school's latest monthly headcount (有籍无人).

    Checked for records with status active at schools that have a headcount. The child
    is excused when the row gives an excuse (leave, suspension, home teaching), when the
    record says home teaching, or when a suspension of the student covers the headcount
    month's first day. A child present at another school is TR-007 instead. Basis:
    临州办发〔2019〕18号 part three [C].
    """
    bundle = context.bundle
    if record.status is not RecordStatus.ACTIVE or record.is_home_taught:
        return
    month = latest_headcount_month(bundle).get(record.school_id)
    if month is None:
        return
    numbers = _numbers(record)
    entry = latest_roll_entry(bundle, record.school_id, *numbers)
    if entry is not None and (entry.present or entry.excuse is not None):
        return
    if any(s.covers(month.first_day) for s in suspensions_of(bundle, record.key)):
        return
    if _elsewhere(record, bundle):
        return
    on_roll = entry is not None
    yield Observation(
        subject=record.subject,
        source=record.source,
        related=(entry.source,) if entry is not None and entry.source is not None else (),
        facts={
            "school_id": record.school_id,
            "month": str(month),
            "on_roll": on_roll,
            "how": (MARKED_ABSENT if on_roll else NOT_ON_ROLL).given(),
        },
    )


@rule(
    "REC-002",
    severity=Severity.ERROR,
    about="headcounts",
    needs=["students"],
    title=("有人无籍", "in school but not registered"),
    message=(
        "{school_id} {month} 在校名单中的学生在本校及其他学校均无在籍学籍",
        "a child present in {school_id}'s headcount of {month} holds no open record there "
        "or anywhere else",
    ),
    citations=[ONE_RECORD, MONTHLY_CHECK],
)
def present_and_registered(
    entry: HeadcountEntry, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A child present in a school's latest headcount holds an open record (有人无籍).

    Only each school's latest month is checked. A child with an open record at another
    school is TR-007 (on that record), not this. Basis: one person, one record
    (教基一〔2013〕7号) [S]; 临州办发〔2019〕18号 part three [C].
    """
    bundle = context.bundle
    if not entry.present or entry.month != latest_headcount_month(bundle).get(entry.school_id):
        return
    if any(record.is_open for record in _records_of_entry(entry, bundle)):
        return
    person = entry.student_number or entry.resident_id or ""
    yield Observation(
        subject=Subject.personal(person, shown=mask_number(person)),
        source=entry.source,
        facts={"school_id": entry.school_id, "month": str(entry.month)},
    )


def _required_months(context: RuleContext[Bundle]) -> tuple[YearMonth, ...]:
    """Months of the current school year, from the month the monthly check came into
    force, through the audit date's month."""
    policy = context.policy
    year = SchoolYear.containing(context.as_of, policy=policy)
    since = policy[RECONCILIATION_HEADCOUNT_EVERY].since
    month = max(YearMonth.of(year.start), YearMonth.of(since))
    last = YearMonth.of(context.as_of)
    months = []
    while month <= last:
        months.append(month)
        month = month.next()
    return tuple(months)


@rule(
    "REC-003",
    severity=Severity.WARNING,
    about="students",
    needs=["headcounts"],
    title=("未按月核对在校人数", "monthly headcount missing"),
    message=(
        "学校 {school_id} 有在籍学生，但缺少 {missing} 的在校人数核对",
        "school {school_id} has active records but no headcount for {missing}",
    ),
    parameters=[RECONCILIATION_HEADCOUNT_EVERY, SCHOOL_YEAR_START],
    citations=[MONTHLY_CHECK],
)
def headcount_every_month(
    record: StudentRecord, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A school with active records has a headcount for every month (每月核对).

    The months required are those of the current school year from the month the
    monthly check came into force (for Linxia, March 2019) through the audit date's
    month: an audit dated within a month expects that month's headcount. Without a
    headcounts file at all the rule does not run (nothing shows what was checked). The finding
    speaks about the school and points at its first active record (by file and line).
    Basis: 临州办发〔2019〕18号 part three [C].
    """
    if record.status is not RecordStatus.ACTIVE:
        return
    bundle = context.bundle
    first = context.memo("REC-003:first", lambda: _first_active_records(bundle))
    if first.get(record.school_id) is not record:
        return
    required = context.memo("REC-003:months", lambda: _required_months(context))
    have = headcount_months(bundle).get(record.school_id, frozenset())
    missing = [month for month in required if month not in have]
    if missing:
        yield Observation(
            subject=Subject.public(record.school_id),
            source=record.source,
            kind="schools",
            facts={"school_id": record.school_id, "missing": [str(m) for m in missing]},
        )


def _first_active_records(bundle: Bundle) -> dict[str, StudentRecord]:
    first: dict[str, StudentRecord] = {}
    for record in bundle.records(STUDENTS):
        if record.status is RecordStatus.ACTIVE and record.school_id not in first:
            first[record.school_id] = record
    return first


@rule(
    "REC-004",
    severity=Severity.WARNING,
    about="headcount_totals",
    needs=["students"],
    title=("上报在校人数与学籍数不符", "reported headcount differs from the registry"),
    message=(
        "{school_id} 上报 {month} 在校 {reported} 人，学籍系统在籍 {active_records} 人",
        "{school_id} reported {reported} in school in {month}; the registry holds "
        "{active_records} active records",
    ),
    citations=[MONTHLY_CHECK],
)
def reported_total_matches(
    total: HeadcountTotal, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A school's reported headcount equals its number of active records (实际在校学生数与学籍数).

    Only each school's latest reported month is compared, with the records as they stand
    (status active; suspended students are not in school). Basis: 临州办发〔2019〕18号 part
    three [C].
    """
    latest = context.memo("REC-004:latest", lambda: _latest_totals(context.bundle))
    if latest.get(total.school_id) != total.month:
        return
    active = context.memo("REC-004:active", lambda: _active_counts(context.bundle))
    count = active.get(total.school_id, 0)
    if count != total.total:
        yield Observation(
            subject=Subject.public(total.school_id),
            source=total.source,
            kind="schools",
            facts={
                "school_id": total.school_id,
                "month": str(total.month),
                "reported": total.total,
                "active_records": count,
            },
        )


def _latest_totals(bundle: Bundle) -> dict[str, YearMonth]:
    latest: dict[str, YearMonth] = {}
    for total in bundle.records(HEADCOUNT_TOTALS):
        if total.school_id not in latest or total.month > latest[total.school_id]:
            latest[total.school_id] = total.month
    return latest


def _active_counts(bundle: Bundle) -> dict[str, int]:
    counts: dict[str, int] = {}
    for record in bundle.records(STUDENTS):
        if record.status is RecordStatus.ACTIVE:
            counts[record.school_id] = counts.get(record.school_id, 0) + 1
    return counts
