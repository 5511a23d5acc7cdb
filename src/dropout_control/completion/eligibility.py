"""Who may get which certificate (发证资格): a pure function with every reason.

For a student number, a certificate kind and an issue date, :func:`eligibility` says
whether the certificate may be issued and, when not, why, each reason tied to the rule
it breaks, the parameters it reads (value and source) and its citations. The rules
CERT-001 to CERT-003 and CERT-005 are built on it, so that the function and the audit
never disagree; applications import it to show a clerk the reasons before a
certificate is printed.

What is checked, on the policy in force on the issue date:

- the student is on a record at the end of the school year of the issue date, active
  then (a record graduated after the end of the year was active at its end), not
  dropped out, withdrawn or transferred out, and in the final grade of the stage
  (``compulsory.structure``): CERT-001 for a graduation or leaving certificate, CERT-002
  for a completion certificate;
- for a completion certificate, the years on the roll with approved suspensions taken
  out (``certificate.completion_min_years_on_roll``, CERT-002) and the age at issue
  (``certificate.completion_min_age``, CERT-003);
- the issue date is on or after ``certificate.issue_from`` of the school year (CERT-003);
- when the issuing school is given, it holds the student's record (CERT-005).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

import attrs

from dropout_control.calendar import age_on
from dropout_control.calendar.month_day import MonthDay
from dropout_control.calendar.school_year import SchoolYear
from dropout_control.completion.keys import (
    CERTIFICATE_COMPLETION_MIN_AGE,
    CERTIFICATE_COMPLETION_MIN_YEARS_ON_ROLL,
    CERTIFICATE_ISSUE_FROM,
)
from dropout_control.completion.model import Certificate, CertificateKind, Stage
from dropout_control.completion.standing import (
    YearEndStanding,
    final_grade,
    stage_ended,
    standing_at_year_end,
    years_on_roll,
)
from dropout_control.findings import Citation, ParameterUse, Subject
from dropout_control.identity import mask_number
from dropout_control.policy import Mark, Policy
from dropout_control.policy.keys import COMPULSORY_STRUCTURE
from dropout_control.reasons import Message, Stated, reason
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.registry.queries import student_records_numbered, student_records_of
from dropout_control.rules import parameter_use
from dropout_control.suspensions.queries import suspensions_of

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle

__all__ = ["Eligibility", "Ineligibility", "certificate_eligibility", "eligibility"]

REGISTRATION_RULES = Citation("中小学生学籍管理办法", "教基一〔2013〕7号", Mark.SECONDARY)
LINXIA_NOTICE = Citation("临州办发〔2019〕18号", "part two (certificates)", Mark.CONFIRMED)
SHAANXI_2014 = Citation(
    "陕西省义务教育阶段学生学籍管理办法", "2014", Mark.SECONDARY, "reconcile with the registry"
)
LAW_2 = Citation("义务教育法", "art 2", Mark.CONFIRMED)

NO_RECORD: Final = reason(
    "CERT.NO_RECORD", "学籍号在学籍中无记录", "no record holds this student number"
)
LEFT: Final = reason(
    "CERT.LEFT",
    "{school_year} 学年末学籍为{status:STATUS}（自 {since} 起）",
    "at the end of {school_year} the record was {status} (since {since})",
)
NOT_ACTIVE: Final = reason(
    "CERT.NOT_ACTIVE",
    "{school_year} 学年末学籍不在读（{status:STATUS}）",
    "at the end of {school_year} the record was not active ({status})",
)
NOT_FINAL_GRADE: Final = reason(
    "CERT.NOT_FINAL_GRADE",
    "{school_year} 学年在 {grade} 年级，"
    "{stage:STAGE}毕业年级为 {final_grade} 年级（{structure} 学制）",
    "in grade {grade} in {school_year}; the final grade of {stage:STAGE} is {final_grade} "
    "({structure})",
)
FEW_YEARS: Final = reason(
    "CERT.FEW_YEARS",
    "在籍 {years} 年（休学除外），少于 {min_years} 年",
    "{years} years on the roll (suspensions excluded), fewer than {min_years}",
)
TOO_YOUNG: Final = reason(
    "CERT.TOO_YOUNG",
    "发证时 {age} 周岁，不满 {min_age} 周岁",
    "aged {age} at issue, under {min_age}",
)
TOO_EARLY: Final = reason(
    "CERT.TOO_EARLY",
    "{issued_on} 发证，早于 {school_year} 学年的发证日 {issue_from}",
    "issued on {issued_on}, before {issue_from}, the issue date of {school_year}",
)
OTHER_SCHOOL: Final = reason(
    "CERT.OTHER_SCHOOL",
    "发证学校 {school_id} 不持有该生学籍（学籍在 {record_schools}）",
    "the issuing school {school_id} does not hold the record (held at {record_schools})",
)
ELIGIBLE: Final = reason("CERT.ELIGIBLE", "符合发证条件", "eligible")


@attrs.frozen
class Ineligibility:
    """One reason a certificate may not be issued: the rule it breaks, the reason with
    its facts, the parameters it read (value, date, jurisdiction, source, mark) and the
    citations behind it."""

    rule: str
    reason: Stated
    parameters: tuple[ParameterUse, ...] = ()
    citations: tuple[Citation, ...] = ()

    @property
    def code(self) -> str:
        """The reason's code."""
        return self.reason.code

    @property
    def message(self) -> Message:
        """The reason in Chinese and English."""
        return self.reason.message


@attrs.frozen
class Eligibility:
    """The answer for one student, one certificate kind and one issue date: eligible
    when no reason stands against it. ``student`` is masked when shown."""

    student: Subject
    kind: CertificateKind
    stage: Stage
    on: dt.date
    school_year: SchoolYear
    reasons: tuple[Ineligibility, ...]
    record: StudentRecord | None = attrs.field(default=None, repr=False)

    @property
    def eligible(self) -> bool:
        """Whether the certificate may be issued."""
        return not self.reasons

    def __bool__(self) -> bool:
        return self.eligible

    @property
    def rules(self) -> frozenset[str]:
        """The IDs of the rules the certificate would break."""
        return frozenset(item.rule for item in self.reasons)

    def reasons_for(self, rule_id: str) -> tuple[Ineligibility, ...]:
        """The reasons that stand against it under one rule."""
        return tuple(item for item in self.reasons if item.rule == rule_id)

    @property
    def message(self) -> Message:
        """The answer in both languages: ``eligible``, or every reason."""
        if self.eligible:
            return ELIGIBLE.render()
        return Message(
            "；".join(item.message.zh for item in self.reasons),
            "; ".join(item.message.en for item in self.reasons),
        )


def _record_of(bundle: Bundle, student_number: str, school_id: str | None) -> StudentRecord | None:
    records = student_records_numbered(bundle, student_number)
    if not records:
        return None
    if school_id is not None:
        for record in records:
            if record.school_id == school_id:
                return record
    return records[0]


def _entry_date(bundle: Bundle, record: StudentRecord) -> dt.date:
    entries = [record.entry_date]
    number = record.valid_resident_id
    if number is not None:
        entries.extend(other.entry_date for other in student_records_of(bundle, number.reveal()))
    return min(entries)


def _standing_reasons(
    standing: YearEndStanding, stage: Stage, rule_id: str, *, policy: Policy
) -> Iterable[Ineligibility]:
    year = standing.school_year
    cited = (REGISTRATION_RULES, LINXIA_NOTICE) if rule_id == "CERT-002" else (REGISTRATION_RULES,)
    if standing.status in (
        RecordStatus.DROPPED_OUT,
        RecordStatus.WITHDRAWN,
        RecordStatus.TRANSFERRED_OUT,
    ):
        yield Ineligibility(
            rule_id,
            LEFT.given(school_year=str(year), status=standing.status, since=standing.since),
            citations=cited,
        )
    elif not standing.is_active:
        yield Ineligibility(
            rule_id,
            NOT_ACTIVE.given(school_year=str(year), status=standing.status),
            citations=cited,
        )
    last = final_grade(stage, policy=policy)
    if standing.grade != last:
        yield Ineligibility(
            rule_id,
            NOT_FINAL_GRADE.given(
                school_year=str(year),
                grade=standing.grade,
                stage=stage,
                final_grade=last,
                structure=str(policy.value(COMPULSORY_STRUCTURE)),
            ),
            parameters=(parameter_use(policy, COMPULSORY_STRUCTURE),),
            citations=cited,
        )


def eligibility(
    bundle: Bundle,
    student_number: str,
    kind: CertificateKind,
    *,
    on: dt.date,
    policy: Policy,
    stage: Stage | None = None,
    school_id: str | None = None,
    as_of: dt.date | None = None,
) -> Eligibility:
    """Whether the student of ``student_number`` (as written) may get a certificate of
    ``kind`` issued on ``on``, under ``policy`` (the policy in force on ``on``).

    ``stage`` is the stage the certificate closes; by default the stage whose final
    grade the record holds in the school year of ``on``, else junior secondary (a
    completion certificate always closes junior secondary: it is the end of compulsory
    education). ``school_id`` is the issuing school, checked against the record's
    school when given. ``as_of`` is the date the records describe (the audit date;
    ``on`` by default): a record's grade is read as of then.

    >>> import datetime as dt
    >>> from dropout_control.bundle import Bundle
    >>> from dropout_control.policy import resolve_policy
    >>> day = dt.date(2018, 6, 25)
    >>> answer = eligibility(
    ...     Bundle(students=()), "G622921200305010031", CertificateKind.COMPLETION,
    ...     on=day, policy=resolve_policy(on=day),
    ... )
    >>> answer.eligible, [item.code for item in answer.reasons]
    (False, ['CERT.NO_RECORD'])
    """
    seen = on if as_of is None else as_of
    year = SchoolYear.containing(on, policy=policy)
    record = _record_of(bundle, student_number, school_id)
    subject = Subject.personal(student_number, shown=mask_number(student_number))
    status_rule = "CERT-002" if kind is CertificateKind.COMPLETION else "CERT-001"
    reasons: list[Ineligibility] = []
    standing = None
    if record is None:
        chosen = stage or Stage.JUNIOR_SECONDARY
        cited = (REGISTRATION_RULES,)
        reasons.append(Ineligibility(status_rule, NO_RECORD.given(), citations=cited))
        if school_id is not None:
            reasons.append(
                Ineligibility(
                    "CERT-005",
                    OTHER_SCHOOL.given(school_id=school_id, record_schools=[]),
                    citations=(SHAANXI_2014,),
                )
            )
    else:
        standing = standing_at_year_end(record, year, as_of=seen, policy=policy)
        if kind is CertificateKind.COMPLETION:
            chosen = Stage.JUNIOR_SECONDARY
        else:
            chosen = stage or stage_ended(standing.grade, policy=policy) or Stage.JUNIOR_SECONDARY
        reasons.extend(_standing_reasons(standing, chosen, status_rule, policy=policy))
        if kind is CertificateKind.COMPLETION:
            reasons.extend(_completion_reasons(bundle, record, standing, on=on, policy=policy))
        if school_id is not None and school_id != record.school_id:
            reasons.append(
                Ineligibility(
                    "CERT-005",
                    OTHER_SCHOOL.given(school_id=school_id, record_schools=[record.school_id]),
                    citations=(SHAANXI_2014,),
                )
            )
    issue_from = policy.value(CERTIFICATE_ISSUE_FROM, MonthDay).in_year(year.end.year)
    if on < issue_from:
        reasons.append(
            Ineligibility(
                "CERT-003",
                TOO_EARLY.given(issued_on=on, issue_from=issue_from, school_year=str(year)),
                parameters=(parameter_use(policy, CERTIFICATE_ISSUE_FROM),),
                citations=(REGISTRATION_RULES,),
            )
        )
    return Eligibility(
        student=subject,
        kind=kind,
        stage=chosen,
        on=on,
        school_year=year,
        reasons=tuple(sorted(reasons, key=lambda item: item.rule)),
        record=record,
    )


def _completion_reasons(
    bundle: Bundle,
    record: StudentRecord,
    standing: YearEndStanding,
    *,
    on: dt.date,
    policy: Policy,
) -> Iterable[Ineligibility]:
    min_years = policy.value(CERTIFICATE_COMPLETION_MIN_YEARS_ON_ROLL, int)
    entry = _entry_date(bundle, record)
    suspended = suspensions_of(bundle, record.key)
    years = years_on_roll(standing, entry, suspended, policy=policy)
    if years < min_years:
        yield Ineligibility(
            "CERT-002",
            FEW_YEARS.given(years=years, min_years=min_years),
            parameters=(parameter_use(policy, CERTIFICATE_COMPLETION_MIN_YEARS_ON_ROLL),),
            citations=(LAW_2, LINXIA_NOTICE),
        )
    min_age = policy.value(CERTIFICATE_COMPLETION_MIN_AGE, int)
    age = age_on(record.birth_date, on) if on >= record.birth_date else 0
    if age < min_age:
        yield Ineligibility(
            "CERT-003",
            TOO_YOUNG.given(age=age, min_age=min_age),
            parameters=(parameter_use(policy, CERTIFICATE_COMPLETION_MIN_AGE),),
            citations=(LINXIA_NOTICE,),
        )


def certificate_eligibility(
    certificate: Certificate, bundle: Bundle, *, policy: Policy, as_of: dt.date | None = None
) -> Eligibility:
    """The eligibility of an issued certificate: its holder, kind, stage, issue date and
    issuing school, judged under ``policy`` (in force on the issue date)."""
    return eligibility(
        bundle,
        certificate.student_key,
        certificate.kind,
        on=certificate.issued_on,
        policy=policy,
        stage=certificate.stage,
        school_id=certificate.school_id,
        as_of=as_of,
    )
