"""Rules of the dropout ledger (DO-001 to DO-009): every suspected dropout entered, every
case planned, owned, followed, reported and closed on evidence, every return real.

Basis: 临州办发〔2019〕18号 part two [C]: a ledger (台账) and an individual return plan
(一人一策) for each child out of school, persuasion until the child is back, the
returned kept in school (保学巩固), 职普融合 for older children out long; the central
inspection found the figures "watered down" (注水). 未成年人保护法 art 28 [C]: a written
report when persuasion fails. 残疾人教育条例 arts 20-21 [C]: the expert committee
assesses a disabled child. The day counts are the library's defaults [U].
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Final

from dropout_control.bundle import Bundle
from dropout_control.calendar import SchoolYear, usual_grade
from dropout_control.findings import Citation, Severity
from dropout_control.ledger.keys import (
    ABSENCE_SUSPECTED_DROPOUT_SCHOOL_DAYS,
    CASE_CONTACT_EVERY_DAYS,
    CASE_PLAN_WITHIN_DAYS,
    CASE_REGISTER_WITHIN_DAYS,
    CASE_STEP_OWNER_ROLES,
    CASE_WRITTEN_REPORT_AFTER_FAILED_ATTEMPTS,
    PLACEMENT_OVER_AGE_YEARS_FOR_VOCATIONAL,
)
from dropout_control.ledger.model import Case, CaseOutcome
from dropout_control.ledger.queries import cases_of, history_of
from dropout_control.ledger.stages import CaseHistory, CaseStage, last_contact, next_step, stage_on
from dropout_control.ledger.suspects import (
    Suspicion,
    child_suspicions,
    may_be_suspect,
    possible_suspects,
    sources_of,
    student_suspicions,
)
from dropout_control.policy import Mark
from dropout_control.population.model import Child
from dropout_control.reasons import reason
from dropout_control.reconciliation.queries import latest_headcount_month, latest_roll_entry
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.registry.queries import student_records_numbered, student_records_of
from dropout_control.rules import Observation, RuleContext, rule

__all__: list[str] = []

LINXIA_LEDGER = Citation("临州办发〔2019〕18号", "part two, second measure", Mark.CONFIRMED)
LINXIA_PLACEMENT = Citation("临州办发〔2019〕18号", "part two, third measure", Mark.CONFIRMED)
LINXIA_DUTIES = Citation("临州办发〔2019〕18号", "part two, first measure", Mark.CONFIRMED)
LINXIA_INSPECTION = Citation("临州办发〔2019〕18号", "part one (注水)", Mark.CONFIRMED)
MINORS_LAW_28 = Citation("未成年人保护法", "art 28", Mark.CONFIRMED)
DISABLED_EDUCATION = Citation("残疾人教育条例", "arts 20-21", Mark.CONFIRMED)
MOE_2020 = Citation("MOE 2020 opinions on 控辍保学", "placement", Mark.SECONDARY)

_ONE_DAY = dt.timedelta(days=1)


def _history(case: Case, context: RuleContext[Bundle]) -> CaseHistory:
    return history_of(context.bundle, case)


# DO-001 --------------------------------------------------------------------------------


def _is_registered(cases: tuple[Case, ...], since: dt.date, as_of: dt.date) -> bool:
    """Whether a case of the child, opened by ``as_of``, was not closed before the
    suspicion began: the ledger holds this suspicion."""
    return any(
        case.opened_on <= as_of and (case.closed_on is None or case.closed_on >= since)
        for case in cases
    )


def _not_registered(
    suspicions: list[Suspicion], cases: tuple[Case, ...], context: RuleContext[Bundle]
) -> Iterator[Observation]:
    if not suspicions:
        return
    first = suspicions[0]
    limit = context.policy.value(CASE_REGISTER_WITHIN_DAYS, int)
    due = first.since + dt.timedelta(days=limit)
    if context.as_of <= due or _is_registered(cases, first.since, context.as_of):
        return
    sources = sources_of(suspicions)
    yield Observation(
        subject=first.subject,
        source=sources[0] if sources else None,
        related=sources[1:],
        facts={
            "suspected_by": first.suspected_by,
            "also_suspected_by": sorted({s.suspected_by for s in suspicions[1:]}),
            "suspected_since": first.since,
            "due_by": due,
            "days_late": (context.as_of - due).days,
            "limit": limit,
        },
    )


@rule(
    "DO-001",
    severity=Severity.ERROR,
    about=("students", "population"),
    needs=["cases"],
    title=("疑似辍学未及时登记入台账", "suspected dropout not entered in the ledger"),
    message=(
        "自 {suspected_since} 起疑似辍学（{suspected_by}），应于 {due_by} 前登记入控辍"
        "台账（限 {limit} 天），至今逾期 {days_late} 天未登记",
        "a suspected dropout since {suspected_since} ({suspected_by}) was due in the "
        "dropout ledger by {due_by} ({limit} days) and is not there, {days_late} days late",
    ),
    parameters=[CASE_REGISTER_WITHIN_DAYS],
    optional_parameters=[ABSENCE_SUSPECTED_DROPOUT_SCHOOL_DAYS],
    citations=[LINXIA_LEDGER],
    among=possible_suspects,
)
def suspect_in_ledger(
    subject: StudentRecord | Child, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """Every suspected dropout goes into the ledger in time (疑似辍学登记入台账).

    A suspected dropout (see :mod:`dropout_control.ledger.suspects`: an unexcused
    absence spell reaching ``absence.suspected_dropout_school_days``, TR-006, SUS-004,
    REC-001, AGE-002) not in the ledger ``case.register_within_days`` days after the
    day it became one is reported, with the rule that found it (``suspected_by``) and
    the rows that made it one. A case of the child (by student number or resident ID
    number) opened by the audit date and not closed before the suspicion began holds
    it, even when opened late. Of several suspicions the earliest is reported. A
    child of the roster whose student record is itself a suspect is reported on the
    record. The rule does not run without a ledger (``cases``): who is registered is
    then not known. Basis: 临州办发〔2019〕18号 part two, second measure [C]; the days
    are the library's default [U].
    """
    if not may_be_suspect(subject, context):
        return
    bundle = context.bundle
    if isinstance(subject, StudentRecord):
        suspicions = student_suspicions(subject, context)
        if not suspicions:
            return
        resident = subject.resident_id.reveal() if subject.resident_id else None
        cases = cases_of(bundle, subject.key, resident)
    else:
        suspicions = child_suspicions(subject, context)
        numbers = [r.key for r in student_records_of(bundle, subject.key)]
        cases = cases_of(bundle, subject.key, *numbers) if suspicions else ()
    yield from _not_registered(suspicions, cases, context)


# DO-002 --------------------------------------------------------------------------------


@rule(
    "DO-002",
    severity=Severity.ERROR,
    about="cases",
    title=("未制定一人一策劝返方案", "no individual return plan"),
    message=(
        "{opened_on} 立案，应于 {due_by} 前制定一人一策方案（限 {limit} 天），至今逾期 "
        "{days_late} 天仍无方案（当前进度：{stage:STAGE}）",
        "opened on {opened_on}, the individual return plan (一人一策) was due by {due_by} "
        "({limit} days) and there is none, {days_late} days late (stage {stage})",
    ),
    parameters=[CASE_PLAN_WITHIN_DAYS],
    citations=[LINXIA_LEDGER],
)
def case_has_plan(case: Case, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """An open case has its individual return plan in time (一人一策).

    A case still open on the audit date (registered, planned or in persuasion: the
    child not back) with no plan made by then, more than ``case.plan_within_days``
    days after it was opened, is reported. A plan made late but made is not.
    Basis: 临州办发〔2019〕18号 part two, second measure [C]; the days are the library's
    default [U].
    """
    as_of = context.as_of
    if case.opened_on > as_of or (case.plan_made_on is not None and case.plan_made_on <= as_of):
        return
    stage = stage_on(_history(case, context), as_of, policy=context.policy)
    if not stage.is_open:
        return
    limit = context.policy.value(CASE_PLAN_WITHIN_DAYS, int)
    due = case.opened_on + dt.timedelta(days=limit)
    if as_of <= due:
        return
    yield Observation(
        subject=case.subject,
        source=case.source,
        facts={
            "opened_on": case.opened_on,
            "due_by": due,
            "limit": limit,
            "days_late": (as_of - due).days,
            "stage": stage.value,
        },
    )


# DO-003 --------------------------------------------------------------------------------


@rule(
    "DO-003",
    severity=Severity.WARNING,
    about="cases",
    title=("当前环节无具体责任人", "no named person responsible"),
    message=(
        "案例处于{stage:STAGE}，下一环节“{step:STEP}”未写明具体责任人（默认由 {roles} 负责）",
        "the case is {stage} and names nobody responsible for its next step, {step} "
        "(by default: {roles})",
    ),
    optional_parameters=[CASE_STEP_OWNER_ROLES],
    citations=[LINXIA_DUTIES],
)
def case_has_owner(case: Case, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """An open case names who answers for its current step (责任到人).

    A case still open on the audit date (the child not back) whose ``responsible`` is
    empty is reported, with the roles ``case.step_owner_roles`` gives the step by
    default (以县为主, 双线控辍): a role is no person. Basis: 临州办发〔2019〕18号 part
    two, first measure [C].
    """
    if case.names_responsible or case.opened_on > context.as_of:
        return
    step = next_step(_history(case, context), context.as_of, policy=context.policy)
    if step is None or not step.stage.is_open:
        return
    yield Observation(
        subject=case.subject,
        source=case.source,
        facts={
            "stage": step.stage.value,
            "step": step.step.value,
            "roles": ", ".join(step.owner) or "?",
        },
    )


# DO-004 --------------------------------------------------------------------------------


@rule(
    "DO-004",
    severity=Severity.ERROR,
    about="cases",
    needs=["attempts"],
    title=("劝返失败未书面报告", "failed persuasion not reported in writing"),
    message=(
        "已 {failed} 次劝返未果（第 {needed} 次在 {reached_on}），未见向教育行政部门的书面报告",
        "persuasion failed {failed} times (the {needed}th on {reached_on}) and no written "
        "report to the education authority is recorded",
    ),
    parameters=[CASE_WRITTEN_REPORT_AFTER_FAILED_ATTEMPTS],
    citations=[MINORS_LAW_28],
)
def failed_persuasion_reported(case: Case, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """Persuasion that failed is reported in writing (书面报告).

    A case whose failed or refused attempts by the audit date number at least
    ``case.written_report_after_failed_attempts``, while the child is not back and no
    written report is recorded on or before the audit date, is reported. Basis:
    未成年人保护法 art 28 [C]; the count is the library's default [U].
    """
    as_of = context.as_of
    if case.written_report_on is not None and case.written_report_on <= as_of:
        return
    history = _history(case, context)
    needed = context.policy.value(CASE_WRITTEN_REPORT_AFTER_FAILED_ATTEMPTS, int)
    failed = history.failed_attempts_by(as_of)
    if len(failed) < max(needed, 1):
        return
    if not stage_on(history, as_of, policy=context.policy).is_open:
        return
    yield Observation(
        subject=case.subject,
        source=case.source,
        related=tuple(a.source for a in failed if a.source is not None),
        facts={"failed": len(failed), "needed": needed, "reached_on": failed[needed - 1].on},
    )


# DO-005 --------------------------------------------------------------------------------

NO_ACTIVE_RECORD = reason(
    "DO.NO_ACTIVE_RECORD", "学生无在读学籍", "the student is on no active record"
)
NOT_IN_HEADCOUNT = reason(
    "DO.NOT_IN_HEADCOUNT",
    "学生不在 {school_id} {month} 的在校名单中",
    "the student is not present in {school_id}'s headcount of {month}",
)


@rule(
    "DO-005",
    severity=Severity.ERROR,
    about="cases",
    needs=["students"],
    title=("销号返校但学生不在校（注水）", "closed as returned but not in school"),
    message=(
        "{closed_on} 以返校复学销号，但{why}：返校只在纸面上（注水）",
        "closed on {closed_on} as returned, but {why}: returned on paper only (注水)",
    ),
    citations=[LINXIA_INSPECTION, LINXIA_PLACEMENT],
)
def return_is_real(case: Case, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """A case closed as returned has its child in school (返校真实).

    The child (by the case's student number, else resident ID number) must hold an
    active record, and be present (or excused) in the latest monthly headcount of that
    record's school when headcounts were read and the school has one. Otherwise the
    return is on paper only. Basis: 临州办发〔2019〕18号 part one (the inspection's
    注水) and part three (monthly checks) [C].
    """
    if not (case.is_closed_as_returned and case.is_closed_by(context.as_of)):
        return
    closed_on = case.closed_on
    bundle = context.bundle
    records = [
        *(student_records_numbered(bundle, case.student_number) if case.student_number else ()),
        *(student_records_of(bundle, case.resident_id) if case.resident_id else ()),
    ]
    active = [r for r in records if r.status is RecordStatus.ACTIVE]
    related = tuple(r.source for r in records if r.source is not None)
    if not active:
        yield Observation(
            subject=case.subject,
            source=case.source,
            related=related,
            facts={"closed_on": closed_on, "why": NO_ACTIVE_RECORD.given()},
        )
        return
    if "headcounts" not in bundle.kinds:
        return
    for record in active:
        month = latest_headcount_month(bundle).get(record.school_id)
        if month is None:
            return
        resident = record.resident_id.reveal() if record.resident_id else None
        entry = latest_roll_entry(bundle, record.school_id, record.key, resident)
        if entry is not None and (entry.present or entry.excuse is not None):
            return
    record = active[0]
    month = latest_headcount_month(bundle)[record.school_id]
    yield Observation(
        subject=case.subject,
        source=case.source,
        related=related,
        facts={
            "closed_on": closed_on,
            "school_id": record.school_id,
            "month": str(month),
            "why": NOT_IN_HEADCOUNT.given(school_id=record.school_id, month=str(month)),
        },
    )


# DO-006 --------------------------------------------------------------------------------

NEEDED_EVIDENCE: Final = {
    CaseOutcome.DECEASED: reason(
        "DO.EVIDENCE_DEATH",
        "死亡证明或户籍注销证明",
        "a death certificate or the cancelled household registration",
    ),
    CaseOutcome.EMIGRATED: reason(
        "DO.EVIDENCE_EMIGRATION",
        "出国定居或户籍迁出证明",
        "proof of settling abroad or of the household moved away",
    ),
    CaseOutcome.UNABLE_TO_LEARN: reason(
        "DO.EVIDENCE_ASSESSMENT",
        "残疾人教育专家委员会的评估意见",
        "the assessment of the expert committee on the education of the disabled",
    ),
    CaseOutcome.COMPLETED: reason(
        "DO.EVIDENCE_COMPLETION",
        "毕业证书或义务教育完成证书",
        "a graduation or compulsory-education completion certificate",
    ),
}


@rule(
    "DO-006",
    severity=Severity.ERROR,
    about="cases",
    title=("非返校销号缺少依据", "closed for another reason without evidence"),
    message=(
        "{closed_on} 以“{outcome:OUTCOME}”销号，未记录所需依据：{needed}",
        "closed on {closed_on} as {outcome} with no record of the evidence it needs: {needed}",
    ),
    citations=[LINXIA_LEDGER, DISABLED_EDUCATION],
)
def closing_has_evidence(case: Case, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """A case closed for a reason other than return shows its evidence (销号依据).

    Death, emigration, an assessment that the child cannot be taught (by the expert
    committee, 残疾人教育条例 arts 20-21 [C]) or completed compulsory education each
    need a document; a case closed for one of them by the audit date with no
    ``outcome_evidence`` is reported. Basis: 临州办发〔2019〕18号 part two [C].
    """
    outcome = case.outcome
    if outcome is None or outcome is CaseOutcome.RETURNED or not case.is_closed_by(context.as_of):
        return
    if case.outcome_evidence and case.outcome_evidence.strip():
        return
    yield Observation(
        subject=case.subject,
        source=case.source,
        facts={
            "closed_on": case.closed_on,
            "outcome": outcome.value,
            "needed": NEEDED_EVIDENCE[outcome].given(),
        },
    )


# DO-007 --------------------------------------------------------------------------------


@rule(
    "DO-007",
    severity=Severity.WARNING,
    about="cases",
    needs=["attempts"],
    title=("长期未开展劝返", "no persuasion for too long"),
    message=(
        "最近一次工作在 {last_contact}，已 {days} 天无劝返记录（限 {limit} 天）",
        "last acted on {last_contact}, no persuasion attempt for {days} days (limit {limit})",
    ),
    parameters=[CASE_CONTACT_EVERY_DAYS],
    citations=[LINXIA_LEDGER],
)
def case_is_followed(case: Case, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """An open case is worked on (劝返不断线).

    A case still open on the audit date (the child not back) whose latest persuasion
    attempt (else its plan, else its opening) is more than ``case.contact_every_days``
    days old is stale. Basis: 临州办发〔2019〕18号 part two, second measure [C]; the
    days are the library's default [U].
    """
    as_of = context.as_of
    if case.opened_on > as_of:
        return
    history = _history(case, context)
    if not stage_on(history, as_of, policy=context.policy).is_open:
        return
    last = last_contact(history, as_of)
    limit = context.policy.value(CASE_CONTACT_EVERY_DAYS, int)
    days = (as_of - last).days
    if days <= limit:
        return
    yield Observation(
        subject=case.subject,
        source=case.source,
        facts={"last_contact": last, "days": days, "limit": limit},
    )


# DO-008 --------------------------------------------------------------------------------


@rule(
    "DO-008",
    severity=Severity.WARNING,
    about="cases",
    title=("复学后再次辍学", "dropped out again after returning"),
    message=(
        "{returned_on} 返校，{dropped_again_on} 再次辍学：保学巩固未成功",
        "returned on {returned_on} and out again on {dropped_again_on}: the return did "
        "not hold (保学巩固)",
    ),
    citations=[LINXIA_LEDGER],
)
def return_holds(case: Case, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """A returned child stays in school (保学巩固).

    A case whose child came back and, by the audit date, is out again (a later case of
    the child opened after the return, or a record of the child marked dropped out
    since a day after it) is reported: its stage is "dropped out again". Basis:
    临州办发〔2019〕18号 part two, second measure [C] (keep the returned in school until
    they graduate).
    """
    history = _history(case, context)
    if stage_on(history, context.as_of, policy=context.policy) is not CaseStage.DROPPED_OUT_AGAIN:
        return
    yield Observation(
        subject=case.subject,
        source=case.source,
        facts={"returned_on": history.return_day, "dropped_again_on": history.dropped_again_on},
    )


# DO-009 --------------------------------------------------------------------------------


@rule(
    "DO-009",
    severity=Severity.WARNING,
    about="cases",
    needs=["students"],
    title=("超龄复学生未考虑职普融合", "over-age returnee placed without considering 职普融合"),
    message=(
        "{returned_on} 返校，{grade} 年级，比该年级通常年龄大 {years_over} 岁（达 {limit} 岁），"
        "安置于普通班（{placement:PLACEMENT}），未记录考虑职普融合或单独编班",
        "returned on {returned_on} to grade {grade}, {years_over} years over the grade's "
        "usual age (threshold {limit}), placed in an ordinary class ({placement}) with no "
        "recorded consideration of 职普融合 or a separate class",
    ),
    parameters=[PLACEMENT_OVER_AGE_YEARS_FOR_VOCATIONAL],
    citations=[LINXIA_PLACEMENT, MOE_2020],
)
def over_age_placement_considered(
    case: Case, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """An over-age returnee's placement considers 职普融合 (安置).

    A case whose child came back by the audit date, placed in an ordinary class
    (regular or inserted), with ``vocational_considered`` not recorded as true, whose
    record (by student number, else resident ID; the active one first) puts it at
    least ``placement.over_age_years_for_vocational`` grades below the usual grade of
    its birth date in the audit date's school year (the record's grade is today's),
    is reported. Basis:
    临州办发〔2019〕18号 part two, third measure [C]; MOE 2020 opinions [S]; the
    threshold is the library's default [U].
    """
    returned = case.return_day
    placement = case.placement
    if returned is None or returned > context.as_of or placement is None:
        return
    if not placement.is_ordinary_class or case.vocational_considered is True:
        return
    bundle = context.bundle
    records = [
        *(student_records_numbered(bundle, case.student_number) if case.student_number else ()),
        *(student_records_of(bundle, case.resident_id) if case.resident_id else ()),
    ]
    if not records:
        return
    record = next((r for r in records if r.status is RecordStatus.ACTIVE), records[0])
    year = SchoolYear.containing(context.as_of, policy=context.policy)
    years_over = usual_grade(record.birth_date, year, policy=context.policy) - record.grade
    limit = context.policy.value(PLACEMENT_OVER_AGE_YEARS_FOR_VOCATIONAL, int)
    if years_over < limit:
        return
    yield Observation(
        subject=case.subject,
        source=case.source,
        related=(record.source,) if record.source else (),
        facts={
            "returned_on": returned,
            "grade": record.grade,
            "years_over": years_over,
            "limit": limit,
            "placement": placement.value,
        },
    )
