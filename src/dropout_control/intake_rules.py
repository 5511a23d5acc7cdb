"""INPUT rules: rows that could not become records, keys held twice, cells not read.

Their subjects are made by the readers (:mod:`dropout_control.io`): every row read is a
record or one of these findings, and the report counts both per file.
"""

from __future__ import annotations

from collections.abc import Iterator

from dropout_control.bundle import Bundle
from dropout_control.findings import Citation, Severity, Subject
from dropout_control.intake import Duplicate, Rejection, UnreadCell
from dropout_control.policy import Mark
from dropout_control.rules import Observation, RuleContext, rule

__all__: list[str] = []

FORMATS = Citation("dropout_control input formats", "spec/formats.md", Mark.CONFIRMED)


@rule(
    "INPUT-001",
    severity=Severity.ERROR,
    about="rejections",
    title=("行无法读取", "row cannot be read"),
    message=(
        "字段 {field} 无法读取：{reason}",
        "field {field} cannot be read: {reason}",
    ),
    citations=[FORMATS],
)
def row_is_readable(rejection: Rejection, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """A row becomes a record (行可读).

    A malformed field, a missing required field or an unknown code keeps the row from
    becoming a record. The row is counted and reported, never dropped silently, and the
    audit goes on with the other rows.
    """
    yield Observation(
        subject=Subject.public(f"{rejection.source}"),
        source=rejection.source,
        kind=rejection.kind,
        facts={
            "file": rejection.source.file,
            "line": rejection.source.line,
            "field": rejection.field,
            "reason": rejection.reason,
        },
    )


@rule(
    "INPUT-002",
    severity=Severity.ERROR,
    about="duplicates",
    title=("唯一键重复", "unique key repeated"),
    message=(
        "{key_field} {key} 已在 {first} 出现，本行未作为记录读入",
        "{key_field} {key} already appears at {first}; this row was not taken as a record",
    ),
    citations=[FORMATS],
)
def key_is_unique(duplicate: Duplicate, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """A key that must be unique in its kind appears once (唯一键).

    Student numbers are unique among students, (month, school) among headcount totals.
    The first row keeps the key; each later row is reported here and not read as a
    record.
    """
    subject = (
        Subject.personal(duplicate.reveal_key(), shown=duplicate.shown_key)
        if duplicate.personal
        else Subject.public(duplicate.reveal_key())
    )
    yield Observation(
        subject=subject,
        source=duplicate.source,
        related=(duplicate.first,),
        kind=duplicate.kind,
        facts={
            "key_field": duplicate.key_field,
            "key": duplicate.shown_key,
            "first": str(duplicate.first),
        },
    )


@rule(
    "INPUT-003",
    severity=Severity.WARNING,
    about="unread_cells",
    title=("选填字段无法读取", "optional field cannot be read"),
    message=(
        "字段 {field} 无法读取，按未知处理，记录照常读入：{reason}",
        "field {field} cannot be read and is taken as unknown; the record is kept: {reason}",
    ),
    citations=[FORMATS],
)
def optional_cell_is_readable(
    cell: UnreadCell, context: RuleContext[Bundle]
) -> Iterator[Observation]:
    """An optional cell is readable (选填字段可读).

    A cell of a field the record can be without (a left-behind flag written in a label
    the reader does not know, a bad date of an expert assessment) does not sink the
    record: the record is kept with the field unknown, and a rule that needs the field
    cannot judge the record on it. The cell is shown masked unless it is plainly not
    personal.
    """
    yield Observation(
        subject=Subject.public(f"{cell.source}"),
        source=cell.source,
        kind=cell.kind,
        facts={
            "file": cell.source.file,
            "line": cell.source.line,
            "field": cell.field,
            "reason": cell.reason,
        },
    )
