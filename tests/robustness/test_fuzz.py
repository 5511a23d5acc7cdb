"""A fuzz run of the folder reader and the spreadsheet reader.

Hypothesis mutates demo-like files (bytes, quotes, dates, headers, cells of every type,
the XML parts of a workbook; the cells of the certificate, school, ledger, home-teaching
and age-correction files beside a few students) and the audit must hold on every one
(the ledger view and certificate eligibility too): no exception escapes,
every row read is a record or a rejected row, and no output format shows an ID number or
a name of the rows in clear. In CI the run is derandomised with a fixed budget, so it is
never red by chance; set ``DROPOUT_CONTROL_FUZZ_EXAMPLES`` to a larger number (and
``DROPOUT_CONTROL_FUZZ_RANDOM=1`` for fresh seeds) to fuzz open-ended while working. A
failure found that way becomes a fixed case in this folder's other tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Final

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dropout_control.api import audit, bundle_from_read
from dropout_control.completion.eligibility import certificate_eligibility
from dropout_control.completion.kinds import CERTIFICATES
from dropout_control.io.folder import read_folder
from dropout_control.io.reports import FORMATS, write_report
from dropout_control.ledger.view import ledger_view
from dropout_control.policy import NATIONAL, resolve_policy
from tests.robustness.leak_outputs import clear_forms, leaked

openpyxl = pytest.importorskip("openpyxl")

DEMO = Path(__file__).parents[2] / "examples" / "linxia-demo"
_EXAMPLES = int(os.environ.get("DROPOUT_CONTROL_FUZZ_EXAMPLES", "40"))
_FUZZ = settings(
    max_examples=_EXAMPLES,
    derandomize=not os.environ.get("DROPOUT_CONTROL_FUZZ_RANDOM"),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# The first rows of the demo's students, as the registry exports them.
_LINES = (DEMO / "students.csv").read_text(encoding="utf-8-sig").splitlines()[:9]
_ROWS = list(csv.reader(_LINES))
_HEADER, _DATA = _ROWS[0], _ROWS[1:]
_IDS = tuple(row[1] for row in _DATA)
_NAMES = tuple(row[3] for row in _DATA)
_SECRETS = (*(form for number in _IDS for form in clear_forms(number)), *_NAMES)

# Dates at the ends of the calendar (9999-12-31, 0001-01-01) are the cases of the crash
# suite (tests/robustness/test_crashes.py); add them here once it holds them.
_HOSTILE_TEXT = st.sampled_from(
    [
        '"',
        '"unterminated',
        "2012-02-30",
        "=1+2",
        "\x1b[2J",
        "\x00",
        "\ud800",
        "6.2292120120901e+17",
        "6229 2120 1209 0104 29",
        "",
        " ",
        "非留守儿童",
        "一年级",
        "\u202e",
    ]
)
_CELL_TEXT = st.one_of(_HOSTILE_TEXT, st.text(max_size=12))


def _audit_everything(folder: Path) -> None:
    """Read and audit ``folder``, write every format; check what must hold."""
    read = read_folder(folder)
    for summary in read.inputs:
        assert summary.rows == summary.records + summary.rejected, summary
    report = audit(folder, as_of=dt.date(2019, 3, 20))
    outputs = {}
    for fmt in FORMATS:
        out = io.StringIO()
        write_report(report, out, fmt=fmt, library_version="fuzz")
        outputs[fmt] = (0, out.getvalue())
    assert [] == leaked(outputs, _SECRETS)


def _json_lines(rows: list[list[str]]) -> str:
    header, *data = rows
    return "".join(
        json.dumps(dict(zip(header, cells, strict=False)), ensure_ascii=False) + "\n"
        for cells in data
    )


@st.composite
def _mutated_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A students file (CSV or JSON Lines) of demo rows, mutated cell by cell, then byte
    by byte."""
    rows = [list(row) for row in _ROWS]
    for _ in range(draw(st.integers(0, 6))):
        row = draw(st.integers(0, len(rows) - 1))
        column = draw(st.integers(0, len(rows[row]) - 1))
        rows[row][column] = draw(_CELL_TEXT)
    suffix = draw(st.sampled_from(["csv", "jsonl"]))
    if suffix == "jsonl":
        text = _json_lines(rows)
        encoding = "utf-8"
    else:
        if draw(st.booleans()):
            del rows[0]  # no header
        buffer = io.StringIO()
        ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
        csv.writer(buffer, lineterminator=ending).writerows(rows)
        text = buffer.getvalue()
        encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    errors = "surrogatepass" if encoding.startswith("utf-8") else "replace"
    data = bytearray(text.encode(encoding, errors=errors))
    for _ in range(draw(st.integers(0, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "quote", "newline", "cut"]))
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "quote":
            data.insert(at, ord('"'))
        elif action == "newline":
            data.insert(at, ord("\n"))
        else:
            del data[at:]
    return suffix, bytes(data)


@_FUZZ
@given(file=_mutated_files())
def test_the_folder_reader_holds_on_mutated_files(file: tuple[str, bytes]) -> None:
    suffix, data = file
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / f"students.{suffix}").write_bytes(data)
        _audit_everything(folder)


_CELL = st.one_of(
    _CELL_TEXT,
    st.integers(-(10**19), 10**19),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    # A spreadsheet's dates and times are naive.
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 12, 31)),  # noqa: DTZ001
)


def _safe_for_excel(value: object) -> object:
    # openpyxl refuses to write control characters and lone surrogates: what a file can
    # hold is tried by the byte mutations below.
    if isinstance(value, str):
        return "".join(ch for ch in value if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF)
    return value


_TIMESTAMP: Final = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
_POSITION: Final = st.integers(0, 1 << 24)  # taken modulo a length: the draws never vary


def _zipped(members: dict[str, bytes]) -> bytes:
    """A zip archive of ``members`` that depends on nothing but them (no clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for name, body in members.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            written.writestr(info, body)
    return out.getvalue()


def _members(rows: list[list[object]], *, second_sheet: bool) -> dict[str, bytes]:
    """The parts of a workbook of ``rows``, with the save time taken out."""
    book = openpyxl.Workbook()
    for cells in rows:
        book.active.append(cells)
    if second_sheet:
        book.create_sheet("second").append(["more"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(buffer)
    return {
        name: _TIMESTAMP.sub(b"2019-03-20T00:00:00Z", source.read(name))
        for name in source.namelist()
    }


@st.composite
def _mutated_workbook(draw: st.DrawFn) -> bytes:
    rows: list[list[object]] = [list(cells) for cells in _ROWS]
    for _ in range(draw(st.integers(0, 6))):
        row = draw(st.integers(0, len(rows) - 1))
        column = draw(st.integers(0, len(rows[row]) - 1))
        rows[row][column] = _safe_for_excel(draw(_CELL))
    members = _members(rows, second_sheet=draw(st.booleans()))
    mode = draw(st.sampled_from(["none", "byte", "member"]))
    if mode == "member":
        name = draw(st.sampled_from(sorted(members)))
        body = bytearray(members[name])
        for _ in range(draw(st.integers(1, 5))):
            body[draw(_POSITION) % len(body)] = draw(st.integers(0, 255))
        if draw(st.booleans()):
            del body[draw(_POSITION) % len(body) :]
        members[name] = bytes(body)
    data = bytearray(_zipped(members))
    if mode == "byte":
        for _ in range(draw(st.integers(1, 4))):
            data[draw(_POSITION) % len(data)] = draw(st.integers(0, 255))
    return bytes(data)


@_FUZZ
@given(data=_mutated_workbook())
def test_the_spreadsheet_reader_holds_on_mutated_workbooks(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "students.xlsx").write_bytes(data)
        _audit_everything(folder)


# The kinds that came after the registry's, each a few rows of the demo beside a few
# students: one file's cells are mutated, and the audit, the ledger view and the
# eligibility of every certificate must hold.
_LATER_FILES = (
    "certificates.csv",
    "schools.csv",
    "cases.csv",
    "attempts.csv",
    "absences.csv",
    "home_teaching.csv",
    "age_corrections.csv",
    "evidence.csv",
)
_LATER_ROWS = {
    name: list(csv.reader((DEMO / name).read_text(encoding="utf-8-sig").splitlines()))
    for name in _LATER_FILES
}
_STUDENT_LINES = (DEMO / "students.csv").read_text(encoding="utf-8-sig").splitlines()
_LATER_TEXT = st.one_of(
    _HOSTILE_TEXT,
    st.sampled_from(
        [
            "9999-12-31",
            "0001-01-01",
            "-1",
            "99999999999999999999",
            "returned",
            "refused",
            "deceased",
            "home_teaching",
            "义务教育完成证书",
            "肄业证书",
            "junior_secondary",
            "2021-06-01",
        ]
    ),
    st.text(max_size=10),
)


@st.composite
def _later_folders(draw: st.DrawFn) -> tuple[dict[str, list[list[str]]], int, dt.date]:
    files = {
        name: [list(row) for row in rows[: 1 + draw(st.integers(0, 12))]]
        for name, rows in _LATER_ROWS.items()
    }
    rows = files[draw(st.sampled_from(_LATER_FILES))]
    for _ in range(draw(st.integers(1, 8))):
        row = rows[draw(st.integers(0, len(rows) - 1))]
        row[draw(st.integers(0, len(row) - 1))] = draw(_LATER_TEXT)
    students = draw(st.integers(0, 40))
    on = draw(st.sampled_from([dt.date(2019, 3, 20), dt.date(2018, 6, 30), dt.date(2021, 6, 1)]))
    return files, students, on


@_FUZZ
@given(case=_later_folders())
def test_the_later_kinds_hold_on_mutated_cells(
    case: tuple[dict[str, list[list[str]]], int, dt.date],
) -> None:
    files, students, on = case
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for file, rows in files.items():
            buffer = io.StringIO()
            csv.writer(buffer).writerows(rows)
            (folder / file).write_bytes(buffer.getvalue().encode("utf-8", "surrogatepass"))
        lines = _STUDENT_LINES[: 1 + students]
        (folder / "students.csv").write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
        read = read_folder(folder)
        for summary in read.inputs:
            assert summary.rows == summary.records + summary.rejected, summary
        report = audit(folder, as_of=on)
        for fmt in FORMATS:
            write_report(report, io.StringIO(), fmt=fmt, library_version="fuzz")
        bundle = bundle_from_read(read)
        policy = resolve_policy(NATIONAL, on=on)
        ledger_view(bundle, as_of=on, policy=policy)
        for certificate in bundle.records(CERTIFICATES):
            certificate_eligibility(certificate, bundle, policy=policy, as_of=on)
