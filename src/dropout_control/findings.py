"""Findings: what a rule reports about a record that breaks policy, and the report.

A record that breaks a rule is still a valid object: rules describe the breach as a
:class:`Finding` and never raise for it. Applications that want exceptions call
:meth:`Report.raise_for_errors`.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from dropout_control.errors import ErrorFinding, InvalidCode, InvalidRecord, ReportErrors
from dropout_control.identity.masking import MaskedRepr
from dropout_control.metrics import Metrics
from dropout_control.policy.values import Mark
from dropout_control.reasons import Message, Stated, reason

__all__ = [
    "Citation",
    "Finding",
    "InputSummary",
    "Message",
    "ParameterUse",
    "Report",
    "RuleId",
    "Severity",
    "SkippedRule",
    "SourceLocation",
    "Subject",
]


class Severity(enum.Enum):
    """How serious a finding is.

    ``error`` breaks a rule of law or of the registry; ``warning`` is a likely violation or
    a risk someone must look at; ``info`` is a fact worth showing.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for the most serious; used to sort and to pick the worst."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

_ID_FORM = reason(
    "RULE.ID_FORM",
    "应为领域加三位数字，如 ID-002",
    "expected an area and a three-digit number such as ID-002",
)
_ID_NUMBER = reason(
    "RULE.ID_NUMBER",
    "应为领域加 1 至 999 的编号",
    "expected an area and a number from 1 to 999",
)
_LINE_NUMBER = reason("INPUT.LINE_NUMBER", "行号从 1 开始", "a line number starts at 1")

_RULE_ID = re.compile(r"(?P<area>[A-Z]{2,6})-(?P<number>\d{3})")


@attrs.frozen(order=True)
class RuleId:
    """A stable rule identifier such as ``ID-002`` (area, then a three-digit number).

    IDs are a contract: reports print them and applications filter on them; they are
    never renumbered or reused.

    >>> RuleId.parse("AGE-002")
    RuleId('AGE-002')
    >>> RuleId.parse("age-2")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    dropout_control.errors.InvalidCode: rule='age-2': expected an area and a three-digit number...
    """

    area: str
    number: int

    def __attrs_post_init__(self) -> None:
        if not _RULE_ID.fullmatch(f"{self.area}-{self.number:03}"):
            raise InvalidCode("rule", _ID_NUMBER, shown=str(self))

    @classmethod
    def parse(cls, text: str) -> RuleId:
        """Read ``AREA-NNN``."""
        match = _RULE_ID.fullmatch(text.strip())
        if match is None:
            raise InvalidCode("rule", _ID_FORM, shown=text)
        return cls(match["area"], int(match["number"]))

    def __str__(self) -> str:
        return f"{self.area}-{self.number:03}"

    def __repr__(self) -> str:
        return f"RuleId({str(self)!r})"


@attrs.frozen
class Citation:
    """A policy source by document and article, with its confidence mark.

    >>> str(Citation("义务教育法", "art 11", Mark.CONFIRMED))
    '义务教育法 art 11 [C]'
    """

    document: str
    article: str = ""
    mark: Mark = Mark.SECONDARY
    note: str = ""

    def __str__(self) -> str:
        where = f"{self.document} {self.article}".strip()
        return f"{where} [{self.mark.value}]"


@attrs.frozen(order=True)
class SourceLocation:
    """Where a record came from: a file and its physical line (or a sheet's row).

    >>> str(SourceLocation("students.csv", 7))
    'students.csv:7'
    """

    file: str
    line: int

    def __attrs_post_init__(self) -> None:
        if self.line < 1:
            raise InvalidRecord("line", _LINE_NUMBER, shown=str(self.line))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@attrs.frozen(repr=False)
class Subject(MaskedRepr):
    """What a finding speaks about: a person's number (masked) or a record's key.

    ``shown`` is what every output prints by default; the clear value comes only from
    :meth:`reveal`.

    >>> subject = Subject.personal("G11010519491231002X", shown="G110105**********2X")
    >>> str(subject)
    'G110105**********2X'
    >>> subject.reveal()
    'G11010519491231002X'
    """

    shown: str
    _clear: str = attrs.field(alias="clear", eq=True)

    @classmethod
    def personal(cls, clear: str, *, shown: str) -> Subject:
        """A subject that is personal data: shown masked unless revealed."""
        return cls(shown=shown, clear=clear)

    @classmethod
    def public(cls, key: str) -> Subject:
        """A subject that is not personal (a transfer ID, a school code)."""
        return cls(shown=key, clear=key)

    def reveal(self) -> str:
        """The clear value. Call only where the caller asked for it."""
        return self._clear

    def __str__(self) -> str:
        return self.shown

    def __repr__(self) -> str:
        return f"Subject({self.shown!r})"


@attrs.frozen
class ParameterUse:
    """A policy parameter a finding relied on: key, value and where the value comes from."""

    key: str
    value: object
    since: dt.date
    jurisdiction: str
    source: str
    mark: Mark


def _frozen_mapping(value: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(value))


@attrs.frozen
class Finding(MaskedRepr):
    """One rule's report about one subject.

    It carries the facts the rule used, including the policy parameters and their
    sources, so a reader can see why it fired. The facts are data (codes, dates,
    numbers, reasons with their own facts); the message is rendered from them, and
    ``reasons`` names the code of every reason the finding gives.
    """

    rule: RuleId
    severity: Severity
    kind: str
    subject: Subject
    message: Message
    source: SourceLocation | None = None
    related: tuple[SourceLocation, ...] = ()
    facts: Mapping[str, object] = attrs.field(factory=dict, converter=_frozen_mapping)
    parameters: tuple[ParameterUse, ...] = ()
    title: Message | None = attrs.field(default=None, eq=False)
    reasons: tuple[str, ...] = ()
    """The codes of the reasons the finding gives, in the order its message gives them."""

    @property
    def sort_key(self) -> tuple[str, int, RuleId, str]:
        """Findings are listed by file, line, rule (then subject for stability)."""
        where = self.source or SourceLocation("", 1)
        return (where.file, where.line, self.rule, self.subject.shown)

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.rule} {self.severity.value} {self.subject}: {self.message.en}"


def _in_report_order(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(items, key=lambda finding: finding.sort_key))


@attrs.frozen
class SkippedRule:
    """A rule that did not run, and why (missing input, parameter not in force).

    ``reason`` is the reason with its facts (``RULE.NO_INPUT`` and the kinds missing …);
    ``message`` its text in both languages.
    """

    rule: RuleId
    reason: Stated
    message: Message = attrs.field(
        default=attrs.Factory(lambda self: self.reason.message, takes_self=True), eq=False
    )

    @property
    def why(self) -> str:
        """Why the rule did not run, in English."""
        return self.message.en


@attrs.frozen
class InputSummary:
    """What was read from one input file: rows, records made, rows rejected."""

    file: str
    kind: str
    rows: int
    records: int
    rejected: int


@attrs.frozen
class Report:
    """The outcome of an audit: findings sorted by file, line and rule, what ran, what was
    read, and the figures (:class:`~dropout_control.metrics.Metrics`)."""

    as_of: dt.date
    jurisdiction: str
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_in_report_order)
    skipped_rules: tuple[SkippedRule, ...] = ()
    inputs: tuple[InputSummary, ...] = ()
    unknown_files: tuple[str, ...] = ()
    unknown_columns: Mapping[str, tuple[str, ...]] = attrs.field(
        factory=dict, converter=_frozen_mapping
    )
    metrics: Metrics = attrs.field(factory=Metrics)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error (the command line then exits 1)."""
        return any(f.severity is Severity.ERROR for f in self.findings)

    def counts(self) -> dict[Severity, int]:
        """Findings per severity, every severity present (zero where none)."""
        counted = Counter(f.severity for f in self.findings)
        return {severity: counted.get(severity, 0) for severity in Severity}

    def by_rule(self) -> dict[RuleId, int]:
        """Findings per rule, in rule order."""
        counted = Counter(f.rule for f in self.findings)
        return dict(sorted(counted.items()))

    def select(self, *rules: str | RuleId) -> tuple[Finding, ...]:
        """The findings of the given rules."""
        wanted = {RuleId.parse(r) if isinstance(r, str) else r for r in rules}
        return tuple(f for f in self.findings if f.rule in wanted)

    def raise_for_errors(self) -> None:
        """Raise one :class:`~dropout_control.errors.ReportErrors` holding every error.

        Does nothing when there is no error-severity finding.
        """
        errors = self.errors
        if errors:
            raise ReportErrors(
                f"{len(errors)} error finding(s) as of {self.as_of.isoformat()}",
                [ErrorFinding(f) for f in errors],
            )
