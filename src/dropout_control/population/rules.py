"""Rules about the children of the population roster: out of school, deferrals, child
labour (AGE-002, AGE-003, AGE-005).

AGE-002 is the heart of the survey (调查摸底): every school-age child of the roster must
be on a record somewhere, deferred, or taught at home.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Final

from dropout_control.bundle import Bundle
from dropout_control.calendar import (
    SchoolYear,
    age_on,
    entry_year,
    school_age_window,
)
from dropout_control.completion.status import has_finished
from dropout_control.findings import Citation, Severity
from dropout_control.ledger.queries import ledger_standing
from dropout_control.ledger.stages import CaseStage
from dropout_control.policy import Mark
from dropout_control.policy.keys import (
    DISABILITY_AGE_EXTENSION_YEARS,
    ENROLMENT_AGE,
    ENROLMENT_CUTOFF,
    ENROLMENT_DEFERRAL_GROUNDS,
    ENROLMENT_DEFERRED_AGE,
    SCHOOL_AGE_UPPER,
)
from dropout_control.population.keys import EMPLOYMENT_MIN_AGE
from dropout_control.population.model import Child, Deferral, EmploymentReport
from dropout_control.population.queries import child_of, deferrals_of
from dropout_control.reasons import Stated, reason
from dropout_control.registry.queries import student_records_of
from dropout_control.rules import Observation, RuleContext, rule
from dropout_control.suspensions.keys import SUSPENSION_APPROVERS

__all__: list[str] = []

LAW_5 = Citation("义务教育法", "art 5", Mark.CONFIRMED)
LAW_11 = Citation("义务教育法", "art 11", Mark.CONFIRMED)
LAW_13 = Citation("义务教育法", "art 13", Mark.CONFIRMED)
LAW_14 = Citation("义务教育法", "art 14", Mark.CONFIRMED)
STATE_COUNCIL_72 = Citation("国办发〔2017〕72号", "", Mark.CONFIRMED)
LINXIA_NOTICE = Citation("临州办发〔2019〕18号", "part two, second measure", Mark.CONFIRMED)


def _is_extended(context: RuleContext[Bundle], *, disabled: bool) -> bool:
    return disabled and context.policy.is_in_force(DISABILITY_AGE_EXTENSION_YEARS)


_WINDOW_KEYS: Final = {extended: ("school_age_window", extended) for extended in (False, True)}


def _window(context: RuleContext[Bundle], *, disabled: bool) -> tuple[dt.date, dt.date]:
    """The school-age window; a disabled child's is extended once the extension exists."""
    extended = _is_extended(context, disabled=disabled)
    return context.memo(
        _WINDOW_KEYS[extended],
        lambda: school_age_window(context.as_of, policy=context.policy, disabled=extended),
    )


def _is_lawful(deferral: Deferral, context: RuleContext[Bundle]) -> bool:
    grounds = context.policy.value(ENROLMENT_DEFERRAL_GROUNDS, tuple)
    approvers = context.policy.value(SUSPENSION_APPROVERS, tuple)
    return deferral.grounds in grounds and deferral.approved_by in approvers


def _birth_date(
    record: Deferral | EmploymentReport, context: RuleContext[Bundle]
) -> dt.date | None:
    """A person's birth date: from the roster, else a student record, else the ID number."""
    child = child_of(context.bundle, record.key)
    if child is not None:
        return child.birth_date
    for student in student_records_of(context.bundle, record.key):
        return student.birth_date
    number = record.valid_resident_id
    return number.birth_date if number is not None else None


WINDOW = reason(
    "AGE.WINDOW",
    "学龄出生区间 {window_from} 至 {window_to}",
    "the school-age window is births from {window_from} to {window_to}",
)
WINDOW_EXTENDED = reason(
    "AGE.WINDOW_EXTENDED",
    "学龄出生区间 {window_from} 至 {window_to}，残疾儿童延长",
    "the school-age window is births from {window_from} to {window_to}, extended for a "
    "disabled child",
)


IN_LEDGER = reason(
    "AGE.IN_LEDGER",
    "（已列入台账：案例 {case_id}，{case_stage:STAGE}）",
    " (in the ledger: case {case_id}, {case_stage:STAGE})",
)


@rule(
    "AGE-002",
    severity=Severity.ERROR,
    about="population",
    needs=["students"],
    title=("适龄儿童失学", "school-age child out of school"),
    message=(
        "适龄儿童（{birth_date} 出生，{age} 周岁，{window}）无在籍、毕业或结业学籍，"
        "无批准缓学，属失学{ledger}",
        "a school-age child (born {birth_date}, aged {age}; {window}) has no open, "
        "graduated or completed record and no approved deferral: out of school{ledger}",
    ),
    parameters=[
        ENROLMENT_AGE,
        ENROLMENT_CUTOFF,
        SCHOOL_AGE_UPPER,
        ENROLMENT_DEFERRAL_GROUNDS,
        SUSPENSION_APPROVERS,
    ],
    optional_parameters=[DISABILITY_AGE_EXTENSION_YEARS],
    citations=[LAW_5, LAW_11, LAW_13, LINXIA_NOTICE],
)
def school_age_child_in_school(child: Child, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """Every school-age child of the roster is in school (适龄儿童入学).

    A child inside the school-age window on the audit date (extended for a disabled
    child), alive and not emigrated, must hold a record somewhere that is open (active
    or suspended, home teaching included) or shows compulsory education finished
    (graduated, completed), or a certificate closing compulsory education that passes
    its rules (CERT-001 to CERT-005; a certificate that fails them never excuses), or an
    approved deferral (health grounds, an allowed approver) running on the audit date.
    Otherwise the child is out of school (失学).
    Before the disability extension came into force (2017-05-01) a disabled child's
    window is the ordinary one.
    Records are matched by the resident ID number as written. A case of the dropout
    ledger closed for a reason other than return, with its evidence (death, emigration,
    assessed unable to learn, completed), excuses the child; an open case does not (the
    child is still out of school): the finding then names the case (``case_id``) and
    its stage (``case_stage``). Basis: 义务教育法 arts 5, 11, 13 [C];
    临州办发〔2019〕18号 part two [C].
    """
    if child.has_left_on(context.as_of):
        return
    earliest, latest = _window(context, disabled=child.is_disabled)
    if not earliest <= child.birth_date <= latest:
        return
    key = child.key
    records = student_records_of(context.bundle, key)
    if any(r.is_open for r in records):
        return
    numbers = (key, *(r.key for r in records))
    if has_finished(context.bundle, records, numbers, on=context.as_of, policy=context.policy):
        return
    if any(
        d.covers(context.as_of) and _is_lawful(d, context)
        for d in deferrals_of(context.bundle, key)
    ):
        return
    in_ledger = ledger_standing(
        context.bundle, key, *(r.key for r in records), as_of=context.as_of, policy=context.policy
    )
    ledger_facts: dict[str, object] = {"ledger": ""}
    if in_ledger is not None:
        case, stage = in_ledger
        if stage is CaseStage.CLOSED and case.outcome_evidence and case.outcome_evidence.strip():
            return
        ledger_facts = {
            "ledger": IN_LEDGER.given(case_id=case.case_id, case_stage=stage.value),
            "case_id": case.case_id,
            "case_stage": stage.value,
        }
    extended = _is_extended(context, disabled=child.is_disabled)
    yield Observation(
        subject=child.subject,
        source=child.source,
        related=tuple(r.source for r in records if r.source is not None),
        facts={
            "birth_date": child.birth_date,
            "age": age_on(child.birth_date, context.as_of),
            "disabled": child.is_disabled,
            "window": (WINDOW_EXTENDED if extended else WINDOW).given(
                window_from=earliest, window_to=latest
            ),
            "window_from": earliest,
            "window_to": latest,
            "household_region": child.household_region,
            "records": [r.status.value for r in records],
            **ledger_facts,
        },
    )


DEFERRAL_GROUNDS = reason(
    "AGE.DEFERRAL_GROUNDS",
    "缓学原因“{grounds:GROUND}”不是法定原因",
    "grounds {grounds!r} are not allowed",
)
DEFERRAL_APPROVER = reason(
    "AGE.DEFERRAL_APPROVER", "{approved_by:BODY}无权批准缓学", "{approved_by!r} may not approve it"
)
DEFERRAL_TOO_LONG = reason(
    "AGE.DEFERRAL_TOO_LONG",
    "截止 {until} 晚于最迟入学 {latest_until}",
    "it runs until {until}, past the latest entry {latest_until}",
)


@rule(
    "AGE-003",
    severity=Severity.ERROR,
    about="deferrals",
    title=("缓学不合规", "deferral of entry not lawful"),
    message=(
        "缓学不合规：{problems}",
        "deferral of entry is not lawful: {problems}",
    ),
    parameters=[
        ENROLMENT_DEFERRAL_GROUNDS,
        SUSPENSION_APPROVERS,
        ENROLMENT_AGE,
        ENROLMENT_DEFERRED_AGE,
        ENROLMENT_CUTOFF,
    ],
    citations=[LAW_11],
)
def deferral_is_lawful(deferral: Deferral, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """A deferral of entry is for health, approved by the township government or the county
    education bureau, and ends by the deferred enrolment age (缓学).

    The deferral may run at most to the start of the school year in which the child is
    ``enrolment.deferred_age`` at the cutoff. The birth date comes from the population
    roster, else from a student record of the same number, else from the resident ID
    number; without any, only grounds and approver are checked. Deferral grounds are a
    parameter of their own (``enrolment.deferral_grounds``), so a layer that widens the
    grounds of suspension does not widen them. Basis: 义务教育法 art 11 [C].
    """
    policy = context.policy
    problems: list[Stated] = []
    facts: dict[str, object] = {"grounds": deferral.grounds, "approved_by": deferral.approved_by}
    if deferral.grounds not in policy.value(ENROLMENT_DEFERRAL_GROUNDS, tuple):
        problems.append(DEFERRAL_GROUNDS.given(grounds=deferral.grounds))
    if deferral.approved_by not in policy.value(SUSPENSION_APPROVERS, tuple):
        problems.append(DEFERRAL_APPROVER.given(approved_by=deferral.approved_by))
    birth = _birth_date(deferral, context)
    if birth is not None:
        years = policy.value(ENROLMENT_DEFERRED_AGE, int) - policy.value(ENROLMENT_AGE, int)
        latest = SchoolYear.starting(entry_year(birth, policy=policy) + years, policy=policy).start
        facts.update(
            until=deferral.until,
            latest_until=latest,
            birth_date=birth,
            age_at_until=age_on(birth, deferral.until),
        )
        if deferral.until > latest:
            problems.append(DEFERRAL_TOO_LONG.given(until=deferral.until, latest_until=latest))
    if problems:
        yield Observation(
            subject=deferral.subject,
            source=deferral.source,
            facts={**facts, "problems": problems},
        )


@rule(
    "AGE-005",
    severity=Severity.ERROR,
    about="employment",
    title=("使用未满法定就业年龄的童工", "child under the minimum employment age employed"),
    message=(
        "{reported_on} 报告被 {employer} 雇用时仅 {age} 周岁，未满 {min_age} 周岁",
        "reported employed by {employer} on {reported_on} aged {age}, under {min_age}",
    ),
    parameters=[EMPLOYMENT_MIN_AGE],
    citations=[LAW_14, STATE_COUNCIL_72],
)
def no_child_labour(
    report: EmploymentReport, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """No child under the minimum employment age is employed (童工).

    The age on the report date comes from the roster's birth date, else from a student
    record of the same number, else from the resident ID number. Basis: 义务教育法 art 14
    [C]; 国办发〔2017〕72号 [C].
    """
    birth = _birth_date(report, context)
    if birth is None or birth > report.reported_on:
        return
    age = age_on(birth, report.reported_on)
    min_age = context.policy.value(EMPLOYMENT_MIN_AGE, int)
    if age < min_age:
        yield Observation(
            subject=report.subject,
            source=report.source,
            facts={
                "employer": report.employer,
                "reported_on": report.reported_on,
                "birth_date": birth,
                "age": age,
                "min_age": min_age,
            },
        )
