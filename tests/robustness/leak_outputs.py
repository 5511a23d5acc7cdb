"""What the leak and fuzz tests share: every output of an audit, and the personal values
that must not be in it."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from dropout_control.cli import main

AS_OF = "2019-03-20"
REPORT_FORMATS = ("text", "json", "jsonl", "csv")


def audit_outputs(folder: Path, *extra: str) -> dict[str, tuple[int, str]]:
    """The exit status and the report of ``audit`` in every format."""
    outputs: dict[str, tuple[int, str]] = {}
    for fmt in REPORT_FORMATS:
        out = io.StringIO()
        status = main(["audit", str(folder), "--as-of", AS_OF, "--format", fmt, *extra], stdout=out)
        outputs[fmt] = (status, out.getvalue())
    return outputs


def clear_forms(resident_id: str) -> tuple[str, ...]:
    """The ways a resident ID number and the birth date in it can be written in clear."""
    birth = resident_id[6:14]
    iso = f"{birth[:4]}-{birth[4:6]}-{birth[6:]}"
    return (resident_id, birth, iso)


def leaked(outputs: Mapping[str, tuple[int, str]], secrets: Iterable[str]) -> list[str]:
    """``format: secret`` for each secret found in clear in an output (none, if all is
    well). Separators are ignored: ``6229 2120 …`` is the number too."""
    found = []
    for fmt, (_, text) in outputs.items():
        compact = re.sub(r"[\s\-]", "", text)
        for secret in secrets:
            if secret in text or (len(secret) > 10 and secret in compact):
                found.append(f"{fmt}: {secret}")
    return found
