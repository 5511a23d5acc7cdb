"""National student numbers (全国学籍号) of the student registration system.

Basis: the Ministry of Education's student registration rules (中小学生学籍管理办法,
教基一〔2013〕7号) and its 2016 registration FAQ. A number is a prefix letter and 18
characters:

- ``G``: the letter G and the student's 18-character resident ID number;
- ``L``: a temporary number, given while the resident ID number is not yet known;
- ``J``: a number for a student who has no usable resident ID number.

The 18 characters after the letter are 17 digits and a digit or ``X``. Only a G number's
characters are a resident ID number, and even then they may no longer be the student's
current one (after a household age correction, for instance): comparing them is a rule's
business (ID-005), so a G number whose tail is not a valid resident ID number is still a
valid student number.

>>> validate("g11010519491231002x")
'G11010519491231002X'
>>> is_valid("G1234")
False
"""

from __future__ import annotations

import enum
from typing import Final, Self

import attrs

from dropout_control.errors import InvalidResidentId, InvalidStudentNumber
from dropout_control.identity.masking import MaskedRepr, mask_number
from dropout_control.identity.resident_id import ResidentId
from dropout_control.reasons import reason

__all__ = ["StudentNumber", "StudentNumberKind", "compact", "is_valid", "validate"]

_DIGITS: Final = "0123456789"
_LENGTH: Final = 19
_LAST: Final = 18  # index of the last character, a digit or X; the ones before are digits


class StudentNumberKind(enum.Enum):
    """The kind of a national student number (学籍号类型), told by its first letter.

    Basis: Ministry of Education 2016 registration FAQ.
    """

    G = "G"
    """A regular number: "G" followed by the student's resident ID number (正式学籍号)."""

    L = "L"
    """A temporary number (临时学籍号), used until the resident ID number is verified."""

    J = "J"
    """A number for a student with no usable resident ID number (无身份证件), for
    instance a foreign or a not yet registered child."""


_PREFIXES: Final = frozenset(kind.value for kind in StudentNumberKind)

# The reasons a student number is malformed, in the order they are checked.
LENGTH: Final = reason(
    "SN.LENGTH",
    "长度错误：{length} 位，应为 19 位（G、L 或 J 加 18 位）",
    "wrong length: {length} characters, expected 19 (G, L or J and 18 characters)",
)
PREFIX: Final = reason(
    "SN.PREFIX", "首字符必须是字母 G、L 或 J", "the first character must be the letter G, L or J"
)
NON_DIGIT: Final = reason(
    "SN.NON_DIGIT",
    "第 {position} 位不是数字：第 2 至 18 位必须是数字",
    "a non-digit character at position {position}: characters 2 to 18 must be digits",
)
LAST_CHARACTER: Final = reason(
    "SN.LAST_CHARACTER", "末位必须是数字或 X", "the last character must be a digit or X"
)


def compact(text: str) -> str:
    """Bring a student number to its plain form (学籍号, compact form).

    Surrounding white space, inner spaces and dashes go; letters become upper case.
    Nothing is checked.

    >>> compact(" j-11010519491231002x")
    'J11010519491231002X'
    """
    return text.strip().replace(" ", "").replace("-", "").upper()


def _check(number: str) -> None:
    """Raise :class:`InvalidStudentNumber` unless ``number`` (compact) is well formed."""
    if len(number) != _LENGTH:
        raise InvalidStudentNumber(LENGTH, facts={"length": len(number)}, shown=mask_number(number))
    if number[0] not in _PREFIXES:
        raise InvalidStudentNumber(PREFIX, shown=mask_number(number))
    digits = number[1:_LAST]
    if not (digits.isascii() and digits.isdigit()):
        position = next(
            place
            for place, character in enumerate(number[1:_LAST], start=2)
            if character not in _DIGITS
        )
        raise InvalidStudentNumber(
            NON_DIGIT, facts={"position": position}, shown=mask_number(number)
        )
    if number[_LAST] not in _DIGITS + "X":
        raise InvalidStudentNumber(LAST_CHARACTER, shown=mask_number(number))


def validate(text: str) -> str:
    """Check a national student number (学籍号) and return it in compact form.

    Basis: Ministry of Education 2016 registration FAQ. Checks the form only: a letter
    G, L or J (either case), 17 digits and a digit or ``X``. Raises
    :class:`InvalidStudentNumber` with a one-line reason; the number shown is masked.

    >>> validate("L123456789012345678")
    'L123456789012345678'
    >>> validate("K123456789012345678")
    Traceback (most recent call last):
        ...
    dropout_control.errors.InvalidStudentNumber: student_number='K123456**********78': the first character must be the letter G, L or J
    """  # noqa: E501 - a doctest's expected output is one line
    number = compact(text)
    _check(number)
    return number


def is_valid(text: str) -> bool:
    """Say whether ``text`` is a well-formed national student number (学籍号).

    >>> is_valid("J123456789012345678")
    True
    >>> is_valid("G12345678901234567Y")
    False
    """
    try:
        validate(text)
    except InvalidStudentNumber:
        return False
    return True


def _must_be_valid(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"a student number is text, not {type(value).__name__}")
    _check(value)


@attrs.frozen
class StudentNumber(MaskedRepr):
    """A national student number (学籍号), well formed by construction.

    Basis: Ministry of Education 2016 registration FAQ (G, L and J numbers). Equal when
    the characters are; hashable. ``str`` and ``repr`` are masked (the letter and the
    region prefix stay visible); :meth:`reveal` gives the clear value. The constructor
    takes the compact form; :meth:`parse` also accepts lower case, spaces and dashes.

    >>> number = StudentNumber.parse("g11010519491231002x")
    >>> number
    StudentNumber('G110105**********2X')
    >>> number.kind
    <StudentNumberKind.G: 'G'>
    >>> number.embedded_resident_id()
    ResidentId('110105**********2X')
    """

    _value: str = attrs.field(repr=False, validator=_must_be_valid)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read a student number, raising :class:`InvalidStudentNumber` if malformed."""
        if not isinstance(text, str):
            raise TypeError(
                f"StudentNumber.parse() takes the number as text (str), not {type(text).__name__}"
            )
        return cls(compact(text))

    @classmethod
    def from_resident_id(cls, resident_id: ResidentId) -> Self:
        """The G number of a resident ID number: "G" followed by its 18 characters.

        >>> StudentNumber.from_resident_id(ResidentId("11010519491231002X"))
        StudentNumber('G110105**********2X')
        """
        return cls(StudentNumberKind.G.value + resident_id.reveal())

    @property
    def kind(self) -> StudentNumberKind:
        """G, L or J: the kind of number (学籍号类型)."""
        return StudentNumberKind(self._value[0])

    def reveal(self) -> str:
        """The clear 19-character number: personal data, ask for it on purpose."""
        return self._value

    def embedded_resident_id(self) -> ResidentId | None:
        """The resident ID number inside a G number, or None.

        None for an L or J number, and for a G number whose 18 characters are not a valid
        resident ID number.

        >>> print(StudentNumber.parse("L11010519491231002X").embedded_resident_id())
        None
        """
        if self._value[0] != StudentNumberKind.G.value:
            return None
        try:
            return ResidentId(self._value[1:])
        except InvalidResidentId:  # a G number that no longer holds a valid ID number
            return None

    def matches(self, resident_id: ResidentId) -> bool:
        """Whether this is the G number of ``resident_id`` ("G" + its 18 characters).

        >>> number = StudentNumber.parse("G11010519491231002X")
        >>> number.matches(ResidentId.parse("11010519491231002X"))
        True
        """
        return self._value == StudentNumberKind.G.value + resident_id.reveal()

    def __str__(self) -> str:
        return mask_number(self._value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({mask_number(self._value)!r})"
