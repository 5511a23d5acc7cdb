"""Reading parameter values of each kind."""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.calendar import MonthDay
from dropout_control.errors import InvalidRecord
from dropout_control.policy import SchoolStructure, ValueKind
from dropout_control.policy.values import read_value, show_value


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        (ValueKind.INTEGER, 9, 9),
        (ValueKind.RATIO, 0.95, 0.95),
        (ValueKind.RATIO, 1, 1.0),
        (ValueKind.BOOLEAN, True, True),
        (ValueKind.DATE, dt.date(1996, 1, 1), dt.date(1996, 1, 1)),
        (ValueKind.DATE, "1996-01-01", dt.date(1996, 1, 1)),
        (ValueKind.MONTH_DAY, "08-31", MonthDay(8, 31)),
        (ValueKind.CODE, " city_public_security_bureau ", "city_public_security_bureau"),
        (ValueKind.CODES, ["health", "abroad_temporary"], ("health", "abroad_temporary")),
        (ValueKind.PERIOD, "monthly", "monthly"),
        (ValueKind.STRUCTURE, "5+4", SchoolStructure(5, 4)),
    ],
)
def test_a_raw_value_is_read_into_its_kind(kind: ValueKind, raw: object, expected: object) -> None:
    assert expected == read_value(kind, raw)


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        (ValueKind.INTEGER, True),
        (ValueKind.INTEGER, "9"),
        (ValueKind.RATIO, 1.5),
        (ValueKind.BOOLEAN, "yes"),
        (ValueKind.DATE, 19960101),
        (ValueKind.CODE, ""),
        (ValueKind.CODES, "health"),
        (ValueKind.PERIOD, "weekly"),
    ],
)
def test_a_raw_value_of_the_wrong_shape_is_refused(kind: ValueKind, raw: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        read_value(kind, raw)


def test_a_structure_must_be_two_numbers_joined_by_a_plus() -> None:
    with pytest.raises(InvalidRecord, match=r"compulsory\.structure"):
        SchoolStructure.parse("six and three")


def test_a_five_plus_four_structure_puts_grade_six_in_junior_secondary() -> None:
    structure = SchoolStructure.parse("5+4")
    assert 6 in structure.junior_grades
    assert 9 == structure.final_grade


def test_values_show_as_plain_data() -> None:
    assert ["health"] == show_value(("health",))
    assert "1996-01-01" == show_value(dt.date(1996, 1, 1))
    assert "6+3" == show_value(SchoolStructure(6, 3))
    assert 15 == show_value(15)
