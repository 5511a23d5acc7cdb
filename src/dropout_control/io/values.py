"""Cell values as the registry's exports write them, read into the records' types.

Each parser takes a cell that is not empty (text already stripped, or a number, a
boolean or a date from JSON Lines or a sheet) and the canonical name of its field, and
returns the value or raises an :class:`~dropout_control.errors.InvalidRecord` subclass
naming the field. Empty cells never reach a parser: the converter decides what an empty
cell means (``None``, the field's default, or a missing required field).

A parser never puts a personal value in its message: the numbers and names of a row are
read by the converter, which masks them.

>>> parse_date("2012/9/1", "birth_date"), parse_date("2012年9月1日", "birth_date")
(datetime.date(2012, 9, 1), datetime.date(2012, 9, 1))
>>> parse_grade("初二", "grade"), parse_grade("三年级", "grade")
(8, 3)
>>> parse_sex("女", "sex"), parse_bool("是", "migrant")
(<Sex.FEMALE: 'female'>, True)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Final, TypeVar

from dropout_control.calendar.span import EARLIEST_DATE, LATEST_DATE
from dropout_control.calendar.year_month import YearMonth
from dropout_control.errors import InvalidCode, InvalidDate, InvalidRecord
from dropout_control.identity import Sex
from dropout_control.policy.terms import term_zh
from dropout_control.reasons import reason

__all__ = [
    "BOOLEANS",
    "ETHNIC_GROUPS",
    "GRADES",
    "SEXES",
    "TEXT_VALUES",
    "Parser",
    "cell_text",
    "parse_bool",
    "parse_date",
    "parse_disability",
    "parse_entry_month",
    "parse_ethnicity",
    "parse_grade",
    "parse_int",
    "parse_month",
    "parse_region",
    "parse_sex",
    "parse_text",
]

_T = TypeVar("_T")

# Why a cell cannot be read (INPUT-001 gives these with the cell, masked).
TEXT_NOT_BOOLEAN: Final = reason(
    "INPUT.TEXT_NOT_BOOLEAN", "应为文本，不能是布尔值", "expected text, got a boolean"
)
TEXT_NOT_FRACTION: Final = reason(
    "INPUT.TEXT_NOT_FRACTION",
    "应为文本或整数，不能是小数",
    "expected text or a whole number, got a fraction",
)
TEXT_EXPECTED: Final = reason(
    "INPUT.TEXT_EXPECTED",
    "应为文本，读到的是 {type} 类型的值",
    "expected text, got a value of type {type}",
)
NO_SUCH_DATE: Final = reason("INPUT.NO_SUCH_DATE", "不存在的日期", "no such date")
DATE_OUT_OF_RANGE: Final = reason(
    "INPUT.DATE_OUT_OF_RANGE",
    "日期超出本库支持的范围 {earliest} 至 {latest}（如 9999-12-31 一类的占位日期）",
    "date outside the span the library serves, {earliest} to {latest} "
    "(a placeholder such as 9999-12-31)",
)
DATE_FORM: Final = reason(
    "INPUT.DATE_FORM",
    "日期应写作 YYYY-MM-DD、YYYYMMDD 或 YYYY/M/D",
    "expected a date written YYYY-MM-DD, YYYYMMDD or YYYY/M/D",
)
MONTH_FORM: Final = reason(
    "INPUT.MONTH_FORM", "月份应写作 YYYY-MM 或 YYYYMM", "expected a month written YYYY-MM or YYYYMM"
)
NO_SUCH_MONTH: Final = reason("INPUT.NO_SUCH_MONTH", "不存在的月份", "no such month")
ENTRY_MONTH_FORM: Final = reason(
    "INPUT.ENTRY_MONTH_FORM",
    "月份应写作 YYYYMM 或 YYYY-MM，或日期 YYYY-MM-DD、YYYYMMDD 或 YYYY/M/D",
    "expected a month YYYYMM or YYYY-MM, or a date YYYY-MM-DD, YYYYMMDD or YYYY/M/D",
)
BOOLEAN_FORM: Final = reason(
    "INPUT.BOOLEAN_FORM",
    "应为 是/否、1/0、true/false 或 Y/N",
    "expected 是/否, 1/0, true/false or Y/N",
)
SEX_FORM: Final = reason(
    "INPUT.SEX_FORM", "应为 男/女、1/2 或 male/female", "expected 男/女, 1/2 or male/female"
)
GRADE_FORM: Final = reason(
    "INPUT.GRADE_FORM",
    "年级应为 1 至 9、一年级…九年级或初一…初三",
    "expected a grade 1 to 9, 一年级…九年级 or 初一…初三",
)
WHOLE_NUMBER: Final = reason("INPUT.WHOLE_NUMBER", "应为整数", "expected a whole number")
REGION_FORM: Final = reason(
    "INPUT.REGION_FORM", "行政区划代码应为 6 位数字", "expected a region code of 6 digits"
)
NATIONALITY_FORM: Final = reason(
    "INPUT.NATIONALITY_FORM",
    "民族应为 2 位代码（GB/T 3304）或民族名称",
    "expected a nationality code of 2 digits (GB/T 3304) or its name",
)

Parser = Callable[[object, str], _T]
"""A cell parser: ``parse(value, field)``."""


def cell_text(value: object, field: str) -> str:
    """A cell as text: text as is, a whole number written in digits.

    A number that a sheet or JSON stored as a float (``2162001234.0``) is written
    without its ``.0``; a boolean, a date or a nested value is not text.

    >>> cell_text(2162001234.0, "school_id")
    '2162001234'
    """
    if value.__class__ is str:
        return value
    if isinstance(value, bool):
        raise InvalidRecord(field, TEXT_NOT_BOOLEAN)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        raise InvalidRecord(field, TEXT_NOT_FRACTION)
    raise InvalidRecord(field, TEXT_EXPECTED, facts={"type": type(value).__name__})


def parse_text(value: object, field: str) -> str:
    """Text as written (stripped): the name, the school, the employer."""
    return cell_text(value, field).strip()


# Dates --------------------------------------------------------------------------------

_DATE: Final = re.compile(
    r"(?P<year>\d{4})\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?"
    # Excel's CSV export may add a time of day; the date is what counts.
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
_MONTH: Final = re.compile(r"(?P<year>\d{4})\s*[-/.年]?\s*(?P<month>\d{1,2})\s*月?")
_DATE_FORMATS: Final = "YYYY-MM-DD, YYYYMMDD or YYYY/M/D"
_ISO_LENGTH: Final = 10
_BASIC_LENGTH: Final = 8


def parse_date(value: object, field: str) -> dt.date:
    """A date: ``2012-09-01``, ``20120901``, ``2012/9/1``, ``2012.9.1``, ``2012年9月1日``.

    A date or datetime from a sheet is taken as it is (a datetime's day). A date outside
    the span the library serves (:data:`~dropout_control.calendar.span.EARLIEST_DATE` to
    :data:`~dropout_control.calendar.span.LATEST_DATE`) is refused.

    >>> parse_date("20120901", "birth_date")
    datetime.date(2012, 9, 1)
    >>> parse_date("2012-13-45", "birth_date")
    Traceback (most recent call last):
    ...
    dropout_control.errors.InvalidDate: birth_date='2012-13-45': no such date
    >>> parse_date("9999-12-31", "end")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    dropout_control.errors.InvalidDate: end='9999-12-31': date outside ... 2099-12-31 ...
    """
    if value.__class__ is str:
        text: str = value
        # The common forms go to the C parser directly.
        if (len(text) == _ISO_LENGTH and text[4] == "-" and text[7] == "-") or (
            len(text) == _BASIC_LENGTH and text.isdigit()
        ):
            try:
                day = dt.date.fromisoformat(text)
            except ValueError:
                raise InvalidDate(field, NO_SUCH_DATE, shown=text) from None
            return _in_span(day, field, text)
        return _in_span(_parse_other_date(text, field), field, text)
    if isinstance(value, dt.datetime):
        return _in_span(value.date(), field, value.date().isoformat())
    if isinstance(value, dt.date):
        return _in_span(value, field, value.isoformat())
    return parse_date(cell_text(value, field), field)


def _in_span(day: dt.date, field: str, shown: str) -> dt.date:
    if EARLIEST_DATE <= day <= LATEST_DATE:
        return day
    raise InvalidDate(
        field,
        DATE_OUT_OF_RANGE,
        shown=shown,
        facts={"earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()},
    )


def _parse_other_date(text: str, field: str) -> dt.date:
    match = _DATE.fullmatch(text)
    if match is None:
        raise InvalidDate(field, DATE_FORM, shown=text)
    try:
        return dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        raise InvalidDate(field, NO_SUCH_DATE, shown=text) from None


def parse_month(value: object, field: str) -> YearMonth:
    """A month: ``2019-03``, ``201903``, ``2019/3``, ``2019年3月``; a date gives its month.

    >>> parse_month("201903", "month")
    YearMonth(year=2019, month=3)
    """
    if isinstance(value, dt.date):
        return YearMonth.of(parse_date(value, field))
    text = cell_text(value, field)
    match = _MONTH.fullmatch(text)
    if match is None:
        try:
            day = parse_date(text, field)
        except InvalidDate as exc:
            if exc.code == DATE_OUT_OF_RANGE.code:
                raise
            raise InvalidDate(field, MONTH_FORM, shown=text) from None
        return YearMonth.of(day)
    try:
        month = YearMonth(int(match["year"]), int(match["month"]))
    except InvalidDate:
        raise InvalidDate(field, NO_SUCH_MONTH, shown=text) from None
    _in_span(month.first_day, field, text)
    return month


def parse_entry_month(value: object, field: str) -> dt.date:
    """The month of entry (入学年月) as its first day; a full date is taken as it is.

    >>> parse_entry_month("201809", "entry_date"), parse_entry_month("2018-09", "entry_date")
    (datetime.date(2018, 9, 1), datetime.date(2018, 9, 1))
    >>> parse_entry_month("2018-09-03", "entry_date")
    datetime.date(2018, 9, 3)
    """
    if isinstance(value, dt.date):
        return parse_date(value, field)
    text = cell_text(value, field)
    if len(text) == _ISO_LENGTH and text[4] == "-":
        return parse_date(text, field)
    match = _MONTH.fullmatch(text)
    if match is None:
        try:
            return parse_date(text, field)
        except InvalidDate as exc:
            if exc.code == DATE_OUT_OF_RANGE.code:
                raise
            raise InvalidDate(field, ENTRY_MONTH_FORM, shown=text) from None
    try:
        first = YearMonth(int(match["year"]), int(match["month"])).first_day
    except InvalidDate:
        raise InvalidDate(field, NO_SUCH_MONTH, shown=text) from None
    return _in_span(first, field, text)


# Coded values -------------------------------------------------------------------------


def _table(entries: Mapping[_T, tuple[str, ...]]) -> Mapping[str, _T]:
    return MappingProxyType(
        {alias.casefold(): value for value, names in entries.items() for alias in names}
    )


def _words(synonyms: Mapping[str, tuple[str, ...]]) -> Mapping[str, str]:
    """Each code's term of :data:`~dropout_control.policy.terms.TERMS_ZH` and its
    synonyms, read as the code."""
    return MappingProxyType(
        {word: code for code, more in synonyms.items() for word in (term_zh(code), *more)}
    )


TEXT_VALUES: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        # The grounds of a deferral or a suspension: the policy parameters
        # (enrolment.deferral_grounds, suspension.allowed_grounds) name them in English.
        "grounds": _words({"health": ("因病", "疾病", "健康原因"), "abroad_temporary": ("出国",)}),
        # Who approved it (suspension.approvers).
        "approved_by": _words(
            {
                "township_government": ("乡（镇）人民政府", "乡(镇)人民政府", "乡镇政府"),
                "county_education_bureau": (
                    "县级人民政府教育行政部门",
                    "县教育局",
                    "县教育行政部门",
                ),
            }
        ),
    }
)
"""Chinese words for the coded text fields, by field, with the code the policy uses.

Any other value is kept as written, so that a rule can report it (SUS-001 names grounds
the policy does not allow).
"""


BOOLEANS: Final = _table(
    {
        True: ("是", "1", "true", "t", "y", "yes", "有"),
        False: ("否", "0", "false", "f", "n", "no", "无"),
    }
)


def parse_bool(value: object, field: str) -> bool:
    """Yes or no: 是/否, 1/0, true/false, Y/N (any case); a JSON boolean as it is.

    >>> parse_bool("N", "present"), parse_bool(1, "present")
    (False, True)
    """
    if value is True or value is False:
        return value
    text = cell_text(value, field)
    found = BOOLEANS.get(text.casefold())
    if found is None:
        raise InvalidCode(field, BOOLEAN_FORM, shown=text)
    return found


SEXES: Final = _table(
    {
        Sex.MALE: ("男", "1", "male", "m", "男性"),
        Sex.FEMALE: ("女", "2", "female", "f", "女性"),
    }
)


def parse_sex(value: object, field: str) -> Sex:
    """Sex: 男/女, 1/2 (the national code GB/T 2261.1), male/female.

    >>> parse_sex("1", "sex"), parse_sex("Female", "sex")
    (<Sex.MALE: 'male'>, <Sex.FEMALE: 'female'>)
    """
    text = cell_text(value, field)
    found = SEXES.get(text.casefold())
    if found is None:
        raise InvalidCode(field, SEX_FORM, shown=text)
    return found


_NUMERALS: Final = "一二三四五六七八九"
# Junior secondary grades are also called 初一, 初二, 初三 (grades 7 to 9).
_JUNIOR: Final = {7: ("初一", "初中一年级"), 8: ("初二", "初中二年级"), 9: ("初三", "初中三年级")}
GRADES: Final = _table(
    {
        grade: (str(grade), f"{grade}年级", f"{_NUMERALS[grade - 1]}年级", *_JUNIOR.get(grade, ()))
        for grade in range(1, 10)
    }
)


def parse_grade(value: object, field: str) -> int:
    """A grade of compulsory education: 1 to 9, 一年级…九年级, 初一…初三 (7 to 9).

    A number outside 1 to 9 is read as it is: the record refuses it.

    >>> parse_grade("七年级", "grade"), parse_grade("初一", "grade"), parse_grade(9, "grade")
    (7, 7, 9)
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = cell_text(value, field)
    found = GRADES.get(text)
    if found is not None:
        return found
    try:
        return int(text)
    except ValueError:
        raise InvalidCode(field, GRADE_FORM, shown=text) from None


def parse_int(value: object, field: str) -> int:
    """A whole number.

    >>> parse_int("120", "total"), parse_int(120.0, "total")
    (120, 120)
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = cell_text(value, field)
    try:
        return int(text)
    except ValueError:
        raise InvalidRecord(field, WHOLE_NUMBER, shown=text) from None


_REGION_DIGITS: Final = 6


def parse_region(value: object, field: str) -> str:
    """A region code of GB/T 2260: six digits (whether it is a known region is a rule's business).

    >>> parse_region(622921, "household_region")
    '622921'
    """
    text = cell_text(value, field).strip()
    if len(text) != _REGION_DIGITS or not (text.isascii() and text.isdigit()):
        raise InvalidCode(field, REGION_FORM, shown=text)
    return text


# GB/T 3304: the codes of the nationalities (民族), in the order of the standard.
_GB_3304: Final = (
    "汉",  # 01
    "蒙古",  # 02
    "回",  # 03
    "藏",  # 04
    "维吾尔",  # 05
    "苗",  # 06
    "彝",  # 07
    "壮",  # 08
    "布依",  # 09
    "朝鲜",  # 10
    "满",  # 11
    "侗",  # 12
    "瑶",  # 13
    "白",  # 14
    "土家",  # 15
    "哈尼",  # 16
    "哈萨克",  # 17
    "傣",  # 18
    "黎",  # 19
    "傈僳",  # 20
    "佤",  # 21
    "畲",  # 22
    "高山",  # 23
    "拉祜",  # 24
    "水",  # 25
    "东乡",  # 26
    "纳西",  # 27
    "景颇",  # 28
    "柯尔克孜",  # 29
    "土",  # 30
    "达斡尔",  # 31
    "仫佬",  # 32
    "羌",  # 33
    "布朗",  # 34
    "撒拉",  # 35
    "毛南",  # 36
    "仡佬",  # 37
    "锡伯",  # 38
    "阿昌",  # 39
    "普米",  # 40
    "塔吉克",  # 41
    "怒",  # 42
    "乌孜别克",  # 43
    "俄罗斯",  # 44
    "鄂温克",  # 45
    "德昂",  # 46
    "保安",  # 47
    "裕固",  # 48
    "京",  # 49
    "塔塔尔",  # 50
    "独龙",  # 51
    "鄂伦春",  # 52
    "赫哲",  # 53
    "门巴",  # 54
    "珞巴",  # 55
    "基诺",  # 56
)

ETHNIC_GROUPS: Final[Mapping[str, str]] = MappingProxyType(
    {
        **{f"{number:02}": name for number, name in enumerate(_GB_3304, start=1)},
        "97": "其他",
        "98": "外国血统中国籍人士",
    }
)
"""The nationality codes of GB/T 3304 and their names (without the suffix 族)."""

_ETHNIC_CODES: Final = MappingProxyType(
    {
        **{name: code for code, name in ETHNIC_GROUPS.items()},
        **{f"{name}族": code for code, name in ETHNIC_GROUPS.items() if int(code) <= 56},  # noqa: PLR2004
    }
)


def parse_ethnicity(value: object, field: str) -> str:
    """A nationality code of GB/T 3304 (民族): two digits, or the name the registry shows.

    >>> parse_ethnicity("回族", "ethnicity"), parse_ethnicity("1", "ethnicity")
    ('03', '01')
    """
    text = cell_text(value, field).strip()
    if text.isascii() and text.isdigit() and len(text) <= 2:  # noqa: PLR2004
        return text.zfill(2)
    code = _ETHNIC_CODES.get(text)
    if code is None:
        raise InvalidCode(field, NATIONALITY_FORM, shown=text)
    return code


_NO_DISABILITY: Final = frozenset({"无", "0", "否", "无残疾", "非残疾", "none", "no"})


def parse_disability(value: object, field: str) -> str | None:
    """The kind of disability (残疾人类型) as written; 无, 0 or 否 mean none.

    >>> print(parse_disability("无", "disability"))
    None
    >>> parse_disability("视力残疾", "disability")
    '视力残疾'
    """
    if value is False:
        return None
    text = cell_text(value, field).strip()
    if text.casefold() in _NO_DISABILITY:
        return None
    return text
