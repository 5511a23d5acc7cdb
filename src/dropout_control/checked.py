"""Record classes that refuse a value of the wrong type at construction (类型检查).

An application that builds a record by hand and passes ``sex="male"`` where a
:class:`~dropout_control.identity.Sex` is expected, or a plain text where a
:class:`~dropout_control.identity.ResidentId` is expected, gets a :class:`TypeError`
naming the class, the field and what to pass, at once, rather than a failure deep inside
an audit (and an ID in clear in a ``repr``). The value itself is never shown: it may be
personal. A date outside the span the library serves is refused too (a ``ValueError``),
so that no rule computes past the end of the calendar.

The readers build records from values their own parsers made, of the right types by
construction; they take :func:`trusted_init`, which skips the check, so that a
million rows pay nothing for it.

>>> import attrs
>>> @checked_record
... @attrs.frozen
... class Visit:
...     on: dt.date
...     periods: int = 1
>>> Visit(dt.date(2019, 3, 20))
Visit(on=datetime.date(2019, 3, 20), periods=1)
>>> Visit("2019-03-20")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
TypeError: Visit.on: expected a datetime.date, not str; read a text with ...
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable
from typing import Final, TypeVar

import attrs

from dropout_control.calendar.span import date_argument

__all__ = ["checked_record", "trusted_init"]

_C = TypeVar("_C", bound=type)

_TRUSTED: Final = "__dropout_control_trusted__"

# What to say for a type whose values are made by a named constructor.
_HINTS: Final[dict[str, str]] = {
    "ResidentId": "read a text with ResidentId.parse()",
    "StudentNumber": "read a text with StudentNumber.parse()",
    "YearMonth": "read a text with YearMonth.parse()",
    "date": "read a text with datetime.date.fromisoformat()",
}


def _allowed(kind: object) -> tuple[tuple[type, ...], bool] | None:
    """The classes a field's values may be of, and whether None is allowed; None when
    the annotation is not a plain class or union of classes (left unchecked)."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        members = typing.get_args(kind)
    else:
        members = (kind,)
    classes: list[type] = []
    optional = False
    for member in members:
        if member is type(None):
            optional = True
            continue
        origin = typing.get_origin(member) or member
        if not isinstance(origin, type) or origin is typing.Any:
            return None
        classes.append(origin)
    return tuple(classes), optional


def _describe(classes: tuple[type, ...], optional: bool) -> str:
    names = [
        f"{c.__module__}.{c.__qualname__}" if c.__module__ == "datetime" else c.__qualname__
        for c in classes
    ]
    if optional:
        names.append("None")
    return " or ".join(names)


def _is_instance(value: object, classes: tuple[type, ...]) -> bool:
    if isinstance(value, bool) and bool not in classes:
        return False  # a bool is an int to Python, never to a record
    if isinstance(value, dt.datetime) and dt.datetime not in classes:
        return False  # a date field takes a date, not a moment
    return isinstance(value, classes)


def _checker(cls: type) -> Callable[[str, object], None]:
    hints = typing.get_type_hints(cls)
    plans: dict[str, tuple[tuple[type, ...], bool]] = {}
    for field in attrs.fields(cls):
        allowed = _allowed(hints.get(field.name, typing.Any))
        if allowed is not None:
            plans[field.alias or field.name] = allowed

    def check(name: str, value: object) -> None:
        plan = plans.get(name)
        if plan is None:
            return
        classes, optional = plan
        if value is None:
            if optional:
                return
        elif _is_instance(value, classes):
            if value.__class__ is dt.date:
                date_argument(value, f"{cls.__name__}.{name}")
            return
        hint = ""
        codes = [c for c in classes if issubclass(c, enum.Enum)]
        if codes:
            code = codes[0]
            first = next(iter(code))
            hint = f"; use a member such as {code.__name__}.{first.name}"
            if hasattr(code, "parse"):
                hint += f", or {code.__name__}.parse(text) for a code or its Chinese word"
        else:
            hint = next((f"; {_HINTS[c.__name__]}" for c in classes if c.__name__ in _HINTS), "")
        raise TypeError(
            f"{cls.__name__}.{name}: expected a {_describe(classes, optional)}, "
            f"not {type(value).__name__}{hint}"
        )

    return check


def checked_record(cls: _C) -> _C:
    """Make the attrs class ``cls`` refuse values of the wrong type at construction.

    Each argument given is checked against its field's annotation (a class, or a union
    of classes and ``None``; a generic such as ``tuple[str, ...]`` is checked as its
    origin); defaults are not. A bool is not taken for an int, nor a datetime for a date;
    a date outside the span the library serves
    (:data:`~dropout_control.calendar.EARLIEST_DATE` to
    :data:`~dropout_control.calendar.LATEST_DATE`) is an
    :class:`~dropout_control.errors.InvalidDate`, as it is in a file.
    """
    init = cls.__dict__["__init__"]
    fields = [field.alias or field.name for field in attrs.fields(cls)]
    check: Callable[[str, object], None] | None = None

    @functools.wraps(init)
    def __init__(self: object, *args: object, **kwargs: object) -> None:  # noqa: N807
        nonlocal check
        if check is None:  # annotations resolve once every module is loaded
            check = _checker(cls)
        for name, value in zip(fields, args, strict=False):
            check(name, value)
        for name, value in kwargs.items():
            check(name, value)
        init(self, *args, **kwargs)

    setattr(cls, _TRUSTED, init)
    cls.__init__ = __init__  # type: ignore[misc]
    return cls


def trusted_init(cls: type) -> Callable[..., None] | None:
    """The ``__init__`` of ``cls`` without the type check of :func:`checked_record` (the
    invariants still hold), or None for a class that is not checked: for readers whose
    parsers make every value's type, which build ``object.__new__(cls)`` and call it."""
    init: Callable[..., None] | None = cls.__dict__.get(_TRUSTED)
    return init
