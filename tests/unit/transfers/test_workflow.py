"""The approval workflow of a transfer: whose turn it is, by when, and recording it.

Under the Linxia policy of 20 March 2019 the receiving school, the receiving bureau, the
sending school and the sending bureau approve in turn, ten working days each. Working
days are weekdays; no holiday is known unless a test passes one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.errors import DropoutControlError, InvalidCode, OutOfOrderApproval
from dropout_control.policy import Layer, resolve_policy
from dropout_control.transfers import (
    ApprovalParty,
    Step,
    Transfer,
    TransferStatus,
    approval_order,
    approve,
    next_step,
    reject,
)
from tests.unit.rules.rule_builders import SCHOOL
from tests.unit.transfers.transfer_builders import OTHER_SCHOOL, POLICY, pending, transfer

RECEIVING_SCHOOL = ApprovalParty.RECEIVING_SCHOOL
RECEIVING_BUREAU = ApprovalParty.RECEIVING_BUREAU
SENDING_SCHOOL = ApprovalParty.SENDING_SCHOOL
SENDING_BUREAU = ApprovalParty.SENDING_BUREAU


def _approved_by_all(start: Transfer, *days: dt.date) -> Transfer:
    result = start
    for party, day in zip(approval_order(POLICY), days, strict=True):
        result = approve(result, party, day, policy=POLICY)
    return result


# next_step -----------------------------------------------------------------------------


def test_the_receiving_school_is_due_ten_working_days_after_a_friday_application() -> None:
    # Friday 1 March 2019: two weekends pass, the tenth working day is Friday 15 March.
    application = pending(applied_on=dt.date(2019, 3, 1))

    expected = Step(
        party=RECEIVING_SCHOOL,
        school_id=OTHER_SCHOOL,
        starts_on=dt.date(2019, 3, 1),
        due_on=dt.date(2019, 3, 15),
    )
    assert expected == next_step(application, policy=POLICY)


def test_an_application_on_a_saturday_is_due_on_the_same_day_as_one_on_the_friday() -> None:
    step = next_step(pending(applied_on=dt.date(2019, 3, 2)), policy=POLICY)

    assert step is not None
    assert dt.date(2019, 3, 15) == step.due_on


def test_the_receiving_bureaus_step_starts_from_the_receiving_schools_approval() -> None:
    # The school approved on Thursday 7 March; ten working days on is Thursday 21 March.
    application = pending(receiving_school_on=dt.date(2019, 3, 7))

    expected = Step(
        party=RECEIVING_BUREAU,
        school_id=OTHER_SCHOOL,
        starts_on=dt.date(2019, 3, 7),
        due_on=dt.date(2019, 3, 21),
    )
    assert expected == next_step(application, policy=POLICY)


def test_the_sending_side_owns_the_steps_for_the_sending_school() -> None:
    application = pending(
        receiving_school_on=dt.date(2019, 3, 5), receiving_bureau_on=dt.date(2019, 3, 7)
    )

    step = next_step(application, policy=POLICY)

    assert step is not None
    assert (SENDING_SCHOOL, SCHOOL) == (step.party, step.school_id)


def test_a_transfer_without_a_receiving_school_names_no_school_for_the_first_step() -> None:
    step = next_step(pending(to_school=None), policy=POLICY)

    assert step is not None
    assert (RECEIVING_SCHOOL, None) == (step.party, step.school_id)


def test_an_official_day_off_moves_the_due_date() -> None:
    # Applied Friday 29 March 2019. Qingming was a day off on Friday 5 April 2019: the
    # tenth working day is Monday 15 April, not Friday 12 April.
    step = next_step(pending(applied_on=dt.date(2019, 3, 29)), policy=POLICY)

    assert step is not None
    assert dt.date(2019, 4, 15) == step.due_on


def test_a_make_up_sunday_counts_towards_the_due_date() -> None:
    # Applied Thursday 25 April 2019. Labour Day ran 1 to 4 May; Sunday 28 April and
    # Saturday 5 May were worked. Working days: 26, 28, 29, 30 April, 5, 6, 7, 8, 9,
    # 10 May: the tenth is Friday 10 May.
    step = next_step(pending(applied_on=dt.date(2019, 4, 25)), policy=POLICY)

    assert step is not None
    assert dt.date(2019, 5, 10) == step.due_on


def test_a_step_is_overdue_only_after_its_due_date() -> None:
    step = next_step(pending(applied_on=dt.date(2019, 3, 1)), policy=POLICY)

    assert step is not None
    assert (False, True) == (
        step.is_overdue_on(dt.date(2019, 3, 15)),
        step.is_overdue_on(dt.date(2019, 3, 16)),
    )


def test_a_completed_transfer_has_no_next_step() -> None:
    assert next_step(transfer(), policy=POLICY) is None


def test_a_rejected_transfer_has_no_next_step() -> None:
    assert next_step(transfer(status=TransferStatus.REJECTED), policy=POLICY) is None


def test_a_pending_record_approved_by_all_has_no_next_step() -> None:
    assert next_step(transfer(status=TransferStatus.PENDING), policy=POLICY) is None


def test_the_next_step_is_the_first_party_that_has_not_approved() -> None:
    # The record says the receiving bureau approved, but the receiving school did not.
    application = pending(receiving_bureau_on=dt.date(2019, 3, 7))

    step = next_step(application, policy=POLICY)

    assert step is not None
    assert (RECEIVING_SCHOOL, dt.date(2019, 3, 4)) == (step.party, step.starts_on)


# A prefecture could start with the sending side; the workflow follows the policy.
SENDING_FIRST = Layer.from_mapping(
    {
        "jurisdiction": "622921",
        "parameters": {
            "transfer.approval_order": {
                "values": [
                    {
                        "since": "2013-09-01",
                        "value": [
                            "sending_school",
                            "sending_bureau",
                            "receiving_school",
                            "receiving_bureau",
                        ],
                        "mark": "U",
                        "source": "test",
                    }
                ]
            }
        },
    }
)


def test_the_next_step_follows_the_order_of_the_policy() -> None:
    policy = resolve_policy("622921", on=dt.date(2019, 3, 20), layers=[SENDING_FIRST])

    step = next_step(pending(), policy=policy)

    assert step is not None
    assert (SENDING_SCHOOL, SCHOOL) == (step.party, step.school_id)


def test_an_order_naming_a_party_twice_is_refused() -> None:
    layer = Layer.from_mapping(
        {
            "jurisdiction": "622921",
            "parameters": {
                "transfer.approval_order": {
                    "values": [
                        {
                            "since": "2013-09-01",
                            "value": ["receiving_school", "receiving_school"],
                            "mark": "U",
                            "source": "test",
                        }
                    ]
                }
            },
        }
    )
    policy = resolve_policy("622921", on=dt.date(2019, 3, 20), layers=[layer])

    with pytest.raises(InvalidCode, match=r"transfer\.approval_order"):
        approval_order(policy)


# approve -------------------------------------------------------------------------------


def test_one_approval_records_its_date_and_keeps_the_transfer_pending() -> None:
    approved = approve(pending(), RECEIVING_SCHOOL, dt.date(2019, 3, 5), policy=POLICY)

    assert (TransferStatus.PENDING, dt.date(2019, 3, 5), None) == (
        approved.status,
        approved.receiving_school_on,
        approved.completed_on,
    )


def test_approving_in_order_completes_the_transfer_on_the_last_approval() -> None:
    completed = _approved_by_all(
        pending(),
        dt.date(2019, 3, 5),
        dt.date(2019, 3, 7),
        dt.date(2019, 3, 11),
        dt.date(2019, 3, 13),
    )

    # The default transfer of the builders, with the grade after it filled in.
    assert transfer(grade_after=3) == completed


def test_a_completed_transfer_keeps_the_grade() -> None:
    completed = _approved_by_all(
        pending(grade_before=7),
        dt.date(2019, 3, 5),
        dt.date(2019, 3, 7),
        dt.date(2019, 3, 11),
        dt.date(2019, 3, 13),
    )

    assert (7, 7) == (completed.grade_before, completed.grade_after)


def test_all_four_parties_may_approve_on_the_day_of_the_application() -> None:
    day = dt.date(2019, 3, 4)

    completed = _approved_by_all(pending(), day, day, day, day)

    assert (TransferStatus.COMPLETED, day) == (completed.status, completed.completed_on)


def test_a_late_approval_is_recorded_all_the_same() -> None:
    # Due on 18 March; approved on 1 April. Lateness is TR-002's business.
    approved = approve(pending(), RECEIVING_SCHOOL, dt.date(2019, 4, 1), policy=POLICY)

    assert dt.date(2019, 4, 1) == approved.receiving_school_on


def test_approve_leaves_the_transfer_it_was_given_unchanged() -> None:
    application = pending()

    approve(application, RECEIVING_SCHOOL, dt.date(2019, 3, 5), policy=POLICY)

    assert application.receiving_school_on is None


def test_an_approval_out_of_turn_is_refused_naming_the_party_expected() -> None:
    with pytest.raises(OutOfOrderApproval, match="the party expected is receiving_school") as info:
        approve(pending(), RECEIVING_BUREAU, dt.date(2019, 3, 5), policy=POLICY)

    assert (RECEIVING_BUREAU, RECEIVING_SCHOOL, "ZX2019-0001") == (
        info.value.party,
        info.value.expected,
        info.value.transfer_id,
    )


def test_an_approval_out_of_turn_gives_its_reason_code_and_both_texts() -> None:
    with pytest.raises(OutOfOrderApproval) as info:
        approve(pending(), RECEIVING_BUREAU, dt.date(2019, 3, 5), policy=POLICY)

    assert (
        "TR.NOT_YOUR_TURN",
        {"party": "receiving_bureau", "expected": "receiving_school"},
        "转入学校审核之前，转入地教育行政部门不能审核",
        "receiving_bureau cannot act before receiving_school has approved",
    ) == (info.value.code, dict(info.value.facts), info.value.message.zh, info.value.reason)


def test_approving_a_closed_transfer_names_its_status_in_both_languages() -> None:
    with pytest.raises(OutOfOrderApproval) as info:
        approve(transfer(), SENDING_BUREAU, dt.date(2019, 3, 14), policy=POLICY)

    assert ("TR.CLOSED", "转学状态已为“已完成”", "the transfer is completed already") == (
        info.value.code,
        info.value.message.zh,
        info.value.message.en,
    )


def test_the_sending_school_cannot_approve_before_the_receiving_bureau() -> None:
    application = pending(receiving_school_on=dt.date(2019, 3, 5))

    with pytest.raises(OutOfOrderApproval) as info:
        approve(application, SENDING_SCHOOL, dt.date(2019, 3, 6), policy=POLICY)

    assert RECEIVING_BUREAU == info.value.expected


def test_a_party_cannot_approve_twice() -> None:
    application = pending(receiving_school_on=dt.date(2019, 3, 5))

    with pytest.raises(OutOfOrderApproval, match="approved already on 2019-03-05") as info:
        approve(application, RECEIVING_SCHOOL, dt.date(2019, 3, 6), policy=POLICY)

    assert RECEIVING_BUREAU == info.value.expected


def test_approving_a_completed_transfer_is_refused() -> None:
    with pytest.raises(OutOfOrderApproval, match="no approval is expected") as info:
        approve(transfer(), SENDING_BUREAU, dt.date(2019, 3, 14), policy=POLICY)

    assert info.value.expected is None


def test_approving_a_rejected_transfer_is_refused() -> None:
    rejected = pending()
    rejected = reject(rejected, RECEIVING_SCHOOL, dt.date(2019, 3, 5), policy=POLICY)

    with pytest.raises(OutOfOrderApproval, match="is rejected already"):
        approve(rejected, RECEIVING_SCHOOL, dt.date(2019, 3, 6), policy=POLICY)


def test_an_approval_dated_before_the_previous_approval_is_refused() -> None:
    application = pending(receiving_school_on=dt.date(2019, 3, 7))

    with pytest.raises(OutOfOrderApproval, match="before the previous approval on 2019-03-07"):
        approve(application, RECEIVING_BUREAU, dt.date(2019, 3, 6), policy=POLICY)


def test_an_approval_dated_before_the_application_is_refused() -> None:
    with pytest.raises(OutOfOrderApproval, match="before the application on 2019-03-04"):
        approve(pending(), RECEIVING_SCHOOL, dt.date(2019, 3, 3), policy=POLICY)


def test_an_out_of_order_approval_is_a_value_error_of_the_library() -> None:
    with pytest.raises(OutOfOrderApproval) as info:
        approve(pending(), SENDING_BUREAU, dt.date(2019, 3, 5), policy=POLICY)

    assert isinstance(info.value, DropoutControlError)
    assert isinstance(info.value, ValueError)


# reject --------------------------------------------------------------------------------


def test_the_party_whose_turn_it_is_may_reject() -> None:
    application = pending(receiving_school_on=dt.date(2019, 3, 5))

    rejected = reject(application, RECEIVING_BUREAU, dt.date(2019, 3, 8), policy=POLICY)

    assert (TransferStatus.REJECTED, dt.date(2019, 3, 5), None) == (
        rejected.status,
        rejected.receiving_school_on,
        rejected.receiving_bureau_on,
    )


def test_a_rejection_out_of_turn_is_refused_naming_the_party_expected() -> None:
    with pytest.raises(OutOfOrderApproval) as info:
        reject(pending(), SENDING_SCHOOL, dt.date(2019, 3, 5), policy=POLICY)

    assert RECEIVING_SCHOOL == info.value.expected
