"""Policy keys of the monthly headcounts.

Each constant is the key of a dated, sourced parameter of the policy book (see the
parameters page of the docs for its values, sources and marks). Rules and look-ups name
parameters by these constants, never by a string written out again.
"""

from __future__ import annotations

from typing import Final

__all__ = ["RECONCILIATION_HEADCOUNT_EVERY"]

RECONCILIATION_HEADCOUNT_EVERY: Final = "reconciliation.headcount_every"
