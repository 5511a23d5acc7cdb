"""The bundle: every record of an audit, with the indexes the rules look things up in.

The audit builds one bundle, once, in time linear in the number of records. Rules look
records of other kinds up here (a child's records by resident ID, a school's latest
headcount); no rule scans all records of another kind.

Records are matched by the text of their numbers as written, so a malformed ID number on
both sides still matches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from dropout_control.calendar.year_month import YearMonth
from dropout_control.intake import Duplicate, Rejection
from dropout_control.kinds import RECORD_KINDS
from dropout_control.population.model import Child, Deferral, EmploymentReport
from dropout_control.reconciliation.model import HeadcountEntry, HeadcountTotal
from dropout_control.registry.model import StudentRecord
from dropout_control.suspensions.model import Suspension
from dropout_control.transfers.model import Transfer

__all__ = ["Bundle"]

_K = TypeVar("_K")
_V = TypeVar("_V")


def _group(items: Iterable[_V], key: Any) -> Mapping[Any, tuple[_V, ...]]:
    groups: dict[Any, list[_V]] = {}
    for item in items:
        value = key(item)
        if value is not None:
            group = groups.get(value)
            if group is None:
                groups[value] = [item]
            else:
                group.append(item)
    return {k: tuple(v) for k, v in groups.items()}


def _kind_set(kinds: Iterable[str]) -> frozenset[str]:
    return frozenset(kinds)


def _student_resident_key(record: StudentRecord) -> str | None:
    return record.resident_id.reveal() if record.resident_id is not None else None


@attrs.frozen
class Bundle:
    """Records of every kind plus the indexes the rules need.

    ``kinds`` names the kinds that were given even where they hold no record (a kind
    given as an empty file counts: its rules run and find nothing); every kind that has
    records counts too. Rules whose kinds were not given are reported as not run.
    ``fields_seen`` names, per kind, the fields that at least one record
    carries.
    """

    students: tuple[StudentRecord, ...] = ()
    population: tuple[Child, ...] = ()
    deferrals: tuple[Deferral, ...] = ()
    headcounts: tuple[HeadcountEntry, ...] = ()
    headcount_totals: tuple[HeadcountTotal, ...] = ()
    employment: tuple[EmploymentReport, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    suspensions: tuple[Suspension, ...] = ()
    rejections: tuple[Rejection, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    kinds: frozenset[str] = attrs.field(factory=frozenset, converter=_kind_set)
    fields_seen: Mapping[str, frozenset[str]] = attrs.field(factory=dict)

    # Indexes, built once from the records above. They are plain dicts typed as read-only
    # mappings (a mapping proxy costs a third more on every lookup, and the audit makes
    # tens of millions): read them, never change them.
    students_by_resident_id: Mapping[str, tuple[StudentRecord, ...]] = attrs.field(
        init=False, repr=False
    )
    students_by_number: Mapping[str, tuple[StudentRecord, ...]] = attrs.field(
        init=False, repr=False
    )
    transfers_by_student: Mapping[str, tuple[Transfer, ...]] = attrs.field(init=False, repr=False)
    suspensions_by_student: Mapping[str, tuple[Suspension, ...]] = attrs.field(
        init=False, repr=False
    )
    children_by_resident_id: Mapping[str, tuple[Child, ...]] = attrs.field(init=False, repr=False)
    deferrals_by_resident_id: Mapping[str, tuple[Deferral, ...]] = attrs.field(
        init=False, repr=False
    )
    latest_headcount_month: Mapping[str, YearMonth] = attrs.field(init=False, repr=False)
    latest_headcount: Mapping[str, Mapping[str, HeadcountEntry]] = attrs.field(
        init=False, repr=False
    )
    present_by_person: Mapping[str, tuple[HeadcountEntry, ...]] = attrs.field(
        init=False, repr=False
    )
    headcount_months: Mapping[str, frozenset[YearMonth]] = attrs.field(init=False, repr=False)
    school_ids: frozenset[str] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        given = {kind for kind in RECORD_KINDS if getattr(self, kind)}
        object.__setattr__(self, "kinds", self.kinds | given)
        if not self.fields_seen:
            object.__setattr__(self, "fields_seen", MappingProxyType(self._fields_present()))
        put = object.__setattr__
        put(self, "students_by_resident_id", _group(self.students, _student_resident_key))
        put(self, "students_by_number", _group(self.students, lambda r: r.key))
        put(self, "transfers_by_student", _group(self.transfers, lambda t: t.student_key))
        put(self, "suspensions_by_student", _group(self.suspensions, lambda s: s.student_key))
        put(self, "children_by_resident_id", _group(self.population, lambda c: c.key))
        put(self, "deferrals_by_resident_id", _group(self.deferrals, lambda d: d.key))
        months: dict[str, set[YearMonth]] = defaultdict(set)
        for entry in self.headcounts:
            months[entry.school_id].add(entry.month)
        latest = {school: max(seen) for school, seen in months.items()}
        put(self, "latest_headcount_month", latest)
        rolls: dict[str, dict[str, HeadcountEntry]] = defaultdict(dict)
        present: dict[str, list[HeadcountEntry]] = defaultdict(list)
        for entry in self.headcounts:
            school = entry.school_id
            if entry.month != latest[school]:
                continue
            roll = rolls[school]
            # A headcount row names its child by student number, resident ID or both.
            for person in (entry.student_number, entry.resident_id):
                if person is not None:
                    roll[person] = entry
                    if entry.present:
                        present[person].append(entry)
        put(self, "latest_headcount", dict(rolls))
        put(self, "present_by_person", {k: tuple(v) for k, v in present.items()})
        put(self, "headcount_months", {k: frozenset(v) for k, v in months.items()})
        schools = {record.school_id for record in self.students}
        put(self, "school_ids", frozenset(schools | months.keys()))

    @classmethod
    def from_records(cls, records: Iterable[object]) -> Bundle:
        """A bundle of records an application already holds, of any kinds, in any order.

        Each record goes to the kind of its class; an object of another class raises
        ``TypeError``.
        """
        kind_of = {record_type: kind for kind, record_type in RECORD_KINDS.items()}
        grouped: dict[str, list[object]] = {kind: [] for kind in RECORD_KINDS}
        for record in records:
            kind = kind_of.get(type(record))
            if kind is None:
                raise TypeError(f"{type(record).__name__} is not a record kind of the audit")
            grouped[kind].append(record)
        given: dict[str, Any] = {kind: tuple(items) for kind, items in grouped.items()}
        return cls(**given)

    def _fields_present(self) -> dict[str, frozenset[str]]:
        seen: dict[str, frozenset[str]] = {}
        for kind in RECORD_KINDS:
            records: Sequence[object] = getattr(self, kind)
            if not records:
                continue
            record_type: Any = type(records[0])
            names = [a.name for a in attrs.fields(record_type) if a.name != "source"]
            seen[kind] = frozenset(
                name for name in names if any(getattr(r, name) is not None for r in records)
            )
        return seen

    def records(self, kind: str) -> tuple[object, ...]:
        """The records of ``kind`` (a name of :data:`~dropout_control.kinds.RECORD_KINDS`)."""
        return tuple(getattr(self, kind))

    def has_field(self, kind: str, field: str) -> bool:
        """Whether at least one record of ``kind`` carries ``field``."""
        return field in self.fields_seen.get(kind, frozenset())

    def student_records_of(self, resident_id: str) -> tuple[StudentRecord, ...]:
        """Every student record holding this resident ID number (as written)."""
        return self.students_by_resident_id.get(resident_id, ())

    def child_of(self, resident_id: str) -> Child | None:
        """The first roster entry of this resident ID number, if any."""
        children = self.children_by_resident_id.get(resident_id)
        return children[0] if children else None

    def present_at_latest_headcounts(self, *people: str | None) -> tuple[HeadcountEntry, ...]:
        """Entries of schools' latest headcounts that show any of these people present.

        A person is named by a student number or a resident ID number (as written); each
        entry appears once even when both numbers match it.
        """
        present = self.present_by_person
        found: tuple[HeadcountEntry, ...] = ()
        for person in people:
            group = present.get(person) if person is not None else None
            if not group or group is found:
                continue
            if not found:
                found = group
            elif not (len(group) == len(found) == 1 and group[0] is found[0]):
                # Both numbers name entries (usually the same one, skipped above): merge
                # them, each once, in the order first met.
                found = tuple({id(entry): entry for entry in (*found, *group)}.values())
        return found

    def latest_roll_entry(self, school_id: str, *people: str | None) -> HeadcountEntry | None:
        """This school's latest headcount row of a person named by any of these numbers."""
        roll = self.latest_headcount.get(school_id, {})
        for person in people:
            if person is not None and person in roll:
                return roll[person]
        return None

    def student_records_numbered(self, student_number: str) -> tuple[StudentRecord, ...]:
        """Every student record of this student number (as written)."""
        return self.students_by_number.get(student_number, ())

    def transfers_of(self, student_number: str) -> tuple[Transfer, ...]:
        """Every transfer of this student number."""
        return self.transfers_by_student.get(student_number, ())

    def suspensions_of(self, student_number: str) -> tuple[Suspension, ...]:
        """Every suspension of this student number."""
        return self.suspensions_by_student.get(student_number, ())

    def holds_school(self, school_id: str) -> bool:
        """Whether the bundle covers this school: some student record or headcount of it.

        A school it does not cover keeps its registry elsewhere (another county's
        export), so the absence of a record there proves nothing.
        """
        return school_id in self.school_ids

    def deferrals_of(self, resident_id: str) -> tuple[Deferral, ...]:
        """Every deferral of this resident ID number."""
        return self.deferrals_by_resident_id.get(resident_id, ())
