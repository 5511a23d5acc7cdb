"""DO-001 to DO-009, the rules of the dropout ledger, case by case.

The audit is in Linxia on Wednesday 20 March 2019 unless a test says otherwise: seven
days to enter a suspect in the ledger, fifteen to make the plan, thirty between
persuasion attempts, five unexcused school days make a suspect.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dropout_control.ledger import AttemptOutcome, CaseOutcome, Placement
from dropout_control.registry.model import RecordStatus
from tests.unit.ledger.ledger_builders import (
    absence,
    attempt,
    audit_with_ledger,
    case,
    headcount,
)
from tests.unit.rules.rule_builders import child, facts, single, sources, student
from tests.unit.suspensions.suspension_builders import ended, suspended_student

# DO-001 ----------------------------------------------------------------------------


def test_an_absence_of_five_school_days_by_friday_8_march_was_due_in_the_ledger_by_15_march() -> (
    None
):
    # Monday 4 to Friday 15 March 2019: the fifth school day is Friday 8 March.
    report = audit_with_ledger(student(), absence(dt.date(2019, 3, 4), dt.date(2019, 3, 15), 10))

    finding = single(report, "DO-001")
    expected = {
        "suspected_by": "absences",
        "suspected_since": dt.date(2019, 3, 8),
        "due_by": dt.date(2019, 3, 15),
        "days_late": 5,
    }
    assert expected == facts(finding, *expected)
    assert "absences.csv:2" == str(finding.source)
    assert ["students.csv:2"] == [str(s) for s in finding.related]


def test_a_case_opened_after_the_suspicion_holds_it() -> None:
    report = audit_with_ledger(
        student(),
        absence(dt.date(2019, 3, 4), dt.date(2019, 3, 15), 10),
        case(
            opened_on=dt.date(2019, 3, 12), plan_made_on=dt.date(2019, 3, 13), responsible="马老师"
        ),
    )

    assert [] == sources(report, "DO-001")


def test_a_suspect_within_its_seven_days_is_not_yet_late() -> None:
    # Monday 11 to Friday 15 March: a suspect on 15 March, due in the ledger by 22 March.
    report = audit_with_ledger(student(), absence(dt.date(2019, 3, 11), dt.date(2019, 3, 15), 5))

    assert [] == sources(report, "DO-001")


def test_an_excused_absence_makes_no_suspect() -> None:
    report = audit_with_ledger(
        student(), absence(dt.date(2019, 3, 4), dt.date(2019, 3, 15), 10, excused=True)
    )

    assert [] == sources(report, "DO-001")


def test_four_unexcused_school_days_make_no_suspect() -> None:
    report = audit_with_ledger(student(), absence(dt.date(2019, 3, 4), dt.date(2019, 3, 7), 4))

    assert [] == sources(report, "DO-001")


def test_a_case_closed_before_the_suspicion_does_not_hold_it() -> None:
    old = case(
        opened_on=dt.date(2018, 10, 8),
        closed_on=dt.date(2018, 11, 1),
        outcome=CaseOutcome.RETURNED,
        returned_on=dt.date(2018, 11, 1),
        placement=Placement.REGULAR,
    )
    report = audit_with_ledger(
        student(), absence(dt.date(2019, 3, 4), dt.date(2019, 3, 15), 10), old
    )

    assert ["absences.csv:2"] == sources(report, "DO-001")


def test_a_student_not_back_from_a_suspension_is_a_suspect_from_the_day_after_the_grace() -> None:
    # due back by Tuesday 19 March; a suspect from 20 March, due in the ledger by 27 March
    on_time = audit_with_ledger(suspended_student(), ended())
    late = audit_with_ledger(suspended_student(), ended(), as_of=dt.date(2019, 3, 28))

    assert [] == sources(on_time, "DO-001")
    finding = single(late, "DO-001")
    expected = {"suspected_by": "SUS-004", "suspected_since": dt.date(2019, 3, 20), "days_late": 1}
    assert expected == facts(finding, *expected)


def test_a_school_age_child_out_of_school_was_a_suspect_from_the_start_of_the_school_year() -> None:
    report = audit_with_ledger(child())

    finding = single(report, "DO-001")
    expected = {
        "suspected_by": "AGE-002",
        "suspected_since": dt.date(2018, 9, 1),
        "due_by": dt.date(2018, 9, 8),
    }
    assert expected == facts(finding, *expected)
    assert "population.csv:2" == str(finding.source)


def test_an_open_case_does_not_excuse_age_002_but_the_finding_names_it() -> None:
    record = student(status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 6, 1))
    report = audit_with_ledger(
        child(), record, case(plan_made_on=dt.date(2019, 3, 5), responsible="马老师")
    )

    finding = single(report, "AGE-002")
    assert {"case_id": "C2019-001", "case_stage": "planned"} == facts(
        finding, "case_id", "case_stage"
    )
    assert finding.message.en.endswith("out of school (in the ledger: case C2019-001, planned)")
    assert finding.message.zh.endswith("（已列入台账：案例 C2019-001，已制定方案）")
    assert [] == sources(report, "DO-001")


def test_a_case_closed_for_another_reason_with_its_evidence_excuses_age_002() -> None:
    record = student(status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 6, 1))
    closed = case(
        closed_on=dt.date(2019, 3, 10),
        outcome=CaseOutcome.UNABLE_TO_LEARN,
        outcome_evidence="县残疾人教育专家委员会 2019-03-08 评估意见",
    )
    report = audit_with_ledger(child(), record, closed)

    assert [] == sources(report, "AGE-002")
    assert [] == sources(report, "DO-001")


def test_without_a_ledger_do_001_does_not_run() -> None:
    from tests.unit.rules.rule_builders import audit_of  # noqa: PLC0415

    report = audit_of(child())

    assert ["DO-001"] == [str(s.rule) for s in report.skipped_rules if str(s.rule) == "DO-001"]


# DO-002 ----------------------------------------------------------------------------


def test_a_case_opened_on_1_february_with_no_plan_was_due_one_by_16_february() -> None:
    report = audit_with_ledger(student(), case(opened_on=dt.date(2019, 2, 1), responsible="马"))

    finding = single(report, "DO-002")
    expected = {"due_by": dt.date(2019, 2, 16), "days_late": 32, "stage": "registered"}
    assert expected == facts(finding, *expected)


def test_a_case_with_its_plan_needs_none() -> None:
    report = audit_with_ledger(
        student(),
        case(opened_on=dt.date(2019, 2, 1), plan_made_on=dt.date(2019, 3, 1), responsible="马"),
    )

    assert [] == sources(report, "DO-002")


def test_a_case_whose_child_came_back_needs_no_plan() -> None:
    returned = case(
        opened_on=dt.date(2019, 2, 1), returned_on=dt.date(2019, 2, 10), responsible="马"
    )
    assert [] == sources(audit_with_ledger(student(), returned), "DO-002")


# DO-003 ----------------------------------------------------------------------------


def test_an_open_case_with_nobody_named_gets_do_003_with_the_default_roles() -> None:
    report = audit_with_ledger(student(), case(plan_made_on=dt.date(2019, 3, 5)))

    finding = single(report, "DO-003")
    expected = {"stage": "planned", "step": "persuasion", "roles": "school, village_committee"}
    assert expected == facts(finding, *expected)


def test_a_named_person_answers_for_the_case() -> None:
    report = audit_with_ledger(
        student(), case(plan_made_on=dt.date(2019, 3, 5), responsible="村委会 马主任")
    )

    assert [] == sources(report, "DO-003")


# DO-004 (the parameter is in force from 1 June 2021) -------------------------------


def _two_failures(**fields: Any) -> list[object]:
    return [
        student(),
        case(
            opened_on=dt.date(2021, 9, 6),
            plan_made_on=dt.date(2021, 9, 8),
            responsible="马老师",
            **fields,
        ),
        attempt(dt.date(2021, 9, 10)),
        attempt(dt.date(2021, 9, 24), line=3, outcome=AttemptOutcome.REFUSED),
    ]


def test_two_failed_attempts_and_no_written_report_is_do_004() -> None:
    report = audit_with_ledger(*_two_failures(), as_of=dt.date(2021, 10, 8))

    finding = single(report, "DO-004")
    assert {"failed": 2, "reached_on": dt.date(2021, 9, 24)} == facts(
        finding, "failed", "reached_on"
    )
    assert ["attempts.csv:2", "attempts.csv:3"] == [str(s) for s in finding.related]


def test_a_written_report_after_the_failures_answers_do_004() -> None:
    records = _two_failures(written_report_on=dt.date(2021, 9, 27))
    report = audit_with_ledger(*records, as_of=dt.date(2021, 10, 8))

    assert [] == sources(report, "DO-004")


def test_do_004_does_not_run_before_the_minors_protection_law_revision() -> None:
    report = audit_with_ledger(*_two_failures())

    assert ["DO-004"] == [str(s.rule) for s in report.skipped_rules if str(s.rule) == "DO-004"]


# DO-005 ----------------------------------------------------------------------------


def _returned(**fields: Any) -> object:
    return case(
        opened_on=dt.date(2019, 2, 1),
        plan_made_on=dt.date(2019, 2, 5),
        returned_on=dt.date(2019, 3, 4),
        closed_on=dt.date(2019, 3, 4),
        outcome=CaseOutcome.RETURNED,
        placement=Placement.REGULAR,
        responsible="马老师",
        **fields,
    )


def test_a_return_on_an_active_record_present_in_the_latest_headcount_is_real() -> None:
    record = student()
    report = audit_with_ledger(record, headcount(record, present=True), _returned())

    assert [] == sources(report, "DO-005")


def test_a_return_with_the_record_still_dropped_out_is_on_paper_only() -> None:
    record = student(status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 12, 1))
    report = audit_with_ledger(record, _returned())

    finding = single(report, "DO-005")
    assert "cases.csv:2" == str(finding.source)
    assert ["DO.NO_ACTIVE_RECORD"] == [c for c in finding.reasons if c.startswith("DO.")]


def test_a_return_absent_from_the_latest_headcount_is_on_paper_only() -> None:
    record = student()
    report = audit_with_ledger(record, headcount(record, present=False), _returned())

    finding = single(report, "DO-005")
    assert {"month": "2019-03"} == facts(finding, "month")


# DO-006 ----------------------------------------------------------------------------


def test_a_case_closed_as_emigrated_without_evidence_is_do_006() -> None:
    closed = case(closed_on=dt.date(2019, 3, 10), outcome=CaseOutcome.EMIGRATED)
    report = audit_with_ledger(student(), closed)

    finding = single(report, "DO-006")
    assert {"outcome": "emigrated"} == facts(finding, "outcome")
    assert "DO.EVIDENCE_EMIGRATION" in finding.reasons


def test_a_case_closed_with_its_evidence_is_not() -> None:
    closed = case(
        closed_on=dt.date(2019, 3, 10),
        outcome=CaseOutcome.DECEASED,
        outcome_evidence="死亡医学证明 2019-03-09",
    )
    assert [] == sources(audit_with_ledger(student(), closed), "DO-006")


# DO-007 ----------------------------------------------------------------------------


def test_a_case_last_worked_on_1_february_is_stale_on_20_march() -> None:
    stale = case(
        opened_on=dt.date(2019, 1, 10), plan_made_on=dt.date(2019, 1, 15), responsible="马"
    )
    report = audit_with_ledger(student(), stale, attempt(dt.date(2019, 2, 1)))

    finding = single(report, "DO-007")
    assert {"last_contact": dt.date(2019, 2, 1), "days": 47} == facts(
        finding, "last_contact", "days"
    )


def test_an_attempt_on_1_march_keeps_the_case_alive() -> None:
    alive = case(
        opened_on=dt.date(2019, 1, 10), plan_made_on=dt.date(2019, 1, 15), responsible="马"
    )
    report = audit_with_ledger(student(), alive, attempt(dt.date(2019, 3, 1)))

    assert [] == sources(report, "DO-007")


# DO-008 ----------------------------------------------------------------------------


def test_a_child_back_in_october_with_a_new_case_in_january_dropped_out_again() -> None:
    first = case(
        case_id="C2018-004",
        opened_on=dt.date(2018, 9, 20),
        plan_made_on=dt.date(2018, 9, 25),
        returned_on=dt.date(2018, 10, 8),
        closed_on=dt.date(2018, 10, 8),
        outcome=CaseOutcome.RETURNED,
        placement=Placement.REGULAR,
        responsible="马老师",
    )
    again = case(
        line=3,
        opened_on=dt.date(2019, 3, 12),
        plan_made_on=dt.date(2019, 3, 14),
        responsible="马老师",
    )
    record = student(status=RecordStatus.DROPPED_OUT, status_since=dt.date(2019, 3, 8))
    report = audit_with_ledger(record, first, again)

    finding = single(report, "DO-008")
    assert "cases.csv:2" == str(finding.source)
    assert {"dropped_again_on": dt.date(2019, 3, 8)} == facts(finding, "dropped_again_on")


def test_a_child_back_and_still_in_school_has_no_do_008() -> None:
    record = student()
    report = audit_with_ledger(record, headcount(record, present=True), _returned())

    assert [] == sources(report, "DO-008")


# DO-009 ----------------------------------------------------------------------------


def _over_age_return(**fields: Any) -> list[object]:
    # born 1 May 2005: thirteen at the cutoff of 2018-2019, usually in grade 8; back in
    # grade 3, five years over
    record = student(birth_date=dt.date(2005, 5, 1), grade=3)
    return [record, headcount(record, present=True), _returned(of=record, **fields)]


def test_an_over_age_returnee_in_a_regular_class_without_considering_vocational_is_do_009() -> None:
    finding = single(audit_with_ledger(*_over_age_return()), "DO-009")

    expected = {"grade": 3, "years_over": 5, "limit": 3, "placement": "regular"}
    assert expected == facts(finding, *expected)


def test_a_recorded_consideration_of_vocational_answers_do_009() -> None:
    report = audit_with_ledger(*_over_age_return(vocational_considered=True))

    assert [] == sources(report, "DO-009")


def test_a_returnee_of_the_usual_age_is_not_over_age() -> None:
    record = student()
    report = audit_with_ledger(record, headcount(record, present=True), _returned())

    assert [] == sources(report, "DO-009")
