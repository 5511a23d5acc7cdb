"""The problems planted on transfers, suspensions and the monthly roll (TR-001 to
TR-007, SUS-001 to SUS-005, REC-001 to REC-004): each a child of its own, with a note.

Called by :meth:`examples.linxia.movements.Movements.build` in a fixed order, so that
the seeded draws, and so the folder, stay the same.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from examples.linxia.records import RollRow
from examples.linxia.setting import (
    JUNIOR_SCHOOL,
    LATEST_MONTH,
    PRIMARY_SCHOOLS,
    Approvals,
    month_of,
    months_before,
    months_from,
    schedule,
)

if TYPE_CHECKING:
    from examples.linxia.movements import Movements

__all__ = [
    "plant_approvals",
    "plant_roll",
    "plant_suspensions",
    "plant_transfer_blocks",
    "plant_whereabouts",
]


def plant_approvals(moves: Movements) -> None:
    # TR-001: the sending school approved before the receiving bureau
    student = moves.pupil(9)
    to_school = moves.primary_school(other_than=student.school_id)
    applied = dt.date(2018, 11, 5)
    approvals: Approvals = (
        dt.date(2018, 11, 7),
        dt.date(2018, 11, 14),
        dt.date(2018, 11, 9),
        dt.date(2018, 11, 16),
    )
    note = "sending school approved 2018-11-09, before the receiving bureau (2018-11-14)"
    row = moves.transfer(
        student,
        (student.school_id, to_school),
        applied,
        approvals,
        "completed",
        plants=[("TR-001", note)],
    )
    moves.move_within(student, to_school, row.completed_on or applied)
    # TR-001: marked completed without the sending bureau's approval
    student = moves.pupil(12)
    applied = dt.date(2018, 12, 3)
    approvals = (*schedule(applied, 2, 3, 3)[:3], None)
    moves.transfer(
        student,
        (moves.outside_school(student.grade), student.school_id),
        applied,
        approvals,
        "completed",
        completed_on=dt.date(2018, 12, 14),
        plants=[("TR-001", "completed without the sending bureau's approval")],
    )
    student.roll_months = months_from("2018-12")
    # TR-002: the sending school took 15 working days
    student = moves.pupil(11)
    applied = dt.date(2018, 10, 8)
    row = moves.transfer(
        student,
        (moves.outside_school(student.grade), student.school_id),
        applied,
        schedule(applied, 3, 5, 15, 4),
        "completed",
        plants=[("TR-002", "the sending school took 15 working days")],
    )
    student.roll_months = months_from(month_of(row.completed_on or applied))
    # TR-002: pending, the receiving bureau overdue since 2019-03-06
    student = moves.pupil(9)
    applied = dt.date(2019, 2, 18)
    moves.transfer(
        student,
        (student.school_id, moves.outside_school(student.grade)),
        applied,
        schedule(applied, 2),
        "pending",
        plants=[("TR-002", "pending: the receiving bureau was due by 2019-03-06")],
    )
    # TR-003: grade 4 at the old school, grade 3 at the new one (completed)
    student = moves.pupil(9)
    to_school = moves.primary_school(other_than=student.school_id)
    applied = dt.date(2018, 9, 17)
    row = moves.transfer(
        student,
        (student.school_id, to_school),
        applied,
        schedule(applied, 2, 4, 3, 2),
        "completed",
        grade_after=student.grade - 1,
        plants=[("TR-003", "grade 4 before, grade 3 after (completed)")],
    )
    moves.move_within(student, to_school, row.completed_on or applied, grade=student.grade - 1)
    # TR-003: pending, the receiving school puts a grade-5 pupil in grade 4
    student = moves.pupil(10)
    applied = dt.date(2019, 3, 12)
    moves.transfer(
        student,
        (student.school_id, moves.outside_school(student.grade)),
        applied,
        schedule(applied, 2),
        "pending",
        grade_after=student.grade - 1,
        plants=[("TR-003", "grade 5 before, grade 4 after (pending)")],
    )


def plant_transfer_blocks(moves: Movements) -> None:
    # TR-004: pending, applied for while suspended (health, until July)
    student = moves.pupil(10)
    moves.suspend(student, dt.date(2018, 11, 5), dt.date(2019, 7, 5))
    applied = dt.date(2019, 3, 11)
    moves.transfer(
        student,
        (student.school_id, moves.outside_school(student.grade)),
        applied,
        schedule(applied, 2),
        "pending",
        plants=[("TR-004", "applied 2019-03-11, suspended 2018-11-05 to 2019-07-05")],
    )
    # TR-004: completed out to another county, applied for while suspended
    student = moves.pupil(12, outsider=True)
    moves.suspend(student, dt.date(2018, 11, 12), dt.date(2019, 7, 12))
    applied = dt.date(2019, 2, 18)
    row = moves.transfer(
        student,
        (student.school_id, moves.outside_school(student.grade)),
        applied,
        schedule(applied, 2, 3, 2, 2),
        "completed",
        plants=[("TR-004", "applied 2019-02-18, suspended 2018-11-12 to 2019-07-12")],
    )
    since = row.completed_on or applied
    moves.town.finish(student, "transferred_out", since)
    student.roll_months = months_before(month_of(since))
    # TR-005: grade 9 and grade 6 applying in the spring term (pending, in time)
    student = moves.pupil(14)
    applied = dt.date(2019, 3, 5)
    moves.transfer(
        student,
        (student.school_id, moves.outside_school(student.grade)),
        applied,
        schedule(applied, 2, 4),
        "pending",
        plants=[("TR-005", "grade 9 applied 2019-03-05, in the final term")],
    )
    student = moves.pupil(11)
    applied = dt.date(2019, 3, 11)
    moves.transfer(
        student,
        (student.school_id, moves.primary_school(other_than=student.school_id)),
        applied,
        schedule(applied),
        "pending",
        plants=[("TR-005", "grade 6 applied 2019-03-11, in the final term")],
    )


def plant_whereabouts(moves: Movements) -> None:
    # TR-006: transferred out in December 2018, no transfer, no record anywhere
    # (children of other counties' households, so not on the roster: not AGE-002)
    student = moves.pupil(10, outsider=True)
    since = dt.date(2018, 12, 3)
    moves.town.finish(student, "transferred_out", since)
    student.roll_months = months_before("2018-12")
    student.plants.append(("TR-006", "transferred out 2018-12-03, no transfer, no record"))
    student = moves.pupil(13, outsider=True)
    since = dt.date(2018, 12, 17)
    applied = dt.date(2018, 11, 26)
    moves.transfer(
        student,
        (student.school_id, moves.outside_school(student.grade)),
        applied,
        schedule(applied, 2),
        "rejected",
    )
    moves.town.finish(student, "transferred_out", since)
    student.roll_months = months_before("2018-12")
    note = "transferred out 2018-12-17 after a rejected transfer; no record anywhere"
    student.plants.append(("TR-006", note))
    # TR-007: present at another school in March, the record left behind
    for age, at_old in ((8, (False, "")), (10, None)):
        student = moves.pupil(age)
        other = moves.primary_school(other_than=student.school_id)
        student.roll_marks[LATEST_MONTH] = at_old
        row = RollRow(
            LATEST_MONTH,
            other,
            student.student_number,
            student.child.resident_id,
            student.child.name,
        )
        moves.town.extra_roll.append(row)
        moves.town.present_elsewhere.append((student, row))


def plant_suspensions(moves: Movements) -> None:
    for age, start, end, grounds, note in (
        (8, dt.date(2018, 10, 15), dt.date(2019, 7, 12), "family", "grounds family"),
        (
            12,
            dt.date(2018, 11, 26),
            dt.date(2019, 7, 5),
            "abroad_temporary",
            "grounds abroad_temporary (no layer of 622900 allows it)",
        ),
    ):
        moves.suspend(moves.pupil(age), start, end, grounds=grounds, plants=[("SUS-001", note)])
    for age, start, end, approver in (
        (9, dt.date(2018, 11, 19), dt.date(2019, 6, 28), "school"),
        (12, dt.date(2018, 12, 3), dt.date(2019, 7, 5), "village_committee"),
    ):
        moves.suspend(
            moves.pupil(age),
            start,
            end,
            approved_by=approver,
            plants=[("SUS-002", f"approved by {approver}")],
        )
    moves.suspend(  # SUS-003: 488 days, not extended
        moves.pupil(10),
        dt.date(2018, 2, 26),
        dt.date(2019, 6, 28),
        plants=[("SUS-003", "488 days without an extension")],
    )
    moves.suspend(  # SUS-003: extended twice (663 days, within 730)
        moves.pupil(9),
        dt.date(2017, 9, 4),
        dt.date(2019, 6, 28),
        extensions=2,
        plants=[("SUS-003", "extended twice")],
    )
    for age, start, end in (  # SUS-004: ended in December 2018, not back, still 休学
        (9, dt.date(2018, 6, 11), dt.date(2018, 12, 31)),
        (13, dt.date(2018, 9, 3), dt.date(2018, 12, 14)),
    ):
        student = moves.pupil(age)
        moves.suspend(student, start, end)
        note = f"suspension ended {end.isoformat()}, no return, record still 休学"
        student.plants.append(("SUS-004", note))
    for age, start, end in (  # SUS-005: starting in the spring term of grade 9 and 6
        (14, dt.date(2019, 3, 4), dt.date(2019, 7, 12)),
        (11, dt.date(2019, 3, 11), dt.date(2019, 8, 30)),
    ):
        student = moves.pupil(age)
        grade = student.grade
        moves.suspend(
            student,
            start,
            end,
            plants=[("SUS-005", f"grade {grade}, starting {start.isoformat()}")],
        )


def plant_roll(moves: Movements) -> None:
    town = moves.town
    student = moves.pupil(9)  # REC-001: marked absent, no excuse
    student.roll_marks[LATEST_MONTH] = (False, "")
    student.plants.append(("REC-001", "marked absent in 2019-03 with no excuse"))
    student = moves.pupil(13)  # REC-001: left off the roll
    student.roll_marks[LATEST_MONTH] = None
    student.plants.append(("REC-001", "not on its school's 2019-03 roll"))
    # REC-002: children of other counties' households on a roll with no record at
    # all (not on the roster either: AGE-002 does not see them)
    child, school = town.outsider(10), PRIMARY_SCHOOLS[1]
    rows = [
        RollRow(month, school, "G" + child.resident_id, child.resident_id, child.name)
        for month in months_from("2018-11")
    ]
    rows[-1].plants.append(("REC-002", "present in 2019-03 with a G number and no record"))
    town.extra_roll.extend(rows)
    child = town.outsider(12)
    row = RollRow(LATEST_MONTH, JUNIOR_SCHOOL, "", child.resident_id, child.name)
    row.plants.append(("REC-002", "present in 2019-03, an ID number only, no record"))
    town.extra_roll.append(row)
    # REC-004: two March totals that are not the number of active records
    town.total_plants[(LATEST_MONTH, PRIMARY_SCHOOLS[0])] = (
        2,
        ("REC-004", "reported 2 more than the active records"),
    )
    town.total_plants[(LATEST_MONTH, PRIMARY_SCHOOLS[3])] = (
        -1,
        ("REC-004", "reported 1 fewer than the active records"),
    )
