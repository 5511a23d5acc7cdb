"""Hypothesis strategies for every public value of the library (optional extra).

Install with ``pip install "dropout-control[hypothesis]"``. The strategies are plural
nouns with the same keyword names everywhere; impossible requests (a minimum after a
maximum, an empty choice) raise Hypothesis's ``InvalidArgument``.

Records (students, the roster, deferrals, employment reports, headcounts, transfers,
suspensions, age corrections and their evidence, home-teaching visits) are valid by
construction and lawful on the audit date ``as_of`` under ``policy``; whole bundles come
clean (:func:`clean_bundles`) or with one plant that a given rule must report
(:func:`violating_bundles`).

Installing the package also registers :func:`hypothesis.strategies.from_type` support
through Hypothesis's plugin entry point, so ``st.from_type(ResidentId)`` works in any
project that installs us.
"""

from __future__ import annotations

from dropout_control.strategies._certificates import certified_bundles
from dropout_control.strategies.bundles import (
    RULES_WITH_STRATEGIES,
    clean_bundles,
    violating_bundles,
)
from dropout_control.strategies.dates import (
    dates_in_school_year,
    lunar_dates,
    month_days,
    policies,
    school_years,
)
from dropout_control.strategies.identity import (
    invalid_resident_ids,
    resident_ids,
    student_numbers,
)
from dropout_control.strategies.records import (
    absences,
    age_corrections,
    attempts,
    case_histories,
    cases,
    certificates,
    children,
    deferrals,
    employment_reports,
    evidence,
    headcount_entries,
    headcount_totals,
    home_teaching_visits,
    schools,
    student_records,
    suspensions,
    transfers,
    year_months,
)

__all__ = [
    "RULES_WITH_STRATEGIES",
    "absences",
    "age_corrections",
    "attempts",
    "case_histories",
    "cases",
    "certificates",
    "certified_bundles",
    "children",
    "clean_bundles",
    "dates_in_school_year",
    "deferrals",
    "employment_reports",
    "evidence",
    "headcount_entries",
    "headcount_totals",
    "home_teaching_visits",
    "invalid_resident_ids",
    "lunar_dates",
    "month_days",
    "policies",
    "resident_ids",
    "school_years",
    "schools",
    "student_numbers",
    "student_records",
    "suspensions",
    "transfers",
    "violating_bundles",
    "year_months",
]
