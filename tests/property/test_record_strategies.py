"""The record and bundle strategies draw what they promise.

Records are valid and lawful on their audit date: a record drawn alone breaks no rule.
They read back from the canonical cells a registry export would hold (the converter of
:mod:`dropout_control.io`), and a clean bundle reads back whole. ``st.from_type`` draws
each record type. A record's ``repr`` never shows a number or a name in clear.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import Any, cast

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dropout_control.auditing import audit_bundle
from dropout_control.bundle import Bundle
from dropout_control.calendar import (
    SchoolYear,
    YearMonth,
    age_on,
    entry_year,
    is_school_age,
    usual_grade,
)
from dropout_control.findings import Report, SourceLocation
from dropout_control.home_teaching import HomeTeachingVisit
from dropout_control.identity import (
    LINXIA_COUNTIES,
    ResidentId,
    StudentNumber,
    is_known_region,
)
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.io import records_from_rows, structure_record
from dropout_control.kinds import KINDS
from dropout_control.policy import NATIONAL, resolve_policy
from dropout_control.population import Child, Deferral, EmploymentReport
from dropout_control.population.kinds import POPULATION
from dropout_control.reconciliation import HeadcountEntry, HeadcountTotal
from dropout_control.registry import RecordStatus, StudentRecord
from dropout_control.registry.kinds import STUDENTS
from dropout_control.strategies import (
    absences,
    age_corrections,
    attempts,
    cases,
    certificates,
    children,
    clean_bundles,
    deferrals,
    employment_reports,
    evidence,
    headcount_entries,
    headcount_totals,
    home_teaching_visits,
    schools,
    student_records,
    suspensions,
    transfers,
    violating_bundles,
    year_months,
)
from dropout_control.strategies.bundles import OUTSIDE_REGIONS, UNKNOWN_REGIONS
from dropout_control.suspensions import Suspension
from dropout_control.transfers import Transfer, TransferStatus

RECORD_KINDS = {kind.name: kind.record_class for kind in KINDS}
AS_OF = dt.date(2019, 3, 20)
POLICY = resolve_policy(NATIONAL, on=AS_OF)
CURRENT = SchoolYear.containing(AS_OF, policy=POLICY)
LINXIA_CODES = {county.code for county in LINXIA_COUNTIES}

KIND_OF = {record_type: kind for kind, record_type in RECORD_KINDS.items()}
RECORD_STRATEGIES: dict[str, st.SearchStrategy[object]] = {
    "students": student_records(),
    "population": children(departed=None),
    "deferrals": deferrals(),
    "employment": employment_reports(),
    "headcounts": headcount_entries(),
    "headcount_totals": headcount_totals(),
    "transfers": transfers(),
    "suspensions": suspensions(),
    "age_corrections": age_corrections(),
    "evidence": evidence(),
    "home_teaching": home_teaching_visits(),
    "certificates": certificates(),
    "schools": schools(),
    "cases": cases(),
    "attempts": attempts(),
    "absences": absences(),
}


def audit_alone(record: object, *, with_kinds: Iterable[str] = ()) -> Report:
    bundle = Bundle.from_records([record])
    if with_kinds:
        bundle = bundle.evolve(kinds=bundle.kinds | set(with_kinds))
    return audit_bundle(bundle, as_of=AS_OF)


def rules_found(report: Report) -> list[str]:
    return sorted({str(finding.rule) for finding in report.findings})


def cell(value: object) -> str:
    """A value as a registry export writes it, in the canonical form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, ResidentId | StudentNumber | MalformedNumber):
        return value.reveal()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def fields_of(record: object) -> tuple[attrs.Attribute[Any], ...]:
    return tuple(attrs.fields(cast("Any", type(record))))


def source_of(record: object) -> SourceLocation:
    where = getattr(record, "source", None)
    assert isinstance(where, SourceLocation)
    return where


def row_of(record: object) -> dict[str, str]:
    """The canonical row of ``record``: one cell a field, the source left out."""
    return {
        field.name: cell(getattr(record, field.name))
        for field in fields_of(record)
        if field.name != "source"
    }


# Students.


@settings(max_examples=100)
@given(student_records())
def test_a_student_record_agrees_with_its_id_number_and_its_age(record: StudentRecord) -> None:
    number = record.resident_id
    assert isinstance(number, ResidentId)
    assert record.student_number == StudentNumber.from_resident_id(number)
    assert (number.birth_date, number.sex) == (record.birth_date, record.sex)
    assert number.region_code in LINXIA_CODES
    assert record.household_region == number.region_code
    assert record.status is not RecordStatus.WITHDRAWN
    assert record.entry_date <= AS_OF
    if record.record_created_on is not None:
        assert 0 <= (record.record_created_on - record.entry_date).days <= 30
    if not record.status.has_finished:
        usual = CURRENT.start_year - entry_year(record.birth_date, policy=POLICY) + 1
        assert record.grade in (usual, usual - 1)
    if record.status is RecordStatus.CANCELLED:
        assert record.cancel_reason is not None
        assert record.cancel_reason.is_lawful_in_compulsory_education


@settings(max_examples=100)
@given(student_records())
def test_a_student_record_alone_breaks_no_rule(record: StudentRecord) -> None:
    assert [] == rules_found(audit_alone(record))


@given(
    student_records(
        school_ids=["2162000007"],
        regions=["622927"],
        statuses=[RecordStatus.SUSPENDED, RecordStatus.GRADUATED],
        grades=[3, 9],
    )
)
def test_student_records_keep_to_every_keyword(record: StudentRecord) -> None:
    assert "2162000007" == record.school_id
    assert record.valid_resident_id is not None
    assert "622927" == record.valid_resident_id.region_code
    assert record.status in (RecordStatus.SUSPENDED, RecordStatus.GRADUATED)
    assert record.grade in (3, 9)


@given(student_records(statuses=[RecordStatus.GRADUATED, RecordStatus.COMPLETED]))
def test_a_finished_record_is_in_the_final_grade_of_a_year_that_ended(
    record: StudentRecord,
) -> None:
    assert 9 == record.grade
    assert record.status_since is not None
    assert record.status_since < CURRENT.start
    # Graduated last June in grade 9: the usual age of grade 10 or more now.
    assert usual_grade(record.birth_date, CURRENT, policy=POLICY) >= 10


@given(student_records(statuses=[RecordStatus.WITHDRAWN]))
def test_a_withdrawn_record_is_asked_for_by_name_and_breaks_reg_002(
    record: StudentRecord,
) -> None:
    assert ["REG-002"] == rules_found(audit_alone(record))


# The roster, deferrals, employment.


@given(children(school_age=True))
def test_a_school_age_child_with_no_record_is_out_of_school(child: Child) -> None:
    assert is_school_age(child.birth_date, AS_OF, policy=POLICY, disabled=child.is_disabled)
    assert ["AGE-002"] == rules_found(audit_alone(child, with_kinds=["students"]))


@given(children(school_age=False, departed=None))
def test_a_child_outside_school_age_breaks_no_rule_without_a_record(child: Child) -> None:
    assert not is_school_age(child.birth_date, AS_OF, policy=POLICY, disabled=child.is_disabled)
    assert [] == rules_found(audit_alone(child, with_kinds=["students"]))


@given(children(departed=True))
def test_a_departed_child_has_left_by_the_audit_date(child: Child) -> None:
    assert child.has_left_on(AS_OF)
    assert [] == rules_found(audit_alone(child, with_kinds=["students"]))


@given(children(departed=None))
def test_a_child_agrees_with_its_id_number(child: Child) -> None:
    number = child.resident_id
    assert isinstance(number, ResidentId)
    assert number.birth_date == child.birth_date
    assert child.sex in (number.sex, None)
    assert child.household_region == number.region_code
    assert child.birth_date <= AS_OF


@given(deferrals())
def test_a_deferral_is_lawful(deferral: Deferral) -> None:
    assert deferral.grounds in POLICY.value("enrolment.deferral_grounds", tuple)
    assert deferral.approved_by in POLICY.value("suspension.approvers", tuple)
    assert deferral.approved_on <= AS_OF
    assert [] == rules_found(audit_alone(deferral))


@given(employment_reports())
def test_an_employment_report_is_of_a_young_person_of_working_age(
    report: EmploymentReport,
) -> None:
    number = report.resident_id
    assert isinstance(number, ResidentId)
    assert age_on(number.birth_date, report.reported_on) in (16, 17)
    assert report.reported_on <= AS_OF
    assert [] == rules_found(audit_alone(report))


# Headcounts, months, transfers, suspensions.


@given(headcount_entries(school_ids=["2162000003"]))
def test_a_headcount_row_names_a_child_in_a_month_of_this_school_year(
    entry: HeadcountEntry,
) -> None:
    assert YearMonth.of(CURRENT.start) <= entry.month <= YearMonth.of(AS_OF)
    assert "2162000003" == entry.school_id
    assert entry.student_number is not None or entry.resident_id is not None
    if entry.present:
        assert entry.excuse is None


@given(headcount_totals())
def test_a_headcount_total_is_of_a_month_of_this_school_year(total: HeadcountTotal) -> None:
    assert YearMonth.of(CURRENT.start) <= total.month <= YearMonth.of(AS_OF)
    assert total.total >= 0


@given(year_months(min_value=YearMonth(2018, 11), max_value=YearMonth(2019, 2)))
def test_year_months_keep_to_their_range_and_read_back(month: YearMonth) -> None:
    assert YearMonth(2018, 11) <= month <= YearMonth(2019, 2)
    assert month == YearMonth.parse(str(month))


@given(transfers(school_ids=["2162000001", "2162000002"]))
def test_a_transfer_is_lawful_and_between_two_schools(transfer: Transfer) -> None:
    assert {transfer.from_school, transfer.to_school} == {"2162000001", "2162000002"}
    assert transfer.applied_on <= AS_OF
    if transfer.status is TransferStatus.COMPLETED:
        assert transfer.grade_after == transfer.grade_before
    assert [] == rules_found(audit_alone(transfer, with_kinds=["suspensions"]))


@given(home_teaching_visits())
def test_a_home_teaching_visit_names_its_school_and_alone_breaks_no_rule(
    visit: HomeTeachingVisit,
) -> None:
    assert visit.school_id is not None
    assert CURRENT.start <= visit.on <= AS_OF
    assert [] == rules_found(audit_alone(visit, with_kinds=["students"]))


@given(suspensions())
def test_a_suspension_is_lawful_and_runs_on_the_audit_date(suspension: Suspension) -> None:
    assert suspension.covers(AS_OF)
    assert [] == rules_found(audit_alone(suspension, with_kinds=["students"]))


# Every record: where it was read, from_type, round trips, masking.


@pytest.mark.parametrize("kind", sorted(RECORD_STRATEGIES))
def test_records_say_they_come_from_the_file_of_their_kind(kind: str) -> None:
    @given(RECORD_STRATEGIES[kind])
    def check(record: object) -> None:
        where = source_of(record)
        assert f"{kind}.csv" == where.file
        assert where.line >= 2

    check()


@pytest.mark.parametrize("record_type", list(RECORD_KINDS.values()), ids=list(RECORD_KINDS))
def test_from_type_draws_each_record_type(record_type: type) -> None:
    @settings(max_examples=20)
    @given(st.from_type(record_type))
    def check(record: object) -> None:
        assert isinstance(record, record_type)

    check()


@given(st.from_type(YearMonth))
def test_from_type_draws_months(month: YearMonth) -> None:
    assert month == YearMonth.parse(str(month))


@pytest.mark.parametrize("kind", sorted(RECORD_STRATEGIES))
def test_records_read_back_from_their_canonical_cells(kind: str) -> None:
    @given(RECORD_STRATEGIES[kind])
    def check(record: object) -> None:
        assert record == structure_record(kind, row_of(record))

    check()


READABLE_KINDS = sorted(RECORD_KINDS)


@settings(max_examples=25, deadline=None)
@given(clean_bundles())
def test_a_clean_bundle_reads_back_whole(bundle: Bundle) -> None:
    rows = {kind: [row_of(record) for record in bundle.records(kind)] for kind in READABLE_KINDS}

    read = records_from_rows(rows)

    assert ((), ()) == (read.rejections, read.duplicates)
    for kind in READABLE_KINDS:
        assert bundle.records(kind) == tuple(read.records[kind])


@pytest.mark.parametrize("kind", ["transfers", "suspensions"])
def test_transfers_and_suspensions_read_back(kind: str) -> None:
    @settings(max_examples=5)
    @given(RECORD_STRATEGIES[kind])
    def check(record: object) -> None:
        read = records_from_rows({kind: [row_of(record)]})
        assert (record,) == tuple(read.records[kind])

    check()


def personal_texts(record: object) -> list[str]:
    """The clear numbers and names a record holds (of two characters or more)."""
    found = []
    for field in fields_of(record):
        value = getattr(record, field.name)
        if isinstance(value, ResidentId | StudentNumber | MalformedNumber):
            found.append(value.reveal())
        elif field.name in ("student_number", "resident_id", "name") and isinstance(value, str):
            found.append(value)
    return [text for text in found if len(text) >= 2]


def hidden_part(text: str) -> str:
    """What masking hides: a number's middle (its birth date and sequence), or a name
    but its first character."""
    body = text.lstrip("GLJ")
    return body[6:-2] if len(body) >= 12 else text[1:]


@pytest.mark.parametrize("kind", sorted(RECORD_STRATEGIES))
def test_the_repr_of_a_record_never_shows_a_number_or_a_name_in_clear(kind: str) -> None:
    @given(RECORD_STRATEGIES[kind])
    def check(record: object) -> None:
        shown = repr(record)
        for text in personal_texts(record):
            assert text not in shown
            if len(hidden_part(text)) >= 2:
                assert hidden_part(text) not in shown

    check()


@settings(max_examples=25, deadline=None)
@given(clean_bundles())
def test_a_clean_bundle_lists_every_student_on_the_roster_once(bundle: Bundle) -> None:
    people = [r.resident_id.reveal() for r in bundle.records(STUDENTS) if r.resident_id is not None]
    roster = [child.key for child in bundle.records(POPULATION)]

    assert len(people) == len(set(people))
    assert len(roster) == len(set(roster))
    assert set(people) <= set(roster)
    assert all(is_known_region(key[:6]) for key in roster)
    for kind in RECORD_KINDS:
        lines = [source_of(record).line for record in bundle.records(kind)]
        assert list(range(2, len(lines) + 2)) == lines


# Strategies of other days, other places, and impossible requests.


@settings(max_examples=25, deadline=None)
@given(st.data(), st.dates(dt.date(2006, 9, 1), dt.date(2035, 12, 31)))
def test_records_on_any_day_are_lawful_on_that_day(data: st.DataObject, as_of: dt.date) -> None:
    policy = resolve_policy("622900", on=as_of)
    record = data.draw(student_records(as_of=as_of, policy=policy))

    report = audit_bundle(Bundle(students=(record,)), as_of=as_of, jurisdiction="622900")

    assert [] == rules_found(report)
    assert record.entry_date <= as_of


def test_region_codes_planted_as_unknown_are_unknown_and_outside_ones_known() -> None:
    assert [] == [code for code in UNKNOWN_REGIONS if is_known_region(code)]
    assert [] == [code for code in OUTSIDE_REGIONS if not is_known_region(code)]
    assert set() == set(OUTSIDE_REGIONS) & LINXIA_CODES


IMPOSSIBLE: list[Callable[[], object]] = [
    lambda: student_records(statuses=[]),
    lambda: student_records(grades=[]),
    lambda: student_records(grades=[0, 3]),
    lambda: student_records(grades=[3], statuses=[RecordStatus.GRADUATED]),
    lambda: student_records(school_ids=[]),
    lambda: student_records(school_ids=[" 2162000001"]),
    lambda: student_records(regions=["6229"]),
    lambda: student_records(as_of=AS_OF, policy=resolve_policy(on=dt.date(2019, 3, 21))),
    lambda: student_records(as_of=dt.date(2005, 1, 1)),
    lambda: children(regions=[]),
    lambda: employment_reports(as_of=dt.date(2017, 1, 1)),
    lambda: transfers(school_ids=["2162000001"]),
    lambda: year_months(min_value=YearMonth(2019, 2), max_value=YearMonth(2019, 1)),
    lambda: violating_bundles("AGE-999"),
    lambda: violating_bundles("AGE-005", as_of=dt.date(2017, 1, 1)),
    lambda: violating_bundles("REC-003", as_of=dt.date(2019, 3, 19)),
]


@pytest.mark.parametrize("make", IMPOSSIBLE)
def test_an_impossible_request_raises_invalid_argument(make: Callable[[], object]) -> None:
    with pytest.raises(InvalidArgument):
        make()


def test_every_record_kind_has_a_strategy() -> None:
    assert set(RECORD_KINDS) == set(RECORD_STRATEGIES)
    assert {KIND_OF[record_type] for record_type in RECORD_KINDS.values()} == set(RECORD_KINDS)
