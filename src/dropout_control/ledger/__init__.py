"""The dropout ledger (台账): placement of a child persuaded back to school (安置)."""

from dropout_control.ledger.placement import (
    PlacementKind,
    ProposedPlacement,
    ReturningChild,
    placements,
)

__all__ = ["PlacementKind", "ProposedPlacement", "ReturningChild", "placements"]
