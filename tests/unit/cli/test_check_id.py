"""``dropout-control check-id``: one number explained, masked unless revealed."""

from __future__ import annotations

import io
import json

import pytest

from dropout_control.cli import main

VALID = "11010519491231002X"


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), stdout=out)
    return status, out.getvalue()


def test_a_valid_number_exits_zero_and_shows_its_parts_masked() -> None:
    status, out = _run("check-id", VALID)
    assert 0 == status
    assert "110105**********2X: valid resident ID number" in out
    assert "19491231" not in out
    assert "1949-12-31" not in out
    assert "北京市" in out or "朝阳区" in out
    assert "female" in out


def test_reveal_shows_the_clear_number_and_birth_date() -> None:
    status, out = _run("check-id", VALID, "--reveal")
    assert 0 == status
    assert VALID in out
    assert "1949-12-31" in out


def test_json_output_carries_the_parts() -> None:
    status, out = _run("check-id", VALID, "--format", "json")
    data = json.loads(out)
    assert 0 == status
    assert data["valid"] is True
    assert "110105" == data["parts"]["region_code"]
    assert "****-**-**" == data["parts"]["birth_date"]


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("110105194912310021", "check character"),
        ("110105194902300026", "birth date"),
        ("11010519491231002", "17 characters"),
    ],
)
def test_an_invalid_number_gets_one_line_with_a_reason_and_exit_one(
    number: str, reason: str
) -> None:
    status, out = _run("check-id", number)
    assert 1 == status
    assert 1 == len(out.strip().splitlines())
    assert reason in out
    assert number[6:14] not in out


def test_a_student_number_is_explained_with_its_kind() -> None:
    status, out = _run("check-id", "G" + VALID)
    assert 0 == status
    assert "G number" in out
    assert VALID not in out


def test_a_malformed_student_number_exits_one() -> None:
    status, out = _run("check-id", "G1234")
    assert 1 == status
    assert "invalid student number" in out


def test_a_missing_number_is_a_usage_error_with_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _ = _run("check-id")
    assert 2 == status
    err = capsys.readouterr().err
    assert 1 == len(err.strip().splitlines())
    assert "Traceback" not in err


def test_an_empty_number_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = _run("check-id", " ")
    assert 2 == status
    assert "NUMBER is empty" in capsys.readouterr().err


def test_an_invalid_number_names_its_reason_code() -> None:
    status, out = _run("check-id", "110105194912310021")
    assert (1, True) == (status, out.rstrip().endswith("expected 'X' [ID.CHECK_CHARACTER]"))


def test_an_invalid_number_in_json_gives_the_code_and_both_texts() -> None:
    status, out = _run("check-id", "110105194912310021", "--format", "json")
    payload = json.loads(out)
    assert (1, "ID.CHECK_CHARACTER", "校验码错误，应为 'X'") == (
        status,
        payload["code"],
        payload["message"]["zh"],
    )
