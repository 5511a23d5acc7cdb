"""Cell values as the registry writes them: sex, yes/no, grades, dates, months, codes."""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.calendar.year_month import YearMonth
from dropout_control.errors import InvalidCode, InvalidDate, InvalidRecord
from dropout_control.identity import Sex
from dropout_control.io import values


@pytest.mark.parametrize(
    ("cell", "sex"),
    [
        ("男", Sex.MALE),
        ("女", Sex.FEMALE),
        ("1", Sex.MALE),
        ("2", Sex.FEMALE),
        ("male", Sex.MALE),
        ("Female", Sex.FEMALE),
        ("M", Sex.MALE),
        (1, Sex.MALE),
        (2, Sex.FEMALE),
    ],
)
def test_sex_is_read_from_chinese_codes_and_english(cell: object, sex: Sex) -> None:
    assert sex == values.parse_sex(cell, "sex")


def test_an_unknown_sex_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidCode) as caught:
        values.parse_sex("未知", "sex")
    assert ("sex", "未知") == (caught.value.field, caught.value.shown)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("是", True),
        ("否", False),
        ("1", True),
        ("0", False),
        ("true", True),
        ("FALSE", False),
        ("Y", True),
        ("n", False),
        ("yes", True),
        (True, True),
        (False, False),
        (1, True),
        (0, False),
    ],
)
def test_yes_and_no_are_read_in_every_form(cell: object, expected: bool) -> None:
    assert expected == values.parse_bool(cell, "migrant")


def test_a_word_that_is_neither_yes_nor_no_is_refused() -> None:
    with pytest.raises(InvalidCode):
        values.parse_bool("maybe", "present")


@pytest.mark.parametrize(
    ("cell", "grade"),
    [
        *((str(grade), grade) for grade in range(1, 10)),
        *((f"{numeral}年级", grade) for grade, numeral in enumerate("一二三四五六七八九", start=1)),
        ("初一", 7),
        ("初二", 8),
        ("初三", 9),
        ("初中二年级", 8),
        ("3年级", 3),
        (5, 5),
        (5.0, 5),
    ],
)
def test_grades_are_read_as_numbers_chinese_grades_or_junior_years(
    cell: object, grade: int
) -> None:
    assert grade == values.parse_grade(cell, "grade")


def test_a_grade_outside_compulsory_education_is_left_to_the_record_to_refuse() -> None:
    assert 12 == values.parse_grade("12", "grade")


def test_a_grade_that_is_not_a_grade_is_refused() -> None:
    with pytest.raises(InvalidCode):
        values.parse_grade("高一", "grade")


@pytest.mark.parametrize(
    "cell",
    [
        "2012-09-01",
        "20120901",
        "2012/9/1",
        "2012/09/01",
        "2012.9.1",
        "2012年9月1日",
        "2012-9-1",
        "2012/9/1 0:00",
        "2012-09-01 00:00:00",
        20120901,
        dt.date(2012, 9, 1),
        dt.datetime(2012, 9, 1, 8, 30),  # noqa: DTZ001 - a sheet's cell has no time zone
    ],
)
def test_a_date_is_read_in_every_written_form(cell: object) -> None:
    assert dt.date(2012, 9, 1) == values.parse_date(cell, "birth_date")


@pytest.mark.parametrize("cell", ["2012-13-45", "20120230", "2012/2/30", "2012年13月1日"])
def test_a_date_that_does_not_exist_is_refused_naming_the_field(cell: str) -> None:
    with pytest.raises(InvalidDate) as caught:
        values.parse_date(cell, "birth_date")
    assert ("birth_date", "no such date") == (caught.value.field, caught.value.reason)


def test_text_that_is_not_a_date_is_refused_with_the_forms_expected() -> None:
    with pytest.raises(InvalidDate) as caught:
        values.parse_date("九月一日", "approved_on")
    assert "expected a date written YYYY-MM-DD, YYYYMMDD or YYYY/M/D" == caught.value.reason


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("201809", dt.date(2018, 9, 1)),
        ("2018-09", dt.date(2018, 9, 1)),
        ("2018/9", dt.date(2018, 9, 1)),
        ("2018年9月", dt.date(2018, 9, 1)),
        ("2018-09-03", dt.date(2018, 9, 3)),
        ("20180903", dt.date(2018, 9, 3)),
        (201809, dt.date(2018, 9, 1)),
        (dt.date(2018, 9, 3), dt.date(2018, 9, 3)),
    ],
)
def test_the_entry_month_is_its_first_day_and_a_full_date_stays_itself(
    cell: object, day: dt.date
) -> None:
    assert day == values.parse_entry_month(cell, "entry_date")


@pytest.mark.parametrize("cell", ["201813", "2018-00", "秋季"])
def test_an_entry_month_that_does_not_exist_is_refused(cell: str) -> None:
    with pytest.raises(InvalidDate) as caught:
        values.parse_entry_month(cell, "entry_date")
    assert "entry_date" == caught.value.field


@pytest.mark.parametrize(
    "cell", ["2019-03", "201903", "2019/3", "2019年3月", "2019-03-15", dt.date(2019, 3, 15)]
)
def test_a_month_is_read_in_every_written_form(cell: object) -> None:
    assert YearMonth(2019, 3) == values.parse_month(cell, "month")


def test_a_month_that_does_not_exist_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidDate) as caught:
        values.parse_month("2019-13", "month")
    assert ("month", "no such month") == (caught.value.field, caught.value.reason)


@pytest.mark.parametrize(("cell", "code"), [("622921", "622921"), (622921, "622921")])
def test_a_region_code_is_six_digits(cell: object, code: str) -> None:
    assert code == values.parse_region(cell, "household_region")


@pytest.mark.parametrize("cell", ["62292", "6229210", "临夏县", "62292X"])
def test_a_region_code_that_is_not_six_digits_is_refused(cell: str) -> None:
    with pytest.raises(InvalidCode):
        values.parse_region(cell, "household_region")


@pytest.mark.parametrize(
    ("cell", "code"),
    [("01", "01"), ("1", "01"), (3, "03"), ("回族", "03"), ("东乡族", "26"), ("保安", "47")],
)
def test_a_nationality_is_its_two_digit_code_of_gb_3304(cell: object, code: str) -> None:
    assert code == values.parse_ethnicity(cell, "ethnicity")


def test_a_nationality_that_is_not_a_code_or_a_name_is_refused() -> None:
    with pytest.raises(InvalidCode):
        values.parse_ethnicity("火星族", "ethnicity")


@pytest.mark.parametrize("cell", ["无", "0", "否", "无残疾", False])
def test_no_disability_is_written_in_several_ways(cell: object) -> None:
    assert values.parse_disability(cell, "disability") is None


def test_a_disability_is_kept_as_written() -> None:
    assert "视力残疾" == values.parse_disability(" 视力残疾 ", "disability")


def test_a_whole_number_stored_as_a_float_is_written_without_its_fraction() -> None:
    assert "2162001234" == values.cell_text(2162001234.0, "school_id")


@pytest.mark.parametrize(
    ("cell", "what"), [(True, "a boolean"), ([1], "of type list"), (1.5, "a fraction")]
)
def test_a_cell_that_is_not_text_is_refused_saying_what_it_is(cell: object, what: str) -> None:
    with pytest.raises(InvalidRecord) as caught:
        values.cell_text(cell, "school_id")
    assert what in caught.value.reason


def test_a_whole_number_is_read_from_text_or_a_number() -> None:
    assert [120, 120, 120] == [values.parse_int(cell, "total") for cell in ("120", 120, 120.0)]


def test_a_number_that_is_not_whole_is_refused() -> None:
    with pytest.raises(InvalidRecord) as caught:
        values.parse_int("十二", "total")
    assert "expected a whole number" == caught.value.reason
