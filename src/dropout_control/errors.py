"""The library's errors.

Everything the library raises derives from :class:`DropoutControlError`. Each leaf is
named by the kind of wrongness and also derives from the builtin that a caller would
naturally catch (``ValueError`` for a value that cannot exist, ``LookupError`` for
something asked for that is not there), so ``except ValueError`` keeps working in code
that does not know this library.

Messages name the field and show personal values masked; the raw value, where one is
kept, is an attribute that the caller reads on purpose.

A record that breaks a policy rule is *not* an error: rules report it as a
:class:`~dropout_control.findings.Finding`. These classes are for objects that cannot
exist and for requests that cannot be answered.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the reasons module imports this one
    from dropout_control.reasons import Message, Reason, Stated

__all__ = [
    "DropoutControlError",
    "DuplicateKind",
    "DuplicateReason",
    "DuplicateRule",
    "ErrorFinding",
    "InvalidCode",
    "InvalidDate",
    "InvalidLunarDate",
    "InvalidPolicyLayer",
    "InvalidRecord",
    "InvalidResidentId",
    "InvalidStudentNumber",
    "OutOfOrderApproval",
    "ParameterNotInForce",
    "ReportErrors",
    "UnknownJurisdiction",
    "UnknownKind",
    "UnknownParameter",
    "UnknownReason",
    "UnknownRule",
    "UnreadableInput",
    "WorkingDaysNotCovered",
]


class DropoutControlError(Exception):
    """Root of every error this library raises."""


class _GivesReason:
    """An error whose reason is a code with facts (``stated``), as findings give theirs."""

    stated: Stated

    @property
    def code(self) -> str:
        """The code of the reason (``ID.CHECK_CHARACTER``, ``TR.NOT_YOUR_TURN`` …)."""
        return self.stated.code

    @property
    def facts(self) -> Mapping[str, object]:
        """The facts of the reason (the character expected, the party …)."""
        return self.stated.facts

    @property
    def message(self) -> Message:
        """The reason in Chinese and English, rendered from the facts."""
        return self.stated.message


class InvalidRecord(_GivesReason, DropoutControlError, ValueError):
    """A value or record that cannot exist.

    ``field`` names the offending field; ``code`` is the code of the
    :class:`~dropout_control.reasons.Reason` that says what is wrong and ``facts`` the
    facts its texts are rendered from (``stated`` holds both, ``message`` the texts in
    Chinese and English); ``reason`` is the English text. ``shown`` is the value as it
    may be displayed (masked where it is personal data).
    """

    def __init__(
        self,
        field: str,
        reason: Reason,
        *,
        shown: str | None = None,
        facts: Mapping[str, object] | None = None,
    ) -> None:
        self.field = field
        self.stated: Stated = reason.given(**facts) if facts else reason.given()
        self.shown = shown
        # The texts are rendered when asked for: validators raise this on a hot path
        # (``is_valid`` on a million numbers) where nobody reads them.
        super().__init__(field)

    def __str__(self) -> str:
        where = f"{self.field}={self.shown!r}" if self.shown is not None else self.field
        return f"{where}: {self.reason}"

    @property
    def reason(self) -> str:
        """The reason in English words."""
        return self.stated.message.en


class InvalidResidentId(InvalidRecord):
    """A resident ID number (居民身份证号) that is not a valid GB 11643 number."""

    def __init__(
        self,
        reason: Reason,
        *,
        shown: str | None = None,
        field: str = "resident_id",
        facts: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(field, reason, shown=shown, facts=facts)


class InvalidStudentNumber(InvalidRecord):
    """A national student number (学籍号) that is not of the G, L or J form."""

    def __init__(
        self,
        reason: Reason,
        *,
        shown: str | None = None,
        field: str = "student_number",
        facts: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(field, reason, shown=shown, facts=facts)


class InvalidCode(InvalidRecord):
    """A code that is not among the allowed values (a region, a grade, a status)."""


class InvalidDate(InvalidRecord):
    """A date that cannot exist, or a date range whose end comes before its start."""


class InvalidLunarDate(InvalidDate):
    """A lunar date that does not exist (a 30th in a short month, a leap month that
    the year does not have) or lies outside the range the calendar covers."""


class OutOfOrderApproval(_GivesReason, DropoutControlError, ValueError):
    """An approval of a transfer (转学审核) that cannot be recorded as asked.

    Raised when a party approves out of turn, when the transfer is already completed or
    rejected, or when the date given is before the previous step. ``transfer_id`` and
    ``party`` name the transfer and the party that tried; ``expected`` is the party whose
    turn it is (``None`` when no approval is expected: the transfer is closed or every
    party has approved); ``code`` and ``facts`` are the reason's, ``message`` its texts
    in Chinese and English and ``reason`` its English text.
    """

    def __init__(
        self,
        transfer_id: str,
        party: object,
        expected: object | None,
        reason: Reason,
        *,
        facts: Mapping[str, object] | None = None,
    ) -> None:
        self.transfer_id = transfer_id
        self.party = party
        self.expected = expected
        self.stated: Stated = reason.given(**(facts or {}))
        self.reason = self.message.en
        turn = (
            f"the party expected is {expected}"
            if expected is not None
            else "no approval is expected"
        )
        super().__init__(f"transfer {transfer_id!r}: {self.reason}; {turn}")


class UnknownJurisdiction(DropoutControlError, LookupError):
    """A jurisdiction code for which the library holds no policy layer."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"jurisdiction {code!r}: no policy layer is known for this code")


class UnknownParameter(DropoutControlError, KeyError):
    """A policy parameter key that no layer defines."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)

    def __str__(self) -> str:
        return f"policy parameter {self.key!r} is not defined"


class ParameterNotInForce(DropoutControlError, LookupError):
    """A parameter asked for on a date before its first value came into force.

    The library does not guess what applied before a rule existed.
    """

    def __init__(self, key: str, on: object, first: object) -> None:
        self.key = key
        self.on = on
        self.first = first
        super().__init__(
            f"policy parameter {key!r} has no value in force on {on}; "
            f"its first value is in force from {first}"
        )


class WorkingDaysNotCovered(DropoutControlError, LookupError):
    """Working days asked for in a year whose official days off the calendar does not hold.

    The library does not fall back to plain weekdays: a layer adds the year (see the
    how-to on a policy layer of your own).
    """

    def __init__(self, year: int, covered: str) -> None:
        self.year = year
        self.covered = covered
        super().__init__(
            f"working days in {year} are not known: calendar.working_day_arrangements "
            f"covers {covered}; add the State Council's arrangements for {year} in a layer"
        )


class InvalidPolicyLayer(DropoutControlError, ValueError):
    """A policy layer (a TOML file or a mapping) that is malformed.

    ``where`` names the file (with its line, when the file says where) and the place in
    the layer (``parameters.enrolment.age.values[0]``); ``stated`` is the reason with its
    facts, ``code`` its code (``POLICY.UNKNOWN_KEY`` …) and ``reason`` its English text.
    ``token`` is the name or value at fault, by which a file's line is found.
    """

    def __init__(
        self,
        where: str,
        reason: Reason,
        *,
        facts: Mapping[str, object] | None = None,
        token: str | None = None,
    ) -> None:
        self.where = where
        self.stated: Stated = reason.given(**(facts or {}))
        self.reason = self.stated.message.en
        self.token = token
        super().__init__(f"{where}: {self.reason}")

    @property
    def code(self) -> str:
        """The code of the reason."""
        return self.stated.code

    def at(self, where: str) -> InvalidPolicyLayer:
        """The same error, placed at ``where`` (a file and line)."""
        placed = InvalidPolicyLayer.__new__(InvalidPolicyLayer)
        placed.where = where
        placed.stated = self.stated
        placed.reason = self.reason
        placed.token = self.token
        ValueError.__init__(placed, f"{where}: {self.reason}")
        return placed


class UnknownRule(DropoutControlError, LookupError):
    """A rule ID that is not in the registry."""

    def __init__(self, rule_id: str) -> None:
        self.rule_id = rule_id
        super().__init__(f"rule {rule_id!r} is not registered")


class UnreadableInput(_GivesReason, DropoutControlError, OSError):
    """An input file or folder that cannot be read at all (missing, undecodable, not a table).

    ``path`` names the file or folder as given; ``stated`` is the reason with its facts
    (``code`` its code) and ``reason`` its English text. A bad row or cell is not this
    error: it becomes an INPUT-001 finding and reading goes on.
    """

    def __init__(
        self, path: object, reason: Reason, *, facts: Mapping[str, object] | None = None
    ) -> None:
        self.path = str(path)
        self.stated: Stated = reason.given(**(facts or {}))
        self.reason = self.stated.message.en
        super().__init__(f"{self.path}: cannot be read: {self.reason}")

    def __str__(self) -> str:
        return f"{self.path}: cannot be read: {self.reason}"


class DuplicateRule(DropoutControlError, ValueError):
    """A rule ID registered twice: IDs are unique in a registry."""


class DuplicateKind(DropoutControlError, ValueError):
    """A record kind declared twice, or sharing a file name or record class with another."""


class UnknownKind(DropoutControlError, KeyError):
    """A record kind name that no declaration registered."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(name)

    def __str__(self) -> str:
        return f"no record kind named {self.name!r} is declared"


class DuplicateReason(DropoutControlError, ValueError):
    """A reason code registered twice: codes are unique in a catalogue."""


class UnknownReason(DropoutControlError, LookupError):
    """A reason code that is not in the catalogue."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"reason {code!r} is not in the catalogue")


class ReportErrors(DropoutControlError, ExceptionGroup):
    """Every error-severity finding of a report, raised together.

    Raised by :meth:`dropout_control.findings.Report.raise_for_errors` for applications
    that prefer exceptions. Each member is a :class:`ErrorFinding` whose ``finding``
    attribute is the finding itself.
    """

    def __new__(cls, message: str, exceptions: list[ErrorFinding]) -> ReportErrors:
        return super().__new__(cls, message, exceptions)

    def derive(self, excs: list[ErrorFinding]) -> ReportErrors:  # type: ignore[override]
        return ReportErrors(self.message, excs)


class ErrorFinding(DropoutControlError):
    """One error-severity finding as an exception (a member of :class:`ReportErrors`)."""

    def __init__(self, finding: object) -> None:
        self.finding = finding
        super().__init__(str(finding))
