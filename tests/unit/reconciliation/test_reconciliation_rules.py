"""REC-001 to REC-004 and TR-007: the monthly check of who is in school, case by case.

The audit date is 20 March 2019; the default boy (students.csv line 2) holds an active
record at school 2162000001. Headcount rows are read from ``headcounts.csv``.
"""

from __future__ import annotations

import datetime as dt

from dropout_control.calendar.year_month import YearMonth
from dropout_control.findings import SourceLocation
from dropout_control.identity import StudentNumber
from dropout_control.reconciliation.model import Excuse, HeadcountEntry, HeadcountTotal
from dropout_control.registry.model import RecordStatus, StudyMode
from dropout_control.suspensions.model import Suspension
from tests.unit.rules.rule_builders import SCHOOL, audit_of, single, sources, student

MARCH = YearMonth(2019, 3)
OTHER_SCHOOL = "2162000002"
BOY = student()
BOY_NUMBER = BOY.key


def roll(
    *,
    line: int,
    student_number: str | None = BOY_NUMBER,
    resident_id: str | None = None,
    school_id: str = SCHOOL,
    present: bool = True,
    excuse: Excuse | None = None,
    month: YearMonth = MARCH,
) -> HeadcountEntry:
    return HeadcountEntry(
        month=month,
        school_id=school_id,
        present=present,
        student_number=student_number,
        resident_id=resident_id,
        excuse=excuse,
        source=SourceLocation("headcounts.csv", line),
    )


def total(count: int, *, line: int = 2, month: YearMonth = MARCH) -> HeadcountTotal:
    return HeadcountTotal(
        month=month,
        school_id=SCHOOL,
        total=count,
        source=SourceLocation("headcount_totals.csv", line),
    )


# REC-001 -------------------------------------------------------------------------------


def test_a_student_present_in_the_march_headcount_is_clean() -> None:
    assert [] == sources(audit_of(BOY, roll(line=2)), "REC-001")


def test_a_student_marked_absent_without_excuse_is_registered_but_not_in_school() -> None:
    finding = single(audit_of(BOY, roll(line=2, present=False)), "REC-001")
    assert ("students.csv:2", "2019-03", True) == (
        str(finding.source),
        finding.facts["month"],
        finding.facts["on_roll"],
    )
    assert (SourceLocation("headcounts.csv", 2),) == finding.related


def test_a_student_missing_from_the_roll_is_registered_but_not_in_school() -> None:
    classmate = roll(line=2, student_number="G62292120100502000X")
    finding = single(audit_of(BOY, classmate), "REC-001")
    assert finding.facts["on_roll"] is False


def test_an_absence_with_leave_is_excused() -> None:
    assert [] == sources(audit_of(BOY, roll(line=2, present=False, excuse=Excuse.LEAVE)), "REC-001")


def test_a_home_taught_student_is_excused() -> None:
    home = student(study_mode=StudyMode.HOME_TEACHING)
    other = roll(line=2, student_number="G62292120100502000X")
    assert [] == sources(audit_of(home, other), "REC-001")


def test_a_suspension_covering_the_first_of_the_month_excuses_the_absence() -> None:
    suspended = Suspension(
        suspension_id="S1",
        student_number=BOY.student_number,
        start=dt.date(2019, 2, 25),
        end=dt.date(2019, 7, 1),
        grounds="health",
        approved_by="county_education_bureau",
        approved_on=dt.date(2019, 2, 20),
    )
    report = audit_of(BOY, roll(line=2, present=False), suspended)
    assert [] == sources(report, "REC-001")


def test_a_suspended_record_is_not_expected_in_school() -> None:
    suspended = student(status=RecordStatus.SUSPENDED)
    assert [] == sources(audit_of(suspended, roll(line=2, present=False)), "REC-001")


def test_a_school_without_any_headcount_is_left_to_rec_003() -> None:
    elsewhere = roll(line=2, student_number="G62292120100502000X", school_id=OTHER_SCHOOL)
    assert [] == sources(audit_of(BOY, elsewhere), "REC-001")


def test_the_roll_may_name_the_child_by_resident_id() -> None:
    resident = BOY.resident_id.reveal() if BOY.resident_id else None
    report = audit_of(BOY, roll(line=2, student_number=None, resident_id=resident))
    assert [] == sources(report, "REC-001")


# TR-007 --------------------------------------------------------------------------------


def test_a_child_present_at_another_school_is_one_tr_007_naming_both_rows() -> None:
    at_other = roll(line=7, school_id=OTHER_SCHOOL)
    absent_classmate = roll(line=2, student_number="G62292120100502000X", present=False)
    report = audit_of(BOY, absent_classmate, at_other)
    finding = single(report, "TR-007")
    assert ("students.csv:2", (SourceLocation("headcounts.csv", 7),)) == (
        str(finding.source),
        finding.related,
    )
    assert [OTHER_SCHOOL] == finding.facts["present_at"]
    assert [] == sources(report, "REC-001")
    assert [] == sources(report, "REC-002")


def test_a_child_with_open_records_at_both_schools_is_not_tr_007() -> None:
    other_record = student(
        line=3, school_id=OTHER_SCHOOL, student_number=StudentNumber.parse("L62292120100501003X")
    )
    report = audit_of(
        BOY,
        other_record,
        roll(line=2),
        roll(line=3, student_number="L62292120100501003X", school_id=OTHER_SCHOOL),
    )
    assert [] == sources(report, "TR-007")
    assert ["students.csv:2"] == sources(report, "ID-006")


# REC-002 -------------------------------------------------------------------------------


def test_a_present_child_with_no_record_anywhere_is_in_school_but_not_registered() -> None:
    stranger = roll(line=3, student_number="G62292120100502000X")
    report = audit_of(BOY, roll(line=2), stranger)
    finding = single(report, "REC-002")
    assert "headcounts.csv:3" == str(finding.source)
    assert "G622921**********0X" == finding.subject.shown


def test_a_child_whose_only_record_is_a_dropout_is_not_registered() -> None:
    dropout = student(status=RecordStatus.DROPPED_OUT)
    assert ["headcounts.csv:2"] == sources(audit_of(dropout, roll(line=2)), "REC-002")


def test_an_earlier_month_is_not_checked_again() -> None:
    old = roll(line=3, student_number="G62292120100502000X", month=YearMonth(2019, 2))
    assert [] == sources(audit_of(BOY, roll(line=2), old), "REC-002")


# REC-003 -------------------------------------------------------------------------------


def test_a_linxia_school_without_a_march_headcount_is_reported_once() -> None:
    classmate = student(line=3, sequence=5)
    report = audit_of(BOY, classmate, roll(line=2, school_id=OTHER_SCHOOL, student_number="X"))
    finding = single(report, "REC-003")
    assert ("students.csv:2", ["2019-03"], "schools") == (
        str(finding.source),
        finding.facts["missing"],
        finding.kind,
    )


def test_a_school_with_its_march_headcount_is_clean() -> None:
    assert [] == sources(audit_of(BOY, roll(line=2)), "REC-003")


def test_nationally_every_month_of_the_school_year_since_the_start_is_required() -> None:
    # The national default is in force from 2019-03-20 too, so only March is required;
    # on 2019-05-10 March, April and May are.
    report = audit_of(BOY, roll(line=2), as_of=dt.date(2019, 5, 10), jurisdiction="000000")
    assert ["2019-04", "2019-05"] == single(report, "REC-003").facts["missing"]


# REC-004 -------------------------------------------------------------------------------


def test_a_reported_total_equal_to_the_active_records_is_clean() -> None:
    assert [] == sources(audit_of(BOY, roll(line=2), total(1)), "REC-004")


def test_a_reported_total_above_the_active_records_is_reported() -> None:
    finding = single(audit_of(BOY, roll(line=2), total(3)), "REC-004")
    assert (3, 1, "headcount_totals.csv:2") == (
        finding.facts["reported"],
        finding.facts["active_records"],
        str(finding.source),
    )


def test_only_the_latest_reported_month_is_compared() -> None:
    february = total(7, line=2, month=YearMonth(2019, 2))
    march = total(1, line=3)
    assert [] == sources(audit_of(BOY, roll(line=2), february, march), "REC-004")


def test_suspended_students_are_not_counted_as_in_school() -> None:
    suspended = student(line=3, sequence=5, status=RecordStatus.SUSPENDED)
    assert ["headcount_totals.csv:2"] == sources(
        audit_of(BOY, suspended, roll(line=2), total(2)), "REC-004"
    )
