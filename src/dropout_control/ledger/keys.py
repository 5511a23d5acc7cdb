"""Policy keys of the dropout ledger (台账): cases, return and placement.

Each constant is the key of a dated, sourced parameter of the policy book (see the
parameters page of the docs for its values, sources and marks). Rules and look-ups name
parameters by these constants, never by a string written out again.
"""

from __future__ import annotations

from typing import Final

__all__ = ["PLACEMENT_OVER_AGE_YEARS_FOR_VOCATIONAL"]

PLACEMENT_OVER_AGE_YEARS_FOR_VOCATIONAL: Final = "placement.over_age_years_for_vocational"
