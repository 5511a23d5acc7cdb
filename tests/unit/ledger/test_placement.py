"""Placement of a returned child: the admissible placements, case by case.

National policy of 20 March 2019 (school year 2018-2019, cutoff 31 August 2018):
over-age from 2 years (``enrolment.over_age_years``), vocational-plus-academic from 3
(``placement.over_age_years_for_vocational``). A child born on 1 March 2008 is ten at
the cutoff and usually in grade 5.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.errors import InvalidDate, InvalidRecord
from dropout_control.ledger import Placement, ReturningChild, placements
from dropout_control.policy import resolve_policy

AS_OF = dt.date(2019, 3, 20)
POLICY = resolve_policy(on=AS_OF)
BORN = dt.date(2008, 3, 1)  # usual grade 5 in 2018-2019


def _kinds(child: ReturningChild) -> list[tuple[str, int | None]]:
    return [(p.placement.value, p.grade) for p in placements(child, AS_OF, policy=POLICY)]


def test_a_child_one_year_behind_goes_back_to_a_regular_class_of_its_grade() -> None:
    child = ReturningChild(BORN, grade_reached=4, out_since=dt.date(2018, 12, 3))

    (only,) = placements(child, AS_OF, policy=POLICY)

    assert (Placement.REGULAR, 4) == (only.placement, only.grade)
    assert ("PLACEMENT.NOT_OVER_AGE", 1, 2) == (
        only.why.code,
        only.why.facts["years_over"],
        only.why.facts["limit"],
    )
    assert {"enrolment.over_age_years": 2} == dict(only.parameters)


def test_two_years_behind_is_over_age_an_inserted_or_a_separate_class() -> None:
    child = ReturningChild(BORN, grade_reached=3, out_since=dt.date(2017, 6, 30))

    assert [("inserted", 5), ("separate_class", 3)] == _kinds(child)


def test_three_years_behind_admits_vocational_plus_academic_study() -> None:
    child = ReturningChild(BORN, grade_reached=2, out_since=dt.date(2016, 6, 30))

    proposed = placements(child, AS_OF, policy=POLICY)

    assert [("inserted", 5), ("separate_class", 2), ("vocational_integrated", 2)] == _kinds(child)
    assert {"placement.over_age_years_for_vocational": 3} == dict(proposed[-1].parameters)
    assert "PLACEMENT.OVER_AGE_VOCATIONAL" == proposed[-1].why.code


def test_an_inserted_class_is_never_past_the_last_compulsory_grade() -> None:
    older = ReturningChild(dt.date(2002, 12, 1), grade_reached=5)  # 15 at the cutoff

    assert ("inserted", 9) == _kinds(older)[0]


def test_a_child_who_never_enrolled_starts_from_grade_1() -> None:
    never = ReturningChild(dt.date(2011, 3, 1), grade_reached=0)  # usual grade 2

    assert [("regular", 1)] == _kinds(never)


def test_an_assessed_disabled_child_may_also_go_to_a_special_school_or_be_taught_at_home() -> None:
    child = ReturningChild(
        BORN, grade_reached=5, disability="智力残疾", expert_assessed_on=dt.date(2019, 3, 1)
    )

    assert [("regular", 5), ("special_school", None), ("home_teaching", None)] == _kinds(child)


def test_a_disabled_child_not_yet_assessed_is_offered_only_the_placements_of_its_age() -> None:
    child = ReturningChild(BORN, grade_reached=5, disability="智力残疾")
    later = ReturningChild(
        BORN, grade_reached=5, disability="智力残疾", expert_assessed_on=dt.date(2019, 3, 21)
    )

    assert [("regular", 5)] == _kinds(child) == _kinds(later)


def test_each_reason_says_in_both_languages_how_many_years_over() -> None:
    child = ReturningChild(BORN, grade_reached=3)
    inserted = placements(child, AS_OF, policy=POLICY)[0]

    assert (
        "比原年级（3 年级）常规年龄大 2 岁（超龄标准 2 岁），可插入与其年龄相近的 5 年级",
        "2 years older than its grade's (3) usual age (over-age from 2): may join a class "
        "of grade 5, nearer its age",
    ) == (inserted.why.message.zh, inserted.why.message.en)


def test_the_days_out_of_school_are_among_the_facts() -> None:
    child = ReturningChild(BORN, grade_reached=4, out_since=dt.date(2019, 3, 10))

    assert 10 == placements(child, AS_OF, policy=POLICY)[0].why.facts["days_out"]


def test_a_negative_grade_or_a_leaving_day_before_birth_cannot_exist() -> None:
    with pytest.raises(InvalidRecord):
        ReturningChild(BORN, grade_reached=-1)
    with pytest.raises(InvalidDate):
        ReturningChild(BORN, grade_reached=1, out_since=dt.date(2007, 1, 1))


def test_vocational_study_is_not_proposed_before_its_parameter_is_in_force() -> None:
    child = ReturningChild(dt.date(1999, 3, 1), grade_reached=2)
    early = resolve_policy(on=dt.date(2012, 3, 20))

    kinds = [p.placement for p in placements(child, dt.date(2012, 3, 20), policy=early)]

    assert Placement.VOCATIONAL_INTEGRATED not in kinds
