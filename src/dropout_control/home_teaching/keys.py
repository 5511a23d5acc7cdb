"""Policy keys of home teaching (送教上门).

Each constant is the key of a dated, sourced parameter of the policy book (see the
parameters page of the docs for its values, sources and marks). Rules and look-ups name
parameters by these constants, never by a string written out again.
"""

from __future__ import annotations

from typing import Final

__all__ = ["HOME_TEACHING_MIN_PERIODS_PER_SCHOOL_YEAR"]

HOME_TEACHING_MIN_PERIODS_PER_SCHOOL_YEAR: Final = "home_teaching.min_periods_per_school_year"
