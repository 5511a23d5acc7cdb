"""Laying the demo's rows out and writing them: the monthly roll and the reported totals,
the cells of every file in its written form, and the manifest of planted findings.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from dropout_control.catalogue import load_rules
from dropout_control.policy import resolve_policy
from examples.linxia.certificates import (
    CERTIFICATE_FIELDS,
    CERTIFICATES_FILE,
    SCHOOL_FIELDS,
    SCHOOLS_FILE,
    certificate_cells,
    school_rows,
)
from examples.linxia.corrections import (
    AGE_CORRECTIONS_FILE,
    CORRECTION_FIELDS,
    EVIDENCE_FILE,
    EVIDENCE_HEADER,
    correction_cells,
    evidence_cells,
)
from examples.linxia.home_teaching import HOME_TEACHING_FIELDS, HOME_TEACHING_FILE, visit_cells
from examples.linxia.ledger import (
    ABSENCE_HEADER,
    ABSENCES_FILE,
    ATTEMPT_HEADER,
    ATTEMPTS_FILE,
    CASE_HEADER,
    CASES_FILE,
    absence_cells,
    attempt_cells,
    case_cells,
)
from examples.linxia.movements import Movements
from examples.linxia.records import (
    ManifestEntry,
    Plant,
    RollMark,
    RollRow,
    RosterRow,
    Student,
    SuspensionRow,
    TotalRow,
    TransferRow,
)
from examples.linxia.setting import (
    AS_OF,
    CANCEL_ZH,
    DEFERRALS_FILE,
    EMPLOYMENT_FILE,
    HEADCOUNT_HEADER,
    HEADCOUNTS_FILE,
    MODE_ZH,
    MONTHS,
    POPULATION_FIELDS,
    POPULATION_FILE,
    STATUS_ZH,
    STUDENT_FIELDS,
    STUDENTS_FILE,
    SUSPENSIONS_FILE,
    TOTALS_FILE,
    TOTALS_HEADER,
    TRANSFER_FIELDS,
    TRANSFER_STATUS_ZH,
    TRANSFERS_FILE,
    compact,
    iso,
    month_index,
    month_span,
    written,
)
from examples.linxia.township import Township
from examples.linxia.township_plants import plant_duplicates

# --------------------------------------------------------------------------------------
# The monthly roll and the totals
# --------------------------------------------------------------------------------------


def school_months(town: Township, school: str) -> tuple[str, ...]:
    """The months a school sent its headcount and total for."""
    return town.roll_months.get(school, MONTHS)


def roll_months(town: Township, student: Student) -> tuple[str, ...]:
    """The months a record's row is on its school's roll."""
    if student.rejected:
        return ()
    sent = school_months(town, student.school_id)
    if student.roll_months is None:
        return sent if student.is_open else ()
    return tuple(month for month in student.roll_months if month in sent)


def attendance(student: Student, month: str) -> RollMark:
    """Present, or absent with the excuse the school writes, in one month."""
    if month in student.roll_marks:
        return student.roll_marks[month]
    first, last = month_span(month)
    for suspension in student.suspensions:
        # a record still 休学 stays excused after the end, as the school keeps writing it
        until = last if student.status == "suspended" else suspension.away_until
        if suspension.start <= last and first <= until:
            return False, "suspension"
    if student.status == "suspended":
        return False, "suspension"
    if student.study_mode == "home_teaching":
        return False, "home_teaching"
    died = student.child.deceased_on
    if died is not None and month_index(month) >= (died.year, died.month):
        return False, "leave"  # dead, but the record and the roll still list the child
    return True, ""


def lay_out_roll(town: Township) -> None:
    """The roll of every month: each school's records in file order, then the children
    on it without a record there; lines numbered."""
    town.roll = []
    for month in MONTHS:
        by_school: dict[str, list[RollRow]] = {}
        for student in town.students:
            if month not in roll_months(town, student):
                continue
            mark = attendance(student, month)
            if mark is None:
                continue
            by_school.setdefault(student.school_id, []).append(
                RollRow(
                    month,
                    student.school_id,
                    student.student_number,
                    student.child.resident_id,
                    student.child.name,
                    present=mark[0],
                    excuse=mark[1],
                )
            )
        for row in town.extra_roll:
            if row.month == month:
                by_school.setdefault(row.school_id, []).append(row)
        for school in sorted(by_school):
            town.roll.extend(by_school[school])
    for line, row in enumerate(town.roll, start=2):
        row.line = line
    for student, row in town.present_elsewhere:
        at_old = student.roll_marks.get(row.month)
        how = "marked absent with no excuse" if at_old is not None else "not on its roll"
        note = (
            f"record at {student.school_id} ({how} in {row.month}), present at "
            f"{row.school_id} (headcounts.csv line {row.line})"
        )
        student.plants.append(("TR-007", note))


def lay_out_totals(town: Township) -> None:
    """Each school's total each month it reported: its number of active records, but
    where planted otherwise; the repeated (month, school) rows at the end."""
    counts = Counter(s.school_id for s in town.students if s.is_counted)
    rows: list[TotalRow] = []
    for month in MONTHS:
        for school in sorted(counts):
            if month not in school_months(town, school):
                continue
            row = TotalRow(month, school, counts[school])
            planted = town.total_plants.get((month, school))
            if planted is not None:
                row.total += planted[0]
                row.plants.append(planted[1])
            rows.append(row)
    for month, school, note in town.total_duplicates:
        original = next(r for r in rows if r.month == month and r.school_id == school)
        rows.append(TotalRow(month, school, original.total, plants=[("INPUT-002", note)]))
    for line, row in enumerate(rows, start=2):
        row.line = line
    town.totals = rows


# --------------------------------------------------------------------------------------
# Cells
# --------------------------------------------------------------------------------------


def student_cells(student: Student) -> list[str]:
    child = student.child
    date_style = 1 if student.compact_dates else 0
    year = student.entry_year
    values = {
        "student_number": student.student_number,
        "resident_id": child.resident_id,
        "id_type": student.id_type,
        "name": child.name,
        "sex": "男" if child.male else "女",
        "birth_date": written(child.birth_date, date_style),
        "ethnicity": child.ethnicity,
        "household_region": child.household_region,
        "school_id": student.school_id,
        "grade": student.grade_label,
        "class_name": student.class_name,
        "entry_date": f"{year}-09" if student.dashed_entry else f"{year}09",
        "status": STATUS_ZH[student.status],
        "study_mode": MODE_ZH[student.study_mode],
        "migrant": "是" if student.migrant else "否",
        "left_behind": student.left_behind,
        "disability": child.disability,
        "regular_class_placement": "是"
        if child.disability and student.study_mode != "home_teaching"
        else "否",
        "poverty_registered": "是" if student.poverty else "否",
        "record_created_on": written(student.created_on, date_style),
        "status_since": written(student.status_since, date_style),
        "cancel_reason": CANCEL_ZH.get(student.cancel_reason, ""),
        "expert_assessed_on": written(student.expert_assessed_on, date_style),
    }
    values.update(student.text)
    return [values[name] for name, _ in STUDENT_FIELDS]


def roster_cells(row: RosterRow) -> list[str]:
    child = row.child
    sex = ("1" if child.male else "2") if row.numeric_sex else ("男" if child.male else "女")
    values = {
        "resident_id": child.resident_id,
        "name": child.name,
        "sex": sex,
        "birth_date": written(child.birth_date, row.date_style),
        "household_region": child.household_region,
        "disability": child.disability,
        "deceased_on": written(child.deceased_on, row.date_style),
        "emigrated_on": written(child.emigrated_on, row.date_style),
    }
    values.update(row.text)
    return [values[name] for name, _ in POPULATION_FIELDS]


def transfer_cells(transfer: TransferRow) -> list[str]:
    def day(value: dt.date | None) -> str:
        if value is None:
            return ""
        return compact(value) if transfer.compact_dates else iso(value)

    receiving_school, receiving_bureau, sending_school, sending_bureau = transfer.approvals
    values = {
        "transfer_id": transfer.transfer_id,
        "student_number": transfer.student_number,
        "from_school": transfer.from_school,
        "to_school": transfer.to_school,
        "applied_on": day(transfer.applied_on),
        "grade_before": str(transfer.grade_before),
        "grade_after": "" if transfer.grade_after is None else str(transfer.grade_after),
        "receiving_school_on": day(receiving_school),
        "receiving_bureau_on": day(receiving_bureau),
        "sending_school_on": day(sending_school),
        "sending_bureau_on": day(sending_bureau),
        "status": TRANSFER_STATUS_ZH[transfer.status],
        "completed_on": day(transfer.completed_on),
    }
    return [values[name] for name, _ in TRANSFER_FIELDS]


def roll_cells(row: RollRow) -> list[str]:
    present = "true" if row.present else "false"
    return [
        row.month,
        row.school_id,
        row.student_number,
        row.resident_id,
        row.name,
        present,
        row.excuse,
    ]


# --------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------


def write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[str]], *, encoding: str = "utf-8"
) -> None:
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_jsonl(path: Path, rows: Iterable[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_folder(town: Township, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(
        folder / STUDENTS_FILE,
        [zh for _, zh in STUDENT_FIELDS],
        (student_cells(s) for s in [*town.students, *town.duplicates]),
        encoding="utf-8-sig",
    )
    write_csv(
        folder / POPULATION_FILE,
        [zh for _, zh in POPULATION_FIELDS],
        (roster_cells(r) for r in town.roster),
        encoding="gb18030",
    )
    write_jsonl(
        folder / DEFERRALS_FILE,
        (
            {
                "resident_id": d.child.resident_id,
                "grounds": d.grounds,
                "approved_by": d.approved_by,
                "approved_on": iso(d.approved_on),
                "until": iso(d.until),
            }
            for d in town.deferrals
        ),
    )
    write_jsonl(
        folder / EMPLOYMENT_FILE,
        (
            {
                "resident_id": e.child.resident_id,
                "employer": e.employer,
                "reported_on": iso(e.reported_on),
            }
            for e in town.employment
        ),
    )
    write_csv(folder / HEADCOUNTS_FILE, HEADCOUNT_HEADER, (roll_cells(r) for r in town.roll))
    write_csv(
        folder / TOTALS_FILE,
        TOTALS_HEADER,
        ([r.month, r.school_id, str(r.total)] for r in town.totals),
    )
    write_csv(
        folder / TRANSFERS_FILE,
        [zh for _, zh in TRANSFER_FIELDS],
        (transfer_cells(t) for t in town.transfers),
    )
    write_jsonl(folder / SUSPENSIONS_FILE, (suspension_object(s) for s in town.suspensions))
    write_csv(
        folder / AGE_CORRECTIONS_FILE,
        [zh for _, zh in CORRECTION_FIELDS],
        (correction_cells(row) for row in town.corrections.rows),
    )
    write_csv(
        folder / EVIDENCE_FILE,
        EVIDENCE_HEADER,
        (evidence_cells(row) for row in town.corrections.evidence),
    )
    write_csv(
        folder / HOME_TEACHING_FILE,
        [zh for _, zh in HOME_TEACHING_FIELDS],
        (visit_cells(row) for row in town.home_teaching.rows),
    )
    write_csv(
        folder / CERTIFICATES_FILE,
        [zh for _, zh in CERTIFICATE_FIELDS],
        (certificate_cells(row) for row in town.certificates.rows),
    )
    write_csv(folder / SCHOOLS_FILE, SCHOOL_FIELDS, school_rows())
    write_csv(folder / CASES_FILE, CASE_HEADER, (case_cells(r) for r in town.ledger.cases))
    write_csv(
        folder / ATTEMPTS_FILE, ATTEMPT_HEADER, (attempt_cells(r) for r in town.ledger.attempts)
    )
    write_csv(
        folder / ABSENCES_FILE, ABSENCE_HEADER, (absence_cells(r) for r in town.ledger.absences)
    )


def suspension_object(suspension: SuspensionRow) -> dict[str, object]:
    row: dict[str, object] = {
        "suspension_id": suspension.suspension_id,
        "student_number": suspension.student_number,
        "start": iso(suspension.start),
        "end": iso(suspension.end),
        "grounds": suspension.grounds,
        "approved_by": suspension.approved_by,
        "approved_on": iso(suspension.approval),
        "extensions": suspension.extensions,
    }
    if suspension.returned_on is not None:
        row["returned_on"] = iso(suspension.returned_on)
    return row


class Planted(Protocol):
    """A row that problems may be planted on."""

    plants: list[Plant]
    line: int


def manifest_entries(town: Township) -> Iterator[ManifestEntry]:
    files: tuple[tuple[str, Sequence[Planted]], ...] = (
        (STUDENTS_FILE, [*town.students, *town.duplicates]),
        (POPULATION_FILE, town.roster),
        (DEFERRALS_FILE, town.deferrals),
        (EMPLOYMENT_FILE, town.employment),
        (HEADCOUNTS_FILE, town.roll),
        (TOTALS_FILE, town.totals),
        (TRANSFERS_FILE, town.transfers),
        (SUSPENSIONS_FILE, town.suspensions),
        (AGE_CORRECTIONS_FILE, town.corrections.rows),
        (HOME_TEACHING_FILE, town.home_teaching.rows),
        (CERTIFICATES_FILE, town.certificates.rows),
        (CASES_FILE, town.ledger.cases),
        (ATTEMPTS_FILE, town.ledger.attempts),
        (ABSENCES_FILE, town.ledger.absences),
    )
    later = _later_audit_dates()
    for file, rows in files:
        for row in rows:
            for rule, note in row.plants:
                yield ManifestEntry(rule, file, row.line, note, later.get(rule))


def _later_audit_dates() -> dict[str, dt.date]:
    """Rules with a parameter not yet in force on the demo's date, each with the day
    all its parameters are in force: the audit date that finds its plants."""
    waiting = resolve_policy("622900", on=AS_OF).not_in_force
    later: dict[str, dt.date] = {}
    for item in load_rules():
        dates = [waiting[key] for key in item.parameters if key in waiting]
        if dates:
            later[str(item.id)] = max(dates)
    return later


def write_manifest(path: Path, entries: Iterable[ManifestEntry]) -> None:
    ordered = sorted(entries, key=ManifestEntry.sort_key)
    lines = [
        json.dumps(
            {
                "rule": e.rule,
                "file": e.file,
                "line": e.line,
                "note": e.note,
                **({} if e.as_of is None else {"as_of": e.as_of.isoformat()}),
            },
            ensure_ascii=False,
        )
        for e in ordered
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[\n  " + ",\n  ".join(lines) + "\n]\n", encoding="utf-8")


def build_demo(seed: int) -> Township:
    """The demo township of ``seed``, every row laid out on its line."""
    town = Township(seed)
    town.build_records()
    Movements(town).build()
    town.assign_classes()
    plant_duplicates(town)
    town.order()
    town.home_teaching.plant(town.students)
    lay_out_roll(town)
    lay_out_totals(town)
    town.corrections.plant(town.students)
    town.certificates.plant(town.students, town.roster)
    town.ledger.plant(town.students, town.roster)
    return town


def demo(out: Path, manifest: Path, seed: int) -> list[ManifestEntry]:
    """Write the demo folder and its manifest; return the manifest's entries."""
    town = build_demo(seed)
    write_folder(town, out)
    entries = sorted(manifest_entries(town), key=ManifestEntry.sort_key)
    write_manifest(manifest, entries)
    return entries
