"""The one-call audit of a folder of exports: a folder in, a report out.

This is edge code (it reads files through :mod:`dropout_control.io`); the audit itself
is :func:`dropout_control.auditing.audit_bundle`, which never touches a file and is what
an application calls with the records it already holds.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

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
