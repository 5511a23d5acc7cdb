"""Builders for the certificate tests: one graduate of June 2018 and one certificate.

The default graduate is a boy of Linxia County (622921) born on 1 May 2003, who entered
junior secondary (grade 7) at school 2162000001 on 1 September 2015 and graduated from
grade 9 on 1 July 2018 (``students.csv`` line 2). His graduation certificate
``JY2018001`` was issued by that school on 25 June 2018, when he was 15
(``certificates.csv`` line 2). The audit is as of 20 March 2019.
"""

from __future__ import annotations

import datetime as dt

from dropout_control.completion import Certificate, CertificateKind, Stage
from dropout_control.findings import SourceLocation
from dropout_control.identity import StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.registry.model import RecordStatus, StudentRecord
from tests.unit.rules.rule_builders import COUNTY, SCHOOL, resident_id, student

__all__ = ["GRADUATE_BORN", "GRADUATE_NUMBER", "ISSUED", "certificate", "graduate"]

GRADUATE_BORN = dt.date(2003, 5, 1)
GRADUATE_NUMBER = StudentNumber.from_resident_id(resident_id(birth_date=GRADUATE_BORN))
ISSUED = dt.date(2018, 6, 25)


def graduate(
    *,
    line: int = 2,
    status: RecordStatus = RecordStatus.GRADUATED,
    status_since: dt.date | None = dt.date(2018, 7, 1),
    grade: int = 9,
    entry_date: dt.date = dt.date(2015, 9, 1),
    birth_date: dt.date = GRADUATE_BORN,
    school_id: str = SCHOOL,
    sequence: int = 3,
) -> StudentRecord:
    """The graduate's record, as the registry holds it on 20 March 2019."""
    return student(
        line=line,
        birth_date=birth_date,
        region=COUNTY,
        sequence=sequence,
        grade=grade,
        entry_date=entry_date,
        record_created_on=entry_date + dt.timedelta(days=10),
        status=status,
        status_since=status_since,
        school_id=school_id,
    )


def certificate(
    *,
    line: int = 2,
    certificate_no: str = "JY2018001",
    student_number: StudentNumber | MalformedNumber = GRADUATE_NUMBER,
    kind: CertificateKind = CertificateKind.GRADUATION,
    issued_on: dt.date = ISSUED,
    school_id: str = SCHOOL,
    stage: Stage | None = None,
) -> Certificate:
    """A certificate, lawful for the default graduate unless the test says otherwise."""
    return Certificate(
        certificate_no=certificate_no,
        student_number=student_number,
        kind=kind,
        issued_on=issued_on,
        school_id=school_id,
        stage=stage,
        source=SourceLocation("certificates.csv", line),
    )
