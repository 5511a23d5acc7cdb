"""The policy's coded words: grounds and approving bodies.

Parameters name grounds (``suspension.allowed_grounds``, ``enrolment.deferral_grounds``)
and approvers (``suspension.approvers``) by English codes, and records carry the same
codes once read. Each code a layer or a record is likely to hold is a word of the
``GROUND`` or ``BODY`` vocabulary of :mod:`dropout_control.reasons`, with its Chinese
term and English words; message templates show it with ``{grounds:GROUND}``. A code not
listed is shown as written.

>>> term_zh("township_government"), term_zh("health"), term_zh("村委会")
('乡镇人民政府', '身体原因', '村委会')
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType
from typing import Final

from dropout_control.reasons import vocabulary

__all__ = ["BODIES", "GROUNDS", "TERMS_ZH", "term_zh", "terms_zh"]

GROUNDS: Final = vocabulary(
    "GROUND",
    [
        # Grounds of a deferral or a suspension (义务教育法 art 11 names health).
        ("health", "身体原因", "health"),
        ("abroad_temporary", "临时出国", "temporarily abroad"),
        ("family", "家庭原因", "family reasons"),
        ("work", "外出务工", "work away from home"),
        ("study_elsewhere", "外出就读", "study elsewhere"),
    ],
)
"""The grounds of a deferral or a suspension (``GROUND.HEALTH`` …)."""

BODIES: Final = vocabulary(
    "BODY",
    [
        # Bodies that approve, or are said to have approved.
        ("township_government", "乡镇人民政府", "the township government"),
        ("county_education_bureau", "县级教育行政部门", "the county education bureau"),
        ("school", "学校", "the school"),
        ("village_committee", "村民委员会", "the village committee"),
        ("parents", "父母或其他监护人", "the parents or guardians"),
        # Bodies that approve a household-registration age correction.
        ("city_public_security_bureau", "市级公安机关", "the city public security bureau"),
        ("county_public_security_bureau", "县级公安机关", "the county public security bureau"),
        ("police_station", "派出所", "the police station"),
    ],
)
"""The bodies that approve, or are said to have approved (``BODY.SCHOOL`` …)."""

TERMS_ZH: Final = MappingProxyType(
    {word.code.split(".", 1)[1].lower(): word.zh for word in (*GROUNDS, *BODIES)}
)
"""Chinese terms of the policy's codes (the Chinese of the ``GROUND`` and ``BODY`` words)."""


def term_zh(code: str) -> str:
    """The Chinese term of ``code``, or ``code`` itself when it has none."""
    return TERMS_ZH.get(code, code)


def terms_zh(codes: Iterable[str]) -> str:
    """Several codes in Chinese, joined by the enumeration comma (、).

    >>> terms_zh(["township_government", "county_education_bureau"])
    '乡镇人民政府、县级教育行政部门'
    """
    return "、".join(term_zh(code) for code in codes)
