"""The converter: a row of canonical fields becomes a record, or a reason it cannot.

One configured cattrs :class:`~cattrs.Converter` does the work. It knows how to read a
cell into each value type of the records (resident IDs and student numbers, coded
values, dates, months, booleans, whole numbers, sex), and holds for each record class of
:data:`~dropout_control.kinds.KINDS` a structure function. Each field has its
own hook: the hook knows the field's name, whether it is required, and its default, so
an empty cell becomes ``None``, the default, or a "missing required field" error naming
the field. The structure function is generated from the same field plans: it takes the
common cells inline (an empty cell, a repeated value, a JSON number or boolean, a
compact personal number) and calls the hook for the rest; with detailed validation it
is the one cattrs generates, which calls every hook.

A row that cannot become a record raises :class:`~dropout_control.errors.InvalidRecord`
naming the first bad field, with a reason (a code such as ``INPUT.NO_SUCH_DATE``, its
facts, and its texts in Chinese and English) that never shows a personal value in clear
(a bad cell is shown only when it is made of digits and date punctuation; other text is
masked). A malformed resident ID or student number is not
such a row: it is kept as a :class:`~dropout_control.identity.malformed.MalformedNumber`
for the ID rules.

>>> record = structure_record("employment", {
...     "resident_id": "11010519491231002X", "employer": "某某砖厂", "reported_on": "2019/3/1"})
>>> record.resident_id, record.reported_on
(ResidentId('110105**********2X'), datetime.date(2019, 3, 1))
>>> structure_record("employment", {"resident_id": "1", "employer": "", "reported_on": "20190301"})
Traceback (most recent call last):
...
dropout_control.errors.InvalidRecord: employer: missing required field
"""

from __future__ import annotations

import datetime as dt
import linecache
import re
import types
import typing
from collections.abc import Callable, Collection, Mapping
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import ClassValidationError
from cattrs.gen import make_dict_structure_fn, override

from dropout_control.calendar.year_month import YearMonth
from dropout_control.checked import trusted_init
from dropout_control.codes import Code
from dropout_control.errors import (
    InvalidDate,
    InvalidRecord,
    InvalidResidentId,
    InvalidStudentNumber,
)
from dropout_control.identity import (
    ResidentId,
    Sex,
    StudentNumber,
    compact_resident_id,
    compact_student_number,
    mask_name,
    mask_number,
)
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.io import values
from dropout_control.kinds import KINDS, KindRegistry
from dropout_control.reasons import Stated, reason

__all__ = [
    "CONVERTER",
    "MISSING",
    "column_shown_safely",
    "field_parser",
    "fields_told_by_cells",
    "make_converter",
    "optional_cell_readers",
    "parse_resident_id",
    "parse_student_number",
    "rejection_of",
    "shown_safely",
    "structure_record",
]

MISSING: Final = reason("INPUT.MISSING", "缺少必填字段", "missing required field")
"""The reason given for a required field whose cell is empty or absent."""

_Parser = Callable[[object, str], Any]


STORED_AS_NUMBER: Final = reason(
    "ID.STORED_AS_NUMBER",
    "身份证件号被表格存成了数字，末几位已经丢失：请把这一列设为文本后重新导出",
    "the resident ID number was stored by a spreadsheet as a number, which loses its last "
    "digits: export the column as text",
)
"""A resident ID number that a spreadsheet stored as a number (``6.2292120120901e+17``):
a spreadsheet keeps 15 significant digits, so the last of the 18 are lost."""

# How a spreadsheet writes a large number it keeps as a number: 6.2292120120901E+17.
_SCIENTIFIC: Final = re.compile(r"\d(?:\.\d*)?[eE]\+?\d+")


def _number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_resident_id(value: object, field: str) -> ResidentId | MalformedNumber:
    """A resident ID number, or the text as written when it is not a valid one (ID-001).

    A number stored as a number by a spreadsheet (a float, an integer that lost its last
    digits, or its scientific form as text) is kept malformed with the reason
    ``ID.STORED_AS_NUMBER``, not reported as a wrong check character.
    """
    if (
        value.__class__ is not str
        and isinstance(value, int | float)
        and not isinstance(value, bool)
    ):
        text = _number_text(value)
        try:
            return ResidentId.parse(text)  # an integer that kept every digit
        except InvalidResidentId:
            return MalformedNumber(text, STORED_AS_NUMBER.given())
    text = values.cell_text(value, field).strip()
    if _SCIENTIFIC.fullmatch(text):
        return MalformedNumber(text, STORED_AS_NUMBER.given())
    try:
        return ResidentId.parse(text)
    except InvalidResidentId as error:
        return MalformedNumber(text, error.stated)


def parse_student_number(value: object, field: str) -> StudentNumber | MalformedNumber:
    """A student number, or the text as written when it is malformed (ID-004)."""
    text = values.cell_text(value, field).strip()
    try:
        return StudentNumber.parse(text)
    except InvalidStudentNumber as error:
        return MalformedNumber(text, error.stated)


def _compact_resident_id(value: object, field: str) -> str:
    return compact_resident_id(values.cell_text(value, field))


def _compact_student_number(value: object, field: str) -> str:
    return compact_student_number(values.cell_text(value, field))


def _code_parser(code: type[Code]) -> _Parser:
    def parse(value: object, field: str) -> Code:
        return code.parse(values.cell_text(value, field), field=field)

    return parse


_BY_TYPE: Final[Mapping[object, _Parser]] = {
    dt.date: values.parse_date,
    YearMonth: values.parse_month,
    bool: values.parse_bool,
    int: values.parse_int,
    Sex: values.parse_sex,
    str: values.parse_text,
    ResidentId | MalformedNumber: parse_resident_id,
    StudentNumber | MalformedNumber: parse_student_number,
}

# Fields whose type alone does not say how they are written.
_BY_FIELD: Final[Mapping[tuple[object, str], _Parser]] = {
    (int, "grade"): values.parse_grade,
    (dt.date, "entry_date"): values.parse_entry_month,
    (str, "household_region"): values.parse_region,
    (str, "ethnicity"): values.parse_ethnicity,
    (str, "disability"): values.parse_disability,
    # Headcounts keep the numbers as text: in compact form, to match the registry's.
    (str, "student_number"): _compact_student_number,
    (str, "resident_id"): _compact_resident_id,
}


def _without_none(kind: object) -> tuple[object, bool]:
    """The type without ``None``, and whether ``None`` was allowed."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        members = [member for member in typing.get_args(kind) if member is not type(None)]
        optional = len(members) < len(typing.get_args(kind))
        rest: object = members[0] if len(members) == 1 else typing.Union[tuple(members)]  # noqa: UP007
        return rest, optional
    return kind, False


def field_parser(kind: object, field: str = "value") -> _Parser | None:
    """The parser of a cell of type ``kind`` (``None`` allowed or not) in ``field``."""
    bare, _ = _without_none(kind)
    found = _BY_FIELD.get((bare, field)) or _BY_TYPE.get(bare)
    if found is None and isinstance(bare, type) and issubclass(bare, Code):
        found = _code_parser(bare)
    return found


# Field hooks -----------------------------------------------------------------------
#
# The structure function cattrs generates for a record calls one hook per field with the
# cell and the field's type. A hook handles the empty cell (the field's default, or
# "missing required field") and gives the rest to the field's parser. The common cells
# take a shorter path first (an exact look-up, an ISO date), since every row pays for it.

_Hook = Callable[[object, object], object]


class _Absent:
    """What an empty cell gives a field: its default, or an error if it is required."""

    __slots__ = ("default", "field", "required")

    def __init__(self, field: str, default: object) -> None:
        self.field = field
        self.required = default is attrs.NOTHING
        self.default = None if self.required else default

    def __call__(self) -> object:
        if self.required:
            raise InvalidRecord(self.field, MISSING)
        return self.default


def _general_hook(parse: _Parser, absent: _Absent) -> _Hook:
    field = absent.field

    def hook(value: object, _: object) -> object:
        if value.__class__ is str:
            value = value.strip()
            if not value:
                return absent()
        elif value is None:
            return absent()
        return parse(value, field)

    return hook


def _text_hook(absent: _Absent) -> _Hook:
    field = absent.field

    def hook(value: object, _: object) -> object:
        if value.__class__ is str:
            text: str = value.strip()
            return text or absent()
        if value is None:
            return absent()
        return values.parse_text(value, field)

    return hook


# How many distinct cells a field remembers the value of. Dates, months, codes and
# schools repeat (a million students have a few thousand birth dates and share one text
# object per school); personal numbers and names are never remembered.
_MEMO_SIZE: Final = 1 << 16
_PERSONAL_TEXT: Final = frozenset({"name"})
_UNSEEN: Final = object()


def _memo_table(table: Mapping[str, object], absent: _Absent) -> dict[str, object]:
    memo = dict(table)
    if not absent.required:
        memo[""] = absent.default
    return memo


def _memo_hook(memo: dict[str, object], parse: _Parser, absent: _Absent) -> _Hook:
    general = _general_hook(parse, absent)

    def hook(value: object, kind: object) -> object:
        if value.__class__ is str:
            found = memo.get(value, _UNSEEN)
            if found is not _UNSEEN:
                return found
            found = general(value, kind)
            if len(memo) < _MEMO_SIZE:
                memo[value] = found
            return found
        return general(value, kind)

    return hook


_COMPACT_LENGTH: Final[Mapping[type, int]] = {ResidentId: 18, StudentNumber: 19}
_INVALID: Final[Mapping[type, type[InvalidRecord]]] = {
    ResidentId: InvalidResidentId,
    StudentNumber: InvalidStudentNumber,
}


def _number_hook(
    number: type[ResidentId | StudentNumber], parse: _Parser, absent: _Absent
) -> _Hook:
    general = _general_hook(parse, absent)
    length = _COMPACT_LENGTH[number]
    invalid = _INVALID[number]

    def hook(value: object, kind: object) -> object:
        # A number already in compact form is checked once, by the constructor.
        if value.__class__ is str and len(value) == length:
            try:
                return number(value)
            except invalid:
                pass  # the general path keeps it as a malformed number, with the reason
        return general(value, kind)

    return hook


def _passthrough(value: object, _: object) -> object:
    return value


def _code_table(code: type[Code]) -> Mapping[str, object]:
    table: dict[str, object] = {}
    for member in code:
        for name in (member.value, member.zh, *member.aliases):
            table[name] = member
            table.setdefault(name.casefold(), member)
    return table


def _known_cells(parse: _Parser, kind: object, name: str) -> Mapping[str, object]:
    if parse is values.parse_text:
        return values.TEXT_VALUES.get(name, {})
    tables: dict[_Parser, Mapping[str, object]] = {
        values.parse_bool: values.BOOLEANS,
        values.parse_sex: values.SEXES,
        values.parse_grade: values.GRADES,
    }
    if parse in tables:
        return tables[parse]
    bare, _ = _without_none(kind)
    if isinstance(bare, type) and issubclass(bare, Code):
        return _code_table(bare)
    return {}


# Parsers that give a JSON value of this type back as it is.
_NATURAL: Final[Mapping[_Parser, type]] = {
    values.parse_int: int,
    values.parse_grade: int,
    values.parse_bool: bool,
}


@attrs.frozen
class _FieldPlan:
    """How a record field is read from its cell.

    ``hook`` reads any cell; ``memo`` (for repeated values) maps cells already read to
    their values; ``natural`` is the JSON type (whole number, boolean) whose values are
    the field's values as they are; ``number`` (for personal numbers) is the class a cell
    of the compact length is tried as first. The structure function of a record takes
    these short paths inline and calls the hook only for the rest.
    """

    name: str
    hook: _Hook
    absent: _Absent | None = None
    memo: dict[str, object] | None = None
    natural: type | None = None
    number: type[ResidentId | StudentNumber] | None = None


def _plan(attribute: attrs.Attribute[Any]) -> _FieldPlan:
    name = attribute.name
    if name == "source":
        return _FieldPlan(name, _passthrough)
    parse = field_parser(attribute.type, name)
    if parse is None:
        raise TypeError(f"no cell parser for {name}: {attribute.type!r}")
    if isinstance(attribute.default, attrs.Factory):  # type: ignore[arg-type]
        raise TypeError(f"{name}: a record field read from a file cannot have a factory default")
    absent = _Absent(name, attribute.default)
    if parse is values.parse_text and name in _PERSONAL_TEXT:
        return _FieldPlan(name, _text_hook(absent), absent)
    if parse in (parse_resident_id, parse_student_number):
        number = ResidentId if parse is parse_resident_id else StudentNumber
        return _FieldPlan(name, _number_hook(number, parse, absent), absent, number=number)
    if parse in (_compact_resident_id, _compact_student_number):
        return _FieldPlan(name, _general_hook(parse, absent), absent)
    memo = _memo_table(_known_cells(parse, attribute.type, name), absent)
    natural = _NATURAL.get(parse)
    return _FieldPlan(name, _memo_hook(memo, parse, absent), absent, memo, natural)


def _field_hook(attribute: attrs.Attribute[Any]) -> _Hook:
    return _plan(attribute).hook


def optional_cell_readers(
    record_class: type, *, essential: Collection[str] = ()
) -> Mapping[str, Callable[[object], object]]:
    """The cell readers of the fields a record can be without (INPUT-003), by field.

    Those whose empty cell gives ``None``, less the ``essential`` ones (a bad cell in
    those still rejects the row). Each reader raises
    :class:`~dropout_control.errors.InvalidRecord` for a cell it cannot read, so the
    caller tells an unreadable cell from a record whose invariant failed.
    """
    readers: dict[str, Callable[[object], object]] = {}
    attrs.resolve_types(record_class)
    for attribute in attrs.fields(record_class):
        if attribute.default is None and attribute.name not in essential:
            hook = _plan(attribute).hook
            readers[attribute.name] = lambda value, hook=hook: hook(value, None)  # type: ignore[misc]
    return readers


def _if_chain(branches: list[tuple[str | None, list[str]]]) -> list[str]:
    """Python lines (indented once) of an if/elif/else chain; the last has no condition."""
    if len(branches) == 1:
        return ["    " + line for line in branches[0][1]]
    lines = []
    for position, (condition, body) in enumerate(branches):
        keyword = "if" if position == 0 else "elif"
        lines.append(f"    {keyword} {condition}:" if condition is not None else "    else:")
        lines += ["        " + line for line in body]
    return lines


# Parsers that may read a filled cell as None (无 for "no disability").
_MAY_READ_NONE: Final = frozenset({values.parse_disability})


def fields_told_by_cells(record_class: type) -> frozenset[str]:
    """The fields of a record class whose value does not say whether their cell was filled.

    Those with a default other than ``None`` (an empty cell gives the default) and those
    whose parser reads some filled cells as ``None``. For the others, a value other than
    ``None`` in a record means the cell had a value.
    """
    told = set()
    for attribute in attrs.fields(record_class):
        if attribute.name == "source":
            continue
        parse = field_parser(attribute.type, attribute.name)
        if attribute.default not in (None, attrs.NOTHING) or parse in _MAY_READ_NONE:
            told.add(attribute.name)
    return frozenset(told)


def _structure_function(record_class: type) -> Callable[[Mapping[str, object], object], object]:
    """The structure function of a record class, without a call per common cell.

    cattrs' generated function calls each field's hook; this one, generated the same
    way from the same plans, looks a repeated cell up in the field's memo table and
    builds a compact personal number directly, and calls the hook only for the rest.
    Fields are read in their order, so the first bad field is the one named; an absent
    key is an empty cell.
    """
    fields = attrs.fields(record_class)
    if any(field.kw_only for field in fields):  # pragma: no cover - no record has one
        raise TypeError(f"{record_class.__name__}: keyword-only fields are not supported")
    names: dict[str, object] = {"_cls": record_class, "_UNSEEN": _UNSEEN, "_str": str}
    lines = ["def structure(row, _=None):", "    get = row.get"]
    for index, field in enumerate(fields):
        plan = _plan(field)
        out = f"a{index}"
        names[f"_hook{index}"] = plan.hook
        call_hook = [f"{out} = _hook{index}(v, None)"]
        # (condition, statements) in turn; the last has no condition (else)
        branches: list[tuple[str | None, list[str]]] = []
        if plan.absent is not None and not plan.absent.required:
            names[f"_default{index}"] = plan.absent.default
            branches.append(("v is None", [f"{out} = _default{index}"]))
        if plan.memo is not None:
            names[f"_memo{index}"] = plan.memo
            lookup = [f"{out} = _memo{index}.get(v, _UNSEEN)", f"if {out} is _UNSEEN:"]
            branches.append(("v.__class__ is _str", [*lookup, "    " + call_hook[0]]))
            if plan.natural is not None:
                names[f"_natural{index}"] = plan.natural
                branches.append((f"v.__class__ is _natural{index}", [f"{out} = v"]))
        elif plan.number is not None:
            names[f"_number{index}"] = plan.number
            names[f"_invalid{index}"] = _INVALID[plan.number]
            length = _COMPACT_LENGTH[plan.number]
            compact = ["try:", f"    {out} = _number{index}(v)", f"except _invalid{index}:"]
            branches.append(
                (f"v.__class__ is _str and len(v) == {length}", [*compact, "    " + call_hook[0]])
            )
        elif plan.hook is _passthrough:
            call_hook = [f"{out} = v"]
        branches.append((None, call_hook))
        lines.append(f"    v = get({field.name!r})")
        lines += _if_chain(branches)
    arguments = ", ".join(f"a{index}" for index in range(len(fields)))
    init = trusted_init(record_class)
    if init is None:
        lines.append(f"    return _cls({arguments})")
    else:
        # The parsers made every value's type: the record's type check is skipped.
        names["_new"] = object.__new__
        names["_init"] = init
        lines += ["    record = _new(_cls)", f"    _init(record, {arguments})", "    return record"]
    source = "\n".join(lines)
    filename = f"<dropout_control structure {record_class.__name__}>"
    exec(compile(source, filename, "exec"), names)
    function: Callable[[Mapping[str, object], object], object] = names["structure"]  # type: ignore[assignment]
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    return function


def _type_hook(kind: object) -> _Hook:
    parse = field_parser(kind)
    if parse is None:  # pragma: no cover - the predicate below chose only such types
        raise TypeError(kind)
    _, optional = _without_none(kind)
    return _general_hook(parse, _Absent("value", None if optional else attrs.NOTHING))


def _has_parser(kind: object) -> bool:
    return field_parser(kind) is not None and kind is not str


def make_converter(*, detailed_validation: bool = False) -> cattrs.Converter:
    """A converter that reads cells into the value types and rows into every record class.

    With ``detailed_validation`` cattrs' generated function collects every bad field of
    a row (the first is reported); without, the library's generated function stops at the
    first bad field. Both name the field, since each field's hook knows its name; without
    is faster.
    """
    converter = cattrs.Converter(detailed_validation=detailed_validation)
    converter.register_structure_hook_factory(_has_parser, _type_hook)
    # A personal number leaves any converter of the library masked; the edge converter
    # (dropout_control.io.plain) shows it in clear when the caller asks.
    for number in (ResidentId, StudentNumber, MalformedNumber):
        converter.register_unstructure_hook(number, str)

    def record_hook(record_class: type) -> Callable[[Any, type], object]:
        attrs.resolve_types(record_class)
        if not detailed_validation:
            return _structure_function(record_class)
        overrides = {
            attribute.name: override(struct_hook=_field_hook(attribute))
            for attribute in attrs.fields(record_class)
        }
        return make_dict_structure_fn(
            record_class,
            converter,
            _cattrs_detailed_validation=detailed_validation,
            **overrides,  # type: ignore[arg-type]
        )

    # Every class a kind declares, the library's and an application's, whenever it was
    # declared: the factory is asked the first time a class is structured.
    converter.register_structure_hook_factory(is_record_class, record_hook)
    return converter


_RECORD_CLASSES: set[type] = set()
"""Record classes of kinds declared in a registry of an application's own."""


def is_record_class(cls: object) -> bool:
    """Whether ``cls`` is the record class of a declared kind (of
    :data:`~dropout_control.kinds.KINDS` or of a registry the readers were given)."""
    return isinstance(cls, type) and (cls in _RECORD_CLASSES or KINDS.of_class(cls) is not None)


def structure_hook(record_class: type) -> Callable[[Any, type], object]:
    """The library converter's structure function for the record class of a declared
    kind (of :data:`~dropout_control.kinds.KINDS` or of an application's registry)."""
    _RECORD_CLASSES.add(record_class)
    return CONVERTER.get_structure_hook(record_class)


CONVERTER: Final = make_converter()
"""The library's converter (detailed validation off: each hook names its field)."""


def structure_record(
    kind: str,
    row: Mapping[str, object],
    *,
    converter: cattrs.Converter = CONVERTER,
    registry: KindRegistry = KINDS,
) -> object:
    """The record of ``kind`` that a row of canonical fields holds.

    Keys that are not fields are ignored; a ``source`` key gives the record its source.
    Raises :class:`~dropout_control.errors.InvalidRecord` naming the first bad field,
    with a reason safe to show (personal values masked).
    """
    record_class = registry[kind].record_class
    _RECORD_CLASSES.add(record_class)
    try:
        return converter.structure(row, record_class)
    except (InvalidRecord, KeyError, ClassValidationError) as error:
        field, stated = rejection_of(error)
        raise InvalidRecord(field, stated.reason, facts=stated.facts) from None


def rejection_of(error: Exception) -> tuple[str, Stated]:
    """The field and the reason (safe to show) of an error raised structuring a row.

    The reason's facts end with ``got``, the bad cell as it may be shown, when the error
    showed one.
    """
    if isinstance(error, ClassValidationError):
        with_notes, others = error.group_exceptions()
        if with_notes:
            inner, note = with_notes[0]
            if isinstance(inner, KeyError):
                return note.name, MISSING.given()
            return rejection_of(inner)
        return rejection_of(others[0])
    if isinstance(error, KeyError):
        return str(error.args[0]), MISSING.given()
    if isinstance(error, InvalidRecord):
        return error.field, _safe_reason(error)
    raise error


# A bad cell is shown in a reason only when it is digits and date punctuation (a date,
# a grade, a count). Any other text is masked: a column shifted by one puts names and ID
# numbers where dates and codes should be. An ID number may be written in groups
# (``6229 2120 1209 0104 29``, ``622921-20120901-0429``): the separators are dropped
# before looking for a long number.
_PLAIN: Final = re.compile(r"[0-9\s\-/.:年月日T]*")
_LONG_NUMBER: Final = re.compile(r"[0-9A-Za-z]{11,}")
_GROUP_SEPARATORS: Final = re.compile(r"[\s\-/._]+")
# A date in a cell or a column's name: a column shifted by one, or a data row taken for a
# header, shows a birth date there. Years a child of the registry may be born in.
_DATE_IN_TEXT: Final = re.compile(r"(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*[-/.月]?\s*(\d{1,2})")
_BIRTH_YEARS: Final = range(1900, 2100)
_BIRTH_DATE: Final = "birth_date"


def _date_masked(text: str, *, real_only: bool) -> str | None:
    """``text`` with the first date in it cut to its year (``2012****``), or None when it
    holds none (with ``real_only``, none that is a real day of a birth year)."""
    for found in _DATE_IN_TEXT.finditer(text):
        year, month, day = (int(part) for part in found.groups())
        if real_only:
            if year not in _BIRTH_YEARS:
                continue
            try:
                dt.date(year, month, day)
            except ValueError:
                continue
        hidden = "*" * (found.end() - found.end(1))
        return text[: found.end(1)] + hidden + text[found.end() :]
    return None


def _long_number_masked(text: str) -> str | None:
    """``text`` masked when it holds a personal-looking number (None when it holds none):
    a number alone (its separators dropped) as an ID number is masked; a number among
    other text (cells run together) as a name is, so that nothing around it shows."""
    compact = _GROUP_SEPARATORS.sub("", text)
    if not _LONG_NUMBER.search(compact):
        return None
    return mask_number(compact) if _LONG_NUMBER.fullmatch(compact) else mask_name(text)


def shown_safely(text: str, *, real_dates: bool = False) -> str:
    """A bad cell as a reason may show it: in clear only if it cannot be personal data.

    A real day of a birth year is cut to its year (``2012****``) unless ``real_dates``
    (a date field other than a birth date, whose value is not personal).

    >>> shown_safely("2012-13-45"), shown_safely("马小花"), shown_safely("G622921201209010429")
    ('2012-13-45', '马**', 'G622921**********29')
    >>> shown_safely("6229 2120 1209 0104 29"), shown_safely("20120901")
    ('622921**********29', '2012****')
    """
    number = _long_number_masked(text)
    if number is not None:
        return number
    if _PLAIN.fullmatch(text):
        # A real day is someone's birth date as often as not; a bad one is shown.
        return text if real_dates else _date_masked(text, real_only=True) or text
    return mask_name(text)


def column_shown_safely(name: str, *, header_is_data: bool = False) -> str:
    """The name of a column (or of a JSON key) that no field reads, as a report may show
    it: a long number masked as an ID number is, a date to its year; when no column of the
    header is known (``header_is_data``: most likely a data row), every name is masked as
    a bad cell is.

    >>> column_shown_safely("备注"), column_shown_safely("622921201209010429")
    ('备注', '622921**********29')
    >>> column_shown_safely("20120901"), column_shown_safely("马小花", header_is_data=True)
    ('2012****', '马**')
    """
    number = _long_number_masked(name)
    if number is not None:
        return number
    dated = _date_masked(name, real_only=False)
    if dated is not None:
        return dated
    if header_is_data:
        return shown_safely(name)
    return name


def _safe_reason(error: InvalidRecord) -> Stated:
    if error.shown is None or error.code == MISSING.code:
        return error.stated
    dated = isinstance(error, InvalidDate) and not error.field.endswith(_BIRTH_DATE)
    return error.stated.with_facts(got=shown_safely(error.shown, real_dates=dated))
