"""``dropout-control eligibility``: the answer with its reasons, masked, with its exit
status. The demo township's June 2018 class: the graduate on certificates.csv line 2, and
the student who dropped out on 16 April 2018 and was given a completion certificate on
31 August 2018 (the line the demo's manifest names)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dropout_control.cli import main

ROOT = Path(__file__).parents[3]
DEMO = str(ROOT / "examples" / "linxia-demo")


def _certificate_holder(line: int) -> str:
    """The student number on a line of the demo's certificates.csv."""
    with (ROOT / "examples" / "linxia-demo" / "certificates.csv").open(encoding="utf-8") as f:
        return list(csv.reader(f))[line - 1][1]


def _dropout_line() -> int:
    planted = json.loads((ROOT / "examples" / "linxia-demo-planted.json").read_text("utf-8"))
    return next(int(e["line"]) for e in planted if "dropout of April 2018" in e["note"])


GRADUATE = _certificate_holder(2)
DROPOUT = _certificate_holder(_dropout_line())


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(["eligibility", DEMO, *args, "--jurisdiction", "622900"], stdout=out)
    return status, out.getvalue()


def test_a_graduate_is_eligible_for_a_graduation_certificate_in_june_2018() -> None:
    status, text = _run(GRADUATE, "--kind", "graduation", "--on", "2018-06-25")

    assert 0 == status
    assert text.startswith(f"{GRADUATE[:7]}**********{GRADUATE[-2:]}: graduation certificate")
    assert text.rstrip().endswith("eligible (符合条件)")


def test_a_dropout_is_not_eligible_for_a_completion_certificate_and_exits_1() -> None:
    status, text = _run(DROPOUT, "--on", "2018-08-31")

    assert 1 == status
    assert "  - CERT-002: at the end of 2017-2018 the record was dropped_out" in text
    assert DROPOUT not in text


def test_reveal_shows_the_number_and_json_gives_every_reason() -> None:
    status, text = _run(DROPOUT, "--on", "2018-06-01", "--format", "json", "--reveal")

    answer = json.loads(text)
    assert 1 == status
    assert DROPOUT == answer["student"]
    assert ["CERT-002", "CERT-003"] == [reason["rule"] for reason in answer["reasons"]]
    assert "certificate.issue_from" == answer["reasons"][1]["parameters"][0]["key"]


def test_a_missing_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["eligibility", str(tmp_path / "none"), GRADUATE, "--on", "2018-06-25"])

    assert 2 == status
    assert capsys.readouterr().err.strip()
