"""Placement (安置) of a child persuaded back to school: which placements are admissible.

Basis: 临州办发〔2019〕18号 part two, third measure [C]: returned students are placed and
kept in school, older children who were out long in vocational-plus-academic study
(职普融合), disabled children in special education. MOE 2020 opinions on 控辍保学 [S]:
placement by inserted class (插班), separate class (单独编班) or 普职融合, one plan per
child. 残疾人教育条例 art 17 [C]: a disabled child goes to an ordinary school where it can
(随班就读), else a special school, else is taught at home (送教上门); arts 20-21 [C]: the
county's expert committee assesses the child first.

:func:`placements` is a pure function of the child's facts, the date and the policy. It
proposes; the county education bureau decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs

from dropout_control.calendar import SchoolYear, age_on, usual_grade
from dropout_control.errors import InvalidDate, InvalidRecord
from dropout_control.ledger.keys import PLACEMENT_OVER_AGE_YEARS_FOR_VOCATIONAL
from dropout_control.ledger.model import Placement
from dropout_control.policy import Policy
from dropout_control.policy.keys import COMPULSORY_YEARS, ENROLMENT_OVER_AGE_YEARS
from dropout_control.reasons import GRADE_RANGE, Stated, reason

__all__ = ["ProposedPlacement", "ReturningChild", "placements"]


BEFORE_LEAVING = reason("PLACEMENT.BEFORE_OUT", "早于辍学日期", "is before the day it left")

NOT_OVER_AGE = reason(
    "PLACEMENT.NOT_OVER_AGE",
    "回原年级（{grade} 年级）：比该年级常规年龄大 {years_over} 岁，少于超龄标准 {limit} 岁",
    "back to its grade ({grade}): {years_over} years older than the grade's usual age, "
    "fewer than the {limit} that make a student over-age",
)
OVER_AGE_INSERTED = reason(
    "PLACEMENT.OVER_AGE_INSERTED",
    "比原年级（{grade} 年级）常规年龄大 {years_over} 岁（超龄标准 {limit} 岁），"
    "可插入与其年龄相近的 {age_grade} 年级",
    "{years_over} years older than its grade's ({grade}) usual age (over-age from "
    "{limit}): may join a class of grade {age_grade}, nearer its age",
)
OVER_AGE_SEPARATE = reason(
    "PLACEMENT.OVER_AGE_SEPARATE",
    "比原年级（{grade} 年级）常规年龄大 {years_over} 岁（超龄标准 {limit} 岁），"
    "可与其他返校超龄学生单独编班",
    "{years_over} years older than its grade's ({grade}) usual age (over-age from "
    "{limit}): may study in a separate class of returned over-age students",
)
OVER_AGE_VOCATIONAL = reason(
    "PLACEMENT.OVER_AGE_VOCATIONAL",
    "比原年级（{grade} 年级）常规年龄大 {years_over} 岁，达到职普融合标准 {limit} 岁",
    "{years_over} years older than its grade's ({grade}) usual age, at least the "
    "{limit} that admit vocational-plus-academic study (职普融合)",
)
ASSESSED_SPECIAL_SCHOOL = reason(
    "PLACEMENT.ASSESSED_SPECIAL_SCHOOL",
    "残疾（{disability}），专家委员会 {assessed_on} 已评估：可入特殊教育学校",
    "disabled ({disability}), assessed by the expert committee on {assessed_on}: may "
    "go to a special school",
)
ASSESSED_HOME_TEACHING = reason(
    "PLACEMENT.ASSESSED_HOME_TEACHING",
    "残疾（{disability}），专家委员会 {assessed_on} 已评估：不能到校的，可送教上门",
    "disabled ({disability}), assessed by the expert committee on {assessed_on}: if it "
    "cannot attend school, it may be taught at home",
)


@attrs.frozen
class ReturningChild:
    """What a placement depends on: a child's birth date, the grade it reached (the
    grade it was in when it left, or 0 when it never enrolled), the day it left school
    (``None`` when it never enrolled), its disability (残疾人类型) and the day the expert
    committee assessed it, if it did.
    """

    birth_date: dt.date
    grade_reached: int
    out_since: dt.date | None = None
    disability: str | None = None
    expert_assessed_on: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.grade_reached < 0:
            raise InvalidRecord("grade_reached", GRADE_RANGE, shown=str(self.grade_reached))
        if self.out_since is not None and self.out_since < self.birth_date:
            raise InvalidDate("out_since", BEFORE_LEAVING, shown=self.out_since.isoformat())


@attrs.frozen
class ProposedPlacement:
    """One admissible placement: where, into which grade (``None`` for a special school
    or home teaching, where the school decides), why (a reason with its facts) and the
    policy parameters the reason used, with their values."""

    placement: Placement
    grade: int | None
    why: Stated
    parameters: Mapping[str, object] = attrs.field(factory=dict)


def placements(
    child: ReturningChild, as_of: dt.date, *, policy: Policy
) -> tuple[ProposedPlacement, ...]:
    """The admissible placements of a child returning to school on ``as_of``, in the
    order the texts prefer them, each with its reason and the parameters it used.

    The child goes back to the grade it reached (grade 1 if it never enrolled): time out
    of school does not advance it, so time out counts through its age. Its years over
    are the grade its age usually attends in the school year of ``as_of`` less that
    grade.

    - fewer years over than ``enrolment.over_age_years``: its own grade, in a regular
      class (回原班);
    - at least that many: an inserted class of the grade nearer its age (插班, at most
      the last compulsory grade) or a separate class of returned over-age students
      (单独编班);
    - at least ``placement.over_age_years_for_vocational``: vocational-plus-academic
      study (职普融合) too;
    - disabled and assessed by the expert committee on or before ``as_of``: a special
      school and home teaching too. A disabled child not yet assessed is offered only
      the placements of its age: the assessment comes first (残疾人教育条例 arts 20-21).

    >>> from dropout_control.policy import resolve_policy
    >>> policy = resolve_policy(on=dt.date(2019, 3, 20))
    >>> child = ReturningChild(dt.date(2005, 3, 1), grade_reached=5,
    ...                        out_since=dt.date(2016, 6, 30))
    >>> [(p.placement.value, p.grade) for p in placements(child, dt.date(2019, 3, 20),
    ...                                                   policy=policy)]
    [('inserted', 8), ('separate_class', 5), ('vocational_integrated', 5)]
    """
    school_year = SchoolYear.containing(as_of, policy=policy)
    grade = max(child.grade_reached, 1)
    age_grade = usual_grade(child.birth_date, school_year, policy=policy)
    years_over = age_grade - grade
    over_age = policy.value(ENROLMENT_OVER_AGE_YEARS, int)
    facts = {
        "grade": grade,
        "years_over": years_over,
        "age": age_on(child.birth_date, as_of),
        "days_out": None if child.out_since is None else (as_of - child.out_since).days,
    }
    found: list[ProposedPlacement] = []
    if years_over < over_age:
        found.append(
            ProposedPlacement(
                Placement.REGULAR,
                grade,
                NOT_OVER_AGE.given(**facts, limit=over_age),
                {ENROLMENT_OVER_AGE_YEARS: over_age},
            )
        )
    else:
        last = policy.value(COMPULSORY_YEARS, int)
        found.append(
            ProposedPlacement(
                Placement.INSERTED,
                min(age_grade, last),
                OVER_AGE_INSERTED.given(**facts, limit=over_age, age_grade=min(age_grade, last)),
                {ENROLMENT_OVER_AGE_YEARS: over_age, COMPULSORY_YEARS: last},
            )
        )
        found.append(
            ProposedPlacement(
                Placement.SEPARATE_CLASS,
                grade,
                OVER_AGE_SEPARATE.given(**facts, limit=over_age),
                {ENROLMENT_OVER_AGE_YEARS: over_age},
            )
        )
    if policy.is_in_force(PLACEMENT_OVER_AGE_YEARS_FOR_VOCATIONAL):
        vocational = policy.value(PLACEMENT_OVER_AGE_YEARS_FOR_VOCATIONAL, int)
        if years_over >= vocational:
            found.append(
                ProposedPlacement(
                    Placement.VOCATIONAL_INTEGRATED,
                    grade,
                    OVER_AGE_VOCATIONAL.given(**facts, limit=vocational),
                    {PLACEMENT_OVER_AGE_YEARS_FOR_VOCATIONAL: vocational},
                )
            )
    assessed = child.expert_assessed_on
    if child.disability is not None and assessed is not None and assessed <= as_of:
        said = {"disability": child.disability, "assessed_on": assessed}
        found.append(
            ProposedPlacement(Placement.SPECIAL_SCHOOL, None, ASSESSED_SPECIAL_SCHOOL.given(**said))
        )
        found.append(
            ProposedPlacement(Placement.HOME_TEACHING, None, ASSESSED_HOME_TEACHING.given(**said))
        )
    return tuple(found)
