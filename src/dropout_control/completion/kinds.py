"""The ``certificates`` and ``schools`` kinds: certificates of compulsory education and
the schools that issue them, with the county and township they lie in.

Declared once here and registered in :data:`~dropout_control.kinds.KINDS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

from dropout_control import columns
from dropout_control.completion.model import Certificate, School
from dropout_control.kinds import KINDS, Index, Place, RecordKind, grouped
from dropout_control.reasons import Stated, reason
from dropout_control.registry.kinds import SCHOOL_COUNTIES, UNKNOWN_COUNTY

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle

__all__ = [
    "CERTIFICATES",
    "CERTIFICATES_BY_STUDENT",
    "SCHOOLS",
    "SCHOOLS_BY_ID",
]


def _holder(certificate: Certificate) -> str:
    return certificate.student_key


CERTIFICATES_BY_STUDENT: Final[Index[Certificate, Mapping[str, tuple[Certificate, ...]]]] = Index(
    "certificates", "by_student", grouped(_holder)
)
"""Certificates by the holder's student number as written."""


def _schools_by_id(records: Sequence[School]) -> Mapping[str, School]:
    found: dict[str, School] = {}
    for school in records:
        found.setdefault(school.school_id, school)
    return found


SCHOOLS_BY_ID: Final[Index[School, Mapping[str, School]]] = Index(
    "schools", "by_id", _schools_by_id
)
"""The first school of each identification code."""


def _people(certificate: Certificate) -> tuple[str | None, ...]:
    return (certificate.student_key,)


def _place(certificate: Certificate, bundle: Bundle) -> Place:
    counties = bundle.index(SCHOOL_COUNTIES)
    return Place(certificate.school_id, counties.get(certificate.school_id, UNKNOWN_COUNTY))


def _school_place(school: School, _bundle: Bundle) -> Place:
    return Place(school.school_id, school.county)


CERTIFIED: Final = reason(
    "EVIDENCE.CERTIFICATE",
    "{kind:CERTIFICATE}证书 {certificate_no}：学校 {school_id}，{issued_on} 颁发",
    "{kind} certificate {certificate_no}, school {school_id}, issued {issued_on}",
)


def _evidence(certificate: Certificate, _as_of: dt.date, _bundle: Bundle) -> Stated:
    return CERTIFIED.given(
        kind=certificate.kind,
        certificate_no=certificate.certificate_no,
        school_id=certificate.school_id,
        issued_on=certificate.issued_on,
    )


CERTIFICATES: Final = KINDS.add(
    RecordKind(
        "certificates",
        Certificate,
        unique_key=("certificate_no",),
        aliases={
            "certificate_no": ("证书编号", "证书号", "毕业证书编号"),
            "student_number": columns.STUDENT_NUMBER,
            "kind": ("证书类别", "证书类型", "证书种类"),
            "issued_on": ("发证日期", "颁发日期", "发证时间"),
            "school_id": ("发证学校标识码", *columns.SCHOOL_ID),
            "stage": ("学段",),
        },
        indexes=(CERTIFICATES_BY_STUDENT,),
        place=_place,
        people=_people,
        evidence=_evidence,
        plant="dropout_control.strategies.records:certificates",
        title=("义务教育证书", "certificates of compulsory education"),
        # A stage written but not read would be judged as the record's: refuse the row.
        essential_fields=("stage",),
    )
)
"""Certificates of compulsory education, one per certificate number."""

SCHOOLS: Final = KINDS.add(
    RecordKind(
        "schools",
        School,
        unique_key=("school_id",),
        aliases={
            "school_id": columns.SCHOOL_ID,
            "name": ("学校名称", "学校"),
            "county": ("所在县", "县区代码", "所在县区"),
            "township": ("所在乡镇", "乡镇", "乡镇代码"),
            "stage": ("办学类型", "学校类型"),
        },
        indexes=(SCHOOLS_BY_ID,),
        place=_school_place,
        plant="dropout_control.strategies.records:schools",
        title=("学校", "schools, with their county and township"),
    )
)
"""Schools, one per identification code: where figures by township come from."""
