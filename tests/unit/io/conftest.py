"""Input files written in a temporary folder, as the registry's exports write them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tests.unit.io.samples import csv_text

WriteCsv = Callable[..., Path]


@pytest.fixture
def write_csv(tmp_path: Path) -> WriteCsv:
    """Write ``name`` in the temporary folder from a header and rows, in an encoding."""

    def write(
        name: str,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        encoding: str = "utf-8",
    ) -> Path:
        path = tmp_path / name
        path.write_bytes(csv_text(header, rows).encode(encoding))
        return path

    return write
