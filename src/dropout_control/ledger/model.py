"""The dropout ledger (控辍保学台账): cases, persuasion attempts and absences.

Basis: 临州办发〔2019〕18号 part two [C]: every child found out of school is entered in
the county's ledger with an individual return plan (一人一策), someone answers for each
step, persuasion is recorded until the child is back, and the returned child is placed
where it can stay (保学巩固). 未成年人保护法 art 28 [C]: a school that cannot bring a
pupil back reports in writing to the education authority.

A case is a record of dated events (opened, planned, reported, returned, closed); its
stage is derived from them on a date (:mod:`dropout_control.ledger.stages`), never
stored.
"""

from __future__ import annotations

import datetime as dt

import attrs

from dropout_control.checked import checked_record
from dropout_control.codes import Code
from dropout_control.errors import InvalidDate, InvalidRecord
from dropout_control.findings import SourceLocation, Subject
from dropout_control.identity import mask_number
from dropout_control.identity.masking import (
    MaskedRepr,
    optional_name_repr,
    optional_number_repr,
)
from dropout_control.reasons import NEGATIVE, reason

__all__ = [
    "Absence",
    "Attempt",
    "AttemptOutcome",
    "Case",
    "CaseCause",
    "CaseOrigin",
    "CaseOutcome",
    "Placement",
]

BEFORE_OPENING = reason(
    "RECORD.BEFORE_OPENING", "早于立案日期", "is before the day the case was opened"
)
BEFORE_ABSENCE_START = reason(
    "RECORD.BEFORE_ABSENCE_START", "早于缺勤开始日期", "is before the absence started"
)
CASE_NO_IDENTITY = reason(
    "RECORD.CASE_NO_IDENTITY",
    "台账案例须有身份证件号或学籍号",
    "a case needs a resident ID or a student number",
)
CLOSED_WITHOUT_OUTCOME = reason(
    "RECORD.CLOSED_WITHOUT_OUTCOME",
    "已销号的案例须写明结果",
    "a closed case needs its outcome",
)
OUTCOME_WITHOUT_CLOSING = reason(
    "RECORD.OUTCOME_WITHOUT_CLOSING",
    "写明结果的案例须有销号日期",
    "a case with an outcome needs the day it was closed",
)
MORE_THAN_THE_SPAN = reason(
    "RECORD.MORE_SCHOOL_DAYS_THAN_DAYS",
    "上课日数多于起止日期之间的天数",
    "more school days than days from start to end",
)


class CaseOrigin(Code):
    """How a child came to the ledger (来源)."""

    SURVEY = ("survey", "摸底调查", "调查摸底")
    ABSENCE = ("absence", "缺勤", "无故缺勤")
    TRANSFER = ("transfer", "转学", "转出去向不明")
    SUSPENSION = ("suspension", "休学", "休学期满未复学")
    REVISIT = ("revisit", "回访", "复查")
    POPULATION = ("population", "户籍比对", "人口比对")


class CaseCause(Code):
    """Why the child left school, as the ledger records it (辍学原因)."""

    LEARNING = ("learning", "厌学", "学习困难")
    WORK = ("work", "外出务工", "打工")
    EARLY_MARRIAGE = ("early_marriage", "早婚早育", "早婚")
    RELIGION = ("religion", "宗教因素", "宗教")
    POVERTY = ("poverty", "家庭贫困", "贫困")
    DISTANCE = ("distance", "上学路远", "路远")
    DISABILITY = ("disability", "残疾")
    ILLNESS = ("illness", "疾病", "患病")
    OTHER = ("other", "其他")


class CaseOutcome(Code):
    """How a case was closed (销号原因)."""

    RETURNED = ("returned", "返校复学", "复学", "劝返")
    DECEASED = ("deceased", "死亡")
    EMIGRATED = ("emigrated", "出国定居", "移居国外")
    UNABLE_TO_LEARN = ("unable_to_learn", "经评估无法接受教育", "无学习能力")
    COMPLETED = ("completed", "完成义务教育", "已完成义务教育")


class Placement(Code):
    """Where a returned child was placed (安置方式)."""

    REGULAR = ("regular", "随班就读", "普通班")
    INSERTED = ("inserted", "插班就读", "插班")
    SEPARATE_CLASS = ("separate_class", "单独编班", "单独编班就读")
    VOCATIONAL_INTEGRATED = ("vocational_integrated", "职普融合")
    SPECIAL_SCHOOL = ("special_school", "特殊教育学校", "特教学校")
    HOME_TEACHING = ("home_teaching", "送教上门")

    @property
    def is_ordinary_class(self) -> bool:
        """Whether the child sits in an ordinary class of an ordinary school."""
        return self in (Placement.REGULAR, Placement.INSERTED)


class AttemptOutcome(Code):
    """What came of a persuasion attempt (劝返结果)."""

    FAILED = ("failed", "未成功", "劝返未果")
    RETURNED = ("returned", "已返校", "劝返成功")
    REFUSED = ("refused", "拒绝", "家长拒绝")

    @property
    def is_failure(self) -> bool:
        """Whether the attempt did not bring the child back (failed or refused)."""
        return self is not AttemptOutcome.RETURNED


CaseOrigin.words("ORIGIN")
CaseCause.words("CAUSE")
CaseOutcome.words("OUTCOME")
Placement.words("PLACEMENT")
AttemptOutcome.words("ATTEMPT")


def _not_before(field: str, day: dt.date | None, earliest: dt.date) -> None:
    if day is not None and day < earliest:
        raise InvalidDate(field, BEFORE_OPENING, shown=day.isoformat())


@checked_record
@attrs.frozen
class Case(MaskedRepr):
    """One child's case in the dropout ledger (控辍保学台账).

    The child is named by its resident ID number or its student number (one at least),
    as written. ``origin`` is the input's ``source`` column (how the child came to the
    ledger; ``source`` is where the row was read). Dates of the case's events may not
    come before the day it was opened; a closed case names its outcome, and an outcome
    needs the day it was closed.

    >>> case = Case("C1", dt.date(2019, 3, 1), resident_id="622921201001010031")
    >>> case
    Case(case_id='C1', opened_on=datetime.date(2019, 3, 1), student_number=None, resident_id='622921**********31', origin=None, cause=None, plan_made_on=None, responsible=None, written_report_on=None, closed_on=None, outcome=None, outcome_evidence=None, returned_on=None, placement=None, vocational_considered=None)
    >>> case.people
    ('622921201001010031',)
    """  # noqa: E501 - a doctest line

    case_id: str
    opened_on: dt.date
    student_number: str | None = attrs.field(default=None, repr=optional_number_repr)
    resident_id: str | None = attrs.field(default=None, repr=optional_number_repr)
    origin: CaseOrigin | None = None
    cause: CaseCause | None = None
    plan_made_on: dt.date | None = None
    responsible: str | None = attrs.field(default=None, repr=optional_name_repr)
    written_report_on: dt.date | None = None
    closed_on: dt.date | None = None
    outcome: CaseOutcome | None = None
    outcome_evidence: str | None = attrs.field(default=None, repr=optional_name_repr)
    returned_on: dt.date | None = None
    placement: Placement | None = None
    vocational_considered: bool | None = None
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not (self.student_number or self.resident_id):
            raise InvalidRecord("resident_id", CASE_NO_IDENTITY)
        for field in ("plan_made_on", "written_report_on", "closed_on", "returned_on"):
            _not_before(field, getattr(self, field), self.opened_on)
        if self.closed_on is not None and self.outcome is None:
            raise InvalidRecord("outcome", CLOSED_WITHOUT_OUTCOME)
        if self.outcome is not None and self.closed_on is None:
            raise InvalidRecord("closed_on", OUTCOME_WITHOUT_CLOSING, shown=str(self.outcome))

    @property
    def key(self) -> str:
        """The case's unique key: its case ID."""
        return self.case_id

    @property
    def subject(self) -> Subject:
        """The case as the subject of a finding (its ID is not personal)."""
        return Subject.public(self.case_id)

    @property
    def people(self) -> tuple[str, ...]:
        """The numbers that name the child, as written: resident ID first."""
        return tuple(n for n in (self.resident_id, self.student_number) if n)

    @property
    def is_closed_as_returned(self) -> bool:
        """Whether the case was closed because the child came back."""
        return self.outcome is CaseOutcome.RETURNED

    def is_closed_by(self, day: dt.date) -> bool:
        """Whether the case was closed on or before ``day``."""
        return self.closed_on is not None and self.closed_on <= day

    @property
    def return_day(self) -> dt.date | None:
        """The day the child came back: ``returned_on``, else the closing day of a case
        closed as returned."""
        if self.returned_on is not None:
            return self.returned_on
        return self.closed_on if self.is_closed_as_returned else None

    @property
    def names_responsible(self) -> bool:
        """Whether the case names who owns its current step."""
        return bool(self.responsible and self.responsible.strip())


@checked_record
@attrs.frozen
class Attempt:
    """One persuasion attempt (劝返) on a case: when, by whom, and what came of it."""

    case_id: str
    on: dt.date
    by: str
    outcome: AttemptOutcome
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)


@checked_record
@attrs.frozen
class Absence(MaskedRepr):
    """One spell of absence of a student (缺勤), with its school days and whether it
    was excused. ``school_days`` is what the school counted; it cannot exceed the days
    from ``start`` to ``end``."""

    student_number: str = attrs.field(repr=lambda v: repr(mask_number(v)))
    start: dt.date
    end: dt.date
    school_days: int
    excused: bool
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidDate("end", BEFORE_ABSENCE_START, shown=self.end.isoformat())
        if self.school_days < 0:
            raise InvalidRecord("school_days", NEGATIVE, shown=str(self.school_days))
        if self.school_days > (self.end - self.start).days + 1:
            raise InvalidRecord("school_days", MORE_THAN_THE_SPAN, shown=str(self.school_days))

    @property
    def subject(self) -> Subject:
        """The student absent, masked when shown."""
        return Subject.personal(self.student_number, shown=mask_number(self.student_number))
