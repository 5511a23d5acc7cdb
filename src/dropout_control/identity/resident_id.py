"""Resident ID numbers (居民身份证号) of GB 11643-1999.

Basis: GB 11643-1999 (公民身份号码). A number has 18 characters in four parts:

- characters 1 to 6: the region code of GB/T 2260 where the person was first registered;
- characters 7 to 14: the birth date, written YYYYMMDD;
- characters 15 to 17: the sequence code; the 17th character is odd for a man, even for
  a woman;
- character 18: the check character of ISO 7064 MOD 11-2 over the first 17, a digit or
  ``X`` (for ten).

The module follows the python-stdnum pattern: :func:`compact`, :func:`validate`,
:func:`is_valid` and :func:`calc_check_character` work on text, and :class:`ResidentId`
is the value object the rest of the library passes around. Validation checks the form,
the birth date and the check character; it does not look at the clock (a birth date in
the future is a rule's business) nor at the region table (an unknown region code is
flagged by :func:`dropout_control.identity.is_known_region`, never rejected).

>>> validate("110105 19491231 002x")
'11010519491231002X'
>>> is_valid("110105194912310021")
False
"""

from __future__ import annotations

import calendar
import datetime as dt
from operator import getitem
from typing import Final, Self

import attrs

from dropout_control.errors import InvalidResidentId
from dropout_control.identity.masking import MaskedRepr, mask_number
from dropout_control.identity.sex import Sex
from dropout_control.reasons import reason

__all__ = ["ResidentId", "calc_check_character", "compact", "is_valid", "validate"]

_DIGITS: Final = "0123456789"
_CHECK_CHARACTERS: Final = _DIGITS + "X"
_LENGTH: Final = 18
_BODY_LENGTH: Final = 17  # the characters that the check character protects
_REGION_LENGTH: Final = 6
_SEQUENCE_DIGITS: Final = 3
_SEQUENCE_LIMIT: Final = 10**_SEQUENCE_DIGITS
_MODULUS: Final = 11

# The reasons a number is not valid (GB 11643-1999), in the order they are checked.
LENGTH: Final = reason(
    "ID.LENGTH",
    "长度错误：{length} 位，应为 18 位",
    "wrong length: {length} characters, expected 18",
)
LENGTH_FOR_CHECK: Final = reason(
    "ID.LENGTH_FOR_CHECK",
    "长度错误：{length} 位，计算校验码需要 17 位",
    "wrong length: {length} characters, expected 17 to compute a check character",
)
NON_DIGIT: Final = reason(
    "ID.NON_DIGIT",
    "第 {position} 位不是数字：前 17 位必须是数字",
    "a non-digit character at position {position}: the first 17 characters must be digits",
)
CHECK_CHARACTER_FORM: Final = reason(
    "ID.CHECK_CHARACTER_FORM",
    "校验码（第 18 位）必须是数字或 X",
    "the check character (the 18th) must be a digit or X",
)
BIRTH_DATE: Final = reason(
    "ID.BIRTH_DATE",
    "出生日期码（第 7 至 14 位）不是真实日期",
    "the birth date part (characters 7 to 14) is not a real date",
)
CHECK_CHARACTER: Final = reason(
    "ID.CHECK_CHARACTER",
    "校验码错误，应为 {expected!r}",
    "wrong check character: expected {expected!r}",
)
REGION_CODE_FORM: Final = reason(
    "ID.REGION_CODE_FORM", "地址码必须是 6 位数字", "the region code must be 6 digits"
)
SEQUENCE_FORM: Final = reason(
    "ID.SEQUENCE_FORM",
    "顺序码必须是 0 至 999 的数或其 3 位数字",
    "the sequence must be a number from 0 to 999 or its 3 digits",
)


def _weight(position: int) -> int:
    """The ISO 7064 MOD 11-2 weight of a 1-based character position: 2^(18 - position) mod 11."""
    return pow(2, _LENGTH - position, _MODULUS)


# What a digit at each of the first 17 positions adds to the weighted sum, already
# reduced modulo 11: one small table per position, built once, so that the sum is a
# single pass of dictionary look-ups with no arithmetic per character.
_CONTRIBUTIONS: Final = tuple(
    {digit: int(digit) * _weight(position) % _MODULUS for digit in _DIGITS}
    for position in range(1, _BODY_LENGTH + 1)
)


def _check_value(weighted_sum: int) -> str:
    # The check character c makes weighted_sum + c ≡ 1 (mod 11); ten is written X.
    value = (1 - weighted_sum) % _MODULUS
    return "X" if value == _MODULUS - 1 else str(value)


# The check character for every possible sum of the table values above (each at most
# 10), so that no modulo is taken per call either.
_CHECK_FOR_SUM: Final = "".join(
    _check_value(total) for total in range((_MODULUS - 1) * _BODY_LENGTH + 1)
)


# Every month and day of a leap year, written MMDD: a set look-up replaces building a
# date on the hot path. 29 February is checked against the year separately.
_MONTH_DAYS: Final = frozenset(
    f"{day:%m%d}"
    for day in (
        dt.date(2000, 1, 1) + dt.timedelta(days=offset)
        for offset in range(366)  # 2000 is a leap year
    )
)


# Birth dates by their eight digits: a million numbers share a few thousand of them, and
# the ID rules ask each number for its date. A date is immutable, so one object serves.
_BIRTH_DATES: Final[dict[str, dt.date]] = {}
_BIRTH_DATES_REMEMBERED: Final = 1 << 16


def _is_real_date(yyyymmdd: str) -> bool:
    """Whether eight ASCII digits YYYYMMDD are a date of the Gregorian calendar (years 1-9999)."""
    month_day = yyyymmdd[4:]
    if month_day not in _MONTH_DAYS or yyyymmdd[:4] == "0000":
        return False
    return month_day != "0229" or calendar.isleap(int(yyyymmdd[:4]))


def compact(text: str) -> str:
    """Bring a resident ID number to its plain form (居民身份证号, compact form).

    Surrounding white space, inner spaces and dashes go; a lower-case ``x`` becomes
    ``X``. Nothing is checked.

    >>> compact(" 110105-19491231-002x ")
    '11010519491231002X'
    """
    return text.strip().replace(" ", "").replace("-", "").upper()


def calc_check_character(first17: str) -> str:
    """Compute the check character (校验码) for the first 17 characters of a number.

    Basis: GB 11643-1999, ISO 7064 MOD 11-2. Raises :class:`InvalidResidentId` when
    ``first17`` is not 17 ASCII digits.

    >>> calc_check_character("11010519491231002")
    'X'
    """
    if len(first17) != _BODY_LENGTH:
        raise InvalidResidentId(
            LENGTH_FOR_CHECK, facts={"length": len(first17)}, shown=mask_number(first17)
        )
    try:
        return _CHECK_FOR_SUM[sum(map(getitem, _CONTRIBUTIONS, first17))]
    except KeyError:
        raise _non_digit(first17) from None


def _non_digit(number: str) -> InvalidResidentId:
    position = next(
        place
        for place, character in enumerate(number[:_BODY_LENGTH], start=1)
        if character not in _DIGITS
    )
    return InvalidResidentId(NON_DIGIT, facts={"position": position}, shown=mask_number(number))


def _check(number: str) -> None:
    """Raise :class:`InvalidResidentId` unless ``number`` (compact) is a valid number."""
    if len(number) != _LENGTH:
        raise InvalidResidentId(LENGTH, facts={"length": len(number)}, shown=mask_number(number))
    try:
        # The table has 17 entries, so map() stops before the check character.
        expected = _CHECK_FOR_SUM[sum(map(getitem, _CONTRIBUTIONS, number))]
    except KeyError:
        raise _non_digit(number) from None
    check = number[_BODY_LENGTH]
    if check not in _CHECK_CHARACTERS:
        raise InvalidResidentId(CHECK_CHARACTER_FORM, shown=mask_number(number))
    if not _is_real_date(number[6:14]):
        raise InvalidResidentId(BIRTH_DATE, shown=mask_number(number))
    if check != expected:
        raise InvalidResidentId(
            CHECK_CHARACTER, facts={"expected": expected}, shown=mask_number(number)
        )


def validate(text: str) -> str:
    """Check a resident ID number (居民身份证号) and return it in compact form.

    Basis: GB 11643-1999. Checks the length (18), that the first 17 characters are
    digits and the 18th a digit or ``X``, that characters 7 to 14 are a real date, and
    the check character. Raises :class:`InvalidResidentId` with a one-line reason; the
    number in the message is masked.

    >>> validate("11010519491231002X")
    '11010519491231002X'
    >>> validate("110105194902300026")
    Traceback (most recent call last):
        ...
    dropout_control.errors.InvalidResidentId: resident_id='110105**********26': the birth date part (characters 7 to 14) is not a real date
    """  # noqa: E501 - a doctest's expected output is one line
    number = compact(text)
    _check(number)
    return number


def is_valid(text: str) -> bool:
    """Say whether ``text`` is a valid resident ID number (居民身份证号).

    >>> is_valid("11010519491231002X")
    True
    >>> is_valid("1101051949123100")
    False
    """
    try:
        validate(text)
    except InvalidResidentId:
        return False
    return True


def _must_be_valid(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"a resident ID number is text, not {type(value).__name__}")
    _check(value)


def _is_ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


@attrs.frozen
class ResidentId(MaskedRepr):
    """A resident ID number (居民身份证号), valid by construction.

    Basis: GB 11643-1999. Two numbers are equal when their characters are; the object
    is hashable. ``str`` and ``repr`` show the number masked: :meth:`reveal` is the only
    way to the clear value. The constructor takes the compact form; :meth:`parse`
    accepts spaces, dashes and a lower-case ``x``.

    >>> number = ResidentId.parse("11010519491231002X")
    >>> number
    ResidentId('110105**********2X')
    >>> print(number)
    110105**********2X
    >>> (number.region_code, number.birth_date, number.sex)
    ('110105', datetime.date(1949, 12, 31), <Sex.FEMALE: 'female'>)
    >>> number.reveal()
    '11010519491231002X'
    """

    _value: str = attrs.field(repr=False, validator=_must_be_valid)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read a resident ID number, raising :class:`InvalidResidentId` if it is not valid.

        >>> ResidentId.parse("110105-19491231-002x") == ResidentId("11010519491231002X")
        True
        """
        if not isinstance(text, str):
            raise TypeError(
                f"ResidentId.parse() takes the number as text (str), not {type(text).__name__}"
            )
        return cls(compact(text))

    @classmethod
    def from_parts(cls, region_code: str, birth_date: dt.date, sequence: int | str) -> Self:
        """Build the number of a region, a birth date and a sequence, computing the check.

        ``region_code`` is 6 digits (any, known or not); ``sequence`` is 0 to 999 or its
        3 digits. Raises :class:`InvalidResidentId` naming the offending part.

        >>> import datetime
        >>> ResidentId.from_parts("110105", datetime.date(1949, 12, 31), 2).reveal()
        '11010519491231002X'
        """
        if not (len(region_code) == _REGION_LENGTH and _is_ascii_digits(region_code)):
            raise InvalidResidentId(
                REGION_CODE_FORM,
                field="region_code",
                shown=mask_number(region_code),
            )
        first17 = (
            region_code
            + f"{birth_date.year:04d}{birth_date.month:02d}{birth_date.day:02d}"
            + _sequence_digits(sequence)
        )
        return cls(first17 + calc_check_character(first17))

    @property
    def region_code(self) -> str:
        """The GB/T 2260 region code (地址码): the first 6 digits."""
        return self._value[:6]

    @property
    def birth_date(self) -> dt.date:
        """The birth date (出生日期码): characters 7 to 14."""
        digits = self._value[6:14]
        found = _BIRTH_DATES.get(digits)
        if found is None:
            found = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
            if len(_BIRTH_DATES) < _BIRTH_DATES_REMEMBERED:
                _BIRTH_DATES[digits] = found
        return found

    @property
    def sequence(self) -> str:
        """The sequence code (顺序码): characters 15 to 17, three digits."""
        return self._value[14:17]

    @property
    def sex(self) -> Sex:
        """The sex (性别) the number records: the 17th character is odd for a man."""
        return Sex.MALE if self._value[16] in "13579" else Sex.FEMALE

    @property
    def check_character(self) -> str:
        """The check character (校验码): the 18th character, a digit or ``X``."""
        return self._value[17]

    def reveal(self) -> str:
        """The clear 18-character number: personal data, ask for it on purpose."""
        return self._value

    def with_birth_date(self, new_date: dt.date) -> Self:
        """The number with another birth date: same region and sequence, check recomputed.

        Basis: GB 11643-1999; a household age correction (户籍年龄纠正) changes the number
        this way.

        >>> import datetime
        >>> number = ResidentId.parse("11010519491231002X")
        >>> number.with_birth_date(datetime.date(1950, 1, 1)).reveal()
        '110105195001010020'
        """
        return self.from_parts(self.region_code, new_date, self.sequence)

    def __str__(self) -> str:
        return mask_number(self._value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({mask_number(self._value)!r})"


def _sequence_digits(sequence: int | str) -> str:
    if isinstance(sequence, str):
        if len(sequence) == _SEQUENCE_DIGITS and _is_ascii_digits(sequence):
            return sequence
    elif not isinstance(sequence, bool) and 0 <= sequence < _SEQUENCE_LIMIT:
        return f"{sequence:03d}"
    raise InvalidResidentId(
        SEQUENCE_FORM,
        field="sequence",
        shown=mask_number(str(sequence)),
    )
