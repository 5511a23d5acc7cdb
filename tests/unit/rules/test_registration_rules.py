"""Registration rules (REG-001 to REG-003), case by case.

The default student entered school on 1 September 2016; the audit is as of
20 March 2019 unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.policy import Layer
from dropout_control.registry.model import CancelReason, RecordStatus
from tests.unit.rules.rule_builders import (
    audit_of,
    child,
    facts,
    quoted,
    single,
    sources,
    student,
)

# REG-001: the record is created within 30 days of entry (national, since 2013-09-01).


def test_a_record_created_thirty_days_after_entry_is_in_time() -> None:
    # Entered 2016-09-01; September has 30 days, so 2016-10-01 is day 30.
    report = audit_of(student(record_created_on=dt.date(2016, 10, 1)))

    assert [] == sources(report, "REG-001")


def test_a_record_created_thirty_one_days_after_entry_is_late() -> None:
    report = audit_of(student(record_created_on=dt.date(2016, 10, 2)))

    assert ["students.csv:2"] == sources(report, "REG-001")


def test_reg_001_states_the_days_taken_and_the_limit() -> None:
    finding = single(audit_of(student(record_created_on=dt.date(2016, 10, 2))), "REG-001")

    expected = {
        "entry_date": dt.date(2016, 9, 1),
        "record_created_on": dt.date(2016, 10, 2),
        "days": 31,
        "limit": 30,
    }
    assert expected == facts(finding, *expected)


def test_reg_001_quotes_the_limit_with_its_source() -> None:
    finding = single(audit_of(student(record_created_on=dt.date(2016, 10, 2))), "REG-001")

    use = quoted(finding, "registration.create_within_days")
    assert (
        30,
        dt.date(2013, 9, 1),
        "000000",
        "教基一〔2013〕7号 and the MOE 2016 FAQ (about a month)",
    ) == (use.value, use.since, use.jurisdiction, use.source)


def test_a_record_without_a_creation_date_is_not_checked_when_others_have_one() -> None:
    undated = student(line=3, sequence=11, record_created_on=None)
    late = student(line=2, record_created_on=dt.date(2016, 10, 2))

    assert ["students.csv:2"] == sources(audit_of(late, undated), "REG-001")


# Linxia County's own layer: 60 days from 2018-01-01. The policy is resolved on the
# audit date, so the audit date (not the day of entry) decides which limit applies.
COUNTY_LAYER = Layer.from_mapping(
    {
        "jurisdiction": "622921",
        "name": "临夏县 (Linxia County)",
        "parameters": {
            "registration.create_within_days": {
                "values": [
                    {
                        "since": "2018-01-01",
                        "value": 60,
                        "mark": "C",
                        "source": "Linxia County registration notice 2018",
                    }
                ]
            }
        },
    }
)


def _forty_five_days_late() -> object:
    # A first grader who entered 2017-09-01, his record created 2017-10-16: 45 days,
    # late under the national 30 days, in time under the county's 60 days.
    return student(
        birth_date=dt.date(2011, 5, 1),
        grade=1,
        entry_date=dt.date(2017, 9, 1),
        record_created_on=dt.date(2017, 10, 16),
    )


def test_a_county_layer_allowing_sixty_days_excuses_forty_five_from_its_first_day() -> None:
    report = audit_of(
        _forty_five_days_late(),
        as_of=dt.date(2018, 1, 1),
        jurisdiction="622921",
        layers=[COUNTY_LAYER],
    )

    assert [] == sources(report, "REG-001")


def test_the_county_layer_does_not_apply_the_day_before_its_first_day() -> None:
    report = audit_of(
        _forty_five_days_late(),
        as_of=dt.date(2017, 12, 31),
        jurisdiction="622921",
        layers=[COUNTY_LAYER],
    )

    finding = single(report, "REG-001")
    assert (45, 30) == (finding.facts["days"], finding.facts["limit"])


def test_a_finding_under_the_county_layer_quotes_the_countys_limit_and_source() -> None:
    # Entered 2018-09-01, created 2018-11-01: 61 days, late even for the county.
    record = student(
        birth_date=dt.date(2012, 5, 1),
        grade=1,
        entry_date=dt.date(2018, 9, 1),
        record_created_on=dt.date(2018, 11, 1),
    )

    report = audit_of(record, jurisdiction="622921", layers=[COUNTY_LAYER])

    use = quoted(single(report, "REG-001"), "registration.create_within_days")
    assert (60, dt.date(2018, 1, 1), "622921", "Linxia County registration notice 2018") == (
        use.value,
        use.since,
        use.jurisdiction,
        use.source,
    )


def test_the_county_layer_does_not_apply_to_a_neighbouring_county() -> None:
    # Kangle County (622922) stacks national, Gansu and Linxia only: 30 days.
    report = audit_of(
        _forty_five_days_late(),
        as_of=dt.date(2018, 1, 1),
        jurisdiction="622922",
        layers=[COUNTY_LAYER],
    )

    assert ["students.csv:2"] == sources(report, "REG-001")


# REG-002: no withdrawal in compulsory education; cancelled only for death or emigration.


def test_a_withdrawn_record_breaks_reg_002() -> None:
    record = student(status=RecordStatus.WITHDRAWN, status_since=dt.date(2018, 10, 8))

    finding = single(audit_of(record), "REG-002")

    expected = {"status": "withdrawn", "cancel_reason": "none"}
    assert expected == facts(finding, *expected)
    assert finding.message.zh.startswith("义务教育阶段学籍状态为退学，注销原因：未填写：")


def test_a_record_cancelled_for_another_reason_breaks_reg_002() -> None:
    record = student(
        status=RecordStatus.CANCELLED,
        cancel_reason=CancelReason.OTHER,
        status_since=dt.date(2018, 10, 8),
    )

    finding = single(audit_of(record), "REG-002")

    expected = {"status": "cancelled", "cancel_reason": "other"}
    assert expected == facts(finding, *expected)
    assert finding.message.zh.startswith("义务教育阶段学籍状态为注销，注销原因：其他：")


def test_a_record_cancelled_with_no_reason_breaks_reg_002() -> None:
    record = student(status=RecordStatus.CANCELLED, status_since=dt.date(2018, 10, 8))

    finding = single(audit_of(record), "REG-002")

    expected = {"status": "cancelled", "cancel_reason": "none"}
    assert expected == facts(finding, *expected)


@pytest.mark.parametrize(
    "reason", [CancelReason.DEATH, CancelReason.EMIGRATION, CancelReason.LEFT_COUNTRY]
)
def test_a_record_cancelled_for_death_emigration_or_leaving_the_country_is_lawful(
    reason: CancelReason,
) -> None:
    record = student(
        status=RecordStatus.CANCELLED, cancel_reason=reason, status_since=dt.date(2018, 10, 8)
    )

    assert [] == sources(audit_of(record), "REG-002")


def test_a_dropout_keeps_its_record_and_is_clean_of_reg_002() -> None:
    record = student(status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 10, 8))

    assert [] == sources(audit_of(record), "REG-002")


# REG-003: a deceased student's record is cancelled within 10 working days.
#
# He died on Friday 2019-03-01. Counting the working days after it: Mon 03-04 (1),
# Tue 03-05 (2), Wed 03-06 (3), Thu 03-07 (4), Fri 03-08 (5), Mon 03-11 (6),
# Tue 03-12 (7), Wed 03-13 (8), Thu 03-14 (9), Fri 03-15 (10): the deadline is
# Friday 2019-03-15.

DIED = dt.date(2019, 3, 1)


def test_a_record_still_open_after_the_deadline_breaks_reg_003() -> None:
    report = audit_of(child(deceased_on=DIED), student(), as_of=dt.date(2019, 3, 16))

    assert ["students.csv:2"] == sources(report, "REG-003")


def test_a_record_still_open_on_the_deadline_is_not_yet_late() -> None:
    report = audit_of(child(deceased_on=DIED), student(), as_of=dt.date(2019, 3, 15))

    assert [] == sources(report, "REG-003")


def test_reg_003_states_the_death_the_deadline_and_that_the_record_is_open() -> None:
    finding = single(audit_of(child(deceased_on=DIED), student()), "REG-003")

    expected = {
        "deceased_on": dt.date(2019, 3, 1),
        "deadline": dt.date(2019, 3, 15),
        "status": "active",
        "closed_on": None,
    }
    assert expected == facts(finding, *expected)


def test_reg_003_names_the_roster_line_that_records_the_death() -> None:
    finding = single(audit_of(child(line=12, deceased_on=DIED), student()), "REG-003")

    assert ["population.csv:12"] == [str(other) for other in finding.related]


def test_a_record_cancelled_for_death_on_the_deadline_is_in_time() -> None:
    record = student(
        status=RecordStatus.CANCELLED,
        cancel_reason=CancelReason.DEATH,
        status_since=dt.date(2019, 3, 15),
    )

    assert [] == sources(audit_of(child(deceased_on=DIED), record), "REG-003")


def test_a_record_cancelled_the_next_working_day_after_the_deadline_is_late() -> None:
    # Monday 2019-03-18 is working day 11.
    record = student(
        status=RecordStatus.CANCELLED,
        cancel_reason=CancelReason.DEATH,
        status_since=dt.date(2019, 3, 18),
    )

    finding = single(audit_of(child(deceased_on=DIED), record), "REG-003")

    assert ("cancelled", dt.date(2019, 3, 18)) == (
        finding.facts["status"],
        finding.facts["closed_on"],
    )


def test_a_record_marked_deceased_after_the_deadline_is_late() -> None:
    record = student(status=RecordStatus.DECEASED, status_since=dt.date(2019, 3, 18))

    assert ["students.csv:2"] == sources(audit_of(child(deceased_on=DIED), record), "REG-003")


def test_a_dropped_out_record_of_a_child_who_died_is_still_to_be_cancelled() -> None:
    record = student(status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 11, 5))

    report = audit_of(child(deceased_on=DIED), record)

    assert ["students.csv:2"] == sources(report, "REG-003")


def test_a_death_after_the_audit_date_is_not_looked_at() -> None:
    report = audit_of(child(deceased_on=dt.date(2019, 3, 21)), student())

    assert [] == sources(report, "REG-003")


def test_a_record_with_no_resident_id_number_cannot_be_matched_to_a_death() -> None:
    report = audit_of(child(deceased_on=DIED), student(resident_id=None))

    assert [] == sources(report, "REG-003")
