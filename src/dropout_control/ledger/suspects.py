"""Suspected dropouts (疑似辍学) and the day each became one.

The audit already finds suspected dropouts: a student transferred out whom no school
took (TR-006), one not back after a suspension (SUS-004), one on an active record missing
from the monthly headcount (REC-001), a school-age child of the roster out of school
(AGE-002). An unexcused absence spell that reaches ``absence.suspected_dropout_school_days``
makes one too. Each must go into the ledger within ``case.register_within_days``
(DO-001); this module says who is a suspect on a date, why, and since when:

- an absence spell (one ``absences`` row): the day its school days reached the threshold
  (school days of :class:`~dropout_control.calendar.SchoolDays`; when the working
  calendar does not hold the year, the spell's last day);
- TR-006 and SUS-004: the day after the allowance ran out, the first day the rule finds
  the child;
- REC-001: the first day of the first headcount month of the run of months, ending with
  the latest, in which the child was missing;
- AGE-002: the first day of the school year.

The suspect rules are run through the rule registry (their checks, not their modules),
and only where they can run: their input kinds read, their parameters in force.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from dropout_control.calendar import SchoolDays, SchoolYear
from dropout_control.calendar.year_month import YearMonth
from dropout_control.errors import WorkingDaysNotCovered
from dropout_control.findings import SourceLocation, Subject
from dropout_control.kinds import Index
from dropout_control.ledger.keys import ABSENCE_SUSPECTED_DROPOUT_SCHOOL_DAYS
from dropout_control.ledger.kinds import ABSENCES_BY_STUDENT
from dropout_control.ledger.queries import absences_of
from dropout_control.reconciliation.model import HeadcountEntry
from dropout_control.reconciliation.queries import headcount_months
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.registry.queries import student_records_numbered, student_records_of
from dropout_control.rules import (
    CONSULTED,
    REGISTRY,
    Observation,
    Rule,
    RuleContext,
    observed,
    observed_subjects,
)
from dropout_control.suspensions.queries import suspensions_of

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle
    from dropout_control.population.model import Child

__all__ = [
    "ABSENCE_SPELL",
    "SUSPECT_RULES",
    "Suspicion",
    "child_suspicions",
    "student_suspicions",
]

ABSENCE_SPELL: Final = "absences"
"""What ``suspected_by`` says for an unexcused absence spell (it is no rule of its own)."""

SUSPECT_RULES: Final = ("TR-006", "SUS-004", "REC-001", "AGE-002")
"""The rules whose findings make a child a suspected dropout."""

_ONE_DAY = dt.timedelta(days=1)


@attrs.frozen
class Suspicion:
    """Why a child is a suspected dropout, and since when.

    ``suspected_by`` is the rule ID that found it (or ``"absences"`` for an absence
    spell); ``since`` the day it became a suspect; ``source`` and ``related`` the rows
    that made it one.
    """

    subject: Subject
    suspected_by: str
    since: dt.date
    source: SourceLocation | None = None
    related: tuple[SourceLocation, ...] = ()


def _ready(rule_id: str, context: RuleContext[Bundle]) -> Rule | None:
    """The suspect rule, if it can run in this audit (its kinds read, its parameters in
    force, its precondition met); looked up once per audit."""

    def compute() -> Rule | None:
        item = REGISTRY[rule_id]
        kinds = context.bundle.kinds
        if not all(kind in kinds for kind in (*item.about, *item.needs)):
            return None
        if item.missing_parameters(context.policy):
            return None
        return item if item.why_not_ready(context) is None else None

    return context.memo(("ledger.suspect_rule_ready", rule_id), compute)


def _observations(rule_id: str, subject: object, context: RuleContext[Bundle]) -> list[Observation]:
    item = _ready(rule_id, context)
    if item is None:
        return []
    # What the audit already found about the subject, else the rule's own check.
    kind = "students" if isinstance(subject, StudentRecord) else "population"
    seen = observed(rule_id, subject, kind, context)
    return list(item.check(subject, context)) if seen is None else seen


# DO-001 reads what these rules observe: an audit keeps their observations for it.
_SUSPECT_RULES: Final = (
    ("TR-006", "students"),
    ("SUS-004", "students"),
    ("REC-001", "students"),
    ("AGE-002", "population"),
)
CONSULTED.update(rule_id for rule_id, _ in _SUSPECT_RULES)


def _candidates(context: RuleContext[Bundle]) -> frozenset[int] | None:
    """The ``id`` of every subject that may be a suspect: one a suspect rule observed in
    this audit, or a student with an absence spell; ``None`` when the audit has not
    kept what the rules observed (every subject is then looked at)."""
    found: set[int] = set()
    for rule_id, kind in _SUSPECT_RULES:
        if _ready(rule_id, context) is None:
            continue
        seen = observed_subjects(rule_id, kind, context)
        if seen is None:
            return None
        found |= seen
    if _absence_threshold(context) is not None:
        bundle = context.bundle
        for number in bundle.index(ABSENCES_BY_STUDENT):
            found.update(id(record) for record in student_records_numbered(bundle, number))
    return frozenset(found)


def _known_candidates(context: RuleContext[Bundle]) -> frozenset[int] | None:
    """:func:`_candidates`, worked out once per audit."""
    return context.memo(("ledger.suspect_candidates",), lambda: _candidates(context))


def may_be_suspect(subject: object, context: RuleContext[Bundle]) -> bool:
    """Whether ``subject`` (a student record or a child of the roster) may be a suspected
    dropout; ``False`` only when the audit knows it is not one."""
    candidates = _known_candidates(context)
    return candidates is None or id(subject) in candidates


def possible_suspects(context: RuleContext[Bundle], kind: str) -> Sequence[object] | None:
    """The subjects of ``kind`` (students or the roster) that may be suspected dropouts,
    in input order; ``None`` when the audit has not kept what the suspect rules observed
    (every subject may then be one)."""
    candidates = _known_candidates(context)
    if candidates is None:
        return None
    return [subject for subject in context.bundle.records(kind) if id(subject) in candidates]


def _sources(seen: Observation) -> tuple[SourceLocation, ...]:
    return tuple(s for s in (seen.source, *seen.related) if s is not None)


def _date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _absence_threshold(context: RuleContext[Bundle]) -> int | None:
    """The suspect threshold in school days, when absences were read and it is in force."""
    policy = context.policy

    def compute() -> int | None:
        if "absences" not in context.bundle.kinds:
            return None
        if not policy.is_in_force(ABSENCE_SUSPECTED_DROPOUT_SCHOOL_DAYS):
            return None
        return policy.value(ABSENCE_SUSPECTED_DROPOUT_SCHOOL_DAYS, int)

    return context.memo(("ledger.absence_threshold",), compute)


def _absence_suspicions(record: StudentRecord, context: RuleContext[Bundle]) -> Iterator[Suspicion]:
    threshold = _absence_threshold(context)
    if threshold is None:
        return
    spells = absences_of(context.bundle, record.key)
    if not spells:
        return
    policy = context.policy
    days = context.memo(("ledger.school_days",), lambda: SchoolDays.of_policy(policy))
    for absence in spells:
        if absence.excused or absence.school_days < threshold or absence.start > context.as_of:
            continue
        try:
            reached = min(days.reached(absence.start, threshold), absence.end)
        except WorkingDaysNotCovered:
            reached = absence.end
        if reached <= context.as_of:
            yield Suspicion(
                record.subject,
                ABSENCE_SPELL,
                reached,
                absence.source,
                (record.source,) if record.source else (),
            )


def _rolls_by_month(
    entries: Sequence[HeadcountEntry],
) -> Mapping[tuple[str, YearMonth], Mapping[str, HeadcountEntry]]:
    rolls: dict[tuple[str, YearMonth], dict[str, HeadcountEntry]] = {}
    for entry in entries:
        roll = rolls.setdefault((entry.school_id, entry.month), {})
        for person in (entry.student_number, entry.resident_id):
            if person is not None:
                roll[person] = entry
    return rolls


ROLLS_BY_MONTH: Final[
    Index[HeadcountEntry, Mapping[tuple[str, YearMonth], Mapping[str, HeadcountEntry]]]
] = Index("headcounts", "rolls_by_school_and_month", _rolls_by_month)
"""Each school's roll of each month, under each number that names its child."""


def _missing_since(record: StudentRecord, context: RuleContext[Bundle]) -> dt.date | None:
    """The first day of the first month of the run of the school's headcount months,
    ending with its latest, in which the child was missing (not present, no excuse, no
    suspension), counting no month that ended before the child entered school."""
    bundle = context.bundle
    rolls = bundle.index(ROLLS_BY_MONTH)
    numbers = (record.key, record.resident_id.reveal() if record.resident_id else None)
    suspensions = suspensions_of(bundle, record.key)
    first: YearMonth | None = None
    for month in sorted(headcount_months(bundle).get(record.school_id, ()), reverse=True):
        if month.last_day < record.entry_date:
            break
        roll = rolls.get((record.school_id, month), {})
        entry = next((roll[n] for n in numbers if n is not None and n in roll), None)
        if entry is not None and (entry.present or entry.excuse is not None):
            break
        if any(s.covers(month.first_day) for s in suspensions):
            break
        first = month
    return None if first is None else first.first_day


# The rules that can find a record's child a suspect, by the record's status: each rule
# looks at records of these statuses only (TR-006 a transfer out, SUS-004 a child not
# back, REC-001 an active record), so the others are not asked. The ledger's
# properties hold this against the rules themselves.
_CONSULTED: Final[Mapping[RecordStatus, tuple[str, ...]]] = {
    RecordStatus.ACTIVE: ("REC-001",),
    RecordStatus.TRANSFERRED_OUT: ("TR-006",),
    RecordStatus.SUSPENDED: ("SUS-004",),
    RecordStatus.DROPPED_OUT: ("SUS-004",),
    RecordStatus.WITHDRAWN: ("SUS-004",),
}


def student_suspicions(record: StudentRecord, context: RuleContext[Bundle]) -> list[Suspicion]:
    """Why a student record's child is a suspected dropout on the audit date, each with
    the day it became one, earliest first (empty when it is not one)."""
    found = list(_absence_suspicions(record, context))
    consulted = _CONSULTED.get(record.status, ())
    for seen in _observations("TR-006", record, context) if "TR-006" in consulted else ():
        left_on, limit = _date(seen.facts.get("left_on")), seen.facts.get("limit")
        if left_on is not None and isinstance(limit, int):
            since = left_on + dt.timedelta(days=limit) + _ONE_DAY
            found.append(Suspicion(record.subject, "TR-006", since, *_split(seen)))
    for seen in _observations("SUS-004", record, context) if "SUS-004" in consulted else ():
        due_by = _date(seen.facts.get("return_due_by"))
        if due_by is not None:
            found.append(Suspicion(record.subject, "SUS-004", due_by + _ONE_DAY, *_split(seen)))
    for seen in _observations("REC-001", record, context) if "REC-001" in consulted else ():
        missing = _missing_since(record, context)
        if missing is not None:
            found.append(Suspicion(record.subject, "REC-001", missing, *_split(seen)))
    return sorted(found, key=lambda s: s.since)


def _split(seen: Observation) -> tuple[SourceLocation | None, tuple[SourceLocation, ...]]:
    return seen.source, seen.related


def child_suspicions(child: Child, context: RuleContext[Bundle]) -> list[Suspicion]:
    """Why a child of the roster is a suspected dropout (AGE-002, out of school), with
    the first day of the school year as the day it became one; empty when it is not
    one or when a record of the child already makes it one (the student's suspicion
    speaks for it)."""
    seen = _observations("AGE-002", child, context)
    if not seen:
        return []
    if any(
        student_suspicions(record, context)
        for record in student_records_of(context.bundle, child.key)
    ):
        return []
    start = SchoolYear.containing(context.as_of, policy=context.policy).start
    return [
        Suspicion(child.subject, "AGE-002", start, *_split(observation)) for observation in seen
    ]


def sources_of(suspicions: Sequence[Suspicion]) -> tuple[SourceLocation, ...]:
    """The rows that made the suspicions, each once, in order."""
    found: dict[SourceLocation, None] = {}
    for suspicion in suspicions:
        for where in (suspicion.source, *suspicion.related):
            if where is not None:
                found.setdefault(where)
    return tuple(found)
