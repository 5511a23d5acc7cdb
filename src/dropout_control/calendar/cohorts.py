"""Cohorts: entry year, usual grade and the school-age window (入学年份, 学龄).

A cohort is the children born between two cutoffs: under the default cutoff
(``enrolment.cutoff`` = 31 August) those born from 1 September of one year to 31 August
of the next enter grade 1 together. Every function here reads the cutoff in the start
year of a school year: for 2018-2019 that is 31 August 2018, the day before the year
starts.

Basis: 义务教育法 art 11 (children enter school at 年满六周岁, ``enrolment.age``); the
cutoff and the school-age window are practice (parameters ``enrolment.cutoff`` and
``school_age.upper``, both marked S).

The examples use the national policy, resolved with
:func:`dropout_control.policy.resolve_policy`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from dropout_control.calendar.ages import age_on, date_of_age, latest_birth_date
from dropout_control.calendar.month_day import MonthDay
from dropout_control.calendar.school_year import SchoolYear
from dropout_control.policy.keys import (
    DISABILITY_AGE_EXTENSION_YEARS,
    ENROLMENT_AGE,
    ENROLMENT_CUTOFF,
    SCHOOL_AGE_UPPER,
)

if TYPE_CHECKING:
    from dropout_control.policy import Policy

__all__ = [
    "age_at_cutoff",
    "cutoff_date",
    "entry_school_year",
    "entry_year",
    "is_school_age",
    "school_age_window",
    "usual_grade",
    "usual_grade_for_age",
]

_ONE_DAY = dt.timedelta(days=1)


def _cutoff(policy: Policy) -> MonthDay:
    return cast("MonthDay", policy.value(ENROLMENT_CUTOFF))


def _enrolment_age(policy: Policy) -> int:
    return cast("int", policy.value(ENROLMENT_AGE))


def _upper_age(policy: Policy, *, disabled: bool) -> int:
    upper = cast("int", policy.value(SCHOOL_AGE_UPPER))
    if disabled:
        upper += cast("int", policy.value(DISABILITY_AGE_EXTENSION_YEARS))
    return upper


def cutoff_date(school_year: SchoolYear, *, policy: Policy) -> dt.date:
    """The enrolment cutoff (入学截止日) of a school year: ``enrolment.cutoff`` in its
    start year (31 August 2018 for 2018-2019 under the default).

    A cutoff of 29 February falls on 1 March in a common year.
    """
    return _cutoff(policy).in_year(school_year.start_year)


def entry_year(birth_date: dt.date, *, policy: Policy) -> int:
    """The calendar year in whose autumn a child enters grade 1 (入学年份).

    The first year Y in which the child has reached ``enrolment.age`` full years on or
    before the cutoff ``enrolment.cutoff`` of Y. Under the defaults (6, 31 August) a
    child born on 31 August 2012 enters in 2018 and one born on 1 September 2012 in
    2019. This is the usual entry; a deferral (up to ``enrolment.deferred_age``) is a
    separate approved record, not part of this computation.

    Basis: 义务教育法 art 11; ``enrolment.age``, ``enrolment.cutoff``.

    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 3, 20))
    >>> entry_year(dt.date(2012, 8, 31), policy=policy)
    2018
    >>> entry_year(dt.date(2012, 9, 1), policy=policy)
    2019
    """
    age = _enrolment_age(policy)
    year = birth_date.year + age
    if date_of_age(birth_date, age) <= _cutoff(policy).in_year(year):
        return year
    return year + 1


def entry_school_year(birth_date: dt.date, *, policy: Policy) -> SchoolYear:
    """The school year in which a child usually enters grade 1 (the one starting in
    :func:`entry_year`).

    Basis: 义务教育法 art 11; ``enrolment.age``, ``enrolment.cutoff``,
    ``school_year.start``.
    """
    return SchoolYear.starting(entry_year(birth_date, policy=policy), policy=policy)


def age_at_cutoff(birth_date: dt.date, school_year: SchoolYear, *, policy: Policy) -> int:
    """Age in full years (周岁) on the cutoff of a school year (see :func:`cutoff_date`).

    Raises :class:`~dropout_control.errors.InvalidDate` for a child born after that
    cutoff: it has no age on that day.

    Basis: ``enrolment.cutoff``.

    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 3, 20))
    >>> year = SchoolYear.starting(2018, policy=policy)
    >>> age_at_cutoff(dt.date(2010, 9, 1), year, policy=policy)
    7
    >>> age_at_cutoff(dt.date(2010, 8, 31), year, policy=policy)
    8
    """
    return age_on(birth_date, cutoff_date(school_year, policy=policy))


def usual_grade_for_age(age_at_cutoff: int, *, policy: Policy) -> int:
    """The grade (年级) usually attended by a child of this age at the cutoff.

    ``age_at_cutoff - enrolment.age + 1``: a child six at the cutoff is in grade 1, one
    fourteen in grade 9. The result is not clamped: below 1 means not yet in school,
    above ``compulsory.years`` past compulsory education; the caller decides what that
    means.

    Basis: 义务教育法 art 11; ``enrolment.age``.

    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 3, 20))
    >>> usual_grade_for_age(6, policy=policy)
    1
    >>> usual_grade_for_age(14, policy=policy)
    9
    """
    return age_at_cutoff - _enrolment_age(policy) + 1


def usual_grade(birth_date: dt.date, school_year: SchoolYear, *, policy: Policy) -> int:
    """The grade (年级) a child born on ``birth_date`` usually attends in
    ``school_year``: :func:`usual_grade_for_age` of :func:`age_at_cutoff`.

    Not clamped to 1..9 (see :func:`usual_grade_for_age`); raises like
    :func:`age_at_cutoff` for a child born after the cutoff.

    Basis: 义务教育法 art 11; ``enrolment.age``, ``enrolment.cutoff``.
    """
    age = age_at_cutoff(birth_date, school_year, policy=policy)
    return usual_grade_for_age(age, policy=policy)


def is_school_age(
    birth_date: dt.date, as_of: dt.date, *, policy: Policy, disabled: bool = False
) -> bool:
    """Whether a child is of compulsory-education school age (学龄) on ``as_of``.

    The school-age window holds every child whose age in whole years at the cutoff of
    the school year containing ``as_of`` is at least ``enrolment.age`` and at most
    ``school_age.upper``, both inclusive (6 to 15 under the defaults: ten birth
    cohorts). The upper bound is inclusive because lawful entry at seven, after a
    deferral, puts a child in grade 9 at fifteen; sixteen at the cutoff is outside.

    A disabled child's upper bound is raised by ``disability.age_extension_years``
    (残疾人教育条例 art 14 allows a later leaving age; no number is published, so the
    value is marked U). The lower bound stays ``enrolment.age``: a disabled child is of
    school age from then on, whatever its actual entry. That parameter is in force from
    1 May 2017; with an older policy, ``disabled=True`` raises
    :class:`~dropout_control.errors.ParameterNotInForce` rather than guess.

    The window moves on the first day of the school year, not on each birthday: the
    whole cohort enters together. A child born after the cutoff is not of school age.
    :func:`school_age_window` gives the same window as birth dates; to test many
    children on one date, compute the window once and compare birth dates with it.

    Basis: 义务教育法 arts 2, 11; ``enrolment.age``, ``enrolment.cutoff``,
    ``school_year.start``, ``school_age.upper``, ``disability.age_extension_years``.

    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 3, 20))
    >>> is_school_age(dt.date(2002, 9, 1), dt.date(2019, 3, 20), policy=policy)
    True
    >>> is_school_age(dt.date(2002, 8, 31), dt.date(2019, 3, 20), policy=policy)
    False
    >>> is_school_age(dt.date(2002, 8, 31), dt.date(2019, 3, 20), policy=policy, disabled=True)
    True
    """
    cutoff = cutoff_date(SchoolYear.containing(as_of, policy=policy), policy=policy)
    if birth_date > cutoff:
        return False
    age = age_on(birth_date, cutoff)
    return _enrolment_age(policy) <= age <= _upper_age(policy, disabled=disabled)


def school_age_window(
    as_of: dt.date, *, policy: Policy, disabled: bool = False
) -> tuple[dt.date, dt.date]:
    """The earliest and latest birth dates (both inclusive) of the children of school
    age (学龄) on ``as_of``.

    The same window as :func:`is_school_age` (``school_age.upper`` inclusive). On
    20 March 2019 under the defaults it runs from 1 September 2002 (15 on 31 August 2018)
    to 31 August 2012 (6 on that day, grade 1); for a disabled child it starts two years
    earlier, on 1 September 2000.

    Basis: as :func:`is_school_age`.

    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 3, 20))
    >>> school_age_window(dt.date(2019, 3, 20), policy=policy)
    (datetime.date(2002, 9, 1), datetime.date(2012, 8, 31))
    """
    cutoff = cutoff_date(SchoolYear.containing(as_of, policy=policy), policy=policy)
    latest = latest_birth_date(_enrolment_age(policy), cutoff)
    earliest = latest_birth_date(_upper_age(policy, disabled=disabled) + 1, cutoff) + _ONE_DAY
    return earliest, latest
