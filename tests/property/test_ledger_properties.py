"""Properties of the dropout ledger (Hypothesis).

- A case closed as returned whose child is on an active record and present in the
  latest headcount never gets DO-005; one whose child is missing from both always does.
- The stage of a generated case history never moves backwards as the date moves
  forward, except to "dropped out again" (and then DO-008 reports it).
- Every suspected dropout of the audit has a case, is within its registration days,
  or gets DO-001.
"""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from dropout_control.auditing import audit_bundle
from dropout_control.bundle import Bundle
from dropout_control.ledger import (
    Case,
    CaseHistory,
    CaseOutcome,
    CaseStage,
    Placement,
    stage_on,
)
from dropout_control.ledger.keys import CASE_REGISTER_WITHIN_DAYS
from dropout_control.ledger.queries import cases_of
from dropout_control.ledger.suspects import child_suspicions, student_suspicions
from dropout_control.policy import NATIONAL, resolve_policy
from dropout_control.population.kinds import POPULATION
from dropout_control.reconciliation.kinds import HEADCOUNTS
from dropout_control.registry import RecordStatus
from dropout_control.registry.kinds import STUDENTS
from dropout_control.rules import RuleContext
from dropout_control.strategies import case_histories, clean_bundles, violating_bundles

AS_OF = dt.date(2019, 3, 20)
POLICY = resolve_policy(NATIONAL, on=AS_OF)
DAY = dt.timedelta(days=1)


def _audit(bundle: Bundle) -> list[str]:
    report = audit_bundle(bundle, as_of=AS_OF)
    return sorted({str(f.rule) for f in report.findings})


@st.composite
def _returned_case_bundles(draw: st.DrawFn, *, confirmed: bool) -> tuple[Bundle, Case]:
    bundle = draw(clean_bundles())
    active = [r for r in bundle.records(STUDENTS) if r.status is RecordStatus.ACTIVE]
    record = draw(st.sampled_from(active))
    back = AS_OF - dt.timedelta(days=draw(st.integers(0, 60)))
    case = Case(
        "KC0001",
        back - dt.timedelta(days=draw(st.integers(0, 60))),
        student_number=record.key,
        plan_made_on=None,
        responsible="马老师",
        returned_on=back,
        closed_on=back,
        outcome=CaseOutcome.RETURNED,
        placement=Placement.REGULAR,
    )
    if confirmed:
        return bundle.evolve(cases=[case]), case
    # the child missing from both: no active record, not on any headcount
    students = [
        attrs.evolve(r, status=RecordStatus.DROPPED_OUT) if r is record else r
        for r in bundle.records(STUDENTS)
    ]
    rolls = [
        e for e in bundle.records(HEADCOUNTS) if record.key not in (e.student_number, e.resident_id)
    ]
    return bundle.evolve(students=students, headcounts=rolls, cases=[case]), case


@settings(max_examples=30, deadline=None)
@given(_returned_case_bundles(confirmed=True))
def test_a_return_confirmed_by_record_and_headcount_never_gets_do_005(
    drawn: tuple[Bundle, Case],
) -> None:
    bundle, _ = drawn
    assert "DO-005" not in _audit(bundle)


@settings(max_examples=30, deadline=None)
@given(_returned_case_bundles(confirmed=False))
def test_a_return_missing_from_record_and_headcount_always_gets_do_005(
    drawn: tuple[Bundle, Case],
) -> None:
    bundle, case = drawn
    report = audit_bundle(bundle, as_of=AS_OF)
    assert [case.case_id] == [f.subject.reveal() for f in report.select("DO-005")]


@settings(max_examples=200, deadline=None)
@given(case_histories(), st.lists(st.integers(0, 1200), min_size=2, max_size=8))
def test_the_stage_never_moves_backwards_but_to_dropped_out_again(
    history: CaseHistory, offsets: list[int]
) -> None:
    start = history.case.opened_on - dt.timedelta(days=30)
    days = sorted(start + dt.timedelta(days=n) for n in offsets)
    stages = [stage_on(history, day, policy=POLICY) for day in days]
    for before, after in itertools.pairwise(stages):
        assert after.rank >= before.rank or after is CaseStage.DROPPED_OUT_AGAIN


SUSPECT_RULES = ["AGE-002", "TR-006", "SUS-004", "REC-001", "DO-001"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(SUSPECT_RULES).flatmap(violating_bundles), st.booleans())
def test_every_suspect_has_a_case_is_within_its_days_or_gets_do_001(
    bundle: Bundle, registered: bool
) -> None:
    context: RuleContext[Bundle] = RuleContext(bundle=bundle, policy=POLICY, as_of=AS_OF)
    if registered:  # enter every suspect in the ledger today
        cases = [
            Case(f"KC{n:04}", AS_OF, student_number=r.key, plan_made_on=AS_OF, responsible="马")
            for n, r in enumerate(bundle.records(STUDENTS))
            if student_suspicions(r, context)
        ] + [
            Case(f"KP{n:04}", AS_OF, resident_id=c.key, plan_made_on=AS_OF, responsible="马")
            for n, c in enumerate(bundle.records(POPULATION))
            if child_suspicions(c, context)
        ]
        bundle = bundle.evolve(cases=cases)
        context = RuleContext(bundle=bundle, policy=POLICY, as_of=AS_OF)
    report = audit_bundle(bundle, as_of=AS_OF)
    flagged = {str(f.source) for f in report.select("DO-001")} | {
        str(s) for f in report.select("DO-001") for s in f.related
    }
    limit = dt.timedelta(days=POLICY.value(CASE_REGISTER_WITHIN_DAYS, int))
    subjects = [(r.key, student_suspicions(r, context)) for r in bundle.records(STUDENTS)] + [
        (c.key, child_suspicions(c, context)) for c in bundle.records(POPULATION)
    ]
    for key, found in subjects:
        if not found:
            continue
        numbers = [key]
        has_case = bool(cases_of(bundle, *numbers))
        within = AS_OF <= found[0].since + limit
        named = str(found[0].source) in flagged if found[0].source else False
        assert has_case or within or named
        if has_case:
            assert not named
