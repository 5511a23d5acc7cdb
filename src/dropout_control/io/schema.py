"""The JSON Schema of the JSON report, generated from the report's own classes.

The schema follows the fields and type hints of :class:`~dropout_control.findings.Report`
and of the classes it holds (findings, inputs, rules not run, metrics), written as the
edge converter (:mod:`dropout_control.io.plain`) writes them: dates as ISO texts, rule
IDs as ``ID-002``, coded values as their codes, a subject as a text. A field added to one
of the classes appears in the schema without an edit here. The docs publish the schema
(``report.schema.json`` on the command-line reference page) and ``dropout-control
schema`` prints it; a test holds the published copy equal to this one and validates the
demo's report against it.

>>> schema = report_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["$defs"]["Finding"]["properties"]["rule"]
{'type': 'string', 'pattern': '^[A-Z]{2,6}-[0-9]{3}$'}
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import re
import types
import typing
from collections.abc import Mapping
from typing import Any, Final

import attrs

from dropout_control.calendar.month_day import MonthDay
from dropout_control.calendar.year_month import YearMonth
from dropout_control.findings import Finding, Report, RuleId, Subject
from dropout_control.io.plain import SUBJECT_MASKED
from dropout_control.reasons import Stated

__all__ = ["DRAFT", "report_schema", "report_schema_text"]

_ROLE: Final = re.compile(r":\w+:`~?(?P<target>[^`]+)`")

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of the schema."""

_Schema = dict[str, Any]

# Types the converter writes as texts, with what the text looks like.
_TEXTS: Final[Mapping[object, _Schema]] = {
    str: {"type": "string"},
    dt.date: {"type": "string", "format": "date"},
    RuleId: {"type": "string", "pattern": "^[A-Z]{2,6}-[0-9]{3}$"},
    Subject: {"type": "string"},
    YearMonth: {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"},
    MonthDay: {"type": "string", "pattern": "^[0-9]{2}-[0-9]{2}$"},
}
_SCALARS: Final[Mapping[object, _Schema]] = {
    Stated: {
        "type": "object",
        "description": "A reason: its code in the reason catalogue, and its facts.",
        "properties": {"code": {"type": "string", "pattern": "^[A-Z]+(\\.[A-Z0-9_]+)+$"}},
        "required": ["code"],
    },
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    object: {},
    type(None): {"type": "null"},
}

# Where the converter writes a class otherwise than field by field.
_LEFT_OUT: Final[Mapping[type, frozenset[str]]] = {Finding: frozenset({"title"})}
_WHEN_NOT_EMPTY: Final[Mapping[type, frozenset[str]]] = {Finding: frozenset({"parameters"})}
_ADDED: Final[Mapping[type, Mapping[str, _Schema]]] = {
    Finding: {
        SUBJECT_MASKED: {
            "type": "string",
            "description": "The subject as shown masked; only with --reveal, only for a person.",
        }
    }
}
_DOCUMENT_FIELDS: Final[Mapping[str, _Schema]] = {
    "library_version": {"type": "string", "description": "The version that wrote the report."}
}


def report_schema() -> _Schema:
    """The JSON Schema (draft 2020-12) of the JSON report (``audit --format json``)."""
    definitions: dict[str, _Schema] = {}
    document = _class_schema(Report, definitions)
    document["properties"] = {**document["properties"], **_DOCUMENT_FIELDS}
    document["required"] = [*document["required"], *_DOCUMENT_FIELDS]
    return {
        "$schema": DRAFT,
        "title": "dropout_control JSON report",
        **document,
        "$defs": dict(sorted(definitions.items())),
    }


def _class_schema(cls: type, definitions: dict[str, _Schema]) -> _Schema:
    attrs.resolve_types(cls)
    left_out = _LEFT_OUT.get(cls, frozenset())
    optional = _WHEN_NOT_EMPTY.get(cls, frozenset())
    properties: dict[str, _Schema] = {}
    for field in attrs.fields(cls):
        if field.name in left_out:
            continue
        properties[field.alias or field.name] = _type_schema(field.type, definitions)
    properties.update(_ADDED.get(cls, {}))
    required = [
        name for name in properties if name not in optional and name not in _ADDED.get(cls, {})
    ]
    schema: _Schema = {"type": "object"}
    description = _first_line(cls)
    if description:
        schema["description"] = description
    return {**schema, "properties": properties, "required": required, "additionalProperties": False}


def _first_line(cls: type) -> str:
    """The first paragraph of a class's docstring, without its reST markup."""
    doc = inspect.getdoc(cls) or ""
    text = " ".join(doc.split("\n\n", 1)[0].split())
    text = _ROLE.sub(lambda match: match["target"].rsplit(".", 1)[-1], text)
    return text.replace("``", "")


def _type_schema(kind: object, definitions: dict[str, _Schema]) -> _Schema:
    known = _TEXTS.get(kind, _SCALARS.get(kind))
    if known is not None:
        return dict(known)
    origin = typing.get_origin(kind)
    arguments = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(member, definitions) for member in arguments]}
    if origin in (tuple, list, frozenset, set):
        return {"type": "array", "items": _type_schema(arguments[0], definitions)}
    if origin in (dict, Mapping):
        return {"type": "object", "additionalProperties": _type_schema(arguments[1], definitions)}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    if isinstance(kind, type) and attrs.has(kind):
        name = kind.__name__
        if name not in definitions:
            definitions[name] = {}  # taken before the fields, for a class that holds itself
            definitions[name] = _class_schema(kind, definitions)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {kind!r}")


def report_schema_text() -> str:
    """The schema as the docs publish it and ``dropout-control schema`` prints it: JSON,
    indented by two spaces, keys in the order of the classes, ending with a newline."""
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"
