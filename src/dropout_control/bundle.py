"""The bundle: every record of an audit, by kind, with the indexes the rules look things up in.

The readers build one bundle from a folder; an application builds one from records it
already holds. Records are kept by kind (a name of :data:`~dropout_control.kinds.KINDS`)
and each declared :class:`~dropout_control.kinds.Index` is built once, in one pass over
its kind, the first time a rule asks for it. Rules look records of other kinds up
through the ``queries`` module of the kind's package (a child's records by resident ID,
a school's latest headcount); no rule scans all records of another kind.

Records are matched by the text of their numbers as written, so a malformed ID number on
both sides still matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar, overload

import attrs

from dropout_control.intake import Duplicate, Rejection, UnreadCell
from dropout_control.kinds import KINDS, Index, KindRegistry, RecordKind

__all__ = ["Bundle"]

_R = TypeVar("_R")
_T = TypeVar("_T")


@attrs.frozen(init=False, repr=False)
class Bundle:
    """Records of every kind, the rows that did not become records, and the indexes.

    Records are given by kind name, as keywords or as a mapping::

        Bundle(students=(record, ...), population=(child, ...))
        Bundle({"students": records}, registry=my_kinds)

    ``kinds`` names the kinds that were given even where they hold no record (a kind
    given as an empty file counts: its rules run and find nothing); every kind that has
    records counts too. Rules whose kinds were not given are reported as not run.
    ``fields_seen`` names, per kind, the fields that at least one record carries
    (worked out from the records when not given). ``registry`` holds the declarations
    of the kinds; a kind it does not declare raises
    :class:`~dropout_control.errors.UnknownKind`.
    """

    _records: Mapping[str, tuple[object, ...]]
    rejections: tuple[Rejection, ...]
    duplicates: tuple[Duplicate, ...]
    unread_cells: tuple[UnreadCell, ...]
    kinds: frozenset[str]
    fields_seen: Mapping[str, frozenset[str]]
    registry: KindRegistry = attrs.field(eq=False)
    _built: dict[Index[Any, Any], object] = attrs.field(eq=False)

    def __init__(
        self,
        records: Mapping[str, Iterable[object]] | None = None,
        *,
        rejections: Iterable[Rejection] = (),
        duplicates: Iterable[Duplicate] = (),
        kinds: Iterable[str] = (),
        fields_seen: Mapping[str, frozenset[str]] | None = None,
        registry: KindRegistry | None = None,
        unread_cells: Iterable[UnreadCell] = (),
        **by_kind: Iterable[object],
    ) -> None:
        declared = KINDS if registry is None else registry
        given = {**(records or {}), **by_kind}
        for name in (*given, *kinds):
            declared[name]  # raises UnknownKind for a name no declaration registered
        held = {name: tuple(items) for name, items in given.items()}
        present = frozenset(kinds) | {name for name, items in held.items() if items}
        self.__attrs_init__(
            MappingProxyType(held),
            tuple(rejections),
            tuple(duplicates),
            tuple(unread_cells),
            present,
            MappingProxyType(dict(fields_seen)) if fields_seen else MappingProxyType({}),
            declared,
            {},
        )
        if not fields_seen:
            object.__setattr__(self, "fields_seen", MappingProxyType(self._fields_present()))

    @classmethod
    def from_records(
        cls, records: Iterable[object], *, registry: KindRegistry | None = None
    ) -> Bundle:
        """A bundle of records an application already holds, of any kinds, in any order.

        Each record goes to the kind declared for its class; an object of another class
        raises ``TypeError``.
        """
        declared = KINDS if registry is None else registry
        grouped: dict[str, list[object]] = {}
        kind_of: dict[type[object], str] = {}
        for record in records:
            record_type = type(record)
            name = kind_of.get(record_type)
            if name is None:
                kind = declared.of_class(record_type)
                if kind is None:
                    raise TypeError(f"{record_type.__name__} is not a record kind of the audit")
                name = kind_of[record_type] = kind.name
            grouped.setdefault(name, []).append(record)
        return cls(grouped, registry=declared)

    def evolve(
        self,
        *,
        rejections: Iterable[Rejection] | None = None,
        duplicates: Iterable[Duplicate] | None = None,
        kinds: Iterable[str] | None = None,
        fields_seen: Mapping[str, frozenset[str]] | None = None,
        unread_cells: Iterable[UnreadCell] | None = None,
        **by_kind: Iterable[object],
    ) -> Bundle:
        """A copy with some kinds' records (by name) or the other parts replaced; its
        indexes are built anew. ``fields_seen`` is worked out again from the records
        unless given."""
        return Bundle(
            {**self._records, **by_kind},
            rejections=self.rejections if rejections is None else rejections,
            duplicates=self.duplicates if duplicates is None else duplicates,
            kinds=self.kinds if kinds is None else kinds,
            fields_seen=fields_seen,
            registry=self.registry,
            unread_cells=self.unread_cells if unread_cells is None else unread_cells,
        )

    def _fields_present(self) -> dict[str, frozenset[str]]:
        seen: dict[str, frozenset[str]] = {}
        for name, records in self._records.items():
            if not records:
                continue
            fields = self.registry[name].fields
            seen[name] = frozenset(
                field for field in fields if any(getattr(r, field) is not None for r in records)
            )
        return seen

    @overload
    def records(self, kind: RecordKind[_T]) -> tuple[_T, ...]: ...

    @overload
    def records(self, kind: str) -> tuple[object, ...]: ...

    def records(self, kind: RecordKind[Any] | str) -> tuple[object, ...]:
        """The records of ``kind`` (a declaration, or a kind's name), in input order."""
        name = kind if isinstance(kind, str) else kind.name
        return self._records.get(name, ())

    def index(self, index: Index[Any, _R]) -> _R:
        """The look-up ``index`` over this bundle's records, built on first use."""
        built = self._built
        try:
            return built[index]  # type: ignore[return-value]
        except KeyError:
            value = built[index] = index.build(self._records.get(index.kind, ()))
            return value

    def has_field(self, kind: str, field: str) -> bool:
        """Whether at least one record of ``kind`` carries ``field``."""
        return field in self.fields_seen.get(kind, frozenset())

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(items)}" for name, items in self._records.items())
        return f"Bundle({counts})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # Hypothesis and IPython print a bundle as its repr, not field by field (which
        # would walk into the kind registry and the record classes).
        printer.text(repr(self))
