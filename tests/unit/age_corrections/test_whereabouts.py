"""Whereabouts of a child across the old and new numbers of an age correction.

The boy's record (students.csv line 2, school 2162000001) still carries his old number;
on 8 October 2018 a correction gave him a new one. Asked on 20 March 2019 by either
number, he is in school, and the correction is among the evidence.
"""

from __future__ import annotations

import datetime as dt

from dropout_control.bundle import Bundle
from dropout_control.whereabouts import WhereaboutsStatus, whereabouts
from tests.unit.age_corrections.correction_builders import NEW_ID, OLD_ID, correction, evidence
from tests.unit.rules.rule_builders import SCHOOL, student

AS_OF = dt.date(2019, 3, 20)
BUNDLE = Bundle(
    students=[student(resident_id=OLD_ID)], age_corrections=[correction()], evidence=[evidence()]
)


def test_asked_by_the_new_number_the_child_is_found_at_the_record_of_the_old_one() -> None:
    found = whereabouts(BUNDLE, NEW_ID.reveal(), as_of=AS_OF)

    assert (WhereaboutsStatus.IN_SCHOOL, SCHOOL) == (found.status, found.school_id)


def test_the_correction_is_shown_once_whichever_number_is_asked() -> None:
    for number in (OLD_ID.reveal(), NEW_ID.reveal()):
        codes = [item.reason.code for item in whereabouts(BUNDLE, number, as_of=AS_OF).evidence]

        assert 1 == codes.count("EVIDENCE.AGE_CORRECTED")
