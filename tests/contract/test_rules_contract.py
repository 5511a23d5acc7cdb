"""The contract of every rule: it fires on its violating bundles, and only it.

For each rule of the catalogue (:func:`~dropout_control.catalogue.load_rules`) the
strategies hold a violating bundle: a clean bundle with one plant that the rule must
report (:func:`~dropout_control.strategies.violating_bundles`). A rule registered
without one fails here.

Interactions allowed: none. The audit of a violating bundle of rule X has at least one
finding of X and no finding at all, of any severity, of any other rule; every rule runs
(none is skipped for want of a file or a field). Clean bundles give no finding at all,
not even information.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dropout_control.auditing import audit_bundle
from dropout_control.bundle import Bundle
from dropout_control.catalogue import load_rules
from dropout_control.findings import Report, SourceLocation
from dropout_control.identity import StudentNumber
from dropout_control.policy import LINXIA, NATIONAL, resolve_policy
from dropout_control.strategies import RULES_WITH_STRATEGIES, clean_bundles, violating_bundles
from dropout_control.transfers import Transfer, TransferStatus

AS_OF = dt.date(2019, 3, 20)
RULE_IDS = [str(item.id) for item in load_rules()]

_SUSPECT = frozenset({"DO-001"})
ALLOWED_INTERACTIONS: dict[str, frozenset[str]] = {
    # A suspected dropout not entered in the ledger within its days is DO-001 as well.
    "AGE-002": _SUSPECT,
    "TR-006": _SUSPECT,
    "SUS-004": _SUSPECT,
    "REC-001": _SUSPECT,
    # A returnee over-age by the vocational threshold is over-age for AGE-004 too.
    "DO-009": frozenset({"AGE-004"}),
}
"""Other rules a rule's violating bundle may also break."""


def first_day_it_runs(rule_id: str) -> dt.date:
    """:data:`AS_OF`, or the day the rule's last parameter comes into force if later
    (DO-004 reads a parameter in force from 1 June 2021)."""
    policy = resolve_policy(NATIONAL, on=AS_OF)
    later = [
        policy.not_in_force[key]
        for key in load_rules()[rule_id].parameters
        if key in policy.not_in_force
    ]
    return max([AS_OF, *later])


# Audit dates on which every parameter of the national and Linxia policies is in force
# and the working-day calendar holds the whole school year (to 2026, so to the school
# year 2025-2026: HT-002 counts the school days of the whole year), school-year and
# month boundaries and a leap day among them.
EVERY_RULE_RUNS = st.one_of(
    st.dates(min_value=dt.date(2019, 3, 20), max_value=dt.date(2026, 8, 31)),
    st.sampled_from(
        [dt.date(2019, 8, 31), dt.date(2019, 9, 1), dt.date(2020, 2, 29), dt.date(2021, 3, 1)]
    ),
)
JURISDICTIONS = st.sampled_from([NATIONAL, LINXIA, "622921", "620000"])


def audit(bundle: Bundle, *, as_of: dt.date = AS_OF, jurisdiction: str = NATIONAL) -> Report:
    return audit_bundle(bundle, as_of=as_of, jurisdiction=jurisdiction)


def rules_found(report: Report) -> list[str]:
    return sorted({str(finding.rule) for finding in report.findings})


def skipped_but_for_the_date(report: Report) -> list[str]:
    """The rules skipped for another reason than a parameter not yet in force."""
    return [str(s.rule) for s in report.skipped_rules if "not in force" not in s.why]


def assert_breaks_only(report: Report, rule_id: str) -> None:
    assert [] == skipped_but_for_the_date(report)
    assert report.select(rule_id), f"no {rule_id} finding"
    allowed = {rule_id} | ALLOWED_INTERACTIONS.get(rule_id, frozenset())
    assert [] == [found for found in rules_found(report) if found not in allowed]


def test_every_rule_of_the_catalogue_has_a_violating_strategy() -> None:
    assert [] == [rule_id for rule_id in RULE_IDS if rule_id not in RULES_WITH_STRATEGIES]


def test_every_violating_strategy_is_for_a_rule_of_the_catalogue() -> None:
    assert [] == sorted(RULES_WITH_STRATEGIES - set(RULE_IDS))


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_the_violating_bundles_of_a_rule_break_it_and_no_other(rule_id: str) -> None:
    if rule_id not in RULES_WITH_STRATEGIES:
        pytest.fail(f"{rule_id} is in the catalogue but has no violating strategy")

    as_of = first_day_it_runs(rule_id)

    @settings(max_examples=25, deadline=None)
    @given(violating_bundles(rule_id, as_of=as_of))
    def check(bundle: Bundle) -> None:
        assert_breaks_only(audit(bundle, as_of=as_of), rule_id)

    check()


@settings(max_examples=50, deadline=None)
@given(st.data(), st.sampled_from(sorted(RULES_WITH_STRATEGIES)), EVERY_RULE_RUNS, JURISDICTIONS)
def test_violating_bundles_break_their_rule_on_any_day_in_any_jurisdiction(
    data: st.DataObject, rule_id: str, as_of: dt.date, jurisdiction: str
) -> None:
    assume(as_of >= first_day_it_runs(rule_id))
    policy = resolve_policy(jurisdiction, on=as_of)
    bundle = data.draw(violating_bundles(rule_id, as_of=as_of, policy=policy))

    assert_breaks_only(audit(bundle, as_of=as_of, jurisdiction=jurisdiction), rule_id)


@settings(max_examples=50, deadline=None)
@given(clean_bundles())
def test_clean_bundles_give_no_finding_and_run_every_rule(bundle: Bundle) -> None:
    report = audit(bundle)

    assert [] == rules_found(report)
    # Every rule runs but DO-004, whose parameter is in force from 1 June 2021.
    assert ["DO-004"] == [str(skipped.rule) for skipped in report.skipped_rules]


@settings(max_examples=50, deadline=None)
@given(
    st.data(),
    st.dates(min_value=dt.date(2006, 9, 1), max_value=dt.date(2035, 12, 31)),
    JURISDICTIONS,
)
def test_clean_bundles_give_no_finding_on_any_day_in_any_jurisdiction(
    data: st.DataObject, as_of: dt.date, jurisdiction: str
) -> None:
    policy = resolve_policy(jurisdiction, on=as_of)
    bundle = data.draw(clean_bundles(as_of=as_of, policy=policy))

    report = audit(bundle, as_of=as_of, jurisdiction=jurisdiction)

    assert [] == rules_found(report)
    # A rule is only ever skipped for a parameter that is not yet in force that day, or
    # for working days of a year the calendar does not hold (after 2026).
    assert [] == [
        s.why
        for s in report.skipped_rules
        if "not in force" not in s.why and not (as_of.year > 2026 and "does not cover" in s.why)
    ]


@settings(max_examples=50, deadline=None)
@given(
    clean_bundles().filter(
        lambda bundle: bool(bundle.records("transfers") and bundle.records("suspensions"))
    )
)
def test_transfers_and_suspensions_that_follow_the_rules_give_no_finding(bundle: Bundle) -> None:
    report = audit(bundle)

    # Every transfer and suspension rule ran over at least one row and found nothing.
    ran = {str(item.id) for item in load_rules()} - {str(s.rule) for s in report.skipped_rules}
    assert {f"TR-00{n}" for n in range(1, 8)} | {f"SUS-00{n}" for n in range(1, 6)} <= ran
    assert [] == [f for f in rules_found(report) if f.startswith(("TR-", "SUS-"))]


# Cases the strategies found a rule deciding wrongly on, kept once the rule was mended.


def test_a_pending_transfer_that_no_party_has_approved_yet_breaks_no_rule() -> None:
    applied_two_days_ago = Transfer(
        transfer_id="ZX0001",
        student_number=StudentNumber.parse("G622921201005010030"),
        from_school="2162000001",
        to_school="2162000002",
        applied_on=dt.date(2019, 3, 18),
        grade_before=3,
        status=TransferStatus.PENDING,
        source=SourceLocation("transfers.csv", 2),
    )

    report = audit(Bundle(transfers=(applied_two_days_ago,)))

    assert [] == rules_found(report)
