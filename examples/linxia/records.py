"""Records as the demo generator holds them before writing: one object a row.

Each row object carries the problems planted on it (``plants``: rule and note) and, once
the files are laid out, its physical line, so that the manifest can name it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Final

from examples.linxia.setting import GRADE_ZH, GRADE_ZH_ALT, ID_TYPE_RESIDENT, OPEN_STATUSES

Plant = tuple[str, str]  # (rule ID, note)
RollMark = tuple[bool, str] | None  # (present, excuse) in one month, or None: not on the roll


@dataclass
class Child:
    """A child: the facts that the registry and the roster both record."""

    resident_id: str  # as written; "" when the child has no resident ID number
    name: str
    male: bool
    birth_date: dt.date
    household_region: str
    ethnicity: str
    disability: str = ""
    deceased_on: dt.date | None = None
    emigrated_on: dt.date | None = None


@dataclass
class Student:
    """One registration record (学籍), and what the demo plants on its row."""

    child: Child
    student_number: str
    school_id: str
    grade: int
    entry_year: int
    created_on: dt.date
    status: str = "active"
    status_since: dt.date | None = None
    cancel_reason: str = ""
    study_mode: str = "day"
    id_type: str = ID_TYPE_RESIDENT
    class_name: str = ""
    migrant: bool = False
    left_behind: str = "否"
    poverty: bool = False
    expert_assessed_on: dt.date | None = None
    compact_dates: bool = True  # YYYYMMDD, else YYYY-MM-DD
    dashed_entry: bool = False  # 入学年月 as YYYY-MM, else YYYYMM
    grade_alt: bool = False  # 七年级 rather than 初一
    text: dict[str, str] = field(default_factory=dict)  # cells written as given
    plants: list[Plant] = field(default_factory=list)
    rejected: bool = False  # the row cannot become a record (INPUT-001)
    # The months the record's row is on its school's monthly roll: None for every month
    # its school counts, if the record is open; a transfer dates it otherwise.
    roll_months: tuple[str, ...] | None = None
    roll_marks: dict[str, RollMark] = field(default_factory=dict)  # planted months
    suspensions: list[SuspensionRow] = field(default_factory=list)
    line: int = 0

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def grade_label(self) -> str:
        """The grade as the row writes it: 一年级 … 初三, or 七年级 … 九年级 for some."""
        alternative = GRADE_ZH_ALT.get(self.grade) if self.grade_alt else None
        return alternative or GRADE_ZH[self.grade]

    @property
    def is_plain(self) -> bool:
        """Whether nothing was planted on the record, written over or moved."""
        return not (
            self.plants
            or self.text
            or self.rejected
            or self.roll_marks
            or self.suspensions
            or self.roll_months is not None
        )

    @property
    def is_counted(self) -> bool:
        """Whether the row becomes an active record (and so belongs in a headcount total)."""
        return self.status == "active" and not self.rejected


@dataclass
class RosterRow:
    """One row of the population roster (户籍 children of the township)."""

    child: Child
    date_style: int  # 0 YYYY-MM-DD, 1 YYYYMMDD, 2 YYYY/M/D
    numeric_sex: bool  # 1/2 rather than 男/女
    text: dict[str, str] = field(default_factory=dict)
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


@dataclass
class DeferralRow:
    child: Child
    grounds: str
    approved_by: str
    approved_on: dt.date
    until: dt.date
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


@dataclass
class EmploymentRow:
    child: Child
    employer: str
    reported_on: dt.date
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


@dataclass
class SuspensionRow:
    """A suspension of study (休学) of one student number: a line of suspensions.jsonl."""

    student_number: str
    start: dt.date
    end: dt.date
    grounds: str = "health"
    approved_by: str = "county_education_bureau"
    approved_on: dt.date | None = None  # a few days before the start when not given
    extensions: int = 0
    returned_on: dt.date | None = None
    plants: list[Plant] = field(default_factory=list)
    suspension_id: str = ""
    line: int = 0

    @property
    def approval(self) -> dt.date:
        return self.approved_on or self.start - dt.timedelta(days=7)

    @property
    def away_until(self) -> dt.date:
        """The last day the student is away: the day before the return, else the end."""
        if self.returned_on is not None:
            return min(self.end, self.returned_on - dt.timedelta(days=1))
        return self.end


APPROVAL_PARTIES: Final = (
    "receiving_school_on",
    "receiving_bureau_on",
    "sending_school_on",
    "sending_bureau_on",
)


@dataclass
class TransferRow:
    """A transfer (转学) of one student number: a line of transfers.csv.

    ``approvals`` are the four parties' dates in the order of
    ``transfer.approval_order``: receiving school, receiving bureau, sending school,
    sending bureau.
    """

    student_number: str
    from_school: str
    to_school: str
    applied_on: dt.date
    grade_before: int
    approvals: tuple[dt.date | None, dt.date | None, dt.date | None, dt.date | None]
    status: str  # pending, completed, rejected
    grade_after: int | None = None
    completed_on: dt.date | None = None
    compact_dates: bool = False  # YYYYMMDD, else YYYY-MM-DD
    plants: list[Plant] = field(default_factory=list)
    transfer_id: str = ""
    line: int = 0


@dataclass
class RollRow:
    """A row of a school's monthly headcount that is not the default row of a record:
    a child on a roll with no record there (REC-002, TR-007)."""

    month: str
    school_id: str
    student_number: str
    resident_id: str
    name: str
    present: bool = True
    excuse: str = ""
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


@dataclass
class TotalRow:
    """A school's reported headcount total for a month (headcount_totals.csv)."""

    month: str
    school_id: str
    total: int
    plants: list[Plant] = field(default_factory=list)
    line: int = 0


@dataclass(frozen=True)
class ManifestEntry:
    rule: str
    file: str
    line: int
    note: str
    # The audit date that finds the plant when it is not the demo's: the day the
    # rule's parameters come into force, for a rule not yet in force on the demo's date.
    as_of: dt.date | None = None

    def sort_key(self) -> tuple[str, int, str]:
        return (self.file, self.line, self.rule)
