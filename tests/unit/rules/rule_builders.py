"""Builders for the rules' tests: one valid record of each kind, changed by keyword.

Every builder's defaults describe the same boy of Linxia County (622921), born on
1 May 2010, who entered grade 1 of school 2162000001 on 1 September 2016 and is in
grade 3 on the audit date, 20 March 2019. His student number is the G number of his
resident ID number, and a record says where it was read (``students.csv`` line 2 unless
``line`` says otherwise). A test changes only what its case is about; whatever it does
not name stays valid, so a finding can only come from the fact under test.

The resident ID number, the G number and the sex follow the birth date, region and
sequence given, unless the test gives them itself.

This module is a plain module, not a ``conftest.py``, so that tests import it by name
(``tests.unit.rules.rule_builders``) and mypy checks those imports; pytest runs with
``--import-mode=importlib`` and the project root on its ``pythonpath`` (see
``pyproject.toml``), so the name resolves however pytest is started.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

from dropout_control import auditing
from dropout_control.bundle import Bundle
from dropout_control.errors import InvalidResidentId, InvalidStudentNumber
from dropout_control.findings import Finding, ParameterUse, Report, SourceLocation
from dropout_control.identity import ResidentId, Sex, StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.policy import Layer
from dropout_control.population.model import Child, Deferral, EmploymentReport
from dropout_control.registry.model import (
    CancelReason,
    IdType,
    RecordStatus,
    StudentRecord,
    StudyMode,
)

__all__ = [
    "AS_OF",
    "BORN",
    "COUNTY",
    "DERIVED",
    "ENTERED",
    "LINXIA",
    "SCHOOL",
    "audit_bundle",
    "audit_of",
    "child",
    "deferral",
    "employment",
    "facts",
    "malformed_resident_id",
    "malformed_student_number",
    "quoted",
    "resident_id",
    "single",
    "sources",
    "student",
]

AS_OF = dt.date(2019, 3, 20)
"""The default audit date: the day of the Linxia notice 临州办发〔2019〕18号."""
LINXIA = "622900"
"""The default jurisdiction of the audit: Linxia prefecture (national, Gansu, Linxia)."""
COUNTY = "622921"
"""Linxia County, where the default child was born and is registered."""
BORN = dt.date(2010, 5, 1)
SEQUENCE = 3  # odd: a boy
SCHOOL = "2162000001"
ENTERED = dt.date(2016, 9, 1)
CREATED = dt.date(2016, 9, 15)


class _Default(enum.Enum):
    DERIVED = enum.auto()


DERIVED = _Default.DERIVED
"""Marks a keyword whose value follows from the others (the ID number, the G number)."""

Number = ResidentId | MalformedNumber


def resident_id(
    *, birth_date: dt.date = BORN, region: str = COUNTY, sequence: int = SEQUENCE
) -> ResidentId:
    """The resident ID number of a child of ``region`` born on ``birth_date``."""
    return ResidentId.from_parts(region, birth_date, sequence)


def malformed_resident_id(text: str) -> MalformedNumber:
    """``text`` as a reader keeps a resident ID number that is not valid, with its reason."""
    try:
        ResidentId.parse(text)
    except InvalidResidentId as error:
        return MalformedNumber(text, error.stated)
    raise AssertionError(f"the test meant {text!r} to be invalid, but it is a valid number")


def malformed_student_number(text: str) -> MalformedNumber:
    """``text`` as a reader keeps a malformed student number, with its reason."""
    try:
        StudentNumber.parse(text)
    except InvalidStudentNumber as error:
        return MalformedNumber(text, error.stated)
    raise AssertionError(f"the test meant {text!r} to be malformed, but it is well formed")


def _number(given: Number | _Default, *, birth_date: dt.date, region: str, sequence: int) -> Number:
    if given is DERIVED:
        return resident_id(birth_date=birth_date, region=region, sequence=sequence)
    return given


def _sex(given: Sex | _Default, number: Number | None) -> Sex:
    if given is not DERIVED:
        return given
    return number.sex if isinstance(number, ResidentId) else Sex.MALE


def student(
    *,
    line: int = 2,
    birth_date: dt.date = BORN,
    region: str = COUNTY,
    sequence: int = SEQUENCE,
    resident_id: Number | _Default | None = DERIVED,
    student_number: StudentNumber | MalformedNumber | _Default = DERIVED,
    id_type: IdType = IdType.RESIDENT_ID,
    name: str = "马小明",
    sex: Sex | _Default = DERIVED,
    school_id: str = SCHOOL,
    grade: int = 3,
    entry_date: dt.date = ENTERED,
    status: RecordStatus = RecordStatus.ACTIVE,
    record_created_on: dt.date | None = CREATED,
    status_since: dt.date | None = None,
    cancel_reason: CancelReason | None = None,
    study_mode: StudyMode | None = None,
    disability: str | None = None,
) -> StudentRecord:
    """A student's record (学籍), read from ``students.csv`` at ``line``."""
    number: Number | None = (
        _number(resident_id, birth_date=birth_date, region=region, sequence=sequence)
        if resident_id is not None
        else None
    )
    if student_number is DERIVED:
        basis = number if isinstance(number, ResidentId) else None
        student_number = StudentNumber.from_resident_id(
            basis or ResidentId.from_parts(region, birth_date, sequence)
        )
    return StudentRecord(
        student_number=student_number,
        name=name,
        sex=_sex(sex, number),
        birth_date=birth_date,
        school_id=school_id,
        grade=grade,
        entry_date=entry_date,
        status=status,
        resident_id=number,
        id_type=id_type,
        household_region=region,
        record_created_on=record_created_on,
        status_since=status_since,
        cancel_reason=cancel_reason,
        study_mode=study_mode,
        disability=disability,
        source=SourceLocation("students.csv", line),
    )


def child(
    *,
    line: int = 2,
    birth_date: dt.date = BORN,
    region: str = COUNTY,
    sequence: int = SEQUENCE,
    resident_id: Number | _Default = DERIVED,
    name: str = "马小明",
    sex: Sex | _Default | None = DERIVED,
    disability: str | None = None,
    deceased_on: dt.date | None = None,
    emigrated_on: dt.date | None = None,
) -> Child:
    """A child of the population roster (适龄儿童少年名册), from ``population.csv``."""
    number = _number(resident_id, birth_date=birth_date, region=region, sequence=sequence)
    return Child(
        resident_id=number,
        name=name,
        birth_date=birth_date,
        household_region=region,
        sex=None if sex is None else _sex(sex, number),
        disability=disability,
        deceased_on=deceased_on,
        emigrated_on=emigrated_on,
        source=SourceLocation("population.csv", line),
    )


def deferral(
    *,
    line: int = 2,
    birth_date: dt.date = BORN,
    region: str = COUNTY,
    sequence: int = SEQUENCE,
    resident_id: Number | _Default = DERIVED,
    grounds: str = "health",
    approved_by: str = "township_government",
    approved_on: dt.date = dt.date(2016, 8, 1),
    until: dt.date = dt.date(2017, 8, 31),
) -> Deferral:
    """A deferral of entry (缓学), from ``deferrals.csv``.

    By default the child born on 1 May 2010, who would enter in September 2016, is
    deferred for one year on health grounds by the township government.
    """
    return Deferral(
        resident_id=_number(resident_id, birth_date=birth_date, region=region, sequence=sequence),
        grounds=grounds,
        approved_by=approved_by,
        approved_on=approved_on,
        until=until,
        source=SourceLocation("deferrals.csv", line),
    )


def employment(
    *,
    line: int = 2,
    birth_date: dt.date = dt.date(2002, 5, 1),
    region: str = COUNTY,
    sequence: int = SEQUENCE,
    resident_id: Number | _Default = DERIVED,
    employer: str = "临夏县某餐馆",
    reported_on: dt.date = dt.date(2019, 3, 1),
) -> EmploymentReport:
    """A report that a young person is employed, from ``employment.csv``.

    By default the person was born on 1 May 2002 and is sixteen when reported on
    1 March 2019: old enough to work.
    """
    return EmploymentReport(
        resident_id=_number(resident_id, birth_date=birth_date, region=region, sequence=sequence),
        employer=employer,
        reported_on=reported_on,
        source=SourceLocation("employment.csv", line),
    )


def audit_bundle(
    bundle: Bundle,
    *,
    as_of: dt.date = AS_OF,
    jurisdiction: str = LINXIA,
    layers: Iterable[Layer] = (),
) -> Report:
    """The audit of ``bundle`` with the library's full rule catalogue."""
    return auditing.audit_bundle(bundle, as_of=as_of, jurisdiction=jurisdiction, layers=layers)


def audit_of(
    *records: object,
    as_of: dt.date = AS_OF,
    jurisdiction: str = LINXIA,
    layers: Iterable[Layer] = (),
) -> Report:
    """The audit of these records (of any kinds) as an application would run it."""
    return audit_bundle(
        Bundle.from_records(records), as_of=as_of, jurisdiction=jurisdiction, layers=layers
    )


def _ran(report: Report, rule_id: str) -> None:
    """Fail the test when ``rule_id`` did not run: its silence would prove nothing."""
    for skipped in report.skipped_rules:
        if str(skipped.rule) == rule_id:
            raise AssertionError(f"{rule_id} did not run: {skipped.why}")


def sources(report: Report, rule_id: str) -> list[str]:
    """Where each finding of ``rule_id`` points (``file:line``), in report order.

    Fails when the rule did not run, so that an empty list means the rule looked and
    found nothing.
    """
    _ran(report, rule_id)
    return [str(finding.source) for finding in report.select(rule_id)]


def single(report: Report, rule_id: str) -> Finding:
    """The one finding of ``rule_id``; fails the test when there is none or several."""
    _ran(report, rule_id)
    findings = report.select(rule_id)
    if len(findings) != 1:
        raise AssertionError(f"expected one {rule_id} finding, got {len(findings)}: {findings}")
    return findings[0]


def facts(finding: Finding, *keys: str) -> dict[str, object]:
    """The facts of ``finding`` named by ``keys`` (a rule may state more)."""
    return {key: finding.facts[key] for key in keys}


def quoted(finding: Finding, key: str) -> ParameterUse:
    """The policy parameter ``key`` as ``finding`` quotes it."""
    for use in finding.parameters:
        if use.key == key:
            return use
    raise AssertionError(f"{finding.rule} does not quote {key}")
