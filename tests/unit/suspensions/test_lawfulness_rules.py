"""SUS-001 to SUS-003: grounds, approver, length and extensions, case by case.

The default suspension is lawful: health grounds, approved by the county education
bureau, 25 February to 30 June 2019 (126 days), not extended. The audit is as of
20 March 2019 in Linxia, where the national rules show through: grounds ``health``,
approvers the township government and the county education bureau, at most 365 days
a time and one extension.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dropout_control.policy import Layer, Mark
from dropout_control.suspensions import Suspension
from tests.unit.rules.rule_builders import audit_of, facts, quoted, single, sources
from tests.unit.suspensions.suspension_builders import suspension

# SUS-001: grounds among suspension.allowed_grounds (义务教育法 art 11).


def test_a_suspension_on_health_grounds_is_lawful() -> None:
    assert [] == sources(audit_of(suspension(grounds="health")), "SUS-001")


def test_a_suspension_to_work_is_reported() -> None:
    finding = single(audit_of(suspension(grounds="work")), "SUS-001")

    expected = {"grounds": "work", "allowed_grounds": ["health"]}
    assert expected == facts(finding, *expected)
    assert "suspensions.csv:2" == str(finding.source)
    assert "XX2019-0001" == str(finding.subject)


def test_grounds_are_compared_as_written() -> None:
    # The registry's wording must be turned into the code before the audit.
    assert ["suspensions.csv:2"] == sources(audit_of(suspension(grounds="身体原因")), "SUS-001")


def test_sus_001_names_the_grounds_in_both_languages() -> None:
    finding = single(audit_of(suspension(grounds="work")), "SUS-001")

    assert (
        "休学原因“外出务工”不是允许的休学原因（身体原因）",
        "suspended on the grounds work, which are not among the allowed grounds (health)",
    ) == (finding.message.zh, finding.message.en)


def test_sus_001_quotes_the_allowed_grounds_with_their_source() -> None:
    use = quoted(
        single(audit_of(suspension(grounds="work")), "SUS-001"), "suspension.allowed_grounds"
    )

    assert (("health",), "000000", "义务教育法 art 11", Mark.CONFIRMED) == (
        use.value,
        use.jurisdiction,
        use.source,
        use.mark,
    )


ABROAD_LAYER = Layer.from_mapping(
    {
        "jurisdiction": "622921",
        "name": "临夏县 (Linxia County)",
        "parameters": {
            "suspension.allowed_grounds": {
                "values": [
                    {
                        "since": "2018-01-01",
                        "value": ["health", "abroad_temporary"],
                        "mark": "C",
                        "source": "Linxia County registration notice 2018",
                    }
                ]
            }
        },
    }
)


def test_a_county_layer_may_allow_a_stay_abroad() -> None:
    report = audit_of(
        suspension(grounds="abroad_temporary"), jurisdiction="622921", layers=[ABROAD_LAYER]
    )

    assert [] == sources(report, "SUS-001")


def test_a_stay_abroad_is_not_allowed_by_the_national_rules() -> None:
    assert ["suspensions.csv:2"] == sources(
        audit_of(suspension(grounds="abroad_temporary")), "SUS-001"
    )


# SUS-002: approved by one of suspension.approvers (义务教育法 art 11).


@pytest.mark.parametrize("approver", ["township_government", "county_education_bureau"])
def test_a_suspension_approved_by_an_allowed_body_is_lawful(approver: str) -> None:
    assert [] == sources(audit_of(suspension(approved_by=approver)), "SUS-002")


def test_a_suspension_approved_by_the_school_alone_is_reported() -> None:
    finding = single(audit_of(suspension(approved_by="school")), "SUS-002")

    expected = {
        "approved_by": "school",
        "approvers": ["township_government", "county_education_bureau"],
    }
    assert expected == facts(finding, *expected)
    assert "suspensions.csv:2" == str(finding.source)


def test_sus_002_names_the_approver_in_both_languages() -> None:
    finding = single(audit_of(suspension(approved_by="school")), "SUS-002")

    assert "休学由学校批准" in finding.message.zh
    assert "approved by school, which may not approve one" in finding.message.en


def test_sus_002_quotes_the_approvers_with_their_mark() -> None:
    use = quoted(
        single(audit_of(suspension(approved_by="school")), "SUS-002"), "suspension.approvers"
    )

    assert (("township_government", "county_education_bureau"), Mark.CONFIRMED) == (
        use.value,
        use.mark,
    )


def test_grounds_and_approver_are_separate_findings() -> None:
    report = audit_of(suspension(grounds="work", approved_by="school"))

    assert (["suspensions.csv:2"], ["suspensions.csv:2"]) == (
        sources(report, "SUS-001"),
        sources(report, "SUS-002"),
    )


# SUS-003: at most 365 days times (1 + extensions allowed and used), at most one
# extension (provincial rules, national defaults since 2013-09-01). Days count both ends.


def _lasting(days: int, *, extensions: int = 0) -> Suspension:
    start = dt.date(2017, 9, 1)
    return suspension(
        start=start,
        end=start + dt.timedelta(days=days - 1),
        approved_on=dt.date(2017, 8, 25),
        extensions=extensions,
    )


def test_a_suspension_of_a_school_year_of_365_days_is_within_the_limit() -> None:
    # 1 September 2017 to 31 August 2018: 365 days.
    whole_year = suspension(start=dt.date(2017, 9, 1), end=dt.date(2018, 8, 31))

    assert [] == sources(audit_of(whole_year), "SUS-003")


def test_a_suspension_of_366_days_unextended_is_reported() -> None:
    finding = single(audit_of(_lasting(366)), "SUS-003")

    expected = {
        "start": dt.date(2017, 9, 1),
        "end": dt.date(2018, 9, 1),
        "days": 366,
        "limit": 365,
        "extensions": 0,
        "max_days": 365,
        "max_extensions": 1,
    }
    assert expected == facts(finding, *expected)


def test_sus_003_says_how_long_and_the_limit_in_both_languages() -> None:
    finding = single(audit_of(_lasting(366)), "SUS-003")

    assert (
        "休学 2017-09-01 至 2018-09-01 超期或延期次数过多：共 366 天，超过允许的 365 天",
        "the suspension from 2017-09-01 to 2018-09-01 is too long or extended too often: "
        "366 days, more than the 365 allowed",
    ) == (finding.message.zh, finding.message.en)


def test_one_extension_allows_730_days() -> None:
    assert [] == sources(audit_of(_lasting(730, extensions=1)), "SUS-003")


def test_731_days_with_one_extension_is_reported() -> None:
    finding = single(audit_of(_lasting(731, extensions=1)), "SUS-003")

    assert (731, 730, 1) == (
        finding.facts["days"],
        finding.facts["limit"],
        finding.facts["extensions"],
    )


def test_a_second_extension_is_reported_even_within_the_days() -> None:
    finding = single(audit_of(_lasting(400, extensions=2)), "SUS-003")

    assert (400, 730, 2) == (
        finding.facts["days"],
        finding.facts["limit"],
        finding.facts["extensions"],
    )
    assert finding.message.en.endswith("extended 2 times, more than the 1 allowed")


def test_extensions_beyond_the_allowed_one_do_not_buy_more_days() -> None:
    finding = single(audit_of(_lasting(731, extensions=2)), "SUS-003")

    assert (
        "延期 2 次，超过允许的 1 次；共 731 天，超过允许的 730 天",
        "extended 2 times, more than the 1 allowed; 731 days, more than the 730 allowed",
        ("SUS.TOO_MANY_EXTENSIONS", "SUS.TOO_LONG"),
    ) == (
        finding.message.zh.split("：", 1)[1],
        finding.message.en.split(": ", 1)[1],
        finding.reasons,
    )


def test_a_whole_school_year_holding_29_february_is_reported() -> None:
    # 1 September 2019 to 31 August 2020 is 366 days: the limit is counted in days.
    leap_year = suspension(
        start=dt.date(2019, 9, 1), end=dt.date(2020, 8, 31), approved_on=dt.date(2019, 8, 20)
    )

    finding = single(audit_of(leap_year, as_of=dt.date(2020, 9, 1)), "SUS-003")
    assert (366, 365) == (finding.facts["days"], finding.facts["limit"])


def test_sus_003_quotes_both_limits_with_their_sources() -> None:
    finding = single(audit_of(_lasting(366)), "SUS-003")

    days = quoted(finding, "suspension.max_days")
    extensions = quoted(finding, "suspension.max_extensions")
    assert (
        (365, dt.date(2013, 9, 1), Mark.SECONDARY),
        (1, dt.date(2013, 9, 1), Mark.SECONDARY),
    ) == (
        (days.value, days.since, days.mark),
        (extensions.value, extensions.since, extensions.mark),
    )


def test_sus_003_does_not_run_before_its_limits_are_in_force() -> None:
    report = audit_of(_lasting(366), as_of=dt.date(2013, 8, 31))

    assert ["parameter not in force on 2013-08-31"] == [
        skipped.why.partition(":")[0]
        for skipped in report.skipped_rules
        if str(skipped.rule) == "SUS-003"
    ]
