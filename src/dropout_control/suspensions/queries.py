"""Look-ups of suspensions that rules and other packages use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dropout_control.suspensions.kinds import SUSPENSIONS_BY_STUDENT

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle
    from dropout_control.suspensions.model import Suspension

__all__ = ["suspensions_of"]


def suspensions_of(bundle: Bundle, student_number: str) -> tuple[Suspension, ...]:
    """Every suspension of this student number (as written)."""
    return bundle.index(SUSPENSIONS_BY_STUDENT).get(student_number, ())
