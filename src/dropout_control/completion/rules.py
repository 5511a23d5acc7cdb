"""Rules about certificates of compulsory education (CERT-001 to CERT-005).

A certificate is judged under the policy the audit applies (its jurisdiction, the
application's own layers included), the records as the registry holds them on the audit
date. Limitation: the certificate parameters have held one value since 2006; should
one change, a certificate would still be judged by the value of the audit date.

CERT-001 to CERT-003 and CERT-005 are the reasons of
:func:`~dropout_control.completion.eligibility.certificate_eligibility`, so that the
audit and the function applications call never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dropout_control.bundle import Bundle
from dropout_control.completion.eligibility import (
    LAW_2,
    LINXIA_NOTICE,
    REGISTRATION_RULES,
    SHAANXI_2014,
    Eligibility,
    certificate_eligibility,
)
from dropout_control.completion.keys import (
    CERTIFICATE_COMPLETION_MIN_AGE,
    CERTIFICATE_COMPLETION_MIN_YEARS_ON_ROLL,
    CERTIFICATE_ISSUE_FROM,
)
from dropout_control.completion.model import Certificate, CertificateKind, Stage
from dropout_control.completion.queries import certificates_of
from dropout_control.findings import Severity
from dropout_control.policy.keys import COMPULSORY_STRUCTURE
from dropout_control.rules import Observation, RuleContext, rule

__all__: list[str] = []


def _judged(certificate: Certificate, context: RuleContext[Bundle]) -> Eligibility:
    return context.memo(
        # By identity: the certificate is a record of the audit's bundle.
        ("completion.eligibility", id(certificate)),
        lambda: certificate_eligibility(
            certificate,
            context.bundle,
            policy=context.policy,
            as_of=context.as_of,
        ),
    )


def _observations(
    certificate: Certificate, context: RuleContext[Bundle], rule_id: str
) -> Iterator[Observation]:
    answer = _judged(certificate, context)
    found = answer.reasons_for(rule_id)
    if not found:
        return
    record = answer.record
    related = () if record is None or record.source is None else (record.source,)
    yield Observation(
        subject=certificate.subject,
        source=certificate.source,
        related=related,
        facts={
            "certificate_no": certificate.certificate_no,
            "certificate_kind": certificate.kind.value,
            "stage": answer.stage.value,
            "issued_on": certificate.issued_on,
            "school_id": certificate.school_id,
            "school_year": str(answer.school_year),
            "reasons": [item.reason for item in found],
        },
    )


_MESSAGE = (
    "{certificate_kind:CERTIFICATE}证书 {certificate_no}（{issued_on} 颁发）：{reasons}",
    "{certificate_kind:CERTIFICATE} certificate {certificate_no} (issued {issued_on}): {reasons}",
)


@rule(
    "CERT-001",
    severity=Severity.ERROR,
    about="certificates",
    needs=["students"],
    title=(
        "毕业证书发给不在毕业年级在读的学生",
        "graduation certificate to a student not active in the final grade",
    ),
    message=_MESSAGE,
    parameters=[COMPULSORY_STRUCTURE],
    citations=[REGISTRATION_RULES],
)
def graduation_certificate_follows_the_record(
    certificate: Certificate, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A graduation certificate (毕业证书) goes to a student on an active record in the
    final grade of its stage at the end of the school year of issue.

    The final grade follows ``compulsory.structure`` (6 and 9 under 6+3, 5 and 9 under
    5+4). A record that graduated, dropped out or left after the end of the year was
    active at its end. A leaving certificate (肄业证书) meets the same conditions (it is
    no completion). Basis: 中小学生学籍管理办法 (教基一〔2013〕7号) [S].
    """
    if certificate.kind is CertificateKind.COMPLETION:
        return
    yield from _observations(certificate, context, "CERT-001")


@rule(
    "CERT-002",
    severity=Severity.ERROR,
    about="certificates",
    needs=["students"],
    title=("义务教育完成证书发放不合规（注水）", "completion certificate not earned (padding)"),
    message=_MESSAGE,
    parameters=[COMPULSORY_STRUCTURE, CERTIFICATE_COMPLETION_MIN_YEARS_ON_ROLL],
    citations=[LAW_2, LINXIA_NOTICE, REGISTRATION_RULES],
)
def completion_certificate_is_earned(
    certificate: Certificate, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A completion certificate (义务教育完成证书) goes to a student who did not drop out,
    was on the roll for the minimum years (approved suspensions excluded) and was on an
    active record in the final grade at the end of the school year of issue.

    Years on the roll run from the school year of the earliest entry date of the
    student's records; a record that entered at the start of junior secondary counts
    the primary years. Basis: ``certificate.completion_min_years_on_roll`` [U];
    临州办发〔2019〕18号 [C] (check and correct irregular certificates).
    """
    if certificate.kind is not CertificateKind.COMPLETION:
        return
    yield from _observations(certificate, context, "CERT-002")


@rule(
    "CERT-003",
    severity=Severity.ERROR,
    about="certificates",
    title=("证书提前颁发或颁发对象未达年龄", "certificate issued too early or too young"),
    message=_MESSAGE,
    parameters=[CERTIFICATE_ISSUE_FROM, CERTIFICATE_COMPLETION_MIN_AGE],
    citations=[REGISTRATION_RULES, LINXIA_NOTICE],
)
def certificate_issued_in_time(
    certificate: Certificate, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A certificate is issued on or after the issue date of its school year
    (``certificate.issue_from`` of the year's second calendar year), and a completion
    certificate to a student of at least ``certificate.completion_min_age`` on the day.

    The age needs the student's record; without it only the date is checked. Basis:
    library defaults [U].
    """
    yield from _observations(certificate, context, "CERT-003")


def _stage(certificate: Certificate, context: RuleContext[Bundle]) -> Stage:
    if certificate.kind is CertificateKind.COMPLETION:
        return Stage.JUNIOR_SECONDARY
    if certificate.stage is not None:
        return certificate.stage
    return _judged(certificate, context).stage


def _order(certificate: Certificate) -> tuple[dt.date, str]:
    return certificate.issued_on, certificate.certificate_no


@rule(
    "CERT-004",
    severity=Severity.ERROR,
    about="certificates",
    title=("同一学段多张证书", "more than one certificate for one stage"),
    message=(
        "同一{stage:STAGE}学段已有证书 {others}，又颁发{certificate_kind:CERTIFICATE}证书 "
        "{certificate_no}",
        "{certificate_kind:CERTIFICATE} certificate {certificate_no} for {stage:STAGE}, "
        "which certificates {others} already close",
    ),
    parameters=[COMPULSORY_STRUCTURE],
    citations=[REGISTRATION_RULES],
)
def one_certificate_per_stage(
    certificate: Certificate, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A student holds one certificate per stage; a junior-secondary graduation
    certificate and a completion certificate are one stage (the end of compulsory
    education).

    Every certificate after the first issued for a stage (by issue date, then number)
    is a finding that names every other certificate of the student for that stage.
    Basis: 中小学生学籍管理办法 [S] (one person, one record).
    """
    held = certificates_of(context.bundle, certificate.student_key)
    if len(held) == 1:
        return  # the student's only certificate
    stage = _stage(certificate, context)
    same = [other for other in held if _stage(other, context) is stage]
    if min(same, key=_order) is certificate:
        return
    others = [other for other in same if other is not certificate]
    yield Observation(
        subject=certificate.subject,
        source=certificate.source,
        related=tuple(other.source for other in others if other.source is not None),
        facts={
            "certificate_no": certificate.certificate_no,
            "certificate_kind": certificate.kind.value,
            "stage": stage.value,
            "issued_on": certificate.issued_on,
            "others": [other.certificate_no for other in others],
        },
    )


@rule(
    "CERT-005",
    severity=Severity.ERROR,
    about="certificates",
    needs=["students"],
    title=("发证学校不持有学籍", "issuing school does not hold the record"),
    message=_MESSAGE,
    citations=[SHAANXI_2014],
)
def issued_by_the_school_of_record(
    certificate: Certificate, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """The school that issues a certificate holds the student's record (reconciled
    with the registry). A student number that no record holds is a finding too.

    Basis: 陕西省义务教育阶段学生学籍管理办法 (2014) [S].
    """
    yield from _observations(certificate, context, "CERT-005")
