"""The one-call audit of a folder of exports: a folder in, a report out.

This is edge code (it reads files through :mod:`dropout_control.io`); the audit itself
is :func:`dropout_control.auditing.audit_bundle`, which never touches a file and is what
an application calls with the records it already holds.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from dropout_control._collector import cycle_collection_paused
from dropout_control.auditing import audit_bundle
from dropout_control.bundle import Bundle
from dropout_control.calendar.span import date_argument
from dropout_control.findings import Report, SourceLocation
from dropout_control.intake import Rejection
from dropout_control.kinds import KINDS, KindRegistry
from dropout_control.policy import NATIONAL, Layer
from dropout_control.reasons import reason
from dropout_control.rules import RuleRegistry

if TYPE_CHECKING:
    from dropout_control.io.folder import FolderRead

__all__ = ["audit", "bundle_from_read"]

FILE_UNREADABLE = reason(
    "INPUT.FILE_UNREADABLE", "文件无法读取：{why}", "the file cannot be read: {why}"
)


def bundle_from_read(read: FolderRead, *, registry: KindRegistry = KINDS) -> Bundle:
    """The bundle of what the readers made of a folder.

    A file that could not be read at all (not UTF-8 nor GB18030, Excel without the
    extra) becomes one INPUT-001 rejection at its first line, so the audit says so and
    exits with an error, and still audits the other files.
    """
    from dropout_control.io.folder import kind_of  # noqa: PLC0415 - edge helper

    records = {kind: tuple(items) for kind, items in read.records.items()}
    unreadable = tuple(
        Rejection(
            source=SourceLocation(name, 1),
            kind=kind_of(Path(name), registry=registry) or "unknown",
            field="(file)",
            reason=FILE_UNREADABLE.given(why=reason),
        )
        for name, reason in sorted(read.unreadable.items())
    )
    return Bundle(
        records,
        rejections=(*read.rejections, *unreadable),
        duplicates=read.duplicates,
        unread_cells=read.unread_cells,
        kinds=read.records.keys(),
        fields_seen=read.fields_seen,
        registry=registry,
    )


NO_SUCH_RECORD: Final = reason(
    "INPUT.NO_SUCH_RECORD",
    "{kind} 中没有此记录",
    "names no record of {kind}",
)


def _unreferenced_rows_refused(read: FolderRead, *, registry: KindRegistry = KINDS) -> FolderRead:
    """``read`` with every record whose declared reference (see
    :class:`~dropout_control.kinds.RecordKind`, ``references``) names no record of the
    other kind turned into a rejection: INPUT-001 with file, line and field, counted as
    rejected in its file's summary. A reference to a kind that was not read is not
    checked (the rules that need that kind do not run).
    """
    records = dict(read.records)
    refused: list[Rejection] = []
    keys: dict[str, frozenset[object]] = {}
    for kind in registry:
        if not kind.references or kind.name not in records:
            continue
        for other in kind.references.values():
            if other in records and other not in keys:
                (key,) = registry[other].unique_key
                keys[other] = frozenset(getattr(item, key) for item in records[other])
        kept: list[object] = []
        for record in records[kind.name]:
            problem = _broken_reference(record, kind.references, keys, registry)
            if problem is None:
                kept.append(record)
            else:
                refused.append(problem)
        records[kind.name] = tuple(kept)
    if not refused:
        return read
    by_file = Counter(item.source.file for item in refused)
    inputs = tuple(
        attrs.evolve(
            item,
            records=item.records - by_file[item.file],
            rejected=item.rejected + by_file[item.file],
        )
        for item in read.inputs
    )
    return attrs.evolve(
        read, records=records, rejections=(*read.rejections, *refused), inputs=inputs
    )


def _broken_reference(
    record: object,
    references: Mapping[str, str],
    keys: Mapping[str, frozenset[object]],
    registry: KindRegistry,
) -> Rejection | None:
    for field, other in references.items():
        if other not in keys:
            continue
        value = getattr(record, field)
        if value not in keys[other]:
            source = getattr(record, "source", None) or SourceLocation("?", 0)
            return Rejection(
                source,
                _kind_of(record, registry),
                field,
                NO_SUCH_RECORD.given(kind=other, got=value),
            )
    return None


def _kind_of(record: object, registry: KindRegistry) -> str:
    kind = registry.of_class(type(record))
    return "unknown" if kind is None else kind.name


def audit(
    folder: str | os.PathLike[str],
    *,
    as_of: dt.date,
    jurisdiction: str = NATIONAL,
    layers: Iterable[Layer] = (),
    progress: Callable[[str, int], None] | None = None,
    kinds: KindRegistry = KINDS,
    rules: RuleRegistry | None = None,
) -> Report:
    """Audit a folder of registry exports as of ``as_of``.

    Every known file of the folder is read; rows that cannot be read become INPUT-001
    findings, and the report counts rows read, records made and rows rejected per file.
    Records an application already holds go to :func:`~dropout_control.audit_bundle`.

    ``kinds`` declares the kinds of file to read and ``rules`` the rules to run: the
    library's own by default; an application that declares kinds and rules of its own
    passes registries that hold them too (see the how-to on kinds of your own).

    Raises :class:`~dropout_control.errors.UnreadableInput` when the folder holds no
    input file at all (empty, or only files not named after a kind): nothing to audit.

    >>> from dropout_control import audit
    >>> report = audit("examples/linxia-demo", as_of=dt.date(2019, 3, 20), jurisdiction="622900")
    >>> "students.csv" in {item.file for item in report.inputs}, report.has_errors
    (True, True)
    """
    if isinstance(folder, Bundle):
        raise TypeError("audit() reads a folder; audit a bundle with audit_bundle()")
    as_of = date_argument(as_of, "as_of")
    from dropout_control.io.folder import read_folder  # noqa: PLC0415 - only when reading files

    read = read_folder(Path(folder), progress=progress, registry=kinds)
    read.require_input(folder)
    read = _unreferenced_rows_refused(read, registry=kinds)
    # The bundle's indexes are millions of acyclic objects too: build them paused.
    with cycle_collection_paused():
        return audit_bundle(
            bundle_from_read(read, registry=kinds),
            as_of=as_of,
            jurisdiction=jurisdiction,
            layers=layers,
            inputs=read.inputs,
            unknown_files=read.unknown_files,
            unknown_columns=read.unknown_columns,
            rules=rules,
        )
