"""Where is this child? Everything the bundle knows, and one word for it (去向).

The notice asks that every child's whereabouts be verified so that no one is missed
(核实学生去向，做到不漏一人; 临州办发〔2019〕18号 part two, third measure [C]). This module
collects, for one child and one date, the records, the latest headcounts, transfers,
suspensions and deferrals, and says in one word where the child is.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

import attrs

from dropout_control.age_corrections.queries import numbers_of_person
from dropout_control.bundle import Bundle
from dropout_control.calendar import is_school_age
from dropout_control.calendar.span import date_argument
from dropout_control.codes import Code
from dropout_control.completion.status import Completion, completion_status, has_finished
from dropout_control.findings import SourceLocation
from dropout_control.identity import ResidentId, StudentNumber, mask_number
from dropout_control.identity.student_number import compact as compact_number
from dropout_control.policy import NATIONAL, Layer, Policy, resolve_policy
from dropout_control.policy.keys import DISABILITY_AGE_EXTENSION_YEARS, ENROLMENT_DEFERRAL_GROUNDS
from dropout_control.population.kinds import (
    CHILDREN_BY_RESIDENT_ID,
    DEFERRALS_BY_RESIDENT_ID,
    POPULATION,
)
from dropout_control.population.model import Child, Deferral
from dropout_control.reasons import Message, Stated
from dropout_control.reconciliation.model import HeadcountEntry
from dropout_control.reconciliation.queries import (
    latest_headcount_month,
    latest_headcounts,
    present_at_latest_headcounts,
)
from dropout_control.registry.kinds import STUDENTS, STUDENTS_BY_NUMBER, STUDENTS_BY_RESIDENT_ID
from dropout_control.registry.model import RecordStatus, StudentRecord, StudyMode
from dropout_control.suspensions.keys import SUSPENSION_APPROVERS
from dropout_control.suspensions.kinds import SUSPENSIONS_BY_STUDENT
from dropout_control.suspensions.model import Suspension
from dropout_control.transfers.keys import TRANSFER_UNPLACED_AFTER_DAYS
from dropout_control.transfers.kinds import TRANSFERS_BY_STUDENT
from dropout_control.transfers.model import Transfer
from dropout_control.transfers.queries import taken_outside, transferred_out_on

__all__ = [
    "Evidence",
    "Place",
    "Whereabouts",
    "WhereaboutsStatus",
    "whereabouts",
    "whereabouts_of_all",
    "whereabouts_tally",
]


class WhereaboutsStatus(Code):
    """Where a child is, in one word (去向)."""

    IN_SCHOOL = ("in_school", "在校")
    SUSPENDED = ("suspended", "休学")
    IN_TRANSFER = ("in_transfer", "转学中")
    HOME_TAUGHT = ("home_taught", "送教上门")
    DEFERRED = ("deferred", "缓学")
    TRANSFERRED_AWAY = ("transferred_away", "已转至外地学校")
    FINISHED = ("finished", "已完成义务教育")
    LEFT = ("left", "死亡或移居境外")
    WHEREABOUTS_UNKNOWN = ("whereabouts_unknown", "去向不明")
    OUT_OF_SCHOOL = ("out_of_school", "失学辍学")
    NOT_OF_SCHOOL_AGE = ("not_of_school_age", "非适龄")
    NOT_FOUND = ("not_found", "数据中无此人")


@attrs.frozen
class Evidence:
    """One fact behind a child's whereabouts, with the row it comes from.

    ``reason`` is the fact as a reason code with its facts (``EVIDENCE.RECORD`` …);
    ``message`` its text in both languages, ``what`` the English.
    """

    reason: Stated
    source: SourceLocation | None = None

    @property
    def message(self) -> Message:
        """The fact in Chinese and English."""
        return self.reason.message

    @property
    def what(self) -> str:
        """The fact in English."""
        return self.reason.message.en

    def __str__(self) -> str:
        where = f" ({self.source})" if self.source else ""
        return f"{self.what}{where}"


@attrs.frozen(repr=False)
class Whereabouts:
    """A child's whereabouts on a date, with the evidence for it."""

    status: WhereaboutsStatus
    on: dt.date
    _person: str = attrs.field(alias="person")
    evidence: tuple[Evidence, ...] = ()
    school_id: str | None = None
    county: str | None = None
    completion: Completion | None = None

    @property
    def person(self) -> str:
        """The number the child was asked for by, masked."""
        return mask_number(self._person)

    def reveal_person(self) -> str:
        """The number the child was asked for by, in clear."""
        return self._person

    def __repr__(self) -> str:
        return f"Whereabouts({self.person!r}, {self.status.value}, on={self.on})"


@attrs.frozen
class _Known:
    records: tuple[StudentRecord, ...]
    child: Child | None
    present: tuple[HeadcountEntry, ...]
    transfers: tuple[Transfer, ...]
    suspensions: tuple[Suspension, ...]
    deferrals: tuple[Deferral, ...]
    people: frozenset[str]

    @property
    def holds_anything(self) -> bool:
        """Whether the bundle holds anything at all about the person."""
        return bool(
            self.records
            or self.child
            or self.present
            or self.transfers
            or self.suspensions
            or self.deferrals
        )


def _person_text(person: object) -> str:
    """The compact text of a number asked for, as the command line reads it."""
    if isinstance(person, ResidentId | StudentNumber):
        return person.reveal()
    if not isinstance(person, str):
        raise TypeError(
            "whereabouts() takes a student number or resident ID number, as text or as "
            f"a ResidentId or StudentNumber, not {type(person).__name__}"
        )
    return compact_number(person)


def _collect(bundle: Bundle, person: str) -> _Known:
    """Everything the bundle holds about one person: the records under the number asked
    for (and the old and new numbers age corrections link to it) and under every
    resident ID number those records hold, the roster entry, the
    latest headcounts, transfers, suspensions and deferrals.

    Run once per child by the audit's metrics, so it avoids work the common case (one
    record, nothing else) does not need.
    """
    by_resident_id = bundle.index(STUDENTS_BY_RESIDENT_ID)
    by_number = bundle.index(STUDENTS_BY_NUMBER)
    asked = numbers_of_person(bundle, person)  # an age correction links old and new numbers
    found = tuple(r for n in asked for r in (*by_number.get(n, ()), *by_resident_id.get(n, ())))
    resident_ids = {r.resident_id.reveal() for r in found if r.resident_id is not None}
    more = [r for rid in resident_ids if rid not in asked for r in by_resident_id.get(rid, ())]
    records = _distinct((*found, *more)) if more or len(found) > 1 else found
    if more:
        resident_ids = {r.resident_id.reveal() for r in records if r.resident_id is not None}
    numbers = {r.key for r in records}
    people = {*asked} | resident_ids | numbers
    children = bundle.index(CHILDREN_BY_RESIDENT_ID)
    child = next((c[0] for p in people if (c := children.get(p))), None)
    transfers = bundle.index(TRANSFERS_BY_STUDENT)
    suspensions = bundle.index(SUSPENSIONS_BY_STUDENT)
    deferrals = bundle.index(DEFERRALS_BY_RESIDENT_ID)
    return _Known(
        records=records,
        child=child,
        present=present_at_latest_headcounts(bundle, *people),
        transfers=tuple(t for n in numbers for t in transfers.get(n, ())) if transfers else (),
        suspensions=(
            tuple(s for n in numbers for s in suspensions.get(n, ())) if suspensions else ()
        ),
        deferrals=tuple(d for p in people for d in deferrals.get(p, ())) if deferrals else (),
        people=frozenset(people),
    )


def _distinct(records: tuple[StudentRecord, ...]) -> tuple[StudentRecord, ...]:
    """The records once each, in their first order (the same record may be found twice)."""
    return tuple({id(r): r for r in records}.values())


def whereabouts(
    bundle: Bundle,
    person: str | ResidentId | StudentNumber,
    *,
    as_of: dt.date,
    jurisdiction: str = NATIONAL,
    layers: Iterable[Layer] = (),
    policy: Policy | None = None,
    with_evidence: bool = True,
) -> Whereabouts:
    """Where the child named by ``person`` (a student number or resident ID) is on ``as_of``.

    The policy is that of ``jurisdiction`` on ``as_of`` with an application's own
    ``layers`` on top, as for :func:`~dropout_control.audit`; a caller that already
    holds the resolved ``policy`` passes it instead.

    In order: a child who died or emigrated has left; an open record that is suspended
    (by status or a suspension covering the date) is suspended, one taught at home is
    home-taught, one with a transfer under way is in transfer, and otherwise the child
    is in school when present in a latest headcount (or when its school has none yet),
    else its whereabouts are unknown (有籍无人); without an open record, a lawful deferral
    covering the date is deferred, a graduated or completed record or a certificate
    closing compulsory education that passes its rules has finished, a
    transfer out with a transfer still open is in transfer, one completed to a school
    the bundle does not cover is transferred away (that school's registry holds the
    child), one still within ``transfer.unplaced_after_days`` is in transfer and one
    past it is unknown (as TR-006 judges it); a roster child outside the school-age
    window is not of school age; and anything else (a dropout record, a roster child
    with no record) is out of school. A number the bundle holds nothing about is
    ``not_found``: the bundle cannot say where that child is, and does not guess.

    ``person`` is a :class:`~dropout_control.identity.ResidentId`, a
    :class:`~dropout_control.identity.StudentNumber` or its text, read as the command
    line reads it: surrounding and inner spaces and dashes go, a lower-case ``x`` or
    letter is taken as upper case.

    ``with_evidence=False`` leaves the evidence empty, for callers that only count
    statuses (the audit's metrics) and need not spend the time on the texts.
    ``completion`` is the child's completion status on ``as_of``
    (:func:`~dropout_control.completion.completion_status`), given with the evidence.
    """
    person = _person_text(person)
    as_of = date_argument(as_of, "as_of")
    if policy is None:
        policy = resolve_policy(jurisdiction, on=as_of, layers=layers)
    known = _collect(bundle, person)
    evidence = tuple(_evidence(bundle, known, as_of)) if with_evidence else ()
    open_records = [r for r in known.records if r.is_open]
    home = open_records[0] if open_records else (known.records[0] if known.records else None)
    school_id = home.school_id if home else None
    county = (known.child.household_region if known.child else None) or (
        home.household_region if home else None
    )
    status = (
        _status(known, open_records, bundle, as_of=as_of, policy=policy)
        if known.holds_anything
        else WhereaboutsStatus.NOT_FOUND
    )
    return Whereabouts(
        status=status,
        on=as_of,
        person=person,
        evidence=evidence,
        school_id=school_id,
        county=county,
        completion=(
            completion_status(bundle, person, on=as_of, policy=policy)
            if with_evidence and known.holds_anything
            else None
        ),
    )


def _status(  # noqa: PLR0911 - one return per whereabouts, in the documented order
    known: _Known,
    open_records: list[StudentRecord],
    bundle: Bundle,
    *,
    as_of: dt.date,
    policy: Policy,
) -> WhereaboutsStatus:
    if known.child is not None and known.child.has_left_on(as_of):
        return WhereaboutsStatus.LEFT
    if any(r.status is RecordStatus.DECEASED for r in known.records):
        return WhereaboutsStatus.LEFT
    if open_records:
        if any(r.status is RecordStatus.SUSPENDED for r in open_records) or any(
            s.covers(as_of) for s in known.suspensions
        ):
            return WhereaboutsStatus.SUSPENDED
        if any(r.is_home_taught for r in open_records):
            return WhereaboutsStatus.HOME_TAUGHT
        if any(t.is_open_on(as_of) for t in known.transfers):
            return WhereaboutsStatus.IN_TRANSFER
        if known.present or all(
            r.school_id not in latest_headcount_month(bundle) for r in open_records
        ):
            return WhereaboutsStatus.IN_SCHOOL
        return WhereaboutsStatus.WHEREABOUTS_UNKNOWN
    if any(d.covers(as_of) and _lawful(d, policy) for d in known.deferrals):
        return WhereaboutsStatus.DEFERRED
    if has_finished(bundle, known.records, sorted(known.people), on=as_of, policy=policy):
        return WhereaboutsStatus.FINISHED
    if known.child is not None and not _of_school_age(known.child, as_of, policy):
        return WhereaboutsStatus.NOT_OF_SCHOOL_AGE
    transferred = [r for r in known.records if r.status is RecordStatus.TRANSFERRED_OUT]
    if transferred:
        return _after_transfer_out(known, transferred, bundle, as_of=as_of, policy=policy)
    return WhereaboutsStatus.OUT_OF_SCHOOL


def _after_transfer_out(
    known: _Known,
    transferred: list[StudentRecord],
    bundle: Bundle,
    *,
    as_of: dt.date,
    policy: Policy,
) -> WhereaboutsStatus:
    """The same reading as TR-006: transferred away when a school outside the bundle
    took the child, unknown (去向不明) once the latest transfer out is older than the
    limit, whether or not a transfer is still pending; in transfer until then, and
    without any date."""
    if any(taken_outside(r, bundle) is not None for r in transferred):
        return WhereaboutsStatus.TRANSFERRED_AWAY
    limit = dt.timedelta(days=policy.value(TRANSFER_UNPLACED_AFTER_DAYS, int))
    dates = [found[0] for r in transferred if (found := transferred_out_on(r, bundle))]
    if not dates or as_of - max(dates) <= limit:
        return WhereaboutsStatus.IN_TRANSFER
    return WhereaboutsStatus.WHEREABOUTS_UNKNOWN


def _of_school_age(child: Child, as_of: dt.date, policy: Policy) -> bool:
    disabled = child.is_disabled and policy.is_in_force(DISABILITY_AGE_EXTENSION_YEARS)
    return is_school_age(child.birth_date, as_of, policy=policy, disabled=disabled)


def _lawful(deferral: Deferral, policy: Policy) -> bool:
    return deferral.grounds in policy.value(
        ENROLMENT_DEFERRAL_GROUNDS, tuple
    ) and deferral.approved_by in policy.value(SUSPENSION_APPROVERS, tuple)


def _evidence(bundle: Bundle, known: _Known, as_of: dt.date) -> Iterator[Evidence]:
    """Every record that names the child, kind by kind in the order of the
    declarations, as each kind's declaration words it."""
    for kind in bundle.registry:
        describe = kind.evidence
        if describe is None or kind.name not in bundle.kinds:
            continue
        by_person = bundle.index(kind.by_person)
        seen: dict[int, object] = {}
        for number in sorted(known.people):
            for record in by_person.get(number, ()):
                seen.setdefault(id(record), record)
        for record in seen.values():
            said = describe(record, as_of, bundle)
            if said is not None:
                yield Evidence(said, getattr(record, "source", None))


def whereabouts_of_all(
    bundle: Bundle, *, as_of: dt.date, policy: Policy, with_evidence: bool = True
) -> Iterable[Whereabouts]:
    """The whereabouts of every child the bundle knows: each roster child and each
    student not on the roster, once per person (``with_evidence`` as for
    :func:`whereabouts`)."""
    in_school = WhereaboutsStatus.IN_SCHOOL
    for found in _walk(bundle, as_of=as_of, policy=policy, with_evidence=with_evidence):
        if isinstance(found, Whereabouts):
            yield found
            continue
        child, record = found
        yield Whereabouts(
            status=in_school,
            on=as_of,
            person=child.key,
            school_id=record.school_id,
            county=child.household_region or record.household_region,
        )


Place = tuple[WhereaboutsStatus, "str | None", "str | None"]
"""A whereabouts with the school and the county it names (see :func:`whereabouts_tally`)."""


def whereabouts_tally(bundle: Bundle, *, as_of: dt.date, policy: Policy) -> Counter[Place]:
    """How many children of :func:`whereabouts_of_all` (without evidence) have each
    status, school and county: the figures of a report, without a
    :class:`Whereabouts` for each child."""
    tally: Counter[Place] = Counter()
    in_school = WhereaboutsStatus.IN_SCHOOL
    for found in _walk(bundle, as_of=as_of, policy=policy, with_evidence=False):
        if isinstance(found, Whereabouts):
            tally[found.status, found.school_id, found.county] += 1
            continue
        child, record = found
        county = child.household_region or record.household_region
        tally[in_school, record.school_id, county] += 1
    return tally


def _walk(
    bundle: Bundle, *, as_of: dt.date, policy: Policy, with_evidence: bool
) -> Iterator[Whereabouts | tuple[Child, StudentRecord]]:
    """Every child the bundle knows, once per person: a roster child plainly in school
    (when evidence is not wanted) as the child and its one record, any other child as
    its whereabouts."""
    seen: set[str] = set()
    plainly = None if with_evidence else _plainly_in_school(bundle, as_of)
    for child in bundle.records(POPULATION):
        person = child.key
        seen.add(person)
        record = None if plainly is None else plainly(child, person)
        if record is not None:
            yield child, record
            continue
        yield whereabouts(bundle, person, as_of=as_of, policy=policy, with_evidence=with_evidence)
    for record in bundle.records(STUDENTS):
        resident = record.resident_id.reveal() if record.resident_id is not None else None
        if resident in seen or record.key in seen:
            continue
        seen.add(record.key)
        if resident is not None:
            seen.add(resident)
        yield whereabouts(
            bundle, record.key, as_of=as_of, policy=policy, with_evidence=with_evidence
        )


def _plainly_in_school(
    bundle: Bundle, as_of: dt.date
) -> Callable[[Child, str], StudentRecord | None]:
    """A test that gives the one record of a roster child who is plainly in school,
    else None (the look-ups it needs fetched once, for every child of the roster).

    The common case, decided without gathering everything about the child: still here,
    exactly one record (under the child's resident ID, holding no other number), active,
    not taught at home, no transfer or suspension of it, and present at the school's
    latest headcount (or the school has had none). :func:`whereabouts` gives the same
    answer the long way; anything else takes that way.
    """
    by_resident_id = bundle.index(STUDENTS_BY_RESIDENT_ID)
    by_number = bundle.index(STUDENTS_BY_NUMBER)
    transferred = bundle.index(TRANSFERS_BY_STUDENT)
    suspended = bundle.index(SUSPENSIONS_BY_STUDENT)
    children = bundle.index(CHILDREN_BY_RESIDENT_ID)
    latest = latest_headcounts(bundle)
    present = latest.present
    counted = latest.latest_month
    active = RecordStatus.ACTIVE
    at_home = StudyMode.HOME_TEACHING

    def plainly(child: Child, person: str) -> StudentRecord | None:
        records = by_resident_id.get(person)
        if records is None or len(records) != 1 or person in by_number:
            return None
        record = records[0]
        number = record.key
        if (
            record.status is not active
            or record.study_mode is at_home
            or child.has_left_on(as_of)
            or number in transferred
            or number in suspended
            or number in children
            or len(children[person]) != 1
        ):
            return None
        if person in present or number in present:
            return record
        return record if record.school_id not in counted else None

    return plainly
