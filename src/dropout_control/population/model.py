"""The population roster, deferrals of entry and reports of employed minors.

The roster lists the children of an area from household registration (户籍) or the
poverty-alleviation database; the survey (调查摸底) compares it with the registry to find
every school-age child out of school.
"""

from __future__ import annotations

import datetime as dt

import attrs

from dropout_control.checked import checked_record
from dropout_control.errors import InvalidDate
from dropout_control.findings import SourceLocation, Subject
from dropout_control.identity import ResidentId, Sex, mask_name, mask_number
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.identity.masking import MaskedRepr, masked_date_repr
from dropout_control.reasons import BEFORE_BIRTH, reason

BEFORE_APPROVAL = reason("RECORD.BEFORE_APPROVAL", "早于批准日期", "is before approved_on")

__all__ = ["Child", "Deferral", "EmploymentReport"]


@checked_record
@attrs.frozen
class Child(MaskedRepr):
    """A child of the population roster (适龄儿童少年名册)."""

    resident_id: ResidentId | MalformedNumber
    name: str = attrs.field(repr=mask_name)
    birth_date: dt.date = attrs.field(repr=masked_date_repr)
    household_region: str
    sex: Sex | None = None
    disability: str | None = None
    deceased_on: dt.date | None = None
    emigrated_on: dt.date | None = None
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        for name in ("deceased_on", "emigrated_on"):
            day = getattr(self, name)
            if day is not None and day < self.birth_date:
                raise InvalidDate(name, BEFORE_BIRTH, shown=day.isoformat())

    @property
    def key(self) -> str:
        """The resident ID number as written."""
        return self.resident_id.reveal()

    @property
    def subject(self) -> Subject:
        """The record as the subject of a finding: its number, masked when shown."""
        return Subject.personal(self.key, shown=mask_number(self.key))

    @property
    def valid_resident_id(self) -> ResidentId | None:
        """The resident ID number when it is valid."""
        return self.resident_id if isinstance(self.resident_id, ResidentId) else None

    @property
    def is_disabled(self) -> bool:
        """Whether a disability is recorded."""
        return self.disability is not None

    def has_left_on(self, day: dt.date) -> bool:
        """Whether the child had died or emigrated by ``day``."""
        deceased, emigrated = self.deceased_on, self.emigrated_on
        return (deceased is not None and deceased <= day) or (
            emigrated is not None and emigrated <= day
        )


@checked_record
@attrs.frozen
class Deferral(MaskedRepr):
    """A deferral of school entry (缓学), approved for a child until a date.

    Basis: 义务教育法 art 11: a child may defer entry on health grounds, on the parents'
    application, with the approval of the township government or the county education
    bureau.
    """

    resident_id: ResidentId | MalformedNumber
    grounds: str
    approved_by: str
    approved_on: dt.date
    until: dt.date
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.until < self.approved_on:
            raise InvalidDate("until", BEFORE_APPROVAL, shown=self.until.isoformat())

    @property
    def key(self) -> str:
        """The resident ID number as written."""
        return self.resident_id.reveal()

    @property
    def subject(self) -> Subject:
        """The record as the subject of a finding: its number, masked when shown."""
        return Subject.personal(self.key, shown=mask_number(self.key))

    @property
    def valid_resident_id(self) -> ResidentId | None:
        """The resident ID number when it is valid."""
        return self.resident_id if isinstance(self.resident_id, ResidentId) else None

    def covers(self, day: dt.date) -> bool:
        """Whether the deferral runs on ``day``."""
        return self.approved_on <= day <= self.until


@checked_record
@attrs.frozen
class EmploymentReport(MaskedRepr):
    """A report that a minor is employed (使用童工 reports from human resources)."""

    resident_id: ResidentId | MalformedNumber
    employer: str
    reported_on: dt.date
    source: SourceLocation | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def key(self) -> str:
        """The resident ID number as written."""
        return self.resident_id.reveal()

    @property
    def subject(self) -> Subject:
        """The record as the subject of a finding: its number, masked when shown."""
        return Subject.personal(self.key, shown=mask_number(self.key))

    @property
    def valid_resident_id(self) -> ResidentId | None:
        """The resident ID number when it is valid."""
        return self.resident_id if isinstance(self.resident_id, ResidentId) else None
