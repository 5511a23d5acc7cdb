"""SUS-005: a suspension that starts in the final term of a graduating grade.

The audit is as of 20 March 2019 in Linxia: 6+3, the school year 2018-2019 runs from
1 September 2018 to 31 August 2019, and its spring (final) term starts on 1 March 2019.
The boy of :func:`graduating` is in grade 9 at school 2162000001 (students.csv line 2).
"""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.bundle import Bundle
from dropout_control.policy import Layer, Mark
from dropout_control.registry.model import RecordStatus
from dropout_control.suspensions import Suspension
from tests.unit.rules.rule_builders import (
    SCHOOL,
    audit_bundle,
    audit_of,
    facts,
    quoted,
    single,
    sources,
)
from tests.unit.suspensions.suspension_builders import GRADUATE_NUMBER, graduating, suspension


def _starting(day: dt.date) -> Suspension:
    """The graduating boy's suspension from ``day`` to 30 June 2019."""
    return suspension(
        student_number=GRADUATE_NUMBER,
        start=day,
        end=max(day, dt.date(2019, 6, 30)),
        approved_on=day - dt.timedelta(days=5),
    )


def test_a_grade_nine_suspension_starting_on_the_first_day_of_spring_is_reported() -> None:
    finding = single(audit_of(graduating(), _starting(dt.date(2019, 3, 1))), "SUS-005")

    expected = {
        "start": dt.date(2019, 3, 1),
        "grade": 9,
        "stage": "junior_secondary",
        "structure": "6+3",
        "school_year": "2018-2019",
        "final_term_start": dt.date(2019, 3, 1),
        "school_id": SCHOOL,
    }
    assert expected == facts(finding, *expected)
    assert ("suspensions", "suspensions.csv:2", ["students.csv:2"]) == (
        finding.kind,
        str(finding.source),
        [str(related) for related in finding.related],
    )


def test_a_grade_nine_suspension_starting_the_day_before_spring_is_clean() -> None:
    assert [] == sources(audit_of(graduating(), _starting(dt.date(2019, 2, 28))), "SUS-005")


def test_a_suspension_starting_on_the_last_day_of_the_school_year_is_reported() -> None:
    last_day = _starting(dt.date(2019, 8, 31))

    assert ["suspensions.csv:2"] == sources(audit_of(graduating(), last_day), "SUS-005")


def test_sus_005_names_the_stage_and_term_in_both_languages() -> None:
    finding = single(audit_of(graduating(), _starting(dt.date(2019, 3, 4))), "SUS-005")

    assert (
        "2019-03-04 起休学，正值初中毕业年级（9 年级，学制 6+3）2018-2019 学年最后一学期"
        "（2019-03-01 起）",
        "the suspension starts on 2019-03-04, in the final term (from 2019-03-01) of "
        "2018-2019 of a graduating grade (grade 9, the last of the junior secondary stage "
        "under 6+3)",
    ) == (finding.message.zh, finding.message.en)


def test_the_last_primary_grade_graduates_too() -> None:
    finding = single(audit_of(graduating(grade=6), _starting(dt.date(2019, 3, 4))), "SUS-005")

    assert ("primary", True) == (finding.facts["stage"], "正值小学毕业年级" in finding.message.zh)


@pytest.mark.parametrize("grade", [5, 7, 8])
def test_a_grade_that_ends_no_stage_is_clean(grade: int) -> None:
    report = audit_of(graduating(grade=grade), _starting(dt.date(2019, 3, 4)))

    assert [] == sources(report, "SUS-005")


FIVE_FOUR = Layer.from_mapping(
    {
        "jurisdiction": "622921",
        "name": "临夏县 (Linxia County)",
        "parameters": {
            "compulsory.structure": {
                "values": [
                    {
                        "since": "2018-01-01",
                        "value": "5+4",
                        "mark": "C",
                        "source": "a county running five primary grades (test layer)",
                    }
                ]
            }
        },
    }
)


def test_under_five_plus_four_grade_five_graduates_from_primary() -> None:
    report = audit_of(
        graduating(grade=5),
        _starting(dt.date(2019, 3, 4)),
        jurisdiction="622921",
        layers=[FIVE_FOUR],
    )

    finding = single(report, "SUS-005")
    assert ("primary", "5+4") == (finding.facts["stage"], finding.facts["structure"])


def test_under_five_plus_four_grade_six_does_not_graduate() -> None:
    report = audit_of(
        graduating(grade=6),
        _starting(dt.date(2019, 3, 4)),
        jurisdiction="622921",
        layers=[FIVE_FOUR],
    )

    assert [] == sources(report, "SUS-005")


def test_an_active_records_grade_says_nothing_of_an_earlier_school_year() -> None:
    # In spring 2018 the boy now in grade 9 was in grade 8: not judged.
    last_year = suspension(
        student_number=GRADUATE_NUMBER,
        start=dt.date(2018, 3, 5),
        end=dt.date(2018, 6, 30),
        approved_on=dt.date(2018, 3, 1),
        returned_on=dt.date(2018, 9, 1),
    )

    assert [] == sources(audit_of(graduating(), last_year), "SUS-005")


def _spring_2018() -> Suspension:
    return suspension(
        student_number=GRADUATE_NUMBER,
        start=dt.date(2018, 3, 5),
        end=dt.date(2019, 3, 4),
        approved_on=dt.date(2018, 3, 1),
    )


def test_a_record_suspended_since_spring_last_year_keeps_that_years_grade() -> None:
    # Suspended in grade 9 on 5 March 2018 and still suspended: judged in 2017-2018.
    record = graduating(status=RecordStatus.SUSPENDED, status_since=dt.date(2018, 3, 5))

    finding = single(audit_of(record, _spring_2018()), "SUS-005")
    assert ("2017-2018", dt.date(2018, 3, 1)) == (
        finding.facts["school_year"],
        finding.facts["final_term_start"],
    )


def test_a_suspended_record_without_a_status_date_is_judged_in_the_current_year() -> None:
    record = graduating(status=RecordStatus.SUSPENDED, status_since=None)

    assert [] == sources(audit_of(record, _spring_2018()), "SUS-005")


def test_a_graduated_record_keeps_the_grade_of_the_year_it_graduated() -> None:
    # Graduated on 30 June 2018 from grade 9, suspended for three months that spring.
    record = graduating(status=RecordStatus.GRADUATED, status_since=dt.date(2018, 6, 30))
    spring = suspension(
        student_number=GRADUATE_NUMBER,
        start=dt.date(2018, 3, 5),
        end=dt.date(2018, 6, 4),
        approved_on=dt.date(2018, 3, 1),
        returned_on=dt.date(2018, 6, 5),
    )

    assert ["suspensions.csv:2"] == sources(audit_of(record, spring), "SUS-005")


def test_of_several_records_the_open_one_gives_the_grade() -> None:
    left = graduating(
        line=2, grade=8, status=RecordStatus.TRANSFERRED_OUT, status_since=dt.date(2018, 7, 1)
    )
    here = graduating(line=3, grade=9, school_id="2162000002")

    finding = single(audit_of(left, here, _starting(dt.date(2019, 3, 4))), "SUS-005")
    assert (9, "2162000002", ["students.csv:3"]) == (
        finding.facts["grade"],
        finding.facts["school_id"],
        [str(related) for related in finding.related],
    )


def test_the_open_records_grade_counts_even_when_a_closed_one_graduates() -> None:
    left = graduating(
        line=2, grade=9, status=RecordStatus.TRANSFERRED_OUT, status_since=dt.date(2019, 3, 1)
    )
    here = graduating(line=3, grade=8, school_id="2162000002")

    assert [] == sources(audit_of(left, here, _starting(dt.date(2019, 3, 4))), "SUS-005")


def test_a_suspension_of_a_student_number_with_no_record_is_not_judged() -> None:
    # The student file holds another boy only (the default grade-3 boy is not him).
    assert [] == sources(
        audit_of(graduating(grade=9), suspension(start=dt.date(2019, 3, 4))), "SUS-005"
    )


def test_sus_005_does_not_run_without_a_students_file() -> None:
    report = audit_bundle(Bundle(suspensions=(_starting(dt.date(2019, 3, 4)),)))

    assert ["no students file"] == [
        skipped.why for skipped in report.skipped_rules if str(skipped.rule) == "SUS-005"
    ]


def test_sus_005_quotes_the_spring_term_start_as_unsourced() -> None:
    finding = single(audit_of(graduating(), _starting(dt.date(2019, 3, 4))), "SUS-005")

    spring = quoted(finding, "school_year.spring_term_start")
    structure = quoted(finding, "compulsory.structure")
    assert (Mark.UNSOURCED, "6+3", "620000") == (
        spring.mark,
        str(structure.value),
        structure.jurisdiction,
    )
