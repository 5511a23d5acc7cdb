"""Report writers: the JSON document of the report contract, JSON Lines, CSV and text.

Every writer masks names and numbers unless ``reveal`` is true. The JSON document
follows ``spec/formats.md``; JSON Lines writes one finding a line and then one summary
line, so a very large audit streams; text is what a person reads first.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from dropout_control.catalogue import load_rules
from dropout_control.findings import Finding, Report, Severity
from dropout_control.identity import region
from dropout_control.io.plain import unstructure

__all__ = ["FORMATS", "report_document", "write_report"]

FORMATS = ("text", "json", "jsonl", "csv")
_WORST_SCHOOLS = 5


# The report's keys in the order of the contract; a field added to the report follows.
_DOCUMENT_ORDER = (
    "as_of",
    "jurisdiction",
    "library_version",
    "inputs",
    "unknown_files",
    "unknown_columns",
    "skipped_rules",
    "findings",
    "metrics",
)


def report_document(
    report: Report, *, library_version: str, reveal: bool = False
) -> dict[str, Any]:
    """The report as one JSON-ready document (the report contract); masked unless
    ``reveal``.

    It is the report's plain form (:func:`dropout_control.io.plain.unstructure`) with the
    version of the library that made it; its JSON Schema is
    :func:`dropout_control.io.schema.report_schema`.
    """
    data = unstructure(report, reveal=reveal)
    data["library_version"] = library_version
    document = {key: data.pop(key) for key in _DOCUMENT_ORDER if key in data}
    document.update(data)
    return document


def write_report(
    report: Report,
    out: TextIO,
    *,
    fmt: str = "text",
    library_version: str,
    reveal: bool = False,
) -> None:
    """Write ``report`` to ``out`` in one of :data:`FORMATS`."""
    if fmt == "json":
        document = report_document(report, library_version=library_version, reveal=reveal)
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        summary = report_document(report, library_version=library_version, reveal=reveal)
        for finding in summary.pop("findings"):
            out.write(json.dumps(finding, ensure_ascii=False) + "\n")
        out.write(json.dumps({"summary": summary}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        _write_csv(report.findings, out, reveal=reveal)
    elif fmt == "text":
        _write_text(report, out, reveal=reveal)
    else:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")


_CSV_COLUMNS = (
    "rule",
    "severity",
    "kind",
    "subject",
    "file",
    "line",
    "related",
    "message_zh",
    "message_en",
    "facts",
    "reasons",
)


def _write_csv(findings: Iterable[Finding], out: TextIO, *, reveal: bool) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for finding in findings:
        data = unstructure(finding, reveal=reveal)
        source = data["source"] or {}
        writer.writerow(
            [
                data["rule"],
                data["severity"],
                data["kind"],
                data["subject"],
                source.get("file", ""),
                source.get("line", ""),
                "; ".join(f"{r['file']}:{r['line']}" for r in data["related"]),
                data["message"]["zh"],
                data["message"]["en"],
                json.dumps(data["facts"], ensure_ascii=False),
                " ".join(data["reasons"]),
            ]
        )


def _write_text(report: Report, out: TextIO, *, reveal: bool) -> None:
    def line(text: str = "") -> None:
        out.write(text + "\n")

    place = region(report.jurisdiction) if report.jurisdiction != "000000" else None
    where = f" ({place.name})" if place else " (national)"
    line(
        f"dropout_control audit as of {report.as_of.isoformat()}, "
        f"jurisdiction {report.jurisdiction}{where}"
    )
    line()
    _text_inputs(report, line)
    counts = report.counts()
    severities = _severity_counts(counts[Severity.ERROR], counts[Severity.WARNING])
    line(f"Findings: {severities}, {counts[Severity.INFO]} info")
    _text_whereabouts(report, line)
    if report.skipped_rules:
        line("Rules not run:")
        for item in report.skipped_rules:
            line(f"  {item.rule}  {item.why}  [{item.reason.code}]")
    line()
    _text_worst_schools(report, line)
    _text_findings(report, line, reveal=reveal)


def _severity_counts(errors: int, warnings: int) -> str:
    return (
        f"{errors} error{'' if errors == 1 else 's'}, "
        f"{warnings} warning{'' if warnings == 1 else 's'}"
    )


def _text_whereabouts(report: Report, line: Any) -> None:
    for item in report.metrics.not_known:
        line(f"Not known: {item.figure.replace('_', ' ')} ({item.reason.message.en})")
    where = report.metrics.whereabouts
    if where is None or not where.total:
        return
    parts = [f"{status.replace('_', ' ')} {count}" for status, count in where.total.items()]
    line(f"Children by whereabouts: {', '.join(parts)}")


def _text_inputs(report: Report, line: Any) -> None:
    if report.inputs:
        width = max(len(item.file) for item in report.inputs)
        line(f"  {'file':<{width}}  {'rows':>8}  {'records':>8}  {'rejected':>8}")
        for item in report.inputs:
            line(f"  {item.file:<{width}}  {item.rows:>8}  {item.records:>8}  {item.rejected:>8}")
    if report.unknown_files:
        line(f"Files not read (not a known kind): {', '.join(report.unknown_files)}")
    for file, columns in report.unknown_columns.items():
        line(f"Columns not read in {file} (not a known field): {', '.join(columns)}")
    line()


def _text_worst_schools(report: Report, line: Any) -> None:
    flagged = [s for s in report.metrics.schools if s.findings.total]
    if not flagged:
        return
    flagged.sort(key=lambda s: (-s.findings.error, -s.findings.warning, s.school_id))
    line("Schools with the most findings:")
    for school in flagged[:_WORST_SCHOOLS]:
        found = school.findings
        present = school.present_at_latest_headcount
        roll = (
            f", present {present} in {school.latest_headcount_month}" if present is not None else ""
        )
        severities = _severity_counts(found.error, found.warning)
        line(
            f"  {school.school_id} (county {school.county}): {severities}, "
            f"{found.info} info; {school.open_records} open records{roll}"
        )
    line()


def _text_findings(report: Report, line: Any, *, reveal: bool) -> None:
    by_rule: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_rule.setdefault(str(finding.rule), []).append(finding)
    order = {str(item.id): index for index, item in enumerate(load_rules())}
    for rule_id in sorted(by_rule, key=lambda r: (order.get(r, len(order)), r)):
        group = by_rule[rule_id]
        first = group[0]
        title = first.title
        heading = f"{rule_id} {first.severity.value}"
        if title is not None:
            heading += f": {title.en} / {title.zh}"
        line(f"{heading} ({len(group)})")
        for finding in group:
            where = str(finding.source) if finding.source else "-"
            subject = finding.subject.reveal() if reveal else finding.subject.shown
            codes = f"  [{', '.join(finding.reasons)}]" if finding.reasons else ""
            line(f"  {where}  {subject}{codes}" if subject != where else f"  {where}{codes}")
            line(f"      {finding.message.zh}")
            line(f"      {finding.message.en}")
            if finding.related:
                line(f"      also: {', '.join(str(r) for r in finding.related)}")
        line()
