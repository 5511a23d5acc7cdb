"""The ledger's figures in the report: counts by what became of the cases, by county and
by cause, and the median days from registration to return; the text report's table."""

from __future__ import annotations

import datetime as dt
import io

from dropout_control.bundle import Bundle
from dropout_control.io.reports import write_report
from dropout_control.ledger import CaseCause, CaseOutcome, Placement
from dropout_control.metrics import CaseCounts
from dropout_control.registry.model import RecordStatus
from tests.unit.ledger.ledger_builders import audit_with_ledger, case, headcount
from tests.unit.rules.rule_builders import audit_bundle, student

# The boy returned: opened 1 February 2019, back on 4 March (31 days later).
BOY = student()
RETURNED = case(
    opened_on=dt.date(2019, 2, 1),
    plan_made_on=dt.date(2019, 2, 5),
    returned_on=dt.date(2019, 3, 4),
    closed_on=dt.date(2019, 3, 4),
    outcome=CaseOutcome.RETURNED,
    placement=Placement.REGULAR,
    responsible="马老师",
    cause=CaseCause.WORK,
)
# The girl is still out: opened 1 March 2019, planned on 5 March, nobody back yet.
GIRL = student(
    sequence=4,
    line=3,
    status=RecordStatus.DROPPED_OUT,
    status_since=dt.date(2019, 2, 20),
)
STILL_OUT = case(
    line=3,
    case_id="C2019-002",
    of=GIRL,
    plan_made_on=dt.date(2019, 3, 5),
    responsible="马老师",
    cause=CaseCause.POVERTY,
)


def test_the_ledger_counts_cases_by_what_became_of_them() -> None:
    ledger = audit_with_ledger(
        BOY, GIRL, headcount(BOY, present=True), RETURNED, STILL_OUT
    ).metrics.ledger

    assert ledger is not None
    assert CaseCounts(opened=2, returned=1, still_open=1) == ledger.cases
    assert {
        "poverty": CaseCounts(opened=1, still_open=1),
        "work": CaseCounts(opened=1, returned=1),
    } == dict(ledger.by_cause)
    assert 31 == ledger.median_days_registration_to_return


def test_without_a_cases_file_there_are_no_ledger_figures() -> None:

    assert audit_bundle(Bundle(students=[BOY])).metrics.ledger is None


def test_the_text_report_shows_the_ledger_table() -> None:
    report = audit_with_ledger(BOY, GIRL, headcount(BOY, present=True), RETURNED, STILL_OUT)
    out = io.StringIO()

    write_report(report, out, fmt="text", library_version="test")

    text = out.getvalue()
    assert "Dropout ledger (台账):" in text
    assert "  all cases           2         1             0          0      1" in text
    assert "  cause work          1         1             0          0      0" in text
    assert "registration to return: 31 days" in text
