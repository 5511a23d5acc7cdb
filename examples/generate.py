"""Seeded synthetic registry exports: the bundled Linxia demo folder and benchmark folders.

Two modes:

``demo``
    One township of Linxia, 韩集镇 of 临夏县 (622921), as of 20 March 2019: a student
    registry export with the national registry's Chinese headers and values (UTF-8 with
    BOM), the township's population roster (Chinese headers, GB18030), deferrals,
    employment reports, monthly headcounts and reported totals (English headers,
    canonical values), transfers (Chinese headers, UTF-8) and suspensions (English). A
    known set of problems is planted, and a manifest lists every finding the audit
    should report: rule, file, physical line, note.

``scale``
    A clean folder (nothing planted) of N students for benchmarks, written streaming
    with English headers and UTF-8, with a population roster of about N children and
    monthly headcounts of every student; ``--transfers``, ``--suspensions`` and
    ``--corrections`` add a share of students with lawful transfers, suspensions and
    household-registration age corrections (with their evidence), ``--home-teaching`` a
    share of active students taught at home and visited enough.

All data are synthetic: names, numbers and dates are drawn from a seeded generator, so
one seed always gives the same bytes. The script uses the standard library and
``dropout_control`` only; the generator itself is the package ``examples/linxia``.

    python examples/generate.py demo --out examples/linxia-demo \\
        --manifest examples/linxia-demo-planted.json --seed 2019
    python examples/generate.py scale --out /tmp/scale --students 100000 --seed 1 \\
        [--months 12] [--transfers [SHARE]] [--suspensions [SHARE]] \\
        [--corrections [SHARE]] [--home-teaching [SHARE]] [--ledger [SHARE]]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Final

# The generator is the package examples/linxia: run as a script, this file puts the
# repository's root on the path so that it is found as it is found by mypy and tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from examples.linxia.scale import (
    DEFAULT_CORRECTION_SHARE,
    DEFAULT_HOME_TEACHING_SHARE,
    DEFAULT_LEDGER_SHARE,
    DEFAULT_SUSPENSION_SHARE,
    DEFAULT_TRANSFER_SHARE,
    scale,
)
from examples.linxia.writing import demo

# --------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------


# The optional parts of a scale folder: option, share when given alone, files, meaning.
SHARES: Final = (
    ("--transfers", DEFAULT_TRANSFER_SHARE, "transfers.csv", "has a lawful transfer"),
    ("--suspensions", DEFAULT_SUSPENSION_SHARE, "suspensions.csv", "has a lawful suspension"),
    (
        "--corrections",
        DEFAULT_CORRECTION_SHARE,
        "age_corrections.csv and evidence.csv",
        "had its birth date corrected",
    ),
    (
        "--home-teaching",
        DEFAULT_HOME_TEACHING_SHARE,
        "home_teaching.csv",
        "is taught at home (active students only)",
    ),
    (
        "--ledger",
        DEFAULT_LEDGER_SHARE,
        "cases.csv, attempts.csv and absences.csv",
        "has a case of the dropout ledger (active students only)",
    ),
)


def share(text: str) -> float:
    """A share of students, from 0 to 1."""
    value = float(text)
    if not 0 <= value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a share from 0 to below 1")
    return value


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else "")
    modes = parser.add_subparsers(dest="mode", required=True)
    demo_mode = modes.add_parser("demo", help="the Linxia demo folder with planted problems")
    demo_mode.add_argument("--out", type=Path, required=True, help="folder to write")
    demo_mode.add_argument("--manifest", type=Path, required=True, help="manifest JSON to write")
    demo_mode.add_argument("--seed", type=int, default=2019)
    scale_mode = modes.add_parser("scale", help="a clean benchmark folder of N students")
    scale_mode.add_argument("--out", type=Path, required=True, help="folder to write")
    scale_mode.add_argument("--students", type=int, required=True)
    scale_mode.add_argument("--seed", type=int, default=1)
    scale_mode.add_argument("--months", type=int, default=12, help="monthly headcounts to write")
    for option, default, files, what in SHARES:
        scale_mode.add_argument(
            option,
            type=share,
            nargs="?",
            const=default,
            default=0.0,
            metavar="SHARE",
            help=f"write {files}: this share of students {what} "
            f"(default {default} when given without a share)",
        )
    arguments = parser.parse_args(argv)
    if arguments.mode == "scale" and (arguments.students < 1 or arguments.months < 1):
        parser.error("--students and --months must be at least 1")
    if arguments.mode == "scale" and arguments.transfers + arguments.suspensions >= 1:
        parser.error("--transfers and --suspensions must add up to less than 1")
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    if arguments.mode == "demo":
        entries = demo(arguments.out, arguments.manifest, arguments.seed)
        by_rule = Counter(entry.rule for entry in entries)
        summary = ", ".join(f"{rule} {count}" for rule, count in sorted(by_rule.items()))
        later = Counter(entry.as_of for entry in entries if entry.as_of is not None)
        found_later = "".join(
            f"; {count} of them found on {day.isoformat()}, when their rule is in force"
            for day, count in sorted(later.items())
        )
        print(
            f"wrote {arguments.out} and {arguments.manifest}: "
            f"{len(entries)} planted findings{found_later}"
        )
        print(summary)
        return 0
    counts = scale(
        arguments.out,
        students=arguments.students,
        seed=arguments.seed,
        months=arguments.months,
        transfers=arguments.transfers,
        suspensions=arguments.suspensions,
        corrections=arguments.corrections,
        home_teaching=arguments.home_teaching,
        ledger=arguments.ledger,
    )
    movers = ""
    if counts.transfers or counts.suspensions:
        movers = f"{counts.transfers} transfers, {counts.suspensions} suspensions, "
    if counts.corrections:
        movers += f"{counts.corrections} age corrections, "
    if counts.home_taught:
        movers += f"{counts.home_taught} taught at home, "
    if counts.cases:
        movers += f"{counts.cases} ledger cases, "
    print(
        f"wrote {arguments.out}: {counts.students} students, {counts.population} roster "
        f"children, {counts.headcounts} headcount rows, {counts.totals} totals, "
        f"{movers}{counts.schools} schools in {counts.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
