"""The audit (service layer): run every rule over a bundle as of a date, collect a report.

The audit takes a :class:`~dropout_control.bundle.Bundle` (built by the readers from a
folder, or by an application from records it already holds), resolves the policy for
the jurisdiction on the audit date, runs every registered rule whose inputs are present,
and returns a :class:`~dropout_control.findings.Report`: findings sorted by file, line
and rule; the rules not run and why; metrics per school, per county and overall.
Nothing here reads the clock or a file.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import attrs

from dropout_control._collector import cycle_collection_paused
from dropout_control.bundle import Bundle
from dropout_control.calendar.span import date_argument
from dropout_control.catalogue import load_rules
from dropout_control.completion.retention import retention_metrics
from dropout_control.findings import Finding, InputSummary, Report, Severity, SkippedRule
from dropout_control.identity import region
from dropout_control.ledger.figures import ledger_metrics
from dropout_control.metrics import (
    CountyMetrics,
    FindingCounts,
    Metrics,
    NotKnown,
    RetentionMetrics,
    SchoolMetrics,
    TotalMetrics,
    WhereaboutsCounts,
)
from dropout_control.policy import NATIONAL, Layer, Policy, resolve_policy
from dropout_control.policy.keys import COMPULSORY_STRUCTURE, ENROLMENT_DEFERRAL_GROUNDS
from dropout_control.population.kinds import POPULATION
from dropout_control.reasons import Stated, reason
from dropout_control.reconciliation.queries import latest_headcount_month, latest_headcounts
from dropout_control.registry.kinds import STUDENTS, UNKNOWN_COUNTY, county_code
from dropout_control.registry.queries import county_of_school
from dropout_control.rules import CONSULTED, Rule, RuleContext, RuleRegistry
from dropout_control.suspensions.keys import SUSPENSION_APPROVERS
from dropout_control.transfers.keys import TRANSFER_UNPLACED_AFTER_DAYS
from dropout_control.whereabouts import WhereaboutsStatus, whereabouts_tally

__all__ = ["UNKNOWN_COUNTY", "audit_bundle"]

_ROW_KINDS = {"rejections", "duplicates", "unread_cells"}


def audit_bundle(
    bundle: Bundle,
    *,
    as_of: dt.date,
    jurisdiction: str = NATIONAL,
    layers: Iterable[Layer] = (),
    rules: RuleRegistry | None = None,
    inputs: Sequence[InputSummary] = (),
    unknown_files: Sequence[str] = (),
    unknown_columns: Mapping[str, Sequence[str]] | None = None,
) -> Report:
    """Audit a bundle of records an application already holds, as of ``as_of``, under the
    policy of ``jurisdiction``.

    ``layers`` stacks an application's own policy layers; ``rules`` defaults to the
    library's full rule catalogue. ``inputs``, ``unknown_files`` and ``unknown_columns``
    are what a reader says about the files the bundle came from (the folder audit,
    :func:`dropout_control.audit`, passes them on); an application leaves them out.

    >>> from dropout_control import Bundle, audit_bundle
    >>> audit_bundle(Bundle(), as_of=dt.date(2019, 3, 20), jurisdiction="622900").findings
    ()
    """
    as_of = date_argument(as_of, "as_of")
    with cycle_collection_paused():
        return _audit(
            bundle,
            as_of=as_of,
            jurisdiction=jurisdiction,
            layers=layers,
            registry=rules,
            inputs=inputs,
            unknown_files=unknown_files,
            unknown_columns=unknown_columns,
        )


def _audit(
    bundle: Bundle,
    *,
    as_of: dt.date,
    jurisdiction: str,
    layers: Iterable[Layer],
    registry: RuleRegistry | None,
    inputs: Sequence[InputSummary],
    unknown_files: Sequence[str],
    unknown_columns: Mapping[str, Sequence[str]] | None,
) -> Report:
    policy = resolve_policy(jurisdiction, on=as_of, layers=layers)
    rules = registry if registry is not None else load_rules()
    context: RuleContext[Bundle] = RuleContext(bundle=bundle, policy=policy, as_of=as_of)
    places = _Places(bundle)
    findings: list[Finding] = []
    skipped: list[SkippedRule] = []
    tally = _Tally()
    unread = Counter(f"{cell.kind}.{cell.field}" for cell in bundle.unread_cells)
    records_skipped: dict[str, int] = {}
    # The rules other rules consult run first, so that what they observe is kept for
    # them (see rules.CONSULTED); the report lists findings and skipped rules in order.
    in_order = list(rules)
    unread_files = _unread_files(bundle)
    for item in sorted(in_order, key=lambda rule: str(rule.id) not in CONSULTED):
        why = _why_not_run(item, bundle, policy, unread_files) or item.why_not_ready(context)
        if why is not None:
            skipped.append(SkippedRule(item.id, why))
            continue
        if unread and (count := sum(unread[field] for field in item.needs_fields)):
            records_skipped[str(item.id)] = count
        for kind in item.about:
            subjects = item.subjects(_subjects(bundle, kind), context, kind=kind)
            for subject, finding in item.run_all(subjects, context, kind=kind, every=True):
                findings.append(finding)
                tally.add(finding, *places.of(subject, kind))
    rank = {str(item.id): index for index, item in enumerate(in_order)}
    skipped.sort(key=lambda item: rank[str(item.rule)])
    records_skipped = dict(sorted(records_skipped.items(), key=lambda item: rank[item[0]]))
    not_known = _not_known(bundle, unread_files)
    whereabouts = (
        None
        if any(item.figure == "whereabouts" for item in not_known)
        else _whereabouts_counts(bundle, places, as_of=as_of, policy=policy)
    )
    ledger = ledger_metrics(bundle, as_of=as_of, policy=policy) if "cases" in bundle.kinds else None
    metrics = attrs.evolve(
        _metrics(bundle, places, tally, whereabouts, not_known),
        records_skipped=records_skipped,
        retention=_retention(bundle, as_of=as_of, policy=policy, unread=unread_files),
        ledger=ledger,
    )
    return Report(
        as_of=as_of,
        jurisdiction=jurisdiction,
        findings=findings,
        skipped_rules=tuple(skipped),
        inputs=tuple(inputs),
        unknown_files=tuple(unknown_files),
        unknown_columns={k: tuple(v) for k, v in (unknown_columns or {}).items() if v},
        metrics=metrics,
    )


def _retention(
    bundle: Bundle, *, as_of: dt.date, policy: Policy, unread: Mapping[str, list[str]]
) -> RetentionMetrics | None:
    """The retention rates, when students were read and the policy holds the
    compulsory structure (``None`` otherwise: the rate needs records)."""
    if STUDENTS.name not in bundle.kinds or not policy.is_in_force(COMPULSORY_STRUCTURE):
        return None
    return retention_metrics(bundle, as_of=as_of, policy=policy, unread=unread)


def _subjects(bundle: Bundle, kind: str) -> Sequence[object]:
    if kind in _ROW_KINDS:
        return (
            bundle.rejections
            if kind == "rejections"
            else bundle.duplicates
            if kind == "duplicates"
            else bundle.unread_cells
        )
    return bundle.records(kind)


NO_INPUT: Final = reason("RULE.NO_INPUT", "没有 {kinds:or} 文件", "no {kinds:or} file")
NO_FIELD: Final = reason(
    "RULE.NO_FIELD", "{kind} 中没有记录填写 {field}", "no {kind} record has {field}"
)
NOT_IN_FORCE: Final = reason(
    "RULE.PARAMETER_NOT_IN_FORCE",
    "{on} 时参数尚未生效：{named}",
    "parameter not in force on {on}: {named}",
)
PARAMETER_FROM: Final = reason(
    "RULE.PARAMETER_FROM", "{key}（自 {since} 起）", "{key} (from {since})"
)


FILE_NOT_READ: Final = reason(
    "RULE.FILE_NOT_READ",
    "{kinds:or} 的文件未能读入（{files}）",
    "the {kinds:or} file could not be read ({files})",
)


def _not_given(kinds: list[str], unread: Mapping[str, list[str]]) -> Stated:
    """Why kinds are missing: their files were there but could not be read, or there
    were none."""
    files = [file for kind in kinds for file in unread.get(kind, ())]
    if files:
        return FILE_NOT_READ.given(kinds=kinds, files=", ".join(files))
    return NO_INPUT.given(kinds=kinds)


def _why_not_run(
    item: Rule, bundle: Bundle, policy: Policy, unread: Mapping[str, list[str]]
) -> Stated | None:
    row_rule = all(kind in _ROW_KINDS for kind in item.about)
    if not row_rule and not any(kind in bundle.kinds for kind in item.about):
        return _not_given(list(item.about), unread)
    missing = [kind for kind in item.needs if kind not in bundle.kinds]
    if missing:
        return _not_given(missing, unread)
    for needed in item.needs_fields:
        kind, _, field = needed.partition(".")
        if not bundle.has_field(kind, field):
            return NO_FIELD.given(kind=kind, field=field)
    not_in_force = item.missing_parameters(policy)
    if not_in_force:
        first = policy.not_in_force
        named = [PARAMETER_FROM.given(key=key, since=first[key]) for key in not_in_force]
        return NOT_IN_FORCE.given(on=policy.on, named=named)
    return None


KIND_NOT_READ: Final = reason(
    "METRIC.KIND_NOT_READ",
    "{kind} 的文件未能读入（{files}）：该数字未知",
    "a file of {kind} could not be read ({files}): the figure is not known",
)
KIND_ABSENT: Final = reason(
    "METRIC.KIND_ABSENT",
    "没有 {kind} 的文件：该数字未知",
    "no file of {kind}: the figure is not known",
)
# The codes of a rejection that stands for a whole file not read.
_FILE_NOT_READ: Final = frozenset(
    {"INPUT.FILE_UNREADABLE", "INPUT.FILE_NOT_READ", "INPUT.NO_HEADER", "INPUT.HEADER_UNKNOWN"}
)
# The figures that depend on each kind.
_FIGURES: Final = {
    "students": ("students", "active_records", "open_records", "whereabouts"),
    "population": ("population", "whereabouts"),
    "headcounts": ("present_at_latest_headcount",),
    "cases": ("ledger",),
}


def _unread_files(bundle: Bundle) -> dict[str, list[str]]:
    """The files of each kind that were there but could not be read."""
    files: dict[str, list[str]] = defaultdict(list)
    for rejection in bundle.rejections:
        if rejection.code in _FILE_NOT_READ:
            files[rejection.kind].append(rejection.source.file)
    return files


def _not_known(bundle: Bundle, files: Mapping[str, list[str]]) -> tuple[NotKnown, ...]:
    """The figures a kind not read (``files``: the files of each kind that could not be
    read; or, for whereabouts, students not given) leaves not known, each once, with
    the first reason."""
    said: dict[str, Stated] = {}
    for kind, figures in _FIGURES.items():
        if kind in files:
            reason_ = KIND_NOT_READ.given(kind=kind, files=", ".join(files[kind]))
            for figure in figures:
                said.setdefault(figure, reason_)
    if "students" not in bundle.kinds and bundle.records(POPULATION):
        said.setdefault("whereabouts", KIND_ABSENT.given(kind="students"))
    return tuple(NotKnown(figure, why) for figure, why in said.items())


class _Places:
    """Which school and county a subject belongs to, for the metrics: each kind's
    declaration says; rows that are not records (rejections, duplicates) belong nowhere."""

    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle
        self.place_of = {kind.name: kind.place for kind in bundle.registry}

    def county_of_school(self, school_id: str) -> str:
        return county_of_school(self.bundle, school_id)

    def of(self, subject: object, kind: str) -> tuple[str | None, str | None]:
        place_of = self.place_of.get(kind)
        if place_of is None:
            return None, None
        place = place_of(subject, self.bundle)
        return place.school, place.county


class _Tally:
    """Findings counted per school and per county while the rules run."""

    def __init__(self) -> None:
        self.by_school: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        self.by_county: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        self.total: Counter[tuple[str, str]] = Counter()

    def add(self, finding: Finding, school: str | None, county: str | None) -> None:
        key = (str(finding.rule), finding.severity.value)
        self.total[key] += 1
        if school is not None:
            self.by_school[school][key] += 1
        if county is not None:
            self.by_county[county][key] += 1


def _findings_summary(counts: Counter[tuple[str, str]]) -> tuple[FindingCounts, dict[str, int]]:
    by_severity = Counter[str]()
    by_rule = Counter[str]()
    for (rule_id, severity), n in counts.items():
        by_severity[severity] += n
        by_rule[rule_id] += n
    findings = FindingCounts(
        **{severity.value: by_severity[severity.value] for severity in Severity}
    )
    return findings, dict(sorted(by_rule.items()))


class _SchoolFigures:
    """A school's figures while they are counted."""

    __slots__ = ("active", "latest_month", "open", "present")

    def __init__(self) -> None:
        self.active = 0
        self.open = 0
        self.latest_month: str | None = None
        self.present: int | None = None


def _metrics(
    bundle: Bundle,
    places: _Places,
    tally: _Tally,
    whereabouts: WhereaboutsCounts | None,
    not_known: tuple[NotKnown, ...],
) -> Metrics:
    figures: dict[str, _SchoolFigures] = {}
    for record in bundle.records(STUDENTS):
        counted = figures.get(record.school_id)
        if counted is None:
            counted = figures[record.school_id] = _SchoolFigures()
        counted.active += record.status.value == "active"
        counted.open += record.is_open
    for school_id, month in latest_headcount_month(bundle).items():
        counted = figures.setdefault(school_id, _SchoolFigures())
        roll = latest_headcounts(bundle).rolls.get(school_id, {})
        counted.latest_month = str(month)
        # A row is keyed by both its numbers: count each row once.
        counted.present = len({id(e) for e in roll.values() if e.present})
    schools = tuple(
        _school_metrics(school_id, figures[school_id], places, tally)
        for school_id in sorted(figures)
    )
    by_county: dict[str, list[SchoolMetrics]] = defaultdict(list)
    for school in schools:
        by_county[school.county].append(school)
    codes = sorted({*by_county, *tally.by_county})
    counties = tuple(_county_metrics(code, by_county.get(code, []), tally) for code in codes)
    findings, by_rule = _findings_summary(tally.total)
    total = TotalMetrics(
        students=len(bundle.records(STUDENTS)),
        active_records=sum(s.active_records for s in schools),
        open_records=sum(s.open_records for s in schools),
        present_at_latest_headcount=sum(s.present_at_latest_headcount or 0 for s in schools),
        population=len(bundle.records(POPULATION)),
        findings=findings,
        findings_by_rule=by_rule,
    )
    return Metrics(
        total=total,
        schools=schools,
        counties=counties,
        whereabouts=whereabouts,
        not_known=not_known,
    )


def _school_metrics(
    school_id: str, school: _SchoolFigures, places: _Places, tally: _Tally
) -> SchoolMetrics:
    findings, by_rule = _findings_summary(tally.by_school.get(school_id, Counter()))
    return SchoolMetrics(
        school_id=school_id,
        active_records=school.active,
        open_records=school.open,
        latest_headcount_month=school.latest_month,
        present_at_latest_headcount=school.present,
        county=places.county_of_school(school_id),
        findings=findings,
        findings_by_rule=by_rule,
    )


def _county_metrics(code: str, schools: Sequence[SchoolMetrics], tally: _Tally) -> CountyMetrics:
    place = region(code) if code != UNKNOWN_COUNTY and code.isdigit() else None
    findings, by_rule = _findings_summary(tally.by_county.get(code, Counter()))
    return CountyMetrics(
        county=code,
        name=place.name if place else None,
        schools=len(schools),
        active_records=sum(s.active_records for s in schools),
        open_records=sum(s.open_records for s in schools),
        present_at_latest_headcount=sum(s.present_at_latest_headcount or 0 for s in schools),
        findings=findings,
        findings_by_rule=by_rule,
    )


def _whereabouts_counts(
    bundle: Bundle, places: _Places, *, as_of: dt.date, policy: Policy
) -> WhereaboutsCounts | None:
    """Children by whereabouts, overall, per school (of the open or latest record) and per
    county (of the household, else of the school)."""
    has_children = bool(bundle.records(STUDENTS)) or bool(bundle.records(POPULATION))
    if not has_children or not _has_whereabouts_parameters(policy):
        return None
    total: Counter[str] = Counter()
    schools: dict[str, Counter[str]] = defaultdict(Counter)
    counties: dict[str, Counter[str]] = defaultdict(Counter)
    for (found, school_id, household), times in whereabouts_tally(
        bundle, as_of=as_of, policy=policy
    ).items():
        status = found.value
        total[status] += times
        if school_id is not None:
            schools[school_id][status] += times
        county = county_code(household) or (
            places.county_of_school(school_id) if school_id else UNKNOWN_COUNTY
        )
        counties[county][status] += times
    return WhereaboutsCounts(
        total=_in_status_order(total),
        schools={k: _in_status_order(v) for k, v in sorted(schools.items())},
        counties={k: _in_status_order(v) for k, v in sorted(counties.items())},
    )


def _in_status_order(counts: Counter[str]) -> dict[str, int]:
    """Counts keyed in the order of :class:`WhereaboutsStatus` (in school first)."""
    return {s.value: counts[s.value] for s in WhereaboutsStatus if counts[s.value]}


def _has_whereabouts_parameters(policy: Policy) -> bool:
    keys = (TRANSFER_UNPLACED_AFTER_DAYS, ENROLMENT_DEFERRAL_GROUNDS, SUSPENSION_APPROVERS)
    return all(policy.is_in_force(key) for key in keys)
