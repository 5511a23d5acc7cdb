"""No output of any command shows a person of the demo in clear without ``--reveal``.

Every resident ID number, student number and child's name of the bundled demo (students,
roster, headcounts, ledger, certificates, home teaching, age corrections) is a secret.
Every command that speaks about people is run on the demo without ``--reveal``, in every
format it has, and its output is searched for them: numbers by pattern (separators
ignored), names among the Chinese text. ``--reveal`` must show them, or the search
proves nothing.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from dropout_control.cli import main
from tests.robustness.leak_outputs import AS_OF, audit_outputs

openpyxl = pytest.importorskip("openpyxl")

DEMO = Path(__file__).parents[2] / "examples" / "linxia-demo"
JURISDICTION = ("--jurisdiction", "622900")

# The columns that hold a person's number or name, in the demo's files (Chinese or
# English headers) and their encodings.
_PERSONAL = {
    "学籍号",
    "身份证件号",
    "姓名",
    "student_number",
    "resident_id",
    "name",
    "原身份证件号",
    "新身份证件号",
}
_NAME_COLUMNS = {"姓名", "name"}
_ENCODINGS = {"population.csv": "gb18030"}

_NUMBER = re.compile(r"[A-Z]?\d{17}[\dX]|[A-Z]\d{8,}")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")


def _cells(file: Path) -> Iterator[tuple[str, str]]:
    encoding = _ENCODINGS.get(file.name, "utf-8-sig")
    with file.open(encoding=encoding, newline="") as stream:
        for row in csv.DictReader(stream):
            for column, value in row.items():
                if column in _PERSONAL and value:
                    yield column, value.strip()


def _secrets() -> tuple[frozenset[str], frozenset[str]]:
    numbers: set[str] = set()
    names: set[str] = set()
    for file in sorted(DEMO.glob("*.csv")):
        for column, value in _cells(file):
            if column in _NAME_COLUMNS:
                names.add(value)
            elif len(value) >= 15:  # shorter cells are not whole numbers
                numbers.add(value.upper())
    return frozenset(numbers), frozenset(names)


NUMBERS, NAMES = _secrets()


def _found(text: str) -> set[str]:
    """The secrets of the demo that ``text`` shows in clear."""
    compact = re.sub(r"[\s\-]", "", text).upper()
    found = {token for token in _NUMBER.findall(compact) if token in NUMBERS}
    # A resident ID number inside a student number (G + the number) is the number too.
    found |= {token[1:] for token in _NUMBER.findall(compact) if token[1:] in NUMBERS}
    for run in _HAN.findall(text):
        for size in range(2, 5):
            found |= {run[i : i + size] for i in range(len(run) - size + 1)} & NAMES
    return found


def _run(*argv: str) -> str:
    out = io.StringIO()
    main(list(argv), stdout=out)
    return out.getvalue()


def _workbook_text(path: Path) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(
        "\t".join("" if cell is None else str(cell) for cell in row)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
    )


def _people() -> tuple[list[str], list[str]]:
    """A few children of the roster and a few student numbers, ledger cases included."""
    roster = [v for c, v in _cells(DEMO / "population.csv") if c == "身份证件号"][:3]
    students = [v for c, v in _cells(DEMO / "cases.csv") if c == "student_number"][:3]
    holders = [v for c, v in _cells(DEMO / "certificates.csv") if c == "学籍号"][:3]
    return roster, [*students, *holders]


def _outputs(tmp_path: Path, *reveal: str) -> Iterable[tuple[str, str]]:
    for fmt, (_, text) in audit_outputs(DEMO, *JURISDICTION, *reveal).items():
        yield f"audit {fmt}", text
    ledger = ("ledger", str(DEMO), "--as-of", AS_OF, *JURISDICTION, *reveal)
    for fmt in ("text", "csv", "json"):
        yield f"ledger {fmt}", _run(*ledger, "--format", fmt, "--inspect", "5", "--seed", "7")
    workbook = tmp_path / f"ledger{len(reveal)}.xlsx"
    _run(*ledger, "--format", "xlsx", "--output", str(workbook))
    yield "ledger xlsx", _workbook_text(workbook)
    roster, numbers = _people()
    for person in [*roster, *numbers]:
        for fmt in ("text", "json"):
            command = ("whereabouts", str(DEMO), person, "--as-of", AS_OF, "--format", fmt)
            yield f"whereabouts {fmt}", _run(*command, *JURISDICTION, *reveal)
    for number in numbers:
        for fmt in ("text", "json"):
            asked = ("eligibility", str(DEMO), number, "--kind", "completion")
            dated = ("--on", "2018-08-31", "--format", fmt)
            yield f"eligibility {fmt}", _run(*asked, *dated, *JURISDICTION, *reveal)


def test_no_command_shows_a_person_of_the_demo_unless_revealed(tmp_path: Path) -> None:
    outputs = list(_outputs(tmp_path))
    assert [] == [where for where, text in outputs if not text.strip()]  # each one spoke
    leaks = {where: sorted(_found(text))[:3] for where, text in outputs}
    assert {} == {where: found for where, found in leaks.items() if found}


def test_reveal_shows_them_so_the_search_finds_what_it_looks_for(tmp_path: Path) -> None:
    roster, numbers = _people()
    reveal = ("--reveal", *JURISDICTION)
    shown = {
        "audit": _run("audit", str(DEMO), "--as-of", AS_OF, "--format", "json", *reveal),
        "ledger": _run("ledger", str(DEMO), "--as-of", AS_OF, "--format", "csv", *reveal),
        "whereabouts": _run("whereabouts", str(DEMO), roster[0], "--as-of", AS_OF, *reveal),
        "eligibility": _run(
            "eligibility",
            str(DEMO),
            numbers[-1],
            "--kind",
            "completion",
            "--on",
            "2018-08-31",
            *reveal,
        ),
    }
    assert [] == [where for where, text in shown.items() if not _found(text)]
