"""Rules that pick their subjects (``among``) miss nothing (Hypothesis).

An audit checks only the subjects such a rule picks; the same rule run on every subject
of its kinds must find exactly what the audit found.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dropout_control.auditing import audit_bundle
from dropout_control.bundle import Bundle
from dropout_control.policy import NATIONAL, resolve_policy
from dropout_control.rules import REGISTRY, RuleContext
from dropout_control.strategies import RULES_WITH_STRATEGIES, clean_bundles, violating_bundles

AS_OF = dt.date(2019, 3, 20)
PICKING = tuple(rule for rule in REGISTRY if rule.among is not None)


def test_the_rules_about_a_few_records_pick_their_subjects() -> None:
    assert {str(rule.id) for rule in PICKING} >= {
        "AC-004",
        "DO-001",
        "HT-001",
        "HT-002",
        "HT-003",
        "ID-006",
        "REG-003",
    }


@settings(max_examples=120, deadline=None)
@given(
    st.one_of(
        clean_bundles(),
        st.sampled_from(
            sorted(
                # The suspect rules, for DO-001's sake, and every rule that picks.
                {"TR-006", "SUS-004", "REC-001", "AGE-002"}
                | ({str(rule.id) for rule in PICKING} & RULES_WITH_STRATEGIES)
            )
        ).flatmap(violating_bundles),
    )
)
def test_a_rule_run_on_every_subject_finds_what_the_audit_found(bundle: Bundle) -> None:
    report = audit_bundle(bundle, as_of=AS_OF)
    skipped = {str(item.rule) for item in report.skipped_rules}
    context = RuleContext(bundle=bundle, policy=resolve_policy(NATIONAL, on=AS_OF), as_of=AS_OF)
    for rule in PICKING:
        if str(rule.id) in skipped:
            continue
        everyone = [
            finding
            for kind in rule.about
            for _, finding in rule.run_all(bundle.records(kind), context, kind=kind)
        ]
        audited = [finding for finding in report.findings if finding.rule == rule.id]
        assert audited == everyone, rule.id
