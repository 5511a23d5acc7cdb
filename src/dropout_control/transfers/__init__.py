"""Transfers between schools (转学): records, the approval workflow and the rules."""

from dropout_control.transfers.model import ApprovalParty, Transfer, TransferStatus

__all__ = ["ApprovalParty", "Transfer", "TransferStatus"]
