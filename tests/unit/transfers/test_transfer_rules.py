"""TR-003 to TR-005: what a transfer may not do, case by case.

The audit is as of 20 March 2019 under the Linxia policy (6+3 structure, the spring term
from 1 March). The default transfer (transfers.csv line 2) moves the grade-3 boy on an
application of Monday 4 March 2019.
"""

from __future__ import annotations

import datetime as dt

from dropout_control.policy import Layer
from dropout_control.transfers import TransferStatus
from tests.unit.rules.rule_builders import audit_of, facts, single, sources, student
from tests.unit.transfers.transfer_builders import pending, suspension, transfer


def _county_layer(values: dict[str, object]) -> Layer:
    """Linxia County (622921) setting ``values`` from 2013-09-01."""
    return Layer.from_mapping(
        {
            "jurisdiction": "622921",
            "parameters": {
                key: {
                    "values": [
                        {"since": "2013-09-01", "value": value, "mark": "U", "source": "test"}
                    ]
                }
                for key, value in values.items()
            },
        }
    )


# TR-003 --------------------------------------------------------------------------------


def test_a_transfer_that_keeps_the_grade_is_clean() -> None:
    assert [] == sources(audit_of(transfer(grade_after=3)), "TR-003")


def test_a_transfer_without_a_grade_after_is_clean() -> None:
    assert [] == sources(audit_of(transfer(grade_after=None)), "TR-003")


def test_a_transfer_that_moves_the_student_up_a_grade_is_reported() -> None:
    finding = single(audit_of(transfer(grade_after=4)), "TR-003")

    assert {"grade_before": 3, "grade_after": 4} == facts(finding, "grade_before", "grade_after")
    assert "from grade 3 to grade 4" in finding.message.en


# TR-004 --------------------------------------------------------------------------------


def test_a_transfer_applied_for_during_a_suspension_is_reported() -> None:
    # Suspended from 25 February to 30 June 2019; applied on 4 March.
    finding = single(audit_of(transfer(), suspension()), "TR-004")

    expected = {
        "applied_on": dt.date(2019, 3, 4),
        "suspension_id": "XX2019-0001",
        "suspended_from": dt.date(2019, 2, 25),
        "suspended_until": dt.date(2019, 6, 30),
    }
    assert expected == facts(finding, *expected)
    assert ["suspensions.csv:2"] == [str(s) for s in finding.related]


def test_a_transfer_applied_for_after_the_return_is_clean() -> None:
    returned = suspension(returned_on=dt.date(2019, 3, 4))

    assert [] == sources(audit_of(transfer(), returned), "TR-004")


def test_a_transfer_applied_for_the_day_after_the_suspension_ended_is_clean() -> None:
    ended = suspension(end=dt.date(2019, 3, 3))

    assert [] == sources(audit_of(transfer(), ended), "TR-004")


def test_a_transfer_applied_for_on_the_first_day_of_a_suspension_is_reported() -> None:
    starting = suspension(start=dt.date(2019, 3, 4))

    assert ["transfers.csv:2"] == sources(audit_of(transfer(), starting), "TR-004")


def test_another_students_suspension_does_not_count() -> None:
    other = student(sequence=11).student_number

    assert [] == sources(audit_of(transfer(), suspension(student_number=other)), "TR-004")


def test_a_rejected_transfer_applied_for_during_a_suspension_is_clean() -> None:
    rejected = transfer(
        status=TransferStatus.REJECTED,
        receiving_bureau_on=None,
        sending_school_on=None,
        sending_bureau_on=None,
        completed_on=None,
    )

    assert [] == sources(audit_of(rejected, suspension()), "TR-004")


def test_where_suspended_students_may_transfer_no_tr_004_is_reported() -> None:
    layer = _county_layer({"transfer.blocked_while_suspended": False})

    report = audit_of(transfer(), suspension(), jurisdiction="622921", layers=[layer])

    assert [] == sources(report, "TR-004")


def test_tr_004_does_not_run_without_suspensions() -> None:
    report = audit_of(transfer())

    assert ["no suspensions file"] == [
        s.why for s in report.skipped_rules if str(s.rule) == "TR-004"
    ]


# TR-005 --------------------------------------------------------------------------------


def test_a_sixth_grader_applying_in_the_spring_term_is_reported() -> None:
    finding = single(audit_of(pending(grade_before=6)), "TR-005")

    expected = {
        "applied_on": dt.date(2019, 3, 4),
        "grade_before": 6,
        "stage": "primary",
        "structure": "6+3",
        "school_year": "2018-2019",
        "final_term_start": dt.date(2019, 3, 1),
    }
    assert expected == facts(finding, *expected)


def test_a_ninth_grader_applying_on_the_first_day_of_the_spring_term_is_reported() -> None:
    report = audit_of(pending(grade_before=9, applied_on=dt.date(2019, 3, 1)))

    finding = single(report, "TR-005")
    assert "junior_secondary" == finding.facts["stage"]
    assert "the last of the junior secondary stage under 6+3" in finding.message.en
    assert "正值初中毕业年级（9 年级，学制 6+3）2018-2019 学年最后一学期" in finding.message.zh


def test_a_ninth_grader_applying_on_the_last_day_of_the_autumn_term_is_clean() -> None:
    report = audit_of(pending(grade_before=9, applied_on=dt.date(2019, 2, 28)))

    assert [] == sources(report, "TR-005")


def test_a_fifth_grader_under_six_plus_three_is_clean() -> None:
    assert [] == sources(audit_of(pending(grade_before=5)), "TR-005")


def test_a_fifth_grader_under_five_plus_four_is_reported() -> None:
    layer = _county_layer({"compulsory.structure": "5+4"})

    report = audit_of(pending(grade_before=5), jurisdiction="622921", layers=[layer])

    finding = single(report, "TR-005")
    assert ("primary", "5+4") == (finding.facts["stage"], finding.facts["structure"])


def test_a_sixth_grader_under_five_plus_four_is_clean() -> None:
    layer = _county_layer({"compulsory.structure": "5+4"})

    report = audit_of(pending(grade_before=6), jurisdiction="622921", layers=[layer])

    assert [] == sources(report, "TR-005")


def test_a_rejected_transfer_in_the_final_term_is_clean() -> None:
    rejected = transfer(
        grade_before=9,
        status=TransferStatus.REJECTED,
        receiving_bureau_on=None,
        sending_school_on=None,
        sending_bureau_on=None,
        completed_on=None,
    )

    assert [] == sources(audit_of(rejected), "TR-005")


def test_where_graduating_students_may_transfer_no_tr_005_is_reported() -> None:
    layer = _county_layer({"transfer.blocked_in_graduating_final_term": False})

    report = audit_of(pending(grade_before=9), jurisdiction="622921", layers=[layer])

    assert [] == sources(report, "TR-005")
