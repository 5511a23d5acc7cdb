"""The public API: ``__all__`` of every public module against the API reference page."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

API_PAGE = Path(__file__).parents[2] / "docs" / "reference" / "api.md"
DOCUMENTED = re.compile(
    r"^\.\. auto(?:class|function|exception|data):: (?P<module>[\w.]+)\.(?P<name>\w+)$",
    flags=re.MULTILINE,
)
MODULES = [
    "dropout_control.api",
    "dropout_control.auditing",
    "dropout_control.bundle",
    "dropout_control.registry",
    "dropout_control.population",
    "dropout_control.reconciliation",
    "dropout_control.whereabouts",
    "dropout_control.transfers",
    "dropout_control.suspensions",
    "dropout_control.age_corrections",
    "dropout_control.completion",
    "dropout_control.ledger",
    "dropout_control.codes",
    "dropout_control.kinds",
    "dropout_control.registry.keys",
    "dropout_control.population.keys",
    "dropout_control.reconciliation.keys",
    "dropout_control.transfers.keys",
    "dropout_control.suspensions.keys",
    "dropout_control.policy.keys",
    "dropout_control.registry.kinds",
    "dropout_control.registry.queries",
    "dropout_control.population.kinds",
    "dropout_control.population.queries",
    "dropout_control.reconciliation.kinds",
    "dropout_control.reconciliation.queries",
    "dropout_control.transfers.kinds",
    "dropout_control.transfers.queries",
    "dropout_control.suspensions.kinds",
    "dropout_control.suspensions.queries",
    "dropout_control.age_corrections.keys",
    "dropout_control.age_corrections.kinds",
    "dropout_control.age_corrections.queries",
    "dropout_control.home_teaching",
    "dropout_control.ledger.keys",
    "dropout_control.home_teaching.keys",
    "dropout_control.home_teaching.kinds",
    "dropout_control.home_teaching.queries",
    "dropout_control.completion.keys",
    "dropout_control.completion.kinds",
    "dropout_control.completion.queries",
    "dropout_control.ledger.kinds",
    "dropout_control.ledger.queries",
    "dropout_control.intake",
    "dropout_control.identity",
    "dropout_control.calendar",
    "dropout_control.policy",
    "dropout_control.findings",
    "dropout_control.metrics",
    "dropout_control.rules",
    "dropout_control.catalogue",
    "dropout_control.errors",
    "dropout_control.reasons",
    "dropout_control.io",
    "dropout_control.io.plain",
    "dropout_control.io.reports",
    "dropout_control.io.schema",
    "dropout_control.strategies",
]


def _documented() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for match in DOCUMENTED.finditer(API_PAGE.read_text(encoding="utf-8")):
        found.setdefault(match["module"], set()).add(match["name"])
    return found


@pytest.mark.parametrize("module", MODULES)
def test_the_api_page_documents_exactly_the_public_names_of(module: str) -> None:
    public = set(importlib.import_module(module).__all__)
    assert public == _documented().get(module, set())


def test_the_api_page_documents_no_module_outside_the_public_list() -> None:
    assert set(_documented()) <= set(MODULES)


def test_every_name_the_package_root_exports_is_named_on_the_api_page() -> None:
    text = API_PAGE.read_text(encoding="utf-8")
    root = importlib.import_module("dropout_control")
    missing = [name for name in root.__all__ if f"`{name}`" not in text]
    assert [] == missing


@pytest.mark.parametrize("module", ["dropout_control", *MODULES])
def test_every_public_name_exists(module: str) -> None:
    imported = importlib.import_module(module)
    assert [] == [name for name in imported.__all__ if not hasattr(imported, name)]
