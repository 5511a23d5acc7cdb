"""The figures of a report (指标): records, roll calls and findings, overall, per school and
per county, and children by whereabouts.

These are plain frozen value classes: the audit fills them in
(:func:`dropout_control.auditing.audit_bundle`), the report writers print them and the
edge converter (:mod:`dropout_control.io.plain`) turns them into the ``metrics`` part of
the JSON report and back.

>>> counts = FindingCounts(error=2, warning=1)
>>> counts.total
3
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from dropout_control.reasons import Stated

__all__ = [
    "CaseCounts",
    "CohortRetention",
    "CountyMetrics",
    "FindingCounts",
    "LedgerMetrics",
    "Metrics",
    "NotKnown",
    "PlaceRetention",
    "RetentionMetrics",
    "SchoolMetrics",
    "TotalMetrics",
    "WhereaboutsCounts",
]


def _counts(value: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(value))


def _counts_by_place(value: Mapping[str, Mapping[str, int]]) -> Mapping[str, Mapping[str, int]]:
    return MappingProxyType({place: _counts(counts) for place, counts in value.items()})


@attrs.frozen
class FindingCounts:
    """Findings per severity (every severity, zero where none)."""

    error: int = 0
    warning: int = 0
    info: int = 0

    @property
    def total(self) -> int:
        """Findings of every severity."""
        return self.error + self.warning + self.info


@attrs.frozen(kw_only=True)
class CaseCounts:
    """Cases of the dropout ledger (台账) by what became of them on the audit date:
    opened by then, returned (back in school, consolidated or not), consolidated (still
    in school a term later), dropped out again, still open (the child still out)."""

    opened: int = 0
    returned: int = 0
    consolidated: int = 0
    dropped_out_again: int = 0
    still_open: int = 0


def _case_counts(value: Mapping[str, CaseCounts]) -> Mapping[str, CaseCounts]:
    return MappingProxyType(dict(sorted(value.items())))


@attrs.frozen(kw_only=True)
class LedgerMetrics:
    """The figures of the dropout ledger: cases overall, by cause and by county (the
    county of the child's record, else of its resident ID; ``unknown`` when neither
    tells), and the median days from suspicion to registration (cases whose child is a
    suspect the audit can date, on or before the case was opened) and from registration
    to return (``None`` when no case gives one)."""

    cases: CaseCounts = attrs.field(factory=CaseCounts)
    by_cause: Mapping[str, CaseCounts] = attrs.field(factory=dict, converter=_case_counts)
    by_county: Mapping[str, CaseCounts] = attrs.field(factory=dict, converter=_case_counts)
    median_days_suspicion_to_registration: float | None = None
    median_days_registration_to_return: float | None = None


@attrs.frozen(kw_only=True)
class TotalMetrics:
    """The figures of the whole audit.

    ``present_at_latest_headcount`` adds up each school's latest monthly roll call;
    ``findings_by_rule`` is keyed by rule ID, in rule order.
    """

    students: int = 0
    active_records: int = 0
    open_records: int = 0
    present_at_latest_headcount: int = 0
    population: int = 0
    findings: FindingCounts = attrs.field(factory=FindingCounts)
    findings_by_rule: Mapping[str, int] = attrs.field(factory=dict, converter=_counts)


@attrs.frozen(kw_only=True)
class SchoolMetrics:
    """The figures of one school (学校).

    ``county`` is the county most of its students' household registrations name
    (``unknown`` when none does); the headcount figures are ``None`` for a school with
    no monthly roll call.
    """

    school_id: str
    active_records: int = 0
    open_records: int = 0
    latest_headcount_month: str | None = None
    present_at_latest_headcount: int | None = None
    county: str
    findings: FindingCounts = attrs.field(factory=FindingCounts)
    findings_by_rule: Mapping[str, int] = attrs.field(factory=dict, converter=_counts)


@attrs.frozen(kw_only=True)
class CountyMetrics:
    """The figures of one county (县), the sums of its schools and the findings about
    its children; ``name`` is the county's name when the code is a known one."""

    county: str
    name: str | None = None
    schools: int = 0
    active_records: int = 0
    open_records: int = 0
    present_at_latest_headcount: int = 0
    findings: FindingCounts = attrs.field(factory=FindingCounts)
    findings_by_rule: Mapping[str, int] = attrs.field(factory=dict, converter=_counts)


@attrs.frozen(kw_only=True)
class WhereaboutsCounts:
    """Children by whereabouts (去向) on the audit date: overall, per school (of the open
    or latest record) and per county (of the household, else of the school).

    Each count is keyed by the whereabouts status, in the order of
    :class:`~dropout_control.whereabouts.WhereaboutsStatus` (in school first); a status
    no child has is left out.
    """

    total: Mapping[str, int] = attrs.field(factory=dict, converter=_counts)
    schools: Mapping[str, Mapping[str, int]] = attrs.field(factory=dict, converter=_counts_by_place)
    counties: Mapping[str, Mapping[str, int]] = attrs.field(
        factory=dict, converter=_counts_by_place
    )


@attrs.frozen
class NotKnown:
    """A figure the audit cannot give, and why (``METRIC.KIND_NOT_READ``,
    ``METRIC.KIND_ABSENT``): a kind it depends on was not read or not given.

    ``figure`` names the figure: ``whereabouts``, or a field of :class:`TotalMetrics`
    (``students``, ``population``, ``present_at_latest_headcount`` …), whose count then
    holds only what was read.
    """

    figure: str
    reason: Stated


@attrs.frozen(kw_only=True)
class CohortRetention:
    """The nine-year retention rate (巩固率) of one cohort, counted twice.

    ``final_year`` is the school year of the cohort's final grade (``2017-2018``);
    ``entered`` the children of the input who entered grade 1 nine years earlier (by
    the entry dates of their records). The base is ``entered`` less those who
    transferred out of the input (``transferred_out``) and those who died or emigrated
    (``left``), plus those counted at the end who had not entered with the cohort here
    (``transferred_in``). ``in_final_grade`` counts the students on an active
    final-grade record at the end of the final year; ``completers_all`` the others
    who hold a graduation or completion certificate of that year, ``completers_passing``
    those whose certificate passes its rules. ``rate_all`` counts every certificate,
    ``rate_passing`` only those that pass; ``inflation`` is the difference in students
    (irregular certificates of completers not on an active final-grade record). A rate
    is ``None`` with ``why_not`` when the input cannot support it; the completers and
    the inflation are ``None`` too when no certificates were read (they are not known,
    not zero).
    """

    final_year: str
    entered: int = 0
    transferred_in: int = 0
    transferred_out: int = 0
    left: int = 0
    base: int = 0
    in_final_grade: int = 0
    completers_all: int | None = 0
    completers_passing: int | None = 0
    rate_all: float | None = None
    rate_passing: float | None = None
    inflation: int | None = 0
    why_not: Stated | None = None


@attrs.frozen(kw_only=True)
class PlaceRetention:
    """The retention of each cohort at one place: a school, a township or a county."""

    place: str
    cohorts: tuple[CohortRetention, ...] = ()


@attrs.frozen(kw_only=True)
class RetentionMetrics:
    """Retention rates (巩固率) per cohort: for the whole input, per school, township and
    county, against the target ``retention.target`` (``None`` when not in force).

    ``why_not`` says why no rate can be given at all (no students, no cohort history);
    ``certificates_not_known`` why the completers by certificate, and so the rates, are
    not known (no ``certificates`` input, or its file could not be read: each cohort
    then keeps its base and final-grade count, with that reason);
    ``townships_not_known`` why there are no figures by township (no ``schools``
    input, or no township given for the schools).
    """

    target: float | None = None
    total: tuple[CohortRetention, ...] = ()
    schools: tuple[PlaceRetention, ...] = ()
    townships: tuple[PlaceRetention, ...] = ()
    counties: tuple[PlaceRetention, ...] = ()
    why_not: Stated | None = None
    certificates_not_known: Stated | None = None
    townships_not_known: Stated | None = None


@attrs.frozen(kw_only=True)
class Metrics:
    """Every figure of a report: overall, per school and per county (both sorted by
    code), and children by whereabouts (``None``, null in JSON, when the audit could not
    say: no students nor population, a policy without the parameters it needs, or a kind
    it depends on not read). ``ledger`` holds the dropout ledger's figures (``None``
    without a ledger: no ``cases`` file).

    ``not_known`` lists the figures the audit cannot give and why: a file of a kind could
    not be read (whereabouts then says nothing rather than "out of school" for every
    child it did not find), or a kind they need was not given.

    ``records_skipped`` counts, per rule that ran, the records it could not judge: a field
    it needs (its ``needs_fields``) was written but could not be read, and the record was
    kept with the field unknown (INPUT-003). Rules left out skipped none.

    ``retention`` holds the nine-year retention rates (``None`` when no students were
    read).
    """

    total: TotalMetrics = attrs.field(factory=TotalMetrics)
    schools: tuple[SchoolMetrics, ...] = ()
    counties: tuple[CountyMetrics, ...] = ()
    whereabouts: WhereaboutsCounts | None = None
    ledger: LedgerMetrics | None = None
    not_known: tuple[NotKnown, ...] = ()
    records_skipped: Mapping[str, int] = attrs.field(factory=dict, converter=_counts)
    retention: RetentionMetrics | None = None
