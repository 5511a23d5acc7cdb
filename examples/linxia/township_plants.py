"""The problems planted on the demo township's people and records, up to the
registration rules (INPUT, ID, AGE, REG): each a child or record of its own, with a
note saying what it is.

Called by :meth:`examples.linxia.township.Township.build_records` in a fixed order, so
that the seeded draws, and so the folder, stay the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from dropout_control.calendar import WorkingCalendar, age_on, count_working_days
from dropout_control.policy import resolve_policy
from dropout_control.policy.keys import CALENDAR_WORKING_DAY_ARRANGEMENTS
from examples.linxia.records import (
    DeferralRow,
    EmploymentRow,
    Plant,
    Student,
)
from examples.linxia.setting import (
    CUTOFF,
    EMPLOYERS,
    ENROLMENT_AGE,
    JUNIOR_SCHOOL,
    ONE_DAY,
    PRIMARY_SCHOOLS,
    TOWNSHIP,
    bad_check,
    compact,
    entry_year_of,
    iso,
    usual_grade,
    written,
)

# China's working days as the rules count them (the State Council's arrangements).
WORKING_DAYS = resolve_policy(on=dt.date(2019, 3, 20)).value(
    CALENDAR_WORKING_DAY_ARRANGEMENTS, WorkingCalendar
)


if TYPE_CHECKING:
    from examples.linxia.township import Township

__all__ = [
    "plant_age",
    "plant_duplicates",
    "plant_employment",
    "plant_identity",
    "plant_input",
    "plant_numbers",
    "plant_registration",
    "plant_sex_and_region",
]


def plant_input(town: Township) -> None:
    child = town.outsider(ENROLMENT_AGE)
    student = town.enrol(child, 1, plants=[("INPUT-001", "出生日期 2012-13-45 is no date")])
    student.text["birth_date"] = "2012-13-45"
    student.rejected = True
    child = town.outsider(8)
    student = town.enrol(child, usual_grade(child.birth_date))
    student.text["student_number"] = ""
    student.plants.append(("INPUT-001", "学籍号 (required) is empty"))
    student.rejected = True
    for text in ("2009-02-29", "2010/2/30"):
        age = 9 if text.startswith("2009") else 8
        child = town.child(town.born(age))
        town.on_roster(child, plants=[("INPUT-001", f"出生日期 {text} is no date")]).text[
            "birth_date"
        ] = text
        student = town.enrol(child, usual_grade(child.birth_date))
        # An optional cell in a label the reader does not know: the record is kept.
        student.text["left_behind"] = "不详"
        student.plants.append(("INPUT-003", "是否留守儿童 不详 is no known label; record kept"))


def plant_duplicates(town: Township) -> None:
    grouped = {id(s) for group, _ in town.groups for s in group}
    active = [s for s in town.students if s.is_counted and s.is_plain and id(s) not in grouped]
    primary = next(s for s in active if s.school_id == PRIMARY_SCHOOLS[1])
    junior = next(s for s in active if s.school_id == JUNIOR_SCHOOL)
    for original in (primary, junior):
        copy = replace(original, plants=[], text=dict(original.text))
        copy.plants.append(("INPUT-002", "学籍号 repeats an earlier row (exported twice)"))
        town.duplicates.append(copy)
    town.total_duplicates.append(("2019-03", JUNIOR_SCHOOL, "(month, school_id) repeated"))


def plant_identity(town: Township) -> None:
    for age in (7, 11):  # ID-001 in students: other counties' children, not on the roster
        child = town.outsider(age)
        child.resident_id = bad_check(child.resident_id)
        town.enrol(
            child,
            usual_grade(child.birth_date),
            plants=[("ID-001", "wrong check character in 身份证件号")],
        )
    for age in (4, 16):  # ID-001 on the roster: children outside the school-age window
        child = town.child(town.born(age))
        child.resident_id = bad_check(child.resident_id)
        town.on_roster(child, plants=[("ID-001", "wrong check character in 身份证件号")])
    for age, shift in ((9, 3), (12, -5)):  # ID-002 in students
        child = town.child(town.born(age, safe=True))
        town.on_roster(child)
        student = town.enrol(
            child,
            usual_grade(child.birth_date),
            plants=[("ID-002", f"出生日期 shifted by {shift} days")],
        )
        student.text["birth_date"] = student_date(town, student, child.birth_date, shift)
    for age, shift in ((7, 2), (13, -4)):  # ID-002 on the roster
        child = town.child(town.born(age, safe=True))
        row = town.on_roster(child, plants=[("ID-002", f"出生日期 shifted by {shift} days")])
        row.text["birth_date"] = written(
            child.birth_date + dt.timedelta(days=shift), row.date_style
        )
        town.enrol(child, usual_grade(child.birth_date))
    plant_sex_and_region(town)
    plant_numbers(town)


def student_date(town: Township, student: Student, day: dt.date, shift: int) -> str:
    shifted = day + dt.timedelta(days=shift)
    if age_on(shifted, CUTOFF) != age_on(day, CUTOFF):
        raise AssertionError("a planted shift must stay inside the cohort")
    return compact(shifted) if student.compact_dates else iso(shifted)


def plant_sex_and_region(town: Township) -> None:
    for age in (8, 10):  # ID-003 in students
        child = town.child(town.born(age))
        town.on_roster(child)
        student = town.enrol(
            child,
            usual_grade(child.birth_date),
            plants=[("ID-003", "性别 disagrees with the ID's sex digit")],
        )
        student.text["sex"] = "女" if child.male else "男"
    for age in (6, 12):  # ID-003 on the roster
        child = town.child(town.born(age))
        row = town.on_roster(child, plants=[("ID-003", "性别 disagrees with the ID's sex digit")])
        row.numeric_sex = False
        row.text["sex"] = "女" if child.male else "男"
        town.enrol(child, usual_grade(child.birth_date))
    for region, age in (("622999", 9), ("629901", 12)):  # ID-007 on both record kinds
        child = town.child(town.born(age), region=region)
        note = f"region code {region} is not a GB/T 2260 code"
        town.on_roster(child, plants=[("ID-007", note)])
        town.enrol(child, usual_grade(child.birth_date), plants=[("ID-007", note)])


def plant_numbers(town: Township) -> None:
    child = town.child(town.born(9))  # ID-004: the letter K
    town.on_roster(child)
    town.enrol(
        child,
        usual_grade(child.birth_date),
        student_number="K" + child.resident_id,
        plants=[("ID-004", "学籍号 starts with K")],
    )
    child = town.child(town.born(13))  # ID-004: truncated
    town.on_roster(child)
    town.enrol(
        child,
        usual_grade(child.birth_date),
        student_number="L" + TOWNSHIP + "2016" + "0381",
        plants=[("ID-004", "学籍号 truncated to 15 characters")],
    )
    child = town.child(town.born(10))  # ID-005: another sequence code
    town.on_roster(child)
    other = town.new_id(child.resident_id[:6], child.birth_date, male=child.male)
    town.enrol(
        child,
        usual_grade(child.birth_date),
        student_number="G" + other,
        plants=[("ID-005", "G number carries another sequence code")],
    )
    child = town.child(town.born(11))  # ID-005: an old birth date
    town.on_roster(child)
    old = town.new_id(
        child.resident_id[:6], child.birth_date.replace(day=1) - ONE_DAY, male=child.male
    )
    town.enrol(
        child,
        usual_grade(child.birth_date),
        student_number="G" + old,
        plants=[("ID-005", "G number carries an earlier birth date")],
    )
    for age, schools, note in (
        (8, (PRIMARY_SCHOOLS[0], PRIMARY_SCHOOLS[1]), "open at two primary schools"),
        (13, (JUNIOR_SCHOOL, JUNIOR_SCHOOL), "two open rows at the junior school"),
        (10, PRIMARY_SCHOOLS[2:5], "open at three primary schools"),
    ):
        child = town.child(town.born(age))
        town.on_roster(child)
        grade = usual_grade(child.birth_date)
        group = [town.enrol(child, grade, school=schools[0])]
        for school in schools[1:]:
            number = town.number("L", TOWNSHIP + str(entry_year_of(grade)))
            group.append(town.enrol(child, grade, school=school, student_number=number))
        town.groups.append((group, note))


def plant_age(town: Township) -> None:
    rng = town.rng
    for birth in (dt.date(2012, 9, 20), dt.date(2012, 12, 3)):  # AGE-001 in grade 1
        child = town.child(birth)
        town.on_roster(child)
        town.enrol(child, 1, plants=[("AGE-001", "grade 1 entrant aged 5 at 2018-08-31")])
    child = town.child(dt.date(2011, 10, 15))  # AGE-001: grade 2, entered 2017-09 aged 5
    town.on_roster(child)
    town.enrol(child, 2, plants=[("AGE-001", "entered grade 1 in 2017-09 aged 5")])
    child = town.child(town.born(9))  # AGE-002: no record at all
    town.on_roster(child, plants=[("AGE-002", "school-age child with no record")])
    child = town.child(town.born(15), disability="肢体残疾")  # AGE-002: disabled, 15
    town.on_roster(child, plants=[("AGE-002", "disabled child aged 15, no record")])
    for age, since in ((12, dt.date(2018, 11, 19)), (14, dt.date(2018, 10, 8))):
        child = town.child(town.born(age))  # AGE-002: a dropout's record only
        town.on_roster(child, plants=[("AGE-002", "only a 辍学 record")])
        town.finish(town.enrol(child, usual_grade(child.birth_date)), "dropped_out", since)
    for age, grade, note in ((12, 4, "aged 12 in grade 4"), (15, 7, "aged 15 in grade 7")):
        child = town.child(town.born(age))  # AGE-004 (and DO-009): three years over age
        town.on_roster(child)
        town.enrol(child, grade, plants=[("AGE-004", note)])
    for grounds, approver, until, note in (
        ("family", "township_government", dt.date(2020, 8, 31), "grounds family"),
        ("health", "village_committee", dt.date(2020, 8, 31), "approved by village committee"),
        ("health", "township_government", dt.date(2021, 8, 31), "runs past the deferred age"),
    ):  # AGE-003: next year's entrants, so AGE-002 cannot apply to them
        child = town.child(town.born(ENROLMENT_AGE - 1))
        town.on_roster(child)
        approved = dt.date(2019, 3, rng.randint(1, 15))
        town.deferrals.append(
            DeferralRow(child, grounds, approver, approved, until, [("AGE-003", note)])
        )
    plant_employment(town)


def plant_employment(town: Township) -> None:
    rng = town.rng
    for birth, reported, note in (
        (dt.date(2004, 10, 5), dt.date(2019, 1, 21), "employed aged 14 (grade 8)"),
        (dt.date(2003, 11, 20), dt.date(2019, 2, 25), "employed aged 15 (grade 9)"),
    ):
        child = town.child(birth)
        town.on_roster(child)
        town.enrol(child, usual_grade(birth))
        plants: list[Plant] = [("AGE-005", note)]
        town.employment.append(EmploymentRow(child, rng.choice(EMPLOYERS), reported, plants))


def plant_registration(town: Township) -> None:
    rng = town.rng
    for age, late in ((6, 86), (9, 100)):  # REG-001
        child = town.child(town.born(age))
        town.on_roster(child)
        student = town.enrol(
            child,
            usual_grade(child.birth_date),
            plants=[("REG-001", f"建籍日期 {late} days after entry")],
        )
        student.created_on = dt.date(student.entry_year, 9, 1) + dt.timedelta(days=late)
    child = town.child(town.born(11))  # REG-002 withdrawn, on the roster: AGE-002 too
    town.on_roster(child, plants=[("AGE-002", "only a 退学 record")])
    student = town.enrol(
        child, usual_grade(child.birth_date), plants=[("REG-002", "学籍状态 退学")]
    )
    town.finish(student, "withdrawn", dt.date(2018, 10, 15))
    for age, status, reason, note in (
        (13, "withdrawn", "", "学籍状态 退学"),
        (10, "cancelled", "other", "注销 with reason 其他"),
        (12, "cancelled", "", "注销 with no reason"),
    ):  # REG-002 for other counties' children, not on the roster
        child = town.outsider(age)
        student = town.enrol(child, usual_grade(child.birth_date), plants=[("REG-002", note)])
        town.finish(student, status, dt.date(2018, rng.randint(9, 12), rng.randint(1, 28)), reason)
    for died in (dt.date(2018, 12, 3), dt.date(2019, 1, 14)):  # REG-003: still active
        child = town.child(town.born(rng.randint(8, 12)))
        child.deceased_on = died
        town.on_roster(child)
        town.enrol(
            child,
            usual_grade(child.birth_date),
            plants=[("REG-003", f"died {died.isoformat()}, record still 在读")],
        )
    for died, since, status, reason in (
        (dt.date(2018, 10, 8), dt.date(2018, 11, 26), "deceased", ""),
        (dt.date(2018, 11, 12), dt.date(2019, 1, 7), "cancelled", "death"),
    ):  # REG-003: cancelled too late
        child = town.child(town.born(rng.randint(8, 12)))
        child.deceased_on = died
        town.on_roster(child)
        days = count_working_days(died + ONE_DAY, since, calendar=WORKING_DAYS)
        student = town.enrol(
            child,
            usual_grade(child.birth_date),
            plants=[("REG-003", f"cancelled {days} working days after death")],
        )
        town.finish(student, status, since, reason)
