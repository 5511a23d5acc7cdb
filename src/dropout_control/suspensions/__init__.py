"""Suspensions of study (休学) and returns (复学): records, their state and the rules."""

from dropout_control.suspensions.model import Suspension

__all__ = ["Suspension"]
