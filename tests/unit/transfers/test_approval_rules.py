"""TR-001 and TR-002: approvals in order and in time, case by case.

The audit is as of Wednesday 20 March 2019 under the Linxia policy: the receiving
school, the receiving bureau, the sending school and the sending bureau approve in turn,
ten working days each. The default transfer (transfers.csv line 2) was applied for on
Monday 4 March and approved on 5, 7, 11 and 13 March.
"""

from __future__ import annotations

import datetime as dt

from dropout_control.io.plain import unstructure
from dropout_control.transfers import TransferStatus
from tests.unit.rules.rule_builders import audit_of, facts, quoted, single, sources
from tests.unit.transfers.transfer_builders import pending, transfer

# TR-001 --------------------------------------------------------------------------------


def test_a_transfer_approved_in_order_by_all_four_is_clean() -> None:
    assert [] == sources(audit_of(transfer()), "TR-001")


def test_a_pending_transfer_that_no_party_has_approved_yet_is_clean() -> None:
    assert [] == sources(audit_of(pending(applied_on=dt.date(2019, 3, 18))), "TR-001")


def test_a_pending_transfer_approved_by_the_receiving_school_only_is_clean() -> None:
    application = pending(receiving_school_on=dt.date(2019, 3, 5))

    assert [] == sources(audit_of(application), "TR-001")


def test_a_pending_transfer_approved_in_order_so_far_is_clean() -> None:
    application = pending(
        receiving_school_on=dt.date(2019, 3, 5), receiving_bureau_on=dt.date(2019, 3, 7)
    )

    assert [] == sources(audit_of(application), "TR-001")


def test_only_the_last_approval_set_reports_all_three_before_it_missing() -> None:
    application = pending(sending_bureau_on=dt.date(2019, 3, 13))

    finding = single(audit_of(application), "TR-001")

    assert ["receiving_school", "receiving_bureau", "sending_school"] == finding.facts["missing"]


def test_a_later_approval_while_an_earlier_one_is_missing_is_out_of_order() -> None:
    application = pending(receiving_bureau_on=dt.date(2019, 3, 7))

    finding = single(audit_of(application), "TR-001")

    expected = {"missing": ["receiving_school"], "out_of_order": []}
    assert expected == facts(finding, *expected)
    assert "transfers.csv:2" == str(finding.source)


def test_an_approval_dated_before_the_previous_partys_is_out_of_order() -> None:
    # The receiving bureau approved on 5 March, before the school it depends on (7 March).
    finding = single(
        audit_of(
            transfer(
                receiving_school_on=dt.date(2019, 3, 7), receiving_bureau_on=dt.date(2019, 3, 5)
            )
        ),
        "TR-001",
    )

    expected = {"missing": [], "out_of_order": ["receiving_bureau"]}
    assert expected == facts(finding, *expected)
    assert (
        "the receiving bureau approved on 2019-03-05, before the receiving school on 2019-03-07"
        in finding.message.en
    )


def test_a_completed_transfer_without_the_sending_bureaus_approval_is_reported() -> None:
    finding = single(audit_of(transfer(sending_bureau_on=None)), "TR-001")

    assert ["sending_bureau"] == finding.facts["missing"]
    assert "marked completed without the sending bureau's approval" in finding.message.en
    assert "已标记完成，但转出地教育行政部门未审核" in finding.message.zh


def test_a_transfer_completed_before_its_last_approval_is_reported() -> None:
    finding = single(audit_of(transfer(completed_on=dt.date(2019, 3, 12))), "TR-001")

    assert "completed on 2019-03-12, before the last approval on 2019-03-13" in (finding.message.en)


def test_a_tr_001_finding_names_the_code_of_each_problem_it_gives() -> None:
    # Completed without the sending bureau, the receiving bureau a day before the school,
    # and marked completed before the sending school's approval.
    finding = single(
        audit_of(
            transfer(
                receiving_school_on=dt.date(2019, 3, 7),
                receiving_bureau_on=dt.date(2019, 3, 6),
                sending_bureau_on=None,
                completed_on=dt.date(2019, 3, 8),
            )
        ),
        "TR-001",
    )

    assert (
        (
            "TR.COMPLETED_WITHOUT_APPROVAL",
            "TR.APPROVAL_EARLY",
            "TR.COMPLETED_EARLY",
        ),
        {
            "code": "TR.APPROVAL_EARLY",
            "party": "receiving_bureau",
            "on": "2019-03-06",
            "before": "receiving_school",
            "before_on": "2019-03-07",
        },
        "转学审核缺失或顺序错误（应依次为 转入学校、转入地教育行政部门、转出学校、"
        "转出地教育行政部门）：已标记完成，但转出地教育行政部门未审核；转入地教育行政部门于 "
        "2019-03-06 审核，早于转入学校的 2019-03-07；2019-03-08 即标记完成，早于最后一次审核 "
        "2019-03-11",
        "a transfer approval is missing or out of order (the order is the receiving school, "
        "the receiving bureau, the sending school, the sending bureau): marked completed "
        "without the sending bureau's approval; the receiving bureau approved on 2019-03-06, "
        "before the receiving school on 2019-03-07; completed on 2019-03-08, before the last "
        "approval on 2019-03-11",
    ) == (
        finding.reasons,
        unstructure(finding)["facts"]["problems"][1],
        finding.message.zh,
        finding.message.en,
    )


def test_tr_001_facts_hold_no_text_in_either_language() -> None:
    finding = single(audit_of(transfer(sending_bureau_on=None)), "TR-001")

    assert [] == [key for key in finding.facts if key.endswith(("_zh", "_en"))]


def test_a_rejected_transfer_with_only_the_first_approval_is_clean() -> None:
    rejected = transfer(
        status=TransferStatus.REJECTED,
        receiving_bureau_on=None,
        sending_school_on=None,
        sending_bureau_on=None,
        completed_on=None,
    )

    assert [] == sources(audit_of(rejected), "TR-001")


def test_a_rejected_transfer_is_not_judged_on_its_gaps() -> None:
    rejected = transfer(
        status=TransferStatus.REJECTED,
        receiving_school_on=None,
        sending_school_on=None,
        sending_bureau_on=None,
        completed_on=None,
    )

    assert [] == sources(audit_of(rejected), "TR-001")


def test_a_rejected_transfer_with_its_dates_out_of_order_is_reported() -> None:
    rejected = transfer(
        status=TransferStatus.REJECTED,
        receiving_school_on=dt.date(2019, 3, 7),
        receiving_bureau_on=dt.date(2019, 3, 5),
        sending_school_on=None,
        sending_bureau_on=None,
        completed_on=None,
    )

    finding = single(audit_of(rejected), "TR-001")

    assert (["receiving_bureau"], []) == (finding.facts["out_of_order"], finding.facts["missing"])


def test_tr_001_names_every_approval_and_the_order() -> None:
    finding = single(audit_of(transfer(sending_bureau_on=None)), "TR-001")

    expected = {
        "status": "completed",
        "approval_order": [
            "receiving_school",
            "receiving_bureau",
            "sending_school",
            "sending_bureau",
        ],
        "approvals": {
            "receiving_school": dt.date(2019, 3, 5),
            "receiving_bureau": dt.date(2019, 3, 7),
            "sending_school": dt.date(2019, 3, 11),
            "sending_bureau": None,
        },
    }
    assert expected == facts(finding, *expected)
    assert "转入学校、转入地教育行政部门、转出学校、转出地教育行政部门" in finding.message.zh


def test_tr_001_quotes_the_approval_order_with_its_source() -> None:
    finding = single(audit_of(transfer(sending_bureau_on=None)), "TR-001")

    use = quoted(finding, "transfer.approval_order")
    assert (dt.date(2013, 9, 1), "000000") == (use.since, use.jurisdiction)


# TR-002 --------------------------------------------------------------------------------


def test_every_party_within_ten_working_days_is_clean() -> None:
    assert [] == sources(audit_of(transfer()), "TR-002")


def test_exactly_ten_working_days_across_two_weekends_is_in_time() -> None:
    # Applied Monday 4 March; the receiving school approved on Monday 18 March: day 10.
    in_time = transfer(
        receiving_school_on=dt.date(2019, 3, 18),
        receiving_bureau_on=dt.date(2019, 3, 19),
        sending_school_on=dt.date(2019, 3, 19),
        sending_bureau_on=dt.date(2019, 3, 19),
        completed_on=dt.date(2019, 3, 19),
    )

    assert [] == sources(audit_of(in_time), "TR-002")


def test_eleven_working_days_is_late() -> None:
    late = transfer(
        receiving_school_on=dt.date(2019, 3, 19),
        receiving_bureau_on=dt.date(2019, 3, 19),
        sending_school_on=dt.date(2019, 3, 19),
        sending_bureau_on=dt.date(2019, 3, 19),
        completed_on=dt.date(2019, 3, 19),
    )

    finding = single(audit_of(late), "TR-002")

    expected = {"late": {"receiving_school": 11}, "limit": 10, "overdue_party": None}
    assert expected == facts(finding, *expected)


def test_each_party_is_timed_from_the_previous_approval() -> None:
    # The receiving bureau took 5 to 20 March: 11 working days; the others were quick.
    late = transfer(
        applied_on=dt.date(2019, 2, 25),
        receiving_school_on=dt.date(2019, 3, 5),
        receiving_bureau_on=dt.date(2019, 3, 20),
        sending_school_on=dt.date(2019, 3, 20),
        sending_bureau_on=dt.date(2019, 3, 20),
        completed_on=dt.date(2019, 3, 20),
    )

    finding = single(audit_of(late), "TR-002")

    assert {"receiving_bureau": 11} == finding.facts["late"]
    assert "the receiving bureau took 11 working days" in finding.message.en


def test_one_finding_names_every_late_party() -> None:
    late = transfer(
        applied_on=dt.date(2019, 1, 2),
        receiving_school_on=dt.date(2019, 1, 17),
        receiving_bureau_on=dt.date(2019, 1, 18),
        sending_school_on=dt.date(2019, 2, 18),
        sending_bureau_on=dt.date(2019, 2, 19),
        completed_on=dt.date(2019, 2, 19),
    )

    finding = single(audit_of(late), "TR-002")

    # 3 to 17 January: 11 working days. 19 January to 18 February: 21 weekdays, less the
    # five of the Spring Festival (4 to 8 February), plus the make-up Saturday and Sunday
    # (2 and 3 February): 18 working days.
    expected = {"late_parties": ["receiving_school", "sending_school"]}
    assert expected == facts(finding, *expected)
    assert {"receiving_school": 11, "sending_school": 18} == finding.facts["late"]


def test_a_pending_step_past_its_due_date_on_the_audit_date_is_late() -> None:
    # Applied Friday 1 March: due Friday 15 March; by Wednesday 20 March, 13 working days.
    application = pending(applied_on=dt.date(2019, 3, 1))

    finding = single(audit_of(application), "TR-002")

    expected = {
        "late": {"receiving_school": 13},
        "overdue_party": "receiving_school",
        "due_on": dt.date(2019, 3, 15),
    }
    assert expected == facts(finding, *expected)
    assert "转入学校应于 2019-03-15 前审核" in finding.message.zh


def test_a_pending_step_due_on_the_audit_date_is_not_yet_late() -> None:
    # Applied Wednesday 6 March: due Wednesday 20 March, the audit date.
    application = pending(applied_on=dt.date(2019, 3, 6))

    assert [] == sources(audit_of(application), "TR-002")


def test_a_pending_step_is_timed_from_the_previous_approval() -> None:
    # The receiving school approved on Thursday 7 March: the bureau is due on 21 March.
    application = pending(applied_on=dt.date(2019, 3, 1), receiving_school_on=dt.date(2019, 3, 7))

    assert [] == sources(audit_of(application), "TR-002")


def test_a_party_whose_previous_party_has_no_date_is_not_timed() -> None:
    # The receiving school never approved; the bureau's time cannot be measured (TR-001).
    gap = transfer(
        status=TransferStatus.REJECTED,
        applied_on=dt.date(2019, 1, 2),
        receiving_school_on=None,
        receiving_bureau_on=dt.date(2019, 3, 1),
        sending_school_on=None,
        sending_bureau_on=None,
        completed_on=None,
    )

    assert [] == sources(audit_of(gap), "TR-002")


def test_tr_002_quotes_the_limit_with_its_source() -> None:
    finding = single(audit_of(pending(applied_on=dt.date(2019, 3, 1))), "TR-002")

    use = quoted(finding, "transfer.party_limit_working_days")
    assert (10, dt.date(2013, 9, 1), "000000") == (use.value, use.since, use.jurisdiction)
