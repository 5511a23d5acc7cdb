"""dropout_control: China's compulsory-education dropout-control rules (控辍保学) as code.

Domain models and validators that county, township and school systems import so that
every application gives the same answer to the same question: is this child of school
age, is this transfer lawful, does this student qualify for that certificate, is this
closed case a real return or a paper one.

The public API is re-exported here; see the API reference in the docs.
"""

from importlib.metadata import PackageNotFoundError, version

from dropout_control import catalogue  # noqa: F401 - importing it registers every kind and rule
from dropout_control.api import audit
from dropout_control.auditing import audit_bundle
from dropout_control.bundle import Bundle
from dropout_control.errors import (
    DropoutControlError,
    DuplicateKind,
    ErrorFinding,
    InvalidRecord,
    InvalidResidentId,
    InvalidStudentNumber,
    ParameterNotInForce,
    ReportErrors,
    UnknownKind,
)
from dropout_control.findings import (
    Citation,
    Finding,
    Message,
    Report,
    RuleId,
    Severity,
    SourceLocation,
    Subject,
)
from dropout_control.identity import ResidentId, Sex, StudentNumber
from dropout_control.kinds import KINDS, Index, KindRegistry, Place, RecordKind
from dropout_control.policy import Layer, Policy, PolicyBook, resolve_policy
from dropout_control.rules import REGISTRY, Rule

try:
    __version__ = version("dropout-control")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "KINDS",
    "REGISTRY",
    "Bundle",
    "Citation",
    "DropoutControlError",
    "DuplicateKind",
    "ErrorFinding",
    "Finding",
    "Index",
    "InvalidRecord",
    "InvalidResidentId",
    "InvalidStudentNumber",
    "KindRegistry",
    "Layer",
    "Message",
    "ParameterNotInForce",
    "Place",
    "Policy",
    "PolicyBook",
    "RecordKind",
    "Report",
    "ReportErrors",
    "ResidentId",
    "Rule",
    "RuleId",
    "Severity",
    "Sex",
    "SourceLocation",
    "StudentNumber",
    "Subject",
    "UnknownKind",
    "__version__",
    "audit",
    "audit_bundle",
    "resolve_policy",
]
