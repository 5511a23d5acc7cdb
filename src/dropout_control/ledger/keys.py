"""Policy keys of the dropout ledger (控辍保学台账): absences, cases and placement.

Each constant is the key of a dated, sourced parameter of the policy book (see the
parameters page of the docs for its values, sources and marks). Rules and look-ups name
parameters by these constants, never by a string written out again.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ABSENCE_DROPOUT_SCHOOL_DAYS",
    "ABSENCE_SUSPECTED_DROPOUT_SCHOOL_DAYS",
    "CASE_CONTACT_EVERY_DAYS",
    "CASE_PLAN_WITHIN_DAYS",
    "CASE_REGISTER_WITHIN_DAYS",
    "CASE_STEP_OWNER_ROLES",
    "CASE_WRITTEN_REPORT_AFTER_FAILED_ATTEMPTS",
    "PLACEMENT_OVER_AGE_YEARS_FOR_VOCATIONAL",
]

ABSENCE_SUSPECTED_DROPOUT_SCHOOL_DAYS: Final = "absence.suspected_dropout_school_days"
ABSENCE_DROPOUT_SCHOOL_DAYS: Final = "absence.dropout_school_days"
CASE_REGISTER_WITHIN_DAYS: Final = "case.register_within_days"
CASE_PLAN_WITHIN_DAYS: Final = "case.plan_within_days"
CASE_CONTACT_EVERY_DAYS: Final = "case.contact_every_days"
CASE_STEP_OWNER_ROLES: Final = "case.step_owner_roles"
CASE_WRITTEN_REPORT_AFTER_FAILED_ATTEMPTS: Final = "case.written_report_after_failed_attempts"
PLACEMENT_OVER_AGE_YEARS_FOR_VOCATIONAL: Final = "placement.over_age_years_for_vocational"
