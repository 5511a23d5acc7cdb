"""The ``dropout-control`` command line.

Exit status: 0 when all is well (no finding of severity error, a valid number); 1 when a
finding is an error or a number is invalid; 2 for a usage error or input that cannot be
read, with one clear line on standard error; 3 for an internal failure, one line on
standard error (the traceback too with ``--debug``); 130 when interrupted (Ctrl-C).
Never a traceback otherwise.

This is the only layer that reads the clock (``--as-of`` and ``--on`` default to today).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from dropout_control import __version__
from dropout_control.age_corrections import (
    CorrectionEffect,
    correction_effect,
    lunar_hint,
    new_resident_id,
)
from dropout_control.api import audit, bundle_from_read
from dropout_control.auditing import audit_bundle
from dropout_control.calendar.span import EARLIEST_DATE, LATEST_DATE, is_supported_date
from dropout_control.catalogue import load_rules
from dropout_control.completion import CertificateKind, Stage, eligibility
from dropout_control.completion.queries import township_of
from dropout_control.errors import DropoutControlError, InvalidLunarDate, InvalidRecord
from dropout_control.identity import (
    ResidentId,
    StudentNumber,
    is_known_region,
    prefecture_of,
    province_of,
    region,
)
from dropout_control.identity.student_number import compact as compact_number
from dropout_control.io.folder import read_folder
from dropout_control.io.ledger_report import LEDGER_FORMATS, write_ledger, write_ledger_xlsx
from dropout_control.io.plain import unstructure
from dropout_control.io.reports import (
    FORMATS,
    shown_on_terminal,
    write_report,
    write_report_file,
)
from dropout_control.io.schema import report_schema_text
from dropout_control.ledger.view import NOT_KNOWN, Drawn, draw_for_inspection, ledger_view
from dropout_control.policy import (
    NATIONAL,
    Layer,
    Parameter,
    Policy,
    PolicyBook,
    resolve_policy,
)
from dropout_control.policy.values import show_value
from dropout_control.rules import Rule
from dropout_control.whereabouts import WhereaboutsStatus, whereabouts

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command cut off by its reader

_PROGRAM = "dropout-control"


class UsageError(Exception):
    """A mistake in how the command was called (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


def _date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None
    if not is_supported_date(day):
        raise argparse.ArgumentTypeError(
            f"{text!r} is outside the dates the library serves, "
            f"{EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"
        )
    return day


def _eligibility_parser(commands: argparse._SubParsersAction[_Parser]) -> _Parser:
    """The ``eligibility`` command's parser."""
    eligible = commands.add_parser(
        "eligibility",
        help="may a student get a certificate, with every reason",
        description="Say whether the student of STUDENT (a student number) in FOLDER may get "
        "a certificate of the kind on the date, and every reason against it, each with the "
        "rule, the parameter and its source.",
    )
    eligible.add_argument("folder", metavar="FOLDER", type=Path)
    eligible.add_argument("student", metavar="STUDENT")
    eligible.add_argument(
        "--kind", choices=[kind.value for kind in CertificateKind], default="completion"
    )
    eligible.add_argument(
        "--stage", choices=[stage.value for stage in Stage], default=None, help="default: derived"
    )
    eligible.add_argument("--school", default=None, metavar="SCHOOL_ID", help="issuing school")
    eligible.add_argument(
        "--on", type=_date, default=None, metavar="DATE", help="the issue date (default: today)"
    )
    eligible.add_argument("--jurisdiction", default=NATIONAL, metavar="CODE")
    eligible.add_argument("--format", choices=("text", "json"), default="text")
    eligible.add_argument("--reveal", action="store_true", help="show the number in clear")
    return eligible


def _ledger_parser(commands: argparse._SubParsersAction[_Parser]) -> _Parser:
    """The ``ledger`` command's parser."""
    ledger = commands.add_parser(
        "ledger",
        help="the dropout ledger: open cases, owners, due dates, the routine lists",
        description="List the cases of FOLDER's dropout ledger (cases.csv) that are still "
        "followed on the date, by county, township and school, with stage, cause, next "
        "step, owner, due date and days overdue, and the three lists of the routine "
        "reporting: school-age children, suspected dropouts, dropouts. Exit status 1 when "
        "a case is overdue.",
    )
    ledger.add_argument("folder", metavar="FOLDER", type=Path)
    ledger.add_argument("--as-of", type=_date, default=None, metavar="DATE")
    ledger.add_argument("--jurisdiction", default=NATIONAL, metavar="CODE")
    ledger.add_argument("--format", choices=LEDGER_FORMATS, default="text")
    ledger.add_argument("--output", type=Path, default=None, metavar="FILE")
    ledger.add_argument("--reveal", action="store_true", help="show numbers in clear")
    ledger.add_argument(
        "--inspect",
        type=int,
        default=0,
        metavar="N",
        help="draw N schools (or townships) for unannounced inspection, weighted by findings",
    )
    ledger.add_argument("--seed", type=int, default=0, metavar="S", help="the draw's seed")
    ledger.add_argument("--inspect-by", choices=("school", "township"), default="school")
    return ledger


def _build_parser() -> _Parser:
    parser = _Parser(
        prog=_PROGRAM,
        description="Check compulsory-education registry data against dropout-control rules.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="on an internal failure, print the traceback too (for a bug report)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    check = commands.add_parser(
        "check-id",
        help="explain a resident ID number or student number",
        description="Say whether a resident ID number (GB 11643) or a national student "
        "number (G, L or J) is valid, and show its parts.",
    )
    check.add_argument("number", metavar="NUMBER")
    check.add_argument("--reveal", action="store_true", help="show personal parts in clear")
    check.add_argument("--format", choices=("text", "json"), default="text")

    correction = commands.add_parser(
        "check-correction",
        help="what an age correction would do to a resident ID number",
        description="Show the resident ID number that follows from OLD_ID when the birth "
        "date becomes NEW_BIRTH_DATE, whether the two dates are one day read in the lunar "
        "and the Gregorian calendar, and the child's school age and employment age before "
        "and after, on the audit date.",
    )
    correction.add_argument("old_id", metavar="OLD_ID")
    correction.add_argument("new_birth_date", type=_date, metavar="NEW_BIRTH_DATE")
    correction.add_argument("--as-of", type=_date, default=None, metavar="DATE")
    correction.add_argument("--jurisdiction", default=NATIONAL, metavar="CODE")
    correction.add_argument("--reveal", action="store_true", help="show personal parts in clear")
    correction.add_argument("--format", choices=("text", "json"), default="text")

    params = commands.add_parser(
        "params",
        help="the policy parameters in force",
        description="List every policy parameter in force for a jurisdiction on a date, "
        "with its value, the date it is in force from, its source and its mark.",
    )
    params.add_argument("--jurisdiction", default=NATIONAL, metavar="CODE")
    params.add_argument("--on", type=_date, default=None, metavar="DATE")
    params.add_argument(
        "--layer",
        action="append",
        type=Path,
        default=[],
        metavar="TOML",
        help="stack a policy layer file of your own (repeatable)",
    )
    params.add_argument("--format", choices=("text", "json"), default="text")

    audit = commands.add_parser(
        "audit",
        help="audit a folder of registry exports",
        description="Read every input file of FOLDER (students.csv, population.csv, ...), run "
        "every rule whose inputs are present as of the audit date, and report the findings.",
    )
    audit.add_argument("folder", metavar="FOLDER", type=Path)
    audit.add_argument(
        "--as-of", type=_date, default=None, metavar="DATE", help="the audit date (default: today)"
    )
    audit.add_argument("--jurisdiction", default=NATIONAL, metavar="CODE")
    audit.add_argument("--format", choices=FORMATS, default="text")
    audit.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar="FILE",
        help="write the report here instead of standard output",
    )
    audit.add_argument("--reveal", action="store_true", help="show names and numbers in clear")
    audit.add_argument(
        "--layer",
        action="append",
        type=Path,
        default=[],
        metavar="TOML",
        help="stack a policy layer file of your own (repeatable)",
    )

    where = commands.add_parser(
        "whereabouts",
        help="where one child is, with the evidence",
        description="Collect everything FOLDER holds about one child (by student number or "
        "resident ID) and say where the child is on the date: in school, suspended, in "
        "transfer, home-taught, deferred, transferred away, finished, left, whereabouts "
        "unknown, out of school, not of school age.",
    )
    where.add_argument("folder", metavar="FOLDER", type=Path)
    where.add_argument("person", metavar="ID")
    where.add_argument("--as-of", type=_date, default=None, metavar="DATE")
    where.add_argument("--jurisdiction", default=NATIONAL, metavar="CODE")
    where.add_argument("--format", choices=("text", "json"), default="text")
    where.add_argument("--reveal", action="store_true", help="show the number in clear")

    eligible = _eligibility_parser(commands)
    ledger = _ledger_parser(commands)

    rules = commands.add_parser(
        "rules",
        help="the rule catalogue",
        description="List every rule: ID, severity, what it speaks about, parameters, sources.",
    )
    rules.add_argument("--format", choices=("text", "json"), default="text")

    schema = commands.add_parser(
        "schema",
        help="the JSON Schema of the JSON report",
        description="Print the JSON Schema (draft 2020-12) that every report written by "
        "'audit --format json' follows, generated from the report's classes.",
    )
    for command in (check, params, audit, where, eligible, ledger, rules, schema):
        # Also after the command's name; not given there, it leaves the main option alone.
        command.add_argument(
            "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    out = stdout or _safe_stream(sys.stdout)
    parser = _build_parser()
    debug = False
    try:
        args = parser.parse_args(argv)
        debug = args.debug
        handler = _HANDLERS[args.command]
        return handler(args, out)
    except KeyboardInterrupt:
        _fail("interrupted")
        return EXIT_INTERRUPTED
    except UsageError as exc:
        _fail(str(exc))
    except DropoutControlError as exc:
        _fail(str(exc))
    except BrokenPipeError:
        # The reader went away (``| head``): nothing more to say, and nothing to say it to.
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        _fail(f"{exc.filename or ''}: {exc.strerror}".lstrip(": "))
    except Exception as exc:
        _fail(
            f"internal failure ({type(exc).__name__}: {exc}); "
            + ("the traceback follows" if debug else "run again with --debug for the traceback")
        )
        if debug:
            traceback.print_exc(file=sys.stderr)
        return EXIT_INTERNAL
    return EXIT_USAGE


def _safe_stream(stream: TextIO) -> TextIO:
    """``stream``, writing what its encoding cannot hold as escapes (``\\u5b66``) rather
    than failing: a terminal or pipe set to ASCII or Latin-1 still gets the whole report."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "学".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    return stream


def _quiet_stdout() -> None:
    """Point standard output at the null device so that the interpreter's final flush
    does not fail a second time on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _fail(message: str) -> None:
    # The message may quote a file or folder name from the user's disk: escape controls.
    print(shown_on_terminal(f"{_PROGRAM}: error: {message}"), file=sys.stderr)


# check-id ------------------------------------------------------------------------------


def _check_id(args: argparse.Namespace, out: TextIO) -> int:
    text: str = args.number.strip()
    if not text:
        raise UsageError("NUMBER is empty")
    if text[0].isalpha():
        return _check_student_number(text, reveal=args.reveal, fmt=args.format, out=out)
    return _check_resident_id(text, reveal=args.reveal, fmt=args.format, out=out)


def _resident_id_parts(number: ResidentId, *, reveal: bool) -> dict[str, object]:
    code = number.region_code
    places = [province_of(code), prefecture_of(code), region(code)]
    names = list(dict.fromkeys(place.name for place in places if place is not None))
    return {
        "region_code": code,
        "region": " / ".join(names) if names else None,
        "region_known": is_known_region(code),
        "birth_date": number.birth_date.isoformat() if reveal else "****-**-**",
        "sequence": number.sequence if reveal else "***",
        "sex": number.sex.value,
        "check_character": number.check_character,
    }


def _check_resident_id(text: str, *, reveal: bool, fmt: str, out: TextIO) -> int:
    try:
        number = ResidentId.parse(text)
    except DropoutControlError as exc:
        return _invalid("resident ID", exc, fmt=fmt, out=out)
    shown = number.reveal() if reveal else str(number)
    parts = _resident_id_parts(number, reveal=reveal)
    if fmt == "json":
        payload = {"kind": "resident_id", "number": shown, "valid": True, "parts": parts}
        print(json.dumps(payload, ensure_ascii=False), file=out)
        return EXIT_OK
    print(f"{shown}: valid resident ID number (GB 11643)", file=out)
    _print_parts(parts, out)
    return EXIT_OK


def _check_student_number(text: str, *, reveal: bool, fmt: str, out: TextIO) -> int:
    try:
        number = StudentNumber.parse(text)
    except DropoutControlError as exc:
        return _invalid("student number", exc, fmt=fmt, out=out)
    shown = number.reveal() if reveal else str(number)
    embedded = number.embedded_resident_id()
    parts: dict[str, object] = {"kind": number.kind.value}
    if embedded is not None:
        parts.update(_resident_id_parts(embedded, reveal=reveal))
    elif number.kind.value == "G":
        parts["note"] = "the 18 characters after G are not a valid resident ID number"
    if fmt == "json":
        payload = {"kind": "student_number", "number": shown, "valid": True, "parts": parts}
        print(json.dumps(payload, ensure_ascii=False), file=out)
        return EXIT_OK
    print(f"{shown}: valid student number ({number.kind.value} number)", file=out)
    _print_parts(parts, out)
    return EXIT_OK


def _invalid(what: str, exc: DropoutControlError, *, fmt: str, out: TextIO) -> int:
    code = exc.code if isinstance(exc, InvalidRecord) else None
    if fmt == "json":
        payload: dict[str, object] = {"kind": what, "valid": False, "reason": str(exc)}
        if isinstance(exc, InvalidRecord):
            payload.update(code=exc.code, message={"zh": exc.message.zh, "en": exc.message.en})
        print(json.dumps(payload, ensure_ascii=False), file=out)
    else:
        print(f"invalid {what}: {exc}" + (f" [{code}]" if code else ""), file=out)
    return EXIT_FINDINGS


def _print_parts(parts: dict[str, object], out: TextIO) -> None:
    width = max(len(key) for key in parts)
    for key, value in parts.items():
        print(f"  {key:<{width}}  {value}", file=out)


# check-correction ----------------------------------------------------------------------


def _check_correction(args: argparse.Namespace, out: TextIO) -> int:
    text: str = args.old_id.strip()
    if not text:
        raise UsageError("OLD_ID is empty")
    try:
        old = ResidentId.parse(text)
    except DropoutControlError as exc:
        return _invalid("resident ID", exc, fmt=args.format, out=out)
    new_birth_date: dt.date = args.new_birth_date
    as_of: dt.date = args.as_of or dt.date.today()  # noqa: DTZ011 - only the command line reads the clock
    new = new_resident_id(old, new_birth_date)
    try:
        hint: bool | None = lunar_hint(old.birth_date, new_birth_date)
    except InvalidLunarDate:
        hint = None  # outside the lunar calendar's years: no hint, said as such below
    effect = correction_effect(
        old.birth_date, new_birth_date, as_of, policy=resolve_policy(args.jurisdiction, on=as_of)
    )
    payload = _correction_payload(old, new, hint, effect, reveal=args.reveal)
    if args.format == "json":
        print(json.dumps(payload, ensure_ascii=False), file=out)
        return EXIT_OK
    print(f"{payload['old_id']} -> {payload['new_id']}: new resident ID number", file=out)
    _print_parts({k: v for k, v in payload.items() if k not in ("old_id", "new_id")}, out)
    return EXIT_OK


def _correction_payload(
    old: ResidentId,
    new: ResidentId,
    hint: bool | None,
    effect: CorrectionEffect,
    *,
    reveal: bool,
) -> dict[str, object]:
    before, after = effect.before, effect.after
    return {
        "old_id": old.reveal() if reveal else str(old),
        "new_id": new.reveal() if reveal else str(new),
        "as_of": before.on.isoformat(),
        "lunar_hint": "outside the lunar calendar (1900-2100)" if hint is None else hint,
        "age_before": before.age,
        "age_after": after.age,
        "school_age_before": before.school_age,
        "school_age_after": after.school_age,
        "leaves_school_age": effect.leaves_school_age,
        "over_employment_age_before": before.over_employment_age,
        "over_employment_age_after": after.over_employment_age,
        "crosses_employment_age": effect.crosses_employment_age,
        "employment_min_age": after.employment_min_age,
        "school_age_window": [day.isoformat() for day in after.window],
    }


# params --------------------------------------------------------------------------------


def _params(args: argparse.Namespace, out: TextIO) -> int:
    on: dt.date = args.on or dt.date.today()  # noqa: DTZ011 - only the command line reads the clock
    book = PolicyBook.default()
    for path in args.layer:
        book = book.with_file(path)
    policy = book.resolve(args.jurisdiction, on=on)
    if not len(policy):
        earliest = min(policy.not_in_force.values())
        raise UsageError(
            f"no policy parameter is in force on {on.isoformat()} for {args.jurisdiction}; "
            f"the earliest value is in force from {earliest.isoformat()}"
        )
    if args.format == "json":
        print(json.dumps(_params_json(book, policy), ensure_ascii=False, indent=2), file=out)
    else:
        _params_text(book, policy, out)
    return EXIT_OK


def _parameter_json(parameter: Parameter) -> dict[str, object]:
    data: dict[str, object] = unstructure(parameter)
    return {"key": data.pop("key"), "in_force": True, **data}


def _params_json(book: PolicyBook, policy: Policy) -> dict[str, object]:
    entries: list[dict[str, object]] = []
    for key in sorted(book.definitions):
        if policy.is_in_force(key):
            entries.append(_parameter_json(policy[key]))
        elif key in policy.not_in_force:
            # Not yet in force: the first value to come, with its source and mark, so
            # that every key of the catalogue is listed with them.
            first = min(book.history(key, policy.jurisdiction), key=lambda item: item.since)
            entries.append(
                {
                    **_parameter_json(first),
                    "in_force": False,
                    "first_in_force": policy.not_in_force[key].isoformat(),
                }
            )
    return {
        "jurisdiction": policy.jurisdiction,
        "on": policy.on.isoformat(),
        "layers": list(policy.chain),
        "parameters": entries,
    }


def _params_text(book: PolicyBook, policy: Policy, out: TextIO) -> None:
    print(
        f"Policy parameters for {policy.jurisdiction} on {policy.on.isoformat()} "
        f"(layers {' > '.join(policy.chain)}; marks: C confirmed, S secondary, U unsourced)",
        file=out,
    )
    for key in sorted(book.definitions):
        if policy.is_in_force(key):
            parameter = policy[key]
            value = show_value(parameter.value)
            if isinstance(value, dict):
                shown = "; ".join(f"{step}: {', '.join(who)}" for step, who in value.items())
            else:
                shown = ", ".join(value) if isinstance(value, list) else str(value)
            unit = f" {parameter.definition.unit}" if parameter.definition.unit else ""
            print(f"{key}  = {shown}{unit}", file=out)
            print(
                f"    [{parameter.mark.value}] since {parameter.since.isoformat()} "
                f"({parameter.jurisdiction}): {parameter.source}",
                file=out,
            )
        elif key in policy.not_in_force:
            first = policy.not_in_force[key].isoformat()
            print(f"{key}  (not in force on this date; first value from {first})", file=out)


# audit ---------------------------------------------------------------------------------


class _Progress:
    """Rows read so far, on one self-overwriting line of a terminal's standard error."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = False

    def __call__(self, file: str, rows: int) -> None:
        self.stream.write(f"\rreading {file}: {rows:,} rows   ")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def _refuse_output_inside(output: Path, folder: Path) -> None:
    """Refuse a report path inside the input folder: it would replace an input file, or be
    read as one by the next audit."""
    target, inputs = output.resolve(), folder.resolve()
    if target == inputs or inputs in target.parents:
        raise UsageError(
            f"--output {output} is inside the input folder {folder}; write the report elsewhere"
        )


def _audit(args: argparse.Namespace, out: TextIO) -> int:
    as_of: dt.date = args.as_of or dt.date.today()  # noqa: DTZ011 - only the command line reads the clock
    if args.output is not None:
        _refuse_output_inside(args.output, args.folder)
    layers = [Layer.from_toml(path) for path in args.layer]
    progress = _Progress(sys.stderr) if sys.stderr.isatty() else None
    try:
        report = audit(
            args.folder,
            as_of=as_of,
            jurisdiction=args.jurisdiction,
            layers=layers,
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.close()
    if args.output is not None:
        write_report_file(
            report, args.output, fmt=args.format, library_version=__version__, reveal=args.reveal
        )
    else:
        write_report(report, out, fmt=args.format, library_version=__version__, reveal=args.reveal)
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


# whereabouts ---------------------------------------------------------------------------

_PROBLEM_WHEREABOUTS = frozenset(
    {
        WhereaboutsStatus.WHEREABOUTS_UNKNOWN,
        WhereaboutsStatus.OUT_OF_SCHOOL,
        WhereaboutsStatus.NOT_FOUND,
    }
)


def _whereabouts(args: argparse.Namespace, out: TextIO) -> int:
    as_of: dt.date = args.as_of or dt.date.today()  # noqa: DTZ011 - only the command line reads the clock
    person = args.person.strip().upper()
    if not person:
        raise UsageError("ID is empty")
    read = read_folder(args.folder)
    read.require_input(args.folder)
    bundle = bundle_from_read(read)
    found = whereabouts(bundle, person, as_of=as_of, jurisdiction=args.jurisdiction)
    shown = found.reveal_person() if args.reveal else found.person
    if found.status is WhereaboutsStatus.NOT_FOUND and args.format == "text":
        print(
            shown_on_terminal(f"{shown}: nothing in {args.folder} names this child (not found)"),
            file=out,
        )
        return EXIT_FINDINGS
    status = found.status
    if args.format == "json":
        payload = {
            "person": shown,
            "as_of": as_of.isoformat(),
            "status": status.value,
            "school_id": found.school_id,
            "county": found.county,
            "completion": None
            if found.completion is None
            else {
                "status": found.completion.status.value,
                "evidence": [
                    {
                        "reason": unstructure(said, reveal=args.reveal),
                        "message": unstructure(said.message),
                    }
                    for said in found.completion.evidence
                ],
            },
            "evidence": [
                {
                    "reason": unstructure(e.reason, reveal=args.reveal),
                    "message": unstructure(e.message),
                    "source": unstructure(e.source),
                }
                for e in found.evidence
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=out)
    else:
        lines = [
            f"{shown}: {status.value} ({status.zh}) on {as_of.isoformat()}",
            f"  school {found.school_id or '-'}, county {found.county or '-'}",
        ]
        for item in found.evidence:
            lines += [f"  - {item}", f"    {item.message.zh}"]
        if found.completion is not None:
            done = found.completion.status
            lines.append(f"  completion: {done.value} ({done.zh})")
            for said in found.completion.evidence:
                lines += [f"  - {said.message.en}", f"    {said.message.zh}"]
        for text in lines:
            print(shown_on_terminal(text), file=out)
    return EXIT_FINDINGS if status in _PROBLEM_WHEREABOUTS else EXIT_OK


# eligibility ---------------------------------------------------------------------------


def _eligibility(args: argparse.Namespace, out: TextIO) -> int:
    on: dt.date = args.on or dt.date.today()  # noqa: DTZ011 - only the command line reads the clock
    student = compact_number(args.student)
    if not student:
        raise UsageError("STUDENT is empty")
    read = read_folder(args.folder)
    read.require_input(args.folder)
    bundle = bundle_from_read(read)
    policy = resolve_policy(args.jurisdiction, on=on)
    answer = eligibility(
        bundle,
        student,
        CertificateKind.parse(args.kind),
        on=on,
        policy=policy,
        stage=None if args.stage is None else Stage.parse(args.stage),
        school_id=args.school,
    )
    shown = answer.student.reveal() if args.reveal else str(answer.student)
    if args.format == "json":
        payload = {
            "student": shown,
            "kind": answer.kind.value,
            "stage": answer.stage.value,
            "on": on.isoformat(),
            "school_year": str(answer.school_year),
            "eligible": answer.eligible,
            "reasons": [
                {
                    "rule": item.rule,
                    "reason": unstructure(item.reason, reveal=args.reveal),
                    "message": unstructure(item.message),
                    "parameters": [unstructure(use) for use in item.parameters],
                    "citations": [str(citation) for citation in item.citations],
                }
                for item in answer.reasons
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=out)
    else:
        verdict = "eligible (符合条件)" if answer.eligible else "not eligible (不符合条件)"
        lines = [
            f"{shown}: {answer.kind.value} certificate ({answer.kind.zh}), "
            f"{answer.stage.value}, on {on.isoformat()} ({answer.school_year}): {verdict}"
        ]
        for item in answer.reasons:
            lines += [f"  - {item.rule}: {item.message.en}", f"    {item.message.zh}"]
            lines += [
                f"    {use.key} = {use.value} since {use.since} ({use.jurisdiction}; "
                f"{use.source} [{use.mark.value}])"
                for use in item.parameters
            ]
            lines += [f"    source: {citation}" for citation in item.citations]
        for text in lines:
            print(shown_on_terminal(text), file=out)
    return EXIT_OK if answer.eligible else EXIT_FINDINGS


# ledger --------------------------------------------------------------------------------


def _ledger(args: argparse.Namespace, out: TextIO) -> int:
    as_of: dt.date = args.as_of or dt.date.today()  # noqa: DTZ011 - only the command line reads the clock
    if args.inspect < 0:
        raise UsageError("--inspect N needs N >= 0")
    if args.output is not None:
        _refuse_output_inside(args.output, args.folder)
    elif args.format == "xlsx":
        raise UsageError("--format xlsx needs --output FILE")
    read = read_folder(args.folder)
    read.require_input(args.folder)
    bundle = bundle_from_read(read)
    policy = resolve_policy(args.jurisdiction, on=as_of)
    view = ledger_view(bundle, as_of=as_of, policy=policy)
    drawn: tuple[Drawn, ...] = ()
    if args.inspect:
        report = audit_bundle(bundle, as_of=as_of, jurisdiction=args.jurisdiction)
        by_place: dict[str, int] = {}
        for school in report.metrics.schools:
            place = (
                school.school_id
                if args.inspect_by == "school"
                else township_of(bundle, school.school_id) or NOT_KNOWN
            )
            by_place[place] = by_place.get(place, 0) + school.findings.total
        drawn = draw_for_inspection(by_place, args.inspect, seed=args.seed)
    if args.format == "xlsx":
        write_ledger_xlsx(view, args.output, drawn=drawn, reveal=args.reveal)
    elif args.output is not None:
        with args.output.open("w", encoding="utf-8", newline="") as stream:
            write_ledger(view, stream, fmt=args.format, drawn=drawn, reveal=args.reveal)
    else:
        write_ledger(view, out, fmt=args.format, drawn=drawn, reveal=args.reveal)
    return EXIT_FINDINGS if view.overdue else EXIT_OK


# rules ---------------------------------------------------------------------------------


def _rule_json(item: Rule) -> dict[str, object]:
    return {
        "id": str(item.id),
        "severity": item.severity.value,
        "about": list(item.about),
        "title": {"zh": item.title.zh, "en": item.title.en},
        "parameters": list(item.parameters),
        "citations": [str(c) for c in item.citations],
        "needs": list(item.needs),
        "needs_fields": list(item.needs_fields),
    }


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    rules = list(load_rules())
    if args.format == "json":
        print(json.dumps([_rule_json(r) for r in rules], ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    for item in rules:
        about = ", ".join(item.about)
        print(f"{item.id}  {item.severity.value:<7}  {about:<20}  {item.title.en}", file=out)
        print(f"    {item.title.zh}", file=out)
        if item.parameters:
            print(f"    parameters: {', '.join(item.parameters)}", file=out)
        if item.citations:
            print(f"    sources: {'; '.join(str(c) for c in item.citations)}", file=out)
    print(f"{len(rules)} rules", file=out)
    return EXIT_OK


# schema --------------------------------------------------------------------------------


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    out.write(report_schema_text())
    return EXIT_OK


_HANDLERS = {
    "audit": _audit,
    "check-correction": _check_correction,
    "check-id": _check_id,
    "eligibility": _eligibility,
    "ledger": _ledger,
    "params": _params,
    "rules": _rules,
    "schema": _schema,
    "whereabouts": _whereabouts,
}


if __name__ == "__main__":  # pragma: no cover - exercised through the console script
    sys.exit(main())
