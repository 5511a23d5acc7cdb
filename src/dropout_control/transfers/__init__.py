"""Transfers between schools (转学): records, the approval workflow and the rules."""

from dropout_control.transfers.model import ApprovalParty, Transfer, TransferStatus
from dropout_control.transfers.workflow import Step, approval_order, approve, next_step, reject

__all__ = [
    "ApprovalParty",
    "Step",
    "Transfer",
    "TransferStatus",
    "approval_order",
    "approve",
    "next_step",
    "reject",
]
