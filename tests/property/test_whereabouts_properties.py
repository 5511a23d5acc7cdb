"""Whereabouts: the short cut the audit's counts take gives the statuses of the long way,
and the tally the report counts from is the long way counted."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dropout_control.bundle import Bundle
from dropout_control.policy import NATIONAL, Policy, resolve_policy
from dropout_control.strategies import RULES_WITH_STRATEGIES, clean_bundles, violating_bundles
from dropout_control.whereabouts import whereabouts_of_all, whereabouts_tally

AS_OF = dt.date(2019, 3, 20)


def _long_way(bundle: Bundle, policy: Policy) -> list[tuple[str, str | None, str | None]]:
    gathered = whereabouts_of_all(bundle, as_of=AS_OF, policy=policy, with_evidence=True)
    return [(w.status.value, w.school_id, w.county) for w in gathered]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        clean_bundles(),
        # DO-004 reads a parameter in force from 1 June 2021, after the default date.
        st.sampled_from(sorted(RULES_WITH_STRATEGIES - {"DO-004"})).flatmap(violating_bundles),
    )
)
def test_whereabouts_counted_without_evidence_agree_with_the_long_way(bundle: Bundle) -> None:
    # Counting takes a short cut for a child plainly in school; it must not change a status.
    policy = resolve_policy(NATIONAL, on=AS_OF)
    counted = whereabouts_of_all(bundle, as_of=AS_OF, policy=policy, with_evidence=False)
    assert _long_way(bundle, policy) == [(w.status.value, w.school_id, w.county) for w in counted]
    tally = whereabouts_tally(bundle, as_of=AS_OF, policy=policy)
    assert Counter(_long_way(bundle, policy)) == Counter(
        {(status.value, school, county): n for (status, school, county), n in tally.items()}
    )
