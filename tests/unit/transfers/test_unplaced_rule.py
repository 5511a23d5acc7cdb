"""TR-006: a student transferred out whom no school took, case by case.

The audit is as of 20 March 2019; a child transferred out more than 30 days before it
(on or before 17 February 2019) with no open record anywhere and no transfer under way
is a suspected dropout. The default boy's record (students.csv line 2) is at school
2162000001 in Linxia County (622921).
"""

from __future__ import annotations

import datetime as dt

import attrs

from dropout_control.bundle import Bundle
from dropout_control.calendar.year_month import YearMonth
from dropout_control.findings import SourceLocation
from dropout_control.identity import StudentNumber
from dropout_control.reconciliation.model import HeadcountEntry
from dropout_control.registry.model import CancelReason, RecordStatus
from dropout_control.transfers import TransferStatus
from dropout_control.whereabouts import WhereaboutsStatus, whereabouts
from tests.unit.rules.rule_builders import (
    COUNTY,
    SCHOOL,
    audit_of,
    child,
    facts,
    quoted,
    single,
    sources,
    student,
)
from tests.unit.transfers.transfer_builders import OTHER_SCHOOL, pending, transfer

GONE = student(status=RecordStatus.TRANSFERRED_OUT, status_since=dt.date(2019, 2, 17))
"""Transferred out on 17 February 2019: 31 days before the audit date."""


def test_a_student_transferred_out_thirty_one_days_ago_and_placed_nowhere_is_reported() -> None:
    finding = single(audit_of(GONE), "TR-006")

    expected = {
        "school_id": SCHOOL,
        "county": COUNTY,
        "left_on": dt.date(2019, 2, 17),
        "left_on_from": "status_since",
        "days": 31,
        "limit": 30,
    }
    assert expected == facts(finding, *expected)
    assert "students.csv:2" == str(finding.source)


def test_tr_006_calls_it_a_suspected_dropout_in_both_languages() -> None:
    finding = single(audit_of(GONE), "TR-006")

    assert "suspected dropout (疑似辍学)" in finding.message.en
    assert "去向不明，疑似辍学" in finding.message.zh


def test_a_student_transferred_out_thirty_days_ago_is_still_in_time() -> None:
    recent = student(status=RecordStatus.TRANSFERRED_OUT, status_since=dt.date(2019, 2, 18))

    assert [] == sources(audit_of(recent), "TR-006")


def test_an_active_record_at_the_receiving_school_places_the_student() -> None:
    taken = student(line=3, school_id=OTHER_SCHOOL)

    assert [] == sources(audit_of(GONE, taken), "TR-006")


def test_a_suspended_record_elsewhere_places_the_student() -> None:
    taken = student(line=3, school_id=OTHER_SCHOOL, status=RecordStatus.SUSPENDED)

    assert [] == sources(audit_of(GONE, taken), "TR-006")


def test_an_open_record_under_another_number_of_the_same_person_places_the_student() -> None:
    # The receiving school registered him under a temporary L number, same ID number.
    temporary = StudentNumber.parse("L622921201005010035")
    taken = student(line=3, school_id=OTHER_SCHOOL, student_number=temporary)

    assert [] == sources(audit_of(GONE, taken), "TR-006")


def test_an_open_record_of_another_child_does_not_place_the_student() -> None:
    stranger = student(line=3, school_id=OTHER_SCHOOL, sequence=11)

    assert ["students.csv:2"] == sources(audit_of(GONE, stranger), "TR-006")


def test_a_graduated_record_elsewhere_accounts_for_the_student() -> None:
    finished = student(line=3, school_id=OTHER_SCHOOL, status=RecordStatus.GRADUATED)

    assert [] == sources(audit_of(GONE, finished), "TR-006")


def test_a_record_cancelled_for_emigration_accounts_for_the_student() -> None:
    emigrated = student(
        line=3,
        school_id=OTHER_SCHOOL,
        status=RecordStatus.CANCELLED,
        cancel_reason=CancelReason.EMIGRATION,
    )

    assert [] == sources(audit_of(GONE, emigrated), "TR-006")


def test_a_dropped_out_record_elsewhere_does_not_account_for_the_student() -> None:
    dropped = student(line=3, school_id=OTHER_SCHOOL, status=RecordStatus.DROPPED_OUT)

    assert ["students.csv:2"] == sources(audit_of(GONE, dropped), "TR-006")


def test_a_death_on_the_population_roster_accounts_for_the_student() -> None:
    assert [] == sources(audit_of(GONE, child(deceased_on=dt.date(2019, 3, 1))), "TR-006")


def test_a_transfer_still_pending_after_the_days_does_not_excuse_it() -> None:
    # Corrected spec: the record says transferred out on 17 February 2019, 31 days ago.
    under_way = pending(applied_on=dt.date(2019, 2, 11), receiving_school_on=dt.date(2019, 2, 12))

    assert ["students.csv:2"] == sources(audit_of(GONE, under_way), "TR-006")


def test_a_pending_transfer_naming_no_receiving_school_does_not_excuse_it() -> None:
    nowhere = pending(applied_on=dt.date(2019, 2, 11), to_school=None)

    assert ["students.csv:2"] == sources(audit_of(GONE, nowhere), "TR-006")


def test_a_pending_transfer_within_the_days_leaves_the_student_in_transfer() -> None:
    recent = student(status=RecordStatus.TRANSFERRED_OUT, status_since=dt.date(2019, 2, 18))
    under_way = pending(applied_on=dt.date(2019, 2, 11), receiving_school_on=dt.date(2019, 2, 12))

    assert [] == sources(audit_of(recent, under_way), "TR-006")


def test_the_whereabouts_of_a_child_with_a_stale_pending_transfer_are_unknown() -> None:
    under_way = pending(applied_on=dt.date(2019, 2, 11), receiving_school_on=dt.date(2019, 2, 12))
    bundle = Bundle.from_records([GONE, under_way])

    found = whereabouts(bundle, GONE.key, as_of=dt.date(2019, 3, 20))

    assert WhereaboutsStatus.WHEREABOUTS_UNKNOWN is found.status


MOVED = transfer(
    applied_on=dt.date(2019, 2, 1),
    receiving_school_on=dt.date(2019, 2, 4),
    receiving_bureau_on=dt.date(2019, 2, 6),
    sending_school_on=dt.date(2019, 2, 11),
    sending_bureau_on=dt.date(2019, 2, 13),
    completed_on=dt.date(2019, 2, 13),
)
"""Completed on 13 February 2019: school 2162000002 took him, every party approving."""


def test_a_completed_transfer_to_a_school_of_this_export_without_its_record_is_reported() -> None:
    # School 2162000002 is in the export (another child's record is there), and it
    # approved taking him on 4 February, but it holds no record of him: a paper transfer.
    classmate = student(line=3, school_id=OTHER_SCHOOL, sequence=11)

    finding = single(audit_of(GONE, MOVED, classmate), "TR-006")

    assert ["transfers.csv:2"] == [str(s) for s in finding.related]


def test_a_completed_transfer_to_a_school_outside_this_export_places_the_student() -> None:
    # No record or headcount of school 2162000002 is in the export: its registry is
    # elsewhere, and the completed transfer is that school's acceptance of him.
    assert [] == sources(audit_of(GONE, MOVED), "TR-006")


def test_a_school_seen_only_in_the_headcounts_is_part_of_this_export() -> None:
    roll = HeadcountEntry(
        month=YearMonth(2019, 3),
        school_id=OTHER_SCHOOL,
        present=True,
        student_number=student(sequence=11).key,
        source=SourceLocation("headcounts.csv", 2),
    )

    assert ["students.csv:2"] == sources(audit_of(GONE, MOVED, roll), "TR-006")


def test_a_rejected_transfer_to_a_school_outside_this_export_does_not_place_him() -> None:
    refused = attrs.evolve(MOVED, status=TransferStatus.REJECTED, completed_on=None)

    assert ["students.csv:2"] == sources(audit_of(GONE, refused), "TR-006")


def test_without_status_since_the_latest_completed_transfer_dates_the_transfer_out() -> None:
    undated = student(status=RecordStatus.TRANSFERRED_OUT)
    moved = transfer(
        applied_on=dt.date(2019, 2, 1),
        receiving_school_on=dt.date(2019, 2, 4),
        receiving_bureau_on=dt.date(2019, 2, 6),
        sending_school_on=dt.date(2019, 2, 11),
        sending_bureau_on=dt.date(2019, 2, 13),
        completed_on=dt.date(2019, 2, 13),
    )

    classmate = student(line=3, school_id=OTHER_SCHOOL, sequence=11)  # the school is covered

    finding = single(audit_of(undated, moved, classmate), "TR-006")

    expected = {"left_on": dt.date(2019, 2, 13), "left_on_from": "completed_transfer", "days": 35}
    assert expected == facts(finding, *expected)


def test_without_status_since_or_a_completed_transfer_the_application_dates_it() -> None:
    undated = student(status=RecordStatus.TRANSFERRED_OUT)
    refused = transfer(
        applied_on=dt.date(2019, 2, 1),
        status=TransferStatus.REJECTED,
        receiving_bureau_on=None,
        sending_school_on=None,
        sending_bureau_on=None,
        completed_on=None,
    )

    finding = single(audit_of(undated, refused), "TR-006")

    expected = {"left_on": dt.date(2019, 2, 1), "left_on_from": "transfer_application"}
    assert expected == facts(finding, *expected)


def test_a_transfer_from_another_school_does_not_date_the_transfer_out() -> None:
    undated = student(status=RecordStatus.TRANSFERRED_OUT)
    elsewhere = transfer(
        from_school="2162000009",
        applied_on=dt.date(2019, 1, 2),
        receiving_school_on=dt.date(2019, 1, 3),
        receiving_bureau_on=dt.date(2019, 1, 4),
        sending_school_on=dt.date(2019, 1, 7),
        sending_bureau_on=dt.date(2019, 1, 8),
        completed_on=dt.date(2019, 1, 8),
    )

    assert [] == sources(audit_of(undated, elsewhere), "TR-006")


def test_a_record_with_no_date_to_go_by_is_not_judged() -> None:
    undated = student(status=RecordStatus.TRANSFERRED_OUT)

    assert [] == sources(audit_of(undated), "TR-006")


def test_of_two_transfers_out_only_the_latest_school_is_responsible() -> None:
    # Out of school A in September 2018, taken by school B, out of B in January 2019.
    first = student(status=RecordStatus.TRANSFERRED_OUT, status_since=dt.date(2018, 9, 10))
    second = student(
        line=3,
        school_id=OTHER_SCHOOL,
        status=RecordStatus.TRANSFERRED_OUT,
        status_since=dt.date(2019, 1, 14),
    )

    finding = single(audit_of(first, second), "TR-006")

    assert ("students.csv:3", OTHER_SCHOOL) == (str(finding.source), finding.facts["school_id"])


def test_without_a_household_region_the_county_is_read_from_the_id_number() -> None:
    unregistered = attrs.evolve(GONE, household_region=None)

    assert COUNTY == single(audit_of(unregistered), "TR-006").facts["county"]


def test_an_active_record_is_not_judged() -> None:
    assert [] == sources(audit_of(student(status_since=dt.date(2018, 9, 1))), "TR-006")


def test_tr_006_quotes_the_days_allowed_with_their_mark() -> None:
    use = quoted(single(audit_of(GONE), "TR-006"), "transfer.unplaced_after_days")

    assert (30, "U") == (use.value, use.mark.value)
