"""Seeded synthetic registry exports: the bundled Linxia demo folder and benchmark folders.

Two modes:

``demo``
    One township of Linxia, 韩集镇 of 临夏县 (622921), as of 20 March 2019: a student
    registry export with the national registry's Chinese headers and values (UTF-8 with
    BOM), the township's population roster (Chinese headers, GB18030), deferrals,
    employment reports, monthly headcounts and reported totals (English headers,
    canonical values). A known set of problems is planted, and a manifest lists every
    finding the audit should report: rule, file, physical line, note.

``scale``
    A clean folder (nothing planted) of N students for benchmarks, written streaming
    with English headers and UTF-8, with a population roster of about N children and
    monthly headcounts of every student.

All data are synthetic: names, numbers and dates are drawn from a seeded generator, so
one seed always gives the same bytes. The script uses the standard library and
``dropout_control`` only.

    python examples/generate.py demo --out examples/linxia-demo \\
        --manifest examples/linxia-demo-planted.json --seed 2019
    python examples/generate.py scale --out /tmp/scale --students 100000 --seed 1
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import random
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final, TextIO

from dropout_control.calendar import age_on, count_working_days, latest_birth_date
from dropout_control.identity import (
    LINXIA_COUNTIES,
    ResidentId,
    calc_check_character,
    is_known_region,
)

# --------------------------------------------------------------------------------------
# The setting: one school year, one township, the national default parameters
# --------------------------------------------------------------------------------------

AS_OF: Final = dt.date(2019, 3, 20)
JURISDICTION: Final = "622900"
SCHOOL_YEAR_START: Final = 2018  # the school year 2018-2019 contains AS_OF
CUTOFF: Final = dt.date(2018, 8, 31)  # enrolment.cutoff in the start year
ENROLMENT_AGE: Final = 6
SCHOOL_AGE_UPPER: Final = 15  # exclusive: ages 6 to 14 at the cutoff
DISABILITY_EXTENSION: Final = 2
DEFERRED_AGE: Final = 7
EMPLOYMENT_MIN_AGE: Final = 16
CREATE_WITHIN_DAYS: Final = 30
DEATH_CANCEL_WORKING_DAYS: Final = 10
OVER_AGE_YEARS: Final = 2

TOWNSHIP: Final = "622921"  # 临夏县; the township is 韩集镇
OTHER_COUNTIES: Final = ("622901", "622922", "622923", "622924", "622925", "622926", "622927")
PRIMARY_SCHOOLS: Final = ("2162101101", "2162101102", "2162101103", "2162101104", "2162101105")
PRIMARY_WEIGHTS: Final = (30, 22, 18, 16, 14)
JUNIOR_SCHOOL: Final = "2162101201"
MONTHS: Final = ("2018-09", "2018-10", "2018-11", "2018-12", "2019-01", "2019-02", "2019-03")
CLASS_SIZE: Final = 45
LAST_PRIMARY_GRADE: Final = 6
FIRST_JUNIOR_GRADE: Final = 7
LAST_GRADE: Final = 9
ONE_DAY: Final = dt.timedelta(days=1)
SEQUENCES_PER_SEX: Final = 500  # three sequence digits, odd for men and even for women

STUDENTS_FILE: Final = "students.csv"
POPULATION_FILE: Final = "population.csv"
DEFERRALS_FILE: Final = "deferrals.jsonl"
EMPLOYMENT_FILE: Final = "employment.jsonl"
HEADCOUNTS_FILE: Final = "headcounts.csv"
TOTALS_FILE: Final = "headcount_totals.csv"

# --------------------------------------------------------------------------------------
# The registry's Chinese headers and values
# --------------------------------------------------------------------------------------

STUDENT_FIELDS: Final = (
    ("student_number", "学籍号"),
    ("resident_id", "身份证件号"),
    ("id_type", "身份证件类型"),
    ("name", "姓名"),
    ("sex", "性别"),
    ("birth_date", "出生日期"),
    ("ethnicity", "民族"),
    ("household_region", "户口所在地"),
    ("school_id", "学校标识码"),
    ("grade", "年级"),
    ("class_name", "班级"),
    ("entry_date", "入学年月"),
    ("status", "学籍状态"),
    ("study_mode", "就读方式"),
    ("migrant", "是否进城务工人员随迁子女"),
    ("left_behind", "是否留守儿童"),
    ("disability", "残疾人类型"),
    ("regular_class_placement", "随班就读"),
    ("poverty_registered", "建档立卡"),
    ("record_created_on", "建籍日期"),
    ("status_since", "状态变动日期"),
    ("cancel_reason", "注销原因"),
    # No Chinese header is settled for the expert committee's assessment date: the
    # canonical English name is used, which the readers accept beside Chinese ones.
    ("expert_assessed_on", "expert_assessed_on"),
)
POPULATION_FIELDS: Final = (
    ("resident_id", "身份证件号"),
    ("name", "姓名"),
    ("sex", "性别"),
    ("birth_date", "出生日期"),
    ("household_region", "户口所在地"),
    ("disability", "残疾人类型"),
    ("deceased_on", "死亡日期"),
    ("emigrated_on", "移居境外日期"),
)
GRADE_ZH: Final = {
    1: "一年级",
    2: "二年级",
    3: "三年级",
    4: "四年级",
    5: "五年级",
    6: "六年级",
    7: "初一",
    8: "初二",
    9: "初三",
}
GRADE_ZH_ALT: Final = {7: "七年级", 8: "八年级", 9: "九年级"}
STATUS_ZH: Final = {
    "active": "在读",
    "suspended": "休学",
    "transferred_out": "转出",
    "dropped_out": "辍学",
    "graduated": "毕业",
    "completed": "结业",
    "deceased": "死亡",
    "cancelled": "注销",
    "withdrawn": "退学",
}
OPEN_STATUSES: Final = frozenset({"active", "suspended"})
MODE_ZH: Final = {"day": "走读", "boarding": "住校", "home_teaching": "送教上门"}
CANCEL_ZH: Final = {
    "death": "死亡",
    "emigration": "出国定居",
    "left_country": "出境",
    "other": "其他",
}
ID_TYPE_RESIDENT: Final = "居民身份证"
ID_TYPE_OTHER: Final = "其他"

# GB 3304 codes: 01 汉族, 03 回族, 26 东乡族, 35 撒拉族, 47 保安族.
ETHNICITIES: Final = ("03", "01", "26", "35", "47")
ETHNICITY_WEIGHTS: Final = (55, 32, 11, 1, 1)
ETHNICITY_POOL: Final = tuple(
    code for code, weight in zip(ETHNICITIES, ETHNICITY_WEIGHTS, strict=True) for _ in range(weight)
)  # one uniform choice from it is a weighted choice, at the cost of a plain one
DISABILITIES: Final = ("视力残疾", "听力残疾", "言语残疾", "肢体残疾", "智力残疾", "多重残疾")

SURNAMES: Final = "马王张何韩妥赵李杨丁冶穆罗祁孔苏陈刘周闵包虎喇康"  # one surname a character
SURNAME_WEIGHTS: Final = (
    30,
    8,
    7,
    5,
    5,
    4,
    3,
    4,
    3,
    3,
    3,
    2,
    2,
    2,
    2,
    2,
    2,
    2,
    1,
    1,
    1,
    1,
    1,
    1,
)
MALE_CHARACTERS: Final = (
    "海军龙虎福明强文学成德忠俊伟杰鹏辉斌华平东林涛勇刚云宇浩亮庆祥瑞国建兵义龙志"
)
FEMALE_CHARACTERS: Final = "梅燕兰英花玲芳娟霞萍丽红艳琴秀凤莲雪静婷敏倩佳悦欣洁春玉桂蓉娜瑶"
MALE_HUI_NAMES: Final = ("尔撒", "穆萨", "哈桑", "伊布", "尤素")
FEMALE_HUI_NAMES: Final = ("法图", "阿依", "麦燕", "海麦")
EMPLOYERS: Final = (
    "临夏县韩集镇兴旺牛肉面馆",
    "临夏市八坊建筑劳务有限公司",
    "广河县三甲集皮毛加工厂",
    "和政县松鸣农家乐",
)

# --------------------------------------------------------------------------------------
# Records as the generator holds them before writing
# --------------------------------------------------------------------------------------

Plant = tuple[str, str]  # (rule ID, note)


@dataclass
class Child:
    """A child: the facts that the registry and the roster both record."""

    resident_id: str  # as written; "" when the child has no resident ID number
    name: str
    male: bool
    birth_date: dt.date
    household_region: str
    ethnicity: str
    disability: str = ""
    deceased_on: dt.date | None = None
    emigrated_on: dt.date | None = None


@dataclass
class Student:
    """One registration record (学籍), and what the demo plants on its row."""

    child: Child
    student_number: str
    school_id: str
    grade: int
    entry_year: int
    created_on: dt.date
    status: str = "active"
    status_since: dt.date | None = None
    cancel_reason: str = ""
    study_mode: str = "day"
    id_type: str = ID_TYPE_RESIDENT
    class_name: str = ""
    migrant: bool = False
    left_behind: str = "否"
    poverty: bool = False
    expert_assessed_on: dt.date | None = None
    compact_dates: bool = True  # YYYYMMDD, else YYYY-MM-DD
    dashed_entry: bool = False  # 入学年月 as YYYY-MM, else YYYYMM
    grade_alt: bool = False  # 七年级 rather than 初一
    text: dict[str, str] = field(default_factory=dict)  # cells written as given
    plants: list[Plant] = field(default_factory=list)
    rejected: bool = False  # the row cannot become a record (INPUT-001)
    line: int = 0

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def grade_label(self) -> str:
        """The grade as the row writes it: 一年级 … 初三, or 七年级 … 九年级 for some."""
        alternative = GRADE_ZH_ALT.get(self.grade) if self.grade_alt else None
        return alternative or GRADE_ZH[self.grade]

    @property
    def is_counted(self) -> bool:
        """Whether the row becomes an active record (and so belongs in a headcount total)."""
        return self.status == "active" and not self.rejected


@dataclass
class RosterRow:
    """One row of the population roster (户籍 children of the township)."""

    child: Child
    date_style: int  # 0 YYYY-MM-DD, 1 YYYYMMDD, 2 YYYY/M/D
    numeric_sex: bool  # 1/2 rather than 男/女
    text: dict[str, str] = field(default_factory=dict)
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


@dataclass
class DeferralRow:
    child: Child
    grounds: str
    approved_by: str
    approved_on: dt.date
    until: dt.date
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


@dataclass
class EmploymentRow:
    child: Child
    employer: str
    reported_on: dt.date
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


@dataclass(frozen=True)
class ManifestEntry:
    rule: str
    file: str
    line: int
    note: str

    def sort_key(self) -> tuple[str, int, str]:
        return (self.file, self.line, self.rule)


# --------------------------------------------------------------------------------------
# Dates and their written forms
# --------------------------------------------------------------------------------------


def cohort(age: int) -> tuple[dt.date, dt.date]:
    """First and last birth date of the children aged ``age`` at the cutoff."""
    return latest_birth_date(age + 1, CUTOFF) + ONE_DAY, latest_birth_date(age, CUTOFF)


def usual_grade(birth_date: dt.date) -> int:
    return age_on(birth_date, CUTOFF) - ENROLMENT_AGE + 1


def entry_year_of(grade: int) -> int:
    """Year of entry into the current school (grade 1, or grade 7 for junior secondary)."""
    first = 1 if grade <= LAST_PRIMARY_GRADE else FIRST_JUNIOR_GRADE
    return SCHOOL_YEAR_START - (grade - first)


def iso(day: dt.date) -> str:
    return day.isoformat()


def compact(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def slashed(day: dt.date) -> str:
    return f"{day.year}/{day.month}/{day.day}"


def written(day: dt.date | None, style: int) -> str:
    if day is None:
        return ""
    return (iso, compact, slashed)[style](day)


def month_index(month: str) -> tuple[int, int]:
    return int(month[:4]), int(month[5:])


def bad_check(resident_id: str) -> str:
    """The same number with a wrong check character (otherwise well formed)."""
    right = resident_id[17]
    wrong = "0123456789X"[("0123456789X".index(right) + 3) % 11]
    return resident_id[:17] + wrong


# --------------------------------------------------------------------------------------
# The demo township
# --------------------------------------------------------------------------------------


class Demo:
    """Builds the demo township's records, planted problems included, from one seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.ids: set[str] = set()
        self.numbers: set[str] = set()
        self.students: list[Student] = []
        self.duplicates: list[Student] = []  # INPUT-002: copies appended at the end
        self.roster: list[RosterRow] = []
        self.deferrals: list[DeferralRow] = []
        self.employment: list[EmploymentRow] = []
        self.groups: list[tuple[list[Student], str]] = []  # ID-006 groups and their note
        self.total_duplicates: list[tuple[str, str, str]] = []  # (month, school, note)

    # --- people -----------------------------------------------------------------------

    def name(self, *, male: bool) -> str:
        rng = self.rng
        surname = rng.choices(SURNAMES, SURNAME_WEIGHTS)[0]
        if rng.random() < 0.04:  # noqa: PLR2004 - share of Arabic-derived given names
            return surname + rng.choice(MALE_HUI_NAMES if male else FEMALE_HUI_NAMES)
        pool = MALE_CHARACTERS if male else FEMALE_CHARACTERS
        if rng.random() < 0.25:  # noqa: PLR2004 - share of one-character given names
            return surname + rng.choice(pool)
        first = "小" if rng.random() < 0.1 else rng.choice(pool)  # noqa: PLR2004
        return surname + first + rng.choice(pool)

    def new_id(self, region: str, birth_date: dt.date, *, male: bool) -> str:
        while True:
            sequence = self.rng.randrange(SEQUENCES_PER_SEX) * 2 + (1 if male else 0)
            number = ResidentId.from_parts(region, birth_date, sequence).reveal()
            if number not in self.ids:
                self.ids.add(number)
                return number

    def born(self, age: int, *, safe: bool = False) -> dt.date:
        """A birth date in the cohort aged ``age`` at the cutoff; ``safe`` keeps it away
        from the cohort's edges (August and September), so a few days' shift stays in."""
        first, last = cohort(age)
        while True:
            day = first + dt.timedelta(days=self.rng.randrange((last - first).days + 1))
            if not safe or day.month not in (8, 9):
                return day

    def child(
        self,
        birth_date: dt.date,
        *,
        region: str | None = None,
        household: str = TOWNSHIP,
        male: bool | None = None,
        disability: str = "",
        with_id: bool = True,
    ) -> Child:
        rng = self.rng
        is_male = rng.random() < 0.52 if male is None else male  # noqa: PLR2004
        if region is None:
            region = TOWNSHIP if rng.random() < 0.88 else rng.choice(OTHER_COUNTIES)  # noqa: PLR2004
        number = self.new_id(region, birth_date, male=is_male) if with_id else ""
        ethnicity = rng.choices(ETHNICITIES, ETHNICITY_WEIGHTS)[0]
        return Child(
            number, self.name(male=is_male), is_male, birth_date, household, ethnicity, disability
        )

    def outsider(self, age: int, *, safe: bool = False) -> Child:
        """A child whose household is registered in another county (not on the roster)."""
        county = self.rng.choice(OTHER_COUNTIES)
        return self.child(self.born(age, safe=safe), region=county, household=county)

    def on_roster(self, child: Child, *, plants: Sequence[Plant] = ()) -> RosterRow:
        rng = self.rng
        style = rng.choices((0, 1, 2), (70, 20, 10))[0]
        row = RosterRow(child, style, numeric_sex=rng.random() < 0.05, plants=list(plants))  # noqa: PLR2004
        self.roster.append(row)
        return row

    # --- records ----------------------------------------------------------------------

    def number(self, prefix: str, digits: str) -> str:
        while True:
            tail = "".join(self.rng.choice("0123456789") for _ in range(18 - len(digits)))
            text = prefix + digits + tail
            if text not in self.numbers:
                return text

    def enrol(
        self,
        child: Child,
        grade: int,
        *,
        school: str | None = None,
        status: str = "active",
        student_number: str | None = None,
        plants: Sequence[Plant] = (),
    ) -> Student:
        rng = self.rng
        if school is None:
            school = (
                JUNIOR_SCHOOL
                if grade >= FIRST_JUNIOR_GRADE
                else rng.choices(PRIMARY_SCHOOLS, PRIMARY_WEIGHTS)[0]
            )
        if student_number is None:
            student_number = "G" + child.resident_id
        year = entry_year_of(grade)
        created = dt.date(year, 9, 1) + dt.timedelta(days=rng.randint(0, 10))
        left_behind = rng.choices(("否", "单亲外出", "双亲外出"), (77, 15, 8))[0]
        student = Student(
            child,
            student_number,
            school,
            grade,
            year,
            created,
            status=status,
            migrant=child.household_region != TOWNSHIP and rng.random() < 0.5,  # noqa: PLR2004
            left_behind=left_behind,
            poverty=rng.random() < 0.2,  # noqa: PLR2004
            compact_dates=rng.random() < 0.7,  # noqa: PLR2004
            dashed_entry=rng.random() < 0.1,  # noqa: PLR2004
            plants=list(plants),
        )
        if grade >= FIRST_JUNIOR_GRADE and rng.random() < 0.3:  # noqa: PLR2004
            student.study_mode = "boarding"
        self.numbers.add(student_number)
        self.students.append(student)
        return student

    def finish(self, student: Student, status: str, since: dt.date, reason: str = "") -> None:
        student.status = status
        student.status_since = since
        student.cancel_reason = reason

    # --- the ordinary township --------------------------------------------------------

    def build_base(self) -> None:
        rng = self.rng
        school_age: list[Student] = []
        for age in range(ENROLMENT_AGE, SCHOOL_AGE_UPPER):
            for _ in range(rng.randint(320, 350)):
                child = self.child(self.born(age))
                self.on_roster(child)
                school_age.append(self.enrol(child, usual_grade(child.birth_date)))
        self.vary_base(school_age)
        for age in (4, 5):  # too young: born after the cutoff, no record
            for _ in range(rng.randint(70, 80)):
                self.on_roster(self.child(self.born(age)))
        for age in (15, 16):  # too old: finished compulsory education, or no record
            for _ in range(rng.randint(50, 60)):
                self.too_old(age)
        for _ in range(rng.randint(60, 70)):  # children of other counties' households
            child = self.outsider(rng.randint(ENROLMENT_AGE, SCHOOL_AGE_UPPER - 1))
            self.enrol(child, usual_grade(child.birth_date))
        for _ in range(3):  # no resident ID number: a J number and id_type other
            age = rng.randint(ENROLMENT_AGE, 11)
            child = self.child(self.born(age), with_id=False, household="")
            digits = TOWNSHIP + compact(child.birth_date)
            student = self.enrol(
                child, usual_grade(child.birth_date), student_number=self.number("J", digits)
            )
            student.id_type = ID_TYPE_OTHER

    def too_old(self, age: int) -> None:
        rng = self.rng
        child = self.child(self.born(age))
        self.on_roster(child)
        draw = rng.random()
        if draw < 0.15:  # noqa: PLR2004 - share with no record here at all
            return
        graduated_in = SCHOOL_YEAR_START - (age - SCHOOL_AGE_UPPER)  # 15: July 2018
        student = self.enrol(child, LAST_GRADE)
        student.entry_year = graduated_in - 3
        student.created_on = dt.date(student.entry_year, 9, 1) + dt.timedelta(
            days=rng.randint(0, 10)
        )
        status = "completed" if draw > 0.97 else "graduated"  # noqa: PLR2004
        self.finish(student, status, dt.date(graduated_in, 7, rng.randint(1, 10)))

    def vary_base(self, students: list[Student]) -> None:
        """Ordinary variety: older students, suspensions, boarders, disabled children, L
        numbers."""
        rng = self.rng
        picks = iter(rng.sample(students, 40))
        for _ in range(8):  # a handful of students a year older than their grade's age
            student = next(picks)
            if student.grade > 1:
                student.grade -= 1
                student.entry_year = entry_year_of(student.grade)
                student.created_on = dt.date(student.entry_year, 9, 1) + dt.timedelta(
                    days=rng.randint(0, 10)
                )
                if student.grade <= LAST_PRIMARY_GRADE and student.school_id == JUNIOR_SCHOOL:
                    student.school_id = rng.choices(PRIMARY_SCHOOLS, PRIMARY_WEIGHTS)[0]
                    student.study_mode = "day"
        for _ in range(5):  # suspended since before the school year began
            student = next(picks)
            self.finish(student, "suspended", dt.date(2018, rng.randint(6, 8), rng.randint(1, 28)))
        for _ in range(8):  # disabled children in regular classes (随班就读)
            next(picks).child.disability = rng.choice(DISABILITIES)
        for _ in range(2):  # severely disabled children taught at home (送教上门)
            student = next(picks)
            student.child.disability = "多重残疾"
            student.study_mode = "home_teaching"
            student.expert_assessed_on = dt.date(student.entry_year, 8, rng.randint(1, 25))
        for _ in range(5):  # temporary L numbers
            student = next(picks)
            self.numbers.discard(student.student_number)
            student.student_number = self.number("L", TOWNSHIP + str(student.entry_year))
            self.numbers.add(student.student_number)
        for student in students:
            if LAST_PRIMARY_GRADE - 2 <= student.grade <= LAST_PRIMARY_GRADE and (
                student.study_mode == "day" and rng.random() < 0.05  # noqa: PLR2004
            ):
                student.study_mode = "boarding"

    def lawful_cases(self) -> None:
        """Cases that look like problems and are not: deferrals, deaths, emigration,
        transfers out, employment of 16-year-olds."""
        rng = self.rng
        for _ in range(3):  # six at the cutoff, deferred on health grounds until 31 August 2019
            child = self.child(self.born(ENROLMENT_AGE))
            self.on_roster(child)
            approver = rng.choice(("township_government", "county_education_bureau"))
            self.deferrals.append(
                DeferralRow(
                    child,
                    "health",
                    approver,
                    dt.date(2018, 8, rng.randint(10, 28)),
                    dt.date(2019, 8, 31),
                )
            )
        for _ in range(2):  # next year's entrants, deferred in advance until 31 August 2020
            child = self.child(self.born(ENROLMENT_AGE - 1))
            self.on_roster(child)
            self.deferrals.append(
                DeferralRow(
                    child,
                    "health",
                    "county_education_bureau",
                    dt.date(2019, 3, rng.randint(1, 15)),
                    dt.date(2020, 8, 31),
                )
            )
        self.deaths_and_departures()
        for since in (dt.date(2019, 3, 4), dt.date(2019, 3, 11)):  # transferred out lately
            child = self.outsider(rng.randint(8, 12))
            self.finish(self.enrol(child, usual_grade(child.birth_date)), "transferred_out", since)
        for age, reported in ((16, dt.date(2019, 1, 10)), (17, dt.date(2018, 12, 17))):
            child = self.child(self.born(age))
            self.on_roster(child)
            self.employment.append(EmploymentRow(child, rng.choice(EMPLOYERS), reported))

    def deaths_and_departures(self) -> None:
        for died, cancelled, status, reason in (
            (dt.date(2018, 12, 10), dt.date(2018, 12, 14), "deceased", ""),
            (dt.date(2018, 10, 22), dt.date(2018, 10, 26), "cancelled", "death"),
        ):
            child = self.child(self.born(self.rng.randint(7, 13)))
            child.deceased_on = died
            self.on_roster(child)
            self.finish(self.enrol(child, usual_grade(child.birth_date)), status, cancelled, reason)
        for left, cancelled, reason in (
            (dt.date(2018, 7, 15), dt.date(2018, 7, 20), "emigration"),
            (dt.date(2018, 6, 28), dt.date(2018, 7, 2), "left_country"),
        ):
            child = self.child(self.born(self.rng.randint(8, 11)))
            child.emigrated_on = left
            self.on_roster(child)
            student = self.enrol(child, usual_grade(child.birth_date))
            student.grade -= 1  # cancelled in July 2018: the grade of 2017-2018
            self.finish(student, "cancelled", cancelled, reason)

    # --- planted problems -------------------------------------------------------------

    def plant_input(self) -> None:
        child = self.outsider(ENROLMENT_AGE)
        student = self.enrol(child, 1, plants=[("INPUT-001", "出生日期 2012-13-45 is no date")])
        student.text["birth_date"] = "2012-13-45"
        student.rejected = True
        child = self.outsider(8)
        student = self.enrol(child, usual_grade(child.birth_date))
        student.text["student_number"] = ""
        student.plants.append(("INPUT-001", "学籍号 (required) is empty"))
        student.rejected = True
        for text in ("2009-02-29", "2010/2/30"):
            age = 9 if text.startswith("2009") else 8
            child = self.child(self.born(age))
            self.on_roster(child, plants=[("INPUT-001", f"出生日期 {text} is no date")]).text[
                "birth_date"
            ] = text
            self.enrol(child, usual_grade(child.birth_date))

    def plant_duplicates(self) -> None:
        active = [s for s in self.students if s.is_counted and not s.plants]
        primary = next(s for s in active if s.school_id == PRIMARY_SCHOOLS[1])
        junior = next(s for s in active if s.school_id == JUNIOR_SCHOOL)
        for original in (primary, junior):
            copy = replace(original, plants=[], text=dict(original.text))
            copy.plants.append(("INPUT-002", "学籍号 repeats an earlier row (exported twice)"))
            self.duplicates.append(copy)
        self.total_duplicates.append(("2019-03", JUNIOR_SCHOOL, "(month, school_id) repeated"))

    def plant_identity(self) -> None:
        for age in (7, 11):  # ID-001 in students: other counties' children, not on the roster
            child = self.outsider(age)
            child.resident_id = bad_check(child.resident_id)
            self.enrol(
                child,
                usual_grade(child.birth_date),
                plants=[("ID-001", "wrong check character in 身份证件号")],
            )
        for age in (4, 16):  # ID-001 on the roster: children outside the school-age window
            child = self.child(self.born(age))
            child.resident_id = bad_check(child.resident_id)
            self.on_roster(child, plants=[("ID-001", "wrong check character in 身份证件号")])
        for age, shift in ((9, 3), (12, -5)):  # ID-002 in students
            child = self.child(self.born(age, safe=True))
            self.on_roster(child)
            student = self.enrol(
                child,
                usual_grade(child.birth_date),
                plants=[("ID-002", f"出生日期 shifted by {shift} days")],
            )
            student.text["birth_date"] = self.student_date(student, child.birth_date, shift)
        for age, shift in ((7, 2), (13, -4)):  # ID-002 on the roster
            child = self.child(self.born(age, safe=True))
            row = self.on_roster(child, plants=[("ID-002", f"出生日期 shifted by {shift} days")])
            row.text["birth_date"] = written(
                child.birth_date + dt.timedelta(days=shift), row.date_style
            )
            self.enrol(child, usual_grade(child.birth_date))
        self.plant_sex_and_region()
        self.plant_numbers()

    def student_date(self, student: Student, day: dt.date, shift: int) -> str:
        shifted = day + dt.timedelta(days=shift)
        if age_on(shifted, CUTOFF) != age_on(day, CUTOFF):
            raise AssertionError("a planted shift must stay inside the cohort")
        return compact(shifted) if student.compact_dates else iso(shifted)

    def plant_sex_and_region(self) -> None:
        for age in (8, 10):  # ID-003 in students
            child = self.child(self.born(age))
            self.on_roster(child)
            student = self.enrol(
                child,
                usual_grade(child.birth_date),
                plants=[("ID-003", "性别 disagrees with the ID's sex digit")],
            )
            student.text["sex"] = "女" if child.male else "男"
        for age in (6, 12):  # ID-003 on the roster
            child = self.child(self.born(age))
            row = self.on_roster(
                child, plants=[("ID-003", "性别 disagrees with the ID's sex digit")]
            )
            row.numeric_sex = False
            row.text["sex"] = "女" if child.male else "男"
            self.enrol(child, usual_grade(child.birth_date))
        for region, age in (("622999", 9), ("629901", 12)):  # ID-007 on both record kinds
            child = self.child(self.born(age), region=region)
            note = f"region code {region} is not a GB/T 2260 code"
            self.on_roster(child, plants=[("ID-007", note)])
            self.enrol(child, usual_grade(child.birth_date), plants=[("ID-007", note)])

    def plant_numbers(self) -> None:
        child = self.child(self.born(9))  # ID-004: the letter K
        self.on_roster(child)
        self.enrol(
            child,
            usual_grade(child.birth_date),
            student_number="K" + child.resident_id,
            plants=[("ID-004", "学籍号 starts with K")],
        )
        child = self.child(self.born(13))  # ID-004: truncated
        self.on_roster(child)
        self.enrol(
            child,
            usual_grade(child.birth_date),
            student_number="L" + TOWNSHIP + "2016" + "0381",
            plants=[("ID-004", "学籍号 truncated to 15 characters")],
        )
        child = self.child(self.born(10))  # ID-005: another sequence code
        self.on_roster(child)
        other = self.new_id(child.resident_id[:6], child.birth_date, male=child.male)
        self.enrol(
            child,
            usual_grade(child.birth_date),
            student_number="G" + other,
            plants=[("ID-005", "G number carries another sequence code")],
        )
        child = self.child(self.born(11))  # ID-005: an old birth date
        self.on_roster(child)
        old = self.new_id(
            child.resident_id[:6], child.birth_date.replace(day=1) - ONE_DAY, male=child.male
        )
        self.enrol(
            child,
            usual_grade(child.birth_date),
            student_number="G" + old,
            plants=[("ID-005", "G number carries an earlier birth date")],
        )
        for age, schools, note in (
            (8, (PRIMARY_SCHOOLS[0], PRIMARY_SCHOOLS[1]), "open at two primary schools"),
            (13, (JUNIOR_SCHOOL, JUNIOR_SCHOOL), "two open rows at the junior school"),
            (10, PRIMARY_SCHOOLS[2:5], "open at three primary schools"),
        ):
            child = self.child(self.born(age))
            self.on_roster(child)
            grade = usual_grade(child.birth_date)
            group = [self.enrol(child, grade, school=schools[0])]
            for school in schools[1:]:
                number = self.number("L", TOWNSHIP + str(entry_year_of(grade)))
                group.append(self.enrol(child, grade, school=school, student_number=number))
            self.groups.append((group, note))

    def plant_age(self) -> None:
        rng = self.rng
        for birth in (dt.date(2012, 9, 20), dt.date(2012, 12, 3)):  # AGE-001 in grade 1
            child = self.child(birth)
            self.on_roster(child)
            self.enrol(child, 1, plants=[("AGE-001", "grade 1 entrant aged 5 at 2018-08-31")])
        child = self.child(dt.date(2011, 10, 15))  # AGE-001: grade 2, entered 2017-09 aged 5
        self.on_roster(child)
        self.enrol(child, 2, plants=[("AGE-001", "entered grade 1 in 2017-09 aged 5")])
        child = self.child(self.born(9))  # AGE-002: no record at all
        self.on_roster(child, plants=[("AGE-002", "school-age child with no record")])
        child = self.child(self.born(15), disability="肢体残疾")  # AGE-002: disabled, 15
        self.on_roster(child, plants=[("AGE-002", "disabled child aged 15, no record")])
        for age, since in ((12, dt.date(2018, 11, 19)), (14, dt.date(2018, 10, 8))):
            child = self.child(self.born(age))  # AGE-002: a dropout's record only
            self.on_roster(child, plants=[("AGE-002", "only a 辍学 record")])
            self.finish(self.enrol(child, usual_grade(child.birth_date)), "dropped_out", since)
        for age, grade, note in ((12, 5, "aged 12 in grade 5"), (15, 8, "aged 15 in grade 8")):
            child = self.child(self.born(age))  # AGE-004: two years over age
            self.on_roster(child)
            self.enrol(child, grade, plants=[("AGE-004", note)])
        for grounds, approver, until, note in (
            ("family", "township_government", dt.date(2020, 8, 31), "grounds family"),
            ("health", "village_committee", dt.date(2020, 8, 31), "approved by village committee"),
            ("health", "township_government", dt.date(2021, 8, 31), "runs past the deferred age"),
        ):  # AGE-003: next year's entrants, so AGE-002 cannot apply to them
            child = self.child(self.born(ENROLMENT_AGE - 1))
            self.on_roster(child)
            approved = dt.date(2019, 3, rng.randint(1, 15))
            self.deferrals.append(
                DeferralRow(child, grounds, approver, approved, until, [("AGE-003", note)])
            )
        self.plant_employment()

    def plant_employment(self) -> None:
        rng = self.rng
        for birth, reported, note in (
            (dt.date(2004, 10, 5), dt.date(2019, 1, 21), "employed aged 14 (grade 8)"),
            (dt.date(2003, 11, 20), dt.date(2019, 2, 25), "employed aged 15 (grade 9)"),
        ):
            child = self.child(birth)
            self.on_roster(child)
            self.enrol(child, usual_grade(birth))
            plants: list[Plant] = [("AGE-005", note)]
            self.employment.append(EmploymentRow(child, rng.choice(EMPLOYERS), reported, plants))

    def plant_registration(self) -> None:
        rng = self.rng
        for age, late in ((6, 86), (9, 100)):  # REG-001
            child = self.child(self.born(age))
            self.on_roster(child)
            student = self.enrol(
                child,
                usual_grade(child.birth_date),
                plants=[("REG-001", f"建籍日期 {late} days after entry")],
            )
            student.created_on = dt.date(student.entry_year, 9, 1) + dt.timedelta(days=late)
        child = self.child(self.born(11))  # REG-002 withdrawn, on the roster: AGE-002 too
        self.on_roster(child, plants=[("AGE-002", "only a 退学 record")])
        student = self.enrol(
            child, usual_grade(child.birth_date), plants=[("REG-002", "学籍状态 退学")]
        )
        self.finish(student, "withdrawn", dt.date(2018, 10, 15))
        for age, status, reason, note in (
            (13, "withdrawn", "", "学籍状态 退学"),
            (10, "cancelled", "other", "注销 with reason 其他"),
            (12, "cancelled", "", "注销 with no reason"),
        ):  # REG-002 for other counties' children, not on the roster
            child = self.outsider(age)
            student = self.enrol(child, usual_grade(child.birth_date), plants=[("REG-002", note)])
            self.finish(
                student, status, dt.date(2018, rng.randint(9, 12), rng.randint(1, 28)), reason
            )
        for died in (dt.date(2018, 12, 3), dt.date(2019, 1, 14)):  # REG-003: still active
            child = self.child(self.born(rng.randint(8, 12)))
            child.deceased_on = died
            self.on_roster(child)
            self.enrol(
                child,
                usual_grade(child.birth_date),
                plants=[("REG-003", f"died {died.isoformat()}, record still 在读")],
            )
        for died, since, status, reason in (
            (dt.date(2018, 10, 8), dt.date(2018, 11, 26), "deceased", ""),
            (dt.date(2018, 11, 12), dt.date(2019, 1, 7), "cancelled", "death"),
        ):  # REG-003: cancelled too late
            child = self.child(self.born(rng.randint(8, 12)))
            child.deceased_on = died
            self.on_roster(child)
            days = count_working_days(died + ONE_DAY, since)
            student = self.enrol(
                child,
                usual_grade(child.birth_date),
                plants=[("REG-003", f"cancelled {days} working days after death")],
            )
            self.finish(student, status, since, reason)

    def build(self) -> None:
        self.build_base()
        self.lawful_cases()
        self.plant_input()
        self.plant_identity()
        self.plant_age()
        self.plant_registration()
        self.assign_classes()
        self.plant_duplicates()
        self.order()

    # --- classes, order and lines -----------------------------------------------------

    def assign_classes(self) -> None:
        """Classes of at most CLASS_SIZE; a few junior classes label their grade 七年级 …
        九年级 rather than 初一 … 初三 (both forms occur in exports)."""
        rng = self.rng
        by_grade: dict[tuple[str, int], list[Student]] = {}
        for student in self.students:
            if student.is_open:
                by_grade.setdefault((student.school_id, student.grade), []).append(student)
        classes: dict[tuple[str, int], tuple[int, set[int]]] = {}
        for key, members in sorted(by_grade.items()):
            count = math.ceil(len(members) / CLASS_SIZE)
            alternative = {n for n in range(1, count + 1) if rng.random() < 0.2}  # noqa: PLR2004
            classes[key] = (count, alternative)
            rng.shuffle(members)
            for index, student in enumerate(members):
                number = index % count + 1
                student.grade_alt = number in alternative
                student.class_name = f"{student.grade_label}({number})班"
        for student in self.students:
            if not student.is_open:
                count, alternative = classes.get((student.school_id, student.grade), (1, set()))
                number = rng.randint(1, count)
                student.grade_alt = number in alternative
                student.class_name = f"{student.grade_label}({number})班"

    def order(self) -> None:
        self.students.sort(
            key=lambda s: (s.school_id, not s.is_open, s.grade, s.class_name, s.student_number)
        )
        for line, student in enumerate([*self.students, *self.duplicates], start=2):
            student.line = line
        self.rng.shuffle(self.roster)
        for line, row in enumerate(self.roster, start=2):
            row.line = line
        self.deferrals.sort(key=lambda d: (d.approved_on, d.child.resident_id))
        for line, deferral in enumerate(self.deferrals, start=1):
            deferral.line = line
        self.employment.sort(key=lambda e: (e.reported_on, e.child.resident_id))
        for line, report in enumerate(self.employment, start=1):
            report.line = line
        for group, note in self.groups:
            first = min(group, key=lambda s: s.line)
            others = ", ".join(str(s.line) for s in group if s is not first)
            first.plants.append(("ID-006", f"{note}; the others on lines {others}"))

    # --- headcounts -------------------------------------------------------------------

    def headcount_rows(self) -> Iterator[list[str]]:
        """Every open record on its school's roll each month: present, or excused."""
        on_roll = [s for s in self.students if s.is_open and not s.rejected]
        for month in MONTHS:
            for student in on_roll:
                present, excuse = self.attendance(student, month)
                yield [
                    month,
                    student.school_id,
                    student.student_number,
                    student.child.resident_id,
                    student.child.name,
                    "true" if present else "false",
                    excuse,
                ]

    @staticmethod
    def attendance(student: Student, month: str) -> tuple[bool, str]:
        if student.status == "suspended":
            return False, "suspension"
        if student.study_mode == "home_teaching":
            return False, "home_teaching"
        died = student.child.deceased_on
        if died is not None and month_index(month) >= (died.year, died.month):
            return False, "leave"  # dead, but the record and the roll still list the child
        return True, ""

    def totals(self) -> list[tuple[str, str, int]]:
        counts = Counter(s.school_id for s in self.students if s.is_counted)
        rows = [(month, school, counts[school]) for month in MONTHS for school in sorted(counts)]
        return rows

    # --- writing ----------------------------------------------------------------------

    def student_cells(self, student: Student) -> list[str]:
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

    @staticmethod
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

    def write(self, folder: Path) -> list[ManifestEntry]:
        folder.mkdir(parents=True, exist_ok=True)
        write_csv(
            folder / STUDENTS_FILE,
            [zh for _, zh in STUDENT_FIELDS],
            (self.student_cells(s) for s in [*self.students, *self.duplicates]),
            encoding="utf-8-sig",
        )
        write_csv(
            folder / POPULATION_FILE,
            [zh for _, zh in POPULATION_FIELDS],
            (self.roster_cells(r) for r in self.roster),
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
                for d in self.deferrals
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
                for e in self.employment
            ),
        )
        write_csv(folder / HEADCOUNTS_FILE, HEADCOUNT_HEADER, self.headcount_rows())
        return [*self.manifest(), *self.write_totals(folder)]

    def write_totals(self, folder: Path) -> list[ManifestEntry]:
        rows = [[month, school, str(total)] for month, school, total in self.totals()]
        entries = []
        for month, school, note in self.total_duplicates:
            original = next(r for r in rows if r[0] == month and r[1] == school)
            rows.append(list(original))
            entries.append(ManifestEntry("INPUT-002", TOTALS_FILE, len(rows) + 1, note))
        write_csv(folder / TOTALS_FILE, ["month", "school_id", "total"], rows)
        return entries

    def manifest(self) -> Iterator[ManifestEntry]:
        for student in [*self.students, *self.duplicates]:
            for rule, note in student.plants:
                yield ManifestEntry(rule, STUDENTS_FILE, student.line, note)
        for row in self.roster:
            for rule, note in row.plants:
                yield ManifestEntry(rule, POPULATION_FILE, row.line, note)
        for deferral in self.deferrals:
            for rule, note in deferral.plants:
                yield ManifestEntry(rule, DEFERRALS_FILE, deferral.line, note)
        for report in self.employment:
            for rule, note in report.plants:
                yield ManifestEntry(rule, EMPLOYMENT_FILE, report.line, note)


HEADCOUNT_HEADER: Final = (
    "month",
    "school_id",
    "student_number",
    "resident_id",
    "name",
    "present",
    "excuse",
)


def write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[str]], *, encoding: str = "utf-8"
) -> None:
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_jsonl(path: Path, rows: Iterable[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_manifest(path: Path, entries: Iterable[ManifestEntry]) -> None:
    ordered = sorted(entries, key=ManifestEntry.sort_key)
    lines = [
        json.dumps(
            {"rule": e.rule, "file": e.file, "line": e.line, "note": e.note}, ensure_ascii=False
        )
        for e in ordered
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[\n  " + ",\n  ".join(lines) + "\n]\n", encoding="utf-8")


def demo(out: Path, manifest: Path, seed: int) -> list[ManifestEntry]:
    """Write the demo folder and its manifest; return the manifest's entries."""
    township = Demo(seed)
    township.build()
    entries = sorted(township.write(out), key=ManifestEntry.sort_key)
    write_manifest(manifest, entries)
    return entries


# --------------------------------------------------------------------------------------
# Benchmark folders
# --------------------------------------------------------------------------------------

SCALE_STUDENT_HEADER: Final = tuple(name for name, _ in STUDENT_FIELDS)
SCALE_POPULATION_HEADER: Final = tuple(name for name, _ in POPULATION_FIELDS)
PRIMARY_SCHOOL_SIZE: Final = 480
JUNIOR_SCHOOL_SIZE: Final = 1200
SCALE_EXTRA_YOUNG: Final = 0.03  # roster children too young for school, per student


@dataclass(frozen=True)
class ScaleCounts:
    students: int
    population: int
    headcounts: int
    totals: int
    schools: int
    seconds: float


class IdentityNumbers:
    """Unique resident ID numbers at speed: sequence codes counted per region, day and
    sex, the check character computed on the text (no object per number)."""

    def __init__(self, regions: Sequence[str]) -> None:
        self.regions = regions
        self.counters: dict[tuple[int, int, bool], int] = {}

    def issue(self, region_index: int, birth_date: dt.date, birth_digits: str, male: bool) -> str:
        ordinal = birth_date.toordinal()
        for step in range(len(self.regions)):
            index = (region_index + step) % len(self.regions)
            key = (index, ordinal, male)
            used = self.counters.get(key, 0)
            if used < SEQUENCES_PER_SEX:
                self.counters[key] = used + 1
                # start each day's numbering somewhere in the range, as offices do
                start = (ordinal * 7919 + index * 104729) % SEQUENCES_PER_SEX
                sequence = (start + used) % SEQUENCES_PER_SEX * 2 + male
                first17 = f"{self.regions[index]}{birth_digits}{sequence:03d}"
                return first17 + calc_check_character(first17)
        raise ValueError(f"no sequence code left for {birth_date.isoformat()} in any region")


def scale_months(count: int) -> list[str]:
    """``count`` months ending with the month of the audit date."""
    year, month = AS_OF.year, AS_OF.month
    months = []
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def scale_names(rng: random.Random, count: int) -> tuple[list[str], list[str]]:
    builder = Demo(rng.randrange(2**32))
    return (
        [builder.name(male=True) for _ in range(count)],
        [builder.name(male=False) for _ in range(count)],
    )


def school_plan(students: int) -> list[tuple[str, int, int]]:
    """(school ID, first grade, number of students) for every school, 6+3 split."""
    primary_total = students * LAST_PRIMARY_GRADE // LAST_GRADE
    junior_total = students - primary_total
    plan: list[tuple[str, int, int]] = []
    for first_grade, total, size in (
        (1, primary_total, PRIMARY_SCHOOL_SIZE),
        (FIRST_JUNIOR_GRADE, junior_total, JUNIOR_SCHOOL_SIZE),
    ):
        schools = max(1, math.ceil(total / size))
        for index in range(schools):
            share = total // schools + (1 if index < total % schools else 0)
            plan.append((f"2162{len(plan) + 1:06d}", first_grade, share))
    return plan


class ScaleWriter:
    """Streams a clean folder: students and roster rows as they are drawn, the roll of
    every student kept as text without its month, written once per month at the end."""

    def __init__(self, rng: random.Random, student_file: TextIO, roster_file: TextIO) -> None:
        self.rng = rng
        self.student_file = student_file
        self.roster_file = roster_file
        regions = [r.code for r in LINXIA_COUNTIES]
        if not all(is_known_region(code) for code in regions):
            raise AssertionError("the scale folder must use known region codes only")
        self.numbers = IdentityNumbers(regions)
        self.names = scale_names(rng, 4000)
        self.roll: list[str] = []  # one headcount row without its month, per student
        self.population = 0

    def person(self, first_ordinal: int, span: int) -> tuple[str, str, str, str]:
        """(resident ID, name, sex, ISO birth date) of a new child born in the span."""
        rng = self.rng
        birth = dt.date.fromordinal(first_ordinal + rng.randrange(span))
        male = rng.random() < 0.52  # noqa: PLR2004
        birth_iso = birth.isoformat()
        region_index = rng.randrange(len(self.numbers.regions))
        number = self.numbers.issue(region_index, birth, birth_iso.replace("-", ""), male)
        name = rng.choice(self.names[0] if male else self.names[1])
        return number, name, "male" if male else "female", birth_iso

    def grade(self, school_id: str, grade: int, count: int) -> None:
        """One grade of one school: students, their roster rows and their roll rows."""
        rng = self.rng
        first, last = cohort(grade + ENROLMENT_AGE - 1)
        first_ordinal, span = first.toordinal(), (last - first).days + 1
        year = entry_year_of(grade)
        entry = f"{year}-09-01"
        created = [f"{year}-09-{day:02d}" for day in range(1, 12)]
        student_lines = []
        roster_lines = []
        for index in range(count):
            number, name, sex, birth_iso = self.person(first_ordinal, span)
            region = number[:6]
            class_name = f"{grade}-{index // CLASS_SIZE + 1}"
            student_lines.append(
                f"G{number},{number},resident_id,{name},{sex},{birth_iso},"
                f"{rng.choice(ETHNICITY_POOL)},{region},{school_id},{grade},{class_name},{entry},"
                f"active,day,false,0,,,false,{rng.choice(created)},,,\n"
            )
            roster_lines.append(f"{number},{name},{sex},{birth_iso},{region},,,\n")
            self.roll.append(f",{school_id},G{number},{number},{name},true,\n")
        self.student_file.writelines(student_lines)
        self.roster_file.writelines(roster_lines)
        self.population += count

    def too_young(self, count: int) -> None:
        """Roster children too young for school (born after the cutoff), with no record."""
        first, last = cohort(ENROLMENT_AGE - 1)
        first_ordinal, span = first.toordinal(), (last - first).days + 1
        for _ in range(count):
            number, name, sex, birth_iso = self.person(first_ordinal, span)
            self.roster_file.write(f"{number},{name},{sex},{birth_iso},{number[:6]},,,\n")
        self.population += count


def scale(out: Path, *, students: int, seed: int, months: int) -> ScaleCounts:
    """Write a clean folder of ``students`` students, streaming; return the counts."""
    started = time.perf_counter()
    months_written = scale_months(months)
    plan = school_plan(students)
    out.mkdir(parents=True, exist_ok=True)
    with (
        (out / STUDENTS_FILE).open("w", encoding="utf-8", newline="") as student_file,
        (out / POPULATION_FILE).open("w", encoding="utf-8", newline="") as roster_file,
    ):
        student_file.write(",".join(SCALE_STUDENT_HEADER) + "\n")
        roster_file.write(",".join(SCALE_POPULATION_HEADER) + "\n")
        writer = ScaleWriter(random.Random(seed), student_file, roster_file)
        for school_id, first_grade, size in plan:
            grades = LAST_PRIMARY_GRADE if first_grade == 1 else LAST_GRADE - LAST_PRIMARY_GRADE
            for offset in range(grades):
                count = size // grades + (1 if offset < size % grades else 0)
                writer.grade(school_id, first_grade + offset, count)
        writer.too_young(round(students * SCALE_EXTRA_YOUNG))
    with (out / HEADCOUNTS_FILE).open("w", encoding="utf-8", newline="") as stream:
        stream.write(",".join(HEADCOUNT_HEADER) + "\n")
        for month in months_written:
            stream.writelines(map(month.__add__, writer.roll))
    with (out / TOTALS_FILE).open("w", encoding="utf-8", newline="") as stream:
        stream.write("month,school_id,total\n")
        for month in months_written:
            stream.writelines(f"{month},{school},{size}\n" for school, _, size in plan)
    return ScaleCounts(
        students=len(writer.roll),
        population=writer.population,
        headcounts=len(writer.roll) * len(months_written),
        totals=len(plan) * len(months_written),
        schools=len(plan),
        seconds=time.perf_counter() - started,
    )


# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else "")
    modes = parser.add_subparsers(dest="mode", required=True)
    demo_mode = modes.add_parser("demo", help="the Linxia demo folder with planted problems")
    demo_mode.add_argument("--out", type=Path, required=True, help="folder to write")
    demo_mode.add_argument("--manifest", type=Path, required=True, help="manifest JSON to write")
    demo_mode.add_argument("--seed", type=int, default=2019)
    scale_mode = modes.add_parser("scale", help="a clean benchmark folder of N students")
    scale_mode.add_argument("--out", type=Path, required=True, help="folder to write")
    scale_mode.add_argument("--students", type=int, required=True)
    scale_mode.add_argument("--seed", type=int, default=1)
    scale_mode.add_argument("--months", type=int, default=12, help="monthly headcounts to write")
    arguments = parser.parse_args(argv)
    if arguments.mode == "scale" and (arguments.students < 1 or arguments.months < 1):
        parser.error("--students and --months must be at least 1")
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    if arguments.mode == "demo":
        entries = demo(arguments.out, arguments.manifest, arguments.seed)
        by_rule = Counter(entry.rule for entry in entries)
        summary = ", ".join(f"{rule} {count}" for rule, count in sorted(by_rule.items()))
        print(f"wrote {arguments.out} and {arguments.manifest}: {len(entries)} planted findings")
        print(summary)
        return 0
    counts = scale(
        arguments.out, students=arguments.students, seed=arguments.seed, months=arguments.months
    )
    print(
        f"wrote {arguments.out}: {counts.students} students, {counts.population} roster "
        f"children, {counts.headcounts} headcount rows, {counts.totals} totals, "
        f"{counts.schools} schools in {counts.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
