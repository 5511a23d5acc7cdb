"""Where is this child? One status per case, with the evidence behind it."""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.bundle import Bundle
from dropout_control.calendar.year_month import YearMonth
from dropout_control.findings import SourceLocation
from dropout_control.policy import resolve_policy
from dropout_control.reconciliation.model import HeadcountEntry
from dropout_control.registry.model import RecordStatus, StudyMode
from dropout_control.suspensions.model import Suspension
from dropout_control.transfers.model import Transfer, TransferStatus
from dropout_control.whereabouts import WhereaboutsStatus, whereabouts, whereabouts_of_all
from tests.unit.rules.rule_builders import SCHOOL, child, deferral, student

AS_OF = dt.date(2019, 3, 20)
POLICY = resolve_policy("622900", on=AS_OF)
BOY = student()
ROSTER_BOY = child()

_SUSPENSION = Suspension(
    suspension_id="S1",
    student_number=BOY.student_number,
    start=dt.date(2019, 3, 1),
    end=dt.date(2019, 6, 30),
    grounds="health",
    approved_by="county_education_bureau",
    approved_on=dt.date(2019, 2, 25),
)
_TRANSFER = Transfer(
    transfer_id="T1",
    student_number=BOY.student_number,
    from_school=SCHOOL,
    applied_on=dt.date(2019, 3, 11),
    grade_before=3,
    status=TransferStatus.PENDING,
    to_school="2162000002",
)


def present(*, school_id: str = SCHOOL, present: bool = True) -> HeadcountEntry:
    return HeadcountEntry(
        month=YearMonth(2019, 3),
        school_id=school_id,
        present=present,
        student_number=BOY.key,
        source=SourceLocation("headcounts.csv", 2),
    )


def status_of(*records: object, person: str | None = None) -> WhereaboutsStatus:
    bundle = Bundle.from_records(records)
    return whereabouts(bundle, person or BOY.key, as_of=AS_OF, policy=POLICY).status


def test_an_active_record_present_at_its_school_is_in_school() -> None:
    assert WhereaboutsStatus.IN_SCHOOL == status_of(BOY, ROSTER_BOY, present())


def test_an_active_record_absent_from_the_headcount_is_whereabouts_unknown() -> None:
    assert WhereaboutsStatus.WHEREABOUTS_UNKNOWN == status_of(BOY, present(present=False))


def test_a_suspended_record_is_suspended() -> None:
    assert WhereaboutsStatus.SUSPENDED == status_of(student(status=RecordStatus.SUSPENDED))


def test_a_suspension_covering_the_date_is_suspended() -> None:
    assert WhereaboutsStatus.SUSPENDED == status_of(BOY, _SUSPENSION)


def test_home_teaching_is_home_taught() -> None:
    assert WhereaboutsStatus.HOME_TAUGHT == status_of(student(study_mode=StudyMode.HOME_TEACHING))


def test_a_pending_transfer_is_in_transfer() -> None:
    assert WhereaboutsStatus.IN_TRANSFER == status_of(BOY, _TRANSFER)


def test_a_lawful_deferral_of_a_child_without_record_is_deferred() -> None:
    young = child(birth_date=dt.date(2012, 3, 1), sequence=9)
    lawful = deferral(resident_id=young.resident_id, until=dt.date(2019, 8, 31))
    found = status_of(young, lawful, person=young.key)
    assert WhereaboutsStatus.DEFERRED == found


def test_a_graduate_has_finished() -> None:
    assert WhereaboutsStatus.FINISHED == status_of(student(status=RecordStatus.GRADUATED))


def test_a_transfer_out_within_thirty_days_is_in_transfer_and_after_is_unknown() -> None:
    recent = student(status=RecordStatus.TRANSFERRED_OUT, status_since=dt.date(2019, 2, 18))
    old = student(status=RecordStatus.TRANSFERRED_OUT, status_since=dt.date(2019, 2, 17))
    assert WhereaboutsStatus.IN_TRANSFER == status_of(recent)
    assert WhereaboutsStatus.WHEREABOUTS_UNKNOWN == status_of(old)


def test_a_transfer_completed_to_a_school_outside_the_bundle_is_transferred_away() -> None:
    old = student(status=RecordStatus.TRANSFERRED_OUT, status_since=dt.date(2019, 2, 13))
    completed = Transfer(
        transfer_id="T1",
        student_number=BOY.student_number,
        from_school=SCHOOL,
        to_school="2162990001",  # of another county: no record or headcount of it here
        applied_on=dt.date(2019, 2, 1),
        grade_before=3,
        status=TransferStatus.COMPLETED,
        receiving_school_on=dt.date(2019, 2, 4),
        receiving_bureau_on=dt.date(2019, 2, 6),
        sending_school_on=dt.date(2019, 2, 11),
        sending_bureau_on=dt.date(2019, 2, 13),
        completed_on=dt.date(2019, 2, 13),
    )
    found = whereabouts(Bundle.from_records([old, completed]), BOY.key, as_of=AS_OF, policy=POLICY)

    # Counted at the school that let him go, the school of his latest record here.
    assert (WhereaboutsStatus.TRANSFERRED_AWAY, SCHOOL) == (found.status, found.school_id)
    assert WhereaboutsStatus.WHEREABOUTS_UNKNOWN == status_of(
        old, completed, student(school_id="2162990001", sequence=11)
    )


def test_a_dropout_is_out_of_school() -> None:
    assert WhereaboutsStatus.OUT_OF_SCHOOL == status_of(student(status=RecordStatus.DROPPED_OUT))


def test_a_roster_child_with_no_record_is_out_of_school() -> None:
    assert WhereaboutsStatus.OUT_OF_SCHOOL == status_of(ROSTER_BOY, person=ROSTER_BOY.key)


def test_a_roster_child_too_young_is_not_of_school_age() -> None:
    baby = child(birth_date=dt.date(2015, 1, 1), sequence=9)
    assert WhereaboutsStatus.NOT_OF_SCHOOL_AGE == status_of(baby, person=baby.key)


def test_a_child_who_died_has_left() -> None:
    died = child(deceased_on=dt.date(2019, 1, 5))
    assert WhereaboutsStatus.LEFT == status_of(BOY, died)


def test_the_evidence_names_the_rows_and_the_number_is_masked() -> None:
    found = whereabouts(
        Bundle.from_records([BOY, ROSTER_BOY, present()]), BOY.key, as_of=AS_OF, policy=POLICY
    )
    assert [
        SourceLocation("students.csv", 2),
        SourceLocation("population.csv", 2),
        SourceLocation("headcounts.csv", 2),
    ] == [item.source for item in found.evidence]
    assert BOY.key[7:15] not in repr(found)
    assert BOY.key == found.reveal_person()


@pytest.mark.parametrize("person", ["resident", "student"])
def test_a_child_is_found_by_student_number_or_resident_id(person: str) -> None:
    key = BOY.resident_id.reveal() if person == "resident" and BOY.resident_id else BOY.key
    found = whereabouts(Bundle.from_records([BOY, present()]), key, as_of=AS_OF, policy=POLICY)
    assert WhereaboutsStatus.IN_SCHOOL == found.status


# The audit's counts take a short cut for a roster child plainly in school (one active
# record, present). Each case below differs from that by one thing; the short cut must
# step aside and give the status of the long way.
_NEAR_PLAIN = {
    "plain": (BOY, ROSTER_BOY, present()),
    "school without headcount": (BOY, ROSTER_BOY),
    "absent": (BOY, ROSTER_BOY, present(present=False)),
    "died": (BOY, child(deceased_on=dt.date(2019, 1, 5))),
    "home-taught": (student(study_mode=StudyMode.HOME_TEACHING), ROSTER_BOY, present()),
    "suspended record": (student(status=RecordStatus.SUSPENDED), ROSTER_BOY, present()),
    "suspension": (BOY, ROSTER_BOY, present(), _SUSPENSION),
    "transfer": (BOY, ROSTER_BOY, present(), _TRANSFER),
    "two records": (BOY, student(school_id="2162000002", sequence=11), ROSTER_BOY, present()),
    "listed twice": (BOY, child(deceased_on=dt.date(2019, 1, 5)), ROSTER_BOY, present()),
}


@pytest.mark.parametrize("case", sorted(_NEAR_PLAIN))
def test_the_counts_short_cut_gives_the_status_of_the_long_way(case: str) -> None:
    bundle = Bundle.from_records(_NEAR_PLAIN[case])

    def gathered(evidence: bool) -> list[tuple[WhereaboutsStatus, str | None, str | None]]:
        found = whereabouts_of_all(bundle, as_of=AS_OF, policy=POLICY, with_evidence=evidence)
        return [(w.status, w.school_id, w.county) for w in found]

    assert gathered(evidence=True) == gathered(evidence=False)
