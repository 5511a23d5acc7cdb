"""The catalogue is complete on import, and no module reaches into another's rules."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from dropout_control import catalogue

PACKAGE = Path(__file__).parents[3] / "src" / "dropout_control"
RULE_MODULES = frozenset(catalogue.RULE_MODULES)


def test_importing_the_package_registers_every_rule_and_kind() -> None:
    script = (
        "import dropout_control as d; "
        "print(len(d.REGISTRY), len(d.KINDS), d.REGISTRY['SUS-005'].id, d.KINDS['transfers'].name)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert ["59", "16", "SUS-005", "transfers"] == shown


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_module_imports_a_rules_module_but_the_catalogue() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(_imports(path) & RULE_MODULES)
        for path in PACKAGE.rglob("*.py")
        if path.name != "catalogue.py" and _imports(path) & RULE_MODULES
    }
    assert {} == offenders
