"""Identity rules (ID-001 to ID-007): are the numbers on a record genuine and consistent?

They check students (学籍) and children of the population roster alike, one record at a
time, except ID-006, which looks up every record of the same resident ID number.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dropout_control.age_corrections.queries import explains_birth_date, explains_number
from dropout_control.bundle import Bundle
from dropout_control.findings import Citation, Severity
from dropout_control.identity import (
    ResidentId,
    StudentNumber,
    StudentNumberKind,
    is_known_region,
)
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.policy import Mark
from dropout_control.population import Child
from dropout_control.registry.kinds import STUDENTS, STUDENTS_BY_RESIDENT_ID
from dropout_control.registry.model import IdType, StudentRecord
from dropout_control.registry.queries import student_records_of
from dropout_control.rules import Observation, RuleContext, among_kind, rule

__all__: list[str] = []

GB_11643 = Citation("GB 11643-1999", "", Mark.CONFIRMED, "citizen identification number")
GB_T_2260 = Citation("GB/T 2260", "", Mark.CONFIRMED, "administrative division codes")
REGISTRY_FAQ = Citation("MOE student registration FAQ", "2016", Mark.SECONDARY)
ONE_RECORD = Citation(
    "中小学生学籍管理办法",
    "教基一〔2013〕7号 (one person, one record)",
    Mark.SECONDARY,
)
Person = StudentRecord | Child


def _checks_resident_id(person: Person) -> bool:
    """A student's resident_id is a resident ID number only when its type says so."""
    return not isinstance(person, StudentRecord) or person.id_type is IdType.RESIDENT_ID


@rule(
    "ID-001",
    severity=Severity.ERROR,
    about=("students", "population"),
    title=("身份证件号无效", "resident ID number is not valid"),
    message=(
        "身份证件号不符合 GB 11643：{reason}",
        "the resident ID number does not conform to GB 11643: {reason}",
    ),
    citations=[GB_11643],
)
def resident_id_is_valid(person: Person, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """The resident ID number is a valid GB 11643 number (身份证件号有效).

    Eighteen characters: seventeen digits and a digit or X, a birth-date part that is a
    real date, and the right ISO 7064 MOD 11-2 check character. Basis: GB 11643-1999
    [C]. A student whose document is not a resident ID (passport, other) is not checked.
    """
    if isinstance(person.resident_id, MalformedNumber) and _checks_resident_id(person):
        yield Observation(
            subject=person.subject,
            source=person.source,
            facts={
                "resident_id": str(person.resident_id),
                "reason": person.resident_id.reason,
            },
        )


@rule(
    "ID-002",
    severity=Severity.ERROR,
    about=("students", "population"),
    title=("出生日期与身份证件号不符", "birth date differs from the resident ID number"),
    message=(
        "记录的出生日期 {recorded_birth_date} 与身份证件号中的 {id_birth_date} 不一致"
        "（相差 {days_apart} 天）",
        "recorded birth date {recorded_birth_date} differs from {id_birth_date} "
        "in the resident ID number ({days_apart} days apart)",
    ),
    citations=[GB_11643],
)
def birth_date_matches_id(person: Person, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """The recorded birth date is the one inside the resident ID number (出生日期一致).

    Basis: GB 11643-1999 [C], characters 7 to 14 are the birth date. A mismatch is the
    trace of a wrong registration or an age correction not carried into the record; when
    an approved correction explains it (the record kept the old date or the old number),
    the finding is AC-004 instead.
    """
    number = person.valid_resident_id
    if (
        number is not None
        and number.birth_date != person.birth_date
        and not explains_birth_date(
            context.bundle, number.reveal(), person.birth_date, context.as_of
        )
    ):
        yield Observation(
            subject=person.subject,
            source=person.source,
            facts={
                "recorded_birth_date": person.birth_date,
                "id_birth_date": number.birth_date,
                "days_apart": abs((person.birth_date - number.birth_date).days),
            },
        )


@rule(
    "ID-003",
    severity=Severity.WARNING,
    about=("students", "population"),
    title=("性别与身份证件号不符", "sex differs from the resident ID number"),
    message=(
        "记录的性别{recorded_sex:SEX}与身份证件号第 17 位所示性别{id_sex:SEX}不一致",
        "recorded sex {recorded_sex} differs from {id_sex} shown by the 17th character",
    ),
    citations=[GB_11643],
)
def sex_matches_id(person: Person, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """The recorded sex agrees with the sex digit of the resident ID number (性别一致).

    Basis: GB 11643-1999 [C]: the 17th character is odd for men, even for women.
    """
    number = person.valid_resident_id
    if number is not None and person.sex is not None and number.sex is not person.sex:
        yield Observation(
            subject=person.subject,
            source=person.source,
            facts={
                "recorded_sex": person.sex.value,
                "id_sex": number.sex.value,
            },
        )


@rule(
    "ID-004",
    severity=Severity.ERROR,
    about="students",
    title=("学籍号格式错误", "student number is malformed"),
    message=(
        "学籍号不是 G、L 或 J 开头的合法编号：{reason}",
        "not a G, L or J number: {reason}",
    ),
    citations=[REGISTRY_FAQ],
)
def student_number_is_well_formed(
    record: StudentRecord, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """The student number is a G, L or J number (学籍号格式).

    A prefix letter, seventeen digits and a digit or X. Basis: the Ministry of
    Education's 2016 registration FAQ [S].
    """
    if isinstance(record.student_number, MalformedNumber):
        yield Observation(
            subject=record.subject,
            source=record.source,
            facts={
                "reason": record.student_number.reason,
            },
        )


@rule(
    "ID-005",
    severity=Severity.WARNING,
    about="students",
    title=("G 字头学籍号与身份证件号不符", "G student number differs from the resident ID"),
    message=(
        "G 字头学籍号应为 G 加身份证件号 {resident_id}，且未见经批准的户籍年龄纠正",
        "a G number should be G plus the resident ID number {resident_id}, and no approved "
        "household age correction explains the difference",
    ),
    citations=[REGISTRY_FAQ],
)
def g_number_matches_id(
    record: StudentRecord, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A G student number is "G" plus the student's resident ID number (学籍号与身份证件号一致).

    Basis: the Ministry of Education's 2016 registration FAQ [S]. A household age
    correction changes the ID number but not the student number (it is for life); an
    approved correction from the number inside the G number to the recorded one
    explains the difference.
    """
    number = record.student_number
    resident_id = record.valid_resident_id
    if (
        isinstance(number, StudentNumber)
        and number.kind is StudentNumberKind.G
        and resident_id is not None
        and not number.matches(resident_id)
        and not _explained_by_correction(number, resident_id, context)
    ):
        yield Observation(
            subject=record.subject,
            source=record.source,
            facts={"resident_id": str(resident_id), "student_number": str(number)},
        )


def _explained_by_correction(
    number: StudentNumber, resident_id: ResidentId, context: RuleContext[Bundle]
) -> bool:
    """Whether an approved age correction leads from the G number's ID to this one."""
    embedded = number.embedded_resident_id()
    return embedded is not None and explains_number(
        context.bundle, embedded.reveal(), resident_id.reveal(), context.as_of
    )


def _shared_numbers(context: RuleContext[Bundle]) -> Sequence[object]:
    """The student records whose resident ID number (as written) is on more than one
    record, in input order: the only records ID-006 can report."""
    bundle = context.bundle
    by_number = bundle.index(STUDENTS_BY_RESIDENT_ID)
    shared = {key for key, records in by_number.items() if len(records) > 1}
    return [
        record
        for record in bundle.records(STUDENTS)
        if record.resident_id is not None and record.resident_id.reveal() in shared
    ]


@rule(
    "ID-006",
    severity=Severity.ERROR,
    about="students",
    title=("一人多籍", "one person holds several open records"),
    message=(
        "同一身份证件号在 {count} 条在籍记录中出现：{student_numbers}",
        "one resident ID number is on {count} open records: {student_numbers}",
    ),
    citations=[ONE_RECORD],
    among=among_kind(STUDENTS.name, _shared_numbers),
)
def one_person_one_record(
    record: StudentRecord, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """One resident ID number holds at most one open record (一人一籍).

    Open means active or suspended. The finding is reported once per person, on the
    first of the records (by file and line), and names every other one. Basis:
    教基一〔2013〕7号 [S].
    """
    if not record.is_open or record.valid_resident_id is None or record.resident_id is None:
        return
    holders = [
        other
        for other in student_records_of(context.bundle, record.resident_id.reveal())
        if other.is_open
    ]
    if len(holders) < 2:  # noqa: PLR2004 - "more than one" is the rule itself
        return
    ordered = sorted(holders, key=_position)
    if ordered[0] is not record:
        return
    yield Observation(
        subject=record.subject,
        source=record.source,
        related=tuple(other.source for other in ordered[1:] if other.source is not None),
        facts={
            "count": len(ordered),
            "student_numbers": [str(other.student_number) for other in ordered],
            "schools": [other.school_id for other in ordered],
        },
    )


def _position(record: StudentRecord) -> tuple[str, int]:
    if record.source is None:
        return ("", 0)
    return (record.source.file, record.source.line)


@rule(
    "ID-007",
    severity=Severity.INFO,
    about=("students", "population"),
    title=("身份证件号地址码未知", "unknown region code in the resident ID number"),
    message=(
        "身份证件号的地址码 {region_code} 不在 GB/T 2260 代码表中（旧代码仍然有效）",
        "region code {region_code} of the resident ID number is not a known GB/T 2260 code "
        "(old codes stay valid)",
    ),
    citations=[GB_T_2260],
)
def region_code_is_known(person: Person, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """The region part of the resident ID number is a GB/T 2260 code (地址码).

    Basis: GB/T 2260 [C]. Codes of abolished divisions stay valid in old numbers and are
    known here; an unknown code is shown as a hint, not an error.
    """
    number = person.valid_resident_id
    if number is not None and not is_known_region(number.region_code):
        yield Observation(
            subject=person.subject,
            source=person.source,
            facts={"region_code": number.region_code},
        )
