"""Our strategies draw what they promise, and refuse impossible requests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dropout_control.calendar import LunarDate, MonthDay, SchoolYear
from dropout_control.identity import (
    ResidentId,
    Sex,
    StudentNumber,
    StudentNumberKind,
    is_valid_resident_id,
)
from dropout_control.policy import Policy, resolve_policy
from dropout_control.strategies import (
    dates_in_school_year,
    invalid_resident_ids,
    policies,
    resident_ids,
    school_years,
    student_numbers,
)

POLICY = resolve_policy(on=dt.date(2019, 3, 20))


@given(
    resident_ids(
        regions=["622921", "110105"],
        min_birth_date=dt.date(2010, 9, 1),
        max_birth_date=dt.date(2011, 8, 31),
        sex=Sex.MALE,
    )
)
def test_resident_ids_respect_every_keyword(number: ResidentId) -> None:
    assert number.region_code in {"622921", "110105"}
    assert dt.date(2010, 9, 1) <= number.birth_date <= dt.date(2011, 8, 31)
    assert Sex.MALE == number.sex


@given(resident_ids(regions=st.just("622927"), sex=Sex.FEMALE))
def test_resident_ids_take_a_strategy_of_regions(number: ResidentId) -> None:
    assert "622927" == number.region_code
    assert Sex.FEMALE == number.sex


@given(invalid_resident_ids())
def test_invalid_resident_ids_are_never_valid(text: str) -> None:
    assert not is_valid_resident_id(text)


@pytest.mark.parametrize("defect", ["check_character", "birth_date", "length", "character"])
def test_each_defect_alone_gives_invalid_numbers(defect: str) -> None:
    @given(invalid_resident_ids(defects=[defect]))  # type: ignore[list-item]
    def check(text: str) -> None:
        assert not is_valid_resident_id(text)

    check()


@pytest.mark.parametrize("kind", list(StudentNumberKind))
def test_student_numbers_are_of_the_kind_asked_for(kind: StudentNumberKind) -> None:
    @given(student_numbers(kind=kind))
    def check(number: StudentNumber) -> None:
        assert kind == number.kind

    check()


@given(student_numbers(kind=StudentNumberKind.G, ids=resident_ids(regions=["622901"])))
def test_g_numbers_match_the_resident_id_they_were_built_from(number: StudentNumber) -> None:
    embedded = number.embedded_resident_id()
    assert embedded is not None
    assert number.matches(embedded)
    assert "622901" == embedded.region_code


@given(policies(jurisdictions=["622900"]))
def test_policies_from_the_default_range_have_every_parameter_in_force(policy: Policy) -> None:
    assert {} == dict(policy.not_in_force)
    assert "622900" == policy.jurisdiction


@given(st.data())
def test_dates_in_school_year_fall_inside_it(data: st.DataObject) -> None:
    year = data.draw(school_years(policy=POLICY, min_year=2015, max_year=2020))
    day = data.draw(dates_in_school_year(year))
    assert isinstance(year, SchoolYear)
    assert year.contains(day)
    assert 2015 <= year.start_year <= 2020


@given(st.from_type(ResidentId), st.from_type(StudentNumber))
def test_from_type_draws_our_value_types(number: ResidentId, student: StudentNumber) -> None:
    assert is_valid_resident_id(number.reveal())
    assert StudentNumber.parse(student.reveal()) == student


@given(st.from_type(LunarDate), st.from_type(MonthDay))
def test_from_type_draws_lunar_dates_and_month_days(lunar: LunarDate, day: MonthDay) -> None:
    assert LunarDate.from_gregorian(lunar.to_gregorian()) == lunar
    assert MonthDay.parse(str(day)) == day


@pytest.mark.parametrize(
    "make",
    [
        lambda: resident_ids(
            min_birth_date=dt.date(2012, 1, 1), max_birth_date=dt.date(2011, 1, 1)
        ),
        lambda: resident_ids(regions=[]),
        lambda: resident_ids(regions=["6229"]),
        lambda: invalid_resident_ids(defects=[]),
        lambda: policies(min_date=dt.date(2022, 1, 1), max_date=dt.date(2021, 1, 1)),
        lambda: policies(jurisdictions=[]),
        lambda: school_years(policy=POLICY, min_year=2020, max_year=2019),
    ],
)
def test_impossible_requests_raise_invalid_argument(make: object) -> None:
    with pytest.raises(InvalidArgument):
        make().example()  # type: ignore[operator]
