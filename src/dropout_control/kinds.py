"""Record kinds: each kind of input declared once, in its own package, and registered.

A kind of record (students, the population roster, transfers …) is one
:class:`RecordKind`: its record class, the names of its input files, the fields that
must be unique within it, whether that key is a personal number, the other names its
columns go by in exports (Chinese and English), the indexes its rules look records up
in, where a record sits (school and county, for the audit's tallies), how it names a
child (for whereabouts), and the Hypothesis strategy that plants records of it.

Declarations live in the package of their concept (``registry/kinds.py``,
``transfers/kinds.py`` …) and register themselves in :data:`KINDS`, the way the
``holidays`` package registers one module per country. The readers, the bundle, the
audit's tallies, the strategies, ``whereabouts`` and the formats page of the docs all
read the declarations; none of them names a kind. An application declares a kind of
its own the same way, in its own code, and audits it with rules of its own.

>>> from dropout_control import KINDS
>>> KINDS["students"].files
('students',)
>>> KINDS["students"].unique_key, KINDS["students"].personal_key
(('student_number',), True)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from dropout_control.errors import DuplicateKind, UnknownKind

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle
    from dropout_control.reasons import Stated

__all__ = [
    "KINDS",
    "Index",
    "KindRegistry",
    "Place",
    "RecordKind",
    "grouped",
]

_R = TypeVar("_R")
_T = TypeVar("_T")
_V = TypeVar("_V")


@attrs.frozen(eq=False)
class Index(Generic[_T, _R]):
    """A look-up the rules need, built from the records of one kind.

    ``build`` receives every record of ``kind`` (in input order) and returns the
    look-up, typically a mapping from a key to the records that carry it (see
    :func:`grouped`). A bundle builds each index once, in one pass, the first time a
    rule asks for it; rules read it and never change it. Indexes compare by identity,
    so two declarations never share a built index by accident.
    """

    kind: str
    name: str
    build: Callable[[Sequence[_T]], _R] = attrs.field(repr=False)

    def __str__(self) -> str:
        return f"{self.kind}.{self.name}"


def grouped(
    key: Callable[[_V], Hashable | None],
) -> Callable[[Sequence[_V]], Mapping[Any, tuple[_V, ...]]]:
    """An index builder: the records grouped by ``key`` (records whose key is None are
    left out), each group in input order.

    The mapping is a plain dict typed read-only: the audit makes tens of millions of
    look-ups and a mapping proxy costs a third more on each.

    >>> by_parity = grouped(lambda n: n % 2)
    >>> by_parity([1, 2, 3])
    {1: (1, 3), 0: (2,)}
    """

    def build(records: Sequence[_V]) -> Mapping[Any, tuple[_V, ...]]:
        groups: dict[Any, list[_V]] = {}
        for record in records:
            value = key(record)
            if value is not None:
                group = groups.get(value)
                if group is None:
                    groups[value] = [record]
                else:
                    group.append(record)
        return {k: tuple(v) for k, v in groups.items()}

    return build


@attrs.frozen
class Place:
    """Where a subject sits for the audit's tallies: its school and county, each
    possibly unknown (None)."""

    school: str | None = None
    county: str | None = None


_NOWHERE = Place()


def _nowhere(_record: object, _bundle: Bundle) -> Place:
    return _NOWHERE


def _names_nobody(_record: object) -> tuple[str | None, ...]:
    return ()


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _indexes(value: Iterable[Index[Any, Any]]) -> tuple[Index[Any, Any], ...]:
    return tuple(value)


def _frozen_references(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


def _frozen_aliases(value: Mapping[str, Iterable[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({field: tuple(names) for field, names in value.items()})


@attrs.frozen(eq=False)
class RecordKind(Generic[_T]):
    """One kind of input record, declared once.

    - ``name``: the kind's name (``students``); reports, rules (``about``) and the
      bundle use it.
    - ``record_class``: the frozen attrs class of its records; the readers' converter
      structures rows into it, and it must have a ``source`` field.
    - ``files``: the stems of its input files (``students`` reads ``students.csv``,
      ``students.jsonl``, ``students.xlsx`` …); the name by default.
    - ``unique_key``: the fields whose values together must be unique (INPUT-002).
    - ``personal_key``: whether that key is a personal number, masked when shown.
    - ``aliases``: for each field, the other names its column goes by (the canonical
      English field name always matches).
    - ``indexes``: the look-ups its rules need (each an :class:`Index` of this kind).
    - ``place``: the school and county of a record, for the tallies per school and
      county (unknown by default).
    - ``people``: the numbers (student number, resident ID, as written) by which a
      record names a child; ``whereabouts`` gathers a child's records of every kind by
      them.
    - ``evidence``: a record as evidence of a child's whereabouts on a date, as a reason
      with its facts (rendered in both languages; None leaves the record out).
    - ``plant``: ``"module:function"`` of the Hypothesis strategy of valid records of
      this kind (imported only when asked for: Hypothesis is an optional extra).
    - ``title``: what the kind holds, in Chinese and English, for the docs.
    - ``multiline_fields``: the fields whose CSV cells may run over several lines (in
      quotes); in any other field a quote not closed on its line makes the line an
      INPUT-001 row (none of the library's kinds has such a field).
    - ``essential_fields``: the optional fields (empty cell, ``None``) that a record
      still cannot be without when their cell is written but cannot be read (a date a
      rule would read as "not yet", a code the spec rejects): such a cell rejects the
      row (INPUT-001). A bad cell of any other optional field keeps the record with the
      field unknown (INPUT-003).
    - ``references``: for a field, the kind whose unique key (one field) it names; a row
      read from a file whose value names no record of that kind is rejected (INPUT-001
      with file, line and field) when that kind was read. Checked after every file of
      a folder is read, since the other kind may come later.
    """

    name: str
    record_class: type[_T]
    files: tuple[str, ...] = attrs.field(default=(), converter=_names)
    unique_key: tuple[str, ...] = attrs.field(default=(), converter=_names)
    personal_key: bool = False
    aliases: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_frozen_aliases)
    indexes: tuple[Index[Any, Any], ...] = attrs.field(default=(), converter=_indexes)
    place: Callable[[_T, Bundle], Place] = attrs.field(default=_nowhere, repr=False)
    people: Callable[[_T], tuple[str | None, ...]] = attrs.field(default=_names_nobody, repr=False)
    evidence: Callable[[_T, dt.date, Bundle], Stated | None] | None = attrs.field(
        default=None, repr=False
    )
    plant: str | None = None
    title: tuple[str, str] = ("", "")
    multiline_fields: tuple[str, ...] = attrs.field(default=(), converter=_names)
    essential_fields: tuple[str, ...] = attrs.field(default=(), converter=_names)
    references: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_references)
    by_person: Index[_T, Mapping[str, tuple[_T, ...]]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not self.files:
            object.__setattr__(self, "files", (self.name,))
        if not attrs.has(self.record_class):
            raise TypeError(f"kind {self.name}: {self.record_class!r} is not an attrs class")
        record_class: Any = self.record_class
        fields = {a.name for a in attrs.fields(record_class)}
        if "source" not in fields:
            raise TypeError(f"kind {self.name}: {self.record_class.__name__} has no source field")
        unknown = [
            f
            for f in (
                *self.unique_key,
                *self.aliases,
                *self.references,
                *self.multiline_fields,
                *self.essential_fields,
            )
            if f not in fields
        ]
        if unknown:
            raise ValueError(f"kind {self.name}: no such field {', '.join(unknown)}")
        strays = [str(index) for index in self.indexes if index.kind != self.name]
        if strays:
            raise ValueError(f"kind {self.name}: indexes of another kind: {', '.join(strays)}")
        people = self.people

        def by_person(records: Sequence[_T]) -> Mapping[str, tuple[_T, ...]]:
            groups: dict[str, list[_T]] = {}
            for record in records:
                for number in dict.fromkeys(people(record)):
                    if number is not None:
                        groups.setdefault(number, []).append(record)
            return {k: tuple(v) for k, v in groups.items()}

        object.__setattr__(self, "by_person", Index(self.name, "by_person", by_person))

    @property
    def fields(self) -> tuple[str, ...]:
        """The record's fields as the input names them (``source`` is not one)."""
        record_class: Any = self.record_class
        return tuple(a.name for a in attrs.fields(record_class) if a.name != "source")

    def __repr__(self) -> str:
        return f"RecordKind({self.name!r}, {self.record_class.__name__})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


@attrs.define
class KindRegistry:
    """Record kinds by name, in the order they were declared.

    The library's own kinds are registered in :data:`KINDS` when ``dropout_control`` is
    imported. An application adds its own with :meth:`add` (to :data:`KINDS`, or to a
    copy made by :meth:`extended` so that the library's registry stays as shipped).
    """

    _kinds: dict[str, RecordKind[Any]] = attrs.field(factory=dict, alias="kinds")

    def add(self, kind: RecordKind[_T]) -> RecordKind[_T]:
        """Register ``kind``; a name, a file name and a record class are each declared
        once."""
        if kind.name in self._kinds:
            raise DuplicateKind(f"a kind named {kind.name} is already declared")
        for other in self._kinds.values():
            shared = set(kind.files) & set(other.files)
            if shared:
                raise DuplicateKind(
                    f"kind {kind.name}: the file name {sorted(shared)[0]} is {other.name}'s"
                )
            if other.record_class is kind.record_class:
                raise DuplicateKind(
                    f"kind {kind.name}: {kind.record_class.__name__} is {other.name}'s class"
                )
        self._kinds[kind.name] = kind
        return kind

    def extended(self, *kinds: RecordKind[Any]) -> KindRegistry:
        """A copy of this registry with ``kinds`` added."""
        copy = KindRegistry(dict(self._kinds))
        for kind in kinds:
            copy.add(kind)
        return copy

    def __getitem__(self, name: str) -> RecordKind[Any]:
        try:
            return self._kinds[name]
        except KeyError:
            raise UnknownKind(name) from None

    def get(self, name: str) -> RecordKind[Any] | None:
        """The kind named ``name``, or None."""
        return self._kinds.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._kinds

    def __iter__(self) -> Iterator[RecordKind[Any]]:
        return iter(tuple(self._kinds.values()))

    def __len__(self) -> int:
        return len(self._kinds)

    def names(self) -> tuple[str, ...]:
        """The kinds' names in declaration order."""
        return tuple(self._kinds)

    def of_file(self, stem: str) -> RecordKind[Any] | None:
        """The kind whose input files have this stem (case-insensitive), or None."""
        wanted = stem.casefold()
        for kind in self._kinds.values():
            if any(wanted == name.casefold() for name in kind.files):
                return kind
        return None

    def of_class(self, record_class: type[object]) -> RecordKind[Any] | None:
        """The kind whose records are of ``record_class``, or None."""
        for kind in self._kinds.values():
            if kind.record_class is record_class:
                return kind
        return None


KINDS = KindRegistry()
"""The library's record kinds (and any an application adds), by name."""
