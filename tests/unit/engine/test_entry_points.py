"""One entry point per question: ``audit`` reads a folder, ``audit_bundle`` takes records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dropout_control import Bundle, audit, audit_bundle

DEMO = Path(__file__).parents[3] / "examples" / "linxia-demo"
AS_OF = dt.date(2019, 3, 20)


def test_audit_of_a_folder_counts_what_it_read_per_file() -> None:
    report = audit(DEMO, as_of=AS_OF, jurisdiction="622900")
    assert "students.csv" in {item.file for item in report.inputs}


def test_audit_of_a_folder_given_as_text_reads_the_same_folder() -> None:
    by_path = audit(DEMO, as_of=AS_OF, jurisdiction="622900")
    by_text = audit(str(DEMO), as_of=AS_OF, jurisdiction="622900")
    assert by_path == by_text


def test_audit_refuses_a_bundle_and_names_the_function_that_takes_one() -> None:
    with pytest.raises(TypeError, match="audit_bundle"):
        audit(Bundle(), as_of=AS_OF)  # type: ignore[arg-type]


def test_audit_bundle_of_an_empty_bundle_reads_no_file_and_finds_nothing() -> None:
    report = audit_bundle(Bundle(), as_of=AS_OF, jurisdiction="622900")
    assert ((), ()) == (report.inputs, report.findings)
