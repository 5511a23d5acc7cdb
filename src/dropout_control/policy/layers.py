"""Policy layers: one jurisdiction's dated parameter values, from TOML or a mapping.

A layer is what one authority sets: the national defaults, Gansu's, Linxia's, or an
application's own numbers for its county. Layers are read here and stacked by
:class:`~dropout_control.policy.book.PolicyBook`.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from dropout_control.errors import InvalidPolicyLayer
from dropout_control.policy.values import Mark, ValueKind

__all__ = ["Layer", "ParameterDefinition", "RawValue"]

_CODE_DIGITS = 6


@attrs.frozen
class ParameterDefinition:
    """What a parameter is: its key, the kind of its value, a unit and a description."""

    key: str
    kind: ValueKind
    description: str
    unit: str = ""


@attrs.frozen
class RawValue:
    """One dated value of a parameter as a layer states it, before it is typed."""

    key: str
    since: dt.date
    raw: object
    mark: Mark
    source: str
    note: str = ""
    where: str = attrs.field(default="", eq=False)


@attrs.frozen
class Layer:
    """One jurisdiction's parameters (a national, provincial, prefectural or own layer).

    ``members`` lists the county-level codes a prefecture layer speaks for, so that a
    county without a layer of its own still resolves through its prefecture.
    """

    jurisdiction: str
    name: str
    definitions: tuple[ParameterDefinition, ...]
    values: tuple[RawValue, ...]
    members: frozenset[str] = frozenset()
    origin: str = attrs.field(default="<mapping>", eq=False)

    @classmethod
    def from_toml(cls, path: str | Path) -> Layer:
        """Read a layer from a TOML file (the same form as the package's own data)."""
        where = str(path)
        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
        except OSError as exc:
            raise InvalidPolicyLayer(where, f"cannot be read ({exc.strerror})") from exc
        except tomllib.TOMLDecodeError as exc:
            raise InvalidPolicyLayer(where, f"is not valid TOML ({exc})") from exc
        return cls.from_mapping(data, origin=where)

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], *, origin: str = "<mapping>") -> Layer:
        """Read a layer from a mapping shaped like the TOML form.

        >>> layer = Layer.from_mapping({
        ...     "jurisdiction": "622921",
        ...     "parameters": {"case.plan_within_days": {"values": [
        ...         {"since": "2020-01-01", "value": 10, "mark": "C",
        ...          "source": "county notice 2020-3"}]}},
        ... })
        >>> layer.values[0].since
        datetime.date(2020, 1, 1)
        """
        jurisdiction = _code(data.get("jurisdiction"), f"{origin}: jurisdiction")
        name = data.get("name", jurisdiction)
        if not isinstance(name, str):
            raise InvalidPolicyLayer(f"{origin}: name", "expected a text")
        members = data.get("members", [])
        if not isinstance(members, list):
            raise InvalidPolicyLayer(f"{origin}: members", "expected a list of 6-digit codes")
        member_codes = frozenset(_code(item, f"{origin}: members") for item in members)
        parameters = data.get("parameters", {})
        if not isinstance(parameters, Mapping):
            raise InvalidPolicyLayer(f"{origin}: parameters", "expected a table of parameters")
        definitions: list[ParameterDefinition] = []
        values: list[RawValue] = []
        for key, body in parameters.items():
            place = f"{origin}: parameters.{key}"
            if not isinstance(body, Mapping):
                raise InvalidPolicyLayer(place, "expected a table")
            definition = _definition(key, body, place)
            if definition is not None:
                definitions.append(definition)
            values.extend(_values(key, body.get("values"), place))
        return cls(
            jurisdiction=jurisdiction,
            name=name,
            definitions=tuple(definitions),
            values=tuple(values),
            members=member_codes,
            origin=origin,
        )


def _code(raw: object, where: str) -> str:
    if not isinstance(raw, str) or len(raw) != _CODE_DIGITS or not raw.isdigit():
        raise InvalidPolicyLayer(where, f"expected a 6-digit GB/T 2260 code, got {raw!r}")
    return raw


def _definition(key: str, body: Mapping[str, object], place: str) -> ParameterDefinition | None:
    kind = body.get("kind")
    if kind is None:
        return None
    try:
        value_kind = ValueKind(kind)
    except ValueError:
        known = ", ".join(item.value for item in ValueKind)
        raise InvalidPolicyLayer(place, f"unknown kind {kind!r} (known: {known})") from None
    description = body.get("description", "")
    unit = body.get("unit", "")
    if not isinstance(description, str) or not isinstance(unit, str):
        raise InvalidPolicyLayer(place, "description and unit must be texts")
    return ParameterDefinition(key=key, kind=value_kind, description=description, unit=unit)


def _values(key: str, raw: object, place: str) -> list[RawValue]:
    if not isinstance(raw, Sequence) or isinstance(raw, str) or not raw:
        raise InvalidPolicyLayer(f"{place}.values", "expected a non-empty list of dated values")
    result = []
    for index, entry in enumerate(raw):
        where = f"{place}.values[{index}]"
        if not isinstance(entry, Mapping):
            raise InvalidPolicyLayer(where, "expected a table with since, value, mark, source")
        missing = [name for name in ("since", "value", "mark", "source") if name not in entry]
        if missing:
            raise InvalidPolicyLayer(where, f"missing {', '.join(missing)}")
        since = _since(entry["since"], where)
        try:
            mark = Mark(entry["mark"])
        except ValueError:
            raise InvalidPolicyLayer(where, "mark must be C, S or U") from None
        source = entry["source"]
        note = entry.get("note", "")
        if not isinstance(source, str) or not source.strip() or not isinstance(note, str):
            raise InvalidPolicyLayer(where, "source must be a non-empty text")
        result.append(
            RawValue(
                key=key,
                since=since,
                raw=entry["value"],
                mark=mark,
                source=source,
                note=note,
                where=where,
            )
        )
    return result


def _since(raw: object, where: str) -> dt.date:
    if isinstance(raw, dt.datetime):
        raise InvalidPolicyLayer(where, "since must be a date without a time")
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
    raise InvalidPolicyLayer(where, f"since must be a date YYYY-MM-DD, got {raw!r}")
