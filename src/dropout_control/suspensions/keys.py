"""Policy keys of suspensions of schooling.

Each constant is the key of a dated, sourced parameter of the policy book (see the
parameters page of the docs for its values, sources and marks). Rules and look-ups name
parameters by these constants, never by a string written out again.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "SUSPENSION_ALLOWED_GROUNDS",
    "SUSPENSION_APPROVERS",
    "SUSPENSION_MAX_DAYS",
    "SUSPENSION_MAX_EXTENSIONS",
    "SUSPENSION_RETURN_GRACE_DAYS",
]

SUSPENSION_ALLOWED_GROUNDS: Final = "suspension.allowed_grounds"
SUSPENSION_APPROVERS: Final = "suspension.approvers"
SUSPENSION_MAX_DAYS: Final = "suspension.max_days"
SUSPENSION_MAX_EXTENSIONS: Final = "suspension.max_extensions"
SUSPENSION_RETURN_GRACE_DAYS: Final = "suspension.return_grace_days"
