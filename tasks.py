#!/usr/bin/env python3
"""Project tasks that set themselves up: ``python3 tasks.py demo`` and ``python3 tasks.py test``.

Both create a virtual environment in ``.venv`` (once, and again when ``pyproject.toml``
changes) and install the package with its test and docs extras, so a fresh machine with
only Python and access to the package index needs nothing else.

- ``demo``: the main job on the bundled example data.
- ``test``: ruff (lint and format), ``mypy --strict``, the Sphinx docs with ``-W`` and
  their doctests, then the whole pytest suite with branch coverage.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed"
EXTRAS = "test,docs"


def _fingerprint() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(EXTRAS.encode())
    return digest.hexdigest()


def _run(*args: str | Path) -> None:
    printable = " ".join(str(a) for a in args)
    print(f"+ {printable}", flush=True)
    completed = subprocess.run([str(a) for a in args], cwd=ROOT, check=False)
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def setup() -> None:
    """Create ``.venv`` and install the package in editable mode with its extras."""
    if not PYTHON.exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if STAMP.exists() and STAMP.read_text() == _fingerprint():
        return
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--editable", f".[{EXTRAS}]")
    STAMP.write_text(_fingerprint())


def demo() -> None:
    """The main job: audit the bundled Linxia demo folder as of 20 March 2019.

    The audit exits 1 because the demo holds planted errors; that is the expected
    outcome here, so the task itself succeeds when the report was written.
    """
    setup()
    tool = BIN / "dropout-control"
    command = [str(tool), "audit", "examples/linxia-demo", "--as-of", "2019-03-20"]
    command += ["--jurisdiction", "622900"]
    print(f"+ {' '.join(command)}", flush=True)
    completed = subprocess.run(command, cwd=ROOT, check=False)
    if completed.returncode not in (0, 1):
        sys.exit(completed.returncode)


def test() -> None:
    """Every check the project holds itself to, in one command."""
    setup()
    _run(PYTHON, "-m", "ruff", "check", ".")
    _run(PYTHON, "-m", "ruff", "format", "--check", ".")
    _run(PYTHON, "-m", "mypy")
    _run(
        PYTHON, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", "docs", "docs/_build/html"
    )
    _run(
        PYTHON,
        "-m",
        "sphinx",
        "-W",
        "--keep-going",
        "-q",
        "-b",
        "doctest",
        "docs",
        "docs/_build/doctest",
    )
    _run(
        PYTHON,
        "-m",
        "pytest",
        "--cov",
        "--cov-branch",
        "--cov-report=term",
        "-p",
        "no:cacheprovider",
    )


TASKS = {"setup": setup, "demo": demo, "test": test}


def main() -> None:
    """Run the task named on the command line."""
    if len(sys.argv) != 2 or sys.argv[1] not in TASKS:  # noqa: PLR2004 - program and task
        print(f"usage: python3 tasks.py {{{'|'.join(TASKS)}}}", file=sys.stderr)
        sys.exit(2)
    TASKS[sys.argv[1]]()


if __name__ == "__main__":
    main()
