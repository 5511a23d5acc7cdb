"""Report writers: the JSON document of the report contract, JSON Lines, CSV and text.

Every writer masks names and numbers unless ``reveal`` is true. The JSON document
follows ``spec/formats.md``; JSON Lines writes one finding a line and then one summary
line, so a very large audit streams; text is what a person reads first.
"""

from __future__ import annotations

import csv
import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final, TextIO

from dropout_control.catalogue import load_rules
from dropout_control.findings import Finding, Report, Severity
from dropout_control.identity import region
from dropout_control.io.plain import shown_message, unstructure
from dropout_control.reasons import reason

__all__ = [
    "FORMATS",
    "report_document",
    "safe_csv_cell",
    "shown_on_terminal",
    "write_report",
    "write_report_file",
]

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
        _write_csv(report, out, reveal=reveal)
    elif fmt == "text":
        _write_text(report, out, reveal=reveal)
    else:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")


def write_report_file(
    report: Report,
    path: str | os.PathLike[str],
    *,
    fmt: str = "text",
    library_version: str,
    reveal: bool = False,
) -> None:
    """Write ``report`` to the file ``path``, all or nothing.

    The report is written to a temporary file in the target's folder (readable by its
    owner only), flushed to disk and then renamed onto ``path`` in one step: a reader
    sees the old file or the whole new one, and a failed write (a full disk, an
    interruption) leaves what was there before.
    """
    target = Path(path)
    descriptor, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part"
    )
    try:
        with open(descriptor, "w", encoding="utf-8", newline="") as handle:
            write_report(report, handle, fmt=fmt, library_version=library_version, reveal=reveal)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# Characters a terminal acts on rather than shows: the C0 and C1 controls (escape
# sequences start with ESC, U+001B, or the C1 CSI, U+009B) and DEL, and the marks that
# reorder text (bidirectional overrides and isolates).
_TERMINAL_CONTROLS: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


_LATIN_1_LAST: Final = 0xFF


def _escaped(match: re.Match[str]) -> str:
    # As Python writes them: \xNN for the first 256 code points, \uNNNN beyond.
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= _LATIN_1_LAST else f"\\u{code:04x}"


def shown_on_terminal(text: str) -> str:
    r"""``text`` with every control character written as an escape, so that text from an
    input file (a transfer ID, a school code, a file name) cannot move the cursor, recolour
    the screen or reorder what a person reads.

    >>> print(shown_on_terminal("T-001\x1b[2J\ttab"))
    T-001\x1b[2J\x09tab
    """
    return _TERMINAL_CONTROLS.sub(_escaped, text)


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection):
# such a cell is written with a leading apostrophe, as OWASP advises, so that it is shown
# as text.
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def safe_csv_cell(value: object) -> object:
    r"""A cell of the CSV report as a spreadsheet may open it: a text a spreadsheet would
    take for a formula gets a leading apostrophe; anything else is as given.

    >>> print(safe_csv_cell("=1+2"), safe_csv_cell("@SUM(A1)"), safe_csv_cell("ID-002"))
    '=1+2 '@SUM(A1) ID-002
    >>> safe_csv_cell(7)
    7
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


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


def _write_csv(report: Report, out: TextIO, *, reveal: bool) -> None:
    """One finding a row, then one row per cohort of the retention rate (kind
    ``retention``, no rule or severity), so that the figures are in this format too."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for finding in report.findings:
        data = unstructure(finding, reveal=reveal)
        source = data["source"] or {}
        cells = [
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
        writer.writerow([safe_csv_cell(cell) for cell in cells])
    for cells in _csv_retention_rows(report):
        writer.writerow([safe_csv_cell(cell) for cell in cells])


RETENTION_ROW = reason(
    "REPORT.RETENTION",
    "{final_year} 学年毕业年级巩固率：计全部证书 {rate_all}，仅计合规证书 {rate_passing}，"
    "差 {inflation} 人；目标 {target}",
    "final year {final_year}: retention {rate_all} counting every certificate, "
    "{rate_passing} counting only those that pass, a gap of {inflation}; target {target}",
)


def _csv_retention_rows(report: Report) -> Iterator[list[object]]:
    retention = report.metrics.retention
    if retention is None:
        return
    target = "-" if retention.target is None else f"{retention.target:.1%}"
    if retention.why_not is not None:
        why = retention.why_not
        yield [
            "",
            "",
            "retention",
            "",
            "",
            "",
            "",
            why.message.zh,
            why.message.en,
            json.dumps({"target": retention.target}),
            why.code,
        ]
        return
    for cohort in retention.total:
        facts = unstructure(cohort)
        facts["target"] = retention.target
        if cohort.why_not is not None:
            stated = cohort.why_not
        else:
            stated = RETENTION_ROW.given(
                final_year=cohort.final_year,
                rate_all=_percent(cohort.rate_all),
                rate_passing=_percent(cohort.rate_passing),
                inflation=cohort.inflation,
                target=target,
            )
        yield [
            "",
            "",
            "retention",
            cohort.final_year,
            "",
            "",
            "",
            stated.message.zh,
            stated.message.en,
            json.dumps(facts, ensure_ascii=False),
            stated.code,
        ]


def _write_text(report: Report, out: TextIO, *, reveal: bool) -> None:
    def line(text: str = "") -> None:
        out.write(shown_on_terminal(text) + "\n")

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
    _text_retention(report, line)
    _text_ledger(report, line)
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


def _percent(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.1%}"


def _count(count: int | None) -> str:
    return "-" if count is None else str(count)


def _text_retention(report: Report, line: Any) -> None:
    """The retention rates of the whole input as a small table: each cohort's base,
    the rate with every certificate and with only those that pass, and the gap."""
    retention = report.metrics.retention
    if retention is None:
        return
    target = "not set" if retention.target is None else f"{retention.target:.1%}"
    line(f"Retention rate (巩固率), target {target}:")
    if retention.why_not is not None:
        line(f"  not known: {retention.why_not.message.en}")
        return
    line(
        f"  {'final year':<10}  {'base':>5}  {'in final':>8}  {'certified':>9}  "
        f"{'all certs':>9}  {'passing':>8}  {'gap':>4}"
    )
    certificates = retention.certificates_not_known
    for cohort in retention.total:
        if cohort.why_not is not None and cohort.why_not != certificates:
            line(f"  {cohort.final_year:<10}  not known: {cohort.why_not.message.en}")
            continue
        line(
            f"  {cohort.final_year:<10}  {cohort.base:>5}  {cohort.in_final_grade:>8}  "
            f"{_count(cohort.completers_all):>9}  {_percent(cohort.rate_all):>9}  "
            f"{_percent(cohort.rate_passing):>8}  {_count(cohort.inflation):>4}"
        )
    if certificates is not None:
        line(f"  not known: {certificates.message.en}")
    if retention.townships_not_known is not None:
        line(f"  by township: {retention.townships_not_known.message.en}")


def _text_ledger(report: Report, line: Any) -> None:
    """The dropout ledger's figures as a small table: cases overall, by county and by
    cause, then the two medians."""
    ledger = report.metrics.ledger
    if ledger is None:
        return
    rows = [
        ("all cases", ledger.cases),
        *((f"county {county}", counts) for county, counts in ledger.by_county.items()),
        *((f"cause {cause}", counts) for cause, counts in ledger.by_cause.items()),
    ]
    width = max(len(label) for label, _ in rows)
    line("Dropout ledger (台账):")
    line(
        f"  {'':<{width}}  {'opened':>6}  {'returned':>8}  {'consolidated':>12}  "
        f"{'out again':>9}  {'open':>5}"
    )
    for label, counts in rows:
        line(
            f"  {label:<{width}}  {counts.opened:>6}  {counts.returned:>8}  "
            f"{counts.consolidated:>12}  {counts.dropped_out_again:>9}  {counts.still_open:>5}"
        )

    def days(value: float | None) -> str:
        return "not known" if value is None else f"{value:g} days"

    line(
        f"  median suspicion to registration: "
        f"{days(ledger.median_days_suspicion_to_registration)}; registration to return: "
        f"{days(ledger.median_days_registration_to_return)}"
    )


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
            message = shown_message(finding, reveal=reveal)
            line(f"      {message.zh}")
            line(f"      {message.en}")
            if finding.related:
                line(f"      also: {', '.join(str(r) for r in finding.related)}")
        line()
