"""Writers of the ledger view (``dropout-control ledger``): text, CSV, JSON and Excel.

Numbers that name a child are masked unless the caller asks for them in clear. The
Excel writer needs the optional ``excel`` extra (openpyxl), as the .xlsx reader does.
"""

from __future__ import annotations

import csv
import importlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from dropout_control.errors import UnreadableInput
from dropout_control.identity import mask_number
from dropout_control.ledger.view import Drawn, LedgerRow, LedgerView, ListedChild
from dropout_control.reasons import reason

__all__ = ["LEDGER_FORMATS", "ledger_tables", "write_ledger", "write_ledger_xlsx"]

LEDGER_FORMATS = ("text", "csv", "json", "xlsx")

NEEDS_OPENPYXL = reason(
    "OUTPUT.NEEDS_OPENPYXL",
    "写 .xlsx 文件需要 openpyxl：请安装 dropout-control[excel]",
    "writing .xlsx files needs openpyxl: install dropout-control[excel]",
)

CASE_COLUMNS = (
    "county",
    "township",
    "school",
    "case_id",
    "person",
    "stage",
    "cause",
    "next_step",
    "owner",
    "due_on",
    "overdue_days",
)
LIST_COLUMNS = ("list", "person", "county", "school", "why", "since", "case_id")
INSPECTION_COLUMNS = ("place", "findings", "weight", "total_weight", "why")


def _person(number: str, reveal: bool) -> str:
    return number if reveal else mask_number(number)


def _date(day: object) -> str:
    return "" if day is None else str(day)


def _case_cells(row: LedgerRow, reveal: bool) -> list[str]:
    return [
        row.county,
        row.township,
        row.school,
        row.case_id,
        _person(row.person, reveal),
        row.stage,
        row.cause,
        row.next_step,
        row.owner,
        _date(row.due_on),
        str(row.overdue_days),
    ]


def _list_cells(name: str, child: ListedChild, reveal: bool) -> list[str]:
    return [
        name,
        _person(child.person, reveal),
        child.county,
        child.school,
        child.why,
        _date(child.since),
        child.case_id or "",
    ]


def _lists(view: LedgerView) -> Iterator[tuple[str, ListedChild]]:
    for name, children in (
        ("school_age", view.school_age),
        ("suspected", view.suspected),
        ("dropouts", view.dropouts),
    ):
        for child in children:
            yield name, child


def ledger_tables(
    view: LedgerView, drawn: Sequence[Drawn] = (), *, reveal: bool = False
) -> dict[str, list[list[str]]]:
    """The view as tables of text cells (header first): cases, lists, inspection."""
    tables = {
        "cases": [list(CASE_COLUMNS), *(_case_cells(r, reveal) for r in view.cases)],
        "lists": [list(LIST_COLUMNS), *(_list_cells(n, c, reveal) for n, c in _lists(view))],
    }
    if view.not_known:
        tables["not_known"] = [
            ["code", "message_zh", "message_en"],
            *([item.code, item.message.zh, item.message.en] for item in view.not_known),
        ]
    if drawn:
        tables["inspection"] = [
            list(INSPECTION_COLUMNS),
            *(
                [d.place, str(d.findings), f"{d.weight:g}", f"{d.total_weight:g}", d.why]
                for d in drawn
            ),
        ]
    return tables


def _text(view: LedgerView, drawn: Sequence[Drawn], reveal: bool, out: TextIO) -> None:
    print(
        f"Dropout ledger on {view.as_of}: {len(view.cases)} cases followed, "
        f"{len(view.overdue)} overdue",
        file=out,
    )
    for unknown in view.not_known:
        print(f"Not known: {unknown.message.en}", file=out)
    place: tuple[str, str, str] | None = None
    for row in view.cases:
        if (row.county, row.township, row.school) != place:
            place = (row.county, row.township, row.school)
            print(f"county {row.county} / township {row.township} / school {row.school}", file=out)
        late = f", {row.overdue_days} days overdue" if row.overdue_days else ""
        print(
            f"  {row.case_id}  {_person(row.person, reveal)}  {row.stage}  cause {row.cause}: "
            f"next {row.next_step} by {_date(row.due_on) or '-'} ({row.owner}){late}",
            file=out,
        )
    for name, children in (
        ("school-age children", view.school_age),
        ("suspected dropouts", view.suspected),
        ("dropouts", view.dropouts),
    ):
        print(f"{name}: {len(children)}", file=out)
        if name != "school-age children":
            for child in children:
                since = f" since {child.since}" if child.since else ""
                case = f", case {child.case_id}" if child.case_id else ", no case"
                print(
                    f"  {_person(child.person, reveal)}  school {child.school}: "
                    f"{child.why}{since}{case}",
                    file=out,
                )
    if drawn:
        print(f"drawn for unannounced inspection: {len(drawn)}", file=out)
        for item in drawn:
            print(f"  {item.place}: {item.why}", file=out)


def write_ledger(
    view: LedgerView,
    out: TextIO,
    *,
    fmt: str,
    drawn: Sequence[Drawn] = (),
    reveal: bool = False,
) -> None:
    """Write the view to ``out`` as text, CSV (the cases, then the lists, then the
    draw, each with its header, separated by a blank line) or JSON."""
    if fmt == "text":
        _text(view, drawn, reveal, out)
        return
    tables = ledger_tables(view, drawn, reveal=reveal)
    if fmt == "json":
        document: dict[str, Any] = {"as_of": str(view.as_of)}
        for name, (header, *rows) in tables.items():
            document[name] = [dict(zip(header, row, strict=True)) for row in rows]
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    writer = csv.writer(out, lineterminator="\n")
    for number, rows in enumerate(tables.values()):
        if number:
            writer.writerow([])
        writer.writerows(rows)


def write_ledger_xlsx(
    view: LedgerView, path: Path, *, drawn: Sequence[Drawn] = (), reveal: bool = False
) -> None:
    """Write the view to an Excel workbook, one sheet per table."""
    try:
        openpyxl = importlib.import_module("openpyxl")
    except ImportError:
        raise UnreadableInput(path, NEEDS_OPENPYXL) from None
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in ledger_tables(view, drawn, reveal=reveal).items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
