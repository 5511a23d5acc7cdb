"""Policy keys are named constants of their package, never string literals repeated in code."""

from __future__ import annotations

import ast
from pathlib import Path

from dropout_control.ledger import keys as ledger_keys
from dropout_control.policy import PolicyBook
from dropout_control.policy import keys as core_keys
from dropout_control.population import keys as population_keys
from dropout_control.reconciliation import keys as reconciliation_keys
from dropout_control.registry import keys as registry_keys
from dropout_control.suspensions import keys as suspension_keys
from dropout_control.transfers import keys as transfer_keys

PACKAGE = Path(__file__).parents[3] / "src" / "dropout_control"
KEY_MODULES = (
    core_keys,
    registry_keys,
    population_keys,
    reconciliation_keys,
    transfer_keys,
    suspension_keys,
    ledger_keys,
)
NAMED = {getattr(module, name) for module in KEY_MODULES for name in module.__all__}


def _docstrings(tree: ast.AST) -> set[int]:
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }


def test_every_named_key_is_a_parameter_of_the_policy_book() -> None:
    assert set() == NAMED - set(PolicyBook.default().definitions)


def test_no_module_writes_a_named_key_out_as_a_string() -> None:
    found: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if path.name == "keys.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        literals = [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value in NAMED
            and id(node) not in skip
        ]
        if literals:
            found[str(path.relative_to(PACKAGE))] = literals
    assert {} == found
