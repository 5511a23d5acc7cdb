"""The library's full catalogue: every domain's record kinds, rules and reasons.

Kinds, rules and reasons register themselves when their modules are imported.
Importing ``dropout_control`` imports this module, which imports every kind and rule
module, so that whatever a user reaches from the package (the audit, the command line,
the docs, ``REGISTRY`` and ``KINDS``) sees one complete catalogue; :func:`load_reasons`
imports the rest of the library for the catalogue of every reason it can give.
"""

from __future__ import annotations

import importlib
import pkgutil

import dropout_control
from dropout_control.kinds import KINDS, KindRegistry
from dropout_control.reasons import CATALOGUE, Catalogue
from dropout_control.rules import REGISTRY, RuleRegistry

__all__ = ["KIND_MODULES", "RULE_MODULES", "load_kinds", "load_reasons", "load_rules"]

KIND_MODULES: tuple[str, ...] = (
    "dropout_control.registry.kinds",
    "dropout_control.population.kinds",
    "dropout_control.reconciliation.kinds",
    "dropout_control.transfers.kinds",
    "dropout_control.suspensions.kinds",
    "dropout_control.age_corrections.kinds",
    "dropout_control.home_teaching.kinds",
    "dropout_control.completion.kinds",
    "dropout_control.ledger.kinds",
)
"""The modules that declare the library's record kinds, one per domain package."""

# Modules not imported for their reasons: the Hypothesis strategies (a test extra) and
# the command line's entry point (importing it runs the command).
_NOT_LOADED = (
    "dropout_control.strategies",
    "dropout_control._hypothesis_plugin",
    "dropout_control.__main__",
)

RULE_MODULES: tuple[str, ...] = (
    "dropout_control.intake_rules",
    "dropout_control.registry.identity_rules",
    "dropout_control.registry.rules",
    "dropout_control.population.rules",
    "dropout_control.reconciliation.rules",
    "dropout_control.transfers.rules",
    "dropout_control.suspensions.rules",
    "dropout_control.age_corrections.rules",
    "dropout_control.home_teaching.rules",
    "dropout_control.completion.rules",
    "dropout_control.ledger.rules",
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


def load_reasons() -> Catalogue:
    """Import every module of the library and return the catalogue of every reason."""
    load_rules()
    for module in pkgutil.walk_packages(dropout_control.__path__, "dropout_control."):
        if not module.name.startswith(_NOT_LOADED):
            importlib.import_module(module.name)
    return CATALOGUE


load_rules()
