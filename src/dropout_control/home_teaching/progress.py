"""Periods taught at home against the yearly minimum, pro rata to a date (送教课时).

The minimum of a school year (``home_teaching.min_periods_per_school_year``) is spread
over the year's school days: by a date, a child is due the minimum times the school
days from the start of its teaching (the school year's first day, or a later start) to
that date, over the school days of the whole year, rounded down. School days are those
of :func:`~dropout_control.calendar.school_days_between`: China's working days less the
winter and summer vacations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from dropout_control.calendar import SchoolDays, SchoolYear
from dropout_control.home_teaching.keys import HOME_TEACHING_MIN_PERIODS_PER_SCHOOL_YEAR

if TYPE_CHECKING:
    from dropout_control.home_teaching.model import HomeTeachingVisit
    from dropout_control.policy import Policy

__all__ = ["TeachingProgress", "teaching_progress"]


@attrs.frozen
class TeachingProgress:
    """A home-taught child's periods in a school year up to a date, and those due.

    ``since`` is the first day counted (the school year's start, or a later start of the
    teaching); ``school_days`` the school days from ``since`` to the date and
    ``school_days_in_year`` those of the whole school year; ``periods_due`` the yearly
    ``minimum`` pro rata, rounded down.
    """

    school_year: SchoolYear
    since: dt.date
    as_of: dt.date
    periods_taught: int
    visits: int
    minimum: int
    school_days: int
    school_days_in_year: int
    periods_due: int

    @property
    def shortfall(self) -> int:
        """The periods still owed by the date (zero when on track)."""
        return max(0, self.periods_due - self.periods_taught)

    @property
    def is_behind(self) -> bool:
        """Whether fewer periods were taught than are due by the date."""
        return self.periods_taught < self.periods_due


def teaching_progress(
    visits: Iterable[HomeTeachingVisit],
    as_of: dt.date,
    *,
    policy: Policy,
    since: dt.date | None = None,
) -> TeachingProgress:
    """The periods taught in ``as_of``'s school year up to ``as_of`` against those due.

    Only the visits from ``since`` (at the earliest the school year's first day) to
    ``as_of`` count. Raises :class:`~dropout_control.errors.WorkingDaysNotCovered` when
    the working-day arrangements do not hold the school year.

    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 3, 20))
    >>> progress = teaching_progress([], dt.date(2019, 3, 20), policy=policy)
    >>> progress.school_days, progress.school_days_in_year, progress.periods_due
    (115, 191, 130)
    """
    year = SchoolYear.containing(as_of, policy=policy)
    start = year.start if since is None else max(since, year.start)
    minimum = policy.value(HOME_TEACHING_MIN_PERIODS_PER_SCHOOL_YEAR, int)
    counted = [visit for visit in visits if start <= visit.on <= as_of]
    school_days = SchoolDays.of_policy(policy)  # built once for both counts
    days = school_days.count(start, as_of)
    in_year = school_days.count(year.start, year.end)
    due = minimum * days // in_year if in_year else 0
    return TeachingProgress(
        school_year=year,
        since=start,
        as_of=as_of,
        periods_taught=sum(visit.periods for visit in counted),
        visits=len(counted),
        minimum=minimum,
        school_days=days,
        school_days_in_year=in_year,
        periods_due=due,
    )
