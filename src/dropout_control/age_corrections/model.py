"""Household-registration age corrections (户籍年龄纠正) and the evidence behind them.

Basis: 居民身份证法 art 11 [C]: when the particulars of a resident ID change, the number
is reissued; GB 11643-1999 [C]: the birth date is characters 7 to 14 of the number. A
correction of the birth date in household registration therefore changes the number,
and the student record must follow it (人籍一致). The public security organs approve a
correction on documents, the birth medical certificate (出生医学证明) first
(``age_correction.prevailing_evidence``).
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from dropout_control.calendar.lunar import LunarDate
from dropout_control.calendar.span import (
    EARLIEST_DATE,
    LATEST_DATE,
    OUT_OF_RANGE,
    is_supported_date,
)
from dropout_control.codes import Code
from dropout_control.errors import InvalidDate, InvalidLunarDate
from dropout_control.findings import SourceLocation, Subject
from dropout_control.identity import ResidentId
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.identity.masking import MaskedRepr, masked_date_repr
from dropout_control.reasons import BEFORE_BIRTH, reason

__all__ = ["AgeCorrection", "BirthCalendar", "CorrectionEvidence", "EvidenceKind"]

SAME_BIRTH_DATE = reason(
    "RECORD.SAME_BIRTH_DATE",
    "与原出生日期相同：纠正须改变出生日期",
    "is the old birth date: a correction must change it",
)
SHOWN_DATE_FORM = reason(
    "INPUT.SHOWN_DATE_FORM",
    "应为公历日期 YYYY-MM-DD、YYYYMMDD 或 YYYY/M/D",
    "expected a Gregorian date YYYY-MM-DD, YYYYMMDD or YYYY/M/D",
)
LEAP_MONTH_IN_GREGORIAN = reason(
    "INPUT.LEAP_MONTH_IN_GREGORIAN",
    "闰月（L）只用于农历日期：历法应为 lunar",
    "a leap month (L) is a lunar date: the calendar should be lunar",
)

_GREGORIAN_FORMS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
)


class EvidenceKind(Code):
    """A kind of document that shows a birth date (证明材料)."""

    BIRTH_CERTIFICATE = ("birth_certificate", "出生医学证明", "出生证", "出生证明")
    MIGRATION_CERTIFICATE = ("migration_certificate", "户口迁移证", "迁移证")
    ORIGINAL_REGISTRATION = ("original_registration", "原始户籍登记资料", "原始户籍资料")
    SCHOOL_RECORD = ("school_record", "学籍档案", "入学登记")
    VACCINATION_RECORD = ("vaccination_record", "预防接种证", "预防接种记录")
    OTHER = ("other", "其他")


class BirthCalendar(Code):
    """The calendar a document writes a birth date in (历法)."""

    GREGORIAN = ("gregorian", "公历", "阳历", "新历")
    LUNAR = ("lunar", "农历", "阴历", "旧历")


EvidenceKind.words("DOCUMENT")
BirthCalendar.words("CALENDAR")


def _gregorian(text: str) -> dt.date:
    for form in _GREGORIAN_FORMS:
        match = form.fullmatch(text)
        if match is not None:
            year, month, day = (int(part) for part in match.groups())
            try:
                shown = dt.date(year, month, day)
            except ValueError:
                break
            if not is_supported_date(shown):
                # As any date cell of the input: outside the span the calendar serves.
                raise InvalidDate(
                    "birth_date_shown",
                    OUT_OF_RANGE,
                    shown=text,
                    facts={"earliest": EARLIEST_DATE, "latest": LATEST_DATE},
                )
            return shown
    raise InvalidDate("birth_date_shown", SHOWN_DATE_FORM, shown=text)


def _read_shown(text: str, calendar: BirthCalendar) -> dt.date | LunarDate:
    written = text.strip()
    if calendar is BirthCalendar.LUNAR:
        try:
            return LunarDate.parse(written)
        except InvalidLunarDate as error:
            said = error.stated
            raise InvalidLunarDate(
                "birth_date_shown", said.reason, shown=written, facts=said.facts
            ) from None
    if "L" in written.upper():
        raise InvalidDate("birth_date_shown", LEAP_MONTH_IN_GREGORIAN, shown=written)
    return _gregorian(written)


@attrs.frozen
class AgeCorrection(MaskedRepr):
    """One correction of a person's birth date in household registration (户籍年龄纠正).

    The numbers are kept as written: an invalid one is a valid record and a finding
    (AC-005). ``approved_by`` is kept as written too, known body or not (AC-006 judges
    it). What cannot exist is refused: a "correction" to the same birth date, an
    approval before the new or old birth date.

    >>> correction = AgeCorrection(
    ...     "AC1",
    ...     ResidentId.from_parts("622921", dt.date(2010, 5, 1), 3),
    ...     ResidentId.from_parts("622921", dt.date(2008, 5, 1), 3),
    ...     old_birth_date=dt.date(2010, 5, 1),
    ...     new_birth_date=dt.date(2008, 5, 1),
    ...     approved_by="city_public_security_bureau",
    ...     approved_on=dt.date(2018, 10, 8),
    ... )
    >>> correction.is_approved, correction.years_older
    (True, 2)
    """

    correction_id: str
    old_resident_id: ResidentId | MalformedNumber
    new_resident_id: ResidentId | MalformedNumber
    old_birth_date: dt.date = attrs.field(repr=masked_date_repr)
    new_birth_date: dt.date = attrs.field(repr=masked_date_repr)
    approved_by: str | None = None
    approved_on: dt.date | None = None
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.new_birth_date == self.old_birth_date:
            raise InvalidDate(
                "new_birth_date", SAME_BIRTH_DATE, shown=f"{self.new_birth_date.year:04}-**-**"
            )
        approved = self.approved_on
        if approved is not None and approved < max(self.old_birth_date, self.new_birth_date):
            raise InvalidDate("approved_on", BEFORE_BIRTH, shown=approved.isoformat())

    @property
    def key(self) -> str:
        """The correction's unique key: its correction ID."""
        return self.correction_id

    @property
    def subject(self) -> Subject:
        """The correction as the subject of a finding (its ID is not personal)."""
        return Subject.public(self.correction_id)

    @property
    def old_key(self) -> str:
        """The old resident ID number as written."""
        return self.old_resident_id.reveal()

    @property
    def new_key(self) -> str:
        """The new resident ID number as written."""
        return self.new_resident_id.reveal()

    @property
    def is_approved(self) -> bool:
        """Whether the correction took effect: it carries an approval date.

        Who approved is AC-006's question; a correction approved by the wrong body still
        changed the household registration and the number.
        """
        return self.approved_on is not None

    def is_approved_by(self, day: dt.date) -> bool:
        """Whether the correction was approved on or before ``day``."""
        return self.approved_on is not None and self.approved_on <= day

    @property
    def years_older(self) -> int:
        """Whole years by which the correction makes the person older on paper
        (negative when it makes the person younger)."""
        earlier, later = sorted((self.old_birth_date, self.new_birth_date))
        years = later.year - earlier.year
        if (later.month, later.day) < (earlier.month, earlier.day):
            years -= 1
        return years if self.new_birth_date < self.old_birth_date else -years


def _calendar(value: BirthCalendar | None) -> BirthCalendar:
    return BirthCalendar.GREGORIAN if value is None else value


@attrs.frozen
class CorrectionEvidence:
    """A document shown for a correction, and the birth date it shows (证明材料).

    ``birth_date_shown`` is the date as the document writes it, in the document's
    ``calendar``: a Gregorian date, or a lunar one written ``YYYY-MM-DD`` with ``L``
    before a leap month (``2009-L05-03``). Which calendar decides how the text reads,
    so the text is read here, on construction; a text that is not a date of its
    calendar raises :class:`~dropout_control.errors.InvalidDate` (field
    ``birth_date_shown``), and the reader reports the row as INPUT-001.

    >>> shown = CorrectionEvidence("AC1", EvidenceKind.OTHER, "2009-L05-03", BirthCalendar.LUNAR)
    >>> shown.lunar_date, shown.day
    (LunarDate(year=2009, month=5, day=3, leap=True), datetime.date(2009, 6, 25))
    """

    correction_id: str
    kind: EvidenceKind
    birth_date_shown: str = attrs.field(repr=lambda text: repr(f"{text[:4]}-**-**"))
    calendar: BirthCalendar = attrs.field(default=BirthCalendar.GREGORIAN, converter=_calendar)
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _read_shown(self.birth_date_shown, self.calendar)

    @property
    def lunar_date(self) -> LunarDate | None:
        """The lunar date shown, when the document writes a lunar date."""
        read = _read_shown(self.birth_date_shown, self.calendar)
        return read if isinstance(read, LunarDate) else None

    @property
    def day(self) -> dt.date:
        """The Gregorian day of the birth date shown (a lunar date converted)."""
        read = _read_shown(self.birth_date_shown, self.calendar)
        return read.to_gregorian() if isinstance(read, LunarDate) else read
