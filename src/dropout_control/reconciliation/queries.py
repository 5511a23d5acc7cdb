"""Look-ups of the monthly headcounts that rules and other packages use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dropout_control.reconciliation.kinds import LATEST_HEADCOUNTS
from dropout_control.registry.queries import has_student_records_at

if TYPE_CHECKING:
    from collections.abc import Mapping

    from dropout_control.bundle import Bundle
    from dropout_control.calendar.year_month import YearMonth
    from dropout_control.reconciliation.kinds import LatestHeadcounts
    from dropout_control.reconciliation.model import HeadcountEntry

__all__ = [
    "headcount_months",
    "holds_school",
    "latest_headcount_month",
    "latest_headcounts",
    "latest_roll_entry",
    "present_at_latest_headcounts",
]


def latest_headcounts(bundle: Bundle) -> LatestHeadcounts:
    """The headcounts by school: months, latest month, latest roll, children present."""
    return bundle.index(LATEST_HEADCOUNTS)


def latest_headcount_month(bundle: Bundle) -> Mapping[str, YearMonth]:
    """Each school's latest headcount month."""
    return bundle.index(LATEST_HEADCOUNTS).latest_month


def headcount_months(bundle: Bundle) -> Mapping[str, frozenset[YearMonth]]:
    """The months each school counted."""
    return bundle.index(LATEST_HEADCOUNTS).months


def present_at_latest_headcounts(bundle: Bundle, *people: str | None) -> tuple[HeadcountEntry, ...]:
    """Entries of schools' latest headcounts that show any of these people present.

    A person is named by a student number or a resident ID number (as written); each
    entry appears once even when both numbers match it.
    """
    present = bundle.index(LATEST_HEADCOUNTS).present
    found: tuple[HeadcountEntry, ...] = ()
    for person in people:
        group = present.get(person) if person is not None else None
        if not group or group is found:
            continue
        if not found:
            found = group
        elif not (len(group) == len(found) == 1 and group[0] is found[0]):
            # Both numbers name entries (usually the same one, skipped above): merge
            # them, each once, in the order first met.
            found = tuple({id(entry): entry for entry in (*found, *group)}.values())
    return found


def latest_roll_entry(bundle: Bundle, school_id: str, *people: str | None) -> HeadcountEntry | None:
    """This school's latest headcount row of a person named by any of these numbers."""
    roll = bundle.index(LATEST_HEADCOUNTS).rolls.get(school_id, {})
    for person in people:
        if person is not None and person in roll:
            return roll[person]
    return None


def holds_school(bundle: Bundle, school_id: str) -> bool:
    """Whether the bundle covers this school: some student record or headcount of it.

    A school it does not cover keeps its registry elsewhere (another county's export),
    so the absence of a record there proves nothing.
    """
    return has_student_records_at(bundle, school_id) or school_id in latest_headcount_month(bundle)
