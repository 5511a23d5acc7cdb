"""CERT-001 to CERT-005, case by case.

The audit is as of 20 March 2019. The default graduate (students.csv line 2), born
1 May 2003, entered grade 7 on 1 September 2015 and graduated from grade 9 on
1 July 2018; his graduation certificate JY2018001 (certificates.csv line 2) was issued
by his school on 25 June 2018.
"""

from __future__ import annotations

import datetime as dt

from dropout_control.bundle import Bundle
from dropout_control.completion import Certificate, CertificateKind, Stage
from dropout_control.findings import Report
from dropout_control.policy import Layer
from dropout_control.policy.keys import COMPULSORY_STRUCTURE
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.suspensions import Suspension
from tests.unit.completion.certificate_builders import GRADUATE_NUMBER, certificate, graduate
from tests.unit.rules.rule_builders import audit_bundle, facts, single

RULES = ("CERT-001", "CERT-002", "CERT-003", "CERT-004", "CERT-005")


def _audit(
    certificates: list[Certificate],
    records: list[StudentRecord] | None = None,
    suspensions: list[Suspension] | None = None,
) -> Report:
    return audit_bundle(
        Bundle(
            certificates=certificates,
            students=records if records is not None else [graduate()],
            suspensions=suspensions or [],
            kinds=["certificates", "students", "suspensions"],
        )
    )


def _fired(report: Report) -> set[str]:
    return {str(finding.rule) for finding in report.findings if str(finding.rule) in RULES}


def _codes(report: Report, rule_id: str) -> list[str]:
    return [reason.code for reason in single(report, rule_id).facts["reasons"]]  # type: ignore[attr-defined]


def test_a_graduation_certificate_of_june_2018_to_the_june_graduate_is_clean() -> None:
    assert set() == _fired(_audit([certificate()]))


def test_a_completion_certificate_to_a_fifteen_year_old_after_nine_years_is_clean() -> None:
    completed = graduate(status=RecordStatus.COMPLETED)

    assert set() == _fired(_audit([certificate(kind=CertificateKind.COMPLETION)], [completed]))


def test_a_primary_graduation_certificate_under_6_plus_3_is_for_grade_6() -> None:
    primary = graduate(grade=6, entry_date=dt.date(2012, 9, 1), birth_date=dt.date(2006, 5, 1))
    given = certificate(student_number=primary.student_number, stage=Stage.PRIMARY)

    assert set() == _fired(_audit([given], [primary]))


# CERT-001 ----------------------------------------------------------------------------


def test_a_graduation_certificate_a_year_before_graduating_is_cert_001() -> None:
    report = _audit([certificate(issued_on=dt.date(2017, 6, 25))])

    assert ["CERT.NOT_FINAL_GRADE"] == _codes(report, "CERT-001")
    assert {"school_year": "2016-2017"} == facts(single(report, "CERT-001"), "school_year")


def test_a_graduation_certificate_to_a_dropout_of_may_2018_is_cert_001() -> None:
    dropout = graduate(status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 5, 2))

    assert ["CERT.LEFT"] == _codes(_audit([certificate()], [dropout]), "CERT-001")


def test_a_record_graduated_in_september_2018_was_active_at_the_end_of_2017_2018() -> None:
    late = graduate(status_since=dt.date(2018, 9, 3))

    assert set() == _fired(_audit([certificate()], [late]))


def test_a_dropout_of_august_2018_from_grade_9_left_before_the_end_of_2017_2018() -> None:
    dropout = graduate(status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 8, 20))

    assert ["CERT.LEFT"] == _codes(_audit([certificate()], [dropout]), "CERT-001")


def test_a_leaving_certificate_to_a_student_transferred_out_in_march_is_cert_001() -> None:
    moved = graduate(status=RecordStatus.TRANSFERRED_OUT, status_since=dt.date(2018, 3, 5))

    report = _audit([certificate(kind=CertificateKind.LEAVING)], [moved])

    assert ["CERT.LEFT"] == _codes(report, "CERT-001")


def test_a_graduation_certificate_to_a_student_suspended_at_the_end_of_the_year_is_cert_001() -> (
    None
):
    resting = graduate(status=RecordStatus.SUSPENDED, status_since=dt.date(2018, 4, 1))

    assert ["CERT.NOT_ACTIVE"] == _codes(_audit([certificate()], [resting]), "CERT-001")


def test_under_5_plus_4_grade_5_ends_primary() -> None:
    five_four = Layer.from_mapping(
        {
            "jurisdiction": "622921",
            "parameters": {
                COMPULSORY_STRUCTURE: {
                    "values": [
                        {"since": "2006-09-01", "value": "5+4", "mark": "U", "source": "a test"}
                    ]
                }
            },
        }
    )
    primary = graduate(grade=5, entry_date=dt.date(2013, 9, 1), birth_date=dt.date(2007, 5, 1))
    given = certificate(student_number=primary.student_number, stage=Stage.PRIMARY)
    bundle = Bundle(certificates=[given], students=[primary], kinds=["certificates", "students"])

    report = audit_bundle(bundle, jurisdiction="622921", layers=[five_four])

    assert set() == _fired(report)


# CERT-002 ----------------------------------------------------------------------------


def test_a_completion_certificate_to_a_dropout_is_cert_002() -> None:
    dropout = graduate(status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 4, 9))

    report = _audit([certificate(kind=CertificateKind.COMPLETION)], [dropout])

    assert ["CERT.LEFT"] == _codes(report, "CERT-002")
    assert set() == _fired(report) - {"CERT-002"}


def test_a_completion_certificate_after_two_years_on_the_roll_is_cert_002() -> None:
    late = graduate(status=RecordStatus.COMPLETED, entry_date=dt.date(2016, 9, 1))

    report = _audit([certificate(kind=CertificateKind.COMPLETION)], [late])

    assert ["CERT.FEW_YEARS"] == _codes(report, "CERT-002")
    assert [{"code": "CERT.FEW_YEARS", "years": 2, "min_years": 9}] == [
        r.to_dict()
        for r in single(report, "CERT-002").facts["reasons"]  # type: ignore[attr-defined]
    ]


def test_a_suspension_of_a_school_year_takes_a_year_off_the_roll() -> None:
    completed = graduate(status=RecordStatus.COMPLETED)
    rest = Suspension(
        suspension_id="XX0001",
        student_number=GRADUATE_NUMBER,
        start=dt.date(2016, 9, 1),
        end=dt.date(2017, 8, 31),
        grounds="health",
        approved_by="county_education_bureau",
        approved_on=dt.date(2016, 8, 20),
    )

    report = _audit([certificate(kind=CertificateKind.COMPLETION)], [completed], [rest])

    assert ["CERT.FEW_YEARS"] == _codes(report, "CERT-002")


def test_a_completion_certificate_a_year_early_is_cert_002_not_in_the_final_grade() -> None:
    completed = graduate(status=RecordStatus.COMPLETED, birth_date=dt.date(2002, 5, 1))

    report = _audit(
        [
            certificate(
                kind=CertificateKind.COMPLETION,
                issued_on=dt.date(2017, 6, 26),
                student_number=completed.student_number,
            )
        ],
        [completed],
    )

    assert "CERT.NOT_FINAL_GRADE" in _codes(report, "CERT-002")


# CERT-003 ----------------------------------------------------------------------------


def test_a_certificate_issued_on_19_june_2018_is_cert_003() -> None:
    report = _audit([certificate(issued_on=dt.date(2018, 6, 19))])

    assert ["CERT.TOO_EARLY"] == _codes(report, "CERT-003")
    assert {"CERT-003"} == _fired(report)


def test_a_certificate_issued_on_20_june_2018_is_in_time() -> None:
    assert set() == _fired(_audit([certificate(issued_on=dt.date(2018, 6, 20))]))


def test_a_completion_certificate_to_a_fourteen_year_old_is_cert_003() -> None:
    young = graduate(status=RecordStatus.COMPLETED, birth_date=dt.date(2003, 8, 1))

    given = certificate(kind=CertificateKind.COMPLETION, student_number=young.student_number)

    report = _audit([given], [young])

    assert ["CERT.TOO_YOUNG"] == _codes(report, "CERT-003")
    assert {"CERT-003"} == _fired(report)


# CERT-004 ----------------------------------------------------------------------------


def test_a_graduation_and_a_completion_certificate_for_junior_secondary_is_cert_004() -> None:
    second = certificate(line=3, certificate_no="WC2018009", kind=CertificateKind.COMPLETION)

    report = _audit([certificate(), second])

    finding = single(report, "CERT-004")
    assert "certificates.csv:3" == str(finding.source)
    assert ["certificates.csv:2"] == [str(where) for where in finding.related]
    assert {"others": ["JY2018001"]} == facts(finding, "others")


def test_a_primary_and_a_junior_graduation_certificate_are_two_stages() -> None:
    primary = certificate(
        line=3, certificate_no="XX2015001", issued_on=dt.date(2015, 6, 25), stage=Stage.PRIMARY
    )

    report = _audit([certificate(), primary])

    assert "CERT-004" not in _fired(report)


# CERT-005 ----------------------------------------------------------------------------


def test_a_certificate_issued_by_another_school_is_cert_005() -> None:
    report = _audit([certificate(school_id="2162000099")])

    assert ["CERT.OTHER_SCHOOL"] == _codes(report, "CERT-005")
    assert {"CERT-005"} == _fired(report)


def test_a_certificate_to_a_number_no_record_holds_is_cert_001_and_cert_005() -> None:
    report = _audit([certificate()], [graduate(sequence=5)])

    assert {"CERT-001", "CERT-005"} == _fired(report)


def test_the_subject_is_the_masked_student_number() -> None:
    finding = single(_audit([certificate(school_id="2162000099")]), "CERT-005")

    assert GRADUATE_NUMBER.reveal() == finding.subject.reveal()
    assert GRADUATE_NUMBER.reveal() not in str(finding.subject)
