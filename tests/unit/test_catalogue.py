"""The rule registry against the rule catalogue of the specification and the docs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dropout_control.catalogue import load_rules
from dropout_control.findings import RuleId

ROOT = Path(__file__).parents[2]
SPEC = ROOT.parent / "shared" / "spec" / "rules.md"
SPEC_ROW = re.compile(r"^\| (?P<id>[A-Z]+-\d{3}) \| (?P<severity>error|warning|info) \|", re.M)


def _spec_rules() -> dict[str, str]:
    text = SPEC.read_text(encoding="utf-8")
    return {match["id"]: match["severity"] for match in SPEC_ROW.finditer(text)}


@pytest.mark.skipif(not SPEC.exists(), reason="the shared spec is not beside this checkout")
def test_every_registered_spec_rule_keeps_the_spec_severity() -> None:
    spec = _spec_rules()
    differing = {
        str(rule.id): rule.severity.value
        for rule in load_rules()
        if str(rule.id) in spec and spec[str(rule.id)] != rule.severity.value
    }
    assert {} == differing


def test_every_registered_rule_has_titles_messages_a_docstring_and_a_basis() -> None:
    lacking = [
        str(rule.id)
        for rule in load_rules()
        if not (rule.title.zh and rule.title.en and rule.message.zh and rule.message.en)
        or not rule.doc
        or not (rule.citations or rule.parameters)
    ]
    assert [] == lacking


def test_the_rule_catalogue_page_is_generated_from_the_registry() -> None:
    page = (ROOT / "docs" / "policy" / "rules.md").read_text(encoding="utf-8")
    assert "```{rule-catalogue}" in page


def test_registered_ids_are_well_formed_and_unique() -> None:
    ids = [rule.id for rule in load_rules()]
    assert len(ids) == len(set(ids))
    assert all(RuleId.parse(str(rule_id)) == rule_id for rule_id in ids)
