"""The retention rate (巩固率) counted twice, on 20 March 2019.

Two boys of Linxia County entered junior secondary on 1 September 2015 (the cohort that
entered grade 1 in 2009, final year 2017-2018): one graduated on 1 July 2018 with a
graduation certificate of 25 June; the other dropped out on 9 April 2018 and was given
a completion certificate on 31 August 2018.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from dropout_control.bundle import Bundle
from dropout_control.completion import CertificateKind
from dropout_control.io.reports import write_report
from dropout_control.metrics import CohortRetention
from dropout_control.registry.model import RecordStatus
from tests.unit.completion.certificate_builders import certificate, graduate
from tests.unit.rules.rule_builders import audit_bundle

DROPOUT = graduate(
    line=3, sequence=5, status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 4, 9)
)
PAPER = certificate(
    line=3,
    certificate_no="WC2018002",
    student_number=DROPOUT.student_number,
    kind=CertificateKind.COMPLETION,
    issued_on=dt.date(2018, 8, 31),
)


def _cohort_2017(bundle: Bundle) -> CohortRetention:
    retention = audit_bundle(bundle).metrics.retention
    assert retention is not None
    (cohort,) = [c for c in retention.total if c.final_year == "2017-2018"]
    return cohort


def test_a_paper_completion_counts_in_the_first_rate_only() -> None:
    bundle = Bundle(students=[graduate(), DROPOUT], certificates=[certificate(), PAPER])

    cohort = _cohort_2017(bundle)

    assert (2, 2, 1, 1, 0) == (
        cohort.entered,
        cohort.base,
        cohort.in_final_grade,
        cohort.completers_all,
        cohort.completers_passing,
    )
    assert (1.0, 0.5, 1) == (cohort.rate_all, cohort.rate_passing, cohort.inflation)


def test_a_dropout_without_a_certificate_lowers_both_rates() -> None:
    bundle = Bundle(students=[graduate(), DROPOUT], certificates=[certificate()])

    cohort = _cohort_2017(bundle)

    assert (0.5, 0.5, 0) == (cohort.rate_all, cohort.rate_passing, cohort.inflation)


def test_without_students_the_report_says_why_there_is_no_rate() -> None:
    report = audit_bundle(Bundle(certificates=[certificate()]))

    assert report.metrics.retention is None


def test_a_cohort_with_no_entrant_in_the_input_has_no_rate_and_says_why() -> None:
    # Entered grade 8 in 2016: no grade-1 or grade-7 entry of the 2009 cohort.
    late = graduate(entry_date=dt.date(2016, 9, 1))
    retention = audit_bundle(Bundle(students=[late])).metrics.retention

    assert retention is not None
    assert all(c.rate_all is None for c in retention.total)
    assert {"RETENTION.NO_COHORT_HISTORY"} == {
        c.why_not.code for c in retention.total if c.why_not is not None
    }


def test_the_text_report_shows_both_rates_and_the_gap() -> None:
    report = audit_bundle(
        Bundle(students=[graduate(), DROPOUT], certificates=[certificate(), PAPER])
    )
    out = io.StringIO()

    write_report(report, out, fmt="text", library_version="test")

    text = out.getvalue()
    assert "Retention rate (巩固率), target 95.0%:" in text
    assert "  2017-2018       2         1          1     100.0%     50.0%     1" in text
    assert "township not known" in text


def test_the_csv_report_gives_a_row_per_cohort_after_the_findings() -> None:
    report = audit_bundle(
        Bundle(students=[graduate(), DROPOUT], certificates=[certificate(), PAPER])
    )
    out = io.StringIO()

    write_report(report, out, fmt="csv", library_version="test")

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    kinds = [row["kind"] for row in rows]
    assert kinds.index("retention") == len(report.findings)
    (row,) = [r for r in rows if r["kind"] == "retention" and r["subject"] == "2017-2018"]
    assert ("", "", "REPORT.RETENTION") == (row["rule"], row["severity"], row["reasons"])
    assert "100.0% counting every certificate, 50.0% counting only those" in row["message_en"]
    assert "a gap of 1; target 95.0%" in row["message_en"]
    facts = json.loads(row["facts"])
    assert (1.0, 0.5, 1, 0.95) == (
        facts["rate_all"],
        facts["rate_passing"],
        facts["inflation"],
        facts["target"],
    )


def test_without_certificates_the_completers_are_not_known_and_there_is_no_rate() -> None:
    # Neither the graduate's certificate nor a paper one can be seen: the counts of
    # records stand, what depends on certificates is not known (not zero).
    report = audit_bundle(Bundle(students=[graduate(), DROPOUT]))
    retention = report.metrics.retention
    assert retention is not None
    assert retention.certificates_not_known is not None
    assert "RETENTION.NO_CERTIFICATES" == retention.certificates_not_known.code

    cohort = _cohort_2017(Bundle(students=[graduate(), DROPOUT]))

    assert (2, 1) == (cohort.entered, cohort.in_final_grade)
    assert (None, None, None, None, None) == (
        cohort.completers_all,
        cohort.completers_passing,
        cohort.inflation,
        cohort.rate_all,
        cohort.rate_passing,
    )
    assert cohort.why_not == retention.certificates_not_known
    out = io.StringIO()
    write_report(report, out, fmt="text", library_version="test")
    assert "  2017-2018       2         1          -          -         -     -" in out.getvalue()
    assert "  not known: no certificates were read" in out.getvalue()
