"""Dates of compulsory education: ages, school years, cohorts, school days, lunar dates.

All the library's date logic lives here (日期计算): age in full years (周岁), the school
year (学年) and term (学期) of a date, the cohort and school-age window (学龄) of a birth
date, school days (上课日) between dates, China's working days (工作日) under the State
Council's yearly holiday arrangements, and lunar dates (农历). The library serves the dates
from :data:`EARLIEST_DATE` to :data:`LATEST_DATE`; the readers refuse a cell outside them.
Nothing here reads the clock: every function takes the dates it needs. Functions that
depend on a policy number take the resolved policy as the keyword argument ``policy``.
"""

from dropout_control.calendar.ages import age_on, date_of_age, latest_birth_date
from dropout_control.calendar.cohorts import (
    age_at_cutoff,
    cutoff_date,
    entry_school_year,
    entry_year,
    is_school_age,
    school_age_window,
    usual_grade,
    usual_grade_for_age,
)
from dropout_control.calendar.lunar import LunarDate, read_as_lunar, same_day_lunar_and_gregorian
from dropout_control.calendar.month_day import MonthDay, MonthDaySpan
from dropout_control.calendar.school_days import (
    SchoolDays,
    add_school_days,
    count_school_days,
    school_days_between,
)
from dropout_control.calendar.school_year import SchoolYear, Term
from dropout_control.calendar.span import EARLIEST_DATE, LATEST_DATE, is_supported_date
from dropout_control.calendar.working_days import (
    WorkingCalendar,
    YearArrangement,
    add_working_days,
    count_working_days,
)
from dropout_control.calendar.year_month import YearMonth

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "LunarDate",
    "MonthDay",
    "MonthDaySpan",
    "SchoolDays",
    "SchoolYear",
    "Term",
    "WorkingCalendar",
    "YearArrangement",
    "YearMonth",
    "add_school_days",
    "add_working_days",
    "age_at_cutoff",
    "age_on",
    "count_school_days",
    "count_working_days",
    "cutoff_date",
    "date_of_age",
    "entry_school_year",
    "entry_year",
    "is_school_age",
    "is_supported_date",
    "latest_birth_date",
    "read_as_lunar",
    "same_day_lunar_and_gregorian",
    "school_age_window",
    "school_days_between",
    "usual_grade",
    "usual_grade_for_age",
]
