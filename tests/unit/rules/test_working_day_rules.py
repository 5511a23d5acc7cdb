"""TR-002 and REG-003 count China's working days, case by case.

The official days off are skipped and the make-up working days counted, under the
national ``calendar.working_day_arrangements`` (2004 to 2026). The 2019 Spring Festival
ran from Monday 4 to Sunday 10 February; Saturday 2 and Sunday 3 February were worked.
"""

from __future__ import annotations

import datetime as dt

from dropout_control.policy import Layer
from dropout_control.policy.keys import CALENDAR_WORKING_DAY_ARRANGEMENTS
from dropout_control.registry.model import CancelReason, RecordStatus
from tests.unit.rules.rule_builders import audit_of, child, facts, quoted, single, sources, student
from tests.unit.transfers.transfer_builders import pending, transfer

# TR-002 --------------------------------------------------------------------------------


def test_a_party_across_the_spring_festival_is_in_time_on_its_tenth_working_day() -> None:
    # Applied Thursday 31 January 2019; the receiving school approved on Tuesday
    # 19 February: 1, 2, 3, 11, 12, 13, 14, 15, 18, 19 February, ten working days
    # (fourteen weekdays).
    application = transfer(
        applied_on=dt.date(2019, 1, 31),
        receiving_school_on=dt.date(2019, 2, 19),
        receiving_bureau_on=dt.date(2019, 2, 20),
        sending_school_on=dt.date(2019, 2, 21),
        sending_bureau_on=dt.date(2019, 2, 22),
        completed_on=dt.date(2019, 2, 22),
    )

    assert [] == sources(audit_of(application), "TR-002")


def test_a_party_one_working_day_later_across_the_festival_is_late() -> None:
    application = transfer(
        applied_on=dt.date(2019, 1, 31),
        receiving_school_on=dt.date(2019, 2, 20),
        receiving_bureau_on=dt.date(2019, 2, 21),
        sending_school_on=dt.date(2019, 2, 22),
        sending_bureau_on=dt.date(2019, 2, 25),
        completed_on=dt.date(2019, 2, 25),
    )

    finding = single(audit_of(application), "TR-002")

    assert {"late": {"receiving_school": 11}} == facts(finding, "late")


def test_a_step_pending_over_the_festival_is_due_on_its_tenth_working_day() -> None:
    # Applied Thursday 31 January 2019, nobody has approved: due Tuesday 19 February.
    application = pending(applied_on=dt.date(2019, 1, 31))

    on_the_day = audit_of(application, as_of=dt.date(2019, 2, 19))
    finding = single(audit_of(application, as_of=dt.date(2019, 2, 20)), "TR-002")

    assert [] == sources(on_the_day, "TR-002")
    expected = {"due_on": dt.date(2019, 2, 19), "late": {"receiving_school": 11}}
    assert expected == facts(finding, *expected)


def test_tr_002_quotes_the_working_day_calendar() -> None:
    finding = single(audit_of(pending(applied_on=dt.date(2019, 1, 31))), "TR-002")

    use = quoted(finding, CALENDAR_WORKING_DAY_ARRANGEMENTS)
    assert ("000000", "days off and make-up working days of 2004-2026") == (
        use.jurisdiction,
        str(use.value),
    )


def test_a_party_whose_time_runs_through_a_year_not_held_is_named_not_timed() -> None:
    # Applied 15 December 2003: the calendar holds 2004 to 2026.
    application = transfer(
        applied_on=dt.date(2003, 12, 15),
        receiving_school_on=dt.date(2004, 1, 12),
        receiving_bureau_on=dt.date(2004, 1, 13),
        sending_school_on=dt.date(2004, 1, 14),
        sending_bureau_on=dt.date(2004, 1, 15),
        completed_on=dt.date(2004, 1, 15),
    )

    finding = single(audit_of(application), "TR-002")

    expected = {"late": {}, "not_covered": {"receiving_school": 2003}}
    assert expected == facts(finding, *expected)
    assert "working days of 2003 are not known" in finding.message.en


def test_a_step_pending_since_a_year_not_held_is_named_not_timed() -> None:
    finding = single(audit_of(pending(applied_on=dt.date(2003, 12, 15))), "TR-002")

    expected = {"due_on": None, "not_covered": {"receiving_school": 2003}}
    assert expected == facts(finding, *expected)


# REG-003 -------------------------------------------------------------------------------

DIED = dt.date(2019, 1, 31)  # a Thursday; the deadline is Tuesday 19 February


def test_a_record_cancelled_on_the_tenth_working_day_after_the_festival_is_in_time() -> None:
    record = student(
        status=RecordStatus.CANCELLED,
        cancel_reason=CancelReason.DEATH,
        status_since=dt.date(2019, 2, 19),
    )

    assert [] == sources(audit_of(child(deceased_on=DIED), record), "REG-003")


def test_a_record_cancelled_the_next_day_is_late_with_the_deadline_after_the_festival() -> None:
    record = student(
        status=RecordStatus.CANCELLED,
        cancel_reason=CancelReason.DEATH,
        status_since=dt.date(2019, 2, 20),
    )

    finding = single(audit_of(child(deceased_on=DIED), record), "REG-003")

    expected = {"deadline": dt.date(2019, 2, 19), "not_covered": None}
    assert expected == facts(finding, *expected)


def test_a_record_open_on_the_deadline_is_not_yet_late() -> None:
    report = audit_of(child(deceased_on=DIED), student(), as_of=dt.date(2019, 2, 19))

    assert [] == sources(report, "REG-003")


def test_a_death_in_a_year_not_held_is_reported_with_the_deadline_unknown() -> None:
    born = dt.date(1995, 5, 1)
    report = audit_of(
        child(birth_date=born, deceased_on=dt.date(2003, 12, 20)), student(birth_date=born)
    )

    finding = single(report, "REG-003")

    expected = {"deadline": "?", "not_covered": 2003}
    assert expected == facts(finding, *expected)
    assert "working days of 2003 are not known" in finding.message.en


# Outside the years held -----------------------------------------------------------------


def test_both_rules_are_not_run_in_a_year_the_calendar_does_not_hold() -> None:
    report = audit_of(
        child(deceased_on=dt.date(2027, 1, 4)),
        student(),
        pending(applied_on=dt.date(2027, 1, 4)),
        as_of=dt.date(2027, 3, 1),
    )

    why = {str(s.rule): s.why for s in report.skipped_rules}
    assert {"REG-003", "TR-002"} <= set(why)
    assert "does not cover 2027" in why["TR-002"]
    assert "2004-2026" in why["REG-003"]


def test_a_layer_with_the_year_lets_both_rules_run() -> None:
    year_2027 = Layer.from_mapping(
        {
            "jurisdiction": "000000",
            "parameters": {
                CALENDAR_WORKING_DAY_ARRANGEMENTS: {
                    "values": [
                        {
                            "since": "2026-11-01",
                            "mark": "C",
                            "source": "test notice for 2027",
                            "value": {"2027": {"days_off": ["2027-02-05/2027-02-11"]}},
                        }
                    ]
                }
            },
        }
    )
    # Applied Thursday 28 January 2027: 29 January, 1 to 4, 12, 15 to 18 February.
    report = audit_of(
        pending(applied_on=dt.date(2027, 1, 28)), as_of=dt.date(2027, 2, 19), layers=[year_2027]
    )

    finding = single(report, "TR-002")

    assert {"due_on": dt.date(2027, 2, 18)} == facts(finding, "due_on")
