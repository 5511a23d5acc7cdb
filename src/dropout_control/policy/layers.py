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
from dropout_control.reasons import reason

__all__ = ["Layer", "ParameterDefinition", "RawValue"]

_CODE_DIGITS = 6
_NATIONAL = "000000"

# Why a layer is refused. Each names the place; a file's error names its line too.
LAYER_UNREADABLE = reason("POLICY.LAYER_UNREADABLE", "无法读取（{why}）", "cannot be read ({why})")
LAYER_NOT_UTF8 = reason(
    "POLICY.LAYER_NOT_UTF8",
    "不是 UTF-8 编码的文本（第 {line} 行）",
    "is not UTF-8 text (line {line}); save the layer as UTF-8",
)
LAYER_NOT_TOML = reason(
    "POLICY.LAYER_NOT_TOML", "不是有效的 TOML（{why}）", "is not valid TOML ({why})"
)
LAYER_CODE_FORM = reason(
    "POLICY.LAYER_CODE_FORM",
    "应为 6 位 GB/T 2260 行政区划代码",
    "expected a 6-digit GB/T 2260 code",
)
LAYER_UNKNOWN_CODE = reason(
    "POLICY.LAYER_UNKNOWN_CODE",
    "{code} 不是 GB/T 2260 中的行政区划代码",
    "{code} is not a region code of GB/T 2260",
)
LAYER_UNKNOWN_KEY = reason(
    "POLICY.LAYER_UNKNOWN_KEY",
    "未知的表或键 {name}（可用：{known}）",
    "unknown table or key {name} (known: {known})",
)
LAYER_NAME_FORM = reason("POLICY.LAYER_NAME_FORM", "应为文本", "expected a text")
LAYER_MEMBERS_FORM = reason(
    "POLICY.LAYER_MEMBERS_FORM", "应为 6 位代码的列表", "expected a list of 6-digit codes"
)
LAYER_PARAMETERS_FORM = reason(
    "POLICY.LAYER_PARAMETERS_FORM", "应为参数表", "expected a table of parameters"
)
LAYER_TABLE_FORM = reason("POLICY.LAYER_TABLE_FORM", "应为表", "expected a table")
LAYER_TEXTS_FORM = reason(
    "POLICY.LAYER_TEXTS_FORM",
    "description 与 unit 应为文本",
    "description and unit must be texts",
)
LAYER_VALUES_FORM = reason(
    "POLICY.LAYER_VALUES_FORM",
    "应为非空的带日期取值列表",
    "expected a non-empty list of dated values",
)
LAYER_ENTRY_FORM = reason(
    "POLICY.LAYER_ENTRY_FORM",
    "应为含 since、value、mark、source 的表",
    "expected a table with since, value, mark, source",
)
LAYER_UNKNOWN_KIND = reason(
    "POLICY.LAYER_UNKNOWN_KIND",
    "未知的参数类型 {kind}（可用：{known}）",
    "unknown kind {kind} (known: {known})",
)
LAYER_MISSING = reason("POLICY.LAYER_MISSING", "缺少 {names}", "missing {names}")
LAYER_SINCE_FORM = reason(
    "POLICY.LAYER_SINCE_FORM",
    "since 应为不带时间的日期 YYYY-MM-DD",
    "since must be a date YYYY-MM-DD without a time",
)
LAYER_MARK_FORM = reason("POLICY.LAYER_MARK_FORM", "mark 应为 C、S 或 U", "mark must be C, S or U")
LAYER_SOURCE_FORM = reason(
    "POLICY.LAYER_SOURCE_FORM",
    "source 应为非空文本，note 应为文本",
    "source must be a non-empty text, and note a text",
)
LAYER_UNDEFINED = reason(
    "POLICY.LAYER_UNDEFINED",
    "没有任何层定义此参数（请给出 kind 与 description）",
    "no layer defines this parameter (give its kind and description)",
)
LAYER_VALUE_FORM = reason("POLICY.LAYER_VALUE_FORM", "不是 {kind} 类型的值：{why}", "{kind}: {why}")

_TOP_KEYS = ("jurisdiction", "name", "members", "parameters")
_PARAMETER_KEYS = ("kind", "description", "unit", "values")
_VALUE_KEYS = ("since", "value", "mark", "source", "note")


def _only_known(table: Mapping[str, object], known: tuple[str, ...], where: str) -> None:
    for name in table:
        if name not in known:
            raise InvalidPolicyLayer(
                f"{where}.{name}" if where.rpartition(": ")[2] else f"{where}{name}",
                LAYER_UNKNOWN_KEY,
                facts={"name": name, "known": ", ".join(known)},
                token=name,
            )


def _line_of(text: str, token: str) -> int | None:
    """The first line of a TOML text that names ``token`` as a key, a table or a value."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("#"):
            continue
        if token in stripped:
            return number
    return None


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
    line: int | None = attrs.field(default=None, eq=False)
    """The line of the layer's file that names the parameter, when read from a file."""

    def place(self, origin: str) -> str:
        """Where the value is stated: the file (and its line) and the place in the layer."""
        at = f"{origin}:{self.line}" if self.line is not None else origin
        return f"{at}: {self.where.removeprefix(origin + ': ')}"


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
                raw = handle.read()
        except OSError as exc:
            raise InvalidPolicyLayer(where, LAYER_UNREADABLE, facts={"why": exc.strerror}) from exc
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise InvalidPolicyLayer(
                f"{where}:{line}", LAYER_NOT_UTF8, facts={"line": line}
            ) from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InvalidPolicyLayer(where, LAYER_NOT_TOML, facts={"why": str(exc)}) from None
        try:
            layer = cls.from_mapping(data, origin=where)
        except InvalidPolicyLayer as exc:
            found = _line_of(text, exc.token) if exc.token else None
            if found is None:
                raise
            raise exc.at(f"{where}:{found}: {exc.where.partition(': ')[2]}") from None
        values = tuple(attrs.evolve(v, line=_line_of(text, v.key)) for v in layer.values)
        return attrs.evolve(layer, values=values)

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
        _only_known(data, _TOP_KEYS, f"{origin}: ")
        jurisdiction = _code(data.get("jurisdiction"), f"{origin}: jurisdiction")
        name = data.get("name", jurisdiction)
        if not isinstance(name, str):
            raise InvalidPolicyLayer(f"{origin}: name", LAYER_NAME_FORM)
        members = data.get("members", [])
        if not isinstance(members, list):
            raise InvalidPolicyLayer(f"{origin}: members", LAYER_MEMBERS_FORM)
        member_codes = frozenset(_code(item, f"{origin}: members") for item in members)
        parameters = data.get("parameters", {})
        if not isinstance(parameters, Mapping):
            raise InvalidPolicyLayer(f"{origin}: parameters", LAYER_PARAMETERS_FORM)
        definitions: list[ParameterDefinition] = []
        values: list[RawValue] = []
        for key, body in parameters.items():
            place = f"{origin}: parameters.{key}"
            if not isinstance(body, Mapping):
                raise InvalidPolicyLayer(place, LAYER_TABLE_FORM)
            _only_known(body, _PARAMETER_KEYS, place)
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
    if (
        not isinstance(raw, str)
        or len(raw) != _CODE_DIGITS
        or not (raw.isascii() and raw.isdigit())
    ):
        raise InvalidPolicyLayer(where, LAYER_CODE_FORM, facts={"got": str(raw)})
    from dropout_control.identity import is_known_region  # noqa: PLC0415 - core peer

    if raw != _NATIONAL and not is_known_region(raw):
        raise InvalidPolicyLayer(where, LAYER_UNKNOWN_CODE, facts={"code": raw}, token=raw)
    return raw


def _definition(key: str, body: Mapping[str, object], place: str) -> ParameterDefinition | None:
    kind = body.get("kind")
    if kind is None:
        return None
    try:
        value_kind = ValueKind(kind)
    except ValueError:
        known = ", ".join(item.value for item in ValueKind)
        raise InvalidPolicyLayer(
            place, LAYER_UNKNOWN_KIND, facts={"kind": repr(kind), "known": known}
        ) from None
    description = body.get("description", "")
    unit = body.get("unit", "")
    if not isinstance(description, str) or not isinstance(unit, str):
        raise InvalidPolicyLayer(place, LAYER_TEXTS_FORM)
    return ParameterDefinition(key=key, kind=value_kind, description=description, unit=unit)


def _values(key: str, raw: object, place: str) -> list[RawValue]:
    if not isinstance(raw, Sequence) or isinstance(raw, str) or not raw:
        raise InvalidPolicyLayer(f"{place}.values", LAYER_VALUES_FORM)
    result = []
    for index, entry in enumerate(raw):
        where = f"{place}.values[{index}]"
        if not isinstance(entry, Mapping):
            raise InvalidPolicyLayer(where, LAYER_ENTRY_FORM)
        missing = [name for name in ("since", "value", "mark", "source") if name not in entry]
        if missing:
            raise InvalidPolicyLayer(where, LAYER_MISSING, facts={"names": ", ".join(missing)})
        _only_known(entry, _VALUE_KEYS, where)
        since = _since(entry["since"], where)
        try:
            mark = Mark(entry["mark"])
        except (ValueError, TypeError):
            raise InvalidPolicyLayer(where, LAYER_MARK_FORM) from None
        source = entry["source"]
        note = entry.get("note", "")
        if not isinstance(source, str) or not source.strip() or not isinstance(note, str):
            raise InvalidPolicyLayer(where, LAYER_SOURCE_FORM)
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
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
    raise InvalidPolicyLayer(where, LAYER_SINCE_FORM, facts={"got": str(raw)})
