"""The setting of the Linxia demo: dates, schools, the registry's headers and values,
name pools, and the written forms of dates.

Everything here is a constant or a pure function of its arguments; the random draws are
made in :mod:`examples.linxia.township` and :mod:`examples.linxia.movements`.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from dropout_control.calendar import WorkingCalendar, add_working_days, age_on, latest_birth_date
from dropout_control.policy import resolve_policy
from dropout_control.policy.keys import CALENDAR_WORKING_DAY_ARRANGEMENTS

# --------------------------------------------------------------------------------------
# The setting: one school year, one township, the national default parameters
# --------------------------------------------------------------------------------------

AS_OF: Final = dt.date(2019, 3, 20)
JURISDICTION: Final = "622900"
SCHOOL_YEAR_START: Final = 2018  # the school year 2018-2019 contains AS_OF
CUTOFF: Final = dt.date(2018, 8, 31)  # enrolment.cutoff in the start year
ENROLMENT_AGE: Final = 6
SCHOOL_AGE_UPPER: Final = 15  # inclusive: ages 6 to 15 at the cutoff are of school age
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
TRANSFERS_FILE: Final = "transfers.csv"
SUSPENSIONS_FILE: Final = "suspensions.jsonl"

# Two teaching points (教学点) of grades 1 to 3 in outlying villages: the first stopped
# sending its monthly headcount after February, the second never sent one (REC-003).
TEACHING_POINTS: Final = ("2162101301", "2162101302")
TEACHING_POINT_GRADES: Final = (1, 2, 3)
# Schools of other counties that children transfer from and to (not in the folder).
OUTSIDE_PRIMARY: Final = ("2162201103", "2162301105", "2162501102", "2162701104", "2162901101")
OUTSIDE_JUNIOR: Final = ("2162201201", "2162601201", "2162901203")

# The parameters of the new rules, as in force for 622900 on 2019-03-20
SPRING_TERM_START: Final = dt.date(2019, 3, 1)  # school_year.spring_term_start
PARTY_LIMIT_WORKING_DAYS: Final = 10  # transfer.party_limit_working_days
UNPLACED_AFTER_DAYS: Final = 30  # transfer.unplaced_after_days
SUSPENSION_MAX_DAYS: Final = 365  # suspension.max_days
RETURN_GRACE_DAYS: Final = 14  # suspension.return_grace_days
SUSPENSION_APPROVERS: Final = ("township_government", "county_education_bureau")
GRADUATING_GRADES: Final = (LAST_PRIMARY_GRADE, LAST_GRADE)  # under 6+3

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
    ("expert_assessed_on", "专家评估日期"),
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

TRANSFER_FIELDS: Final = (
    ("transfer_id", "转学编号"),
    ("student_number", "学籍号"),
    ("from_school", "转出学校标识码"),
    ("to_school", "转入学校标识码"),
    ("applied_on", "申请日期"),
    ("grade_before", "转出年级"),
    ("grade_after", "转入年级"),
    ("receiving_school_on", "转入学校审核日期"),
    ("receiving_bureau_on", "转入地教育行政部门审核日期"),
    ("sending_school_on", "转出学校审核日期"),
    ("sending_bureau_on", "转出地教育行政部门审核日期"),
    ("status", "转学状态"),
    ("completed_on", "完成日期"),
)
TRANSFER_STATUS_ZH: Final = {"pending": "审核中", "completed": "已完成", "rejected": "不同意"}
HEADCOUNT_HEADER: Final = (
    "month",
    "school_id",
    "student_number",
    "resident_id",
    "name",
    "present",
    "excuse",
)
TOTALS_HEADER: Final = ("month", "school_id", "total")

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


def month_of(day: dt.date) -> str:
    """The month of a day as the headcounts write it: YYYY-MM."""
    return f"{day.year:04d}-{day.month:02d}"


def month_span(month: str) -> tuple[dt.date, dt.date]:
    """The first and the last day of a month written YYYY-MM."""
    year, number = month_index(month)
    following = dt.date(year + number // 12, number % 12 + 1, 1)
    return dt.date(year, number, 1), following - ONE_DAY


def months_from(first: str) -> tuple[str, ...]:
    """The demo's headcount months from ``first`` on."""
    return tuple(month for month in MONTHS if month >= first)


def months_before(first: str) -> tuple[str, ...]:
    """The demo's headcount months before ``first``."""
    return tuple(month for month in MONTHS if month < first)


def bad_check(resident_id: str) -> str:
    """The same number with a wrong check character (otherwise well formed)."""
    right = resident_id[17]
    wrong = "0123456789X"[("0123456789X".index(right) + 3) % 11]
    return resident_id[:17] + wrong


Approvals = tuple[dt.date | None, dt.date | None, dt.date | None, dt.date | None]
LATEST_MONTH = MONTHS[-1]
WEEKEND = 5  # Saturday's weekday()


def weekday_on_or_after(day: dt.date) -> dt.date:
    while day.weekday() >= WEEKEND:
        day += ONE_DAY
    return day


# China's working days as the rules count them (the State Council's arrangements).
WORKING_DAYS = resolve_policy(on=dt.date(2019, 3, 20)).value(
    CALENDAR_WORKING_DAY_ARRANGEMENTS, WorkingCalendar
)


def schedule(applied: dt.date, *gaps: int) -> Approvals:
    """The approvals of the parties in turn, each ``gap`` working days after the step
    before it (after the application, for the first); fewer gaps, fewer approvals."""
    dates: list[dt.date | None] = []
    previous = applied
    for gap in gaps:
        previous = add_working_days(previous, gap, calendar=WORKING_DAYS)
        dates.append(previous)
    dates.extend([None] * (4 - len(dates)))
    return dates[0], dates[1], dates[2], dates[3]
