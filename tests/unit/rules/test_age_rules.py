"""Age rules (AGE-001 to AGE-005), case by case.

Unless a test says otherwise the audit is as of 20 March 2019, in the school year
2018-2019, whose enrolment cutoff is 31 August 2018. The school-age window on that day
runs from children born on 1 September 2003 (14 at the cutoff, grade 9) to those born
on 31 August 2012 (6 at the cutoff, grade 1); for a disabled child it starts two years
earlier, on 1 September 2001.
"""

from __future__ import annotations

import datetime as dt

from dropout_control.calendar.month_day import MonthDay
from dropout_control.io.plain import unstructure
from dropout_control.policy import Layer
from dropout_control.registry.model import RecordStatus, StudyMode
from tests.unit.rules.rule_builders import (
    audit_of,
    child,
    deferral,
    employment,
    facts,
    malformed_resident_id,
    quoted,
    resident_id,
    single,
    sources,
    student,
)

# A student who is somebody else (sequence 011): the students file is given, but the
# child under test holds no record in it.
SOMEONE_ELSE = student(sequence=11, line=2)


# AGE-001: a first-grade entrant had reached the enrolment age at the cutoff.


def _first_grader(born: dt.date) -> object:
    return student(
        birth_date=born,
        grade=1,
        entry_date=dt.date(2018, 9, 1),
        record_created_on=dt.date(2018, 9, 10),
    )


def test_a_first_grader_born_on_the_cutoff_was_six_and_of_enrolment_age() -> None:
    # Born 2012-08-31: six on the cutoff 2018-08-31.
    report = audit_of(_first_grader(dt.date(2012, 8, 31)))

    assert [] == sources(report, "AGE-001")


def test_a_first_grader_born_the_day_after_the_cutoff_entered_too_young() -> None:
    # Born 2012-09-01: five on the cutoff 2018-08-31, six only the next day.
    report = audit_of(_first_grader(dt.date(2012, 9, 1)))

    assert ["students.csv:2"] == sources(report, "AGE-001")


def test_age_001_states_the_entry_year_the_cutoff_and_the_age_at_it() -> None:
    finding = single(audit_of(_first_grader(dt.date(2012, 9, 1))), "AGE-001")

    expected = {
        "entry_school_year": "2018-2019",
        "cutoff": dt.date(2018, 8, 31),
        "age_at_cutoff": 5,
        "enrolment_age": 6,
    }
    assert expected == facts(finding, *expected)


def test_age_001_quotes_the_enrolment_age_with_its_source() -> None:
    finding = single(audit_of(_first_grader(dt.date(2012, 9, 1))), "AGE-001")

    use = quoted(finding, "enrolment.age")
    assert (6, dt.date(2006, 9, 1), "000000", "义务教育法 art 11") == (
        use.value,
        use.since,
        use.jurisdiction,
        use.source,
    )


def test_age_001_quotes_the_cutoff() -> None:
    finding = single(audit_of(_first_grader(dt.date(2012, 9, 1))), "AGE-001")

    assert MonthDay(8, 31) == quoted(finding, "enrolment.cutoff").value


def test_a_third_grader_who_entered_in_2016_born_the_day_after_that_cutoff_was_too_young() -> None:
    # Entered grade 1 on 2016-09-01, grade 3 in 2018-2019: his entry was into grade 1.
    # Born 2010-09-01: five on the cutoff 2016-08-31.
    report = audit_of(student(birth_date=dt.date(2010, 9, 1)))

    finding = single(report, "AGE-001")
    assert ("2016-2017", 5) == (finding.facts["entry_school_year"], finding.facts["age_at_cutoff"])


def test_a_third_grader_who_entered_in_2016_born_on_that_cutoff_was_of_age() -> None:
    # Born 2010-08-31: six on the cutoff 2016-08-31.
    report = audit_of(student(birth_date=dt.date(2010, 8, 31)))

    assert [] == sources(report, "AGE-001")


def test_a_third_grader_whose_entry_was_not_into_grade_1_is_not_checked() -> None:
    # Entered 2017-09-01 and in grade 3 in 2018-2019: he came in at grade 2, and the
    # age at that entry says nothing of the age at grade 1. Born 2011-09-01: five on the
    # cutoff 2017-08-31.
    record = student(birth_date=dt.date(2011, 9, 1), entry_date=dt.date(2017, 9, 1))

    assert [] == sources(audit_of(record), "AGE-001")


def test_a_seventh_grader_is_not_checked_for_the_enrolment_age() -> None:
    # Entered junior secondary on 2018-09-01; born 2012-09-01 he would be far too young
    # for grade 1, but grade 7 is not the primary stage.
    record = student(birth_date=dt.date(2012, 9, 1), grade=7, entry_date=dt.date(2018, 9, 1))

    assert [] == sources(audit_of(record), "AGE-001")


def test_a_first_grader_born_after_the_cutoff_of_his_entry_year_is_reported_aged_nought() -> None:
    # Entered 2019-02-25, in the school year 2018-2019 whose cutoff is 2018-08-31; born
    # 2018-09-15, he had no age on that day (a typing error, most likely).
    record = student(
        birth_date=dt.date(2018, 9, 15),
        grade=1,
        entry_date=dt.date(2019, 2, 25),
        record_created_on=dt.date(2019, 3, 1),
    )

    assert 0 == single(audit_of(record), "AGE-001").facts["age_at_cutoff"]


# AGE-002: every school-age child of the roster is in school.


def test_a_child_born_on_the_last_day_of_the_window_with_no_record_is_out_of_school() -> None:
    # Born 2012-08-31: six on the cutoff 2018-08-31, due in grade 1.
    report = audit_of(child(birth_date=dt.date(2012, 8, 31)), SOMEONE_ELSE)

    assert ["population.csv:2"] == sources(report, "AGE-002")


def test_age_002_states_the_childs_age_on_the_audit_date() -> None:
    # Born 2012-08-31: six on 2019-03-20.
    finding = single(audit_of(child(birth_date=dt.date(2012, 8, 31)), SOMEONE_ELSE), "AGE-002")

    assert (dt.date(2012, 8, 31), 6) == (finding.facts["birth_date"], finding.facts["age"])


def test_a_child_born_the_day_after_the_window_is_not_yet_of_school_age() -> None:
    # Born 2012-09-01: five on the cutoff 2018-08-31; he enters in September 2019.
    report = audit_of(child(birth_date=dt.date(2012, 9, 1)), SOMEONE_ELSE)

    assert [] == sources(report, "AGE-002")


def test_a_child_born_on_the_first_day_of_the_window_with_no_record_is_out_of_school() -> None:
    # Born 2002-09-01: fifteen on the cutoff 2018-08-31 (the window includes
    # school_age.upper), sixteen on 2019-03-20.
    finding = single(audit_of(child(birth_date=dt.date(2002, 9, 1)), SOMEONE_ELSE), "AGE-002")

    assert 16 == finding.facts["age"]


def test_a_child_born_the_day_before_the_window_is_past_school_age() -> None:
    # Born 2002-08-31: sixteen on the cutoff 2018-08-31.
    report = audit_of(child(birth_date=dt.date(2002, 8, 31)), SOMEONE_ELSE)

    assert [] == sources(report, "AGE-002")


def test_a_disabled_child_past_the_window_but_inside_the_extended_one_is_out_of_school() -> None:
    # Born 2002-08-31: sixteen on the cutoff, within 15 + 2 years of extension.
    roster_entry = child(birth_date=dt.date(2002, 8, 31), disability="visual")

    finding = single(audit_of(roster_entry, SOMEONE_ELSE), "AGE-002")

    assert (True, dt.date(2000, 9, 1), dt.date(2012, 8, 31)) == (
        finding.facts["disabled"],
        finding.facts["window_from"],
        finding.facts["window_to"],
    )
    assert "学龄出生区间 2000-09-01 至 2012-08-31，残疾儿童延长）" in finding.message.zh
    assert "from 2000-09-01 to 2012-08-31, extended for a disabled child)" in finding.message.en


def test_a_disabled_child_born_the_day_before_the_extended_window_is_past_school_age() -> None:
    # Born 2000-08-31: eighteen on the cutoff 2018-08-31, past 15 + 2.
    roster_entry = child(birth_date=dt.date(2000, 8, 31), disability="visual")

    assert [] == sources(audit_of(roster_entry, SOMEONE_ELSE), "AGE-002")


def test_age_002_quotes_the_upper_school_age_with_its_source() -> None:
    finding = single(audit_of(child(birth_date=dt.date(2012, 8, 31)), SOMEONE_ELSE), "AGE-002")

    use = quoted(finding, "school_age.upper")
    assert (15, "000000", True) == (
        use.value,
        use.jurisdiction,
        "6-15周岁" in use.source,
    )


def test_a_child_on_an_active_record_at_a_school_of_another_county_is_in_school() -> None:
    record = student(school_id="2162990001", line=40)

    assert [] == sources(audit_of(child(), record), "AGE-002")


def test_a_child_on_a_suspended_record_is_in_school() -> None:
    record = student(status=RecordStatus.SUSPENDED, status_since=dt.date(2019, 1, 2))

    assert [] == sources(audit_of(child(), record), "AGE-002")


def test_a_child_taught_at_home_on_an_active_record_is_in_school() -> None:
    record = student(study_mode=StudyMode.HOME_TEACHING, disability="physical")

    assert [] == sources(audit_of(child(disability="physical"), record), "AGE-002")


def test_a_child_whose_record_shows_he_graduated_has_finished_and_is_not_out_of_school() -> None:
    # Born 2003-09-01, fifteen: he finished grade 9 early, in July 2018.
    born = dt.date(2003, 9, 1)
    record = student(
        birth_date=born,
        grade=9,
        entry_date=dt.date(2015, 9, 1),
        status=RecordStatus.GRADUATED,
        status_since=dt.date(2018, 7, 1),
    )

    assert [] == sources(audit_of(child(birth_date=born), record), "AGE-002")


def test_a_child_whose_record_shows_he_completed_is_not_out_of_school() -> None:
    born = dt.date(2003, 9, 1)
    record = student(
        birth_date=born,
        grade=9,
        entry_date=dt.date(2015, 9, 1),
        status=RecordStatus.COMPLETED,
        status_since=dt.date(2018, 7, 1),
    )

    assert [] == sources(audit_of(child(birth_date=born), record), "AGE-002")


def test_a_dropped_out_record_does_not_excuse_a_school_age_child() -> None:
    record = student(status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 11, 5))

    assert ["population.csv:2"] == sources(audit_of(child(), record), "AGE-002")


def test_age_002_names_the_childs_records_that_do_not_excuse_him() -> None:
    record = student(line=7, status=RecordStatus.DROPPED_OUT, status_since=dt.date(2018, 11, 5))

    finding = single(audit_of(child(), record), "AGE-002")

    assert (["students.csv:7"], ["dropped_out"]) == (
        [str(other) for other in finding.related],
        finding.facts["records"],
    )


def test_a_transferred_out_record_alone_does_not_excuse_a_child() -> None:
    record = student(status=RecordStatus.TRANSFERRED_OUT, status_since=dt.date(2018, 9, 3))

    assert ["population.csv:2"] == sources(audit_of(child(), record), "AGE-002")


def _deferred_first_grader(
    *, until: dt.date, grounds: str = "health", approved_by: str = "township_government"
) -> object:
    # Born 2012-08-31, due in grade 1 in September 2018, deferred by a year.
    return deferral(
        birth_date=dt.date(2012, 8, 31),
        grounds=grounds,
        approved_by=approved_by,
        approved_on=dt.date(2018, 8, 1),
        until=until,
    )


def test_a_health_deferral_by_the_township_running_past_the_audit_date_excuses_the_child() -> None:
    roster_entry = child(birth_date=dt.date(2012, 8, 31))
    deferred = _deferred_first_grader(until=dt.date(2019, 8, 31))

    assert [] == sources(audit_of(roster_entry, deferred, SOMEONE_ELSE), "AGE-002")


def test_a_deferral_ending_on_the_audit_date_still_covers_it() -> None:
    roster_entry = child(birth_date=dt.date(2012, 8, 31))
    deferred = _deferred_first_grader(until=dt.date(2019, 3, 20))

    assert [] == sources(audit_of(roster_entry, deferred, SOMEONE_ELSE), "AGE-002")


def test_a_deferral_that_ended_the_day_before_the_audit_date_no_longer_excuses() -> None:
    roster_entry = child(birth_date=dt.date(2012, 8, 31))
    deferred = _deferred_first_grader(until=dt.date(2019, 3, 19))

    report = audit_of(roster_entry, deferred, SOMEONE_ELSE)

    assert ["population.csv:2"] == sources(report, "AGE-002")


def test_a_deferral_approved_by_the_school_does_not_excuse() -> None:
    roster_entry = child(birth_date=dt.date(2012, 8, 31))
    deferred = _deferred_first_grader(until=dt.date(2019, 8, 31), approved_by="school")

    report = audit_of(roster_entry, deferred, SOMEONE_ELSE)

    assert ["population.csv:2"] == sources(report, "AGE-002")


def test_a_deferral_for_family_reasons_does_not_excuse() -> None:
    roster_entry = child(birth_date=dt.date(2012, 8, 31))
    deferred = _deferred_first_grader(until=dt.date(2019, 8, 31), grounds="family_reasons")

    report = audit_of(roster_entry, deferred, SOMEONE_ELSE)

    assert ["population.csv:2"] == sources(report, "AGE-002")


def test_a_child_who_died_the_day_before_the_audit_date_is_not_out_of_school() -> None:
    roster_entry = child(deceased_on=dt.date(2019, 3, 19))

    assert [] == sources(audit_of(roster_entry, SOMEONE_ELSE), "AGE-002")


def test_a_child_who_died_on_the_audit_date_is_not_out_of_school() -> None:
    roster_entry = child(deceased_on=dt.date(2019, 3, 20))

    assert [] == sources(audit_of(roster_entry, SOMEONE_ELSE), "AGE-002")


def test_a_child_whose_death_is_recorded_after_the_audit_date_was_out_of_school_on_it() -> None:
    roster_entry = child(deceased_on=dt.date(2019, 3, 21))

    assert ["population.csv:2"] == sources(audit_of(roster_entry, SOMEONE_ELSE), "AGE-002")


def test_a_child_who_emigrated_before_the_audit_date_is_not_out_of_school() -> None:
    roster_entry = child(emigrated_on=dt.date(2018, 12, 1))

    assert [] == sources(audit_of(roster_entry, SOMEONE_ELSE), "AGE-002")


def test_age_002_speaks_of_the_child_by_its_masked_id_number() -> None:
    finding = single(audit_of(child(), SOMEONE_ELSE), "AGE-002")

    assert "622921**********3X" == finding.subject.shown


def test_age_002_never_prints_the_hidden_digits() -> None:
    finding = single(audit_of(child(), SOMEONE_ELSE), "AGE-002")

    assert (False, False) == ("2010050100" in str(finding), "2010050100" in repr(finding))


# AGE-003: a deferral is for health, approved by the township or county, and ends by
# the deferred age. The default child, born 2010-05-01, is six on the cutoff
# 2016-08-31 and seven on 2017-08-31: his deferral may run to 2017-09-01 at most.


def test_a_one_year_health_deferral_approved_by_the_township_is_lawful() -> None:
    assert [] == sources(audit_of(child(), deferral()), "AGE-003")


def test_a_deferral_on_grounds_other_than_health_breaks_age_003() -> None:
    finding = single(audit_of(child(), deferral(grounds="family_reasons")), "AGE-003")

    assert (
        ("AGE.DEFERRAL_GROUNDS",),
        "deferral of entry is not lawful: grounds 'family_reasons' are not allowed",
    ) == (finding.reasons, finding.message.en)
    # A code without a Chinese term is shown as written.
    assert "缓学不合规：缓学原因“family_reasons”不是法定原因" == finding.message.zh


def test_a_deferral_approved_by_the_school_breaks_age_003() -> None:
    finding = single(audit_of(child(), deferral(approved_by="school")), "AGE-003")

    assert (
        ("AGE.DEFERRAL_APPROVER",),
        {"code": "AGE.DEFERRAL_APPROVER", "approved_by": "school"},
    ) == (finding.reasons, unstructure(finding)["facts"]["problems"][0])
    assert "缓学不合规：学校无权批准缓学" == finding.message.zh


def test_a_deferral_approved_by_the_county_education_bureau_is_lawful() -> None:
    report = audit_of(child(), deferral(approved_by="county_education_bureau"))

    assert [] == sources(report, "AGE-003")


def test_a_county_allowing_suspension_for_a_stay_abroad_still_defers_entry_for_health_only() -> (
    None
):
    # spec/parameters.md lets a layer add abroad_temporary to suspension.allowed_grounds
    # (休学 of a student abroad); spec/rules.md AGE-003 fires for any deferral of entry
    # "not for health" and does not read that parameter.
    layer = Layer.from_mapping(
        {
            "jurisdiction": "622921",
            "parameters": {
                "suspension.allowed_grounds": {
                    "values": [
                        {
                            "since": "2018-01-01",
                            "value": ["health", "abroad_temporary"],
                            "mark": "U",
                            "source": "county rules for students abroad",
                        }
                    ]
                }
            },
        }
    )
    deferred = deferral(grounds="abroad_temporary")

    report = audit_of(child(), deferred, jurisdiction="622921", layers=[layer])

    assert ["deferrals.csv:2"] == sources(report, "AGE-003")


def test_a_deferral_running_to_the_first_day_of_the_year_he_is_seven_is_lawful() -> None:
    # Seven on the cutoff 2017-08-31: he must enter on 2017-09-01.
    report = audit_of(child(), deferral(until=dt.date(2017, 9, 1)))

    assert [] == sources(report, "AGE-003")


def test_a_deferral_running_a_day_past_the_deferred_entry_breaks_age_003() -> None:
    finding = single(audit_of(child(), deferral(until=dt.date(2017, 9, 2))), "AGE-003")

    expected = {
        "until": dt.date(2017, 9, 2),
        "latest_until": dt.date(2017, 9, 1),
    }
    assert (
        expected,
        "deferral of entry is not lawful: it runs until 2017-09-02, past the latest entry "
        "2017-09-01",
    ) == (facts(finding, *expected), finding.message.en)


def test_a_deferral_with_all_three_problems_lists_them_all() -> None:
    wrong = deferral(grounds="labour", approved_by="village_committee", until=dt.date(2018, 9, 1))

    finding = single(audit_of(child(), wrong), "AGE-003")

    expected = (
        "grounds 'labour' are not allowed; 'village_committee' may not approve it; "
        "it runs until 2018-09-01, past the latest entry 2017-09-01"
    )
    assert (
        expected,
        ("AGE.DEFERRAL_GROUNDS", "AGE.DEFERRAL_APPROVER", "AGE.DEFERRAL_TOO_LONG"),
    ) == (finding.message.en.split(": ", 1)[1], finding.reasons)


def test_a_child_born_the_day_after_the_cutoff_may_be_deferred_a_year_later() -> None:
    # Born 2010-09-01: six on 2017-08-31, seven on 2018-08-31: entry by 2018-09-01.
    born = dt.date(2010, 9, 1)
    deferred = deferral(birth_date=born, approved_on=dt.date(2017, 8, 1), until=dt.date(2018, 9, 1))

    assert [] == sources(audit_of(child(birth_date=born), deferred), "AGE-003")


def test_a_child_born_on_the_cutoff_may_not_be_deferred_to_the_year_after_he_is_seven() -> None:
    # Born 2010-08-31: seven on 2017-08-31: entry by 2017-09-01, not 2018-09-01.
    born = dt.date(2010, 8, 31)
    deferred = deferral(birth_date=born, approved_on=dt.date(2017, 8, 1), until=dt.date(2018, 9, 1))

    assert ["deferrals.csv:2"] == sources(audit_of(child(birth_date=born), deferred), "AGE-003")


def test_age_003_takes_the_birth_date_from_the_roster_over_the_id_number() -> None:
    # The ID number says 2010-05-01 (entry by 2017-09-01); the roster says 2010-09-01
    # (entry by 2018-09-01).
    number = resident_id(birth_date=dt.date(2010, 5, 1))
    roster_entry = child(resident_id=number, birth_date=dt.date(2010, 9, 1))
    deferred = deferral(resident_id=number, until=dt.date(2018, 9, 1))

    assert [] == sources(audit_of(roster_entry, deferred), "AGE-003")


def test_age_003_takes_the_birth_date_from_a_student_record_when_the_roster_lacks_him() -> None:
    number = resident_id(birth_date=dt.date(2010, 5, 1))
    record = student(resident_id=number, birth_date=dt.date(2010, 9, 1))
    deferred = deferral(resident_id=number, until=dt.date(2018, 9, 1))

    assert [] == sources(audit_of(record, deferred), "AGE-003")


def test_age_003_takes_the_birth_date_from_the_id_number_when_nothing_else_has_it() -> None:
    # No roster entry and no record: the number itself says 2010-05-01. (The rule's
    # docstring says only grounds and approver are checked then; see the report.)
    deferred = deferral(until=dt.date(2018, 9, 1))

    finding = single(audit_of(deferred), "AGE-003")

    assert dt.date(2010, 5, 1) == finding.facts["birth_date"]


def test_a_deferral_with_no_birth_date_to_be_found_is_not_held_to_the_deferred_age() -> None:
    number = malformed_resident_id("622921201005010030")
    deferred = deferral(resident_id=number, until=dt.date(2025, 9, 1))

    assert [] == sources(audit_of(deferred), "AGE-003")


# AGE-004: not two or more years older than the grade's usual age. Grade 3 is usually
# eight on the cutoff 2018-08-31.


def test_a_third_grader_ten_at_the_cutoff_is_over_age() -> None:
    # Born 2008-08-31: ten on 2018-08-31, two years over.
    finding = single(audit_of(student(birth_date=dt.date(2008, 8, 31))), "AGE-004")

    expected = {"grade": 3, "usual_age": 8, "age_at_cutoff": 10, "years_over": 2}
    assert expected == facts(finding, *expected)


def test_a_third_grader_nine_at_the_cutoff_is_not_over_age() -> None:
    # Born 2008-09-01: nine on 2018-08-31, one year over.
    report = audit_of(student(birth_date=dt.date(2008, 9, 1)))

    assert [] == sources(report, "AGE-004")


def test_age_004_is_information() -> None:
    finding = single(audit_of(student(birth_date=dt.date(2008, 8, 31))), "AGE-004")

    assert "info" == finding.severity.value


def test_a_closed_record_of_an_over_age_student_is_not_checked_by_age_004() -> None:
    record = student(
        birth_date=dt.date(2008, 8, 31),
        status=RecordStatus.TRANSFERRED_OUT,
        status_since=dt.date(2018, 9, 3),
    )

    assert [] == sources(audit_of(record), "AGE-004")


# AGE-005: no child under the minimum employment age (16 from 2017-09-05) is employed.


def test_a_youth_sixteen_on_the_day_of_the_report_may_work() -> None:
    # Born 2003-03-01, reported 2019-03-01: sixteen that day.
    report = audit_of(employment(birth_date=dt.date(2003, 3, 1), reported_on=dt.date(2019, 3, 1)))

    assert [] == sources(report, "AGE-005")


def test_a_child_fifteen_on_the_day_of_the_report_is_a_child_labourer() -> None:
    # Born 2003-03-02, reported 2019-03-01: sixteen only the next day.
    report = audit_of(employment(birth_date=dt.date(2003, 3, 2), reported_on=dt.date(2019, 3, 1)))

    finding = single(report, "AGE-005")
    assert (15, 16, "employment.csv:2") == (
        finding.facts["age"],
        finding.facts["min_age"],
        str(finding.source),
    )


def test_age_005_quotes_the_minimum_age_with_its_source() -> None:
    report = audit_of(employment(birth_date=dt.date(2003, 3, 2), reported_on=dt.date(2019, 3, 1)))

    use = quoted(single(report, "AGE-005"), "employment.min_age")
    assert (16, dt.date(2017, 9, 5), "国办发〔2017〕72号") == (use.value, use.since, use.source)


def test_age_005_takes_the_birth_date_from_the_roster_over_the_id_number() -> None:
    # The ID number says 2003-03-01 (sixteen); the roster says 2003-03-02 (fifteen).
    number = resident_id(birth_date=dt.date(2003, 3, 1))
    roster_entry = child(resident_id=number, birth_date=dt.date(2003, 3, 2))
    report_of_work = employment(resident_id=number, reported_on=dt.date(2019, 3, 1))

    finding = single(audit_of(roster_entry, report_of_work), "AGE-005")

    assert dt.date(2003, 3, 2) == finding.facts["birth_date"]


def test_age_005_takes_the_birth_date_from_a_student_record_when_the_roster_lacks_him() -> None:
    # The ID number says 2003-03-01 (sixteen); his record says 2003-03-02 (fifteen).
    # (The rule's docstring names only the roster and the ID number; see the report.)
    number = resident_id(birth_date=dt.date(2003, 3, 1))
    record = student(
        resident_id=number, birth_date=dt.date(2003, 3, 2), grade=9, entry_date=dt.date(2016, 9, 1)
    )
    report_of_work = employment(resident_id=number, reported_on=dt.date(2019, 3, 1))

    finding = single(audit_of(record, report_of_work), "AGE-005")

    assert dt.date(2003, 3, 2) == finding.facts["birth_date"]


def test_age_005_takes_the_birth_date_from_the_id_number_when_nothing_else_has_it() -> None:
    report = audit_of(employment(birth_date=dt.date(2003, 3, 2), reported_on=dt.date(2019, 3, 1)))

    assert dt.date(2003, 3, 2) == single(report, "AGE-005").facts["birth_date"]


def test_an_employment_report_of_a_person_who_cannot_be_dated_is_not_judged() -> None:
    # No roster entry, no record, and an ID number that is not valid.
    number = malformed_resident_id("622921200303020030")

    report = audit_of(employment(resident_id=number, reported_on=dt.date(2019, 3, 1)))

    assert [] == sources(report, "AGE-005")
