"""``dropout-control whereabouts``: one child, one word, the evidence."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dropout_control.cli import main

STUDENTS = (
    "student_number,resident_id,name,sex,birth_date,school_id,grade,entry_date,status\n"
    "G62292120100501003X,62292120100501003X,马小明,男,2010-05-01,2162000001,3,201609,在读\n"
    "G622921201005020035,622921201005020035,马小花,女,2010-05-02,2162000001,3,201609,辍学\n"
)
HEADCOUNTS = "month,school_id,student_number,present\n2019-03,2162000001,G62292120100501003X,true\n"


def _folder(tmp_path: Path) -> str:
    (tmp_path / "students.csv").write_text(STUDENTS, encoding="utf-8")
    (tmp_path / "headcounts.csv").write_text(HEADCOUNTS, encoding="utf-8")
    return str(tmp_path)


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def test_a_child_in_school_exits_zero_with_masked_evidence(tmp_path: Path) -> None:
    status, out = _run(
        "whereabouts", _folder(tmp_path), "G62292120100501003X", "--as-of", "2019-03-20"
    )
    assert 0 == status
    assert out.startswith("G622921**********3X: in_school (在校) on 2019-03-20")
    assert "students.csv:2" in out
    assert "headcounts.csv:2" in out
    assert "20100501003" not in out


def test_a_dropout_exits_one(tmp_path: Path) -> None:
    status, out = _run(
        "whereabouts", _folder(tmp_path), "622921201005020035", "--as-of", "2019-03-20"
    )
    assert 1 == status
    assert "out_of_school" in out


def test_json_lists_status_and_evidence(tmp_path: Path) -> None:
    _, out = _run(
        "whereabouts",
        _folder(tmp_path),
        "G62292120100501003X",
        "--as-of",
        "2019-03-20",
        "--format",
        "json",
        "--reveal",
    )
    data = json.loads(out)
    assert ("in_school", "G62292120100501003X") == (data["status"], data["person"])
    assert {"file": "students.csv", "line": 2} == data["evidence"][0]["source"]


def test_an_unknown_child_says_so_and_exits_one(tmp_path: Path) -> None:
    status, out = _run(
        "whereabouts", _folder(tmp_path), "G000000000000000000", "--as-of", "2019-03-20"
    )
    assert 1 == status
    assert "nothing in" in out


def test_a_missing_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = _run("whereabouts", str(tmp_path / "absent"), "X", "--as-of", "2019-03-20")
    assert 2 == status
    assert "Traceback" not in capsys.readouterr().err
