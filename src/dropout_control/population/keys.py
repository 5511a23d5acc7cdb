"""Policy keys of the population roster and employed minors.

Each constant is the key of a dated, sourced parameter of the policy book (see the
parameters page of the docs for its values, sources and marks). Rules and look-ups name
parameters by these constants, never by a string written out again.
"""

from __future__ import annotations

from typing import Final

__all__ = ["EMPLOYMENT_MIN_AGE"]

EMPLOYMENT_MIN_AGE: Final = "employment.min_age"
