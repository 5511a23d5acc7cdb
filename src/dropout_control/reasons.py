"""Reasons: every reason the library gives, as a code with a Chinese and an English text.

A :class:`Reason` is a stable code (``ID.CHECK_CHARACTER``, ``INPUT.NO_SUCH_DATE``,
``TR.APPROVAL_EARLY``) with a template in each language. What a particular case adds
(the character expected, the party, the dates) is data: :meth:`Reason.given` pairs the
reason with those facts as a :class:`Stated` reason, and the texts are rendered from the
facts by the templates, one language from its own template. Nothing here, or anywhere
in the library, translates the text of one language into the other.

The same codes name the words of the policy's vocabularies: statuses, grounds, approving
bodies, transfer parties and school stages (``STATUS.SUSPENDED``, ``GROUND.HEALTH``,
``PARTY.RECEIVING_SCHOOL``, ``STAGE.PRIMARY``). Facts hold such a word as its plain value
(``"health"``); a template asks for it in words with the vocabulary's name as format
spec, ``{grounds:GROUND}``, and a value the vocabulary does not know is shown as written.

Every reason is registered in :data:`CATALOGUE` when its module is imported; the docs'
reason page is generated from it, so the list cannot drift from the code.

>>> check = CATALOGUE["ID.CHECK_CHARACTER"]
>>> stated = check.given(expected="X")
>>> stated.code, dict(stated.facts)
('ID.CHECK_CHARACTER', {'expected': 'X'})
>>> print(stated.message.zh)
校验码错误，应为 'X'
>>> print(stated.message.en)
wrong check character: expected 'X'
>>> Message("休学原因“{grounds:GROUND}”", "grounds {grounds:GROUND}").format({"grounds": "health"})
Message(zh='休学原因“身体原因”', en='grounds health')
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final, Literal

import attrs

from dropout_control.errors import DuplicateReason, UnknownReason

__all__ = [
    "BEFORE_BIRTH",
    "CATALOGUE",
    "GRADE_RANGE",
    "NEGATIVE",
    "Catalogue",
    "Message",
    "Reason",
    "Stated",
    "reason",
    "vocabulary",
]

Language = Literal["zh", "en"]

_CODE: Final = re.compile(r"[A-Z]+(?:\.[A-Z0-9_]+)+")


@attrs.frozen
class Message:
    """A text in Chinese and English.

    Templates name facts in braces. A fact is shown in the language being rendered: a
    date in ISO form, a :class:`Stated` reason or a :class:`Reason` as its own text, a
    list joined (by commas, or for reasons by semicolons, ``；`` in Chinese; with the
    format spec ``or``, as alternatives: ``{kinds:or}``), and a word of a vocabulary
    through its format spec (``{party:PARTY}``).
    """

    zh: str
    en: str

    def format(self, facts: Mapping[str, object]) -> Message:
        """Fill ``{name}`` placeholders from ``facts``; an unknown name stays visible."""
        return Message(_fill(self.zh, facts, "zh"), _fill(self.en, facts, "en"))

    def text(self, language: Language) -> str:
        """The text in ``language`` (``"zh"`` or ``"en"``)."""
        return self.zh if language == "zh" else self.en


def _code_form(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not _CODE.fullmatch(value):
        raise ValueError(f"a reason code is dotted upper-case words such as ID.LENGTH: {value!r}")


@attrs.frozen
class Reason:
    """A reason: its stable code and its templates in Chinese and English.

    Codes are a contract like rule IDs: reports carry them and applications match on
    them; a code is never renamed or reused. Create reasons with :func:`reason` so that
    the catalogue holds them.
    """

    code: str = attrs.field(validator=_code_form)
    zh: str
    en: str

    @property
    def template(self) -> Message:
        """The two templates as a :class:`Message`."""
        return Message(self.zh, self.en)

    def given(self, **facts: object) -> Stated:
        """This reason with the facts of one case."""
        return Stated(self, facts)

    def render(self, **facts: object) -> Message:
        """The texts in both languages, rendered from ``facts``."""
        return self.given(**facts).message


def _frozen(facts: Mapping[str, object]) -> Mapping[str, object]:
    # Facts are data: a coded value is kept as its code, so that a reason reads back
    # equal from its plain form.
    return MappingProxyType({key: _coded(value) for key, value in facts.items()})


def _coded(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return [_coded(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_coded(item) for item in value)
    return value


_GOT: Final = Message("（读到 {got!r}）", " (got {got!r})")


@attrs.frozen
class Stated:
    """A reason as given in one case: the reason and the facts its templates render.

    A fact named ``got`` is the offending value as it may be shown; both texts end with
    it (``（读到 '…'）``, ``(got '…')``).
    """

    reason: Reason
    facts: Mapping[str, object] = attrs.field(factory=dict, converter=_frozen)

    @property
    def code(self) -> str:
        """The reason's code."""
        return self.reason.code

    @property
    def message(self) -> Message:
        """The reason's texts, rendered from the facts."""
        text = self.reason.template.format(self.facts)
        if "got" not in self.facts:
            return text
        got = _GOT.format(self.facts)
        return Message(text.zh + got.zh, text.en + got.en)

    def with_facts(self, **facts: object) -> Stated:
        """The same reason with further facts."""
        return Stated(self.reason, {**self.facts, **facts})

    def to_dict(self) -> dict[str, object]:
        """Plain data: the code and the facts (dates in ISO form)."""
        return {"code": self.code, **{key: _data(value) for key, value in self.facts.items()}}


def _data(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Stated):
        return value.to_dict()
    if isinstance(value, Reason):
        return value.code
    if isinstance(value, list | tuple):
        return [_data(item) for item in value]
    return value


@attrs.define
class Catalogue:
    """Reasons by code, and the vocabularies (words by value) among them.

    Iterating gives the reasons in code order.
    """

    _reasons: dict[str, Reason] = attrs.field(factory=dict, alias="reasons")
    _words: dict[str, dict[str, Reason]] = attrs.field(factory=dict, alias="words")

    def add(self, item: Reason) -> Reason:
        """Register ``item``; a code may be registered once only."""
        if item.code in self._reasons:
            raise DuplicateReason(f"reason {item.code} is already registered")
        self._reasons[item.code] = item
        return item

    def add_word(self, vocabulary: str, value: str, item: Reason) -> Reason:
        """Register ``item`` as the word for ``value`` in ``vocabulary``."""
        self.add(item)
        self._words.setdefault(vocabulary, {})[value] = item
        return item

    def word(self, vocabulary: str, value: str) -> Reason | None:
        """The word for ``value`` in ``vocabulary``, if the vocabulary has one."""
        return self._words.get(vocabulary, {}).get(value)

    @property
    def vocabularies(self) -> tuple[str, ...]:
        """The names of the vocabularies, in order."""
        return tuple(sorted(self._words))

    def __getitem__(self, code: str) -> Reason:
        try:
            return self._reasons[code]
        except KeyError:
            raise UnknownReason(code) from None

    def __contains__(self, code: object) -> bool:
        return code in self._reasons

    def __iter__(self) -> Iterator[Reason]:
        return iter(sorted(self._reasons.values(), key=lambda item: item.code))

    def __len__(self) -> int:
        return len(self._reasons)


CATALOGUE = Catalogue()
"""Every reason of the library, registered when its module is imported."""


def reason(code: str, zh: str, en: str, *, catalogue: Catalogue = CATALOGUE) -> Reason:
    """Create a reason and register it in ``catalogue``.

    ``zh`` and ``en`` are templates naming facts in braces.
    """
    return catalogue.add(Reason(code, zh, en))


def vocabulary(
    name: str,
    words: Iterable[tuple[str, str, str]],
    *,
    catalogue: Catalogue = CATALOGUE,
) -> tuple[Reason, ...]:
    """Register a vocabulary: ``(value, zh, en)`` words, coded ``NAME.VALUE``.

    Templates show a fact holding one of the values, or a list of them, in words with
    ``{fact:NAME}``.
    """
    return tuple(
        catalogue.add_word(name, value, Reason(f"{name}.{value.upper()}", zh, en))
        for value, zh, en in words
    )


# Reasons shared by the record models -----------------------------------------------------

GRADE_RANGE: Final = reason(
    "RECORD.GRADE_RANGE", "义务教育年级为 1 至 9", "compulsory grades run from 1 to 9"
)
"""A grade outside compulsory education."""
NEGATIVE: Final = reason("RECORD.NEGATIVE", "不能为负数", "cannot be negative")
"""A count, a number of days or an age below zero."""
BEFORE_BIRTH: Final = reason("RECORD.BEFORE_BIRTH", "早于出生日期", "is before the birth date")
"""A date of a person's life before the person was born."""


# Rendering -----------------------------------------------------------------------------

_LIST_SEPARATORS: Final = {"zh": ", ", "en": ", "}
_WORD_SEPARATORS: Final = {"zh": "、", "en": ", "}
_REASON_SEPARATORS: Final = {"zh": "；", "en": "; "}
_ALTERNATIVES: Final = {"zh": " 或 ", "en": " or "}


def _fill(template: str, facts: Mapping[str, object], language: Language) -> str:
    return template.format_map(_Facts(facts, language))


class _Facts(dict[str, object]):
    """Facts as a template in one language sees them."""

    def __init__(self, facts: Mapping[str, object], language: Language) -> None:
        super().__init__({key: _Shown(value, language) for key, value in facts.items()})
        self.language: Language = language

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class _Shown:
    """One fact, shown in one language; a format spec names a vocabulary."""

    __slots__ = ("language", "value")

    def __init__(self, value: object, language: Language) -> None:
        self.value = value
        self.language: Language = language

    def __format__(self, spec: str) -> str:
        if spec and spec.isupper():
            return self._words(spec)
        if spec == "or" and isinstance(self.value, list | tuple):
            # Alternatives: "students or population".
            shown = (str(_shown(item, self.language)) for item in self.value)
            return _ALTERNATIVES[self.language].join(shown)
        return format(_shown(self.value, self.language), spec)

    def __str__(self) -> str:
        return str(_shown(self.value, self.language))

    def __repr__(self) -> str:
        return repr(_shown(self.value, self.language))

    def _words(self, name: str) -> str:
        values = self.value if isinstance(self.value, list | tuple) else (self.value,)
        texts = []
        for value in values:
            plain = value.value if isinstance(value, enum.Enum) else value
            word = CATALOGUE.word(name, str(plain))
            texts.append(word.template.text(self.language) if word is not None else str(plain))
        return _WORD_SEPARATORS[self.language].join(texts)


def _shown(value: object, language: Language) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Stated):
        return value.message.text(language)
    if isinstance(value, Reason):
        return value.template.text(language)
    if isinstance(value, list | tuple):
        if value and all(isinstance(item, Stated | Reason) for item in value):
            separator = _REASON_SEPARATORS[language]
        else:
            separator = _LIST_SEPARATORS[language]
        return separator.join(str(_shown(item, language)) for item in value)
    if isinstance(value, enum.Enum):
        return value.value
    return value
