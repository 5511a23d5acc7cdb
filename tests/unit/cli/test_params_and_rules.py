"""``dropout-control params`` and ``rules``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dropout_control.catalogue import load_rules
from dropout_control.cli import main
from dropout_control.policy import PolicyBook


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), stdout=out)
    return status, out.getvalue()


def test_params_json_lists_every_parameter_with_value_source_and_mark() -> None:
    status, out = _run(
        "params", "--jurisdiction", "622900", "--on", "2019-03-20", "--format", "json"
    )
    data = json.loads(out)
    assert 0 == status
    assert set(PolicyBook.default().definitions) == {p["key"] for p in data["parameters"]}
    # Those not yet in force give the first value to come, with its source and mark.
    assert all(
        {"value", "source", "mark", "since", "jurisdiction"} <= set(p) for p in data["parameters"]
    )
    assert ["000000", "620000", "622900"] == data["layers"]


def test_params_marks_a_parameter_that_comes_into_force_later() -> None:
    _, out = _run("params", "--jurisdiction", "622900", "--on", "2019-03-20", "--format", "json")
    [later] = [p for p in json.loads(out)["parameters"] if not p["in_force"]]
    assert "case.written_report_after_failed_attempts" == later["key"]
    assert "2021-06-01" == later["first_in_force"] == later["since"]
    assert ("U", 2) == (later["mark"], later["value"])


def test_params_text_shows_value_mark_and_source() -> None:
    status, out = _run("params", "--jurisdiction", "622900", "--on", "2019-03-20")
    assert 0 == status
    assert "enrolment.age  = 6 years" in out
    assert "[C] since 2006-09-01 (000000): 义务教育法 art 11" in out


def test_params_before_any_value_fails_with_a_clear_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out = _run("params", "--on", "1990-01-01")
    err = capsys.readouterr().err
    assert 2 == status
    assert "" == out
    assert "1990-01-01" in err
    assert 1 == len(err.strip().splitlines())


def test_params_with_a_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = _run("params", "--on", "2019-02-30")
    assert 2 == status
    assert "not a date" in capsys.readouterr().err


def test_params_with_an_unknown_jurisdiction_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _ = _run("params", "--jurisdiction", "999999", "--on", "2019-03-20")
    assert 2 == status
    assert "999999" in capsys.readouterr().err


def test_params_stacks_a_layer_file(tmp_path: Path) -> None:
    layer = tmp_path / "county.toml"
    layer.write_text(
        'jurisdiction = "622921"\n'
        '[parameters."case.plan_within_days"]\n'
        'values = [{ since = 2020-01-01, value = 10, mark = "C", source = "county notice" }]\n',
        encoding="utf-8",
    )
    status, out = _run(
        "params",
        "--jurisdiction",
        "622921",
        "--on",
        "2020-02-01",
        "--layer",
        str(layer),
        "--format",
        "json",
    )
    [entry] = [p for p in json.loads(out)["parameters"] if p["key"] == "case.plan_within_days"]
    assert 0 == status
    assert (10, "622921") == (entry["value"], entry["jurisdiction"])


def test_params_with_a_broken_layer_file_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layer = tmp_path / "broken.toml"
    layer.write_text("jurisdiction = ", encoding="utf-8")
    status, _ = _run("params", "--on", "2020-02-01", "--layer", str(layer))
    err = capsys.readouterr().err
    assert 2 == status
    assert "broken.toml" in err
    assert "Traceback" not in err


def test_rules_json_is_a_list_matching_the_registry() -> None:
    status, out = _run("rules", "--format", "json")
    assert 0 == status
    assert [str(r.id) for r in load_rules()] == [r["id"] for r in json.loads(out)]


def test_rules_text_ends_with_the_count() -> None:
    status, out = _run("rules")
    assert 0 == status
    assert out.strip().endswith(f"{len(load_rules())} rules")


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == main([])
    assert "Traceback" not in capsys.readouterr().err
