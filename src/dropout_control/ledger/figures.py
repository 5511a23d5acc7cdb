"""The dropout ledger's figures for the report (台账统计): cases opened, returned,
consolidated, dropped out again and still open, by cause and by county, and the median
days from suspicion to registration and from registration to return."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict

import attrs

from dropout_control.bundle import Bundle
from dropout_control.kinds import KINDS
from dropout_control.ledger.model import Case
from dropout_control.ledger.queries import history_of
from dropout_control.ledger.stages import CaseStage, stage_on
from dropout_control.ledger.suspects import Suspicion, child_suspicions, student_suspicions
from dropout_control.metrics import CaseCounts, LedgerMetrics
from dropout_control.policy import Policy
from dropout_control.population.queries import child_of
from dropout_control.registry.queries import student_records_numbered, student_records_of
from dropout_control.rules import RuleContext

__all__ = ["ledger_metrics"]

UNKNOWN = "unknown"

_RETURNED = frozenset({CaseStage.RETURNED, CaseStage.CONSOLIDATED, CaseStage.DROPPED_OUT_AGAIN})


@attrs.define
class _Tally:
    opened: int = 0
    returned: int = 0
    consolidated: int = 0
    dropped_out_again: int = 0
    still_open: int = 0

    def add(self, stage: CaseStage) -> None:
        self.opened += 1
        self.returned += stage in _RETURNED
        self.consolidated += stage is CaseStage.CONSOLIDATED
        self.dropped_out_again += stage is CaseStage.DROPPED_OUT_AGAIN
        self.still_open += stage.is_open

    def frozen(self) -> CaseCounts:
        return CaseCounts(**attrs.asdict(self))


def _suspicions(case: Case, context: RuleContext[Bundle]) -> list[Suspicion]:
    bundle = context.bundle
    found: list[Suspicion] = []
    records = [
        *(student_records_numbered(bundle, case.student_number) if case.student_number else ()),
        *(student_records_of(bundle, case.resident_id) if case.resident_id else ()),
    ]
    for record in records:
        found += student_suspicions(record, context)
    if case.resident_id:
        child = child_of(bundle, case.resident_id)
        if child is not None:
            found += child_suspicions(child, context)
    return found


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def ledger_metrics(bundle: Bundle, *, as_of: dt.date, policy: Policy) -> LedgerMetrics:
    """The ledger's figures on ``as_of``: every case opened by then counts once.

    Suspicion to registration counts, for a case, the days from the earliest suspicion
    of its child the audit finds on ``as_of`` that began on or before the case was
    opened (cases whose child is no suspect today are left out); registration to return
    the days from opening to the return.
    """
    context: RuleContext[Bundle] = RuleContext(bundle=bundle, policy=policy, as_of=as_of)
    total = _Tally()
    by_cause: defaultdict[str, _Tally] = defaultdict(_Tally)
    by_county: defaultdict[str, _Tally] = defaultdict(_Tally)
    to_registration: list[int] = []
    to_return: list[int] = []
    cases_kind = KINDS["cases"]
    for case in bundle.records("cases"):
        if not isinstance(case, Case) or case.opened_on > as_of:
            continue
        history = history_of(bundle, case)
        stage = stage_on(history, as_of, policy=policy)
        total.add(stage)
        by_cause[case.cause.value if case.cause is not None else UNKNOWN].add(stage)
        by_county[cases_kind.place(case, bundle).county or UNKNOWN].add(stage)
        returned = history.return_day
        if returned is not None and returned <= as_of:
            to_return.append((returned - case.opened_on).days)
        earlier = [s.since for s in _suspicions(case, context) if s.since <= case.opened_on]
        if earlier:
            to_registration.append((case.opened_on - min(earlier)).days)
    return LedgerMetrics(
        cases=total.frozen(),
        by_cause={cause: tally.frozen() for cause, tally in by_cause.items()},
        by_county={county: tally.frozen() for county, tally in by_county.items()},
        median_days_suspicion_to_registration=_median(to_registration),
        median_days_registration_to_return=_median(to_return),
    )
