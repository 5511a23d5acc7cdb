"""The rule engine: rules with their metadata, and the registry that is the catalogue.

A rule is a plain function registered with :func:`rule`. It receives one subject and a
:class:`RuleContext` (the bundle of records, the policy in force, the audit date) and
yields :class:`Observation` objects: the facts of one breach. The engine turns each
observation into a :class:`~dropout_control.findings.Finding` carrying the rule's ID,
severity, messages in Chinese and English, and the policy parameters it read with their
sources.

The registry is the single source of the rule catalogue: the ``rules`` command, the
docs' policy pages and the spec's rule IDs are all held against it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final, Generic, TypeVar, cast

import attrs

from dropout_control.errors import DuplicateRule, UnknownRule
from dropout_control.findings import (
    Citation,
    Finding,
    Message,
    ParameterUse,
    RuleId,
    Severity,
    SourceLocation,
    Subject,
)
from dropout_control.policy import Policy
from dropout_control.reasons import Reason, Stated

__all__ = [
    "CONSULTED",
    "REGISTRY",
    "Among",
    "Observation",
    "Rule",
    "RuleContext",
    "RuleRegistry",
    "among_kind",
    "observed",
    "observed_subjects",
    "parameter_use",
    "rule",
]

_Bundle = TypeVar("_Bundle")
_Item = TypeVar("_Item")


@attrs.frozen
class RuleContext(Generic[_Bundle]):
    """What every rule receives besides its subject.

    ``as_of`` is the audit date: rules never read the clock.
    """

    bundle: _Bundle
    policy: Policy
    as_of: dt.date
    _memo: dict[Hashable, object] = attrs.field(factory=dict, eq=False, repr=False, alias="memo")

    def memo(self, key: Hashable, compute: Callable[[], _Item]) -> _Item:
        """A value computed once per audit (a school year, a window), then reused.

        Rules use it for what depends only on the policy, the audit date and a few
        distinct values (an entry month), so that a million subjects do not compute it a
        million times. Keys are any hashable value; a rule prefixes its own (for example
        ``("entry_year", month)``) so that rules do not share entries by accident.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]


@attrs.frozen
class Observation:
    """One breach as a rule sees it, before the engine adds the rule's metadata.

    ``kind`` overrides the kind of the subject for rules about any row (INPUT rules).
    Facts hold data only: a reason the finding gives is a
    :class:`~dropout_control.reasons.Stated` reason (or a list of them), and the finding
    names the codes of every reason among its facts.
    """

    subject: Subject
    source: SourceLocation | None = None
    related: tuple[SourceLocation, ...] = ()
    facts: Mapping[str, object] = attrs.field(factory=dict)
    kind: str | None = None


Check = Callable[[Any, RuleContext[Any]], Iterable[Observation]]

Among = Callable[["RuleContext[Any]", str], "Sequence[object] | None"]
"""Picks, once per audit, the subjects of a kind that can breach a rule (in input
order); ``None`` when it cannot tell (every subject is then checked)."""


def among_kind(kind: str, pick: Callable[[RuleContext[Any]], Sequence[object]]) -> Among:
    """An ``among`` for a rule about one kind: ``pick`` names its subjects that can
    breach the rule, worked out once per audit (rules that share ``pick`` share what it
    picked); subjects of other kinds are not picked."""

    def among(context: RuleContext[Any], asked: str) -> Sequence[object] | None:
        if asked != kind:
            return None
        return context.memo(("rules.among", kind, pick), lambda: pick(context))

    return among


@attrs.frozen
class Rule:
    """A registered rule: its metadata and its check function."""

    id: RuleId
    severity: Severity
    about: tuple[str, ...]
    title: Message
    message: Message
    check: Check = attrs.field(repr=False, eq=False)
    parameters: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    needs: tuple[str, ...] = ()
    needs_fields: tuple[str, ...] = ()
    optional_parameters: tuple[str, ...] = ()
    doc: str = attrs.field(default="", repr=False, eq=False)
    precondition: Callable[[RuleContext[Any]], Stated | None] | None = attrs.field(
        default=None, repr=False, eq=False
    )
    among: Among | None = attrs.field(default=None, repr=False, eq=False)

    def subjects(
        self, subjects: Sequence[object], context: RuleContext[Any], *, kind: str
    ) -> Sequence[object]:
        """The subjects of ``kind`` worth checking: those ``among`` picks (the only ones
        that can breach the rule), else all of ``subjects``."""
        if self.among is None:
            return subjects
        picked = self.among(context, kind)
        return subjects if picked is None else picked

    def why_not_ready(self, context: RuleContext[Any]) -> Stated | None:
        """Why the rule cannot run in ``context`` (its precondition's reason), or ``None``."""
        return None if self.precondition is None else self.precondition(context)

    def run(self, subject: object, context: RuleContext[Any], *, kind: str) -> Iterator[Finding]:
        """Check one subject of ``kind`` and yield complete findings."""
        for _, finding in self.run_all((subject,), context, kind=kind):
            yield finding

    def run_all(
        self,
        subjects: Iterable[object],
        context: RuleContext[Any],
        *,
        kind: str,
        every: bool = False,
    ) -> Iterator[tuple[object, Finding]]:
        """Check every subject of ``kind``; yield each finding with the subject it is about.

        The loop an audit spends its time in: it calls the check directly and builds a
        finding (with the parameter uses, made once) only when the check yields one.
        ``every`` says that ``subjects`` are all the subjects of ``kind`` in the audit
        (or all that ``among`` picks: the others cannot breach the rule):
        the observations of a rule another rule consults (see :func:`observed`) are then
        kept in ``context`` for it, so that it need not check them again.
        """
        check = self.check
        uses: tuple[ParameterUse, ...] | None = None
        kept: dict[int, list[Observation]] | None = None
        if every and str(self.id) in CONSULTED:
            kept = {}
        for subject in subjects:
            for seen in check(subject, context):
                if kept is not None:
                    kept.setdefault(id(subject), []).append(seen)
                if uses is None:
                    uses = self.parameter_uses(context.policy)
                yield subject, self._finding(seen, kind, uses)
        if kept is not None:
            context.memo((_OBSERVED, str(self.id), kind), lambda: kept)

    def _finding(self, seen: Observation, kind: str, uses: tuple[ParameterUse, ...]) -> Finding:
        facts = dict(seen.facts)
        return Finding(
            reasons=tuple(_codes(facts.values())),
            rule=self.id,
            severity=self.severity,
            kind=seen.kind or kind,
            subject=seen.subject,
            message=self.message.format(facts),
            source=seen.source,
            related=seen.related,
            facts=facts,
            parameters=uses,
            title=self.title,
        )

    def parameter_uses(self, policy: Policy) -> tuple[ParameterUse, ...]:
        """The parameters this rule reads in ``policy``, with their sources, as findings
        carry them (optional parameters only where they are in force)."""
        optional = (k for k in self.optional_parameters if policy.is_in_force(k))
        return tuple(parameter_use(policy, key) for key in (*self.parameters, *optional))

    def missing_parameters(self, policy: Policy) -> tuple[str, ...]:
        """The parameters this rule reads that are not in force in ``policy``."""
        return tuple(key for key in self.parameters if not policy.is_in_force(key))


CONSULTED: set[str] = set()
"""IDs of rules whose observations another rule reads (the ledger's DO-001 reads
TR-006, SUS-004, REC-001 and AGE-002): an audit keeps them in its context."""

_OBSERVED: Final = "rules.observed"


def observed(
    rule_id: str, subject: object, kind: str, context: RuleContext[Any]
) -> list[Observation] | None:
    """What the rule ``rule_id`` observed about ``subject`` (a subject of ``kind``) in
    this audit, when it ran on every subject of the kind and is in :data:`CONSULTED`;
    ``None`` when that is not known (the caller then checks the subject itself)."""
    key = (_OBSERVED, rule_id, kind)
    memo = context._memo
    if key not in memo:
        return None
    kept = cast("dict[int, list[Observation]]", memo[key])
    return kept.get(id(subject), [])


def observed_subjects(rule_id: str, kind: str, context: RuleContext[Any]) -> frozenset[int] | None:
    """The ``id`` of every subject of ``kind`` the rule ``rule_id`` observed in this
    audit (see :func:`observed`); ``None`` when that is not known."""
    key = (_OBSERVED, rule_id, kind)
    memo = context._memo
    if key not in memo:
        return None
    return frozenset(cast("dict[int, list[Observation]]", memo[key]))


def _codes(values: Iterable[object]) -> Iterator[str]:
    """The codes of the reasons among facts: stated reasons (with those they cite), reasons
    and lists of them, in order, each once."""
    seen: set[str] = set()
    for code in _all_codes(values):
        if code not in seen:
            seen.add(code)
            yield code


def _all_codes(values: Iterable[object]) -> Iterator[str]:
    for value in values:
        if isinstance(value, Stated):
            yield value.code
            yield from _all_codes(value.facts.values())
        elif isinstance(value, Reason):
            yield value.code
        elif isinstance(value, list | tuple):
            yield from _all_codes(value)


def parameter_use(policy: Policy, key: str) -> ParameterUse:
    """The parameter ``key`` of ``policy`` as a finding quotes it: value, date,
    jurisdiction, source and mark."""
    parameter = policy[key]
    return ParameterUse(
        key=key,
        value=parameter.value,
        since=parameter.since,
        jurisdiction=parameter.jurisdiction,
        source=parameter.source,
        mark=parameter.mark,
    )


@attrs.define
class RuleRegistry:
    """Rules by ID. Iterating gives them in catalogue order (area order, then number)."""

    _rules: dict[RuleId, Rule] = attrs.field(factory=dict, alias="rules")
    _areas: tuple[str, ...] = attrs.field(
        default=("INPUT", "ID", "AGE", "REG", "TR", "SUS", "DO", "HT", "REC", "CERT", "AC"),
        alias="areas",
    )

    def extended(self) -> RuleRegistry:
        """A copy of this registry, for an application to add rules of its own to
        without changing the library's."""
        return RuleRegistry(dict(self._rules), self._areas)

    def add(self, item: Rule) -> Rule:
        """Register ``item``; an ID may be registered once only."""
        if item.id in self._rules:
            raise DuplicateRule(f"rule {item.id} is already registered")
        self._rules[item.id] = item
        return item

    def __getitem__(self, rule_id: str | RuleId) -> Rule:
        key = RuleId.parse(rule_id) if isinstance(rule_id, str) else rule_id
        try:
            return self._rules[key]
        except KeyError:
            raise UnknownRule(str(key)) from None

    def __contains__(self, rule_id: object) -> bool:
        key = RuleId.parse(rule_id) if isinstance(rule_id, str) else rule_id
        return key in self._rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=self._order))

    def __len__(self) -> int:
        return len(self._rules)

    def _order(self, item: Rule) -> tuple[int, int]:
        area = item.id.area
        rank = self._areas.index(area) if area in self._areas else len(self._areas)
        return (rank, item.id.number)

    def about(self, kind: str) -> tuple[Rule, ...]:
        """The rules that speak about records of ``kind``."""
        return tuple(item for item in self if kind in item.about)


REGISTRY = RuleRegistry()
"""The library's own rules, registered when their modules are imported."""


def rule(
    rule_id: str,
    *,
    severity: Severity,
    about: str | Iterable[str],
    title: tuple[str, str],
    message: tuple[str, str],
    parameters: Iterable[str] = (),
    citations: Iterable[Citation] = (),
    needs: Iterable[str] = (),
    needs_fields: Iterable[str] = (),
    optional_parameters: Iterable[str] = (),
    precondition: Callable[[RuleContext[Any]], Stated | None] | None = None,
    among: Among | None = None,
    registry: RuleRegistry = REGISTRY,
) -> Callable[[Callable[[_Item, RuleContext[Any]], Iterable[Observation]]], Rule]:
    """Register a check function as a rule.

    ``about`` names the kind (or kinds) of record the rule checks, one subject at a time.
    ``title`` and ``message`` are (Chinese, English) pairs; the message may name facts in
    braces, each language rendered from its own template (a reason among the facts shows
    its own text in that language; ``{party:PARTY}`` shows a coded value in words, see
    :mod:`dropout_control.reasons`). ``parameters`` lists the policy keys the rule
    reads (quoted in every finding); ``needs`` further input kinds without which the rule
    does not run, and ``needs_fields`` the ``kind.field`` names that at least one record
    must carry.
    ``optional_parameters`` are read when in force and quoted then; without them the rule
    still runs. ``precondition`` is asked once per audit, after the inputs and the
    parameters: a reason it gives reports the rule as not run (working days asked for a
    year the calendar does not hold). ``among`` serves a rule about a few records of a
    large kind (the home-taught among the students): given the context and a kind, it
    picks once per audit the subjects that can breach the rule, in input order, and
    the audit checks only those; the check must find nothing in the others (a property
    test runs every rule with ``among`` on all subjects to hold it to that).
    """
    kinds = (about,) if isinstance(about, str) else tuple(about)

    def register(check: Callable[[_Item, RuleContext[Any]], Iterable[Observation]]) -> Rule:
        return registry.add(
            Rule(
                id=RuleId.parse(rule_id),
                severity=severity,
                about=kinds,
                title=Message(*title),
                message=Message(*message),
                check=check,
                parameters=tuple(parameters),
                citations=tuple(citations),
                needs=tuple(needs),
                needs_fields=tuple(needs_fields),
                optional_parameters=tuple(optional_parameters),
                doc=(check.__doc__ or "").strip(),
                precondition=precondition,
                among=among,
            )
        )

    return register
