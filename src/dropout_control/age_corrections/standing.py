"""Where a correction leaves a child: inside the school-age window or not, over the
employment age or not, before and after, on a date.

The notice ties corrections to dropout control for this reason: a child made older on
paper leaves the school-age window (and no longer counts as out of school), and one made
older still can be hired. AC-003 and ``check-correction`` read these functions.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from dropout_control.calendar.ages import age_on
from dropout_control.calendar.cohorts import is_school_age, school_age_window
from dropout_control.policy.keys import ENROLMENT_AGE, ENROLMENT_CUTOFF, SCHOOL_AGE_UPPER
from dropout_control.population.keys import EMPLOYMENT_MIN_AGE

if TYPE_CHECKING:
    from dropout_control.policy import Policy

__all__ = ["CorrectionEffect", "Standing", "correction_effect", "standing_on"]

STANDING_PARAMETERS = (ENROLMENT_AGE, ENROLMENT_CUTOFF, SCHOOL_AGE_UPPER, EMPLOYMENT_MIN_AGE)
"""The parameters a standing reads."""


@attrs.frozen
class Standing:
    """A child's standing on a date under one birth date.

    ``age`` in full years on ``on``; ``school_age`` whether the birth date lies in the
    school-age window ``window`` (earliest and latest birth dates, inclusive);
    ``over_employment_age`` whether the child has reached ``employment_min_age``;
    ``parameters`` the keys and values read.
    """

    birth_date: dt.date
    on: dt.date
    age: int | None
    school_age: bool
    window: tuple[dt.date, dt.date]
    over_employment_age: bool
    employment_min_age: int
    parameters: tuple[tuple[str, object], ...] = attrs.field(repr=False)


def standing_on(birth_date: dt.date, on: dt.date, *, policy: Policy) -> Standing:
    """The standing of a child born on ``birth_date`` on the date ``on``.

    A child not yet born on ``on`` has no age, is not of school age and not over the
    employment age.

    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 3, 20))
    >>> child = standing_on(dt.date(2004, 9, 1), dt.date(2019, 3, 20), policy=policy)
    >>> child.age, child.school_age, child.over_employment_age
    (14, True, False)
    """
    minimum = policy.value(EMPLOYMENT_MIN_AGE, int)
    age = age_on(birth_date, on) if birth_date <= on else None
    return Standing(
        birth_date=birth_date,
        on=on,
        age=age,
        school_age=is_school_age(birth_date, on, policy=policy),
        window=school_age_window(on, policy=policy),
        over_employment_age=age is not None and age >= minimum,
        employment_min_age=minimum,
        parameters=tuple((key, policy.value(key)) for key in STANDING_PARAMETERS),
    )


@attrs.frozen
class CorrectionEffect:
    """A child's standing under the old and under the new birth date, on one date."""

    before: Standing
    after: Standing

    @property
    def leaves_school_age(self) -> bool:
        """Whether the child was of school age under the old date and is not under the new."""
        return self.before.school_age and not self.after.school_age

    @property
    def crosses_employment_age(self) -> bool:
        """Whether the child was under the employment age and is over it under the new date."""
        return not self.before.over_employment_age and self.after.over_employment_age


def correction_effect(
    old_birth_date: dt.date, new_birth_date: dt.date, on: dt.date, *, policy: Policy
) -> CorrectionEffect:
    """The effect on ``on`` of moving a birth date from ``old_birth_date`` to
    ``new_birth_date``.

    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 3, 20))
    >>> made_older = correction_effect(
    ...     dt.date(2004, 9, 1), dt.date(2002, 8, 31), dt.date(2019, 3, 20), policy=policy
    ... )
    >>> made_older.leaves_school_age, made_older.crosses_employment_age
    (True, True)
    """
    return CorrectionEffect(
        standing_on(old_birth_date, on, policy=policy),
        standing_on(new_birth_date, on, policy=policy),
    )
