"""The example generator: determinism, the files it writes, and the planted findings.

The manifest is checked against findings re-derived here from the written files alone,
with the rules as the catalogue states them (and the national defaults as of
2019-03-20), so a planted row that trips a second rule, or an ordinary row that trips
any, fails a test.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from dropout_control.calendar import age_on, count_working_days, latest_birth_date
from dropout_control.identity import (
    ResidentId,
    is_known_region,
    is_valid_resident_id,
    is_valid_student_number,
)

ROOT = Path(__file__).resolve().parents[3]
GENERATOR = ROOT / "examples" / "generate.py"
BUNDLED = ROOT / "examples" / "linxia-demo"
BUNDLED_MANIFEST = ROOT / "examples" / "linxia-demo-planted.json"
DEMO_FILES = (
    "deferrals.jsonl",
    "employment.jsonl",
    "headcount_totals.csv",
    "headcounts.csv",
    "population.csv",
    "students.csv",
)

AS_OF = dt.date(2019, 3, 20)
CUTOFF = dt.date(2018, 8, 31)
LATEST_SCHOOL_AGE = dt.date(2012, 8, 31)  # six at the cutoff
MONTHS = ("2018-09", "2018-10", "2018-11", "2018-12", "2019-01", "2019-02", "2019-03")

Finding = tuple[str, str, int]  # (rule, file, line)


def generate(*arguments: str) -> str:
    done = subprocess.run(
        [sys.executable, str(GENERATOR), *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def make_demo(folder: Path, seed: int = 2019) -> tuple[Path, Path]:
    out, manifest = folder / "demo", folder / "planted.json"
    generate("demo", "--out", str(out), "--manifest", str(manifest), "--seed", str(seed))
    return out, manifest


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_demo(tmp_path_factory.mktemp("demo"))


def manifest_entries(path: Path) -> list[dict[str, str | int]]:
    entries: list[dict[str, str | int]] = json.loads(path.read_text(encoding="utf-8"))
    return entries


def manifest_findings(path: Path) -> set[Finding]:
    return {(str(e["rule"]), str(e["file"]), int(e["line"])) for e in manifest_entries(path)}


# --------------------------------------------------------------------------------------
# Reading the files back, independently of the generator
# --------------------------------------------------------------------------------------

STUDENT_HEADERS = {
    "学籍号": "student_number",
    "身份证件号": "resident_id",
    "身份证件类型": "id_type",
    "姓名": "name",
    "性别": "sex",
    "出生日期": "birth_date",
    "民族": "ethnicity",
    "户口所在地": "household_region",
    "学校标识码": "school_id",
    "年级": "grade",
    "班级": "class_name",
    "入学年月": "entry_date",
    "学籍状态": "status",
    "就读方式": "study_mode",
    "是否进城务工人员随迁子女": "migrant",
    "是否留守儿童": "left_behind",
    "残疾人类型": "disability",
    "随班就读": "regular_class_placement",
    "建档立卡": "poverty_registered",
    "建籍日期": "record_created_on",
    "状态变动日期": "status_since",
    "注销原因": "cancel_reason",
    "死亡日期": "deceased_on",
    "移居境外日期": "emigrated_on",
}
GRADES = {
    **{str(grade): grade for grade in range(1, 10)},
    **dict(zip("一二三四五六七八九", range(1, 10), strict=True)),
}
STATUSES = {
    "在读": "active",
    "休学": "suspended",
    "转出": "transferred_out",
    "辍学": "dropped_out",
    "毕业": "graduated",
    "结业": "completed",
    "死亡": "deceased",
    "注销": "cancelled",
    "退学": "withdrawn",
}
SEXES = {
    "男": "male",
    "1": "male",
    "male": "male",
    "女": "female",
    "2": "female",
    "female": "female",
}
LAWFUL_CANCEL = {"死亡", "出国定居", "出境", "death", "emigration", "left_country"}
OPEN = {"active", "suspended"}
ON_RECORD = {"active", "suspended", "graduated", "completed"}


def read_rows(path: Path, encoding: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows with their physical line (the header is line 1) and canonical field names."""
    with path.open(encoding=encoding, newline="") as stream:
        reader = csv.reader(stream)
        header = [STUDENT_HEADERS.get(name, name) for name in next(reader)]
        for line, cells in enumerate(reader, start=2):
            assert reader.line_num == line, "a value spans lines: physical lines would differ"
            yield line, dict(zip(header, cells, strict=True))


def parse_date(text: str) -> dt.date:
    text = text.strip()
    if "/" in text:
        year, month, day = (int(part) for part in text.split("/"))
        return dt.date(year, month, day)
    if "-" in text:
        return dt.date.fromisoformat(text)
    if len(text) == 8 and text.isdigit():
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    raise ValueError(text)


def optional_date(text: str) -> dt.date | None:
    return parse_date(text) if text else None


def parse_entry(text: str) -> dt.date:
    """The first day of the entry month (入学年月), or the date given."""
    digits = text.replace("-", "")
    if len(digits) == 6 and digits.isdigit():
        return dt.date(int(digits[:4]), int(digits[4:]), 1)
    return parse_date(text)


def parse_grade(text: str) -> int:
    if text.startswith("初"):
        return 6 + GRADES[text[1]]
    return GRADES[text.removesuffix("年级")]


@dataclass
class Record:
    line: int
    number: str
    resident_id: str
    sex: str
    birth_date: dt.date
    school_id: str
    grade: int
    entry: dt.date
    status: str
    since: dt.date | None
    created: dt.date | None
    cancel_reason: str
    study_mode: str
    expert_assessed_on: str

    @property
    def valid_id(self) -> ResidentId | None:
        return ResidentId(self.resident_id) if is_valid_resident_id(self.resident_id) else None


@dataclass
class Child:
    line: int
    resident_id: str
    sex: str
    birth_date: dt.date
    disabled: bool
    left_on: dt.date | None
    deceased_on: dt.date | None


class Derived:
    """The findings of the catalogue's rules, re-derived from one folder."""

    def __init__(self, folder: Path, population_encoding: str) -> None:
        self.folder = folder
        self.findings: set[Finding] = set()
        self.records = self.read_students()
        self.children = self.read_population(population_encoding)
        self.by_id: defaultdict[str, list[Record]] = defaultdict(list)
        for record in self.records:
            if record.resident_id:
                self.by_id[record.resident_id].append(record)

    def add(self, rule: str, file: str, line: int) -> None:
        self.findings.add((rule, file, line))

    def read_students(self) -> list[Record]:
        records: list[Record] = []
        seen: set[str] = set()
        for line, row in read_rows(self.folder / "students.csv", "utf-8-sig"):
            try:
                if not (row["student_number"] and row["name"] and row["school_id"]):
                    raise ValueError("a required field is empty")  # noqa: TRY301
                record = Record(
                    line,
                    row["student_number"],
                    row["resident_id"],
                    SEXES[row["sex"]],
                    parse_date(row["birth_date"]),
                    row["school_id"],
                    parse_grade(row["grade"]),
                    parse_entry(row["entry_date"]),
                    STATUSES.get(row["status"], row["status"]),
                    optional_date(row["status_since"]),
                    optional_date(row["record_created_on"]),
                    row["cancel_reason"],
                    row["study_mode"],
                    row["expert_assessed_on"],
                )
            except (KeyError, ValueError):
                self.add("INPUT-001", "students.csv", line)
                continue
            if record.number in seen:
                self.add("INPUT-002", "students.csv", line)
                continue
            seen.add(record.number)
            records.append(record)
        return records

    def read_population(self, encoding: str) -> list[Child]:
        children: list[Child] = []
        for line, row in read_rows(self.folder / "population.csv", encoding):
            try:
                deceased = optional_date(row["deceased_on"])
                emigrated = optional_date(row["emigrated_on"])
                child = Child(
                    line,
                    row["resident_id"],
                    SEXES[row["sex"]],
                    parse_date(row["birth_date"]),
                    bool(row["disability"]),
                    min((d for d in (deceased, emigrated) if d is not None), default=None),
                    deceased,
                )
            except (KeyError, ValueError):
                self.add("INPUT-001", "population.csv", line)
                continue
            children.append(child)
        return children

    def identity(self, file: str, line: int, number: str, sex: str, birth: dt.date) -> None:
        if not is_valid_resident_id(number):
            self.add("ID-001", file, line)
            return
        resident_id = ResidentId(number)
        if resident_id.birth_date != birth:
            self.add("ID-002", file, line)
        if resident_id.sex.value != sex:
            self.add("ID-003", file, line)
        if not is_known_region(resident_id.region_code):
            self.add("ID-007", file, line)

    def check_students(self) -> None:
        groups: defaultdict[str, list[Record]] = defaultdict(list)
        for record in self.records:
            line = record.line
            if record.resident_id:
                self.identity(
                    "students.csv", line, record.resident_id, record.sex, record.birth_date
                )
            if not is_valid_student_number(record.number):
                self.add("ID-004", "students.csv", line)
            elif (
                record.number.startswith("G")
                and record.valid_id is not None
                and record.number != "G" + record.resident_id
            ):
                self.add("ID-005", "students.csv", line)
            if record.status in OPEN and record.valid_id is not None:
                groups[record.resident_id].append(record)
            self.check_age(record)
            self.check_registration(record)
        for group in groups.values():
            if len(group) > 1:
                self.add("ID-006", "students.csv", min(r.line for r in group))

    def check_age(self, record: Record) -> None:
        entry_year = record.entry.year
        first_grade = 1 if record.grade <= 6 else 7
        is_entrant = record.grade - (2018 - entry_year) == 1 == first_grade
        if is_entrant and record.birth_date > latest_birth_date(6, dt.date(entry_year, 8, 31)):
            self.add("AGE-001", "students.csv", record.line)
        if record.status in OPEN and age_on(record.birth_date, CUTOFF) >= record.grade + 5 + 2:
            self.add("AGE-004", "students.csv", record.line)

    def check_registration(self, record: Record) -> None:
        line = record.line
        if record.created is not None and (record.created - record.entry).days > 30:
            self.add("REG-001", "students.csv", line)
        if record.status == "withdrawn" or (
            record.status == "cancelled" and record.cancel_reason not in LAWFUL_CANCEL
        ):
            self.add("REG-002", "students.csv", line)
        since = record.since
        if record.status == "transferred_out" and since is not None and (AS_OF - since).days > 30:
            self.add("TR-006", "students.csv", line)
        if record.study_mode in {"送教上门", "home_teaching"} and not record.expert_assessed_on:
            self.add("HT-003", "students.csv", line)

    def lawful_deferrals(self) -> set[str]:
        lawful: set[str] = set()
        for line, text in enumerate(self.jsonl("deferrals.jsonl"), start=1):
            deferral = json.loads(text)
            birth = ResidentId.parse(deferral["resident_id"]).birth_date
            year = next(
                y
                for y in range(birth.year + 1, birth.year + 9)
                if age_on(birth, dt.date(y, 8, 31)) >= 7
            )
            until, approved = parse_date(deferral["until"]), parse_date(deferral["approved_on"])
            if (
                deferral["grounds"] == "health"
                and deferral["approved_by"] in {"township_government", "county_education_bureau"}
                and until <= dt.date(year, 9, 1)
            ):
                if approved <= AS_OF <= until:
                    lawful.add(deferral["resident_id"])
            else:
                self.add("AGE-003", "deferrals.jsonl", line)
        return lawful

    def check_population(self) -> None:
        deferred = self.lawful_deferrals()
        for child in self.children:
            line = child.line
            self.identity("population.csv", line, child.resident_id, child.sex, child.birth_date)
            earliest = dt.date(2001 if child.disabled else 2003, 9, 1)
            records = self.by_id.get(child.resident_id, [])
            if (
                earliest <= child.birth_date <= LATEST_SCHOOL_AGE
                and (child.left_on is None or child.left_on > AS_OF)
                and not any(r.status in ON_RECORD for r in records)
                and child.resident_id not in deferred
            ):
                self.add("AGE-002", "population.csv", line)
            if child.deceased_on is not None:
                self.check_death(child.deceased_on, records)

    def check_death(self, died: dt.date, records: list[Record]) -> None:
        for record in records:
            if record.status in OPEN:
                closed = AS_OF
            elif record.status == "deceased" or (
                record.status == "cancelled" and record.cancel_reason in {"死亡", "death"}
            ):
                closed = record.since or AS_OF
            else:
                continue
            if count_working_days(died + dt.timedelta(days=1), closed) > 10:
                self.add("REG-003", "students.csv", record.line)

    def jsonl(self, name: str) -> list[str]:
        path = self.folder / name
        return path.read_text(encoding="utf-8").splitlines() if path.exists() else []

    def check_employment(self) -> None:
        for line, text in enumerate(self.jsonl("employment.jsonl"), start=1):
            report = json.loads(text)
            birth = ResidentId.parse(report["resident_id"]).birth_date
            if age_on(birth, parse_date(report["reported_on"])) < 16:
                self.add("AGE-005", "employment.jsonl", line)

    def check_headcounts(self, months: tuple[str, ...]) -> None:
        active = [r for r in self.records if r.status == "active"]
        numbers = {r.number for r in active}
        ids = {r.resident_id for r in active if r.resident_id}
        latest: dict[str, tuple[bool, str]] = {}
        seen_months: defaultdict[str, set[str]] = defaultdict(set)
        for line, row in read_rows(self.folder / "headcounts.csv", "utf-8"):
            seen_months[row["school_id"]].add(row["month"])
            present = row["present"] == "true"
            if row["month"] == months[-1]:
                latest[row["student_number"]] = (present, row["excuse"])
            if present and row["student_number"] not in numbers and row["resident_id"] not in ids:
                self.add("REC-002", "headcounts.csv", line)
        for record in active:
            present, excuse = latest.get(record.number, (False, ""))
            if not present and not excuse:
                self.add("REC-001", "students.csv", record.line)
        counts = Counter(r.school_id for r in active)
        for school in counts:
            if set(months) - seen_months[school]:
                self.add("REC-003", "headcounts.csv", 0)
        seen: set[tuple[str, str]] = set()
        for line, row in read_rows(self.folder / "headcount_totals.csv", "utf-8"):
            key = (row["month"], row["school_id"])
            if key in seen:
                self.add("INPUT-002", "headcount_totals.csv", line)
                continue
            seen.add(key)
            if int(row["total"]) != counts[row["school_id"]]:
                self.add("REC-004", "headcount_totals.csv", line)


def derive(folder: Path, *, population_encoding: str, months: tuple[str, ...]) -> set[Finding]:
    derived = Derived(folder, population_encoding)
    derived.check_students()
    derived.check_population()
    derived.check_employment()
    derived.check_headcounts(months)
    return derived.findings


# --------------------------------------------------------------------------------------
# The demo folder
# --------------------------------------------------------------------------------------


def test_the_same_seed_writes_the_same_bytes(demo: tuple[Path, Path], tmp_path: Path) -> None:
    out, manifest = make_demo(tmp_path)
    for name in DEMO_FILES:
        assert (demo[0] / name).read_bytes() == (out / name).read_bytes(), name
    assert demo[1].read_bytes() == manifest.read_bytes()


def test_another_seed_writes_other_data(demo: tuple[Path, Path], tmp_path: Path) -> None:
    out, _ = make_demo(tmp_path, seed=7)
    assert (demo[0] / "students.csv").read_bytes() != (out / "students.csv").read_bytes()


def test_the_bundled_demo_is_what_seed_2019_writes(demo: tuple[Path, Path]) -> None:
    for name in DEMO_FILES:
        assert (demo[0] / name).read_bytes() == (BUNDLED / name).read_bytes(), name
    assert demo[1].read_bytes() == BUNDLED_MANIFEST.read_bytes()


def test_the_demo_writes_six_files_in_their_encodings(demo: tuple[Path, Path]) -> None:
    out = demo[0]
    assert sorted(DEMO_FILES) == sorted(path.name for path in out.iterdir())
    students = (out / "students.csv").read_bytes()
    assert students.startswith("\ufeff学籍号,身份证件号,身份证件类型,".encode())
    population = (out / "population.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        population.decode("utf-8")
    assert population.decode("gb18030").startswith("身份证件号,姓名,性别,出生日期,户口所在地,")
    assert (
        (out / "headcounts.csv")
        .read_bytes()
        .startswith(b"month,school_id,student_number,resident_id,name,present,excuse\r\n")
    )
    for name in ("deferrals.jsonl", "employment.jsonl"):
        for text in (out / name).read_text(encoding="utf-8").splitlines():
            assert isinstance(json.loads(text), dict)


def test_the_demo_has_the_size_of_a_township(demo: tuple[Path, Path]) -> None:
    rows = list(read_rows(demo[0] / "students.csv", "utf-8-sig"))
    open_rows = [row for _, row in rows if row["status"] in {"在读", "休学"}]
    schools = Counter(row["school_id"] for row in open_rows)
    assert 2900 <= len(open_rows) <= 3400
    assert 6 == len(schools)
    assert all(len(school) == 10 and school.startswith("2162") for school in schools)
    headcount_rows = list(read_rows(demo[0] / "headcounts.csv", "utf-8"))
    # on the roll: every open row but the 2 rejected ones and the 2 exported twice
    assert len(MONTHS) * (len(open_rows) - 4) == len(headcount_rows)


def test_the_demo_uses_every_form_the_readers_handle(demo: tuple[Path, Path]) -> None:
    students = [row for _, row in read_rows(demo[0] / "students.csv", "utf-8-sig")]
    assert set(STATUSES) == {row["status"] for row in students}
    assert {"走读", "住校", "送教上门"} == {row["study_mode"] for row in students}
    assert {"死亡", "出国定居", "出境", "其他", ""} == {row["cancel_reason"] for row in students}
    grades = {row["grade"] for row in students}
    assert {"一年级", "六年级", "初一", "初三", "七年级", "九年级"} <= grades
    births = [row["birth_date"] for row in students]
    assert any(len(b) == 8 for b in births)
    assert any(len(b) == 10 and b[4] == "-" for b in births)
    entries = {row["entry_date"] for row in students}
    assert "201809" in entries
    assert "2018-09" in entries
    assert {"01", "03", "26"} <= {row["ethnicity"] for row in students}
    assert {"G", "L", "J"} <= {row["student_number"][:1] for row in students}
    population = [row for _, row in read_rows(demo[0] / "population.csv", "gb18030")]
    assert {"男", "女", "1", "2"} == {row["sex"] for row in population}
    assert any("/" in row["birth_date"] for row in population)
    assert any(row["deceased_on"] for row in population)
    assert any(row["emigrated_on"] for row in population)


def test_resident_ids_are_valid_except_the_planted_ones(demo: tuple[Path, Path]) -> None:
    planted = {(f, line) for rule, f, line in manifest_findings(demo[1]) if rule == "ID-001"}
    for name, encoding in (("students.csv", "utf-8-sig"), ("population.csv", "gb18030")):
        invalid = {
            (name, line)
            for line, row in read_rows(demo[0] / name, encoding)
            if row["resident_id"] and not is_valid_resident_id(row["resident_id"])
        }
        assert {p for p in planted if p[0] == name} == invalid


def test_student_numbers_are_well_formed_except_the_planted_ones(
    demo: tuple[Path, Path],
) -> None:
    planted = {line for rule, f, line in manifest_findings(demo[1]) if rule == "ID-004"}
    malformed = {
        line
        for line, row in read_rows(demo[0] / "students.csv", "utf-8-sig")
        if row["student_number"] and not is_valid_student_number(row["student_number"])
    }
    assert planted == malformed


def test_every_manifest_line_is_a_row_of_its_file(demo: tuple[Path, Path]) -> None:
    entries = manifest_entries(demo[1])
    keys = [(str(e["file"]), int(e["line"]), str(e["rule"])) for e in entries]
    assert sorted(keys) == keys
    for file, line, _ in keys:
        encoding = "gb18030" if file == "population.csv" else "utf-8"
        lines = (demo[0] / file).read_text(encoding=encoding).splitlines()
        first = 2 if file.endswith(".csv") else 1
        assert first <= line <= len(lines)


def test_every_rule_is_planted_at_least_twice(demo: tuple[Path, Path]) -> None:
    counts = Counter(rule for rule, _, _ in manifest_findings(demo[1]))
    rules = {
        *("INPUT-001", "INPUT-002"),
        *("ID-001", "ID-002", "ID-003", "ID-004", "ID-005", "ID-006", "ID-007"),
        *("AGE-001", "AGE-002", "AGE-003", "AGE-004", "AGE-005"),
        *("REG-001", "REG-002", "REG-003"),
    }
    assert rules == set(counts)
    assert all(count >= 2 for count in counts.values())


def test_the_manifest_is_exactly_the_findings_the_rules_give(demo: tuple[Path, Path]) -> None:
    derived = derive(demo[0], population_encoding="gb18030", months=MONTHS)
    assert manifest_findings(demo[1]) == derived


# --------------------------------------------------------------------------------------
# The benchmark folder
# --------------------------------------------------------------------------------------


def test_a_scale_folder_is_clean_and_has_the_counts_asked(tmp_path: Path) -> None:
    out = tmp_path / "scale"
    generate("scale", "--out", str(out), "--students", "2000", "--seed", "3", "--months", "4")
    months = ("2018-12", "2019-01", "2019-02", "2019-03")
    assert set() == derive(out, population_encoding="utf-8", months=months)
    students = list(read_rows(out / "students.csv", "utf-8"))
    assert 2000 == len(students)
    assert 4 * 2000 == len(list(read_rows(out / "headcounts.csv", "utf-8")))
    population = list(read_rows(out / "population.csv", "utf-8"))
    assert 2000 <= len(population) <= 2100
    assert {"G"} == {row["student_number"][:1] for _, row in students}


def test_a_scale_folder_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    for run in ("a", "b"):
        generate("scale", "--out", str(tmp_path / run), "--students", "500", "--seed", "5")
    for name in ("students.csv", "population.csv", "headcounts.csv", "headcount_totals.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
