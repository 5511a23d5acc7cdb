"""Audit from Python: a folder of exports, then records an application already holds.

Run from the repository root::

    python examples/audit_from_python.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dropout_control import Bundle, audit, audit_bundle
from dropout_control.identity import ResidentId, Sex, StudentNumber
from dropout_control.population import Child
from dropout_control.registry import RecordStatus, StudentRecord

AS_OF = dt.date(2019, 3, 20)
DEMO = Path(__file__).parent / "linxia-demo"


def audit_the_demo_folder() -> None:
    """The same audit as ``dropout-control audit examples/linxia-demo``."""
    report = audit(DEMO, as_of=AS_OF, jurisdiction="622900")
    counts = {severity.value: n for severity, n in report.counts().items()}
    print(f"demo folder: {counts}")
    for finding in report.select("AGE-002"):
        print(f"  {finding.source}  {finding.subject}  {finding.message.en}")


def audit_records_in_memory() -> None:
    """A county system's own records, no files: one child is on no record."""
    number = ResidentId.from_parts("622921", dt.date(2010, 5, 1), 3)
    record = StudentRecord(
        student_number=StudentNumber.from_resident_id(number),
        name="马小明",
        sex=Sex.MALE,
        birth_date=dt.date(2010, 5, 1),
        school_id="2162000001",
        grade=3,
        entry_date=dt.date(2016, 9, 1),
        status=RecordStatus.ACTIVE,
        resident_id=number,
    )
    sister = ResidentId.from_parts("622921", dt.date(2011, 2, 3), 4)
    roster = [
        Child(
            resident_id=number,
            name="马小明",
            birth_date=dt.date(2010, 5, 1),
            household_region="622921",
        ),
        Child(
            resident_id=sister,
            name="马小花",
            birth_date=dt.date(2011, 2, 3),
            household_region="622921",
        ),
    ]
    report = audit_bundle(
        Bundle.from_records([record, *roster]), as_of=AS_OF, jurisdiction="622900"
    )
    for finding in report.findings:
        print(f"in memory: {finding.rule} {finding.subject}: {finding.message.en}")
    for skipped in report.skipped_rules:
        print(f"  not run: {skipped.rule} ({skipped.why})")


if __name__ == "__main__":
    audit_the_demo_folder()
    audit_records_in_memory()
