"""The policy's coded words in Chinese: grounds and approving bodies.

Parameters name grounds (``suspension.allowed_grounds``, ``enrolment.deferral_grounds``)
and approvers (``suspension.approvers``) by English codes, and records carry the same
codes once read. Findings speak Chinese as well as English, so each code a layer or a
record is likely to hold has its Chinese term here; a code not listed is shown as
written.

>>> term_zh("township_government"), term_zh("health"), term_zh("村委会")
('乡镇人民政府', '身体原因', '村委会')
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType
from typing import Final

__all__ = ["TERMS_ZH", "term_zh", "terms_zh"]

TERMS_ZH: Final = MappingProxyType(
    {
        # Grounds of a deferral or a suspension (义务教育法 art 11 names health).
        "health": "身体原因",
        "abroad_temporary": "临时出国",
        "family": "家庭原因",
        "work": "外出务工",
        "study_elsewhere": "外出就读",
        # Bodies that approve, or are said to have approved.
        "township_government": "乡镇人民政府",
        "county_education_bureau": "县级教育行政部门",
        "school": "学校",
        "village_committee": "村民委员会",
        "parents": "父母或其他监护人",
    }
)
"""Chinese terms of the policy's codes."""


def term_zh(code: str) -> str:
    """The Chinese term of ``code``, or ``code`` itself when it has none."""
    return TERMS_ZH.get(code, code)


def terms_zh(codes: Iterable[str]) -> str:
    """Several codes in Chinese, joined by the enumeration comma (、).

    >>> terms_zh(["township_government", "county_education_bureau"])
    '乡镇人民政府、县级教育行政部门'
    """
    return "、".join(term_zh(code) for code in codes)
