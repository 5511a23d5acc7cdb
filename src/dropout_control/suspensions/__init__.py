"""Suspensions of study (休学) and returns (复学): records, their state and the rules."""

from dropout_control.suspensions.model import Suspension
from dropout_control.suspensions.state import (
    SuspensionState,
    latest_suspension,
    return_due_by,
    state_on,
)

__all__ = [
    "Suspension",
    "SuspensionState",
    "latest_suspension",
    "return_due_by",
    "state_on",
]
