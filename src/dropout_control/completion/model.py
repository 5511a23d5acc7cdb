"""Certificates of compulsory education (毕业证书、义务教育完成证书、肄业证书) and schools.

Basis: 义务教育法 art 2 [C]: nine years of compulsory education; the registration rules
(中小学生学籍管理办法, 教基一〔2013〕7号 [S]) give a graduation certificate (毕业证书) to a
student who finished a stage on the roll; 临州办发〔2019〕18号 [C] orders a full check of
how completion certificates (义务教育完成证书) were issued and the correction of
irregular ones. A leaving certificate (肄业证书) records that a student left before the
end and never counts as completion.
"""

from __future__ import annotations

import datetime as dt

import attrs

from dropout_control.checked import checked_record
from dropout_control.codes import Code
from dropout_control.findings import SourceLocation, Subject
from dropout_control.identity import StudentNumber, mask_number
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.identity.masking import MaskedRepr

__all__ = ["Certificate", "CertificateKind", "School", "SchoolStage", "Stage"]


class CertificateKind(Code):
    """The kind of a certificate of compulsory education (证书类别)."""

    GRADUATION = ("graduation", "毕业", "毕业证书", "毕业证")
    COMPLETION = ("completion", "义务教育完成", "义务教育完成证书", "完成证书", "结业证书")
    LEAVING = ("leaving", "肄业", "肄业证书", "肄业证")

    @property
    def counts_as_completion(self) -> bool:
        """Whether a certificate of this kind can show compulsory education completed:
        graduation and completion can, a leaving certificate never does."""
        return self is not CertificateKind.LEAVING


CertificateKind.words("CERTIFICATE")


class Stage(Code):
    """A stage of compulsory education (学段); the words are those of ``STAGE``."""

    PRIMARY = ("primary", "小学")
    JUNIOR_SECONDARY = ("junior_secondary", "初中", "初级中学")


class SchoolStage(Code):
    """The stages a school teaches (学校类型)."""

    PRIMARY = ("primary", "小学")
    JUNIOR_SECONDARY = ("junior_secondary", "初中", "初级中学")
    NINE_YEAR = ("nine_year", "九年一贯制", "九年一贯制学校")


SchoolStage.words("SCHOOLTYPE")


@checked_record
@attrs.frozen
class Certificate(MaskedRepr):
    """One certificate issued to a student at the end of a stage.

    ``stage`` is the stage the certificate closes as written; when absent, the stage
    whose final grade the student's record holds (see
    :func:`~dropout_control.completion.stage_of`). The student number is kept as
    written: a malformed one is a finding of the rules, not a row that cannot be read.
    """

    certificate_no: str
    student_number: StudentNumber | MalformedNumber
    kind: CertificateKind
    issued_on: dt.date
    school_id: str
    stage: Stage | None = None
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def key(self) -> str:
        """The certificate's unique key: its number."""
        return self.certificate_no

    @property
    def student_key(self) -> str:
        """The student number as written, to find the student's records."""
        return self.student_number.reveal()

    @property
    def subject(self) -> Subject:
        """The certificate as the subject of a finding: the holder's student number,
        masked when shown (the certificate number goes among the facts)."""
        number = self.student_key
        return Subject.personal(number, shown=mask_number(number))


@checked_record
@attrs.frozen
class School(MaskedRepr):
    """A school, with the county and township it lies in (学校)."""

    school_id: str
    # Not personal, but a field called ``name`` is kept out of every repr, as a
    # person's name is (the leak checks treat every ``name`` alike).
    name: str | None = attrs.field(default=None, repr=False)
    county: str | None = None
    township: str | None = None
    stage: SchoolStage | None = None
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def key(self) -> str:
        """The school's unique key: its identification code (学校标识码)."""
        return self.school_id
