"""Age in full years (周岁) and its inverse.

The law counts age in full years (周岁): a child is six from its sixth birthday on, not
in the year it turns six (that would be 虚岁 or a "year of birth" age). A person born on
29 February reaches each new year of age on 29 February in a leap year and on 1 March in
a common year; this is the library's reading (the one used for ID cards and school
admissions), documented here because ``dateutil.relativedelta`` reaches it on
28 February instead.

Both functions are plain integer comparisons on (month, day): they are called once per
child per rule, so they stay cheap (a fraction of a microsecond).
"""

from __future__ import annotations

import datetime as dt

from dropout_control.errors import InvalidDate, InvalidRecord
from dropout_control.reasons import BEFORE_BIRTH, NEGATIVE

__all__ = ["age_on", "date_of_age", "latest_birth_date"]


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """Age in full years on a date (周岁).

    The age goes up by one on the birthday itself. A 29 February birthday is reached on
    29 February in a leap year and on 1 March in a common year.

    Basis: 义务教育法 art 11 counts the enrolment age in full years (年满六周岁).

    Raises :class:`~dropout_control.errors.InvalidDate` (field ``on``) for a date before
    the birth date: there is no age before birth.

    >>> age_on(dt.date(2012, 8, 31), dt.date(2018, 8, 30))
    5
    >>> age_on(dt.date(2012, 8, 31), dt.date(2018, 8, 31))
    6
    >>> age_on(dt.date(2012, 2, 29), dt.date(2019, 2, 28))
    6
    >>> age_on(dt.date(2012, 2, 29), dt.date(2019, 3, 1))
    7
    >>> age_on(dt.date(2012, 2, 29), dt.date(2020, 2, 29))
    8
    """
    if on < birth_date:
        raise InvalidDate("on", BEFORE_BIRTH, shown=on.isoformat())
    # (month, day) compared as one integer; 29 February is 229, which no common-year
    # date equals, so 28 February (228) is still before it and 1 March (301) after it.
    if on.month * 100 + on.day < birth_date.month * 100 + birth_date.day:
        return on.year - birth_date.year - 1
    return on.year - birth_date.year


def date_of_age(birth_date: dt.date, age: int) -> dt.date:
    """The day on which a person reaches ``age`` full years (the birthday of that age).

    A 29 February birth date gives 1 March in a common year, the same reading as
    :func:`age_on`, so ``age_on(birth_date, date_of_age(birth_date, age)) == age`` and
    the day before gives ``age - 1``.

    Raises :class:`~dropout_control.errors.InvalidRecord` (field ``age``) for a negative
    age.

    >>> date_of_age(dt.date(2012, 9, 1), 6)
    datetime.date(2018, 9, 1)
    >>> date_of_age(dt.date(2012, 2, 29), 7)
    datetime.date(2019, 3, 1)
    """
    if age < 0:
        raise InvalidRecord("age", NEGATIVE, shown=str(age))
    year = birth_date.year + age
    try:
        return birth_date.replace(year=year)
    except ValueError:  # 29 February in a common year
        return dt.date(year, 3, 1)


def latest_birth_date(age: int, on: dt.date) -> dt.date:
    """The latest birth date of a person who is at least ``age`` full years old on ``on``.

    The inverse of :func:`age_on`: a person born on this day is exactly ``age`` on
    ``on``, and one born a day later is ``age - 1``. Birth windows (the cohorts of a
    school year) are built from it.

    Raises :class:`~dropout_control.errors.InvalidRecord` (field ``age``) for a negative
    age.

    >>> latest_birth_date(6, dt.date(2018, 8, 31))
    datetime.date(2012, 8, 31)

    On 29 February of a leap year, a person born on 28 February of a common year is
    the last to have reached the age (nobody was born on 29 February that year):

    >>> latest_birth_date(7, dt.date(2020, 2, 29))
    datetime.date(2013, 2, 28)
    """
    if age < 0:
        raise InvalidRecord("age", NEGATIVE, shown=str(age))
    year = on.year - age
    try:
        return on.replace(year=year)
    except ValueError:  # on is 29 February and the birth year is common
        return dt.date(year, 2, 28)
