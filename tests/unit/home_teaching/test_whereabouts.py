"""Whereabouts of a home-taught child: its visits are the evidence, in one line.

The boy (students.csv line 2) is taught at home; asked on 20 March 2019, his visits of
Tuesday 4, 11 and 18 September 2018 show as one line; a visit after the day asked is
left out.
"""

from __future__ import annotations

import datetime as dt

from dropout_control.bundle import Bundle
from dropout_control.whereabouts import WhereaboutsStatus, whereabouts
from tests.unit.home_teaching.home_teaching_builders import (
    BOY_NUMBER,
    home_taught,
    visit,
    weekly_visits,
)

AS_OF = dt.date(2019, 3, 20)


def _bundle() -> Bundle:
    later = visit(dt.date(2019, 3, 26), line=9)
    return Bundle(students=[home_taught()], home_teaching=[*weekly_visits(3), later])


def test_a_home_taught_child_is_home_taught_with_its_visits_as_evidence() -> None:
    found = whereabouts(_bundle(), BOY_NUMBER.reveal(), as_of=AS_OF)

    taught = [item for item in found.evidence if item.reason.code == "EVIDENCE.HOME_TEACHING"]
    assert WhereaboutsStatus.HOME_TAUGHT == found.status
    assert 1 == len(taught)
    assert (
        "送教上门 3 次，共 15 课时（2018-09-04 至 2018-09-18）",
        "home_teaching.csv:4",
    ) == (taught[0].reason.message.zh, str(taught[0].source))


def test_visits_after_the_day_asked_are_not_evidence_yet() -> None:
    found = whereabouts(_bundle(), BOY_NUMBER.reveal(), as_of=dt.date(2018, 9, 3))

    assert "EVIDENCE.HOME_TEACHING" not in [item.reason.code for item in found.evidence]
