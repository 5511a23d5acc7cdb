"""Rules about household-registration age corrections (AC-001 to AC-008).

The approval is judged under the policy in force on the approval date (AC-001, AC-006,
AC-007): a correction approved in 2014 answers to the rules of 2014. The effects on
school age and employment age (AC-003) and the record that must follow (AC-004) are
judged on the audit date. A correction whose numbers belong to no student or child of
the input is still audited on what it holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Final

from dropout_control.age_corrections.derivation import new_resident_id, prevailing_evidence
from dropout_control.age_corrections.keys import (
    AGE_CORRECTION_APPROVER,
    AGE_CORRECTION_BIRTH_CERTIFICATE_REQUIRED_FROM,
    AGE_CORRECTION_MAX_PER_PERSON,
    AGE_CORRECTION_PREVAILING_EVIDENCE,
)
from dropout_control.age_corrections.kinds import CORRECTIONS_BY_NEW_ID, CORRECTIONS_BY_OLD_ID
from dropout_control.age_corrections.model import AgeCorrection, EvidenceKind
from dropout_control.age_corrections.queries import (
    approved_corrections,
    corrections_from,
    corrections_of,
    corrections_to,
    evidence_of,
    numbers_of_person,
)
from dropout_control.age_corrections.standing import correction_effect
from dropout_control.bundle import Bundle
from dropout_control.calendar.lunar import same_day_lunar_and_gregorian
from dropout_control.findings import Citation, Severity
from dropout_control.identity import ResidentId
from dropout_control.policy import Mark, Policy, resolve_policy
from dropout_control.policy.keys import ENROLMENT_AGE, ENROLMENT_CUTOFF, SCHOOL_AGE_UPPER
from dropout_control.population.keys import EMPLOYMENT_MIN_AGE
from dropout_control.reasons import Stated, reason
from dropout_control.registry.kinds import STUDENTS
from dropout_control.registry.model import StudentRecord
from dropout_control.registry.queries import student_records_of
from dropout_control.rules import Observation, RuleContext, among_kind, rule

__all__: list[str] = []

GB_11643 = Citation("GB 11643-1999", "", Mark.CONFIRMED, "citizen identification number")
ID_CARD_LAW_11 = Citation("居民身份证法", "art 11", Mark.CONFIRMED)
HOUSEHOLD_PROCEDURES = Citation(
    "provincial household-registration procedures", "Hunan and others", Mark.SECONDARY
)
GANSU_BIRTH_CERTIFICATES = Citation("甘肃省出生医学证明管理规定（试行）", "", Mark.SECONDARY)
LINXIA_NOTICE = Citation("临州办发〔2019〕18号", "part two, first measure", Mark.CONFIRMED)
STATE_COUNCIL_72 = Citation("国办发〔2017〕72号", "", Mark.CONFIRMED)
LUNAR_CALENDAR = Citation("农历 (the Chinese lunar calendar)", "", Mark.CONFIRMED)

NO_BODY: Final = reason("AC.NO_APPROVER", "未记录批准机关", "no approving body recorded")
OTHER_BODY: Final = reason(
    "AC.OTHER_APPROVER",
    "由{approved_by:BODY}批准，应由{approver:BODY}批准",
    "approved by {approved_by}, not by {approver}",
)
LEAVES_SCHOOL_AGE: Final = reason(
    "AC.LEAVES_SCHOOL_AGE",
    "移出学龄段（纠正前 {age_before} 周岁，纠正后 {age_after} 周岁）",
    "moved out of the school-age window (aged {age_before} before, {age_after} after)",
)
CROSSES_EMPLOYMENT_AGE: Final = reason(
    "AC.CROSSES_EMPLOYMENT_AGE",
    "跨过 {min_age} 周岁的最低就业年龄（纠正前 {age_before} 周岁，纠正后 {age_after} 周岁）",
    "moved across the employment age of {min_age} (aged {age_before} before, {age_after} after)",
)
REGION_CHANGED: Final = reason(
    "AC.REGION_CHANGED", "地址码由 {old} 变为 {new}", "region code changed from {old} to {new}"
)
SEQUENCE_CHANGED: Final = reason(
    "AC.SEQUENCE_CHANGED", "顺序码由 {old} 变为 {new}", "sequence changed from {old} to {new}"
)
BIRTH_PART_WRONG: Final = reason(
    "AC.BIRTH_PART_WRONG",
    "新号码中的出生日期不是纠正后的出生日期",
    "the birth-date part is not the new birth date",
)
NUMBER_INVALID: Final = reason(
    "AC.NUMBER_INVALID", "{which}身份证件号无效：{why}", "the {which} number is not valid: {why}"
)
OLD_ID_KEPT: Final = reason(
    "AC.OLD_ID_KEPT", "学籍仍为纠正前的身份证件号", "the record still has the old ID number"
)
OLD_BIRTH_DATE_KEPT: Final = reason(
    "AC.OLD_BIRTH_DATE_KEPT", "学籍仍为纠正前的出生日期", "the record still has the old birth date"
)


def _policy_on(context: RuleContext[Bundle], day: dt.date | None) -> Policy:
    """The policy in force on ``day`` (the approval date) for the audit's jurisdiction,
    the audit's own when the correction has no approval date; one per date per audit.

    Limitation: an application's own layers are not carried to the approval date (the
    context holds the resolved policy, not its layers); the library's layers are.
    """
    if day is None or day == context.as_of:
        return context.policy
    jurisdiction = context.policy.jurisdiction
    return context.memo(
        ("age_corrections.policy_on", jurisdiction, day),
        lambda: resolve_policy(jurisdiction, on=day),
    )


@rule(
    "AC-001",
    severity=Severity.ERROR,
    about="age_corrections",
    title=("缺少出生医学证明", "no birth medical certificate"),
    message=(
        "出生日期在 {required_from} 之后的儿童纠正年龄须有出生医学证明，证明材料中没有"
        "（依 {policy_on} 施行的规定）",
        "a child born on or after {required_from} needs a birth medical certificate for a "
        "correction, and none is among the evidence (rules in force on {policy_on})",
    ),
    parameters=[AGE_CORRECTION_BIRTH_CERTIFICATE_REQUIRED_FROM],
    citations=[GANSU_BIRTH_CERTIFICATES, HOUSEHOLD_PROCEDURES],
    needs=["evidence"],
)
def birth_certificate_is_shown(
    correction: AgeCorrection, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A correction of a child born since the birth-certificate date shows the birth
    medical certificate (出生医学证明).

    Applies when the old or the new birth date falls on or after
    ``age_correction.birth_certificate_required_from`` in the policy in force on the
    approval date. Basis: Gansu's birth-certificate rules [S], used as the national
    default. Without a value in force on that date the rule says nothing.
    """
    policy = _policy_on(context, correction.approved_on)
    if not policy.is_in_force(AGE_CORRECTION_BIRTH_CERTIFICATE_REQUIRED_FROM):
        return
    required_from = policy.value(AGE_CORRECTION_BIRTH_CERTIFICATE_REQUIRED_FROM, dt.date)
    if max(correction.old_birth_date, correction.new_birth_date) < required_from:
        return
    shown = evidence_of(context.bundle, correction.correction_id)
    if any(item.kind is EvidenceKind.BIRTH_CERTIFICATE for item in shown):
        return
    yield Observation(
        subject=correction.subject,
        source=correction.source,
        related=tuple(item.source for item in shown if item.source is not None),
        facts={
            "correction_id": correction.correction_id,
            "required_from": required_from,
            "policy_on": policy.on,
            "old_birth_date": correction.old_birth_date,
            "new_birth_date": correction.new_birth_date,
            "days_apart": _days_apart(correction.old_birth_date, correction.new_birth_date),
        },
    )


def _days_apart(first: dt.date, second: dt.date) -> int:
    """How many days lie between two birth dates: with the dates masked, the number a
    reader still sees."""
    return abs((second - first).days)


@rule(
    "AC-002",
    severity=Severity.ERROR,
    about="age_corrections",
    title=("新出生日期与主要证明材料不符", "new birth date disagrees with the prevailing evidence"),
    message=(
        "纠正后的出生日期 {new_birth_date} 与{evidence_kind:DOCUMENT}所载 "
        "{evidence_birth_date} 不一致",
        "new birth date {new_birth_date} disagrees with {evidence_birth_date} "
        "shown by the {evidence_kind:DOCUMENT}",
    ),
    parameters=[AGE_CORRECTION_PREVAILING_EVIDENCE],
    citations=[HOUSEHOLD_PROCEDURES],
    needs=["evidence"],
)
def new_date_follows_evidence(
    correction: AgeCorrection, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """The new birth date is the one the prevailing evidence shows (以主要证明材料为准).

    The prevailing document is the first of ``age_correction.prevailing_evidence``
    among those shown (a lunar date converted to its Gregorian day). When no document of
    those kinds is shown, the rule says nothing: AC-001 speaks of a missing birth
    certificate. Basis: provincial household-registration procedures [S].
    """
    shown = evidence_of(context.bundle, correction.correction_id)
    settling = prevailing_evidence(shown, policy=context.policy)
    if settling is None or settling.day == correction.new_birth_date:
        return
    yield Observation(
        subject=correction.subject,
        source=correction.source,
        related=() if settling.source is None else (settling.source,),
        facts={
            "correction_id": correction.correction_id,
            "new_birth_date": correction.new_birth_date,
            "evidence_kind": settling.kind.value,
            "evidence_birth_date": settling.day,
            "days_apart": _days_apart(settling.day, correction.new_birth_date),
            "calendar": settling.calendar.value,
        },
    )


def _has_completed(numbers: tuple[str, ...], bundle: Bundle) -> bool:
    return any(
        record.status.has_finished
        for number in numbers
        for record in student_records_of(bundle, number)
    )


@rule(
    "AC-003",
    severity=Severity.WARNING,
    about="age_corrections",
    title=(
        "纠正使未完成义务教育的儿童移出学龄段或跨过就业年龄",
        "correction moves a child who has not completed out of school age or into work",
    ),
    message=(
        "户籍年龄纠正使尚未完成义务教育的儿童{effects}",
        "the correction of a child who has not completed compulsory education: {effects}",
    ),
    parameters=[ENROLMENT_AGE, ENROLMENT_CUTOFF, SCHOOL_AGE_UPPER, EMPLOYMENT_MIN_AGE],
    citations=[LINXIA_NOTICE, STATE_COUNCIL_72],
)
def correction_keeps_child_in_view(
    correction: AgeCorrection, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A correction does not take a child who has not completed compulsory education out
    of the school-age window, or over the employment age (户籍年龄纠正与控辍保学).

    Judged on the audit date, for corrections approved by then. "Has not completed"
    reads the records of every number of the person: a graduated or completed record
    excuses (the completion rules refine this later). A child with no record at all has
    not completed. Basis: 临州办发〔2019〕18号 part two [C] names age correction among
    the tasks of dropout control; 国办发〔2017〕72号 [C].
    """
    if not correction.is_approved_by(context.as_of):
        return
    effect = correction_effect(
        correction.old_birth_date, correction.new_birth_date, context.as_of, policy=context.policy
    )
    effects: list[Stated] = []
    ages = {"age_before": effect.before.age, "age_after": effect.after.age}
    if effect.leaves_school_age:
        effects.append(LEAVES_SCHOOL_AGE.given(**ages))
    if effect.crosses_employment_age:
        effects.append(
            CROSSES_EMPLOYMENT_AGE.given(**ages, min_age=effect.after.employment_min_age)
        )
    if not effects:
        return
    numbers = numbers_of_person(context.bundle, correction.old_key)
    if _has_completed(numbers, context.bundle):
        return
    yield Observation(
        subject=correction.subject,
        source=correction.source,
        facts={"correction_id": correction.correction_id, "effects": effects, **ages},
    )


def _records_of_corrected(context: RuleContext[Bundle]) -> Sequence[object]:
    """The student records whose resident ID number is the old or the new number of a
    correction, in input order: the only records AC-004 can report."""
    bundle = context.bundle
    old, new = bundle.index(CORRECTIONS_BY_OLD_ID), bundle.index(CORRECTIONS_BY_NEW_ID)
    return [
        record
        for record in bundle.records(STUDENTS)
        if (number := record.valid_resident_id) is not None
        and ((key := number.reveal()) in old or key in new)
    ]


@rule(
    "AC-004",
    severity=Severity.ERROR,
    about="students",
    title=("学籍未随户籍年龄纠正更新", "record did not follow an age correction"),
    message=(
        "户籍年龄纠正 {correction_id} 已于 {approved_on} 批准，但{kept}（人籍不一致）",
        "age correction {correction_id} was approved on {approved_on}, but {kept} "
        "(record and person disagree)",
    ),
    citations=[ID_CARD_LAW_11, GB_11643],
    needs=["age_corrections"],
    among=among_kind(STUDENTS.name, _records_of_corrected),
)
def record_follows_correction(
    record: StudentRecord, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """After an approved correction, the student's record carries the new resident ID
    number and the new birth date (人籍一致).

    Open records only (active or suspended): a record closed before the correction had
    nothing to follow. Basis: 居民身份证法 art 11 [C]: the number is reissued when the
    particulars change; GB 11643-1999 [C].
    """
    number = record.valid_resident_id
    if number is None or not record.is_open:
        return
    key = number.reveal()
    for correction in approved_corrections(corrections_from(context.bundle, key), context.as_of):
        yield _kept(record, correction, [OLD_ID_KEPT.given()])
        return
    for correction in approved_corrections(corrections_to(context.bundle, key), context.as_of):
        if record.birth_date == correction.old_birth_date:
            yield _kept(record, correction, [OLD_BIRTH_DATE_KEPT.given()])
            return


def _kept(record: StudentRecord, correction: AgeCorrection, kept: list[Stated]) -> Observation:
    return Observation(
        subject=record.subject,
        source=record.source,
        related=() if correction.source is None else (correction.source,),
        facts={
            "correction_id": correction.correction_id,
            "approved_on": correction.approved_on,
            "kept": kept,
        },
    )


def _why_not_derived(correction: AgeCorrection) -> list[Stated]:
    old, new = correction.old_resident_id, correction.new_resident_id
    problems: list[Stated] = []
    if not isinstance(old, ResidentId):
        problems.append(NUMBER_INVALID.given(which="old", why=old.reason))
    if not isinstance(new, ResidentId):
        problems.append(NUMBER_INVALID.given(which="new", why=new.reason))
    if not isinstance(old, ResidentId) or not isinstance(new, ResidentId):
        return problems
    if new == new_resident_id(old, correction.new_birth_date):
        return []
    if new.region_code != old.region_code:
        problems.append(REGION_CHANGED.given(old=old.region_code, new=new.region_code))
    if new.sequence != old.sequence:
        problems.append(SEQUENCE_CHANGED.given(old=old.sequence, new=new.sequence))
    if new.birth_date != correction.new_birth_date:
        problems.append(BIRTH_PART_WRONG.given())
    return problems


EXPECTED = reason(
    "AC.EXPECTED_NUMBER",
    "；应为 {expected_new_id}",
    "; it should be {expected_new_id}",
)


@rule(
    "AC-005",
    severity=Severity.ERROR,
    about="age_corrections",
    title=("新身份证件号不是由原号码推得", "new ID number does not follow from the old one"),
    message=(
        "新身份证件号应保留原地址码和顺序码、换上新出生日期并重算校验码：{problems}{expected}",
        "the new number must keep the old region and sequence, carry the new birth date "
        "and a recomputed check character: {problems}{expected}",
    ),
    citations=[GB_11643],
)
def new_number_follows(
    correction: AgeCorrection, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """The new resident ID number follows from the old one (新号码由原号码推得).

    Region code and sequence kept, the birth-date part replaced by the new birth date,
    the check character recomputed (GB 11643-1999 [C]). A region that changes with a
    move is a change of household registration, not an age correction; here it is
    reported, with the number that follows (``expected_new_id``, the one ``check-correction``
    prints). An invalid old or new number is reported too.
    """
    problems = _why_not_derived(correction)
    if not problems:
        return
    old = correction.old_resident_id
    expected = (
        new_resident_id(old, correction.new_birth_date) if isinstance(old, ResidentId) else None
    )
    yield Observation(
        subject=correction.subject,
        source=correction.source,
        facts={
            "correction_id": correction.correction_id,
            "problems": problems,
            # An invalid old number (a problem of its own) gives no number to expect.
            "expected": "" if expected is None else EXPECTED.given(expected_new_id=expected),
            "expected_new_id": expected,
        },
    )


@rule(
    "AC-006",
    severity=Severity.ERROR,
    about="age_corrections",
    title=("批准机关不符", "not approved by the required body"),
    message=("户籍年龄纠正{problem}", "the age correction: {problem}"),
    parameters=[AGE_CORRECTION_APPROVER],
    citations=[HOUSEHOLD_PROCEDURES],
)
def approved_by_required_body(
    correction: AgeCorrection, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A correction is approved by the body the policy names (批准机关).

    ``age_correction.approver`` in force on the approval date (the city-level public
    security bureau nationally, S). A correction with no approving body recorded is
    reported. Without a value in force on that date the rule says nothing.
    """
    policy = _policy_on(context, correction.approved_on)
    if not policy.is_in_force(AGE_CORRECTION_APPROVER):
        return
    approver = policy.value(AGE_CORRECTION_APPROVER, str)
    if correction.approved_by == approver:
        return
    problem = (
        NO_BODY.given()
        if correction.approved_by is None
        else OTHER_BODY.given(approved_by=correction.approved_by, approver=approver)
    )
    yield Observation(
        subject=correction.subject,
        source=correction.source,
        facts={
            "correction_id": correction.correction_id,
            "approved_by": correction.approved_by,
            "approver": approver,
            "policy_on": policy.on,
            "problem": problem,
        },
    )


def _order(correction: AgeCorrection) -> tuple[dt.date, str, int]:
    source = correction.source
    return (
        correction.approved_on or dt.date.max,
        "" if source is None else source.file,
        0 if source is None else source.line,
    )


@rule(
    "AC-007",
    severity=Severity.WARNING,
    about="age_corrections",
    title=("同一人多次纠正年龄", "more age corrections for one person than allowed"),
    message=(
        "同一人已有 {count} 次户籍年龄纠正，超过 {max_per_person} 次：{correction_ids}",
        "one person has {count} age corrections, more than {max_per_person}: {correction_ids}",
    ),
    parameters=[AGE_CORRECTION_MAX_PER_PERSON],
    citations=[HOUSEHOLD_PROCEDURES],
)
def few_corrections_per_person(
    correction: AgeCorrection, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """One person's birth date is corrected at most ``age_correction.max_per_person``
    times (in force on the approval date of each correction).

    The person is every number that corrections link (old to new, in chains). Each
    correction beyond the allowed number, by approval date, is reported, naming the
    others. Basis: library default [U]; repeated corrections are what the notice's
    checks look for.
    """
    policy = _policy_on(context, correction.approved_on)
    if not policy.is_in_force(AGE_CORRECTION_MAX_PER_PERSON):
        return
    allowed = policy.value(AGE_CORRECTION_MAX_PER_PERSON, int)
    ordered = sorted(corrections_of(context.bundle, correction.old_key), key=_order)
    if len(ordered) <= allowed or ordered.index(correction) < allowed:
        return
    yield Observation(
        subject=correction.subject,
        source=correction.source,
        related=tuple(c.source for c in ordered if c is not correction and c.source is not None),
        facts={
            "count": len(ordered),
            "max_per_person": allowed,
            "correction_ids": [c.correction_id for c in ordered],
        },
    )


@rule(
    "AC-008",
    severity=Severity.INFO,
    about="age_corrections",
    title=("农历生日按公历登记", "a lunar birthday registered as a Gregorian date"),
    message=(
        "原出生日期与新出生日期是同一天，一为农历、一为公历：多为把农历生日当作公历登记",
        "the old and new birth dates are one day, one read in the lunar and one in the "
        "Gregorian calendar: most likely a lunar birthday registered as a Gregorian date",
    ),
    citations=[LUNAR_CALENDAR],
)
def lunar_birthday_hint(
    correction: AgeCorrection, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """The old and new birth dates are one day in the two calendars (农历公历之误).

    The commonest innocent cause of a correction. Dates outside the lunar library's
    years (1900 to 2100) give no hint.
    """
    if same_day_lunar_and_gregorian(correction.old_birth_date, correction.new_birth_date):
        yield Observation(
            subject=correction.subject,
            source=correction.source,
            facts={
                "correction_id": correction.correction_id,
                "old_birth_date": correction.old_birth_date,
                "new_birth_date": correction.new_birth_date,
                "days_apart": _days_apart(correction.old_birth_date, correction.new_birth_date),
            },
        )
