"""Rules about transfers between schools (TR-001 to TR-006).

Basis: 中小学生学籍管理办法 (教基一〔2013〕7号), its transfer provisions [S]: the receiving
school starts a transfer, the receiving school, its education bureau, the sending school
and its education bureau approve in turn, each within ten working days, and the grade
does not change. Provincial registration rules [S]: no transfer while suspended or in
the final term of the graduating grade. 临州办发〔2019〕18号 part two, third measure [C]:
transfers out and in follow the procedure strictly, and every child's whereabouts are
verified so that no one is missed (核实学生去向，做到不漏一人).

TR-007 (person and record at different schools) is a reconciliation rule: see
:mod:`dropout_control.reconciliation.rules`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dropout_control.bundle import Bundle
from dropout_control.calendar import SchoolYear, Term, WorkingCalendar
from dropout_control.errors import WorkingDaysNotCovered
from dropout_control.findings import Citation, Severity
from dropout_control.policy import Mark, SchoolStructure
from dropout_control.policy.keys import (
    CALENDAR_WORKING_DAY_ARRANGEMENTS,
    COMPULSORY_STRUCTURE,
    SCHOOL_YEAR_SPRING_TERM_START,
    SCHOOL_YEAR_START,
)
from dropout_control.population.queries import child_of
from dropout_control.reasons import Stated, reason
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.registry.queries import student_records_numbered, student_records_of
from dropout_control.rules import Observation, RuleContext, rule
from dropout_control.suspensions.queries import suspensions_of
from dropout_control.transfers.keys import (
    TRANSFER_APPROVAL_ORDER,
    TRANSFER_BLOCKED_IN_GRADUATING_FINAL_TERM,
    TRANSFER_BLOCKED_WHILE_SUSPENDED,
    TRANSFER_PARTY_LIMIT_WORKING_DAYS,
    TRANSFER_UNPLACED_AFTER_DAYS,
)
from dropout_control.transfers.model import ApprovalParty, Transfer, TransferStatus
from dropout_control.transfers.queries import taken_outside, transferred_out_on, transfers_of
from dropout_control.transfers.workflow import approval_order

__all__ = ["taken_outside", "transferred_out_on"]

REGISTRATION_RULES = Citation(
    "中小学生学籍管理办法", "教基一〔2013〕7号, transfer provisions", Mark.SECONDARY
)
PROVINCIAL_RULES = Citation(
    "provincial registration rules", "Liaoning 2017, Shandong 2016/2018", Mark.SECONDARY
)
LINXIA_NOTICE = Citation("临州办发〔2019〕18号", "part two, third measure", Mark.CONFIRMED)
LAW_13 = Citation("义务教育法", "art 13", Mark.CONFIRMED)

_ONE_DAY = dt.timedelta(days=1)


def _order(context: RuleContext[Bundle]) -> tuple[ApprovalParty, ...]:
    return context.memo(TRANSFER_APPROVAL_ORDER, lambda: approval_order(context.policy))


# TR-001 --------------------------------------------------------------------------------


def _gaps(transfer: Transfer, order: tuple[ApprovalParty, ...]) -> list[ApprovalParty]:
    """Parties that have not approved although a party after them in the order has."""
    dated = [i for i, party in enumerate(order) if transfer.approved_on(party) is not None]
    if not dated:
        return []
    return [party for party in order[: dated[-1]] if transfer.approved_on(party) is None]


def _early(
    transfer: Transfer, order: tuple[ApprovalParty, ...]
) -> list[tuple[ApprovalParty, dt.date, ApprovalParty, dt.date]]:
    """Approvals dated before the nearest earlier approval in the order."""
    found = []
    previous: tuple[ApprovalParty, dt.date] | None = None
    for party in order:
        day = transfer.approved_on(party)
        if day is None:
            continue
        if previous is not None and day < previous[1]:
            found.append((party, day, *previous))
        previous = (party, day)
    return found


COMPLETED_WITHOUT_APPROVAL = reason(
    "TR.COMPLETED_WITHOUT_APPROVAL",
    "已标记完成，但{party:PARTY}未审核",
    "marked completed without {party:PARTY}'s approval",
)
APPROVAL_SKIPPED = reason(
    "TR.APPROVAL_SKIPPED",
    "{party:PARTY}未审核，其后环节却已审核",
    "{party:PARTY} has not approved but a later party has",
)
APPROVAL_EARLY = reason(
    "TR.APPROVAL_EARLY",
    "{party:PARTY}于 {on} 审核，早于{before:PARTY}的 {before_on}",
    "{party:PARTY} approved on {on}, before {before:PARTY} on {before_on}",
)
COMPLETED_EARLY = reason(
    "TR.COMPLETED_EARLY",
    "{completed_on} 即标记完成，早于最后一次审核 {last_approval}",
    "completed on {completed_on}, before the last approval on {last_approval}",
)


@rule(
    "TR-001",
    severity=Severity.ERROR,
    about="transfers",
    title=("转学审核缺失或顺序错误", "transfer approval missing or out of order"),
    message=(
        "转学审核缺失或顺序错误（应依次为 {approval_order:PARTY}）：{problems}",
        "a transfer approval is missing or out of order (the order is {approval_order:PARTY}): "
        "{problems}",
    ),
    parameters=[TRANSFER_APPROVAL_ORDER],
    citations=[REGISTRATION_RULES, LINXIA_NOTICE],
)
def approvals_in_order(transfer: Transfer, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """The parties approve a transfer in turn and a completed transfer has every approval
    (转学审核顺序).

    Judged against ``transfer.approval_order``: a party's approval date set while a party
    before it has none; a party's date earlier than the nearest earlier party's date; a
    transfer marked completed without every party's date, or completed (``completed_on``)
    before its last approval. A rejected transfer stopped at a refusal, and registries
    differ in whether they record the refusing party's date, so only the order of the
    dates it has is judged. One finding per transfer lists every problem. Basis:
    教基一〔2013〕7号 transfer provisions [S]; 临州办发〔2019〕18号 part two [C].
    """
    order = _order(context)
    status = transfer.status
    problems: list[Stated] = []
    missing: list[ApprovalParty] = []
    if status is TransferStatus.COMPLETED:
        missing = [party for party in order if transfer.approved_on(party) is None]
        problems += [COMPLETED_WITHOUT_APPROVAL.given(party=party) for party in missing]
    elif status is TransferStatus.PENDING:
        missing = _gaps(transfer, order)
        problems += [APPROVAL_SKIPPED.given(party=party) for party in missing]
    early = _early(transfer, order)
    problems += [
        APPROVAL_EARLY.given(party=party, on=day, before=before, before_on=before_day)
        for party, day, before, before_day in early
    ]
    dates = [d for party in order if (d := transfer.approved_on(party)) is not None]
    completed_early = (
        status is TransferStatus.COMPLETED
        and transfer.completed_on is not None
        and bool(dates)
        and transfer.completed_on < max(dates)
    )
    if completed_early:
        problems.append(
            COMPLETED_EARLY.given(completed_on=transfer.completed_on, last_approval=max(dates))
        )
    if not problems:
        return
    yield Observation(
        subject=transfer.subject,
        source=transfer.source,
        facts={
            "status": status.value,
            "approval_order": [party.value for party in order],
            "approvals": {party.value: transfer.approved_on(party) for party in order},
            "missing": [party.value for party in missing],
            "out_of_order": [party.value for party, *_ in early],
            "completed_on": transfer.completed_on,
            "problems": problems,
        },
    )


# TR-002 --------------------------------------------------------------------------------


def _working_days(context: RuleContext[Bundle]) -> WorkingCalendar:
    return context.policy.value(CALENDAR_WORKING_DAY_ARRANGEMENTS, WorkingCalendar)


def _working_days_known(context: RuleContext[Bundle]) -> Stated | None:
    return _working_days(context).why_not_covering(context.as_of)


PARTY_LATE = reason(
    "TR.PARTY_LATE", "{party:PARTY}用时 {days} 个工作日", "{party:PARTY} took {days} working days"
)
PARTY_OVERDUE = reason(
    "TR.PARTY_OVERDUE",
    "{party:PARTY}应于 {due_on} 前审核，至今已 {days} 个工作日未审核",
    "{party:PARTY} was due by {due_on} and has not approved after {days} working days",
)
PARTY_NOT_TIMED = reason(
    "TR.PARTY_NOT_TIMED",
    "{party:PARTY}用时无法计算（{year} 年的工作日未知）",
    "{party:PARTY} cannot be timed (working days of {year} are not known)",
)
PARTY_WAITING_NOT_TIMED = reason(
    "TR.PARTY_WAITING_NOT_TIMED",
    "{party:PARTY}尚未审核，期限无法计算（{year} 年的工作日未知）",
    "{party:PARTY} has not approved and cannot be timed (working days of {year} are not known)",
)


@rule(
    "TR-002",
    severity=Severity.WARNING,
    about="transfers",
    title=("转学审核超时", "transfer approval late"),
    message=(
        "转学审核超时（每个环节限 {limit} 个工作日）：{problems}",
        "a transfer approval took longer than {limit} working days: {problems}",
    ),
    parameters=[
        TRANSFER_PARTY_LIMIT_WORKING_DAYS,
        TRANSFER_APPROVAL_ORDER,
        CALENDAR_WORKING_DAY_ARRANGEMENTS,
    ],
    citations=[REGISTRATION_RULES],
    precondition=_working_days_known,
)
def approvals_in_time(transfer: Transfer, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """Each party approves a transfer within its working-day limit (审核时限).

    A party's time runs from the previous party's approval in ``transfer.approval_order``
    (from the application for the first party) to its own, counted in China's working
    days (``calendar.working_day_arrangements``: the official days off skipped, the
    make-up working days counted), the day it starts from excluded; it is late when that
    exceeds ``transfer.party_limit_working_days``. A party whose previous party has no
    date is not timed (TR-001 reports the gap). For a pending transfer the party whose
    turn it is is late too when the audit date is after its due date; its days are
    counted to the audit date. One finding per transfer names every late party with its
    working days. The rule does not run when the calendar does not hold the audit
    date's year; a party whose time runs through an earlier year it does not hold is
    reported as not timed, with the year in ``not_covered``. Basis: 教基一〔2013〕7号
    transfer provisions [S]: ten working days for each of the four parties.
    """
    order = _order(context)
    limit = context.policy.value(TRANSFER_PARTY_LIMIT_WORKING_DAYS, int)
    calendar = _working_days(context)
    late: dict[str, int] = {}
    not_covered: dict[str, int] = {}
    problems: list[Stated] = []
    previous: dt.date | None = transfer.applied_on
    waiting: tuple[ApprovalParty, dt.date] | None = None
    for party in order:
        day = transfer.approved_on(party)
        if day is None and previous is not None and waiting is None:
            waiting = (party, previous)
        if day is not None and previous is not None:
            try:
                taken = calendar.count(previous + _ONE_DAY, day)
            except WorkingDaysNotCovered as gap:
                not_covered[party.value] = gap.year
                problems.append(PARTY_NOT_TIMED.given(party=party, year=gap.year))
                taken = 0
            if taken > limit:
                late[party.value] = taken
                problems.append(PARTY_LATE.given(party=party, days=taken))
        previous = day
    overdue: ApprovalParty | None = None
    due_on: dt.date | None = None
    if waiting is not None and not transfer.is_closed:
        party, starts_on = waiting
        try:
            # overdue when its due date (the limit-th working day) is before the audit date
            if calendar.count(starts_on + _ONE_DAY, context.as_of - _ONE_DAY) >= limit:
                overdue, due_on = party, calendar.add(starts_on, limit)
                so_far = calendar.count(starts_on + _ONE_DAY, context.as_of)
                late[party.value] = so_far
                problems.append(PARTY_OVERDUE.given(party=party, due_on=due_on, days=so_far))
        except WorkingDaysNotCovered as gap:
            not_covered[party.value] = gap.year
            problems.append(PARTY_WAITING_NOT_TIMED.given(party=party, year=gap.year))
    if not late and not not_covered:
        return
    yield Observation(
        subject=transfer.subject,
        source=transfer.source,
        facts={
            "limit": limit,
            "late": late,
            "late_parties": list(late),
            "overdue_party": overdue.value if overdue is not None else None,
            "due_on": due_on,
            "not_covered": not_covered,
            "problems": problems,
        },
    )


# TR-003 --------------------------------------------------------------------------------


@rule(
    "TR-003",
    severity=Severity.ERROR,
    about="transfers",
    title=("转学改变年级", "transfer changes the grade"),
    message=(
        "转学前 {grade_before} 年级，转学后 {grade_after} 年级：转学不得改变年级",
        "the transfer moves the student from grade {grade_before} to grade {grade_after}; "
        "a transfer keeps the grade",
    ),
    citations=[REGISTRATION_RULES],
)
def grade_unchanged(transfer: Transfer, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """A transfer keeps the student's grade (转学不改变年级).

    A transfer whose grade after is given and differs from its grade before is
    reported, whatever its status (a pending or rejected record that states a new grade
    states it all the same). Basis: 教基一〔2013〕7号 transfer provisions [S].
    """
    if transfer.grade_after is None or transfer.grade_after == transfer.grade_before:
        return
    yield Observation(
        subject=transfer.subject,
        source=transfer.source,
        facts={"grade_before": transfer.grade_before, "grade_after": transfer.grade_after},
    )


# TR-004 --------------------------------------------------------------------------------


@rule(
    "TR-004",
    severity=Severity.ERROR,
    about="transfers",
    needs=["suspensions"],
    title=("休学期间申请转学", "transfer applied for while suspended"),
    message=(
        "{applied_on} 申请转学时该生正在休学（{suspended_from} 至 {suspended_until}）："
        "休学期间不得转学",
        "the transfer was applied for on {applied_on} while the student was suspended "
        "({suspended_from} to {suspended_until}); no transfer while suspended",
    ),
    parameters=[TRANSFER_BLOCKED_WHILE_SUSPENDED],
    citations=[PROVINCIAL_RULES],
)
def not_suspended_when_applied(
    transfer: Transfer, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A student under suspension does not apply for a transfer (休学期间不予转学).

    When ``transfer.blocked_while_suspended`` is true, a transfer applied for on a day
    that a suspension of the same student number covers (started, not ended, not
    returned from) is reported, naming the suspension. A rejected transfer is not
    reported: the block worked. Basis: provincial registration rules [S].
    """
    if not context.policy.value(TRANSFER_BLOCKED_WHILE_SUSPENDED, bool):
        return
    if transfer.status is TransferStatus.REJECTED:
        return
    day = transfer.applied_on
    covering = [s for s in suspensions_of(context.bundle, transfer.student_key) if s.covers(day)]
    if not covering:
        return
    first = min(covering, key=lambda s: s.start)
    yield Observation(
        subject=transfer.subject,
        source=transfer.source,
        related=tuple(s.source for s in covering if s.source is not None),
        facts={
            "applied_on": day,
            "suspension_id": first.suspension_id,
            "suspended_from": first.start,
            "suspended_until": first.end,
            "returned_on": first.returned_on,
        },
    )


# TR-005 --------------------------------------------------------------------------------


@rule(
    "TR-005",
    severity=Severity.WARNING,
    about="transfers",
    title=("毕业年级最后一学期申请转学", "transfer in the final term of a graduating grade"),
    message=(
        "{applied_on} 申请转学，正值{stage:STAGE}毕业年级（{grade_before} 年级，学制 {structure}）"
        "{school_year} 学年最后一学期（{final_term_start} 起）",
        "the transfer was applied for on {applied_on}, in the final term (from "
        "{final_term_start}) of {school_year} of a graduating grade (grade {grade_before}, "
        "the last of the {stage:STAGE} stage under {structure})",
    ),
    parameters=[
        TRANSFER_BLOCKED_IN_GRADUATING_FINAL_TERM,
        COMPULSORY_STRUCTURE,
        SCHOOL_YEAR_START,
        SCHOOL_YEAR_SPRING_TERM_START,
    ],
    citations=[PROVINCIAL_RULES],
)
def not_in_graduating_final_term(
    transfer: Transfer, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """No transfer is applied for in the final term of a graduating grade (毕业年级不转学).

    When ``transfer.blocked_in_graduating_final_term`` is true, a transfer whose grade
    before is the last grade of a stage under ``compulsory.structure`` (6 or 9 under 6+3,
    5 or 9 under 5+4) and whose application date falls in the spring term (from
    ``school_year.spring_term_start``) of its school year is reported. A rejected
    transfer is not reported: the block worked. The term dates are the policy's, not the
    school's calendar (the spring start is marked U). Basis: provincial registration
    rules [S].
    """
    policy = context.policy
    if not policy.value(TRANSFER_BLOCKED_IN_GRADUATING_FINAL_TERM, bool):
        return
    if transfer.status is TransferStatus.REJECTED:
        return
    structure = context.memo(
        COMPULSORY_STRUCTURE, lambda: policy.value(COMPULSORY_STRUCTURE, SchoolStructure)
    )
    stage = structure.stage_ended_by(transfer.grade_before)
    if stage is None:
        return
    day = transfer.applied_on
    year = SchoolYear.containing(day, policy=policy)
    if year.term_of(day) is not Term.SPRING:
        return
    yield Observation(
        subject=transfer.subject,
        source=transfer.source,
        facts={
            "applied_on": day,
            "grade_before": transfer.grade_before,
            "stage": stage,
            "structure": str(structure),
            "school_year": str(year),
            "final_term_start": year.final_term_start,
        },
    )


# TR-006 --------------------------------------------------------------------------------


def _person_records(record: StudentRecord, bundle: Bundle) -> list[StudentRecord]:
    """Every record of the same person: same student number or same resident ID number."""
    found: dict[int, StudentRecord] = {
        id(r): r for r in student_records_numbered(bundle, record.key)
    }
    if record.resident_id is not None:
        for other in student_records_of(bundle, record.resident_id.reveal()):
            found[id(other)] = other
    return list(found.values())


def _is_placed(
    record: StudentRecord,
    records: list[StudentRecord],
    transfers: list[Transfer],
    left_on: dt.date,
    context: RuleContext[Bundle],
) -> bool:
    """Whether TR-006 must stay silent on ``record``, transferred out on ``left_on``:
    the child is accounted for, left later from another school, or was taken by a
    school outside the bundle. A transfer still pending does not place the child: once
    the days have passed, a pending transfer, one naming no receiving school and one the
    receiving school has not approved leave the whereabouts unknown."""
    if any(_is_accounted_for(r) for r in records) or _has_left(records, context):
        return True
    for other in records:
        if other is not record and other.status is RecordStatus.TRANSFERRED_OUT:
            other_left = transferred_out_on(other, context.bundle)
            if other_left is not None and other_left[0] > left_on:
                return True  # the school that let the child go last is the responsible one
    return taken_outside(record, context.bundle) is not None


_PLACED = frozenset({RecordStatus.GRADUATED, RecordStatus.COMPLETED, RecordStatus.DECEASED})


def _is_accounted_for(record: StudentRecord) -> bool:
    """Whether a record shows where its child is: open, finished, dead, or lawfully
    cancelled (death, emigration, leaving the country)."""
    return record.is_open or record.status in _PLACED or record.is_lawfully_cancelled


def _has_left(records: list[StudentRecord], context: RuleContext[Bundle]) -> bool:
    """Whether the population roster shows the child dead or emigrated by the audit date."""
    for resident_id in {r.resident_id.reveal() for r in records if r.resident_id is not None}:
        child = child_of(context.bundle, resident_id)
        if child is not None and child.has_left_on(context.as_of):
            return True
    return False


@rule(
    "TR-006",
    severity=Severity.ERROR,
    about="students",
    title=("转出后去向不明（疑似辍学）", "transferred out, whereabouts unknown"),
    message=(
        "{left_on} 从 {school_id} 转出已 {days} 天（限 {limit} 天），无学校接收、"
        "无在籍学籍：去向不明，疑似辍学（所在县 {county}）",
        "transferred out of {school_id} on {left_on}, {days} days ago (limit {limit}), and "
        "no school holds an open record: whereabouts unknown, a suspected dropout "
        "(疑似辍学), county {county}",
    ),
    parameters=[TRANSFER_UNPLACED_AFTER_DAYS],
    citations=[LINXIA_NOTICE, LAW_13],
)
def transferred_out_is_placed(
    record: StudentRecord, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A student transferred out is taken by a receiving school in time (转出去向).

    A record transferred out more than ``transfer.unplaced_after_days`` days before the
    audit date is reported when no record of the same person (same student number or
    resident ID number) is open (active or suspended), finished compulsory education
    (graduated, completed), shows a death or a lawful cancellation (death, emigration,
    leaving the country), no child of the population roster with that ID number has
    died or emigrated by the audit date, no transfer of the student number is still
    open on the audit date, and no completed transfer from its school went to a school
    outside the bundle (that school's registry, not this one, holds the child; a school
    of the bundle that approved taking the child but holds no record of it is still
    reported). The day it was transferred out is its
    ``status_since``; without it, the completion date of the latest completed transfer
    from its school, else the application date of the latest transfer from its school;
    a record with none of these is not judged. Of a person's several transferred-out
    records only the latest judged one is reported (the school that let the child go
    last is the one responsible). The finding names the school responsible and its
    county (the record's household region, else the ID number's region code). Basis:
    临州办发〔2019〕18号 part two, third measure [C]; 义务教育法 art 13 [C].
    """
    if record.status is not RecordStatus.TRANSFERRED_OUT:
        return
    left = transferred_out_on(record, context.bundle)
    if left is None:
        return
    left_on, read_from = left
    days = (context.as_of - left_on).days
    limit = context.policy.value(TRANSFER_UNPLACED_AFTER_DAYS, int)
    if days <= limit:
        return
    records = _person_records(record, context.bundle)
    numbers = {r.key for r in records}
    transfers = [t for number in numbers for t in transfers_of(context.bundle, number)]
    if _is_placed(record, records, transfers, left_on, context):
        return
    yield Observation(
        subject=record.subject,
        source=record.source,
        related=tuple(t.source for t in transfers if t.source is not None),
        facts={
            "school_id": record.school_id,
            "county": record.county,
            "left_on": left_on,
            "left_on_from": read_from,
            "days": days,
            "limit": limit,
        },
    )
