"""Reading an input folder into records, with every row accounted for.

Each file of the folder holds one kind of record and is named after it
(``students.csv``, ``population.jsonl``, ``headcounts.xlsx`` …); a kind may come in
several files, read in name order. Every data row read becomes exactly one of: a
record, a :class:`~dropout_control.intake.Rejection` (INPUT-001) or a
:class:`~dropout_control.intake.Duplicate` (INPUT-002), so that for every file
``rows == records + rejected``.

Files whose name is not a kind with a known suffix are listed, not read; hidden files,
names starting with ``_`` and ``README`` files are passed over without a word. Only
regular files (or links to them) are opened: a FIFO, a device or a socket named like an
input file is listed in ``unreadable`` (``INPUT.NOT_REGULAR_FILE``), since it could block
the audit or feed it without end.
"""

from __future__ import annotations

import os
import re
import stat
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import attrgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs
from cattrs.errors import ClassValidationError

from dropout_control._collector import cycle_collection_paused
from dropout_control.errors import InvalidRecord, UnreadableInput
from dropout_control.findings import InputSummary, SourceLocation
from dropout_control.intake import Duplicate, Rejection, UnreadCell
from dropout_control.io.aliases import Header, read_header
from dropout_control.io.converter import (
    column_shown_safely,
    fields_told_by_cells,
    optional_cell_readers,
    rejection_of,
    structure_hook,
)
from dropout_control.io.rows import (
    FORMATS,
    ROW_FIELD,
    SYSTEM_ERROR,
    BadRow,
    Row,
    Table,
    read_table,
)
from dropout_control.kinds import KINDS, KindRegistry, RecordKind
from dropout_control.reasons import Stated, reason

__all__ = ["PROGRESS_EVERY", "FolderRead", "Progress", "read_folder", "records_from_rows"]

NO_SUCH_FOLDER: Final = reason("INPUT.NO_SUCH_FOLDER", "没有这个文件夹", "no such folder")
NOT_A_FOLDER: Final = reason("INPUT.NOT_A_FOLDER", "不是文件夹", "not a folder")
NOTHING_TO_AUDIT: Final = reason(
    "INPUT.NOTHING_TO_AUDIT",
    "没有可审核的输入：没有以记录种类命名的文件（另有 {others} 个其他文件或文件夹）",
    "nothing to audit: no file is named after a kind of record ({others} other files or folders)",
)
NO_HEADER: Final = reason(
    "INPUT.NO_HEADER",
    "第一行像是数据而不是表头（没有一列是 {kind} 的字段）：文件未读入。应有的列：{expected}",
    "the first line looks like data, not a header (no column names a field of {kind}): "
    "the file was not read. Columns expected: {expected}",
)
HEADER_UNKNOWN: Final = reason(
    "INPUT.HEADER_UNKNOWN",
    "表头没有一列是 {kind} 的字段：文件未读入。应有的列：{expected}",
    "no column of the header names a field of {kind}: the file was not read. "
    "Columns expected: {expected}",
)
# A cell that is data, not a heading: a personal number, a date, a long number.
_DATA_CELL: Final = re.compile(
    r"[GLJ]?\d{17}[\dXx]|\d{4}[-/.]?\d{1,2}[-/.]?\d{1,2}|\d{6,}", re.IGNORECASE
)
FILE_NOT_READ: Final = reason(
    "INPUT.FILE_NOT_READ", "{clash}：文件未读入", "{clash}: the file was not read"
)
NOT_REGULAR_FILE: Final = reason(
    "INPUT.NOT_REGULAR_FILE",
    "不是普通文件（{file_type}），未读入",
    "not a regular file ({file_type}): not read",
)

PROGRESS_EVERY: Final = 10_000
"""How many rows pass between two calls of the progress callback."""

Progress = Callable[[str, int], None]
"""``progress(file_name, rows_so_far)``: called every 10,000 rows and at each file's end."""

# JSON objects may name their keys in any order and leave some out; the key mapping of
# each distinct set of keys is remembered, up to this many.
_HEADERS_REMEMBERED: Final = 4096


def _frozen(mapping: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(mapping))


@attrs.frozen
class FolderRead:
    """What reading a folder gave: records by kind, and every row that did not become one.

    - ``records``: the records of each kind of which a file was read (possibly none);
    - ``rejections``: rows that could not become records (INPUT-001), and headers that
      made a whole file unreadable as records;
    - ``duplicates``: rows whose unique key an earlier row of the kind holds (INPUT-002);
    - ``unread_cells``: cells of optional fields that could not be read, their records
      kept with the field unknown (INPUT-003);
    - ``inputs``: per file read, rows, records and rows rejected (rejections and
      duplicates); ``rows == records + rejected``;
    - ``unknown_files``: files not read because their name is not a kind with a known
      suffix (a folder is listed with a trailing ``/``), and the sheets of a workbook
      past the first that hold data (``students.xlsx (sheet '其他')``): only the first
      sheet is read;
    - ``unknown_columns``: per file, the columns that name no field of its kind;
    - ``unreadable``: per file, why it could not be read at all (not UTF-8 nor GB18030,
      Excel without the extra, not a regular file …);
    - ``fields_seen``: per kind, the fields that had a value in at least one row that
      became a record (a rule that needs a field no record has is not run).
    """

    records: Mapping[str, tuple[object, ...]] = attrs.field(converter=_frozen)
    rejections: tuple[Rejection, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    inputs: tuple[InputSummary, ...] = ()
    unknown_files: tuple[str, ...] = ()
    unknown_columns: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_frozen)
    unreadable: Mapping[str, Stated] = attrs.field(factory=dict, converter=_frozen)
    fields_seen: Mapping[str, frozenset[str]] = attrs.field(factory=dict, converter=_frozen)
    unread_cells: tuple[UnreadCell, ...] = ()

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of which at least one file was read."""
        return frozenset(self.records)

    def require_input(self, folder: str | os.PathLike[str]) -> None:
        """Raise :class:`~dropout_control.errors.UnreadableInput` if the folder held no
        input file at all (empty, or only files and folders not named after a kind):
        there is nothing to audit, and a report of no findings would mislead."""
        if not self.records and not self.unreadable:
            raise UnreadableInput(
                folder, NOTHING_TO_AUDIT, facts={"others": len(self.unknown_files)}
            )


_RUN_TOGETHER: Final = re.compile(r"[,\r\n]")


def _columns_shown(header: Header, columns: tuple[str, ...]) -> tuple[str, ...]:
    """The columns no field reads, as a report may show them: a header of which no column
    is known is most likely a row of data, and so is one with a cell that holds a comma
    or spans lines (a stray quote ran it into the cells and rows after it): its cells are
    masked."""
    is_data = len(header.unknown) == len([column for column in columns if column]) or any(
        _RUN_TOGETHER.search(column) for column in columns
    )
    return tuple(column_shown_safely(name, header_is_data=is_data) for name in header.unknown)


_FILE_TYPES: Final = (
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISCHR, "character_device"),
    (stat.S_ISBLK, "block_device"),
    (stat.S_ISSOCK, "socket"),
)


def _not_regular(path: Path) -> Stated | None:
    """Why ``path`` is not read as a file (None for a regular file, or a link to one).

    A FIFO would block the audit until something writes to it, and a device (a link to
    ``/dev/zero``) never ends: only regular files are opened.
    """
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return SYSTEM_ERROR.given(detail=error.strerror or str(error))
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _FILE_TYPES if test(mode)), "other")
    return NOT_REGULAR_FILE.given(file_type=kind)


def _is_passed_over(name: str) -> bool:
    return name.startswith((".", "_")) or name.upper().startswith("README")


def kind_of(path: Path, *, registry: KindRegistry = KINDS) -> str | None:
    """The kind a file holds, from its name, or None if it is not an input file.

    >>> kind_of(Path("students.csv")), kind_of(Path("Population.JSONL")), kind_of(Path("notes.txt"))
    ('students', 'population', None)
    """
    if path.suffix.lower() not in FORMATS:
        return None
    kind = registry.of_file(path.stem)
    return kind.name if kind is not None else None


def read_folder(
    folder: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    registry: KindRegistry = KINDS,
) -> FolderRead:
    """Read every input file of a folder, in name order, into records.

    ``registry`` declares the kinds to read (the library's, plus any an application
    added).

    Raises :class:`~dropout_control.errors.UnreadableInput` when ``folder`` is not a
    folder. A file that cannot be read at all is listed in ``unreadable`` and the others
    are read; a bad row or cell never stops the reading.
    """
    path = Path(folder)
    if not path.is_dir():
        raise UnreadableInput(path, NOT_A_FOLDER if path.exists() else NO_SUCH_FOLDER)
    reader = _Reader(progress, registry)
    try:
        entries = sorted(path.iterdir(), key=lambda entry: entry.name)
    except OSError as error:
        raise UnreadableInput(
            path, SYSTEM_ERROR, facts={"detail": error.strerror or str(error)}
        ) from error
    for entry in entries:
        if _is_passed_over(entry.name):
            continue
        kind = kind_of(entry, registry=registry)
        if entry.is_dir() or kind is None:
            reader.unknown_files.append(entry.name + ("/" if entry.is_dir() else ""))
            continue
        not_regular = _not_regular(entry)
        if not_regular is not None:
            reader.unreadable[entry.name] = not_regular
            continue
        try:
            table = read_table(entry, multiline_fields=registry[kind].multiline_fields)
        except UnreadableInput as error:
            reader.unreadable[entry.name] = error.stated
            continue
        reader.unknown_files.extend(
            f"{entry.name} (sheet {sheet!r})" for sheet in table.unread_sheets
        )
        reader.read(kind, table)
    return reader.result()


def records_from_rows(
    rows_by_kind: Mapping[str, Iterable[Mapping[str, object]]],
    *,
    registry: KindRegistry = KINDS,
) -> FolderRead:
    """Records from rows already in memory, by kind, as if each kind were a file.

    Keys may be the canonical field names or the registry's Chinese column names. The
    rows of a kind are shown as coming from the file ``<kind>``, line 1 for the first
    row. A kind that is not known is listed in ``unknown_files``.

    >>> read = records_from_rows({"headcount_totals": [
    ...     {"月份": "2019-03", "学校标识码": "2162001234", "在校人数": "118"},
    ...     {"month": "201903", "school_id": "2162001234", "total": "120"}]})
    >>> [record.total for record in read.records["headcount_totals"]], read.duplicates[0].shown_key
    ([118], '2019-03|2162001234')
    """
    reader = _Reader(None, registry)
    for kind, rows in rows_by_kind.items():
        if kind not in registry:
            reader.unknown_files.append(kind)
            continue
        reader.read(kind, _memory_table(kind, rows))
    return reader.result()


def _memory_table(kind: str, rows: Iterable[Mapping[str, object]]) -> Table:
    file = f"<{kind}>"

    def read(keys: object) -> Iterator[Row]:
        for line, row in enumerate(rows, start=1):
            yield SourceLocation(file, line), dict(row)

    return Table(file, None, read)


def _key_text(value: object) -> str:
    """A key's value as written: a number in clear, anything else as text."""
    reveal = getattr(value, "reveal", None)
    return str(reveal() if reveal is not None else value)


def _key_function(record_class: type, fields: tuple[str, ...]) -> Callable[[object], str]:
    """The unique key of a record: its fields' values as written, joined by ``|``."""
    get = attrgetter(*fields)
    if len(fields) > 1:
        return lambda record: "|".join(map(_key_text, get(record)))
    [name] = fields
    kind = attrs.fields_dict(record_class)[name].type
    members = typing.get_args(kind)
    if members and all(hasattr(member, "reveal") for member in members):
        # A personal number, valid or malformed: the hot case of a million students.
        return lambda record: str(getattr(record, name).reveal())
    return lambda record: _key_text(get(record))


_EMPTY: Final = ("", None)


def _is_filled(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


def _is_unreadable(read: Callable[[object], object] | None, value: object) -> bool:
    """Whether ``value`` is a cell that the optional field's reader cannot read (not an
    invariant of the record that failed)."""
    if read is None or value is None:
        return False
    try:
        read(value)
    except (InvalidRecord, ValueError, TypeError):
        return True
    return False


def _see(unseen: set[str], row: Mapping[str, object]) -> None:
    """Strike from ``unseen`` the fields that have a value in ``row``."""
    # Cheap test first: the cells of a field that is never filled are almost all "".
    filled = [field for field in unseen if row.get(field) not in _EMPTY]
    unseen.difference_update(field for field in filled if _is_filled(row.get(field)))


@attrs.define
class _Kind:
    """What has been read so far of one kind."""

    declared: RecordKind[object]
    records: list[object] = attrs.Factory(list)
    firsts: dict[str, SourceLocation] = attrs.Factory(dict)
    told: frozenset[str] = frozenset()
    unseen: set[str] = attrs.Factory(set)
    optional: Mapping[str, Callable[[object], object]] = attrs.Factory(dict)

    @property
    def name(self) -> str:
        return self.declared.name

    @property
    def record_class(self) -> type:
        return self.declared.record_class

    def __attrs_post_init__(self) -> None:
        # Only the fields whose record value does not tell are checked row by row.
        self.told = fields_told_by_cells(self.record_class)
        self.unseen = set(self.told)
        self.optional = optional_cell_readers(
            self.record_class, essential=self.declared.essential_fields
        )

    def fields_seen(self) -> frozenset[str]:
        """The fields that had a value in at least one row that became a record."""
        names = {field.name for field in attrs.fields(self.record_class)} - {"source"}
        by_value = {
            name
            for name in names - self.told
            if any(getattr(record, name) is not None for record in self.records)
        }
        return frozenset(by_value | (self.told - self.unseen))


class _Reader:
    """Reads tables kind by kind and keeps every outcome."""

    def __init__(self, progress: Progress | None, registry: KindRegistry) -> None:
        self.progress = progress
        self.registry = registry
        self.kinds: dict[str, _Kind] = {}
        self.rejections: list[Rejection] = []
        self.duplicates: list[Duplicate] = []
        self.unread_cells: list[UnreadCell] = []
        self.inputs: list[InputSummary] = []
        self.unknown_files: list[str] = []
        self.unknown_columns: dict[str, tuple[str, ...]] = {}
        self.unreadable: dict[str, Stated] = {}

    def result(self) -> FolderRead:
        return FolderRead(
            records={name: tuple(kind.records) for name, kind in self.kinds.items()},
            rejections=tuple(self.rejections),
            duplicates=tuple(self.duplicates),
            inputs=tuple(self.inputs),
            unknown_files=tuple(self.unknown_files),
            unknown_columns=self.unknown_columns,
            unreadable=self.unreadable,
            fields_seen={name: kind.fields_seen() for name, kind in self.kinds.items()},
            unread_cells=tuple(self.unread_cells),
        )

    def read(self, kind: str, table: Table) -> None:
        state = self.kinds.get(kind)
        if state is None:
            state = self.kinds[kind] = _Kind(self.registry[kind])
        if table.columns is None:
            rows = self._renamed(kind, table)
        else:
            header = read_header(kind, table.columns, registry=self.registry)
            named = [column for column in table.columns if column]
            if named and len(header.unknown) >= len(named):
                self._refuse_header(kind, table)
                return
            if header.unknown:
                self.unknown_columns[table.file] = _columns_shown(header, table.columns)
            if header.clash is not None:
                self._refuse(kind, table, header)
                return
            rows = table.rows(header.keys)
        try:
            with cycle_collection_paused():
                self._convert(state, table.file, rows)
        except OSError as error:
            raise UnreadableInput(
                table.file, SYSTEM_ERROR, facts={"detail": error.strerror or str(error)}
            ) from error

    def _refuse(self, kind: str, table: Table, header: Header) -> None:
        """A header naming a field twice: one rejection for the file, every row rejected."""
        clash = header.clash
        assert clash is not None
        self.rejections.append(
            Rejection(
                SourceLocation(table.file, table.header_line),
                kind,
                clash.field,
                FILE_NOT_READ.given(clash=clash.reason),
            )
        )
        count = sum(1 for _ in table.rows())
        self.inputs.append(InputSummary(table.file, kind, count, 0, count))
        self._report(table.file, count)

    def _refuse_header(self, kind: str, table: Table) -> None:
        """A header of which no column names a field: one rejection for the file, saying
        whether its first line looks like data, and naming the columns expected. Every
        row is rejected; a first line of data counts as a row."""
        columns = table.columns or ()
        headless = any(_DATA_CELL.fullmatch(column.strip()) for column in columns)
        declared = self.registry[kind]
        expected = ", ".join(
            f"{field.name} ({declared.aliases[field.name][0]})"
            if declared.aliases.get(field.name)
            else field.name
            for field in attrs.fields(declared.record_class)
            if field.default is attrs.NOTHING and field.name != "source"
        )
        said = (NO_HEADER if headless else HEADER_UNKNOWN).given(kind=kind, expected=expected)
        where = SourceLocation(table.file, table.header_line)
        self.rejections.append(Rejection(where, kind, ROW_FIELD, said))
        count = sum(1 for _ in table.rows()) + headless
        self.inputs.append(InputSummary(table.file, kind, count, 0, count))
        self._report(table.file, count)

    def _renamed(self, kind: str, table: Table) -> Iterator[Row]:
        """Rows of a format without a header, with their keys mapped to fields."""
        headers: dict[tuple[str, ...], Header] = {}
        unknown: dict[str, None] = {}
        try:
            for where, row in table.rows():
                if row.__class__ is BadRow:
                    yield where, row
                    continue
                keys = tuple(row)  # type: ignore[arg-type]
                header = headers.get(keys)
                if header is None:
                    header = read_header(kind, keys, registry=self.registry)
                    unknown.update(dict.fromkeys(header.unknown))
                    if len(headers) < _HEADERS_REMEMBERED:
                        headers[keys] = header
                if header.clash is not None:
                    yield where, BadRow(header.clash.reason, header.clash.field)
                elif header.keys != keys:
                    yield where, dict(zip(header.keys, row.values(), strict=True))  # type: ignore[union-attr]
                else:
                    yield where, row
        finally:
            if unknown:
                self.unknown_columns[table.file] = tuple(map(column_shown_safely, unknown))

    def _without_unread(
        self,
        state: _Kind,
        row: dict[str, object],
        *,
        where: SourceLocation,
        field: str,
        reason: Stated,
        structure: Callable[[Any, type], object],
    ) -> object | None:
        """The record of a row whose optional cells that cannot be read are set unknown
        (one INPUT-003 each), or None when the row is rejected (INPUT-001)."""
        unread: list[UnreadCell] = []
        while _is_unreadable(state.optional.get(field), row.get(field)):
            unread.append(UnreadCell(where, state.name, field, reason))
            row[field] = None
            try:
                record = structure(row, state.record_class)
            except (InvalidRecord, KeyError, ClassValidationError) as error:
                field, reason = rejection_of(error)
                continue
            self.unread_cells.extend(unread)
            return record
        self.rejections.append(Rejection(where, state.name, field, reason))
        return None

    def _report(self, file: str, rows: int) -> None:
        if self.progress is not None:
            self.progress(file, rows)

    def _convert(self, state: _Kind, file: str, rows: Iterator[Row]) -> None:
        kind = state.name
        record_class = state.record_class
        structure = structure_hook(record_class)
        key_fields = state.declared.unique_key
        key_of = _key_function(record_class, key_fields) if key_fields else None
        key_field = "|".join(key_fields)
        personal = state.declared.personal_key
        records = state.records
        firsts = state.firsts
        unseen = state.unseen
        rejections = self.rejections
        duplicates = self.duplicates
        count = made = 0
        next_report = PROGRESS_EVERY
        for where, row in rows:
            count += 1
            if count == next_report:
                next_report += PROGRESS_EVERY
                self._report(file, count)
            if isinstance(row, BadRow):
                rejections.append(Rejection(where, kind, row.field, row.reason))
                continue
            row["source"] = where
            try:
                record = structure(row, record_class)
            except (InvalidRecord, KeyError, ClassValidationError) as error:
                field, reason = rejection_of(error)
                kept = self._without_unread(
                    state, row, where=where, field=field, reason=reason, structure=structure
                )
                if kept is None:
                    continue
                record = kept
            if key_of is not None:
                key = key_of(record)
                first = firsts.setdefault(key, where)
                if first is not where:
                    duplicates.append(
                        Duplicate(where, kind, key_field, key=key, first=first, personal=personal)
                    )
                    continue
            if unseen:
                _see(unseen, row)
            records.append(record)
            made += 1
        self.inputs.append(InputSummary(file, kind, count, made, count - made))
        self._report(file, count)
