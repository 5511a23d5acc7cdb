"""HT-001 to HT-003: home teaching, case by case.

The audit is as of Wednesday 20 March 2019 in Linxia. The boy (students.csv line 2) is
on the roll of school 2162000001 and taught at home; 130 periods are due by the audit
date (115 of the school year's 191 school days of 216 periods). See
``home_teaching_builders`` for the defaults.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.errors import InvalidRecord
from dropout_control.registry.model import RecordStatus
from tests.unit.home_teaching.home_teaching_builders import (
    excused_at,
    home_taught,
    visit,
    weekly_visits,
)
from tests.unit.rules.rule_builders import SCHOOL, audit_of, facts, single, sources, student

OTHER_SCHOOL = "2162000002"


def _someone_at(school_id: str) -> object:
    """Another child's active record, so that the audit holds ``school_id``'s roll."""
    return student(sequence=5, school_id=school_id, line=3, name="马小红")


# HT-001 --------------------------------------------------------------------------------


def test_a_child_taught_by_its_own_school_is_on_its_roll() -> None:
    report = audit_of(home_taught(), *weekly_visits(3))

    assert [] == sources(report, "HT-001")


def test_a_child_taught_by_a_school_that_does_not_hold_its_record_is_reported() -> None:
    report = audit_of(home_taught(), _someone_at(OTHER_SCHOOL), visit(school_id=OTHER_SCHOOL))

    finding = single(report, "HT-001")
    assert {"school_id": OTHER_SCHOOL, "visits": 1, "first": dt.date(2018, 9, 4)} == facts(
        finding, "school_id", "visits", "first"
    )
    assert "HT.NO_RECORD_AT_SCHOOL" in finding.reasons


def test_a_dropped_out_record_at_the_teaching_school_is_not_active() -> None:
    report = audit_of(home_taught(status=RecordStatus.DROPPED_OUT), visit())

    finding = single(report, "HT-001")
    assert (SCHOOL, ["dropped_out"]) == (finding.facts["school_id"], finding.facts["statuses"])


def test_the_school_whose_headcount_excuses_the_child_is_the_teaching_school() -> None:
    day_pupil = student(school_id=SCHOOL)
    report = audit_of(day_pupil, _someone_at(OTHER_SCHOOL), excused_at(OTHER_SCHOOL), visit())

    finding = single(report, "HT-001")
    assert OTHER_SCHOOL == finding.facts["school_id"]
    assert ["students.csv:2", "headcounts.csv:2"] == [str(r) for r in finding.related]


def test_a_child_with_no_record_and_no_known_school_is_reported() -> None:
    report = audit_of(_someone_at(SCHOOL), visit(dt.date(2019, 3, 5)))

    finding = single(report, "HT-001")
    assert (None, "home_teaching.csv:2") == (finding.facts["school_id"], str(finding.source))
    assert "HT.NO_RECORD_ANYWHERE" in finding.reasons


def test_a_child_with_an_active_record_somewhere_and_no_known_school_is_not_reported() -> None:
    report = audit_of(student(), visit())

    assert [] == sources(report, "HT-001")


def test_one_finding_per_child_however_many_visits() -> None:
    report = audit_of(home_taught(status=RecordStatus.DROPPED_OUT), *weekly_visits(4))

    assert ["home_teaching.csv:5"] == sources(report, "HT-001")


def test_visits_of_an_earlier_school_year_do_not_make_a_child_home_taught() -> None:
    report = audit_of(_someone_at(SCHOOL), visit(dt.date(2018, 6, 5)))

    assert [] == sources(report, "HT-001")


def test_a_teaching_school_the_audit_holds_nothing_of_is_not_judged() -> None:
    report = audit_of(home_taught(), visit(school_id="2169999999"))

    assert [] == sources(report, "HT-001")


def test_ht_001_speaks_about_the_student_masked() -> None:
    finding = single(audit_of(home_taught(status=RecordStatus.DROPPED_OUT), visit()), "HT-001")

    assert "students" == finding.kind
    assert "**********" in str(finding.subject)


# HT-002 --------------------------------------------------------------------------------


def test_130_periods_by_20_march_2019_are_enough() -> None:
    report = audit_of(home_taught(), *weekly_visits(26, periods=5))

    assert [] == sources(report, "HT-002")


def test_129_periods_by_20_march_2019_are_one_short() -> None:
    visits = [*weekly_visits(25, periods=5), visit(dt.date(2019, 3, 19), periods=4, line=40)]
    finding = single(audit_of(home_taught(), *visits), "HT-002")

    expected = {
        "periods_taught": 129,
        "periods_due": 130,
        "shortfall": 1,
        "minimum": 216,
        "school_days": 115,
        "school_days_in_year": 191,
        "since": dt.date(2018, 9, 1),
        "visits": 26,
    }
    assert expected == facts(finding, *expected)
    assert ("students.csv:2", ["home_teaching.csv:40"]) == (
        str(finding.source),
        [str(r) for r in finding.related],
    )


def test_a_home_taught_child_never_visited_is_reported() -> None:
    someone_else = visit(student_number=student(sequence=7).student_number)
    finding = single(audit_of(home_taught(), someone_else), "HT-002")

    assert (0, 130) == (finding.facts["periods_taught"], finding.facts["periods_due"])


def test_visits_after_the_audit_date_do_not_count() -> None:
    visits = [*weekly_visits(25, periods=5), visit(dt.date(2019, 3, 21), periods=5, line=40)]

    assert ["students.csv:2"] == sources(audit_of(home_taught(), *visits), "HT-002")


def test_a_child_who_entered_in_march_is_due_only_from_his_entry() -> None:
    # 14 school days from Friday 1 March to Wednesday 20 March 2019: 216 * 14 // 191 = 15
    record = home_taught(entry_date=dt.date(2019, 3, 1))
    report = audit_of(record, visit(dt.date(2019, 3, 5), periods=15))

    assert [] == sources(report, "HT-002")


def test_a_day_pupil_is_not_due_home_teaching() -> None:
    report = audit_of(student(), visit())

    assert [] == sources(report, "HT-002")


def test_ht_002_does_not_run_without_home_teaching_visits() -> None:
    report = audit_of(home_taught())

    assert "HT-002" in [str(skipped.rule) for skipped in report.skipped_rules]


def test_ht_002_does_not_run_for_a_school_year_without_working_day_arrangements() -> None:
    report = audit_of(home_taught(), visit(), as_of=dt.date(2027, 3, 20))

    assert "HT-002" in [str(skipped.rule) for skipped in report.skipped_rules]


# HT-003 --------------------------------------------------------------------------------


def test_a_child_assessed_before_home_teaching_is_not_reported() -> None:
    assert [] == sources(audit_of(home_taught()), "HT-003")


def test_a_child_taught_at_home_without_assessment_is_reported() -> None:
    assessed_elsewhere = home_taught(sequence=5, school_id=OTHER_SCHOOL, line=3)
    report = audit_of(home_taught(expert_assessed_on=None), assessed_elsewhere)

    finding = single(report, "HT-003")
    assert ("students.csv:2", None) == (str(finding.source), finding.facts["expert_assessed_on"])


def test_an_assessment_after_the_audit_date_is_not_yet_recorded() -> None:
    report = audit_of(home_taught(expert_assessed_on=dt.date(2019, 4, 1)))

    assert ["students.csv:2"] == sources(report, "HT-003")


def test_ht_003_does_not_run_when_home_taught_records_carry_no_assessments() -> None:
    report = audit_of(home_taught(expert_assessed_on=None))

    assert "HT-003" in [str(skipped.rule) for skipped in report.skipped_rules]


def test_ht_003_is_quiet_for_a_day_pupil() -> None:
    report = audit_of(home_taught(), student(sequence=5, line=3))

    assert [] == sources(report, "HT-003")


def test_ht_003_runs_when_nobody_is_taught_at_home_even_without_assessments() -> None:
    assert [] == sources(audit_of(student()), "HT-003")


def test_a_visit_of_negative_periods_cannot_exist() -> None:
    with pytest.raises(InvalidRecord) as raised:
        visit(periods=-1)

    assert "periods" == raised.value.field
