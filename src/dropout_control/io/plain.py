"""Plain data at the edge: records, findings, reports and policy layers to JSON-ready data
and back, through one configured cattrs converter.

:func:`unstructure` turns an object into dicts, lists, texts, numbers, booleans and
``None``: dates as ISO texts (``2019-03-20``), months as ``2019-03``, coded values as
their codes, rule IDs as ``ID-002``. Personal values are masked (resident IDs, student
numbers and names of the records, the subject of a finding, birth dates) unless the
caller asks for the clear values with ``reveal=True``. :func:`structure` reads the clear
form back: ``structure(unstructure(x, reveal=True), type(x)) == x`` for every record kind,
every report and every policy layer. Records are read back by the readers' own
converter (:data:`dropout_control.io.CONVERTER`), so a row of a file and a record's plain
form are read the same way.

The JSON report (``dropout-control audit --format json``) is
:func:`~dropout_control.io.reports.report_document`, made here; its JSON Schema is
generated from the same classes (:mod:`dropout_control.io.schema`).

>>> from dropout_control.identity import ResidentId
>>> from dropout_control.population import EmploymentReport
>>> report = EmploymentReport(
...     resident_id=ResidentId.parse("11010519491231002X"), employer="某某砖厂",
...     reported_on=dt.date(2019, 3, 1))
>>> masked = unstructure(report)
>>> masked["resident_id"], masked["reported_on"]
('110105**********2X', '2019-03-01')
>>> clear = unstructure(report, reveal=True)
>>> clear["resident_id"]
'11010519491231002X'
>>> structure(clear, EmploymentReport) == report
True
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from dropout_control.calendar.month_day import MonthDay
from dropout_control.calendar.year_month import YearMonth
from dropout_control.errors import InvalidResidentId
from dropout_control.findings import Finding, ParameterUse, RuleId, SourceLocation, Subject
from dropout_control.identity import ResidentId, StudentNumber, mask_name, mask_number
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.identity.masking import mask_date
from dropout_control.io.converter import is_record_class, make_converter, structure_hook
from dropout_control.policy import Layer, Parameter, PolicyBook, SchoolStructure, resolve_policy
from dropout_control.policy.values import ValueKind, read_value
from dropout_control.reasons import CATALOGUE, Message, Reason, Stated

__all__ = [
    "SUBJECT_MASKED",
    "converter",
    "mask_date",
    "shown_message",
    "structure",
    "unstructure",
]

_T = TypeVar("_T")

# Record fields holding a person's name, a number kept as text, or a birth date: masked
# unless revealed. Personal numbers of a record's own types are masked by type.
_NAME_FIELDS: Final = frozenset({"name"})
_NUMBER_TEXT_FIELDS: Final = frozenset({"resident_id", "student_number"})
_BIRTH_DATE: Final = "birth_date"

# A finding's keys come first in this order (the JSON report contract); any other field
# follows in the class's order.
_FINDING_ORDER: Final[tuple[str, ...]] = (
    "rule",
    "severity",
    "kind",
    "subject",
    "source",
    "related",
    "facts",
)
_FINDING_LAST: Final[tuple[str, ...]] = ("message",)
SUBJECT_MASKED: Final = "subject_masked"
"""The key of a finding's subject as shown masked, written beside the clear one when revealed."""
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLEAR_RESIDENT_ID: Final = re.compile(r"[0-9]{17}[0-9X]")


def unstructure(obj: object, *, reveal: bool = False) -> Any:
    """``obj`` as JSON-ready data; personal values masked unless ``reveal``."""
    return converter(reveal=reveal).unstructure(obj)


def structure(data: object, cls: type[_T]) -> _T:
    """The object of class ``cls`` that the clear plain form ``data`` describes.

    Raises :class:`~dropout_control.errors.InvalidRecord` (or cattrs' errors for data of
    the wrong shape) when ``data`` does not describe one.
    """
    return converter(reveal=True).structure(data, cls)


@cache
def converter(*, reveal: bool = False) -> cattrs.Converter:
    """The configured converter: masked output, or clear output with ``reveal``.

    Both structure the same way (from the clear form); there is one of each per process.
    """
    made = make_converter()
    _register_values(made, reveal=reveal)
    _register_records(made, reveal=reveal)
    _register_findings(made, reveal=reveal)
    _register_layers(made)
    return made


# Values ---------------------------------------------------------------------------------


def _plain(value: object, *, reveal: bool = True, key: str = "") -> object:
    """A fact or a parameter value as JSON-ready data; a birth date masked unless
    ``reveal``."""
    if value is None or isinstance(value, bool | int | float | str):
        plain: object = value
    elif isinstance(value, dt.date):
        masked = not reveal and key.endswith(_BIRTH_DATE)
        plain = mask_date(value) if masked else value.isoformat()
    elif isinstance(value, enum.Enum):
        plain = _plain(value.value)
    elif isinstance(value, Stated):
        facts = {k: _plain(item, reveal=reveal, key=k) for k, item in value.facts.items()}
        plain = {"code": value.code, **facts}
    elif isinstance(value, Reason):
        plain = value.code
    elif isinstance(value, Mapping):
        plain = {str(k): _plain(item, reveal=reveal, key=key) for k, item in value.items()}
    elif isinstance(value, list | tuple | frozenset | set):
        plain = [_plain(item, reveal=reveal, key=key) for item in value]
    elif isinstance(value, ResidentId | StudentNumber | MalformedNumber | Subject):
        plain = value.reveal() if reveal else str(value)
    else:
        plain = str(value)
    return plain


def _stated(data: object) -> Stated:
    """A reason read back from its plain form (its code and facts)."""
    read = _dated(data)
    if not isinstance(read, Stated):
        raise TypeError(f"expected a reason with a known code, got {data!r}")
    return read


def _text_fact(value: str) -> object:
    """A text fact read back: an ISO date is a date again, a resident ID number written
    in clear (a revealed report) a number again; other text stays text."""
    try:
        if _ISO_DATE.fullmatch(value):
            return dt.date.fromisoformat(value)
        if _CLEAR_RESIDENT_ID.fullmatch(value):
            return ResidentId.parse(value)
    except (ValueError, InvalidResidentId):
        pass
    return value


def _dated(value: object) -> object:
    """A fact read back: ISO dates become dates again, and resident ID numbers written in
    clear (a revealed report) numbers again, in lists and tables too."""
    if isinstance(value, str):
        return _text_fact(value)
    if isinstance(value, list):
        return [_dated(item) for item in value]
    if isinstance(value, dict):
        code = value.get("code")
        if isinstance(code, str) and code in CATALOGUE:
            # A reason given with its facts, as the report writes it.
            facts = {key: _dated(item) for key, item in value.items() if key != "code"}
            return Stated(CATALOGUE[code], facts)
        return {key: _dated(item) for key, item in value.items()}
    return value


def _register_values(made: cattrs.Converter, *, reveal: bool) -> None:
    made.register_unstructure_hook(dt.date, dt.date.isoformat)
    for shown_as_text in (YearMonth, MonthDay, SchoolStructure, RuleId):
        made.register_unstructure_hook(shown_as_text, str)
    for personal in (ResidentId, StudentNumber, MalformedNumber):
        made.register_unstructure_hook(personal, _personal_text(reveal=reveal))
    made.register_unstructure_hook(Stated, lambda stated: _plain(stated, reveal=reveal))
    made.register_structure_hook(Stated, lambda data, _: _stated(data))
    made.register_structure_hook(RuleId, lambda data, _: RuleId.parse(data))
    made.register_structure_hook(MonthDay, lambda data, _: MonthDay.parse(data))
    made.register_structure_hook(SchoolStructure, lambda data, _: SchoolStructure.parse(data))


def _personal_text(
    *, reveal: bool
) -> Callable[[ResidentId | StudentNumber | MalformedNumber], str]:
    if reveal:
        return lambda number: number.reveal()
    return str


# Records --------------------------------------------------------------------------------


def _register_records(made: cattrs.Converter, *, reveal: bool) -> None:
    # Every record class a kind declares, the library's and an application's.
    made.register_unstructure_hook_factory(
        is_record_class, lambda record_class: _record_unstructure(made, record_class, reveal=reveal)
    )
    made.register_structure_hook_factory(is_record_class, _record_structure)


def _record_unstructure(
    made: cattrs.Converter, record_class: type, *, reveal: bool
) -> Callable[[Any], dict[str, Any]]:
    overrides: dict[str, Any] = {}
    if not reveal:
        for field in attrs.fields(record_class):
            hook = _masking_hook(field)
            if hook is not None:
                overrides[field.name] = override(unstruct_hook=hook)
    return make_dict_unstructure_fn(record_class, made, **overrides)


def _masking_hook(field: attrs.Attribute[Any]) -> Callable[[Any], object] | None:
    if field.name in _NAME_FIELDS:
        return lambda text: None if text is None else mask_name(text)
    if field.name in _NUMBER_TEXT_FIELDS and not _holds_number_objects(field.type):
        return lambda text: None if text is None else mask_number(text)
    if field.name.endswith(_BIRTH_DATE):
        return lambda day: None if day is None else mask_date(day)
    return None


def _holds_number_objects(kind: object) -> bool:
    members = getattr(kind, "__args__", (kind,))
    return any(member in (ResidentId, StudentNumber) for member in members)


def _record_structure(record_class: type) -> Callable[[Any, Any], Any]:
    # The readers' own structure function: a plain form reads back as a file row does.
    read_row = structure_hook(record_class)

    def structure_record(data: Mapping[str, Any], _: object) -> object:
        row = dict(data)
        source = row.get("source")
        if isinstance(source, Mapping):
            row["source"] = SourceLocation(source["file"], source["line"])
        return read_row(row, record_class)

    return structure_record


# Findings ---------------------------------------------------------------------------------


def _register_findings(made: cattrs.Converter, *, reveal: bool) -> None:
    def facts_out(facts: Mapping[str, object]) -> dict[str, object]:
        return {key: _plain(value, reveal=reveal, key=key) for key, value in facts.items()}

    def subject_out(subject: Subject) -> str:
        return subject.reveal() if reveal else subject.shown

    made.register_unstructure_hook(
        ParameterUse,
        make_dict_unstructure_fn(ParameterUse, made, value=override(unstruct_hook=_plain)),
    )
    generic = make_dict_unstructure_fn(
        Finding,
        made,
        subject=override(unstruct_hook=subject_out),
        facts=override(unstruct_hook=facts_out),
        parameters=override(omit_if_default=True),
        title=override(omit=True),
    )

    def finding_out(finding: Finding) -> dict[str, Any]:
        data = generic(finding)
        ordered: dict[str, Any] = {key: data.pop(key) for key in _FINDING_ORDER if key in data}
        last = {key: data.pop(key) for key in _FINDING_LAST if key in data}
        ordered.update(last)
        ordered.update(data)
        if reveal and finding.subject.shown != finding.subject.reveal():
            ordered[SUBJECT_MASKED] = finding.subject.shown
        if not reveal:
            _mask_birth_dates_in_texts(ordered, finding.facts)
        return ordered

    made.register_unstructure_hook(Finding, finding_out)

    read_finding = make_dict_structure_fn(
        Finding,
        made,
        subject=override(struct_hook=lambda subject, _: subject),
        facts=override(struct_hook=lambda facts, _: {k: _dated(v) for k, v in facts.items()}),
    )

    def finding_in(data: Mapping[str, Any], _: object) -> Finding:
        row = dict(data)
        clear = row["subject"]
        row["subject"] = Subject(shown=row.pop(SUBJECT_MASKED, clear), clear=clear)
        return read_finding(row, Finding)

    made.register_structure_hook(Finding, finding_in)
    read_use = make_dict_structure_fn(
        ParameterUse, made, value=override(struct_hook=lambda value, _: value)
    )

    def parameter_use_in(data: Mapping[str, Any], _: object) -> ParameterUse:
        use = read_use(data, ParameterUse)
        definition = _definitions().get(use.key)
        if definition is None:
            return use
        if isinstance(use.value, str) and definition.kind == _SUMMARISED:
            # A calendar is written as its summary (a finding does not copy twenty years
            # of days off): read back, it is the value the policy holds.
            held = resolve_policy(use.jurisdiction, on=use.since)
            return attrs.evolve(use, value=held.value(use.key))
        return attrs.evolve(use, value=read_value(definition.kind, use.value))

    made.register_structure_hook(ParameterUse, parameter_use_in)


_SUMMARISED: Final = ValueKind.DAY_ARRANGEMENTS


def _birth_date_masker(facts: Mapping[str, object]) -> Callable[[str], str] | None:
    """What masks, in a text rendered from ``facts``, the birth dates they name (None when
    they name none)."""
    births = {
        value.isoformat(): mask_date(value)
        for key, value in facts.items()
        if key.endswith(_BIRTH_DATE) and isinstance(value, dt.date)
    }
    if not births:
        return None

    def masked(text: str) -> str:
        for clear, shown in births.items():
            text = text.replace(clear, shown)
        return text

    return masked


def shown_message(finding: Finding, *, reveal: bool = False) -> Message:
    """A finding's message as every output shows it: the birth dates its facts name
    masked (``2012-**-**``) unless ``reveal``."""
    masked = None if reveal else _birth_date_masker(finding.facts)
    if masked is None:
        return finding.message
    return Message(masked(finding.message.zh), masked(finding.message.en))


def _mask_birth_dates_in_texts(data: dict[str, Any], facts: Mapping[str, object]) -> None:
    """Mask, in the message and the text facts of a finding's plain form, the birth dates
    its facts name (a message is rendered with them in clear)."""
    masked = _birth_date_masker(facts)
    if masked is None:
        return
    data["message"] = {lang: masked(text) for lang, text in data["message"].items()}
    data["facts"] = {
        key: masked(value) if isinstance(value, str) else value
        for key, value in data["facts"].items()
    }


@cache
def _definitions() -> Mapping[str, Any]:
    return PolicyBook.default().definitions


# Policy layers ---------------------------------------------------------------------------


def _register_layers(made: cattrs.Converter) -> None:
    made.register_unstructure_hook(Layer, _layer_out)
    made.register_unstructure_hook(Parameter, _parameter_out(made))
    made.register_structure_hook(Layer, lambda data, _: Layer.from_mapping(_dates_read(data)))


def _dates_read(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """The TOML form of a layer with the values of date parameters as dates (as a TOML file
    writes them) rather than ISO texts (as JSON does)."""
    parameters = data.get("parameters")
    if not isinstance(parameters, Mapping):
        return data
    known = _definitions()
    read: dict[str, Any] = {}
    for key, body in parameters.items():
        kind = body.get("kind") if isinstance(body, Mapping) else None
        if kind is None and key in known:
            kind = known[key].kind.value
        values = body.get("values") if isinstance(body, Mapping) else None
        if kind == ValueKind.DATE.value and isinstance(values, list):
            read[key] = {**body, "values": [_date_value(entry) for entry in values]}
        else:
            read[key] = body
    return {**data, "parameters": read}


def _date_value(entry: object) -> object:
    if isinstance(entry, Mapping) and isinstance(entry.get("value"), str):
        return {**entry, "value": _dated(entry["value"])}
    return entry


def _parameter_out(made: cattrs.Converter) -> Callable[[Parameter], dict[str, Any]]:
    """A parameter in force with its definition's unit and description."""
    generic = make_dict_unstructure_fn(
        Parameter,
        made,
        value=override(unstruct_hook=_plain),
        definition=override(omit=True),
        note=override(omit_if_default=True),
    )

    def parameter_out(parameter: Parameter) -> dict[str, Any]:
        data = generic(parameter)
        definition = parameter.definition
        return {
            "key": data.pop("key"),
            "value": data.pop("value"),
            "unit": definition.unit,
            **data,
            "description": definition.description,
        }

    return parameter_out


def _layer_out(layer: Layer) -> dict[str, Any]:
    """A layer in the form of the package's TOML files (what ``Layer.from_mapping`` reads)."""
    parameters: dict[str, dict[str, Any]] = {}
    for value in layer.values:
        entry = parameters.setdefault(value.key, {})
        dated: dict[str, object] = {
            "since": value.since.isoformat(),
            "value": _plain(value.raw),
            "mark": value.mark.value,
            "source": value.source,
        }
        if value.note:
            dated["note"] = value.note
        entry.setdefault("values", []).append(dated)
    for definition in layer.definitions:
        entry = parameters.setdefault(definition.key, {})
        entry.update(
            {"kind": definition.kind.value, "description": definition.description},
            **({"unit": definition.unit} if definition.unit else {}),
        )
    return {
        "jurisdiction": layer.jurisdiction,
        "name": layer.name,
        "members": sorted(layer.members),
        "parameters": {key: _definition_first(entry) for key, entry in parameters.items()},
    }


def _definition_first(entry: Mapping[str, Any]) -> dict[str, Any]:
    order: Iterable[str] = ("kind", "description", "unit", "values")
    return {key: entry[key] for key in order if key in entry}
