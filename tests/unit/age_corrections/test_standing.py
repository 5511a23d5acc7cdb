"""A child's standing before and after a correction, as of 20 March 2019 (cutoff of the
school year: 31 August 2018; employment age 16)."""

from __future__ import annotations

import datetime as dt

from dropout_control.age_corrections import correction_effect, standing_on
from dropout_control.policy import resolve_policy

AS_OF = dt.date(2019, 3, 20)
POLICY = resolve_policy(on=AS_OF)


def test_a_child_of_fourteen_is_of_school_age_and_under_the_employment_age() -> None:
    child = standing_on(dt.date(2004, 9, 1), AS_OF, policy=POLICY)

    assert (14, True, False) == (child.age, child.school_age, child.over_employment_age)
    assert 16 == child.employment_min_age
    assert ("employment.min_age", 16) in child.parameters


def test_making_a_fourteen_year_old_sixteen_moves_it_out_of_school_age_and_into_work() -> None:
    effect = correction_effect(dt.date(2004, 9, 1), dt.date(2002, 8, 31), AS_OF, policy=POLICY)

    assert effect.leaves_school_age
    assert effect.crosses_employment_age


def test_making_a_nine_year_old_ten_changes_neither() -> None:
    effect = correction_effect(dt.date(2010, 5, 1), dt.date(2009, 5, 1), AS_OF, policy=POLICY)

    assert not effect.leaves_school_age
    assert not effect.crosses_employment_age


def test_a_child_not_yet_born_on_the_date_has_no_age() -> None:
    child = standing_on(dt.date(2019, 3, 21), AS_OF, policy=POLICY)

    assert (None, False, False) == (child.age, child.school_age, child.over_employment_age)
