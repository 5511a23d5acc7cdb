"""Completion status of a child on a date, and how AGE-002 and whereabouts use it.

The default graduate (students.csv line 2) was born on 1 May 2003, entered grade 7 on
1 September 2015 and finished grade 9 in June 2018; on 20 March 2019 he is 15 and
inside the school-age window.
"""

from __future__ import annotations

import datetime as dt

import attrs

from dropout_control.bundle import Bundle
from dropout_control.completion import CertificateKind, CompletionStatus, completion_status
from dropout_control.policy import resolve_policy
from dropout_control.population.model import Child
from dropout_control.registry.model import CancelReason, RecordStatus, StudentRecord
from dropout_control.whereabouts import WhereaboutsStatus, whereabouts
from tests.unit.completion.certificate_builders import GRADUATE_BORN, certificate, graduate
from tests.unit.rules.rule_builders import AS_OF, audit_bundle, child, resident_id

POLICY = resolve_policy("622900", on=AS_OF)
PERSON = resident_id(birth_date=GRADUATE_BORN).reveal()


def _bundle(records: list[StudentRecord], *certificates: object, roster: bool = False) -> Bundle:
    children: list[Child] = [child(birth_date=GRADUATE_BORN)] if roster else []
    return Bundle(
        students=records,
        certificates=list(certificates),
        population=children,
        kinds=["students", "certificates", "population"],
    )


def test_a_graduated_record_of_grade_9_is_completed() -> None:
    status = completion_status(_bundle([graduate()]), PERSON, on=AS_OF, policy=POLICY)

    assert CompletionStatus.COMPLETED is status.status
    assert ["COMPLETION.FINISHED_RECORD"] == [said.code for said in status.evidence]


def _completed(*, entry_date: dt.date = dt.date(2015, 9, 1)) -> StudentRecord:
    """A completed (结业) record of grade 9, since 1 July 2018."""
    return graduate(status=RecordStatus.COMPLETED, entry_date=entry_date)


def test_a_completed_record_with_a_passing_completion_certificate_is_completed() -> None:
    passed = certificate(kind=CertificateKind.COMPLETION)

    status = completion_status(_bundle([_completed()], passed), PERSON, on=AS_OF, policy=POLICY)

    assert CompletionStatus.COMPLETED is status.status
    assert ("JY2018001",) == tuple(c.certificate_no for c in status.certificates)


def test_a_completed_record_whose_certificate_fails_is_paper_completion() -> None:
    # Entered junior secondary in September 2016: two years on the roll (CERT-002).
    late = _completed(entry_date=dt.date(2016, 9, 1))
    paper = certificate(kind=CertificateKind.COMPLETION)

    status = completion_status(_bundle([late], paper), PERSON, on=AS_OF, policy=POLICY)

    assert CompletionStatus.OUT_OF_SCHOOL is status.status
    assert "COMPLETION.FAILING_CERTIFICATE" in [said.code for said in status.evidence]


def test_a_dropout_with_a_completion_certificate_that_fails_is_out_of_school() -> None:
    record = graduate(status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 4, 9))
    paper = certificate(kind=CertificateKind.COMPLETION)

    status = completion_status(_bundle([record], paper), PERSON, on=AS_OF, policy=POLICY)

    assert CompletionStatus.OUT_OF_SCHOOL is status.status
    assert "COMPLETION.FAILING_CERTIFICATE" in [said.code for said in status.evidence]


def test_an_active_student_is_in_school() -> None:
    active = graduate(status=RecordStatus.ACTIVE, status_since=None)

    status = completion_status(_bundle([active]), PERSON, on=AS_OF, policy=POLICY)

    assert CompletionStatus.IN_SCHOOL is status.status


def test_a_record_cancelled_for_emigration_is_exempt() -> None:
    gone = graduate(status=RecordStatus.CANCELLED, status_since=dt.date(2017, 5, 2))
    gone = attrs.evolve(gone, cancel_reason=CancelReason.EMIGRATION)

    status = completion_status(_bundle([gone]), PERSON, on=AS_OF, policy=POLICY)

    assert CompletionStatus.EXEMPT is status.status


def test_without_a_students_input_the_status_is_not_known() -> None:
    status = completion_status(Bundle(), PERSON, on=AS_OF, policy=POLICY)

    assert CompletionStatus.NOT_KNOWN is status.status


def test_a_certificate_issued_after_the_date_asked_about_does_not_count() -> None:
    record = graduate(status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 9, 3))
    later = certificate(issued_on=dt.date(2018, 6, 25))

    status = completion_status(
        _bundle([record], later), PERSON, on=dt.date(2018, 6, 24), policy=POLICY
    )

    assert CompletionStatus.COMPLETED is not status.status


# AGE-002 and whereabouts ---------------------------------------------------------------


def test_a_school_age_child_completed_on_a_passing_certificate_is_not_age_002() -> None:
    passed = certificate(kind=CertificateKind.COMPLETION)

    report = audit_bundle(_bundle([_completed()], passed, roster=True))

    assert () == report.select("AGE-002")


def test_a_school_age_child_completed_on_paper_only_is_age_002() -> None:
    late = _completed(entry_date=dt.date(2016, 9, 1))

    report = audit_bundle(
        _bundle([late], certificate(kind=CertificateKind.COMPLETION), roster=True)
    )

    assert 1 == len(report.select("AGE-002"))


def test_a_school_age_dropout_with_a_failing_certificate_is_age_002() -> None:
    record = graduate(status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 4, 9))

    report = audit_bundle(_bundle([record], certificate(), roster=True))

    assert 1 == len(report.select("AGE-002"))


def test_whereabouts_shows_the_completion_status() -> None:
    found = whereabouts(_bundle([graduate()]), PERSON, as_of=AS_OF, policy=POLICY)

    assert WhereaboutsStatus.FINISHED is found.status
    assert found.completion is not None
    assert CompletionStatus.COMPLETED is found.completion.status


def test_whereabouts_does_not_count_paper_completion_as_finished() -> None:
    late = _completed(entry_date=dt.date(2016, 9, 1))
    paper = certificate(kind=CertificateKind.COMPLETION)

    found = whereabouts(_bundle([late], paper), PERSON, as_of=AS_OF, policy=POLICY)

    assert WhereaboutsStatus.FINISHED is not found.status
