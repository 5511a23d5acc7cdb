"""The full rule catalogue: every domain's rules, registered.

Rules register themselves when their module is imported; the service layer imports them
all here so that the command line, the audit and the docs see one and the same registry.
"""

from __future__ import annotations

import importlib

from dropout_control.rules import REGISTRY, RuleRegistry

__all__ = ["RULE_MODULES", "load_rules"]

RULE_MODULES: tuple[str, ...] = (
    "dropout_control.intake_rules",
    "dropout_control.registry.identity_rules",
    "dropout_control.registry.rules",
    "dropout_control.population.rules",
    "dropout_control.reconciliation.rules",
    "dropout_control.transfers.rules",
    "dropout_control.suspensions.rules",
)
"""The modules that hold the library's rules, one per domain package."""


def load_rules() -> RuleRegistry:
    """Import every rule module and return the registry that holds them all."""
    for name in RULE_MODULES:
        importlib.import_module(name)
    return REGISTRY
