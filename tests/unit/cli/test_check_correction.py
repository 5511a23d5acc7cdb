"""``dropout-control check-correction OLD_ID NEW_BIRTH_DATE``: the new number, the lunar
hint and the effects, as of 20 March 2019 (cutoff 31 August 2018; employment age 16)."""

from __future__ import annotations

import io
import json

import pytest

from dropout_control.cli import main

FOURTEEN = "622921200409010058"  # born 1 September 2004: 14 at the cutoff, grade 9
LUNAR = "622921201207160036"  # born "16 July 2012": the digits of lunar 2012-07-16


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), stdout=out)
    return status, out.getvalue()


def test_making_a_fourteen_year_old_sixteen_shows_both_effects() -> None:
    status, text = run(
        "check-correction", FOURTEEN, "2002-08-31", "--as-of", "2019-03-20", "--format", "json"
    )

    shown = json.loads(text)
    assert 0 == status
    assert "622921**********54" == shown["new_id"]
    assert (14, 16) == (shown["age_before"], shown["age_after"])
    assert shown["leaves_school_age"]
    assert shown["crosses_employment_age"]
    assert shown["lunar_hint"] is False


def test_the_new_number_is_shown_in_clear_with_reveal() -> None:
    _, text = run(
        "check-correction",
        FOURTEEN,
        "2002-08-31",
        "--as-of",
        "2019-03-20",
        "--reveal",
        "--format",
        "json",
    )

    assert "622921200208310054" == json.loads(text)["new_id"]


def test_a_lunar_birthday_gives_the_hint_in_text() -> None:
    status, text = run("check-correction", LUNAR, "2012-09-01", "--as-of", "2019-03-20")

    assert 0 == status
    assert "lunar_hint" in text
    assert "True" in text.split("lunar_hint", 1)[1].splitlines()[0]
    assert "201207160036" not in text


def test_an_invalid_old_number_exits_1() -> None:
    status, text = run(
        "check-correction", "622921200409010059", "2002-08-31", "--as-of", "2019-03-20"
    )

    assert 1 == status
    assert "ID.CHECK_CHARACTER" in text


def test_a_malformed_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("check-correction", FOURTEEN, "2002-13-01")

    assert 2 == status
    assert "not a date" in capsys.readouterr().err
