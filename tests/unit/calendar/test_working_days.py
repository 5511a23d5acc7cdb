"""China's working days under the State Council's yearly arrangements, held as policy data.

The national layer carries the arrangements of 2004 to 2026
(``calendar.working_day_arrangements``); the maintained ``chinese-calendar`` package
carries them too, and the two are held against each other day by day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dropout_control.calendar import WorkingCalendar, YearArrangement
from dropout_control.errors import DropoutControlError, InvalidRecord, WorkingDaysNotCovered
from dropout_control.policy import Layer, Mark, PolicyBook, resolve_policy
from dropout_control.policy.keys import CALENDAR_WORKING_DAY_ARRANGEMENTS

POLICY = resolve_policy(on=dt.date(2019, 3, 20))
WORKING = POLICY.value(CALENDAR_WORKING_DAY_ARRANGEMENTS, WorkingCalendar)
PACKAGE_YEARS = sorted({day.year for day in chinese_calendar.holidays})
ONE_DAY = dt.timedelta(days=1)


def _days_of(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + ONE_DAY * n for n in range((dt.date(year + 1, 1, 1) - first).days)]


def test_the_package_holds_the_years_2004_to_2026() -> None:
    assert list(range(2004, 2027)) == list(WORKING.years)
    assert "2004-2026" == WORKING.span


@pytest.mark.parametrize("year", sorted(set(PACKAGE_YEARS) & set(range(2004, 2027))))
def test_every_day_is_a_working_day_exactly_when_chinese_calendar_says_so(year: int) -> None:
    differ = [
        day
        for day in _days_of(year)
        if WORKING.is_working_day(day) != chinese_calendar.is_workday(day)
    ]

    assert [] == differ


def test_the_years_both_cover_include_2013_to_2026() -> None:
    assert set(range(2013, 2027)) <= set(PACKAGE_YEARS) & set(WORKING.years)


def test_the_spring_festival_of_2019_is_skipped_and_its_make_up_weekend_counted() -> None:
    # Festival 4 to 10 February 2019; Saturday 2 and Sunday 3 February were worked.
    # Friday 1 to Friday 15 February: 1, 2, 3, 11, 12, 13, 14, 15 February.
    assert 8 == WORKING.count(dt.date(2019, 2, 1), dt.date(2019, 2, 15))
    assert (True, True, False) == (
        WORKING.is_working_day(dt.date(2019, 2, 2)),
        WORKING.is_working_day(dt.date(2019, 2, 3)),
        WORKING.is_working_day(dt.date(2019, 2, 4)),
    )


def test_ten_working_days_from_the_eve_of_the_2019_festival_end_on_19_february() -> None:
    # After Thursday 31 January: 1, 2, 3, 11, 12, 13, 14, 15, 18, 19 February.
    assert dt.date(2019, 2, 19) == WORKING.add(dt.date(2019, 1, 31), 10)


def test_national_day_2019_is_skipped_and_its_two_make_up_days_counted() -> None:
    # 1 to 7 October off; Sunday 29 September and Saturday 12 October worked. Friday
    # 27 September to Monday 14 October: 27, 29, 30 September, 8, 9, 10, 11, 12, 14 October.
    assert 9 == WORKING.count(dt.date(2019, 9, 27), dt.date(2019, 10, 14))
    assert dt.date(2019, 10, 8) == WORKING.add(dt.date(2019, 9, 30), 1)
    assert dt.date(2019, 10, 12) == WORKING.add(dt.date(2019, 10, 11), 1)


def test_a_make_up_day_is_a_deadline_when_it_is_the_last_one() -> None:
    # After Friday 27 September 2019: Sunday 29 (1), Monday 30 (2), Tuesday 8 October (3).
    assert dt.date(2019, 10, 8) == WORKING.add(dt.date(2019, 9, 27), 3)
    assert dt.date(2019, 9, 29) == WORKING.add(dt.date(2019, 9, 27), 1)


def test_zero_working_days_is_the_start_itself() -> None:
    assert dt.date(2019, 2, 4) == WORKING.add(dt.date(2019, 2, 4), 0)


def test_a_span_that_ends_before_it_starts_holds_no_working_day() -> None:
    assert 0 == WORKING.count(dt.date(2019, 2, 15), dt.date(2019, 2, 1))


def test_a_negative_number_of_working_days_raises() -> None:
    with pytest.raises(InvalidRecord, match="days"):
        WORKING.add(dt.date(2019, 2, 1), -1)


@given(
    st.dates(dt.date(2004, 1, 1), dt.date(2026, 10, 31)),
    st.integers(0, 40),
)
def test_adding_then_counting_gives_the_days_back_on_a_working_day(
    start: dt.date, days: int
) -> None:
    end = WORKING.add(start, days)

    assert days == WORKING.count(start + ONE_DAY, end)
    assert days == 0 or WORKING.is_working_day(end)


# Outside the years held --------------------------------------------------------------


def test_a_day_of_a_year_not_held_raises_naming_the_year_and_the_years_held() -> None:
    with pytest.raises(WorkingDaysNotCovered) as raised:
        WORKING.is_working_day(dt.date(2027, 3, 1))

    assert (2027, "2004-2026") == (raised.value.year, raised.value.covered)
    assert "2027" in str(raised.value)
    assert "2004-2026" in str(raised.value)


def test_not_covered_is_a_lookup_error_of_the_library() -> None:
    assert issubclass(WorkingDaysNotCovered, LookupError)
    assert issubclass(WorkingDaysNotCovered, DropoutControlError)


def test_a_count_reaching_into_a_year_not_held_raises_rather_than_count_weekdays() -> None:
    with pytest.raises(WorkingDaysNotCovered, match="2027"):
        WORKING.count(dt.date(2026, 12, 20), dt.date(2027, 1, 10))
    with pytest.raises(WorkingDaysNotCovered, match="2003"):
        WORKING.count(dt.date(2003, 12, 20), dt.date(2004, 1, 10))


def test_adding_past_the_last_year_held_raises() -> None:
    with pytest.raises(WorkingDaysNotCovered, match="2027"):
        WORKING.add(dt.date(2026, 12, 24), 10)


def test_why_not_covering_names_the_year_or_says_nothing() -> None:
    assert WORKING.why_not_covering(dt.date(2026, 12, 31)) is None
    reason = WORKING.why_not_covering(dt.date(2027, 1, 4))
    assert reason is not None
    assert "CALENDAR.NOT_COVERED" == reason.code
    assert "2027" in reason.message.en
    assert "2004-2026" in reason.message.en
    assert "2027 年" in reason.message.zh


# Reading arrangements ----------------------------------------------------------------


def test_ranges_and_single_days_are_read_and_a_year_may_hold_gaps() -> None:
    calendar = WorkingCalendar.from_mapping(
        {
            2019: {"days_off": ["2019-02-04/2019-02-06", dt.date(2019, 4, 5)]},
            "2021": {"working_days": ["2021-02-07"], "notice": " 国办发明电〔2020〕27号 "},
        }
    )

    assert "2019, 2021" == calendar.span
    assert "国办发明电〔2020〕27号" == calendar.years[2021].notice
    assert frozenset(
        {dt.date(2019, 2, 4), dt.date(2019, 2, 5), dt.date(2019, 2, 6), dt.date(2019, 4, 5)}
    ) == (calendar.years[2019].days_off)
    with pytest.raises(WorkingDaysNotCovered, match="2020"):
        calendar.count(dt.date(2019, 12, 30), dt.date(2021, 1, 4))


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ({"2019": {"days_off": ["2018-12-31"]}}, InvalidRecord),
        ({"2019": {"days_off": ["2019-02-04"], "working_days": ["2019-02-04"]}}, InvalidRecord),
        ({"2019": {"days_off": ["2019-02-10/2019-02-04"]}}, ValueError),
        ({"2019": {"days_off": "2019-02-04"}}, TypeError),
        ({"2019": {"days_off": [20190204]}}, TypeError),
        ({"2019": {"holidays": []}}, ValueError),
        ({"2019": {"notice": 15}}, TypeError),
        ({"19": {}}, ValueError),
        ({"2019": []}, TypeError),
        ([], TypeError),
    ],
)
def test_arrangements_that_cannot_be_are_refused(raw: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        WorkingCalendar.from_mapping(raw)


def test_a_year_arrangement_states_its_year() -> None:
    item = YearArrangement(2019, frozenset({dt.date(2019, 1, 1)}), frozenset())

    assert (2019, "") == (item.year, item.notice)


# A layer adds a year -----------------------------------------------------------------

YEAR_2027 = {
    "jurisdiction": "000000",
    "parameters": {
        CALENDAR_WORKING_DAY_ARRANGEMENTS: {
            "values": [
                {
                    "since": "2026-11-01",
                    "mark": "C",
                    "source": "test notice for 2027",
                    "value": {
                        "2027": {
                            "days_off": ["2027-02-05/2027-02-11"],
                            "working_days": ["2027-02-13"],
                        }
                    },
                }
            ]
        }
    },
}


def test_a_layer_adds_a_year_to_the_national_ones() -> None:
    book = PolicyBook.default().with_layer(Layer.from_mapping(YEAR_2027))
    parameter = book.resolve("622921", on=dt.date(2027, 3, 1))[CALENDAR_WORKING_DAY_ARRANGEMENTS]
    working = parameter.value

    assert isinstance(working, WorkingCalendar)
    assert "2004-2027" == working.span
    assert (True, False) == (
        working.is_working_day(dt.date(2027, 2, 13)),
        working.is_working_day(dt.date(2027, 2, 8)),
    )
    assert WORKING.years[2019] == working.years[2019]
    assert parameter.source.endswith("; test notice for 2027")
    assert (Mark.SECONDARY, dt.date(2026, 11, 1)) == (parameter.mark, parameter.since)


def test_a_year_added_by_a_layer_is_not_known_before_its_date() -> None:
    book = PolicyBook.default().with_layer(Layer.from_mapping(YEAR_2027))
    before = book.resolve(on=dt.date(2026, 10, 31)).value(
        CALENDAR_WORKING_DAY_ARRANGEMENTS, WorkingCalendar
    )

    assert "2004-2026" == before.span


def test_a_provincial_layer_replaces_a_year_and_keeps_the_others() -> None:
    corrected = {
        "jurisdiction": "620000",
        "parameters": {
            CALENDAR_WORKING_DAY_ARRANGEMENTS: {
                "values": [
                    {
                        "since": "2019-01-01",
                        "mark": "U",
                        "source": "a provincial correction",
                        "value": {"2019": {"days_off": ["2019-03-20"]}},
                    }
                ]
            }
        },
    }
    book = PolicyBook.default().with_layer(Layer.from_mapping(corrected))
    parameter = book.resolve("622900", on=dt.date(2019, 3, 20))[CALENDAR_WORKING_DAY_ARRANGEMENTS]
    working = parameter.value

    assert isinstance(working, WorkingCalendar)
    assert (False, True) == (
        working.is_working_day(dt.date(2019, 3, 20)),
        working.is_working_day(dt.date(2019, 2, 4)),  # the national 2019 is replaced
    )
    assert WORKING.years[2018] == working.years[2018]
    assert (Mark.UNSOURCED, "620000") == (parameter.mark, parameter.jurisdiction)


def test_a_layer_file_adds_a_year(tmp_path: Path) -> None:
    path = tmp_path / "2027.toml"
    path.write_text(
        'jurisdiction = "000000"\n'
        f'[[parameters."{CALENDAR_WORKING_DAY_ARRANGEMENTS}".values]]\n'
        'since = 2026-11-01\nmark = "C"\nsource = "test notice for 2027"\n'
        f'[parameters."{CALENDAR_WORKING_DAY_ARRANGEMENTS}".values.value.2027]\n'
        'days_off = ["2027-01-01"]\nworking_days = []\n',
        encoding="utf-8",
    )
    policy = resolve_policy(on=dt.date(2027, 1, 5), layers=[Layer.from_toml(path)])
    working = policy.value(CALENDAR_WORKING_DAY_ARRANGEMENTS, WorkingCalendar)

    assert "2004-2027" == working.span
    assert not working.is_working_day(dt.date(2027, 1, 1))


def test_the_parameter_shows_as_the_years_it_holds() -> None:
    assert "days off and make-up working days of 2004-2026" == str(WORKING)
