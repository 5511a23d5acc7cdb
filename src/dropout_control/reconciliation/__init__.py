"""Monthly headcounts of who is actually in school, against the registry."""

from dropout_control.reconciliation.model import Excuse, HeadcountEntry, HeadcountTotal

__all__ = ["Excuse", "HeadcountEntry", "HeadcountTotal"]
