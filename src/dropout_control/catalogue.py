"""The full rule catalogue and the full reason catalogue: every rule and every reason,
registered.

Rules and reasons register themselves when their module is imported; the service layer
imports them all here so that the command line, the audit and the docs see one and the
same registry and catalogue.
"""

from __future__ import annotations

import importlib
import pkgutil

import dropout_control
from dropout_control.reasons import CATALOGUE, Catalogue
from dropout_control.rules import REGISTRY, RuleRegistry

__all__ = ["RULE_MODULES", "load_reasons", "load_rules"]

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
)
"""The modules that hold the library's rules, one per domain package."""


def load_rules() -> RuleRegistry:
    """Import every rule module and return the registry that holds them all."""
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
