"""A case's stage on a date, its next step, who owns it, and by when (案例进度).

The stage is derived from the case's dated events, never stored: opened (registered,
立案), a return plan made (planned, 一人一策), persuasion attempted (in persuasion, 劝返),
the child back (returned and placed, 复学安置), still in school a term later
(consolidated, 巩固), closed for another reason with its evidence (closed, 销号), or out
again after a return (dropped out again, 再次辍学). Before it was opened the child was
only a suspect (suspected, 疑似辍学).

Each event counts from its day on, so the stage never moves backwards as the date moves
forward; a return followed by a new dropout is the one exception the ledger reports
(DO-008).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import cast

import attrs

from dropout_control.calendar import SchoolYear, Term
from dropout_control.codes import Code
from dropout_control.ledger.keys import (
    CASE_CONTACT_EVERY_DAYS,
    CASE_PLAN_WITHIN_DAYS,
    CASE_STEP_OWNER_ROLES,
    CASE_WRITTEN_REPORT_AFTER_FAILED_ATTEMPTS,
)
from dropout_control.ledger.model import Attempt, Case
from dropout_control.policy import Policy

__all__ = [
    "CaseHistory",
    "CaseStage",
    "NextStep",
    "Step",
    "a_term_later",
    "next_step",
    "stage_on",
]


class CaseStage(Code):
    """Where a case stands on a date (案例进度)."""

    SUSPECTED = ("suspected", "疑似辍学")
    REGISTERED = ("registered", "已立案")
    PLANNED = ("planned", "已制定方案")
    IN_PERSUASION = ("in_persuasion", "劝返中")
    RETURNED = ("returned", "已返校安置")
    CONSOLIDATED = ("consolidated", "已巩固")
    CLOSED = ("closed", "因其他原因销号")
    DROPPED_OUT_AGAIN = ("dropped_out_again", "再次辍学")

    @property
    def rank(self) -> int:
        """The order of stages in a case's life (dropped out again comes last)."""
        return _RANKS[self]

    @property
    def is_open(self) -> bool:
        """Whether the child is still out of school with the case running: registered,
        planned or in persuasion."""
        return self in (CaseStage.REGISTERED, CaseStage.PLANNED, CaseStage.IN_PERSUASION)

    @property
    def is_followed(self) -> bool:
        """Whether the ledger still follows the case: open, or returned and not yet
        consolidated."""
        return self.is_open or self is CaseStage.RETURNED


_RANKS = {stage: number for number, stage in enumerate(CaseStage)}


class Step(Code):
    """A step of a case, as ``case.step_owner_roles`` names them (工作环节)."""

    SURVEY = ("survey", "摸底")
    REGISTRATION = ("registration", "立案")
    PLAN = ("plan", "制定方案")
    PERSUASION = ("persuasion", "劝返")
    REPORT = ("report", "书面报告")
    PLACEMENT = ("placement", "安置")
    CONSOLIDATION = ("consolidation", "巩固")


CaseStage.words("STAGE")
Step.words("STEP")


@attrs.frozen
class CaseHistory:
    """A case with its persuasion attempts, and the day the child dropped out again
    after its return (a later case of the child opened, or a record marked dropped
    out), if it did. Built from a bundle by
    :func:`dropout_control.ledger.queries.history_of`."""

    case: Case
    attempts: tuple[Attempt, ...] = ()
    dropped_again_on: dt.date | None = None

    def attempts_by(self, day: dt.date) -> tuple[Attempt, ...]:
        """The attempts made on or before ``day``, in date order."""
        return tuple(sorted((a for a in self.attempts if a.on <= day), key=lambda a: a.on))

    def failed_attempts_by(self, day: dt.date) -> tuple[Attempt, ...]:
        """The attempts on or before ``day`` that did not bring the child back."""
        return tuple(a for a in self.attempts_by(day) if a.outcome.is_failure)

    @property
    def return_day(self) -> dt.date | None:
        """The day the child came back: the case's return, else the first attempt that
        brought the child back."""
        day = self.case.return_day
        if day is not None:
            return day
        returns = [a.on for a in self.attempts if not a.outcome.is_failure]
        return min(returns) if returns else None


def a_term_later(day: dt.date, *, policy: Policy) -> dt.date:
    """The same point of the next term (学期): as far into the next term as ``day`` is
    into its own, and no later than the last day of that next term.

    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 9, 1))
    >>> a_term_later(dt.date(2019, 10, 8), policy=policy)
    datetime.date(2020, 4, 7)
    >>> a_term_later(dt.date(2020, 3, 10), policy=policy)
    datetime.date(2020, 9, 10)
    """
    year = SchoolYear.containing(day, policy=policy)
    following = SchoolYear.starting(year.start_year + 1, policy=policy)
    if year.term_of(day) is Term.AUTUMN:
        this_start, next_start, after_next = year.start, year.spring_term_start, following.start
    else:
        this_start, next_start = year.spring_term_start, following.start
        after_next = following.spring_term_start
    return min(next_start + (day - this_start), after_next - dt.timedelta(days=1))


def stage_on(  # noqa: PLR0911 - one return per stage, latest first
    history: CaseHistory, as_of: dt.date, *, policy: Policy
) -> CaseStage:
    """The stage of a case on ``as_of``, from its dated events.

    Each event counts from its day: opened (registered), plan made (planned), an
    attempt or a written report (in persuasion), the return (returned and placed), a
    term after the return (consolidated), closed for a reason other than return
    (closed), out again after the return (dropped out again). The latest stage reached
    wins.

    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 9, 1))
    >>> case = Case("C1", dt.date(2019, 9, 20), resident_id="622921201001010031",
    ...             plan_made_on=dt.date(2019, 9, 25), returned_on=dt.date(2019, 10, 8))
    >>> [str(stage_on(CaseHistory(case), day, policy=policy)) for day in (
    ...     dt.date(2019, 9, 1), dt.date(2019, 9, 20), dt.date(2019, 9, 30),
    ...     dt.date(2019, 10, 8), dt.date(2020, 4, 7))]
    ['suspected', 'registered', 'planned', 'returned', 'consolidated']
    """
    case = history.case
    returned = history.return_day
    if returned is not None and returned <= as_of:
        again = history.dropped_again_on
        if again is not None and returned < again <= as_of:
            return CaseStage.DROPPED_OUT_AGAIN
    if case.is_closed_by(as_of) and not case.is_closed_as_returned:
        return CaseStage.CLOSED
    if returned is not None and returned <= as_of:
        if a_term_later(returned, policy=policy) <= as_of:
            return CaseStage.CONSOLIDATED
        return CaseStage.RETURNED
    if history.attempts_by(as_of) or _by(case.written_report_on, as_of):
        return CaseStage.IN_PERSUASION
    if _by(case.plan_made_on, as_of):
        return CaseStage.PLANNED
    if case.opened_on <= as_of:
        return CaseStage.REGISTERED
    return CaseStage.SUSPECTED


def _by(day: dt.date | None, as_of: dt.date) -> bool:
    return day is not None and day <= as_of


@attrs.frozen
class NextStep:
    """What a case waits for on a date: the step, who owns it, by when, and how many
    days late it is (0 when not late). ``owner`` is the case's ``responsible`` when it
    names one, else the roles of ``case.step_owner_roles`` for the step;
    ``named_owner`` says which."""

    stage: CaseStage
    step: Step
    owner: tuple[str, ...]
    named_owner: bool
    due_on: dt.date | None
    overdue_days: int

    @property
    def is_overdue(self) -> bool:
        """Whether the step is late on the date asked about."""
        return self.overdue_days > 0


def _owner(case: Case, step: Step, policy: Policy) -> tuple[tuple[str, ...], bool]:
    if case.names_responsible and case.responsible is not None:
        return (case.responsible.strip(),), True
    if not policy.is_in_force(CASE_STEP_OWNER_ROLES):
        return (), False
    roles = cast("Mapping[str, tuple[str, ...]]", policy.value(CASE_STEP_OWNER_ROLES))
    table_step = Step.PERSUASION if step is Step.CONSOLIDATION else step
    return tuple(roles.get(table_step.value, ())), False


def _days(policy: Policy, key: str) -> dt.timedelta | None:
    if not policy.is_in_force(key):
        return None
    return dt.timedelta(days=policy.value(key, int))


def _plus(day: dt.date | None, span: dt.timedelta | None) -> dt.date | None:
    return None if day is None or span is None else day + span


def next_step(history: CaseHistory, as_of: dt.date, *, policy: Policy) -> NextStep | None:
    """The step a case waits for on ``as_of``, or None when the case is finished
    (consolidated, closed, dropped out again: a new case follows the child then).

    - registered: the return plan, due ``case.plan_within_days`` after opening;
    - planned or in persuasion: the written report to the education authority once
      ``case.written_report_after_failed_attempts`` attempts failed (due on the day of
      the last of them), else the next persuasion attempt, due
      ``case.contact_every_days`` after the last attempt (or the plan, or the opening);
    - returned: the placement, due on the day of return when none is recorded, else the
      consolidation a term later (never late: time brings it).

    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 10, 20))
    >>> case = Case("C1", dt.date(2019, 9, 20), resident_id="622921201001010031")
    >>> step = next_step(CaseHistory(case), dt.date(2019, 10, 20), policy=policy)
    >>> str(step.step), step.owner, step.due_on, step.overdue_days
    ('plan', ('township_government',), datetime.date(2019, 10, 5), 15)
    """
    stage = stage_on(history, as_of, policy=policy)
    case = history.case
    step: Step
    due: dt.date | None
    if stage is CaseStage.REGISTERED:
        step, due = Step.PLAN, _plus(case.opened_on, _days(policy, CASE_PLAN_WITHIN_DAYS))
    elif stage in (CaseStage.PLANNED, CaseStage.IN_PERSUASION):
        step, due = _persuasion_step(history, as_of, policy)
    elif stage is CaseStage.RETURNED:
        returned = history.return_day
        if case.placement is None:
            step, due = Step.PLACEMENT, returned
        else:
            step = Step.CONSOLIDATION
            due = None if returned is None else a_term_later(returned, policy=policy)
    else:
        return None
    owner, named = _owner(case, step, policy)
    late = 0
    if due is not None and step is not Step.CONSOLIDATION and due < as_of:
        late = (as_of - due).days
    return NextStep(stage, step, owner, named, due, late)


def _persuasion_step(
    history: CaseHistory, as_of: dt.date, policy: Policy
) -> tuple[Step, dt.date | None]:
    case = history.case
    failed = history.failed_attempts_by(as_of)
    if policy.is_in_force(CASE_WRITTEN_REPORT_AFTER_FAILED_ATTEMPTS):
        needed = policy.value(CASE_WRITTEN_REPORT_AFTER_FAILED_ATTEMPTS, int)
        if len(failed) >= needed and not _by(case.written_report_on, as_of):
            return Step.REPORT, failed[needed - 1].on if needed > 0 else case.opened_on
    contact_every = _days(policy, CASE_CONTACT_EVERY_DAYS)
    return Step.PERSUASION, _plus(last_contact(history, as_of), contact_every)


def last_contact(history: CaseHistory, as_of: dt.date) -> dt.date:
    """The last day the case was acted on by ``as_of``: the latest attempt, else the
    plan, else the opening."""
    attempts = history.attempts_by(as_of)
    if attempts:
        return attempts[-1].on
    case = history.case
    if _by(case.plan_made_on, as_of) and case.plan_made_on is not None:
        return case.plan_made_on
    return case.opened_on
