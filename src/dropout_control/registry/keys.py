"""Policy keys of student registration.

Each constant is the key of a dated, sourced parameter of the policy book (see the
parameters page of the docs for its values, sources and marks). Rules and look-ups name
parameters by these constants, never by a string written out again.
"""

from __future__ import annotations

from typing import Final

__all__ = ["REGISTRATION_CREATE_WITHIN_DAYS", "REGISTRATION_DEATH_CANCEL_WITHIN_WORKING_DAYS"]

REGISTRATION_CREATE_WITHIN_DAYS: Final = "registration.create_within_days"
REGISTRATION_DEATH_CANCEL_WITHIN_WORKING_DAYS: Final = (
    "registration.death_cancel_within_working_days"
)
