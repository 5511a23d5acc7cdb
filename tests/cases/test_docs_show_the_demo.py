"""Output the docs show for a command on the bundled demo is the output it gives today.

A ``text`` block that follows a ``console`` block running ``dropout-control`` on
``examples/linxia-demo`` is an excerpt of that command's output: each of its lines is a
line of the output, in the same order. Regenerating the demo or changing a message
makes this fail until the page is updated.
"""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest

from dropout_control.cli import main

ROOT = Path(__file__).parents[2]
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```\{?(\w+)\}?\s*$")


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    blocks: list[tuple[str, list[str]]] = []
    language: str | None = None
    lines: list[str] = []
    for line in text.splitlines():
        if language is None:
            match = FENCE.match(line)
            if match:
                language, lines = match.group(1), []
        elif line.startswith("```"):
            blocks.append((language, lines))
            language = None
        else:
            lines.append(line)
    return blocks


def _shown() -> list[tuple[str, str, list[str]]]:
    """(page, command, excerpt) for every excerpt of demo output in the docs."""
    shown = []
    for page in sorted(DOCS.rglob("*.md")):
        if "_build" in page.parts:
            continue
        command: str | None = None
        for language, lines in _blocks(page.read_text(encoding="utf-8")):
            if language == "console":
                commands = [line.removeprefix("$ ") for line in lines]
                command = next(
                    (
                        c
                        for c in commands
                        if c.startswith("dropout-control ") and "linxia-demo" in c
                    ),
                    None,
                )
            elif language == "text" and command is not None:
                shown.append((str(page.relative_to(ROOT)), command, lines))
                command = None
    return shown


SHOWN = _shown()


def test_the_docs_show_output_of_the_demo() -> None:
    assert len(SHOWN) >= 2


@pytest.mark.parametrize(("page", "command", "excerpt"), SHOWN, ids=[s[0] for s in SHOWN])
def test_shown_output_is_what_the_command_prints(
    page: str, command: str, excerpt: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    main(shlex.split(command)[1:], stdout=out)
    printed = iter(out.getvalue().splitlines())
    missing = [line for line in excerpt if not any(line == seen for seen in printed)]
    assert [] == missing, f"{page}: {command}"
