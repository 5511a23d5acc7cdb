"""Strategies for the records an audit reads: students, the population roster, deferrals,
reports of employed minors, monthly headcounts and home-teaching visits.

Every record is valid by construction and lawful on the audit date: each strategy takes
``as_of`` (the audit date) and ``policy`` (the policy the audit applies; by default the
national policy resolved on ``as_of``), and a record drawn alone breaks no rule on that
day. A student's resident ID number, birth date, sex and G number agree; its grade is
the usual grade of its birth cohort, or one below (a child who entered a year late); its
entry date is its entry into the current stage (grade 1, or the first junior-secondary
grade) and its record was created within ``registration.create_within_days``.

Each record says where it was read: a file named after its kind (``students.csv``,
``population.csv`` …) and a line from 2 (line 1 is the header).
"""

from __future__ import annotations

# The strategies live in private modules by kind of record; this module re-exports them
# (``__all__``) and the helpers the bundle strategies build on, each helper marked as
# re-exported by its redundant alias (``name as name``, PEP 484).
# ruff: noqa: PLC0414
from dropout_control.strategies._certificates import certificates, schools
from dropout_control.strategies._corrections import age_corrections, evidence
from dropout_control.strategies._headcounts import headcount_entries, headcount_totals, year_months
from dropout_control.strategies._headcounts import headcounts_of as headcounts_of
from dropout_control.strategies._headcounts import school_year_months as school_year_months
from dropout_control.strategies._home_teaching import home_teaching_visits
from dropout_control.strategies._ledger import absences, attempts, case_histories, cases
from dropout_control.strategies._movements import approvals as approvals
from dropout_control.strategies._movements import can_suspend as can_suspend
from dropout_control.strategies._movements import can_transfer as can_transfer
from dropout_control.strategies._movements import draw_suspension as draw_suspension
from dropout_control.strategies._movements import draw_transfer as draw_transfer
from dropout_control.strategies._movements import grade_on as grade_on
from dropout_control.strategies._movements import (
    in_graduating_final_term as in_graduating_final_term,
)
from dropout_control.strategies._movements import suspensions, transfers
from dropout_control.strategies._population import EMPLOYERS as EMPLOYERS
from dropout_control.strategies._population import children, deferrals, employment_reports
from dropout_control.strategies._population import draw_child as draw_child
from dropout_control.strategies._population import draw_deferral as draw_deferral
from dropout_control.strategies._population import draw_employment as draw_employment
from dropout_control.strategies._population import min_employment_age as min_employment_age
from dropout_control.strategies._record_basics import DEFAULT_AS_OF
from dropout_control.strategies._record_basics import DISABILITIES as DISABILITIES
from dropout_control.strategies._record_basics import GIVEN_NAMES as GIVEN_NAMES
from dropout_control.strategies._record_basics import MAYBE_DISABILITY as MAYBE_DISABILITY
from dropout_control.strategies._record_basics import SURNAMES as SURNAMES
from dropout_control.strategies._record_basics import Regions as Regions
from dropout_control.strategies._record_basics import SchoolCalendar as SchoolCalendar
from dropout_control.strategies._record_basics import draw_l_number as draw_l_number
from dropout_control.strategies._record_basics import draw_resident_id as draw_resident_id
from dropout_control.strategies._record_basics import names as names
from dropout_control.strategies._record_basics import region_codes as region_codes
from dropout_control.strategies._record_basics import resolved_policy as resolved_policy
from dropout_control.strategies._record_basics import school_ids as school_ids
from dropout_control.strategies._record_basics import source as source
from dropout_control.strategies._students import ETHNICITIES as ETHNICITIES
from dropout_control.strategies._students import Placement as Placement
from dropout_control.strategies._students import draw_placement as draw_placement
from dropout_control.strategies._students import draw_status_since as draw_status_since
from dropout_control.strategies._students import draw_student as draw_student
from dropout_control.strategies._students import is_g_number_of as is_g_number_of
from dropout_control.strategies._students import other_sex as other_sex
from dropout_control.strategies._students import student_records

__all__ = [
    "DEFAULT_AS_OF",
    "absences",
    "age_corrections",
    "attempts",
    "case_histories",
    "cases",
    "certificates",
    "children",
    "deferrals",
    "employment_reports",
    "evidence",
    "headcount_entries",
    "headcount_totals",
    "home_teaching_visits",
    "schools",
    "student_records",
    "suspensions",
    "transfers",
    "year_months",
]
