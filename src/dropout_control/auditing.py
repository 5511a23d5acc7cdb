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
from typing import Any

from dropout_control.bundle import Bundle
from dropout_control.catalogue import load_rules
from dropout_control.findings import Finding, InputSummary, Report, Severity, SkippedRule
from dropout_control.identity import region
from dropout_control.policy import NATIONAL, Layer, Policy, resolve_policy
from dropout_control.policy.keys import ENROLMENT_DEFERRAL_GROUNDS
from dropout_control.population.kinds import POPULATION
from dropout_control.reconciliation.queries import latest_headcounts
from dropout_control.registry.kinds import STUDENTS, UNKNOWN_COUNTY, county_code
from dropout_control.registry.queries import county_of_school
from dropout_control.rules import Rule, RuleContext, RuleRegistry
from dropout_control.suspensions.keys import SUSPENSION_APPROVERS
from dropout_control.transfers.keys import TRANSFER_UNPLACED_AFTER_DAYS
from dropout_control.whereabouts import WhereaboutsStatus, whereabouts_of_all

__all__ = ["UNKNOWN_COUNTY", "run_audit"]

_ROW_KINDS = {"rejections", "duplicates"}


def run_audit(
    bundle: Bundle,
    *,
    as_of: dt.date,
    jurisdiction: str = NATIONAL,
    layers: Iterable[Layer] = (),
    registry: RuleRegistry | None = None,
    inputs: Sequence[InputSummary] = (),
    unknown_files: Sequence[str] = (),
    unknown_columns: Mapping[str, Sequence[str]] | None = None,
) -> Report:
    """Audit ``bundle`` as of ``as_of`` under the policy of ``jurisdiction``.

    ``layers`` stacks an application's own policy layers; ``registry`` defaults to the
    library's full rule catalogue.
    """
    policy = resolve_policy(jurisdiction, on=as_of, layers=layers)
    rules = registry if registry is not None else load_rules()
    context: RuleContext[Bundle] = RuleContext(bundle=bundle, policy=policy, as_of=as_of)
    places = _Places(bundle)
    findings: list[Finding] = []
    skipped: list[SkippedRule] = []
    tally = _Tally()
    for item in rules:
        why = _why_not_run(item, bundle, policy) or item.why_not_ready(context)
        if why is not None:
            skipped.append(SkippedRule(item.id, why))
            continue
        for kind in item.about:
            for subject, finding in item.run_all(_subjects(bundle, kind), context, kind=kind):
                findings.append(finding)
                tally.add(finding, *places.of(subject, kind))
    metrics = _metrics(bundle, places, tally, policy)
    metrics["whereabouts"] = _whereabouts_counts(bundle, places, as_of=as_of, policy=policy)
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


def _subjects(bundle: Bundle, kind: str) -> Sequence[object]:
    if kind in _ROW_KINDS:
        return bundle.rejections if kind == "rejections" else bundle.duplicates
    return bundle.records(kind)


def _why_not_run(item: Rule, bundle: Bundle, policy: Policy) -> str | None:
    row_rule = all(kind in _ROW_KINDS for kind in item.about)
    if not row_rule and not any(kind in bundle.kinds for kind in item.about):
        return f"no {' or '.join(item.about)} file"
    missing = [kind for kind in item.needs if kind not in bundle.kinds]
    if missing:
        return f"no {' or '.join(missing)} file"
    for needed in item.needs_fields:
        kind, _, field = needed.partition(".")
        if not bundle.has_field(kind, field):
            return f"no {kind} record has {field}"
    not_in_force = item.missing_parameters(policy)
    if not_in_force:
        first = policy.not_in_force
        named = ", ".join(f"{key} (from {first[key].isoformat()})" for key in not_in_force)
        return f"parameter not in force on {policy.on.isoformat()}: {named}"
    return None


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


def _findings_summary(counts: Counter[tuple[str, str]]) -> dict[str, Any]:
    by_severity = Counter[str]()
    by_rule = Counter[str]()
    for (rule_id, severity), n in counts.items():
        by_severity[severity] += n
        by_rule[rule_id] += n
    return {
        "findings": {severity.value: by_severity.get(severity.value, 0) for severity in Severity},
        "findings_by_rule": dict(sorted(by_rule.items())),
    }


def _metrics(bundle: Bundle, places: _Places, tally: _Tally, policy: Policy) -> dict[str, Any]:
    schools: dict[str, dict[str, Any]] = {}
    for record in bundle.records(STUDENTS):
        entry = schools.setdefault(
            record.school_id,
            {"school_id": record.school_id, "active_records": 0, "open_records": 0},
        )
        entry["active_records"] += record.status.value == "active"
        entry["open_records"] += record.is_open
    latest = latest_headcounts(bundle)
    for school_id, month in latest.latest_month.items():
        entry = schools.setdefault(
            school_id, {"school_id": school_id, "active_records": 0, "open_records": 0}
        )
        roll = latest.rolls.get(school_id, {})
        entry["latest_headcount_month"] = str(month)
        # A row is keyed by both its numbers: count each row once.
        entry["present_at_latest_headcount"] = len({id(e) for e in roll.values() if e.present})
    for school_id, entry in schools.items():
        entry["county"] = places.county_of_school(school_id)
        entry.setdefault("latest_headcount_month", None)
        entry.setdefault("present_at_latest_headcount", None)
        entry.update(_findings_summary(tally.by_school.get(school_id, Counter())))
    counties: dict[str, dict[str, Any]] = {}
    for entry in schools.values():
        county = counties.setdefault(entry["county"], _county_entry(entry["county"]))
        county["schools"] += 1
        county["active_records"] += entry["active_records"]
        county["open_records"] += entry["open_records"]
        county["present_at_latest_headcount"] += entry["present_at_latest_headcount"] or 0
    for code in tally.by_county:
        counties.setdefault(code, _county_entry(code))
    for code, county in counties.items():
        county.update(_findings_summary(tally.by_county.get(code, Counter())))
    total = {
        "students": len(bundle.records(STUDENTS)),
        "active_records": sum(e["active_records"] for e in schools.values()),
        "open_records": sum(e["open_records"] for e in schools.values()),
        "present_at_latest_headcount": sum(
            e["present_at_latest_headcount"] or 0 for e in schools.values()
        ),
        "population": len(bundle.records(POPULATION)),
        **_findings_summary(tally.total),
    }
    return {
        "total": total,
        "schools": [schools[key] for key in sorted(schools)],
        "counties": [counties[key] for key in sorted(counties)],
    }


def _whereabouts_counts(
    bundle: Bundle, places: _Places, *, as_of: dt.date, policy: Policy
) -> dict[str, Any]:
    """Children by whereabouts, overall, per school (of the open or latest record) and per
    county (of the household, else of the school)."""
    has_children = bool(bundle.records(STUDENTS)) or bool(bundle.records(POPULATION))
    if not has_children or not _has_whereabouts_parameters(policy):
        return {}
    total: Counter[str] = Counter()
    schools: dict[str, Counter[str]] = defaultdict(Counter)
    counties: dict[str, Counter[str]] = defaultdict(Counter)
    for found in whereabouts_of_all(bundle, as_of=as_of, policy=policy, with_evidence=False):
        status = found.status.value
        total[status] += 1
        if found.school_id is not None:
            schools[found.school_id][status] += 1
        county = county_code(found.county) or (
            places.county_of_school(found.school_id) if found.school_id else UNKNOWN_COUNTY
        )
        counties[county][status] += 1
    return {
        "total": _in_status_order(total),
        "schools": {k: _in_status_order(v) for k, v in sorted(schools.items())},
        "counties": {k: _in_status_order(v) for k, v in sorted(counties.items())},
    }


def _in_status_order(counts: Counter[str]) -> dict[str, int]:
    """Counts keyed in the order of :class:`WhereaboutsStatus` (in school first)."""
    return {s.value: counts[s.value] for s in WhereaboutsStatus if counts[s.value]}


def _has_whereabouts_parameters(policy: Policy) -> bool:
    keys = (TRANSFER_UNPLACED_AFTER_DAYS, ENROLMENT_DEFERRAL_GROUNDS, SUSPENSION_APPROVERS)
    return all(policy.is_in_force(key) for key in keys)


def _county_entry(code: str) -> dict[str, Any]:
    place = region(code) if code != UNKNOWN_COUNTY and code.isdigit() else None
    return {
        "county": code,
        "name": place.name if place else None,
        "schools": 0,
        "active_records": 0,
        "open_records": 0,
        "present_at_latest_headcount": 0,
    }
