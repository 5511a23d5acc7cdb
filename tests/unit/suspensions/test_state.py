"""The state of a suspension on a day, on the exact boundary days.

The default suspension runs from Monday 25 February to Sunday 30 June 2019. The boy is
due back on Monday 1 July; with the national 14 grace days a return is on time up to
Monday 15 July, and from Tuesday 16 July he has not returned.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.errors import ParameterNotInForce
from dropout_control.policy import resolve_policy
from dropout_control.suspensions import (
    SuspensionState,
    latest_suspension,
    return_due_by,
    state_on,
)
from tests.unit.suspensions.suspension_builders import POLICY, grace_days_layer, suspension

NOT_STARTED = SuspensionState.NOT_STARTED
RUNNING = SuspensionState.RUNNING
RETURNED = SuspensionState.RETURNED
OVERDUE = SuspensionState.OVERDUE
NOT_RETURNED = SuspensionState.NOT_RETURNED


# return_due_by ----------------------------------------------------------------------


def test_the_student_is_due_back_the_day_after_the_end() -> None:
    assert dt.date(2019, 7, 1) == suspension().due_back_on


def test_a_return_is_on_time_up_to_fourteen_days_after_the_day_due_back() -> None:
    assert dt.date(2019, 7, 15) == return_due_by(suspension(), policy=POLICY)


def test_the_due_day_runs_across_a_month_and_a_year_end() -> None:
    # Ends Tuesday 18 December 2018: due back 19 December, on time up to 2 January.
    ending = suspension(start=dt.date(2018, 9, 3), end=dt.date(2018, 12, 18))

    assert dt.date(2019, 1, 2) == return_due_by(ending, policy=POLICY)


def test_a_county_layer_with_thirty_grace_days_moves_the_due_day() -> None:
    policy = resolve_policy("622921", on=dt.date(2019, 3, 20), layers=[grace_days_layer(30)])

    assert dt.date(2019, 7, 31) == return_due_by(suspension(), policy=policy)


def test_with_no_grace_days_a_return_is_due_on_the_day_after_the_end() -> None:
    policy = resolve_policy("622921", on=dt.date(2019, 3, 20), layers=[grace_days_layer(0)])

    assert dt.date(2019, 7, 1) == return_due_by(suspension(), policy=policy)


def test_the_due_day_needs_the_grace_days_in_force() -> None:
    # The national grace days are in force from 1 September 2013.
    policy = resolve_policy("622900", on=dt.date(2013, 8, 31))

    with pytest.raises(ParameterNotInForce):
        return_due_by(suspension(), policy=policy)


# state_on -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2019, 2, 24), NOT_STARTED),  # the day before the start
        (dt.date(2019, 2, 25), RUNNING),  # the first day
        (dt.date(2019, 6, 30), RUNNING),  # the last day
        (dt.date(2019, 7, 1), OVERDUE),  # due back today
        (dt.date(2019, 7, 15), OVERDUE),  # the last day a return is on time
        (dt.date(2019, 7, 16), NOT_RETURNED),  # the first day past the grace days
        (dt.date(2020, 7, 16), NOT_RETURNED),  # a year on
    ],
)
def test_a_suspension_never_returned_from(day: dt.date, expected: SuspensionState) -> None:
    assert expected == state_on(suspension(), day, policy=POLICY)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2019, 5, 5), RUNNING),  # the day before the return
        (dt.date(2019, 5, 6), RETURNED),  # the day of the return
        (dt.date(2019, 7, 16), RETURNED),  # after the end: still returned
    ],
)
def test_a_suspension_returned_from_early(day: dt.date, expected: SuspensionState) -> None:
    early = suspension(returned_on=dt.date(2019, 5, 6))

    assert expected == state_on(early, day, policy=POLICY)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2019, 7, 19), NOT_RETURNED),  # the day before the late return
        (dt.date(2019, 7, 20), RETURNED),  # returned late, but returned
    ],
)
def test_a_suspension_returned_from_late(day: dt.date, expected: SuspensionState) -> None:
    late = suspension(returned_on=dt.date(2019, 7, 20))

    assert expected == state_on(late, day, policy=POLICY)


def test_a_return_on_the_due_day_ends_the_suspension_on_that_day() -> None:
    on_time = suspension(returned_on=dt.date(2019, 7, 1))

    assert (RUNNING, RETURNED) == (
        state_on(on_time, dt.date(2019, 6, 30), policy=POLICY),
        state_on(on_time, dt.date(2019, 7, 1), policy=POLICY),
    )


def test_a_return_on_the_first_day_means_the_suspension_never_ran() -> None:
    undone = suspension(returned_on=dt.date(2019, 2, 25))

    assert (NOT_STARTED, RETURNED) == (
        state_on(undone, dt.date(2019, 2, 24), policy=POLICY),
        state_on(undone, dt.date(2019, 2, 25), policy=POLICY),
    )


def test_a_one_day_suspension_runs_on_its_one_day_only() -> None:
    one_day = suspension(start=dt.date(2019, 3, 4), end=dt.date(2019, 3, 4))

    assert [NOT_STARTED, RUNNING, OVERDUE] == [
        state_on(one_day, day, policy=POLICY)
        for day in (dt.date(2019, 3, 3), dt.date(2019, 3, 4), dt.date(2019, 3, 5))
    ]


def test_with_no_grace_days_the_day_after_the_due_day_is_not_returned() -> None:
    policy = resolve_policy("622921", on=dt.date(2019, 3, 20), layers=[grace_days_layer(0)])

    assert (OVERDUE, NOT_RETURNED) == (
        state_on(suspension(), dt.date(2019, 7, 1), policy=policy),
        state_on(suspension(), dt.date(2019, 7, 2), policy=policy),
    )


def test_a_running_suspension_needs_no_grace_days() -> None:
    # Before 1 September 2013 no grace days are in force; a running one is still running.
    policy = resolve_policy("622900", on=dt.date(2012, 3, 20))
    running = suspension(start=dt.date(2012, 2, 27), end=dt.date(2012, 6, 30))

    assert RUNNING == state_on(running, dt.date(2012, 3, 20), policy=policy)


def test_an_ended_suspension_needs_the_grace_days_in_force() -> None:
    policy = resolve_policy("622900", on=dt.date(2012, 9, 20))
    ended = suspension(start=dt.date(2012, 2, 27), end=dt.date(2012, 6, 30))

    with pytest.raises(ParameterNotInForce):
        state_on(ended, dt.date(2012, 9, 20), policy=policy)


def test_covers_agrees_with_the_running_state() -> None:
    returned = suspension(returned_on=dt.date(2019, 5, 6))
    days = [dt.date(2019, 2, 24), dt.date(2019, 2, 25), dt.date(2019, 5, 5), dt.date(2019, 5, 6)]

    assert [returned.covers(day) for day in days] == [
        state_on(returned, day, policy=POLICY) is RUNNING for day in days
    ]


def test_a_state_has_a_code_and_a_chinese_term() -> None:
    assert ("not_returned", "逾期未复学") == (NOT_RETURNED.value, NOT_RETURNED.zh)


# latest_suspension ----------------------------------------------------------------------


def test_no_suspension_has_no_latest() -> None:
    assert latest_suspension([]) is None


def test_the_latest_suspension_is_the_one_that_started_last() -> None:
    first = suspension(
        suspension_id="XX2017-0001", start=dt.date(2017, 9, 4), end=dt.date(2018, 6, 30)
    )
    second = suspension(
        suspension_id="XX2018-0001", start=dt.date(2018, 9, 3), end=dt.date(2018, 12, 31)
    )

    assert [second, second] == [
        latest_suspension([first, second]),
        latest_suspension([second, first]),
    ]


def test_of_two_starting_the_same_day_the_later_ending_is_latest() -> None:
    short = suspension(suspension_id="XX2019-0002", end=dt.date(2019, 4, 30))
    long = suspension(suspension_id="XX2019-0001", end=dt.date(2019, 6, 30))

    assert [long, long] == [latest_suspension([short, long]), latest_suspension([long, short])]


def test_of_two_alike_in_dates_the_greater_id_is_latest() -> None:
    one = suspension(suspension_id="XX2019-0001")
    two = suspension(suspension_id="XX2019-0002")

    assert [two, two] == [latest_suspension([one, two]), latest_suspension([two, one])]
