"""The audit benchmark script still runs: a tiny folder, one pass, figures as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "audit_benchmark.py"

pytest.importorskip("orjson", reason="the benchmark needs the bench extra")
pytest.importorskip("pydantic", reason="the benchmark needs the bench extra")


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder of generated data for the tests of this module."""
    return tmp_path_factory.mktemp("benchmark")


def run_benchmark(cache: Path, *arguments: str) -> str:
    tiny = ["--students", "300", "--months", "1", "--repeat", "1", "--keep", str(cache)]
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *tiny, *arguments],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout


def test_the_benchmark_times_every_phase_of_a_tiny_clean_folder(cache: Path) -> None:
    figures = json.loads(run_benchmark(cache, "--json"))

    rows_by_kind = figures["rows_by_kind"]
    assert isinstance(rows_by_kind, dict)
    assert {"students": 300, "headcounts": 300} == {
        kind: rows_by_kind[kind] for kind in ("students", "headcounts")
    }
    assert sum(rows_by_kind.values()) == figures["rows"] == figures["records"]
    assert isinstance(figures["findings"], int)
    seconds = figures["seconds"]
    assert isinstance(seconds, dict)
    assert {"audit", "read", "rules", "parse", "pydantic"} == set(seconds)
    assert all(value > 0 for value in seconds.values())
    peaks = figures["peak_rss_mb"]
    assert isinstance(peaks, dict)
    assert {"start", "parse", "pydantic", "read", "audit"} == set(peaks)
    assert all(peaks["start"] <= peak for peak in peaks.values())
    # The folder is cached: the CSV files and their JSON Lines form, with the counts.
    [entry] = cache.iterdir()
    assert {"counts.json", "csv", "jsonl"} == {path.name for path in entry.iterdir()}


def test_the_benchmark_prints_a_table_for_csv_without_the_memory_runs(cache: Path) -> None:
    table = run_benchmark(cache, "--format", "csv", "--no-memory")

    assert "parse (csv)" in table
    assert "audit / pydantic = " in table
    assert "peak RSS" in table


def test_the_benchmark_can_add_transfers_and_suspensions(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    cache = tmp_path_factory.mktemp("movements")
    figures = json.loads(
        run_benchmark(
            cache, "--transfers", "0.05", "--suspensions", "0.05", "--no-memory", "--json"
        )
    )

    rows_by_kind = figures["rows_by_kind"]
    assert rows_by_kind["transfers"] > 0
    assert rows_by_kind["suspensions"] > 0
    assert sum(rows_by_kind.values()) == figures["rows"] == figures["records"]
    assert (0.05, 0.05) == (figures["transfers"], figures["suspensions"])
    # Lawful movements in a clean folder: the audit finds nothing wrong with them.
    assert 0 == figures["findings"]


def test_the_benchmark_can_add_home_teaching(tmp_path_factory: pytest.TempPathFactory) -> None:
    cache = tmp_path_factory.mktemp("home_teaching")
    figures = json.loads(run_benchmark(cache, "--home-teaching", "0.02", "--no-memory", "--json"))

    rows_by_kind = figures["rows_by_kind"]
    assert rows_by_kind["home_teaching"] > 0
    assert sum(rows_by_kind.values()) == figures["rows"] == figures["records"]
    assert 0.02 == figures["home_teaching"]
    # Home teaching on track in a clean folder: the HT rules find nothing.
    assert 0 == figures["findings"]


def test_the_benchmark_can_time_the_audit_without_the_baselines(cache: Path) -> None:
    table = run_benchmark(cache, "--without-baselines", "--no-memory")

    assert "audit / pydantic: not measured" in table
    assert "pydantic validate" not in table
