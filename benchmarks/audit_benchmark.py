"""How long the audit of a folder takes, against parsing and validating the same rows.

    python benchmarks/audit_benchmark.py --students 100000 [--months 1] [--format jsonl|csv]
        [--repeat 3] [--seed 1] [--keep DIR] [--no-memory] [--json]

1. A clean folder of N students (``examples/generate.py scale``: students, their
   population roster, monthly headcounts and headcount totals) is generated once, untimed,
   and cached under ``benchmarks/out/`` (or ``--keep DIR``), keyed by N, months and seed;
   its CSV files are converted once to JSON Lines with natural JSON values (booleans and
   whole numbers as such, empty cells left out).
2. In this process, on the same files, best of ``--repeat`` passes each:

   - ``audit``: :func:`dropout_control.audit` of the folder, and its two halves:
     ``read``, :func:`dropout_control.io.folder.read_folder` alone (reading and
     converting rows into records), and ``rules``, the bundle built from that read and
     :func:`dropout_control.audit_bundle` on it;
   - ``parse``: each line read and given to ``orjson.loads`` (``csv.reader`` for CSV);
   - ``pydantic``: each line validated into a plain pydantic v2 model of its kind with
     ``Model.model_validate_json(line)`` (``model_validate`` of the non-empty cells for
     CSV): the code an application would otherwise write.

   Every pass keeps what it makes until its end and lets it go inside the timed region,
   as the audit does with its records.
3. The peak resident memory of each phase, measured in a fresh child process that runs
   only that phase once (``ru_maxrss`` at its end); ``start`` is the child with its
   imports done and nothing run.

The target is an audit at most twice as slow as the pydantic baseline.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import json
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Final, Literal, NamedTuple

import orjson
import pydantic
from pydantic import BaseModel

import dropout_control
from dropout_control.api import bundle_from_read
from dropout_control.auditing import audit_bundle
from dropout_control.io.folder import FolderRead, read_folder

ROOT: Final = Path(__file__).resolve().parent.parent
GENERATOR: Final = ROOT / "examples" / "generate.py"
DEFAULT_CACHE: Final = ROOT / "benchmarks" / "out"
AS_OF: Final = dt.date(2019, 3, 20)
JURISDICTION: Final = "622900"
FORMATS: Final = ("jsonl", "csv")
BUSY_CPU_SHARE: Final = 0.95  # a phase with less CPU time than this share of its wall time waited
COMPLETE: Final = "counts.json"  # written last: a cache entry without it is redone

TIMED: Final = ("audit", "read", "rules", "parse", "pydantic")
BASELINES: Final = frozenset({"parse", "pydantic"})
MEASURED: Final = ("start", "parse", "pydantic", "read", "audit")
LABELS: Final = {
    "audit": "audit (full)",
    "read": "  read + convert",
    "rules": "  bundle + rules",
    "parse": "parse ({parser})",
    "pydantic": "pydantic validate",
    "start": "start (imports)",
}

# --------------------------------------------------------------------------------------
# The baseline models: what an application would write for these rows
# --------------------------------------------------------------------------------------

Status = Literal[
    "active",
    "suspended",
    "transferred_out",
    "dropped_out",
    "graduated",
    "completed",
    "deceased",
    "cancelled",
    "withdrawn",
]
SexCode = Literal["male", "female"]


class StudentRow(BaseModel):
    student_number: str
    name: str
    sex: SexCode
    birth_date: dt.date
    school_id: str
    grade: int
    entry_date: dt.date
    status: Status
    resident_id: str | None = None
    id_type: Literal["resident_id", "hk_macao_taiwan", "passport", "other"] = "resident_id"
    ethnicity: str | None = None
    household_region: str | None = None
    class_name: str | None = None
    record_created_on: dt.date | None = None
    status_since: dt.date | None = None
    cancel_reason: Literal["death", "emigration", "left_country", "other"] | None = None
    study_mode: Literal["day", "boarding", "home_teaching"] | None = None
    migrant: bool | None = None
    left_behind: Literal["0", "1", "2"] | None = None
    disability: str | None = None
    regular_class_placement: bool | None = None
    poverty_registered: bool | None = None
    expert_assessed_on: dt.date | None = None


class PopulationRow(BaseModel):
    resident_id: str
    name: str
    birth_date: dt.date
    household_region: str
    sex: SexCode | None = None
    disability: str | None = None
    deceased_on: dt.date | None = None
    emigrated_on: dt.date | None = None


class HeadcountRow(BaseModel):
    month: str
    school_id: str
    present: bool
    student_number: str | None = None
    resident_id: str | None = None
    name: str | None = None
    excuse: Literal["leave", "suspension", "home_teaching"] | None = None


class HeadcountTotalRow(BaseModel):
    month: str
    school_id: str
    total: int


class TransferRow(BaseModel):
    transfer_id: str
    student_number: str
    from_school: str
    applied_on: dt.date
    grade_before: int
    status: Literal["pending", "completed", "rejected"]
    to_school: str | None = None
    grade_after: int | None = None
    receiving_school_on: dt.date | None = None
    receiving_bureau_on: dt.date | None = None
    sending_school_on: dt.date | None = None
    sending_bureau_on: dt.date | None = None
    completed_on: dt.date | None = None


class SuspensionRow(BaseModel):
    suspension_id: str
    student_number: str
    start: dt.date
    end: dt.date
    grounds: str
    approved_by: str
    approved_on: dt.date
    extensions: int = 0
    returned_on: dt.date | None = None


class AgeCorrectionRow(BaseModel):
    correction_id: str
    old_resident_id: str
    new_resident_id: str
    old_birth_date: dt.date
    new_birth_date: dt.date
    approved_by: str | None = None
    approved_on: dt.date | None = None


class EvidenceRow(BaseModel):
    correction_id: str
    kind: Literal[
        "birth_certificate",
        "migration_certificate",
        "original_registration",
        "school_record",
        "vaccination_record",
        "other",
    ]
    birth_date_shown: str  # a Gregorian date, or a lunar one (2010-L05-03)
    calendar: Literal["gregorian", "lunar"] = "gregorian"


class HomeTeachingRow(BaseModel):
    student_number: str
    on: dt.date
    periods: int
    teacher: str | None = None
    school_id: str | None = None


class CertificateRow(BaseModel):
    certificate_no: str
    student_number: str
    kind: Literal["graduation", "completion", "leaving"]
    issued_on: dt.date
    school_id: str
    stage: Literal["primary", "junior_secondary"] | None = None


class CaseRow(BaseModel):
    case_id: str
    opened_on: dt.date
    student_number: str | None = None
    resident_id: str | None = None
    source: (
        Literal["survey", "absence", "transfer", "suspension", "revisit", "population"] | None
    ) = None
    cause: str | None = None
    plan_made_on: dt.date | None = None
    responsible: str | None = None
    written_report_on: dt.date | None = None
    closed_on: dt.date | None = None
    outcome: Literal["returned", "deceased", "emigrated", "unable_to_learn", "completed"] | None = (
        None
    )
    outcome_evidence: str | None = None
    returned_on: dt.date | None = None
    placement: str | None = None
    vocational_considered: bool | None = None


class AttemptRow(BaseModel):
    case_id: str
    on: dt.date
    by: str
    outcome: Literal["failed", "returned", "refused"]


class AbsenceRow(BaseModel):
    student_number: str
    start: dt.date
    end: dt.date
    school_days: int
    excused: bool


MODELS: Final[Mapping[str, type[BaseModel]]] = {
    "students": StudentRow,
    "population": PopulationRow,
    "headcounts": HeadcountRow,
    "headcount_totals": HeadcountTotalRow,
    "transfers": TransferRow,
    "suspensions": SuspensionRow,
    "age_corrections": AgeCorrectionRow,
    "evidence": EvidenceRow,
    "home_teaching": HomeTeachingRow,
    "certificates": CertificateRow,
    "cases": CaseRow,
    "attempts": AttemptRow,
    "absences": AbsenceRow,
}

# --------------------------------------------------------------------------------------
# The folder: generated once, converted to JSON Lines once
# --------------------------------------------------------------------------------------

# Cells written as JSON booleans and numbers; every other non-empty cell stays text.
_BOOLEAN_FIELDS: Final = frozenset(
    {
        "migrant",
        "regular_class_placement",
        "poverty_registered",
        "present",
        "excused",
        "vocational_considered",
    }
)
_INTEGER_FIELDS: Final = frozenset(
    {"grade", "total", "grade_before", "grade_after", "extensions", "periods", "school_days"}
)
_BOOLEANS: Final = {"true": True, "false": False}


@dataclass(frozen=True)
class Folder:
    """A cached benchmark folder: its CSV and JSON Lines forms and the rows of each file."""

    root: Path
    rows_by_kind: dict[str, int]

    def path(self, form: str) -> Path:
        return self.root / form

    @property
    def rows(self) -> int:
        return sum(self.rows_by_kind.values())


def _json_value(name: str, cell: str) -> object:
    if name in _BOOLEAN_FIELDS:
        return _BOOLEANS[cell]
    if name in _INTEGER_FIELDS:
        return int(cell)
    return cell


def csv_to_jsonl(source: Path, target: Path) -> int:
    """Write a CSV file as JSON Lines (natural values, empty cells left out); the rows."""
    count = 0
    with (
        source.open(encoding="utf-8", newline="") as stream,
        target.open("wb") as out,
    ):
        reader = csv.reader(stream)
        header = next(reader)
        for cells in reader:
            row = {
                name: _json_value(name, cell)
                for name, cell in zip(header, cells, strict=True)
                if cell
            }
            out.write(orjson.dumps(row) + b"\n")
            count += 1
    return count


def prepare(
    cache: Path,
    *,
    students: int,
    months: int,
    seed: int,
    transfers: float = 0.0,
    suspensions: float = 0.0,
    corrections: float = 0.0,
    home_teaching: float = 0.0,
    ledger: float = 0.0,
) -> Folder:
    """The cached folder for (students, months, seed and the shares of students with a
    transfer, a suspension, an age correction, home teaching and a case of the ledger),
    generated and converted if missing."""
    movements = f"-t{transfers:g}-u{suspensions:g}" if transfers or suspensions else ""
    movements += f"-c{corrections:g}" if corrections else ""
    movements += f"-h{home_teaching:g}" if home_teaching else ""
    movements += f"-l{ledger:g}" if ledger else ""
    root = cache / f"scale-n{students}-m{months}-s{seed}{movements}"
    marker = root / COMPLETE
    if marker.is_file():
        rows = json.loads(marker.read_text(encoding="utf-8"))
        return Folder(root, {str(kind): int(n) for kind, n in rows.items()})
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    _note(f"generating {students:,} students, {months} month(s), seed {seed} in {root}")
    subprocess.run(
        [
            sys.executable,
            str(GENERATOR),
            "scale",
            "--out",
            str(root / "csv"),
            "--students",
            str(students),
            "--months",
            str(months),
            "--seed",
            str(seed),
            *(["--transfers", str(transfers)] if transfers else []),
            *(["--suspensions", str(suspensions)] if suspensions else []),
            *(["--corrections", str(corrections)] if corrections else []),
            *(["--home-teaching", str(home_teaching)] if home_teaching else []),
            *(["--ledger", str(ledger)] if ledger else []),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (root / "jsonl").mkdir()
    rows_by_kind: dict[str, int] = {}
    for source in sorted((root / "csv").glob("*.csv")):
        rows_by_kind[source.stem] = csv_to_jsonl(source, root / "jsonl" / f"{source.stem}.jsonl")
    marker.write_text(json.dumps(rows_by_kind, indent=2) + "\n", encoding="utf-8")
    return Folder(root, rows_by_kind)


def data_files(folder: Path, form: str) -> list[Path]:
    return sorted(folder.glob(f"*.{form}"))


# --------------------------------------------------------------------------------------
# The phases: each makes everything it makes, holds it, and returns a small count
# --------------------------------------------------------------------------------------


def run_audit_phase(folder: Path) -> int:
    report = dropout_control.audit(folder, as_of=AS_OF, jurisdiction=JURISDICTION)
    return len(report.findings)


def run_read_phase(folder: Path) -> int:
    read = read_folder(folder)
    return sum(len(records) for records in read.records.values())


def run_rules_phase(read: FolderRead) -> int:
    report = audit_bundle(
        bundle_from_read(read),
        as_of=AS_OF,
        jurisdiction=JURISDICTION,
        inputs=read.inputs,
        unknown_files=read.unknown_files,
    )
    return len(report.findings)


def _csv_rows(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader)
        for cells in reader:
            yield header, cells


def run_parse_phase(folder: Path, form: str) -> int:
    held: list[object] = []
    for path in data_files(folder, form):
        if form == "jsonl":
            loads = orjson.loads
            with path.open("rb") as stream:
                held.extend([loads(line) for line in stream])
        else:
            held.extend([cells for _, cells in _csv_rows(path)])
    return len(held)


def run_pydantic_phase(folder: Path, form: str) -> int:
    held: list[BaseModel] = []
    for path in data_files(folder, form):
        model = MODELS[path.stem]
        if form == "jsonl":
            validate_json = model.model_validate_json
            with path.open("rb") as stream:
                held.extend([validate_json(line) for line in stream])
        else:
            validate = model.model_validate
            held.extend(
                [
                    validate({name: cell for name, cell in zip(header, cells) if cell})  # noqa: B905
                    for header, cells in _csv_rows(path)
                ]
            )
    return len(held)


class Timing(NamedTuple):
    """The pass with the shortest wall time: its wall and CPU seconds, and its result."""

    wall: float
    cpu: float
    value: int


def best_of(repeat: int, run: Callable[[], int]) -> Timing:
    """The fastest of ``repeat`` passes, each started after a full collection."""
    best = Timing(math.inf, math.inf, 0)
    for _ in range(repeat):
        gc.collect()
        started, started_cpu = time.perf_counter(), time.process_time()
        value = run()
        timing = Timing(time.perf_counter() - started, time.process_time() - started_cpu, value)
        best = min(best, timing)
    return best


def time_rules(repeat: int, folder: Path) -> Timing:
    """Best of ``repeat`` passes of the bundle and the rules on one read of the folder."""
    read = read_folder(folder)
    return best_of(repeat, lambda: run_rules_phase(read))


# --------------------------------------------------------------------------------------
# Peak memory: one child process per phase
# --------------------------------------------------------------------------------------


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB.

    On Linux, ``VmHWM`` of ``/proc/self/status``: ``ru_maxrss`` would do, but a process
    started by ``subprocess`` (vfork and exec) inherits its parent's peak in it, so a
    child of a large benchmark process would report the parent's figure. Elsewhere,
    ``ru_maxrss`` (KiB on Linux, bytes on macOS).
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def run_phase_once(phase: str, folder: Path, form: str) -> None:
    if phase == "audit":
        run_audit_phase(folder)
    elif phase == "read":
        run_read_phase(folder)
    elif phase == "parse":
        run_parse_phase(folder, form)
    elif phase == "pydantic":
        run_pydantic_phase(folder, form)
    elif phase != "start":
        raise ValueError(f"unknown phase {phase!r}")


def measure_memory(folder: Path, form: str, phases: Sequence[str]) -> dict[str, float]:
    peaks: dict[str, float] = {}
    for phase in phases:
        _note(f"peak memory: {phase}")
        done = subprocess.run(
            [sys.executable, __file__, "--phase", phase, "--folder", str(folder), "--format", form],
            check=True,
            capture_output=True,
            text=True,
        )
        peaks[phase] = float(json.loads(done.stdout)["peak_rss_mb"])
    return peaks


# --------------------------------------------------------------------------------------
# The run and its figures
# --------------------------------------------------------------------------------------


@dataclass
class Result:
    students: int
    months: int
    seed: int
    format: str
    repeat: int
    rows: int
    rows_by_kind: dict[str, int]
    records: int
    findings: int
    seconds: dict[str, float]
    ratio_audit_pydantic: float
    peak_rss_mb: dict[str, float] = field(default_factory=dict)
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    cpu_ratio_audit_pydantic: float = math.nan
    load_average: list[float] = field(default_factory=list)  # 1, 5, 15 min before; after
    cores: int = 1
    environment: dict[str, str] = field(default_factory=dict)
    transfers: float = 0.0  # share of students with a transfer
    suspensions: float = 0.0  # share of students with a suspension
    corrections: float = 0.0  # share of students with an age correction
    home_teaching: float = 0.0  # share of active students taught at home
    ledger: float = 0.0  # share of active students with a case of the dropout ledger


def environment() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "system": platform.system(),
        "pydantic": pydantic.VERSION,
        "orjson": orjson.__version__,
    }


def benchmark(arguments: argparse.Namespace) -> Result:
    cache = arguments.keep if arguments.keep is not None else DEFAULT_CACHE
    prepared = prepare(
        cache,
        students=arguments.students,
        months=arguments.months,
        seed=arguments.seed,
        transfers=arguments.transfers,
        suspensions=arguments.suspensions,
        corrections=arguments.corrections,
        home_teaching=arguments.home_teaching,
        ledger=arguments.ledger,
    )
    form: str = arguments.format
    folder = prepared.path(form)
    repeat: int = arguments.repeat
    # Memory first, while this process is small (a child starts as a copy of it).
    baselines = not arguments.without_baselines
    measured = [phase for phase in MEASURED if baselines or phase not in BASELINES]
    peaks = {} if arguments.no_memory else measure_memory(folder, form, measured)
    load_before = os.getloadavg()
    timings: dict[str, Timing] = {}
    _note("audit")
    timings["audit"] = best_of(repeat, lambda: run_audit_phase(folder))
    _note("read + convert")
    timings["read"] = best_of(repeat, lambda: run_read_phase(folder))
    _note("bundle + rules")
    timings["rules"] = time_rules(repeat, folder)
    if baselines:
        _note("parse")
        timings["parse"] = best_of(repeat, lambda: run_parse_phase(folder, form))
        _note("pydantic")
        timings["pydantic"] = best_of(repeat, lambda: run_pydantic_phase(folder, form))
    seconds = {phase: timing.wall for phase, timing in timings.items()}
    cpu_seconds = {phase: timing.cpu for phase, timing in timings.items()}

    result = Result(
        students=arguments.students,
        months=arguments.months,
        seed=arguments.seed,
        format=form,
        repeat=repeat,
        rows=prepared.rows,
        rows_by_kind=prepared.rows_by_kind,
        records=timings["read"].value,
        findings=timings["audit"].value,
        seconds=seconds,
        ratio_audit_pydantic=seconds["audit"] / seconds["pydantic"] if baselines else math.nan,
        cpu_seconds=cpu_seconds,
        cpu_ratio_audit_pydantic=(
            cpu_seconds["audit"] / cpu_seconds["pydantic"] if baselines else math.nan
        ),
        load_average=[*load_before, *os.getloadavg()],
        cores=os.cpu_count() or 1,
        peak_rss_mb=peaks,
        environment=environment(),
        transfers=arguments.transfers,
        suspensions=arguments.suspensions,
        corrections=arguments.corrections,
        home_teaching=arguments.home_teaching,
        ledger=arguments.ledger,
    )
    return result


def table(result: Result) -> str:
    rows = result.rows
    parser = "orjson" if result.format == "jsonl" else "csv"
    by_kind = ", ".join(f"{kind} {n:,}" for kind, n in result.rows_by_kind.items())
    lines = [
        f"{result.students:,} students, {result.months} month(s), "
        f"transfers {result.transfers:g}, suspensions {result.suspensions:g}, "
        f"age corrections {result.corrections:g}, home teaching {result.home_teaching:g}, "
        f"ledger {result.ledger:g}, {result.format}, "
        f"best of {result.repeat}: {rows:,} rows ({by_kind})",
        f"records made {result.records:,}, findings {result.findings:,}",
        "",
        f"{'phase':<20}{'best s':>9}{'rows/s':>12}{'µs/row':>9}{'× pydantic':>12}"
        f"{'CPU %':>7}{'peak RSS MB':>13}",
    ]
    pydantic_seconds = result.seconds.get("pydantic", math.nan)
    for phase in ("start", *TIMED):
        seconds = result.seconds.get(phase)
        peak = result.peak_rss_mb.get(phase)
        if seconds is None and peak is None:
            continue
        label = LABELS[phase].format(parser=parser)
        cpu = result.cpu_seconds.get(phase)
        timing = (
            f"{seconds:>9.3f}{rows / seconds:>12,.0f}{seconds / rows * 1e6:>9.2f}"
            f"{'' if math.isnan(pydantic_seconds) else f'{seconds / pydantic_seconds:.2f}':>12}"
            f"{f'{cpu / seconds:.0%}' if cpu is not None else '':>7}"
            if seconds is not None
            else " " * 49
        )
        shown_peak = f"{peak:>13,.0f}" if peak is not None else ""
        lines.append(f"{label:<20}{timing}{shown_peak}".rstrip())
    if math.isnan(result.ratio_audit_pydantic):
        lines += ["", "audit / pydantic: not measured (--without-baselines)"]
    else:
        verdict = "within" if result.ratio_audit_pydantic <= 2.0 else "over"
        lines += [
            "",
            f"audit / pydantic = {result.ratio_audit_pydantic:.2f} ({verdict} the target of "
            f"2.0); in CPU time {result.cpu_ratio_audit_pydantic:.2f}",
        ]
    waited = [
        phase
        for phase, cpu in result.cpu_seconds.items()
        if cpu < BUSY_CPU_SHARE * result.seconds[phase]
    ]
    if waited:
        shown = ", ".join(f"{load:.1f}" for load in result.load_average)
        lines.append(
            f"warning: {', '.join(waited)} waited for a core (CPU % below "
            f"{BUSY_CPU_SHARE:.0%}; load average {shown} on {result.cores} cores): "
            "compare CPU times, or run again on a quiet machine"
        )
    return "\n".join(lines)


def _note(message: str) -> None:
    print(f"[benchmark] {message}", file=sys.stderr, flush=True)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _share(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n", 1)[0] if __doc__ else None,
    )
    parser.add_argument("--students", type=_positive, default=100_000)
    parser.add_argument("--months", type=_positive, default=1, help="monthly headcounts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--transfers",
        type=_share,
        nargs="?",
        const=0.02,
        default=0.0,
        metavar="SHARE",
        help="share of students with a lawful transfer (0.02 when given without a share)",
    )
    parser.add_argument(
        "--suspensions",
        type=_share,
        nargs="?",
        const=0.01,
        default=0.0,
        metavar="SHARE",
        help="share of students with a lawful suspension (0.01 when given without a share)",
    )
    parser.add_argument(
        "--corrections",
        type=_share,
        default=0.005,
        metavar="SHARE",
        help="share of students with a lawful household-registration age correction "
        "(default 0.005; 0 for none)",
    )
    parser.add_argument(
        "--home-teaching",
        type=_share,
        default=0.002,
        metavar="SHARE",
        help="share of active students taught at home (default 0.002; 0 for none)",
    )
    parser.add_argument(
        "--ledger",
        type=_share,
        default=0.02,
        metavar="SHARE",
        help="share of active students with a case of the dropout ledger (default 0.02; 0 "
        "for none)",
    )
    parser.add_argument("--format", choices=FORMATS, default="jsonl")
    parser.add_argument("--repeat", type=_positive, default=3, help="passes per phase")
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"where generated folders are kept and reused (default {DEFAULT_CACHE})",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the peak memory runs")
    parser.add_argument(
        "--without-baselines",
        action="store_true",
        help="time the audit alone, without orjson and pydantic (for folders whose "
        "pydantic models would not fit in memory)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    # Internal: a child process that runs one phase once and reports its peak memory.
    parser.add_argument("--phase", choices=MEASURED, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    if arguments.phase is not None:
        run_phase_once(arguments.phase, arguments.folder, arguments.format)
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            json.dumps(
                {"phase": arguments.phase, "peak_rss_mb": peak_rss_mb(), "ru_maxrss": maxrss}
            )
        )
        return 0
    result = benchmark(arguments)
    if arguments.json:
        print(json.dumps(asdict(result), indent=2))
    else:
        print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
