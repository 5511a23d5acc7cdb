"""SUS-004: a student not back after a suspension, case by case.

The audit is as of Wednesday 20 March 2019 in Linxia (14 grace days). The boy's record
(students.csv line 2, school 2162000001, Linxia County 622921) says suspended since
3 September 2018; his suspension (suspensions.csv line 2) ended on Monday 4 March 2019,
so he was due back on Tuesday 5 March and on time up to Tuesday 19 March, the day
before the audit date. Unless a test says otherwise he has not come back.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from dropout_control.bundle import Bundle
from dropout_control.identity import StudentNumber
from dropout_control.policy import Mark
from dropout_control.registry.model import CancelReason, RecordStatus
from tests.unit.rules.rule_builders import (
    COUNTY,
    SCHOOL,
    audit_bundle,
    audit_of,
    child,
    facts,
    quoted,
    single,
    sources,
    student,
)
from tests.unit.suspensions.suspension_builders import (
    ended,
    grace_days_layer,
    suspended_student,
    suspension,
)

OTHER_SCHOOL = "2162000002"


def test_a_student_not_back_the_day_after_the_grace_days_is_a_suspected_dropout() -> None:
    finding = single(audit_of(suspended_student(), ended()), "SUS-004")

    expected = {
        "suspension_id": "XX2018-0007",
        "start": dt.date(2018, 9, 3),
        "end": dt.date(2019, 3, 4),
        "due_back_on": dt.date(2019, 3, 5),
        "return_due_by": dt.date(2019, 3, 19),
        "grace_days": 14,
        "days_late": 15,
        "status": "suspended",
        "school_id": SCHOOL,
        "county": COUNTY,
    }
    assert expected == facts(finding, *expected)


def test_sus_004_speaks_about_the_record_and_points_to_the_suspension() -> None:
    finding = single(audit_of(suspended_student(), ended()), "SUS-004")

    assert ("students", "students.csv:2", ["suspensions.csv:2"]) == (
        finding.kind,
        str(finding.source),
        [str(related) for related in finding.related],
    )


def test_sus_004_names_the_school_and_county_in_both_languages() -> None:
    finding = single(audit_of(suspended_student(), ended()), "SUS-004")

    assert (
        "2018-09-03 至 2019-03-04 休学，应于 2019-03-05 复学，宽限 14 天至 2019-03-19，"
        "至今逾期 15 天未复学，学籍状态为休学：疑似辍学（学籍学校 2162000001，所在县 622921）",
        "suspended from 2018-09-03 to 2019-03-04, due back on 2019-03-05 and on time up to "
        "2019-03-19 (14 grace days), not returned 15 days after the due day, record "
        "suspended: a suspected dropout (疑似辍学); school 2162000001, county 622921",
    ) == (finding.message.zh, finding.message.en)


def test_a_student_not_back_on_the_last_day_of_grace_is_still_in_time() -> None:
    # Ended Tuesday 5 March: due back 6 March, on time up to the audit date itself.
    assert [] == sources(audit_of(suspended_student(), ended(end=dt.date(2019, 3, 5))), "SUS-004")


def test_a_suspension_still_running_is_not_judged() -> None:
    assert [] == sources(audit_of(suspended_student(), suspension()), "SUS-004")


def test_a_student_who_came_back_late_before_the_audit_is_not_reported() -> None:
    late = ended(returned_on=dt.date(2019, 3, 19))

    assert [] == sources(audit_of(suspended_student(), late), "SUS-004")


def test_a_return_on_the_audit_date_counts() -> None:
    back_today = ended(returned_on=dt.date(2019, 3, 20))

    assert [] == sources(audit_of(suspended_student(), back_today), "SUS-004")


def test_a_return_recorded_after_the_audit_date_is_not_yet_known() -> None:
    back_later = ended(returned_on=dt.date(2019, 3, 21))

    assert ["students.csv:2"] == sources(audit_of(suspended_student(), back_later), "SUS-004")


@pytest.mark.parametrize("status", [RecordStatus.DROPPED_OUT, RecordStatus.WITHDRAWN])
def test_a_record_dropped_out_or_withdrawn_after_the_suspension_is_reported(
    status: RecordStatus,
) -> None:
    record = suspended_student(status=status, status_since=dt.date(2019, 3, 10))

    finding = single(audit_of(record, ended()), "SUS-004")
    assert status.value == finding.facts["status"]


@pytest.mark.parametrize(
    "status",
    [
        RecordStatus.ACTIVE,
        RecordStatus.TRANSFERRED_OUT,
        RecordStatus.GRADUATED,
        RecordStatus.COMPLETED,
        RecordStatus.DECEASED,
        RecordStatus.CANCELLED,
    ],
)
def test_a_record_in_school_or_closed_is_not_judged(status: RecordStatus) -> None:
    record = suspended_student(status=status, status_since=dt.date(2019, 3, 5))

    assert [] == sources(audit_of(record, ended()), "SUS-004")


def test_only_the_latest_suspension_is_judged() -> None:
    # He came back, and was suspended again from 11 March: the old one is history.
    again = suspension(line=3, suspension_id="XX2019-0002", start=dt.date(2019, 3, 11))

    assert [] == sources(audit_of(suspended_student(), ended(), again), "SUS-004")


def test_a_suspension_starting_after_the_audit_date_does_not_hide_the_one_before() -> None:
    planned = suspension(line=3, suspension_id="XX2019-0002", start=dt.date(2019, 3, 21))

    finding = single(audit_of(suspended_student(), ended(), planned), "SUS-004")
    assert "XX2018-0007" == finding.facts["suspension_id"]


def test_an_earlier_unreturned_suspension_is_judged_when_it_is_the_latest() -> None:
    older = ended(
        line=3, suspension_id="XX2017-0003", start=dt.date(2017, 9, 4), end=dt.date(2018, 6, 30)
    )

    finding = single(audit_of(suspended_student(), older, ended()), "SUS-004")
    assert ("XX2018-0007", ["suspensions.csv:2"]) == (
        finding.facts["suspension_id"],
        [str(related) for related in finding.related],
    )


def test_a_suspended_record_with_no_suspension_is_not_judged() -> None:
    # The suspensions file was given but holds nothing of this student.
    bundle = Bundle(students=(suspended_student(),), kinds=frozenset({"suspensions"}))

    assert [] == sources(audit_bundle(bundle), "SUS-004")


def test_sus_004_does_not_run_without_a_suspensions_file() -> None:
    report = audit_of(suspended_student())

    assert ["no suspensions file"] == [
        skipped.why for skipped in report.skipped_rules if str(skipped.rule) == "SUS-004"
    ]


def test_an_active_record_of_the_same_number_at_another_school_accounts_for_him() -> None:
    there = suspended_student(
        line=3, status=RecordStatus.ACTIVE, status_since=None, school_id=OTHER_SCHOOL
    )

    assert [] == sources(audit_of(suspended_student(), there, ended()), "SUS-004")


def test_an_active_record_of_the_same_resident_id_under_another_number_accounts_for_him() -> None:
    other_number = StudentNumber.parse(f"L{student().student_number.reveal()[1:]}")
    there = student(line=3, student_number=other_number, school_id=OTHER_SCHOOL)

    assert [] == sources(audit_of(suspended_student(), there, ended()), "SUS-004")


def test_another_record_that_is_itself_not_back_does_not_account_for_him() -> None:
    there = suspended_student(line=3, status=RecordStatus.DROPPED_OUT, school_id=OTHER_SCHOOL)

    report = audit_of(suspended_student(), there, ended())
    assert ["students.csv:2", "students.csv:3"] == sources(report, "SUS-004")


def test_a_lawfully_cancelled_record_of_the_same_person_accounts_for_him() -> None:
    emigrated = suspended_student(line=3, status=RecordStatus.CANCELLED, school_id=OTHER_SCHOOL)
    emigrated = attrs.evolve(emigrated, cancel_reason=CancelReason.EMIGRATION)

    assert [] == sources(audit_of(suspended_student(), emigrated, ended()), "SUS-004")


def test_a_cancellation_for_no_lawful_reason_does_not_account_for_him() -> None:
    struck_off = suspended_student(line=3, status=RecordStatus.CANCELLED, school_id=OTHER_SCHOOL)
    struck_off = attrs.evolve(struck_off, cancel_reason=CancelReason.OTHER)

    assert ["students.csv:2"] == sources(
        audit_of(suspended_student(), struck_off, ended()), "SUS-004"
    )


def test_a_child_the_roster_shows_dead_by_the_audit_date_is_not_reported() -> None:
    dead = child(deceased_on=dt.date(2019, 3, 1))

    assert [] == sources(audit_of(suspended_student(), ended(), dead), "SUS-004")


def test_a_child_the_roster_shows_emigrating_after_the_audit_date_is_reported() -> None:
    leaving = child(emigrated_on=dt.date(2019, 3, 21))

    assert ["students.csv:2"] == sources(audit_of(suspended_student(), ended(), leaving), "SUS-004")


def test_the_county_is_the_household_region_first() -> None:
    moved = attrs.evolve(suspended_student(), household_region="622922")

    assert "622922" == single(audit_of(moved, ended()), "SUS-004").facts["county"]


def test_without_a_household_region_the_county_comes_from_the_id_number() -> None:
    unregistered = attrs.evolve(suspended_student(), household_region=None)

    assert COUNTY == single(audit_of(unregistered, ended()), "SUS-004").facts["county"]


def test_sus_004_quotes_the_grace_days_as_unsourced() -> None:
    use = quoted(
        single(audit_of(suspended_student(), ended()), "SUS-004"), "suspension.return_grace_days"
    )

    assert (14, dt.date(2013, 9, 1), "000000", Mark.UNSOURCED) == (
        use.value,
        use.since,
        use.jurisdiction,
        use.mark,
    )


def test_a_county_allowing_thirty_grace_days_waits_longer() -> None:
    report = audit_of(
        suspended_student(), ended(), jurisdiction="622921", layers=[grace_days_layer(30)]
    )

    assert [] == sources(report, "SUS-004")


def test_a_finding_under_the_county_layer_quotes_the_countys_grace_days() -> None:
    # Ended 31 January 2019: due back 1 February, on time up to 3 March with 30 days.
    long_ago = ended(end=dt.date(2019, 1, 31))

    report = audit_of(
        suspended_student(), long_ago, jurisdiction="622921", layers=[grace_days_layer(30)]
    )

    finding = single(report, "SUS-004")
    use = quoted(finding, "suspension.return_grace_days")
    assert (dt.date(2019, 3, 3), 30, "622921") == (
        finding.facts["return_due_by"],
        use.value,
        use.jurisdiction,
    )
