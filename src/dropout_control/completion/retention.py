"""The nine-year retention rate (巩固率), counted with every certificate and with only
those that pass their rules.

Basis: 国办发〔2017〕72号 [C] sets the target (``retention.target``); the rule catalogue's
metrics: students on an active final-grade record plus completers, over the cohort that
entered grade 1 nine years earlier, adjusted for transfers in and out and deaths. The
gap between the two counts is the inflation that irregular certificates bring (注水).

A child is one person (its valid resident ID number, else its student number). Its
grade-1 entry year is read from the entry dates of its records: a record whose grade in
the school year of its entry date was grade 1 entered then; one that entered the first
junior-secondary grade counts in the cohort that entered grade 1 the primary years
before (entry to junior secondary presumes the primary stage; the registry's record of
a junior-secondary student carries its junior entry). Limitation: a child who left
during primary school and whose record is not in the input is not in the base. A
cohort without any such child in the input has no rate: the report says why.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from dropout_control.calendar.school_year import SchoolYear
from dropout_control.completion.eligibility import certificate_eligibility
from dropout_control.completion.keys import RETENTION_TARGET
from dropout_control.completion.kinds import CERTIFICATES, CERTIFICATES_BY_STUDENT
from dropout_control.completion.model import Stage
from dropout_control.completion.queries import certificates_of, township_of
from dropout_control.completion.standing import standing_at_year_end
from dropout_control.identity import ResidentId
from dropout_control.metrics import CohortRetention, PlaceRetention, RetentionMetrics
from dropout_control.policy import Policy, SchoolStructure
from dropout_control.policy.keys import COMPULSORY_STRUCTURE
from dropout_control.reasons import Stated, reason
from dropout_control.registry.kinds import STUDENTS
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.registry.queries import county_of_school

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle

__all__ = ["retention_metrics"]

NO_STUDENTS: Final = reason(
    "RETENTION.NO_STUDENTS", "未读入学籍，无法计算巩固率", "no students were read: no rate"
)
NO_HISTORY: Final = reason(
    "RETENTION.NO_COHORT_HISTORY",
    "学籍中无 {entry_year} 年入一年级的学生（无入学记录），无法计算该届巩固率",
    "no student of the input entered grade 1 in {entry_year} (no entry history): no rate "
    "for this cohort",
)
NO_BASE: Final = reason(
    "RETENTION.NO_BASE",
    "调整后的基数为 0（入学 {entered}，转出 {transferred_out}，死亡或移居 {left}）",
    "the adjusted base is 0 (entered {entered}, transferred out {transferred_out}, died or "
    "emigrated {left})",
)
NO_CERTIFICATES: Final = reason(
    "RETENTION.NO_CERTIFICATES",
    "未读入证书（certificates）：完成者人数未知，不给出巩固率",
    "no certificates were read: the completers are not known, so no rate",
)
CERTIFICATES_NOT_READ: Final = reason(
    "RETENTION.CERTIFICATES_NOT_READ",
    "证书文件未能读入（{files}）：完成者人数未知，不给出巩固率",
    "the certificates file could not be read ({files}): the completers are not known, so no rate",
)
NO_SCHOOLS: Final = reason(
    "RETENTION.TOWNSHIP_NOT_KNOWN",
    "未读入学校（schools）或未填乡镇：乡镇不详",
    "no schools input, or no township given: township not known",
)


class _Person(NamedTuple):
    """What the rate needs of one child (a named tuple: one is made per child)."""

    entry_year: int | None
    final_years: frozenset[int]
    certified_all: frozenset[int]
    certified_passing: frozenset[int]
    transferred_out: bool
    left: bool
    school_id: str


def _closes_compulsory(kind_counts: bool, stage: Stage) -> bool:
    return kind_counts and stage is Stage.JUNIOR_SECONDARY


def _entry_and_final_years(
    records: Sequence[StudentRecord],
    *,
    as_of: dt.date,
    policy: Policy,
    structure: SchoolStructure,
    year_of: Callable[[dt.date], SchoolYear],
) -> tuple[list[int], set[int]]:
    """The years a person's records say it entered grade 1, and the school years (by
    their start year) it ended on an active final-grade record."""
    final = structure.final_grade
    entry_years: list[int] = []
    final_years: set[int] = set()
    current = year_of(as_of).start_year
    for record in records:
        entered = year_of(record.entry_date)
        if record.status is RecordStatus.ACTIVE:
            # The common case, worked out without building standings: an active record
            # holds its grade in the current year and was active at every year's end.
            grade = record.grade - (current - entered.start_year)
        else:
            grade = standing_at_year_end(record, entered, as_of=as_of, policy=policy).grade
        if grade == 1:
            entry_years.append(entered.start_year)
        elif grade == structure.junior_grades.start:
            entry_years.append(entered.start_year - structure.primary_years)
        last = entered.start_year + (final - grade)
        if record.status is RecordStatus.ACTIVE:
            # Its grade in the year ``last`` is the final grade; that year has started
            # by the audit date when it is not after the current one.
            if entered.start_year <= last <= current:
                final_years.add(last)
            continue
        if last >= entered.start_year:
            year = SchoolYear.starting(last, policy=policy)
            at_end = standing_at_year_end(record, year, as_of=as_of, policy=policy)
            if at_end.is_active and at_end.grade == final and year.start <= as_of:
                final_years.add(last)
    return entry_years, final_years


_NONE: Final[frozenset[int]] = frozenset()


def _active_person(
    record: StudentRecord,
    current: int,
    structure: SchoolStructure,
    year_of: Callable[[dt.date], SchoolYear],
) -> _Person:
    """The child of a single active record and no certificate, the common case, worked
    out as :func:`_entry_and_final_years` works out an active record."""
    entered = year_of(record.entry_date).start_year
    grade = record.grade - (current - entered)
    entry_year = (
        entered
        if grade == 1
        else entered - structure.primary_years
        if grade == structure.junior_grades.start
        else None
    )
    last = entered + (structure.final_grade - grade)
    return _Person(
        entry_year=entry_year,
        final_years=frozenset((last,)) if entered <= last <= current else _NONE,
        certified_all=_NONE,
        certified_passing=_NONE,
        transferred_out=False,
        left=False,
        school_id=record.school_id,
    )


def _person_of(
    records: Sequence[StudentRecord],
    bundle: Bundle,
    *,
    as_of: dt.date,
    policy: Policy,
    structure: SchoolStructure,
    year_of: Callable[[dt.date], SchoolYear],
) -> _Person:
    entry_years, final_years = _entry_and_final_years(
        records, as_of=as_of, policy=policy, structure=structure, year_of=year_of
    )
    certified_all: set[int] = set()
    certified_passing: set[int] = set()
    numbers = (records[0].key,) if len(records) == 1 else {record.key for record in records}
    for number in numbers:
        for certificate in certificates_of(bundle, number):
            if certificate.issued_on > as_of:
                continue
            answer = certificate_eligibility(certificate, bundle, policy=policy, as_of=as_of)
            if not _closes_compulsory(certificate.kind.counts_as_completion, answer.stage):
                continue
            certified_all.add(answer.school_year.start_year)
            if answer.eligible:
                certified_passing.add(answer.school_year.start_year)
    if len(records) == 1 and records[0].status is RecordStatus.ACTIVE:
        # The common case: one active record, held, not transferred out, not left.
        return _Person(
            entry_year=min(entry_years) if entry_years else None,
            final_years=frozenset(final_years),
            certified_all=frozenset(certified_all),
            certified_passing=frozenset(certified_passing),
            transferred_out=False,
            left=False,
            school_id=records[0].school_id,
        )
    statuses = {record.status for record in records}
    holds = any(record.is_open or record.status.has_finished for record in records)
    left = any(
        record.status is RecordStatus.DECEASED or record.is_lawfully_cancelled for record in records
    )
    latest = max(records, key=lambda record: record.entry_date)
    return _Person(
        entry_year=min(entry_years) if entry_years else None,
        final_years=frozenset(final_years),
        certified_all=frozenset(certified_all),
        certified_passing=frozenset(certified_passing),
        transferred_out=RecordStatus.TRANSFERRED_OUT in statuses and not holds and not left,
        left=left,
        school_id=latest.school_id,
    )


_Tally = tuple[int, int, int, int, int, int, int]
"""Counts of one cohort at one place: entered, transferred in, transferred out, left,
in the final grade, completers counting every certificate, completers counting those
that pass."""

_Marks = tuple[tuple[int, _Tally], ...]


def _marks(person: _Person, final: int, current: int) -> _Marks:
    """What one child adds to the cohorts it belongs to, by final year: as an entrant
    of its grade-1 year, and wherever it reached the final grade (on an active record
    or with a certificate), in the final years that have started by the audit date."""
    entrant_year = None if person.entry_year is None else person.entry_year + final - 1
    years = {*person.final_years, *person.certified_all}
    if entrant_year is not None:
        years.add(entrant_year)
    marks = []
    for year in sorted(years):
        if year > current:
            continue
        active = year in person.final_years
        certified = year in person.certified_all
        reached = active or certified
        entered = transferred_out = left = transferred_in = 0
        if year == entrant_year:
            entered = 1
            if not reached and person.left:
                left = 1
            elif not reached and person.transferred_out:
                transferred_out = 1
        elif reached:
            transferred_in = 1
        in_final = int(active)
        completers_all = int(certified and not active)
        passing = int(certified and not active and year in person.certified_passing)
        tally = (entered, transferred_in, transferred_out, left, in_final, completers_all, passing)
        marks.append((year, tally))
    return tuple(marks)


def _cohort(
    final_year: int, years: int, tally: Sequence[int], certificates: Stated | None
) -> CohortRetention:
    entry_year = final_year - years + 1
    entered, transferred_in, transferred_out, left, in_final, completers_all, passing = tally
    name = f"{final_year}-{final_year + 1}"
    base = entered - transferred_out - left + transferred_in
    known = certificates is None
    counted = CohortRetention(
        final_year=name,
        entered=entered,
        transferred_in=transferred_in,
        transferred_out=transferred_out,
        left=left,
        base=base,
        in_final_grade=in_final,
        completers_all=completers_all if known else None,
        completers_passing=passing if known else None,
        inflation=completers_all - passing if known else None,
    )
    if entered == 0:
        return attrs.evolve(counted, why_not=NO_HISTORY.given(entry_year=entry_year))
    if base <= 0:
        why = NO_BASE.given(entered=entered, transferred_out=transferred_out, left=left)
        return attrs.evolve(counted, why_not=why)
    if certificates is not None:
        return attrs.evolve(counted, why_not=certificates)
    return attrs.evolve(
        counted,
        rate_all=(in_final + completers_all) / base,
        rate_passing=(in_final + passing) / base,
    )


_ZERO: Final[_Tally] = (0, 0, 0, 0, 0, 0, 0)


class _Tallies:
    """The counts of every cohort at every place of one level (the whole input, the
    schools, the townships, the counties), added up child by child."""

    def __init__(self, certificates: Stated | None) -> None:
        self.counts: dict[str, dict[int, list[int]]] = defaultdict(dict)
        self.certificates = certificates

    def add(self, place: str, marks: _Marks, times: int) -> None:
        cohorts = self.counts[place]
        for year, tally in marks:
            counts = cohorts.get(year)
            if counts is None:
                counts = cohorts[year] = [0] * len(_ZERO)
            for index, value in enumerate(tally):
                if value:
                    counts[index] += value * times

    def cohorts(
        self, place: str, final_years: Sequence[int], years: int
    ) -> tuple[CohortRetention, ...]:
        cohorts = self.counts.get(place, {})
        return tuple(
            _cohort(year, years, cohorts.get(year, _ZERO), self.certificates)
            for year in final_years
        )

    def places(self, final_years: Sequence[int], years: int) -> tuple[PlaceRetention, ...]:
        return tuple(
            PlaceRetention(place=place, cohorts=self.cohorts(place, final_years, years))
            for place in sorted(self.counts)
        )


def _certificates_not_known(bundle: Bundle, unread: Mapping[str, Sequence[str]]) -> Stated | None:
    """Why the completers by certificate are not known, or ``None`` when certificates
    were read."""
    if CERTIFICATES.name in bundle.kinds:
        return None
    files = unread.get(CERTIFICATES.name, ())
    if files:
        return CERTIFICATES_NOT_READ.given(files=", ".join(files))
    return NO_CERTIFICATES.given()


def _grouped(records: Iterable[StudentRecord]) -> Mapping[str, list[StudentRecord]]:
    people: dict[str, list[StudentRecord]] = defaultdict(list)
    for record in records:
        number = record.resident_id
        key = number.reveal() if isinstance(number, ResidentId) else record.key
        people[key].append(record)
    return people


def retention_metrics(
    bundle: Bundle,
    *,
    as_of: dt.date,
    policy: Policy,
    unread: Mapping[str, Sequence[str]] | None = None,
) -> RetentionMetrics:
    """The retention rates of the cohorts whose final year started by ``as_of``: for
    the whole input, per school (of each child's latest record), township (from the
    ``schools`` input) and county, counted with every certificate and with only those
    that pass their rules.

    Without certificates the completers are not known: each cohort then keeps its
    counts of records and says why it has no rate. ``unread`` names, by kind, the files
    that were there but could not be read (the audit knows them), so that the reason
    names the certificates file."""
    target = policy.value(RETENTION_TARGET, float) if policy.is_in_force(RETENTION_TARGET) else None
    if "students" not in bundle.kinds:
        return RetentionMetrics(target=target, why_not=NO_STUDENTS.given())
    structure = policy.value(COMPULSORY_STRUCTURE, SchoolStructure)
    final = structure.final_grade
    years: dict[dt.date, SchoolYear] = {}

    def year_of(day: dt.date) -> SchoolYear:
        found = years.get(day)
        if found is None:
            found = years[day] = SchoolYear.containing(day, policy=policy)
        return found

    current = year_of(as_of).start_year
    # Children who add the same counts at the same school are counted together: most
    # children of a school share a handful of histories.
    alike: Counter[tuple[str, _Marks]] = Counter()
    # A single active record without certificates adds what its entry date and grade
    # say (the common case, worked out once for each of them).
    plain: dict[tuple[dt.date, int], _Marks] = {}
    certified = bundle.index(CERTIFICATES_BY_STUDENT)
    active = RecordStatus.ACTIVE
    for records in _grouped(bundle.records(STUDENTS)).values():
        only = records[0]
        if len(records) == 1 and only.status is active and only.key not in certified:
            shape = (only.entry_date, only.grade)
            marks = plain.get(shape)
            if marks is None:
                person = _active_person(only, current, structure, year_of)
                marks = plain[shape] = _marks(person, final, current)
            alike[only.school_id, marks] += 1
            continue
        person = _person_of(
            records,
            bundle,
            as_of=as_of,
            policy=policy,
            structure=structure,
            year_of=year_of,
        )
        alike[person.school_id, _marks(person, final, current)] += 1
    final_years = sorted({year for _, marks in alike for year, _ in marks})
    if not final_years:
        return RetentionMetrics(target=target, why_not=NO_HISTORY.given(entry_year="-"))
    certificates = _certificates_not_known(bundle, unread or {})
    total, schools, townships, counties = (_Tallies(certificates) for _ in range(4))
    for (school_id, marks), times in alike.items():
        total.add("", marks, times)
        schools.add(school_id, marks, times)
        counties.add(county_of_school(bundle, school_id), marks, times)
        township = township_of(bundle, school_id)
        if township is not None:
            townships.add(township, marks, times)
    by_township = townships.places(final_years, final)
    return RetentionMetrics(
        target=target,
        total=total.cohorts("", final_years, final),
        schools=schools.places(final_years, final),
        townships=by_township,
        counties=counties.places(final_years, final),
        certificates_not_known=certificates,
        townships_not_known=None if by_township else NO_SCHOOLS.given(),
    )
