"""Completion of compulsory education and its certificates (毕业证书、义务教育完成证书):
the records, who may get which certificate, and whether a child has completed."""

from dropout_control.completion.eligibility import (
    Eligibility,
    Ineligibility,
    certificate_eligibility,
    eligibility,
)
from dropout_control.completion.model import (
    Certificate,
    CertificateKind,
    School,
    SchoolStage,
    Stage,
)
from dropout_control.completion.standing import final_grade, stage_ended
from dropout_control.completion.status import (
    Completion,
    CompletionStatus,
    completion_status,
    passing_certificates,
    register_exemption,
)

__all__ = [
    "Certificate",
    "CertificateKind",
    "Completion",
    "CompletionStatus",
    "Eligibility",
    "Ineligibility",
    "School",
    "SchoolStage",
    "Stage",
    "certificate_eligibility",
    "completion_status",
    "eligibility",
    "final_grade",
    "passing_certificates",
    "register_exemption",
    "stage_ended",
]
