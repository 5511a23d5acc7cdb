"""Whether a child has completed compulsory education on a date (完成义务教育).

A child has completed when a record graduated in the final grade of compulsory
education, or completed (结业) there unless every certificate closing compulsory
education the child holds fails its rules, or when it holds a graduation or completion
certificate for junior secondary that passes its rules (CERT-001 to CERT-005: see
:func:`~dropout_control.completion.eligibility.certificate_eligibility`). A certificate
that fails its rules never makes a child completed: it is the paper completion the
Linxia notice (临州办发〔2019〕18号 part two, third measure [C]) orders corrected.

Otherwise the child is exempt (deceased, emigrated, left the country for good: read
from the record's status and cancel reason), in school (an open record) or out of
school. Without the ``students`` kind the answer is "not known", never "out of school".

The seam for other sources of exemption: the dropout ledger (a later package) adds the
outcomes of closed cases (assessed unable to learn, deceased, emigrated) with
:func:`register_exemption`; this module reads no ledger itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Final

import attrs

from dropout_control.codes import Code
from dropout_control.completion.eligibility import certificate_eligibility
from dropout_control.completion.model import Certificate, Stage
from dropout_control.completion.queries import certificates_of
from dropout_control.policy import Policy, SchoolStructure
from dropout_control.policy.keys import COMPULSORY_STRUCTURE
from dropout_control.reasons import Stated, reason
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.registry.queries import student_records_numbered, student_records_of

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle

__all__ = [
    "Completion",
    "CompletionStatus",
    "completion_status",
    "finished_records",
    "has_finished",
    "passing_certificates",
    "register_exemption",
]


class CompletionStatus(Code):
    """Where a child stands towards compulsory education on a date."""

    COMPLETED = ("completed", "已完成义务教育")
    IN_SCHOOL = ("in_school", "在校")
    OUT_OF_SCHOOL = ("out_of_school", "未完成且不在校")
    EXEMPT = ("exempt", "免于义务教育（死亡、移居境外等）")
    NOT_KNOWN = ("not_known", "不详（未读入学籍）")


CompletionStatus.words("COMPLETION")

FINISHED_RECORD: Final = reason(
    "COMPLETION.FINISHED_RECORD",
    "学籍在 {grade} 年级{status:STATUS}（学校 {school_id}）",
    "record {status} from grade {grade} (school {school_id})",
)
PASSING_CERTIFICATE: Final = reason(
    "COMPLETION.PASSING_CERTIFICATE",
    "{kind:CERTIFICATE}证书 {certificate_no}（{issued_on}）符合发证规定",
    "{kind} certificate {certificate_no} ({issued_on}) passes its rules",
)
FAILING_CERTIFICATE: Final = reason(
    "COMPLETION.FAILING_CERTIFICATE",
    "{kind:CERTIFICATE}证书 {certificate_no}（{issued_on}）不符合发证规定，不计为完成：{reasons}",
    "{kind} certificate {certificate_no} ({issued_on}) fails its rules and does not count: "
    "{reasons}",
)
EXEMPT_RECORD: Final = reason(
    "COMPLETION.EXEMPT_RECORD",
    "学籍{status:STATUS}（{cancel_reason:CANCEL}）",
    "record {status} ({cancel_reason:CANCEL})",
)
OPEN_RECORD: Final = reason(
    "COMPLETION.OPEN_RECORD",
    "学籍在 {grade} 年级{status:STATUS}（学校 {school_id}）",
    "record {status} in grade {grade} (school {school_id})",
)
NO_OPEN_RECORD: Final = reason(
    "COMPLETION.NO_OPEN_RECORD",
    "无在籍学籍，无毕业或结业学籍，无符合规定的证书",
    "no open record, no graduated or completed record, no certificate that passes its rules",
)
STUDENTS_NOT_READ: Final = reason(
    "COMPLETION.STUDENTS_NOT_READ", "未读入学籍（students）", "no students input was read"
)

Exemption = Callable[["Bundle", tuple[StudentRecord, ...], dt.date], Iterable[Stated]]
"""A source of exemption: the bundle, the child's records and the date, giving the
reasons that exempt the child (none when it does not)."""

_EXEMPTIONS: list[Exemption] = []


def register_exemption(source: Exemption) -> Exemption:
    """Add a source of exemption (the ledger's closed cases); returns it, so that it
    can decorate the function."""
    _EXEMPTIONS.append(source)
    return source


@attrs.frozen
class Completion:
    """A child's completion status on a date, with the evidence for it (reasons with
    their facts, rendered in both languages)."""

    status: CompletionStatus
    on: dt.date
    evidence: tuple[Stated, ...] = ()
    certificates: tuple[Certificate, ...] = attrs.field(default=(), repr=False)

    @property
    def is_completed(self) -> bool:
        """Whether the child has completed compulsory education."""
        return self.status is CompletionStatus.COMPLETED


def _records(bundle: Bundle, person: str) -> tuple[StudentRecord, ...]:
    found = {id(r): r for r in (*student_records_of(bundle, person),)}
    for record in student_records_numbered(bundle, person):
        found.setdefault(id(record), record)
    for record in list(found.values()):
        number = record.valid_resident_id
        if number is not None:
            for other in student_records_of(bundle, number.reveal()):
                found.setdefault(id(other), other)
    return tuple(found.values())


def _numbers(person: str, records: Iterable[StudentRecord]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((person, *(record.key for record in records))))


def _closes_compulsory(certificate: Certificate, stage: Stage) -> bool:
    return certificate.kind.counts_as_completion and stage is Stage.JUNIOR_SECONDARY


def passing_certificates(
    bundle: Bundle,
    numbers: Iterable[str],
    *,
    on: dt.date,
    policy: Policy,
    as_of: dt.date | None = None,
) -> tuple[tuple[Certificate, ...], tuple[Stated, ...]]:
    """The certificates issued on or before ``on`` to any of ``numbers`` (student
    numbers as written) that close compulsory education (graduation or completion, for
    junior secondary) and pass their rules; and, as evidence, why the others of those
    kinds do not count."""
    passing: list[Certificate] = []
    failing: list[Stated] = []
    for number in numbers:
        for certificate in certificates_of(bundle, number):
            if certificate.issued_on > on or not certificate.kind.counts_as_completion:
                continue
            answer = certificate_eligibility(
                certificate, bundle, policy=policy, as_of=on if as_of is None else as_of
            )
            if not _closes_compulsory(certificate, answer.stage):
                continue
            if answer.eligible:
                passing.append(certificate)
            else:
                failing.append(
                    FAILING_CERTIFICATE.given(
                        kind=certificate.kind,
                        certificate_no=certificate.certificate_no,
                        issued_on=certificate.issued_on,
                        reasons=[item.reason for item in answer.reasons],
                    )
                )
    return tuple(passing), tuple(failing)


def finished_records(
    records: Iterable[StudentRecord], *, on: dt.date, policy: Policy, paper: bool = False
) -> tuple[StudentRecord, ...]:
    """The records that show compulsory education finished by ``on``: graduated or
    completed (结业) in the final grade. With ``paper`` (the child holds certificates
    closing compulsory education and every one fails its rules), a completed record
    does not count: it stands on the irregular certificate (paper completion)."""
    final = policy.value(COMPULSORY_STRUCTURE, SchoolStructure).final_grade
    return tuple(
        r
        for r in records
        if r.status.has_finished
        and r.grade == final
        and (r.status_since is None or r.status_since <= on)
        and not (paper and r.status is RecordStatus.COMPLETED)
    )


def has_finished(
    bundle: Bundle,
    records: Iterable[StudentRecord],
    numbers: Iterable[str],
    *,
    on: dt.date,
    policy: Policy,
) -> bool:
    """Whether the child of ``records`` (and of the student ``numbers`` its certificates
    may name) has finished by the reading AGE-002 and whereabouts share: a graduated
    or completed record (one of an earlier stage included, as before certificates were
    read), or a certificate closing compulsory education that passes its rules; a
    completed (结业) record in the final grade whose every certificate fails its rules
    is paper completion and does not count."""
    held = tuple(records)
    if not any(r.status.has_finished for r in held) and "certificates" not in bundle.kinds:
        return False
    if "certificates" not in bundle.kinds:
        return True
    passing, failing = passing_certificates(bundle, numbers, on=on, policy=policy)
    if passing:
        return True
    final = policy.value(COMPULSORY_STRUCTURE, SchoolStructure).final_grade
    paper = bool(failing)
    return any(
        r.status.has_finished
        and not (paper and r.status is RecordStatus.COMPLETED and r.grade == final)
        for r in held
    )


def _exempt(bundle: Bundle, records: tuple[StudentRecord, ...], on: dt.date) -> Iterator[Stated]:
    for record in records:
        since = record.status_since
        if since is not None and since > on:
            continue
        if record.status is RecordStatus.DECEASED or record.is_lawfully_cancelled:
            yield EXEMPT_RECORD.given(status=record.status, cancel_reason=record.cancel_reason)
    for source in _EXEMPTIONS:
        yield from source(bundle, records, on)


def completion_status(bundle: Bundle, person: str, *, on: dt.date, policy: Policy) -> Completion:
    """The completion status on ``on`` of the child named by ``person`` (a resident ID
    number or a student number, as written), under ``policy``.

    In order: completed (a record graduated or completed in the final grade on or
    before ``on``, or a certificate closing compulsory education that passes its
    rules), exempt, in school (an open record), out of school; "not known" when the
    bundle holds no ``students`` kind.
    """
    if "students" not in bundle.kinds:
        return Completion(CompletionStatus.NOT_KNOWN, on, (STUDENTS_NOT_READ.given(),))
    records = _records(bundle, person)
    passing, failing = passing_certificates(bundle, _numbers(person, records), on=on, policy=policy)
    finished = finished_records(records, on=on, policy=policy, paper=bool(failing and not passing))
    if finished or passing:
        evidence = [
            FINISHED_RECORD.given(grade=r.grade, status=r.status, school_id=r.school_id)
            for r in finished
        ]
        evidence.extend(
            PASSING_CERTIFICATE.given(
                kind=c.kind, certificate_no=c.certificate_no, issued_on=c.issued_on
            )
            for c in passing
        )
        return Completion(CompletionStatus.COMPLETED, on, (*evidence, *failing), passing)
    exempt = tuple(_exempt(bundle, records, on))
    if exempt:
        return Completion(CompletionStatus.EXEMPT, on, (*exempt, *failing))
    open_records = [r for r in records if r.is_open]
    if open_records:
        said = tuple(
            OPEN_RECORD.given(grade=r.grade, status=r.status, school_id=r.school_id)
            for r in open_records
        )
        return Completion(CompletionStatus.IN_SCHOOL, on, (*said, *failing))
    return Completion(CompletionStatus.OUT_OF_SCHOOL, on, (NO_OPEN_RECORD.given(), *failing))
