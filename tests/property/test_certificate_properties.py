"""Certificates, eligibility and the retention rate: properties that must hold.

The audit is as of 20 March 2019 unless a test draws its own date.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from dropout_control.auditing import audit_bundle
from dropout_control.bundle import Bundle
from dropout_control.completion import Certificate, CertificateKind, certificate_eligibility
from dropout_control.completion.kinds import CERTIFICATES
from dropout_control.findings import Report
from dropout_control.policy import NATIONAL, resolve_policy
from dropout_control.registry import RecordStatus
from dropout_control.registry.kinds import STUDENTS
from dropout_control.registry.queries import student_records_numbered
from dropout_control.strategies import certified_bundles, violating_bundles

AS_OF = dt.date(2019, 3, 20)
POLICY = resolve_policy(NATIONAL, on=AS_OF)
CERT_RULES = ("CERT-001", "CERT-002", "CERT-003", "CERT-004", "CERT-005")
CERTIFIED = certified_bundles(as_of=AS_OF, policy=POLICY)


def _cert_findings(report: Report) -> list[str]:
    return sorted(str(f.rule) for f in report.findings if str(f.rule) in CERT_RULES)


@settings(max_examples=30, deadline=None)
@given(CERTIFIED)
def test_a_certificate_to_an_eligible_student_fires_no_cert_rule(
    drawn: tuple[Bundle, tuple[Certificate, ...]],
) -> None:
    bundle, certificates = drawn

    report = audit_bundle(bundle, as_of=AS_OF, jurisdiction=NATIONAL)

    assert certificates
    assert [] == _cert_findings(report)
    assert [] == sorted({str(f.rule) for f in report.findings})


@settings(max_examples=30, deadline=None)
@given(CERTIFIED, st.data())
def test_a_certificate_to_a_dropout_fires_cert_001_or_cert_002(
    drawn: tuple[Bundle, tuple[Certificate, ...]], data: st.DataObject
) -> None:
    bundle, certificates = drawn
    certificate = data.draw(st.sampled_from(certificates))
    (record,) = student_records_numbered(bundle, certificate.student_key)
    left = data.draw(
        st.dates(min_value=record.entry_date, max_value=certificate.issued_on),
        label="dropped out on",
    )
    dropped = attrs.evolve(record, status=RecordStatus.DROPPED_OUT, status_since=left)
    students = tuple(dropped if r is record else r for r in bundle.records(STUDENTS))
    report = audit_bundle(bundle.evolve(students=students), as_of=AS_OF, jurisdiction=NATIONAL)

    expected = "CERT-002" if certificate.kind is CertificateKind.COMPLETION else "CERT-001"
    assert [str(certificate.source)] == [str(f.source) for f in report.select(expected)]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(CERT_RULES).flatmap(
        lambda rule: st.tuples(st.just(rule), violating_bundles(rule))
    )
)
def test_every_cert_finding_names_a_reason_the_eligibility_function_gives(
    drawn: tuple[str, Bundle],
) -> None:
    rule_id, bundle = drawn
    report = audit_bundle(bundle, as_of=AS_OF, jurisdiction=NATIONAL)
    by_source = {str(c.source): c for c in bundle.records(CERTIFICATES)}

    for finding in report.findings:
        if str(finding.rule) not in CERT_RULES or str(finding.rule) == "CERT-004":
            continue
        certificate = by_source[str(finding.source)]
        answer = certificate_eligibility(certificate, bundle, policy=POLICY, as_of=AS_OF)
        given_codes = {item.code for item in answer.reasons_for(str(finding.rule))}
        assert not answer.eligible
        assert {r.code for r in finding.facts["reasons"]} <= given_codes  # type: ignore[attr-defined]
    assert report.select(rule_id)


@settings(max_examples=30, deadline=None)
@given(CERTIFIED)
def test_no_eligible_certificate_fires_a_rule(
    drawn: tuple[Bundle, tuple[Certificate, ...]],
) -> None:
    bundle, certificates = drawn
    report = audit_bundle(bundle, as_of=AS_OF, jurisdiction=NATIONAL)
    flagged = {str(f.source) for f in report.findings if str(f.rule) in CERT_RULES}

    for certificate in certificates:
        answer = certificate_eligibility(certificate, bundle, policy=POLICY, as_of=AS_OF)
        assert answer.eligible
        assert str(certificate.source) not in flagged


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(CERT_RULES).flatmap(violating_bundles))
def test_the_passing_rate_is_never_above_the_rate_of_every_certificate(bundle: Bundle) -> None:
    report = audit_bundle(bundle, as_of=AS_OF, jurisdiction=NATIONAL)
    retention = report.metrics.retention

    assert retention is not None
    for cohort in retention.total:
        if cohort.rate_all is None or cohort.rate_passing is None:
            continue
        assert cohort.rate_passing <= cohort.rate_all
        # A rate is given only when certificates were read: the completers are known.
        assert cohort.completers_all is not None
        assert cohort.completers_passing is not None
        gap = (cohort.completers_all - cohort.completers_passing) / cohort.base
        assert abs((cohort.rate_all - cohort.rate_passing) - gap) < 1e-9
        assert cohort.inflation == cohort.completers_all - cohort.completers_passing


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(CERT_RULES).flatmap(violating_bundles))
def test_the_gap_is_the_irregular_certificates_of_completers_off_the_final_grade(
    bundle: Bundle,
) -> None:
    report = audit_bundle(bundle, as_of=AS_OF, jurisdiction=NATIONAL)
    retention = report.metrics.retention
    assert retention is not None
    # Students whose every certificate of a year fails, who were not on an active
    # final-grade record at its end: counted again here from the certificates.
    irregular: dict[str, set[str]] = {}
    regular: dict[str, set[str]] = {}
    for certificate in bundle.records(CERTIFICATES):
        if not certificate.kind.counts_as_completion:
            continue
        answer = certificate_eligibility(certificate, bundle, policy=POLICY, as_of=AS_OF)
        if answer.stage.value != "junior_secondary":
            continue
        year = str(answer.school_year)
        target = regular if answer.eligible else irregular
        target.setdefault(year, set()).add(certificate.student_key)
        off_the_final_grade = {
            "CERT.NO_RECORD",
            "CERT.LEFT",
            "CERT.NOT_ACTIVE",
            "CERT.NOT_FINAL_GRADE",
        }
        if not off_the_final_grade & {item.code for item in answer.reasons}:
            regular.setdefault(year, set()).add(certificate.student_key)
    for cohort in retention.total:
        expected = irregular.get(cohort.final_year, set()) - regular.get(cohort.final_year, set())
        assert cohort.inflation == len(expected)
