"""Look-ups of roster entries and deferrals that rules and other packages use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dropout_control.population.kinds import CHILDREN_BY_RESIDENT_ID, DEFERRALS_BY_RESIDENT_ID

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle
    from dropout_control.population.model import Child, Deferral

__all__ = ["child_of", "deferrals_of"]


def child_of(bundle: Bundle, resident_id: str) -> Child | None:
    """The first roster entry of this resident ID number (as written), if any."""
    children = bundle.index(CHILDREN_BY_RESIDENT_ID).get(resident_id)
    return children[0] if children else None


def deferrals_of(bundle: Bundle, resident_id: str) -> tuple[Deferral, ...]:
    """Every deferral of this resident ID number (as written)."""
    return bundle.index(DEFERRALS_BY_RESIDENT_ID).get(resident_id, ())
