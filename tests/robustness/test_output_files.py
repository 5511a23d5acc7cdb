"""Nothing of the user's destroyed: where and how ``audit --output`` writes its report."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from dropout_control.cli import main
from dropout_control.io import reports

DEMO = Path(__file__).parents[2] / "examples" / "linxia-demo"
AS_OF = "2019-03-20"


def _demo_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    shutil.copytree(DEMO, folder)
    return folder


def _run(*argv: str) -> int:
    return main(list(argv), stdout=io.StringIO())


def test_an_output_onto_an_input_file_is_refused_and_the_file_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _demo_copy(tmp_path)
    students = folder / "students.csv"
    before = students.read_bytes()
    status = _run("audit", str(folder), "--as-of", AS_OF, "--output", str(students))
    err = capsys.readouterr().err
    assert 2 == status
    assert 1 == len(err.strip().splitlines())
    assert "inside the input folder" in err
    assert "Traceback" not in err
    assert before == students.read_bytes()


def test_an_output_named_like_a_kind_in_the_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A report written as transfers.jsonl would be read as input by the next audit.
    folder = _demo_copy(tmp_path)
    status = _run(
        "audit", str(folder), "--as-of", AS_OF, "--format", "jsonl",
        "--output", str(folder / "transfers.jsonl"),
    )  # fmt: skip
    assert 2 == status
    assert not (folder / "transfers.jsonl").exists()
    assert "inside the input folder" in capsys.readouterr().err


def test_an_output_in_a_subfolder_or_through_a_link_to_the_folder_is_refused(
    tmp_path: Path,
) -> None:
    folder = _demo_copy(tmp_path)
    (folder / "reports").mkdir()
    link = tmp_path / "link"
    link.symlink_to(folder, target_is_directory=True)
    inside = folder / "reports" / "report.txt"
    assert 2 == _run("audit", str(folder), "--as-of", AS_OF, "--output", str(inside))
    assert 2 == _run("audit", str(folder), "--as-of", AS_OF, "--output", str(link / "r.txt"))
    assert not inside.exists()
    assert not (folder / "r.txt").exists()


def test_an_output_beside_the_folder_is_written(tmp_path: Path) -> None:
    folder = _demo_copy(tmp_path)
    target = tmp_path / "report.json"
    status = _run(
        "audit", str(folder), "--as-of", AS_OF, "--format", "json", "--output", str(target)
    )
    assert status in (0, 1)
    assert target.read_text(encoding="utf-8").startswith("{")
    # No temporary file is left beside it.
    assert ["exports", "report.json"] == sorted(p.name for p in tmp_path.iterdir())


def test_a_failed_write_keeps_the_report_that_was_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _demo_copy(tmp_path)
    target = tmp_path / "report.txt"
    target.write_text("the good report of yesterday\n", encoding="utf-8")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(reports, "write_report", disk_full)
    status = _run("audit", str(folder), "--as-of", AS_OF, "--output", str(target))
    err = capsys.readouterr().err
    assert 2 == status
    assert "No space left on device" in err
    assert "the good report of yesterday\n" == target.read_text(encoding="utf-8")
    assert ["exports", "report.txt"] == sorted(p.name for p in tmp_path.iterdir())


def test_a_report_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    folder = _demo_copy(tmp_path)
    target = tmp_path / "report.csv"
    _run("audit", str(folder), "--as-of", AS_OF, "--format", "csv", "--output", str(target))
    assert 0o600 == target.stat().st_mode & 0o777
    assert os.access(target, os.R_OK)
