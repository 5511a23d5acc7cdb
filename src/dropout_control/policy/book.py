"""Stacking layers and resolving the policy in force for a jurisdiction on a date.

Resolution follows ``spec/parameters.md``: the most specific jurisdiction that has a value
in force wins; within one jurisdiction the latest value whose date is on or before the day
asked about. Layers added later for the same jurisdiction (an application's own) win over
earlier ones on the same date.

A kind whose values accumulate (:attr:`ValueKind.accumulates`: the working-day
arrangements, year by year) is resolved differently: every value in force along the
chain is merged, least specific first and then by date, a later value's years adding to
or replacing the earlier ones. The merged parameter names the latest value's date and
jurisdiction, every source in order, and the weakest mark among them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar, overload

import attrs

from dropout_control.calendar.span import date_argument
from dropout_control.errors import (
    InvalidPolicyLayer,
    ParameterNotInForce,
    UnknownJurisdiction,
    UnknownParameter,
)
from dropout_control.policy.layers import (
    LAYER_UNDEFINED,
    LAYER_VALUE_FORM,
    Layer,
    ParameterDefinition,
)
from dropout_control.policy.values import Mark, merge_values, read_value

_TRUST = (Mark.UNSOURCED, Mark.SECONDARY, Mark.CONFIRMED)

__all__ = [
    "GANSU",
    "LINXIA",
    "NATIONAL",
    "Parameter",
    "Policy",
    "PolicyBook",
    "resolve_policy",
]

NATIONAL = "000000"
GANSU = "620000"
LINXIA = "622900"

_T = TypeVar("_T")
_PACKAGE_LAYERS = (NATIONAL, GANSU, LINXIA)


@attrs.frozen
class Parameter:
    """A parameter's value in force, with where it comes from.

    This is what a finding quotes so that a reader sees why a rule fired: the value, the
    date from which it is in force, the jurisdiction that set it, its source and its mark.
    """

    key: str
    value: object
    since: dt.date
    jurisdiction: str
    source: str
    mark: Mark
    definition: ParameterDefinition = attrs.field(eq=False, repr=False)
    note: str = ""


@attrs.frozen
class Policy:
    """The parameters in force for one jurisdiction on one date. Immutable.

    >>> policy = resolve_policy("622900", on=dt.date(2019, 3, 20))
    >>> policy.value("enrolment.age", int)
    6
    >>> policy["reconciliation.headcount_every"].jurisdiction
    '622900'
    """

    jurisdiction: str
    on: dt.date
    chain: tuple[str, ...]
    _parameters: Mapping[str, Parameter] = attrs.field(repr=False, alias="parameters")
    _first_dates: Mapping[str, dt.date] = attrs.field(repr=False, alias="first_dates")

    def __getitem__(self, key: str) -> Parameter:
        try:
            return self._parameters[key]
        except KeyError:
            if key in self._first_dates:
                raise ParameterNotInForce(key, self.on, self._first_dates[key]) from None
            raise UnknownParameter(key) from None

    @overload
    def value(self, key: str) -> object: ...
    @overload
    def value(self, key: str, kind: type[_T]) -> _T: ...
    def value(self, key: str, kind: type[object] = object) -> object:
        """The value of ``key``; with ``kind``, checked to be of that type."""
        value = self[key].value
        if not isinstance(value, kind):
            raise TypeError(f"policy parameter {key!r} is a {type(value).__name__}")
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._parameters

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self._parameters.values())

    def __len__(self) -> int:
        return len(self._parameters)

    def is_in_force(self, key: str) -> bool:
        """Whether ``key`` has a value on this policy's date."""
        return key in self._parameters

    @property
    def not_in_force(self) -> Mapping[str, dt.date]:
        """Keys defined but not yet in force on this date, with their first dates."""
        return MappingProxyType(
            {k: v for k, v in self._first_dates.items() if k not in self._parameters}
        )


@attrs.frozen
class PolicyBook:
    """Every layer known: the package's own plus any an application stacks on top.

    >>> book = PolicyBook.default().with_layer(Layer.from_mapping({
    ...     "jurisdiction": "622921",
    ...     "parameters": {"case.plan_within_days": {"values": [
    ...         {"since": "2020-01-01", "value": 10, "mark": "C", "source": "county notice"}]}},
    ... }))
    >>> book.resolve("622921", on=dt.date(2020, 6, 1)).value("case.plan_within_days")
    10
    >>> book.resolve("622921", on=dt.date(2019, 6, 1)).value("case.plan_within_days")
    15
    """

    layers: tuple[Layer, ...]
    definitions: Mapping[str, ParameterDefinition] = attrs.field(repr=False)
    _by_jurisdiction: Mapping[str, Mapping[str, tuple[Parameter, ...]]] = attrs.field(
        repr=False, alias="by_jurisdiction"
    )
    _parents: Mapping[str, str] = attrs.field(repr=False, alias="parents")

    @classmethod
    def from_layers(cls, layers: Iterable[Layer]) -> PolicyBook:
        """Stack layers in order; each value is typed by its parameter's definition."""
        ordered = tuple(layers)
        definitions: dict[str, ParameterDefinition] = {}
        for layer in ordered:
            for definition in layer.definitions:
                definitions[definition.key] = definition
        table: dict[str, dict[str, list[Parameter]]] = {}
        parents: dict[str, str] = {}
        for layer in ordered:
            for member in layer.members:
                parents[member] = layer.jurisdiction
            per_key = table.setdefault(layer.jurisdiction, {})
            for raw in layer.values:
                known = definitions.get(raw.key)
                if known is None:
                    raise InvalidPolicyLayer(raw.place(layer.origin), LAYER_UNDEFINED)
                try:
                    value = read_value(known.kind, raw.raw)
                except (TypeError, ValueError) as exc:
                    raise InvalidPolicyLayer(
                        raw.place(layer.origin),
                        LAYER_VALUE_FORM,
                        facts={"kind": known.kind.value, "why": str(exc)},
                    ) from None
                per_key.setdefault(raw.key, []).append(
                    Parameter(
                        key=raw.key,
                        value=value,
                        since=raw.since,
                        jurisdiction=layer.jurisdiction,
                        source=raw.source,
                        mark=raw.mark,
                        definition=known,
                        note=raw.note,
                    )
                )
        frozen = {
            code: MappingProxyType(
                {key: tuple(sorted(items, key=lambda p: p.since)) for key, items in keys.items()}
            )
            for code, keys in table.items()
        }
        return cls(
            layers=ordered,
            definitions=MappingProxyType(definitions),
            by_jurisdiction=MappingProxyType(frozen),
            parents=MappingProxyType(parents),
        )

    @classmethod
    def default(cls) -> PolicyBook:
        """The package's own layers: national, Gansu and Linxia."""
        return _default_book()

    def with_layer(self, layer: Layer) -> PolicyBook:
        """A new book with ``layer`` stacked on top (this one is unchanged)."""
        return PolicyBook.from_layers((*self.layers, layer))

    def with_file(self, path: str | Path) -> PolicyBook:
        """A new book with the layer in the TOML file at ``path`` on top."""
        return self.with_layer(Layer.from_toml(path))

    def chain(self, jurisdiction: str) -> tuple[str, ...]:
        """The jurisdictions stacked for ``jurisdiction``, least specific first.

        >>> PolicyBook.default().chain("622921")
        ('000000', '620000', '622900')
        """
        if len(jurisdiction) != len(NATIONAL) or not (
            jurisdiction.isascii() and jurisdiction.isdigit()
        ):
            raise UnknownJurisdiction(jurisdiction)
        candidates = [
            NATIONAL,
            jurisdiction[:2] + "0000",
            self._parents.get(jurisdiction, jurisdiction[:4] + "00"),
            jurisdiction,
        ]
        chain: list[str] = []
        for code in candidates:
            if code in self._by_jurisdiction and code not in chain:
                chain.append(code)
        if not self._is_known(jurisdiction):
            raise UnknownJurisdiction(jurisdiction)
        return tuple(chain)

    def _is_known(self, jurisdiction: str) -> bool:
        if jurisdiction in self._by_jurisdiction or jurisdiction in self._parents:
            return True
        from dropout_control.identity import is_known_region  # noqa: PLC0415 - core peer

        return is_known_region(jurisdiction)

    def resolve(self, jurisdiction: str = NATIONAL, *, on: dt.date) -> Policy:
        """The policy in force for ``jurisdiction`` on ``on``."""
        on = date_argument(on, "on")
        chain = self.chain(jurisdiction)
        chosen: dict[str, Parameter] = {}
        first: dict[str, dt.date] = {}
        for code in chain:  # least specific first: a later, more specific match wins
            for key, history in self._by_jurisdiction[code].items():
                earliest = history[0].since
                first[key] = min(first.get(key, earliest), earliest)
                in_force = [item for item in history if item.since <= on]
                if not in_force:
                    continue
                if history[0].definition.kind.accumulates:
                    wider = chosen.get(key)
                    items = in_force if wider is None else [wider, *in_force]
                    chosen[key] = functools.reduce(_accumulated, items)
                else:
                    chosen[key] = in_force[-1]
        ordered = {key: chosen[key] for key in sorted(chosen)}
        return Policy(
            jurisdiction=jurisdiction,
            on=on,
            chain=chain,
            parameters=MappingProxyType(ordered),
            first_dates=MappingProxyType(dict(sorted(first.items()))),
        )

    def history(self, key: str, jurisdiction: str = NATIONAL) -> tuple[Parameter, ...]:
        """Every dated value of ``key`` along the chain of ``jurisdiction``."""
        if key not in self.definitions:
            raise UnknownParameter(key)
        return tuple(
            item
            for code in self.chain(jurisdiction)
            for item in self._by_jurisdiction[code].get(key, ())
        )


def _accumulated(earlier: Parameter, later: Parameter) -> Parameter:
    """``later``'s value added to ``earlier``'s (a kind whose values accumulate)."""
    sources = earlier.source.split("; ")
    source = "; ".join([*sources, later.source] if later.source not in sources else sources)
    return attrs.evolve(
        later,
        value=merge_values(later.definition.kind, earlier.value, later.value),
        source=source,
        mark=min(earlier.mark, later.mark, key=_TRUST.index),
        note="; ".join(note for note in (earlier.note, later.note) if note),
    )


@functools.cache
def _default_book() -> PolicyBook:
    data = resources.files("dropout_control.policy") / "data"
    layers = []
    for code in _PACKAGE_LAYERS:
        entry = data / f"{code}.toml"
        with resources.as_file(entry) as path:
            layers.append(Layer.from_toml(path))
    return PolicyBook.from_layers(layers)


def resolve_policy(
    jurisdiction: str = NATIONAL, *, on: dt.date, layers: Iterable[Layer] = ()
) -> Policy:
    """The policy in force for ``jurisdiction`` on ``on``, with optional extra layers.

    >>> resolve_policy(on=dt.date(2019, 3, 20)).value("school_age.upper")
    15
    >>> resolve_policy(on=dt.date(1990, 1, 1)).value("enrolment.age")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    dropout_control.errors.ParameterNotInForce: ... first value is in force from 2006-09-01
    """
    book = PolicyBook.default()
    for layer in layers:
        book = book.with_layer(layer)
    return book.resolve(jurisdiction, on=on)
