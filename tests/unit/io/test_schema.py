"""The JSON Schema of the report: generated from the classes, published, and followed."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dropout_control.cli import main
from dropout_control.io.schema import report_schema, report_schema_text

ROOT = Path(__file__).parents[3]
PUBLISHED = ROOT / "docs" / "reference" / "report.schema.json"
DEMO = ROOT / "examples" / "linxia-demo"
REGENERATE = (
    "python -c 'from dropout_control.io.schema import report_schema_text; "
    'open("docs/reference/report.schema.json", "w", encoding="utf-8")'
    ".write(report_schema_text())'"
)


def _validator() -> jsonschema.Draft202012Validator:
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return jsonschema.Draft202012Validator(schema, format_checker=checker)


def _demo_report(*options: str) -> Any:
    out = io.StringIO()
    arguments = [str(DEMO), "--as-of", "2019-03-20", "--jurisdiction", "622900"]
    main(["audit", *arguments, "--format", "json", *options], stdout=out)
    return json.loads(out.getvalue())


def test_the_published_schema_is_the_generated_one() -> None:
    assert report_schema_text() == PUBLISHED.read_text(encoding="utf-8"), REGENERATE


def test_the_schema_command_prints_the_generated_schema() -> None:
    out = io.StringIO()
    assert 0 == main(["schema"], stdout=out)
    assert report_schema() == json.loads(out.getvalue())


@pytest.mark.parametrize("options", [(), ("--reveal",)])
def test_the_demo_json_report_follows_the_schema(options: tuple[str, ...]) -> None:
    assert [] == [error.message for error in _validator().iter_errors(_demo_report(*options))]


def test_a_report_with_a_key_the_schema_does_not_know_does_not_follow_it() -> None:
    document = _demo_report()
    document["findings"][0]["unexpected"] = 1
    assert not _validator().is_valid(document)


def test_a_report_with_a_malformed_rule_id_does_not_follow_the_schema() -> None:
    document = _demo_report()
    document["findings"][0]["rule"] = "id-2"
    assert not _validator().is_valid(document)
