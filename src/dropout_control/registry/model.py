"""Student registration records (学籍) and their coded values.

Basis: 中小学生学籍管理办法 (教基一〔2013〕7号, replaced by 教基〔2025〕1号) and the Ministry of
Education's 2016 registration FAQ: one person, one record; a dropout keeps its record
for the whole compulsory period; no withdrawal (退学) in compulsory education.

A record keeps a malformed resident ID or student number as a
:class:`~dropout_control.identity.malformed.MalformedNumber`: a wrong number is a
finding (ID-001, ID-004), not a row that cannot be read. What cannot exist (grade 12,
entry before birth) raises at construction.
"""

from __future__ import annotations

import datetime as dt

import attrs

from dropout_control.checked import checked_record
from dropout_control.codes import Code
from dropout_control.errors import InvalidCode, InvalidDate
from dropout_control.findings import SourceLocation, Subject
from dropout_control.identity import ResidentId, Sex, StudentNumber, mask_name, mask_number
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.identity.masking import MaskedRepr, masked_date_repr
from dropout_control.reasons import BEFORE_BIRTH, GRADE_RANGE, vocabulary

__all__ = [
    "CancelReason",
    "IdType",
    "LeftBehind",
    "RecordStatus",
    "StudentRecord",
    "StudyMode",
]

FIRST_GRADE = 1
LAST_GRADE = 9


class RecordStatus(Code):
    """The status of a registration record (学籍状态)."""

    ACTIVE = ("active", "在读", "在籍", "正常", "在校")
    SUSPENDED = ("suspended", "休学")
    TRANSFERRED_OUT = ("transferred_out", "转出", "已转出")
    DROPPED_OUT = ("dropped_out", "辍学", "失学")
    GRADUATED = ("graduated", "毕业")
    COMPLETED = ("completed", "结业")
    DECEASED = ("deceased", "死亡")
    CANCELLED = ("cancelled", "注销", "已注销")
    WITHDRAWN = ("withdrawn", "退学")

    @property
    def is_open(self) -> bool:
        """Whether the record still holds the student's place (active or suspended)."""
        return self is RecordStatus.ACTIVE or self is RecordStatus.SUSPENDED

    @property
    def has_finished(self) -> bool:
        """Whether the student finished compulsory education (graduated or completed)."""
        return self in _FINISHED


RecordStatus.words("STATUS")
_FINISHED = frozenset({RecordStatus.GRADUATED, RecordStatus.COMPLETED})


class StudyMode(Code):
    """How the student attends (就读方式)."""

    DAY = ("day", "走读")
    BOARDING = ("boarding", "住校", "寄宿")
    HOME_TEACHING = ("home_teaching", "送教上门")


class IdType(Code):
    """The kind of identity document recorded (身份证件类型)."""

    RESIDENT_ID = ("resident_id", "居民身份证", "身份证")
    HK_MACAO_TAIWAN = (
        "hk_macao_taiwan",
        "港澳台居民身份证件",
        "港澳台居民居住证",
        "港澳居民来往内地通行证",
    )
    PASSPORT = ("passport", "护照")
    OTHER = ("other", "其他")


class LeftBehind(Code):
    """Whether the child is left behind by migrant parents (是否留守儿童)."""

    NO = ("0", "否", "非留守")
    ONE_PARENT = ("1", "单亲外出", "一方外出")
    BOTH_PARENTS = ("2", "双亲外出", "双方外出")


class CancelReason(Code):
    """Why a record was cancelled (注销原因); only some are lawful in compulsory education."""

    DEATH = ("death", "死亡")
    EMIGRATION = ("emigration", "出国定居", "移居境外", "移民")
    LEFT_COUNTRY = ("left_country", "出境", "出国", "离境")
    OTHER = ("other", "其他")

    @property
    def is_lawful_in_compulsory_education(self) -> bool:
        """Death, emigration and leaving the country for good are the lawful reasons."""
        return self is not CancelReason.OTHER


CancelReason.words("CANCEL")
vocabulary("CANCEL", [("none", "未填写", "none")])


def _grade(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not FIRST_GRADE <= value <= LAST_GRADE:
        raise InvalidCode(attribute.name, GRADE_RANGE, shown=str(value))


@checked_record
@attrs.frozen
class StudentRecord(MaskedRepr):
    """One student's registration record (学籍) as the registry holds it.

    ``source`` is where the record was read (file and line); it is not part of equality.
    Personal fields are masked in ``repr``.
    """

    student_number: StudentNumber | MalformedNumber
    name: str = attrs.field(repr=mask_name)
    sex: Sex
    birth_date: dt.date = attrs.field(repr=masked_date_repr)
    school_id: str
    grade: int = attrs.field(validator=_grade)
    entry_date: dt.date
    status: RecordStatus
    resident_id: ResidentId | MalformedNumber | None = None
    id_type: IdType = IdType.RESIDENT_ID
    ethnicity: str | None = None
    household_region: str | None = None
    class_name: str | None = None
    record_created_on: dt.date | None = None
    status_since: dt.date | None = None
    cancel_reason: CancelReason | None = None
    study_mode: StudyMode | None = None
    migrant: bool | None = None
    left_behind: LeftBehind | None = None
    disability: str | None = None
    regular_class_placement: bool | None = None
    poverty_registered: bool | None = None
    expert_assessed_on: dt.date | None = None
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.entry_date < self.birth_date:
            raise InvalidDate("entry_date", BEFORE_BIRTH, shown=self.entry_date.isoformat())

    @property
    def key(self) -> str:
        """The record's unique key in its kind: the student number as written."""
        return self.student_number.reveal()

    @property
    def subject(self) -> Subject:
        """The record as the subject of a finding: its number, masked when shown."""
        return Subject.personal(self.key, shown=mask_number(self.key))

    @property
    def valid_resident_id(self) -> ResidentId | None:
        """The resident ID number when one is recorded and valid."""
        return self.resident_id if isinstance(self.resident_id, ResidentId) else None

    @property
    def is_open(self) -> bool:
        """Whether the record holds the student's place (active or suspended)."""
        return self.status.is_open

    @property
    def is_lawfully_cancelled(self) -> bool:
        """Whether the record was cancelled for a reason lawful in compulsory education
        (death, emigration, leaving the country for good)."""
        reason = self.cancel_reason
        return (
            self.status is RecordStatus.CANCELLED
            and reason is not None
            and reason.is_lawful_in_compulsory_education
        )

    @property
    def county(self) -> str | None:
        """The student's county as findings name it: the household region, else the
        region code of a valid resident ID number."""
        if self.household_region is not None:
            return self.household_region
        number = self.valid_resident_id
        return number.region_code if number is not None else None

    @property
    def is_disabled(self) -> bool:
        """Whether a disability is recorded (残疾人类型 given)."""
        return self.disability is not None

    @property
    def is_home_taught(self) -> bool:
        """Whether the student is taught at home (送教上门)."""
        return self.study_mode is StudyMode.HOME_TEACHING
