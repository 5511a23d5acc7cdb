"""``dropout-control ledger``: the open cases of the demo, the routine lists, the draw
for unannounced inspection, the formats and the exit status."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dropout_control.cli import main

ROOT = Path(__file__).parents[3]
DEMO = str(ROOT / "examples" / "linxia-demo")
ON = ["--as-of", "2019-03-20", "--jurisdiction", "622900"]


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(["ledger", DEMO, *ON, *args], stdout=out)
    return status, out.getvalue()


def _planted_cases(*rules: str) -> set[str]:
    """The case IDs of the demo's cases.csv lines planted for ``rules``."""
    planted = json.loads((ROOT / "examples" / "linxia-demo-planted.json").read_text("utf-8"))
    lines = {e["line"] for e in planted if e["rule"] in rules and e["file"] == "cases.csv"}
    with (ROOT / "examples" / "linxia-demo" / "cases.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    return {row["case_id"] for line, row in enumerate(rows, start=2) if line in lines}


def test_the_demo_ledger_lists_every_followed_case_with_owner_and_due_date() -> None:
    status, text = run("--format", "json")
    document = json.loads(text)

    cases = {row["case_id"]: row for row in document["cases"]}
    no_plan, stale, nobody = (_planted_cases(rule) for rule in ("DO-002", "DO-007", "DO-003"))
    assert (2, 2, 2) == (len(no_plan), len(stale), len(nobody))
    assert 1 == status  # the DO-002 and DO-007 cases are overdue
    assert no_plan | stale == {
        case_id for case_id, row in cases.items() if int(row["overdue_days"]) > 0
    }
    assert all(row["owner"] and row["next_step"] for row in cases.values())
    assert {"2019-03-07"} == {cases[c]["due_on"] for c in no_plan}
    # nobody named: the owner is the role of the step
    assert {"school, village_committee"} == {cases[c]["owner"] for c in nobody}


def test_numbers_are_masked_unless_revealed() -> None:
    _, masked = run("--format", "csv")
    _, clear = run("--format", "csv", "--reveal")

    cases = masked.split("\n\n")[0]
    persons = [cells[4] for cells in list(csv.reader(io.StringIO(cases)))[1:]]
    assert persons
    assert all("*" in person for person in persons)
    assert "G622921" in clear
    some_case = sorted(_planted_cases("DO-002"))[0]
    assert "*" not in next(
        row[4] for row in csv.reader(io.StringIO(clear)) if row and row[3] == some_case
    )


def test_the_three_lists_are_there() -> None:
    document = json.loads(run("--format", "json")[1])

    kinds = {row["list"] for row in document["lists"]}
    assert {"school_age", "suspected", "dropouts"} == kinds
    unregistered = [r for r in document["lists"] if r["list"] == "suspected" and not r["case_id"]]
    assert 2 == len(unregistered)  # the DO-001 absences
    assert {"absences"} == {r["why"] for r in unregistered}


def test_seed_7_draws_the_same_five_schools_twice_and_seed_8_another_five() -> None:
    def drawn(seed: str) -> list[str]:
        document = json.loads(run("--format", "json", "--inspect", "5", "--seed", seed)[1])
        return [row["place"] for row in document["inspection"]]

    first, again, other = drawn("7"), drawn("7"), drawn("8")

    assert first == again
    assert 5 == len(first) == len(set(first))
    assert first != other
    document = json.loads(run("--format", "json", "--inspect", "5", "--seed", "7")[1])
    assert all("open findings" in row["why"] for row in document["inspection"])


def test_the_township_comes_from_the_schools_file_else_it_is_not_known() -> None:
    document = json.loads(run("--format", "json", "--inspect", "5", "--inspect-by", "township")[1])

    # The demo's schools.csv puts its six schools in 韩集镇; cases and findings of a
    # child with no school, or of a school it does not name, have no known township.
    assert {"韩集镇", "not known"} == {row["place"] for row in document["inspection"]}
    townships = {row["school"]: row["township"] for row in document["cases"]}
    assert {"韩集镇"} == {t for school, t in townships.items() if school.startswith("21621011")}
    assert {"not known"} == {t for school, t in townships.items() if school == "not known"}


def test_without_a_schools_file_the_township_is_not_known(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("students.csv", "cases.csv", "attempts.csv"):
        (folder / name).write_bytes((ROOT / "examples" / "linxia-demo" / name).read_bytes())
    out = io.StringIO()
    main(
        [
            "ledger",
            str(folder),
            *ON,
            "--format",
            "json",
            "--inspect",
            "1",
            "--inspect-by",
            "township",
        ],
        stdout=out,
    )
    document = json.loads(out.getvalue())

    assert ["not known"] == [row["place"] for row in document["inspection"]]
    assert {"not known"} == {row["township"] for row in document["cases"]}


def test_the_ledger_writes_an_excel_workbook(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "ledger.xlsx"
    status = main(["ledger", DEMO, *ON, "--format", "xlsx", "--output", str(target)])

    assert 1 == status
    book = openpyxl.load_workbook(target)
    assert ["cases", "lists"] == book.sheetnames
    assert "case_id" == book["cases"]["D1"].value


def test_excel_needs_an_output_file() -> None:
    assert 2 == main(["ledger", DEMO, *ON, "--format", "xlsx"], stdout=io.StringIO())


def test_a_ledger_with_nothing_late_exits_0(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cases.csv").write_text(
        "case_id,student_number,opened_on,plan_made_on,responsible\n"
        "C1,G622921201001010031,2019-03-15,2019-03-15,马老师\n",
        encoding="utf-8",
    )
    out = io.StringIO()

    assert 0 == main(["ledger", str(folder), *ON], stdout=out)
    assert "C1" in out.getvalue()
    assert "G622921201001010031" not in out.getvalue()


@pytest.mark.parametrize("count", ["-1"])
def test_a_negative_draw_is_a_usage_error(count: str) -> None:
    assert 2 == main(["ledger", DEMO, *ON, "--inspect", count], stdout=io.StringIO())


def test_without_attempts_the_next_persuasion_is_not_known_and_not_overdue(
    tmp_path: Path,
) -> None:
    # The demo's stale cases (DO-007) were last worked on 2019-02-01: with the attempts
    # file, their next persuasion was due 2019-03-03. Without it, when the last attempt
    # was is not known, so neither is the next one's due date; a case with no plan is
    # still overdue (the plan needs no attempt).
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("students.csv", "cases.csv"):
        (folder / name).write_bytes((ROOT / "examples" / "linxia-demo" / name).read_bytes())
    out = io.StringIO()
    status = main(["ledger", str(folder), *ON, "--format", "json"], stdout=out)
    document = json.loads(out.getvalue())

    cases = {row["case_id"]: row for row in document["cases"]}
    no_plan, stale = (_planted_cases(rule) for rule in ("DO-002", "DO-007"))
    assert 1 == status
    assert no_plan == {c for c, row in cases.items() if int(row["overdue_days"]) > 0}
    assert {("persuasion", "")} == {(cases[c]["next_step"], cases[c]["due_on"]) for c in stale}
    assert ["METRIC.ATTEMPTS_NOT_READ"] == [row["code"] for row in document["not_known"]]
    text = io.StringIO()
    main(["ledger", str(folder), *ON], stdout=text)
    assert "Not known: no persuasion attempts were read (attempts)" in text.getvalue()
    assert "not_known" not in json.loads(run("--format", "json")[1])
