"""Transfers, suspensions and the monthly roll of the demo township: the lawful background
here, and the planted problems of TR-001 to TR-007, SUS-001 to SUS-005 and REC-001 to
REC-004 in :mod:`examples.linxia.movement_plants`.

Every planted case is a child of its own, made for it, so that one planted problem does
not touch another; the notes say what each one is. The rules and their parameters as in
force for 622900 on 2019-03-20: the four parties approve in turn (receiving school,
receiving bureau, sending school, sending bureau), each within 10 working days; a
transfer keeps the grade; no transfer while suspended, nor applied for in the spring term
(from 1 March) of grade 6 or 9; a child transferred out more than 30 days ago must be
placed; a suspension is for health, approved by the township government or the county
education bureau, at most 365 days (730 with its one extension), not started in the
spring term of grade 6 or 9, and the child is back within 14 days of its end; every
school counts its children each month (from March 2019), and its reported total is its
number of active records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from examples.linxia.movement_plants import (
    plant_approvals,
    plant_roll,
    plant_suspensions,
    plant_transfer_blocks,
    plant_whereabouts,
)
from examples.linxia.records import Plant, Student, SuspensionRow, TransferRow
from examples.linxia.setting import (
    AS_OF,
    GRADUATING_GRADES,
    JUNIOR_SCHOOL,
    LAST_PRIMARY_GRADE,
    LATEST_MONTH,
    OUTSIDE_JUNIOR,
    OUTSIDE_PRIMARY,
    PARTY_LIMIT_WORKING_DAYS,
    PRIMARY_SCHOOLS,
    RETURN_GRACE_DAYS,
    SCHOOL_YEAR_START,
    SPRING_TERM_START,
    SUSPENSION_APPROVERS,
    SUSPENSION_MAX_DAYS,
    TEACHING_POINT_GRADES,
    TEACHING_POINTS,
    TOWNSHIP,
    UNPLACED_AFTER_DAYS,
    Approvals,
    month_of,
    months_before,
    months_from,
    schedule,
    usual_grade,
    weekday_on_or_after,
)
from examples.linxia.township import Township


class Movements:
    """Adds transfers, suspensions, the roll's planted rows and the two teaching points
    to a township whose records are built."""

    def __init__(self, township: Township) -> None:
        self.town = township
        self.rng = township.rng

    def build(self) -> None:
        self.teaching_points()
        self.lawful_suspensions()
        self.lawful_transfers()
        plant_approvals(self)
        plant_transfer_blocks(self)
        plant_whereabouts(self)
        plant_suspensions(self)
        plant_roll(self)
        self.check()

    # --- helpers ----------------------------------------------------------------------

    def pupil(
        self,
        age: int,
        *,
        school: str | None = None,
        outsider: bool = False,
        plants: Sequence[Plant] = (),
    ) -> Student:
        """A new child of ``age`` at the cutoff with an active record in its usual grade;
        on the roster unless ``outsider`` (a household of another county)."""
        town = self.town
        if outsider:
            child = town.outsider(age)
        else:
            child = town.child(town.born(age))
            town.on_roster(child)
        return town.enrol(child, usual_grade(child.birth_date), school=school, plants=plants)

    def primary_school(self, *, other_than: str = "") -> str:
        return self.rng.choice([s for s in PRIMARY_SCHOOLS if s != other_than])

    def outside_school(self, grade: int) -> str:
        return self.rng.choice(OUTSIDE_PRIMARY if grade <= LAST_PRIMARY_GRADE else OUTSIDE_JUNIOR)

    def day_between(self, first: dt.date, last: dt.date) -> dt.date:
        """A weekday from ``first`` to ``last`` (``first`` itself a weekday)."""
        day = weekday_on_or_after(
            first + dt.timedelta(days=self.rng.randint(0, (last - first).days))
        )
        return day if day <= last else first

    def lawful_gaps(self, count: int = 4) -> list[int]:
        return [self.rng.randint(1, PARTY_LIMIT_WORKING_DAYS - 1) for _ in range(count)]

    def transfer(
        self,
        student: Student,
        route: tuple[str, str],
        applied: dt.date,
        approvals: Approvals,
        status: str,
        *,
        grade_after: int | None = None,
        completed_on: dt.date | None = None,
        plants: Sequence[Plant] = (),
    ) -> TransferRow:
        """A transfer of ``student``'s number along ``route`` (from school, to school);
        a completed one on its last approval, with the grade after written as the grade
        before unless given."""
        from_school, to_school = route
        if status == "completed":
            if completed_on is None:
                completed_on = max(d for d in approvals if d is not None)
            if grade_after is None:
                grade_after = student.grade
        row = TransferRow(
            student.student_number,
            from_school,
            to_school,
            applied,
            student.grade,
            approvals,
            status,
            grade_after=grade_after,
            completed_on=completed_on,
            compact_dates=self.rng.random() < 0.3,  # noqa: PLR2004 - share written YYYYMMDD
            plants=list(plants),
        )
        self.town.transfers.append(row)
        return row

    def move_within(
        self, student: Student, to_school: str, on: dt.date, *, grade: int | None = None
    ) -> Student:
        """The record the receiving school opened on ``on`` (a temporary L number, the
        same child, entry and creation dates); the old record transferred out that day.
        Each is on its school's roll in its own months."""
        town = self.town
        number = town.number("L", TOWNSHIP + str(student.entry_year))
        new = town.enrol(
            student.child, grade or student.grade, school=to_school, student_number=number
        )
        new.entry_year = student.entry_year
        new.created_on = student.created_on
        new.compact_dates = student.compact_dates
        new.dashed_entry = student.dashed_entry
        town.finish(student, "transferred_out", on)
        student.roll_months = months_before(month_of(on))
        new.roll_months = months_from(month_of(on))
        return new

    def suspend(
        self,
        student: Student,
        start: dt.date,
        end: dt.date,
        *,
        grounds: str = "health",
        approved_by: str | None = None,
        approved_on: dt.date | None = None,
        extensions: int = 0,
        returned_on: dt.date | None = None,
        plants: Sequence[Plant] = (),
        still_suspended: bool = True,
    ) -> SuspensionRow:
        """A suspension of ``student``; the record says 休学 since its start, in the
        grade of that school year, unless the child is back (``still_suspended`` false)."""
        rng = self.rng
        row = SuspensionRow(
            student.student_number,
            start,
            end,
            grounds=grounds,
            approved_by=approved_by or rng.choice(SUSPENSION_APPROVERS),
            approved_on=approved_on or start - dt.timedelta(days=rng.randint(3, 12)),
            extensions=extensions,
            returned_on=returned_on,
            plants=list(plants),
        )
        if still_suspended:
            self.town.finish(student, "suspended", start)
            # a suspended record stops moving up: it stays in the grade of the school
            # year the suspension started in
            started_in = start.year if start >= dt.date(start.year, 9, 1) else start.year - 1
            frozen = student.grade - (SCHOOL_YEAR_START - started_in)
            if frozen < 1 or (frozen <= LAST_PRIMARY_GRADE < student.grade):
                raise AssertionError(f"a suspension cannot start in another stage: {student}")
            student.grade = frozen
        student.suspensions.append(row)
        self.town.suspensions.append(row)
        return row

    # --- teaching points (REC-003) ----------------------------------------------------

    def teaching_points(self) -> None:
        """Two teaching points of grades 1 to 3: the first sent its headcounts and totals
        up to February 2019 only, the second never sent any (REC-003 for each; their
        children are not REC-001, which looks at a school's latest headcount)."""
        rng = self.rng
        stopped, silent = TEACHING_POINTS
        for school in TEACHING_POINTS:
            for _ in range(rng.randint(5, 8)):
                grade = rng.choice(TEACHING_POINT_GRADES)
                self.pupil(grade + 5, school=school)
        self.town.roll_months[stopped] = months_before(LATEST_MONTH)
        self.town.roll_months[silent] = ()
        self.town.silent_schools.extend(
            [
                (stopped, "teaching point: no headcount for 2019-03 (the last is 2019-02)"),
                (silent, "teaching point: no headcount at all"),
            ]
        )

    # --- the lawful background --------------------------------------------------------

    def lawful_suspensions(self) -> None:
        """Every suspended record gets its suspension (health, an allowed approver, at
        most a year, running past the audit date); three children came back from one."""
        rng = self.rng
        for student in list(self.town.students):
            if student.status == "suspended" and not student.suspensions:
                start = student.status_since or dt.date(2018, 9, 3)
                end = start + dt.timedelta(days=rng.randint(300, SUSPENSION_MAX_DAYS - 1))
                self.suspend(student, start, end)
        for age, start, end, returned, extensions in (
            (9, dt.date(2018, 3, 5), dt.date(2018, 7, 13), dt.date(2018, 9, 3), 0),
            (11, dt.date(2018, 10, 8), dt.date(2019, 1, 18), dt.date(2019, 1, 21), 0),
            # extended once: 481 days (both ends counted), within the 730 that one extension allows
            (13, dt.date(2017, 9, 4), dt.date(2018, 12, 28), dt.date(2019, 1, 2), 1),
        ):
            student = self.pupil(age)
            self.suspend(
                student,
                start,
                end,
                extensions=extensions,
                returned_on=returned,
                still_suspended=False,
            )

    def lawful_transfers(self) -> None:
        """Twelve completed transfers (five in from other counties, four between the
        township's primary schools, three out to other counties within the last 30
        days), three pending ones within their limits and one rejected."""
        rng = self.rng
        autumn = (dt.date(2018, 9, 10), dt.date(2019, 1, 11))
        for index in range(5):  # in from another county: the record is here now
            student = self.pupil(rng.randint(7, 13), outsider=index % 2 == 1)
            applied = self.day_between(*autumn)
            approvals = schedule(applied, *self.lawful_gaps())
            row = self.transfer(
                student,
                (self.outside_school(student.grade), student.school_id),
                applied,
                approvals,
                "completed",
            )
            student.roll_months = months_from(month_of(row.completed_on or applied))
        for _ in range(4):  # between two of the township's primary schools
            student = self.pupil(rng.randint(7, 11))
            to_school = self.primary_school(other_than=student.school_id)
            applied = self.day_between(*autumn)
            approvals = schedule(applied, *self.lawful_gaps())
            row = self.transfer(
                student, (student.school_id, to_school), applied, approvals, "completed"
            )
            self.move_within(student, to_school, row.completed_on or applied)
        for applied, gaps in (  # out to another county, completed 30 days ago or less
            (dt.date(2019, 2, 11), (2, 3, 2, 1)),
            (dt.date(2019, 2, 18), (1, 4, 3, 2)),
            (dt.date(2019, 2, 25), (3, 2, 4, 1)),
        ):
            student = self.pupil(rng.randint(8, 13), outsider=True)
            row = self.transfer(
                student,
                (student.school_id, self.outside_school(student.grade)),
                applied,
                schedule(applied, *gaps),
                "completed",
            )
            since = row.completed_on or applied
            self.town.finish(student, "transferred_out", since)
            student.roll_months = months_before(month_of(since))
        pending: tuple[tuple[dt.date, tuple[int, ...], bool], ...] = (
            (dt.date(2019, 3, 11), (2,), False),
            (dt.date(2019, 3, 14), (), True),
            (dt.date(2019, 3, 1), (1, 2, 3), False),
        )
        for applied, steps, within in pending:  # every step still in time on 2019-03-20
            student = self.pupil(rng.choice((8, 9, 10, 12, 13)))  # not grade 6 or 9
            to_school = (
                self.primary_school(other_than=student.school_id)
                if within and student.school_id != JUNIOR_SCHOOL
                else self.outside_school(student.grade)
            )
            self.transfer(
                student,
                (student.school_id, to_school),
                applied,
                schedule(applied, *steps),
                "pending",
            )
        student = self.pupil(10)  # refused by the receiving bureau: the child stays
        applied = dt.date(2018, 10, 8)
        self.transfer(
            student,
            (student.school_id, self.outside_school(student.grade)),
            applied,
            schedule(applied, 2),
            "rejected",
        )

    # --- planted: the approvals (TR-001, TR-002, TR-003) ------------------------------

    # --- planted: transfers that should not have been applied for (TR-004, TR-005) -----

    # --- planted: where the child is (TR-006, TR-007) ---------------------------------

    # --- planted: suspensions (SUS-001 to SUS-005) ------------------------------------

    # --- planted: the roll (REC-001, REC-002, REC-004) --------------------------------

    # --- sanity -----------------------------------------------------------------------

    def check(self) -> None:
        """What the lawful background relies on, checked where it is made."""
        for transfer in self.town.transfers:
            if transfer.completed_on is not None and transfer.completed_on > AS_OF:
                raise AssertionError(f"a transfer completes after the audit: {transfer}")
            if transfer.status == "pending" and None not in transfer.approvals:
                raise AssertionError(f"a pending transfer every party approved: {transfer}")
            spring = transfer.applied_on >= SPRING_TERM_START
            if spring and transfer.grade_before in GRADUATING_GRADES and not transfer.plants:
                raise AssertionError(f"a lawful transfer in a final term: {transfer}")
        for student in self.town.students:
            if student.status == "transferred_out" and not student.plants:
                since = student.status_since or AS_OF
                placed = any(s.child is student.child and s.is_open for s in self.town.students)
                if (AS_OF - since).days > UNPLACED_AFTER_DAYS and not placed:
                    raise AssertionError(f"a lawful transfer out is unplaced: {student}")
        planted = {s.student_number for s in self.town.students if s.plants}
        for suspension in self.town.suspensions:
            if suspension.student_number not in planted and suspension.returned_on is None:
                back_by = suspension.end + dt.timedelta(days=1 + RETURN_GRACE_DAYS)
                if back_by < AS_OF:
                    raise AssertionError(f"a lawful suspension is overdue: {suspension}")
