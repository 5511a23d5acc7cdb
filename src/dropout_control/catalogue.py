"""The library's full catalogue: every domain's record kinds and rules, registered.

Kinds and rules register themselves when their modules are imported; importing
``dropout_control`` imports this module, which imports them all, so that whatever a
user reaches from the package (the audit, the command line, the docs, ``REGISTRY`` and
``KINDS``) sees one complete catalogue.
"""

from __future__ import annotations

import importlib

from dropout_control.kinds import KINDS, KindRegistry
from dropout_control.rules import REGISTRY, RuleRegistry

__all__ = ["KIND_MODULES", "RULE_MODULES", "load_kinds", "load_rules"]

KIND_MODULES: tuple[str, ...] = (
    "dropout_control.registry.kinds",
    "dropout_control.population.kinds",
    "dropout_control.reconciliation.kinds",
    "dropout_control.transfers.kinds",
    "dropout_control.suspensions.kinds",
)
"""The modules that declare the library's record kinds, one per domain package."""

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


def load_kinds() -> KindRegistry:
    """Import every kind module and return the registry that holds them all."""
    for name in KIND_MODULES:
        importlib.import_module(name)
    return KINDS


def load_rules() -> RuleRegistry:
    """Import every rule module and return the registry that holds them all."""
    load_kinds()
    for name in RULE_MODULES:
        importlib.import_module(name)
    return REGISTRY


load_rules()
