"""Rules about suspensions of study and returns (SUS-001 to SUS-005).

Basis: 义务教育法 art 11 [C]: a school-age child's study may be suspended (休学) only for
health, on the parents' application, with the approval of the township government or
the county education bureau. Provincial registration rules [S]: a suspension lasts at
most a school year and may be extended once; none starts in the final term of the
graduating grade. 临州办发〔2019〕18号 part two, third measure [C]: suspensions follow the
procedure strictly and every child's whereabouts are verified (核实学生去向，做到不漏一人);
义务教育法 art 13 [C]: the county education bureau and the township government prevent
dropping out, so a student who does not come back is followed up.
"""

from __future__ import annotations

from collections.abc import Iterator

from dropout_control.bundle import Bundle
from dropout_control.calendar import SchoolYear, Term
from dropout_control.findings import Citation, Severity
from dropout_control.policy import Mark, SchoolStructure
from dropout_control.policy.keys import (
    COMPULSORY_STRUCTURE,
    SCHOOL_YEAR_SPRING_TERM_START,
    SCHOOL_YEAR_START,
)
from dropout_control.population.queries import child_of
from dropout_control.reasons import Stated, reason
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.registry.queries import student_records_numbered, student_records_of
from dropout_control.rules import Observation, RuleContext, rule
from dropout_control.suspensions.keys import (
    SUSPENSION_ALLOWED_GROUNDS,
    SUSPENSION_APPROVERS,
    SUSPENSION_MAX_DAYS,
    SUSPENSION_MAX_EXTENSIONS,
    SUSPENSION_RETURN_GRACE_DAYS,
)
from dropout_control.suspensions.model import Suspension
from dropout_control.suspensions.queries import suspensions_of
from dropout_control.suspensions.state import (
    SuspensionState,
    latest_suspension,
    return_due_by,
    state_on,
)

__all__: list[str] = []

LAW_11 = Citation("义务教育法", "art 11", Mark.CONFIRMED)
LAW_13 = Citation("义务教育法", "art 13", Mark.CONFIRMED)
PROVINCIAL_RULES = Citation(
    "provincial registration rules", "Liaoning 2017, Shandong 2016/2018", Mark.SECONDARY
)
LINXIA_NOTICE = Citation("临州办发〔2019〕18号", "part two, third measure", Mark.CONFIRMED)


def _current_year(context: RuleContext[Bundle]) -> SchoolYear:
    return context.memo(
        "school_year", lambda: SchoolYear.containing(context.as_of, policy=context.policy)
    )


def _structure(context: RuleContext[Bundle]) -> SchoolStructure:
    return context.memo(
        COMPULSORY_STRUCTURE,
        lambda: context.policy.value(COMPULSORY_STRUCTURE, SchoolStructure),
    )


# SUS-001 -------------------------------------------------------------------------------


@rule(
    "SUS-001",
    severity=Severity.ERROR,
    about="suspensions",
    title=("休学原因不合法", "suspension on grounds not allowed"),
    message=(
        "休学原因“{grounds:GROUND}”不是允许的休学原因（{allowed_grounds:GROUND}）",
        "suspended on the grounds {grounds}, which are not among the allowed grounds "
        "({allowed_grounds})",
    ),
    parameters=[SUSPENSION_ALLOWED_GROUNDS],
    citations=[LAW_11],
)
def grounds_allowed(suspension: Suspension, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """A suspension is on allowed grounds (休学原因).

    The grounds are compared, as written, with the codes of
    ``suspension.allowed_grounds`` (``health`` nationally; a layer may add
    ``abroad_temporary``). A registry's Chinese wording must be turned into the code
    before the audit, or it is reported. Basis: 义务教育法 art 11 [C]: suspension for
    health (因身体状况) only.
    """
    allowed = context.policy.value(SUSPENSION_ALLOWED_GROUNDS, tuple)
    if suspension.grounds in allowed:
        return
    yield Observation(
        subject=suspension.subject,
        source=suspension.source,
        facts={
            "grounds": suspension.grounds,
            "allowed_grounds": list(allowed),
        },
    )


# SUS-002 -------------------------------------------------------------------------------


@rule(
    "SUS-002",
    severity=Severity.ERROR,
    about="suspensions",
    title=("休学批准机关无权批准", "suspension not approved by an allowed approver"),
    message=(
        "休学由{approved_by:BODY}批准，该机关无权批准休学（有权批准：{approvers:BODY}）",
        "the suspension was approved by {approved_by}, which may not approve one "
        "(allowed: {approvers})",
    ),
    parameters=[SUSPENSION_APPROVERS],
    citations=[LAW_11],
)
def approved_by_allowed_approver(
    suspension: Suspension, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A suspension is approved by a body allowed to approve it (休学审批).

    The approver is compared, as written, with the codes of ``suspension.approvers``
    (the township government and the county education bureau nationally): a school's
    own approval is not enough. Basis: 义务教育法 art 11 [C]: approved by the township
    people's government or the county-level education department.
    """
    approvers = context.policy.value(SUSPENSION_APPROVERS, tuple)
    if suspension.approved_by in approvers:
        return
    yield Observation(
        subject=suspension.subject,
        source=suspension.source,
        facts={
            "approved_by": suspension.approved_by,
            "approvers": list(approvers),
        },
    )


# SUS-003 -------------------------------------------------------------------------------


TOO_MANY_EXTENSIONS = reason(
    "SUS.TOO_MANY_EXTENSIONS",
    "延期 {extensions} 次，超过允许的 {max_extensions} 次",
    "extended {extensions} times, more than the {max_extensions} allowed",
)
TOO_LONG = reason(
    "SUS.TOO_LONG",
    "共 {days} 天，超过允许的 {limit} 天",
    "{days} days, more than the {limit} allowed",
)


@rule(
    "SUS-003",
    severity=Severity.WARNING,
    about="suspensions",
    title=("休学超期或延期次数过多", "suspension too long or extended too often"),
    message=(
        "休学 {start} 至 {end} 超期或延期次数过多：{problems}",
        "the suspension from {start} to {end} is too long or extended too often: {problems}",
    ),
    parameters=[SUSPENSION_MAX_DAYS, SUSPENSION_MAX_EXTENSIONS],
    citations=[PROVINCIAL_RULES],
)
def within_length_and_extensions(
    suspension: Suspension, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A suspension is no longer than allowed and extended no more often than allowed
    (休学期限).

    Two limits, one finding naming each one broken: a suspension is extended at most
    ``suspension.max_extensions`` times, and it lasts, counting both the start and the
    end day, at most ``suspension.max_days`` times one plus the extensions allowed and
    used (the smaller of the extensions recorded and ``suspension.max_extensions``).
    With the national 365 days and one extension, that is 365 days unextended and 730
    days extended once or more.

    The limit is counted in days, so a suspension of a whole school year that holds
    29 February (366 days) is reported. Basis: provincial registration rules [S]: at
    most one school year, extended at most once.
    """
    policy = context.policy
    max_days = policy.value(SUSPENSION_MAX_DAYS, int)
    max_extensions = policy.value(SUSPENSION_MAX_EXTENSIONS, int)
    extensions = suspension.extensions
    limit = max_days * (1 + min(extensions, max_extensions))
    days = suspension.days
    problems: list[Stated] = []
    if extensions > max_extensions:
        problems.append(
            TOO_MANY_EXTENSIONS.given(extensions=extensions, max_extensions=max_extensions)
        )
    if days > limit:
        problems.append(TOO_LONG.given(days=days, limit=limit))
    if not problems:
        return
    yield Observation(
        subject=suspension.subject,
        source=suspension.source,
        facts={
            "start": suspension.start,
            "end": suspension.end,
            "days": days,
            "limit": limit,
            "extensions": extensions,
            "max_days": max_days,
            "max_extensions": max_extensions,
            "problems": problems,
        },
    )


# SUS-004 -------------------------------------------------------------------------------

_NOT_BACK = frozenset({RecordStatus.SUSPENDED, RecordStatus.DROPPED_OUT, RecordStatus.WITHDRAWN})
"""Statuses of a record whose student has not come back: still suspended, or dropped out
or withdrawn (the record holds the place but nobody fills it)."""

_ACCOUNTED = frozenset(
    {RecordStatus.ACTIVE, RecordStatus.GRADUATED, RecordStatus.COMPLETED, RecordStatus.DECEASED}
)


def _is_accounted_for(record: StudentRecord) -> bool:
    """Whether a record shows where its child is: in school, finished, dead, or lawfully
    cancelled (death, emigration, leaving the country)."""
    return record.status in _ACCOUNTED or record.is_lawfully_cancelled


def _elsewhere(record: StudentRecord, context: RuleContext[Bundle]) -> bool:
    """Whether another record of the same person, or the population roster, accounts for
    the child on the audit date."""
    bundle = context.bundle
    others = list(student_records_numbered(bundle, record.key))
    if record.resident_id is not None:
        resident = record.resident_id.reveal()
        others.extend(student_records_of(bundle, resident))
        child = child_of(bundle, resident)
        if child is not None and child.has_left_on(context.as_of):
            return True
    return any(other is not record and _is_accounted_for(other) for other in others)


@rule(
    "SUS-004",
    severity=Severity.ERROR,
    about="students",
    needs=["suspensions"],
    title=("休学期满未复学（疑似辍学）", "not returned after a suspension"),
    message=(
        "{start} 至 {end} 休学，应于 {due_back_on} 复学，宽限 {grace_days} 天至 "
        "{return_due_by}，至今逾期 {days_late} 天未复学，学籍状态为{status:STATUS}：疑似辍学"
        "（学籍学校 {school_id}，所在县 {county}）",
        "suspended from {start} to {end}, due back on {due_back_on} and on time up to "
        "{return_due_by} ({grace_days} grace days), not returned {days_late} days after "
        "the due day, record {status}: a suspected dropout (疑似辍学); school "
        "{school_id}, county {county}",
    ),
    parameters=[SUSPENSION_RETURN_GRACE_DAYS],
    citations=[LINXIA_NOTICE, LAW_13],
)
def returned_after_suspension(
    record: StudentRecord, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """A suspended student comes back when the suspension ends (休学期满复学).

    A record is reported when its status says the student is not back (suspended, dropped
    out, or withdrawn), the latest suspension of its student number (of those started on or
    before the audit date, the one that started last) stands not returned
    (``SuspensionState.NOT_RETURNED``) on the audit date (more than
    ``suspension.return_grace_days`` days have passed since the day after its end, and no
    return is recorded on or before the audit date), and nothing else accounts for the
    child: no other record of the same person (same student number or resident ID number) is
    active, finished (graduated, completed), deceased or lawfully cancelled, and the
    population roster does not show the child dead or emigrated by the audit date. The child
    is then a suspected dropout (疑似辍学).

    Not reported: an active record (the school says the student is back; the monthly
    headcount, REC-001, checks that the child is there); a record transferred out
    (TR-006), graduated, completed, deceased or cancelled (REG-002 judges a
    cancellation); a record with no suspension of its student number; an earlier
    suspension when a later one has started since (a suspension that starts after the
    audit date, like a return recorded after it, is not yet known on it). The
    finding names the school responsible (the record's school) and its county (the
    record's household region, else the ID number's region code). Basis:
    临州办发〔2019〕18号 part two, third measure [C]; 义务教育法 art 13 [C]; the grace days
    are the library's default [U].
    """
    if record.status not in _NOT_BACK:
        return
    as_of = context.as_of
    started = (s for s in suspensions_of(context.bundle, record.key) if s.start <= as_of)
    latest = latest_suspension(started)
    if latest is None:
        return
    if state_on(latest, as_of, policy=context.policy) is not SuspensionState.NOT_RETURNED:
        return
    if _elsewhere(record, context):
        return
    yield Observation(
        subject=record.subject,
        source=record.source,
        related=(latest.source,) if latest.source is not None else (),
        facts={
            "suspension_id": latest.suspension_id,
            "start": latest.start,
            "end": latest.end,
            "due_back_on": latest.due_back_on,
            "return_due_by": return_due_by(latest, policy=context.policy),
            "grace_days": context.policy.value(SUSPENSION_RETURN_GRACE_DAYS, int),
            "days_late": (as_of - latest.due_back_on).days,
            "status": record.status.value,
            "school_id": record.school_id,
            "county": record.county,
        },
    )


# SUS-005 -------------------------------------------------------------------------------


def _record_of(records: tuple[StudentRecord, ...]) -> StudentRecord:
    """The record whose grade counts: the first open one, else the first one."""
    return next((r for r in records if r.is_open), records[0])


def _grade_year(record: StudentRecord, context: RuleContext[Bundle]) -> SchoolYear:
    """The school year whose grade the record shows.

    An active record moves up a grade each year, so its grade is that of the audit
    date's school year. Any other record stopped moving up when its status changed: its
    grade is that of the school year of ``status_since``, when given.
    """
    if record.status is RecordStatus.ACTIVE or record.status_since is None:
        return _current_year(context)
    return SchoolYear.containing(record.status_since, policy=context.policy)


@rule(
    "SUS-005",
    severity=Severity.WARNING,
    about="suspensions",
    needs=["students"],
    title=("毕业年级最后一学期休学", "suspension in the final term of a graduating grade"),
    message=(
        "{start} 起休学，正值{stage:STAGE}毕业年级（{grade} 年级，学制 {structure}）"
        "{school_year} 学年最后一学期（{final_term_start} 起）",
        "the suspension starts on {start}, in the final term (from {final_term_start}) "
        "of {school_year} of a graduating grade (grade {grade}, the last of the "
        "{stage:STAGE} stage under {structure})",
    ),
    parameters=[COMPULSORY_STRUCTURE, SCHOOL_YEAR_START, SCHOOL_YEAR_SPRING_TERM_START],
    citations=[PROVINCIAL_RULES],
)
def not_in_graduating_final_term(
    suspension: Suspension, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """No suspension starts in the final term of a graduating grade (毕业年级最后一学期不休学).

    The grade is the student's record's (found by student number; of several, the first
    open one, else the first). It is graduating when it is the last grade of a stage
    under ``compulsory.structure`` (6 or 9 under 6+3, 5 or 9 under 5+4). The suspension
    is reported when it starts in the spring term (from ``school_year.spring_term_start``)
    of the school year that grade belongs to: the audit date's school year for an
    active record, else the school year of the record's ``status_since`` when given (a
    suspended, finished or closed record no longer moves up). A suspension that starts
    in another school year is not judged, since the input does not say the grade the
    student was in then; nor is one whose student number has no record. The term
    dates are the policy's, not the school's calendar (the spring start is marked U).
    Basis: provincial registration rules [S].
    """
    records = student_records_numbered(context.bundle, suspension.student_key)
    if not records:
        return
    record = _record_of(records)
    structure = _structure(context)
    stage = structure.stage_ended_by(record.grade)
    if stage is None:
        return
    day = suspension.start
    year = _grade_year(record, context)
    if not year.contains(day) or year.term_of(day) is not Term.SPRING:
        return
    yield Observation(
        subject=suspension.subject,
        source=suspension.source,
        related=(record.source,) if record.source is not None else (),
        facts={
            "start": day,
            "grade": record.grade,
            "stage": stage,
            "structure": str(structure),
            "school_year": str(year),
            "final_term_start": year.final_term_start,
            "school_id": record.school_id,
        },
    )
