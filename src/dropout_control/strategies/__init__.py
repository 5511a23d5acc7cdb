"""Hypothesis strategies for every public value of the library (optional extra).

Install with ``pip install "dropout-control[hypothesis]"``. The strategies are plural
nouns with the same keyword names everywhere; impossible requests (a minimum after a
maximum, an empty choice) raise Hypothesis's ``InvalidArgument``.

Installing the package also registers :func:`hypothesis.strategies.from_type` support
through Hypothesis's plugin entry point, so ``st.from_type(ResidentId)`` works in any
project that installs us.
"""

from __future__ import annotations

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

__all__ = [
    "dates_in_school_year",
    "invalid_resident_ids",
    "lunar_dates",
    "month_days",
    "policies",
    "resident_ids",
    "school_years",
    "student_numbers",
]
