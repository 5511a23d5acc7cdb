"""Policy keys of the core: compulsory structure, enrolment, school year, school age.

Each constant is the key of a dated, sourced parameter of the policy book (see the
parameters page of the docs for its values, sources and marks). Rules and look-ups name
parameters by these constants, never by a string written out again.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "CALENDAR_WORKING_DAY_ARRANGEMENTS",
    "COMPULSORY_STRUCTURE",
    "COMPULSORY_YEARS",
    "DISABILITY_AGE_EXTENSION_YEARS",
    "ENROLMENT_AGE",
    "ENROLMENT_CUTOFF",
    "ENROLMENT_DEFERRAL_GROUNDS",
    "ENROLMENT_DEFERRED_AGE",
    "ENROLMENT_OVER_AGE_YEARS",
    "SCHOOL_AGE_UPPER",
    "SCHOOL_YEAR_SPRING_TERM_START",
    "SCHOOL_YEAR_START",
    "SCHOOL_YEAR_SUMMER_VACATION",
    "SCHOOL_YEAR_WINTER_VACATION",
]

COMPULSORY_STRUCTURE: Final = "compulsory.structure"
COMPULSORY_YEARS: Final = "compulsory.years"
ENROLMENT_AGE: Final = "enrolment.age"
ENROLMENT_CUTOFF: Final = "enrolment.cutoff"
ENROLMENT_DEFERRED_AGE: Final = "enrolment.deferred_age"
ENROLMENT_DEFERRAL_GROUNDS: Final = "enrolment.deferral_grounds"
ENROLMENT_OVER_AGE_YEARS: Final = "enrolment.over_age_years"
SCHOOL_YEAR_START: Final = "school_year.start"
SCHOOL_YEAR_SPRING_TERM_START: Final = "school_year.spring_term_start"
SCHOOL_YEAR_WINTER_VACATION: Final = "school_year.winter_vacation"
SCHOOL_YEAR_SUMMER_VACATION: Final = "school_year.summer_vacation"
SCHOOL_AGE_UPPER: Final = "school_age.upper"
DISABILITY_AGE_EXTENSION_YEARS: Final = "disability.age_extension_years"
CALENDAR_WORKING_DAY_ARRANGEMENTS: Final = "calendar.working_day_arrangements"
