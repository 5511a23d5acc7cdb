"""Policy keys of transfers between schools.

Each constant is the key of a dated, sourced parameter of the policy book (see the
parameters page of the docs for its values, sources and marks). Rules and look-ups name
parameters by these constants, never by a string written out again.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "TRANSFER_APPROVAL_ORDER",
    "TRANSFER_BLOCKED_IN_GRADUATING_FINAL_TERM",
    "TRANSFER_BLOCKED_WHILE_SUSPENDED",
    "TRANSFER_PARTY_LIMIT_WORKING_DAYS",
    "TRANSFER_UNPLACED_AFTER_DAYS",
]

TRANSFER_APPROVAL_ORDER: Final = "transfer.approval_order"
TRANSFER_PARTY_LIMIT_WORKING_DAYS: Final = "transfer.party_limit_working_days"
TRANSFER_BLOCKED_WHILE_SUSPENDED: Final = "transfer.blocked_while_suspended"
TRANSFER_BLOCKED_IN_GRADUATING_FINAL_TERM: Final = "transfer.blocked_in_graduating_final_term"
TRANSFER_UNPLACED_AFTER_DAYS: Final = "transfer.unplaced_after_days"
