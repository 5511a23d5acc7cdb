"""Look-ups of certificates and schools that rules, whereabouts and other packages use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dropout_control.completion.kinds import CERTIFICATES_BY_STUDENT, SCHOOLS_BY_ID

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle
    from dropout_control.completion.model import Certificate, School

__all__ = ["certificates_of", "school_named", "township_of"]


def certificates_of(bundle: Bundle, student_number: str) -> tuple[Certificate, ...]:
    """Every certificate issued to this student number (as written)."""
    return bundle.index(CERTIFICATES_BY_STUDENT).get(student_number, ())


def school_named(bundle: Bundle, school_id: str) -> School | None:
    """The school of this identification code in the ``schools`` input, if any."""
    return bundle.index(SCHOOLS_BY_ID).get(school_id)


def township_of(bundle: Bundle, school_id: str) -> str | None:
    """The township of a school as the ``schools`` input names it; ``None`` when not
    known (no ``schools`` input, the school not in it, or its township not given)."""
    school = school_named(bundle, school_id)
    return None if school is None else school.township
