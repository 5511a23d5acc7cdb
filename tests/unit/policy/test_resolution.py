"""Resolving the policy in force for a jurisdiction on a date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dropout_control.calendar import MonthDay
from dropout_control.errors import (
    InvalidPolicyLayer,
    ParameterNotInForce,
    UnknownJurisdiction,
    UnknownParameter,
)
from dropout_control.policy import (
    GANSU,
    LINXIA,
    NATIONAL,
    Layer,
    Mark,
    PolicyBook,
    SchoolStructure,
    resolve_policy,
)

SPEC = Path(__file__).parents[3].parent / "shared" / "spec" / "parameters.md"


def _spec_keys() -> set[str]:
    text = SPEC.read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", text, flags=re.MULTILINE))


def _layer(jurisdiction: str, key: str, *entries: tuple[str, object]) -> Layer:
    return Layer.from_mapping(
        {
            "jurisdiction": jurisdiction,
            "parameters": {
                key: {
                    "values": [
                        {"since": since, "value": value, "mark": "C", "source": "test notice"}
                        for since, value in entries
                    ]
                }
            },
        }
    )


@pytest.mark.skipif(not SPEC.exists(), reason="the shared spec is not beside this checkout")
def test_every_key_of_the_parameter_spec_is_defined_in_the_package() -> None:
    defined = set(PolicyBook.default().definitions)
    assert _spec_keys() - defined == set()


# Parameters the library adds to the spec's forty-three, each with its reason in the data
# file.
LIBRARY_KEYS = {
    "enrolment.over_age_years",
    "enrolment.deferral_grounds",
    "calendar.working_day_arrangements",
}


def test_the_package_defines_the_spec_parameters_and_the_library_additions() -> None:
    assert 43 + len(LIBRARY_KEYS) == len(PolicyBook.default().definitions)


@pytest.mark.skipif(not SPEC.exists(), reason="the shared spec is not beside this checkout")
def test_every_parameter_beyond_the_spec_is_a_known_library_addition() -> None:
    assert LIBRARY_KEYS == set(PolicyBook.default().definitions) - _spec_keys()


def test_every_value_in_the_package_carries_a_source_and_a_mark() -> None:
    for layer in PolicyBook.default().layers:
        for raw in layer.values:
            assert raw.source.strip(), raw.key
            assert isinstance(raw.mark, Mark)


def test_linxia_stacks_national_gansu_and_linxia() -> None:
    policy = resolve_policy(LINXIA, on=dt.date(2019, 3, 20))
    assert (NATIONAL, GANSU, LINXIA) == policy.chain


def test_a_linxia_county_resolves_through_the_prefecture_layer() -> None:
    policy = resolve_policy("622927", on=dt.date(2019, 3, 20))
    assert (NATIONAL, GANSU, LINXIA) == policy.chain
    assert LINXIA == policy["reconciliation.headcount_every"].jurisdiction


def test_the_linxia_layer_cites_the_notice_for_the_monthly_check() -> None:
    parameter = resolve_policy(LINXIA, on=dt.date(2019, 3, 20))["reconciliation.headcount_every"]
    assert "monthly" == parameter.value
    assert Mark.CONFIRMED == parameter.mark
    assert "临州办发〔2019〕18号" in parameter.source


def test_national_values_show_through_where_linxia_sets_nothing() -> None:
    parameter = resolve_policy(LINXIA, on=dt.date(2019, 3, 20))["enrolment.age"]
    assert 6 == parameter.value
    assert NATIONAL == parameter.jurisdiction


def test_values_are_typed_by_their_definition() -> None:
    policy = resolve_policy(GANSU, on=dt.date(2019, 3, 20))
    assert MonthDay(8, 31) == policy.value("enrolment.cutoff", MonthDay)
    assert SchoolStructure(6, 3) == policy.value("compulsory.structure", SchoolStructure)
    assert ("health",) == policy.value("suspension.allowed_grounds", tuple)
    assert 0.95 == policy.value("retention.target", float)
    assert policy.value("transfer.blocked_while_suspended", bool) is True


def test_asking_for_the_wrong_type_is_refused() -> None:
    policy = resolve_policy(on=dt.date(2019, 3, 20))
    with pytest.raises(TypeError, match=r"enrolment\.age"):
        policy.value("enrolment.age", str)


def test_a_date_before_the_first_value_raises_with_both_dates_named() -> None:
    policy = resolve_policy(on=dt.date(1990, 1, 1))
    with pytest.raises(ParameterNotInForce) as caught:
        policy.value("enrolment.age")
    assert "1990-01-01" in str(caught.value)
    assert "2006-09-01" in str(caught.value)
    assert isinstance(caught.value, LookupError)


def test_a_parameter_not_yet_in_force_is_listed_with_its_first_date() -> None:
    policy = resolve_policy(on=dt.date(2019, 3, 20))
    assert dt.date(2021, 6, 1) == policy.not_in_force["case.written_report_after_failed_attempts"]
    assert not policy.is_in_force("case.written_report_after_failed_attempts")


def test_the_day_a_value_comes_into_force_it_is_in_force() -> None:
    assert resolve_policy(on=dt.date(2021, 6, 1)).is_in_force(
        "case.written_report_after_failed_attempts"
    )
    assert not resolve_policy(on=dt.date(2021, 5, 31)).is_in_force(
        "case.written_report_after_failed_attempts"
    )


def test_an_unknown_key_raises_unknown_parameter() -> None:
    with pytest.raises(UnknownParameter, match=r"no\.such"):
        resolve_policy(on=dt.date(2019, 3, 20))["no.such"]


def test_an_unknown_jurisdiction_is_refused() -> None:
    with pytest.raises(UnknownJurisdiction, match="999999"):
        resolve_policy("999999", on=dt.date(2019, 3, 20))


def test_a_malformed_jurisdiction_is_refused() -> None:
    with pytest.raises(UnknownJurisdiction):
        resolve_policy("6229", on=dt.date(2019, 3, 20))


def test_a_region_with_no_layer_of_its_own_gets_the_national_layer() -> None:
    policy = resolve_policy("110105", on=dt.date(2019, 3, 20))
    assert (NATIONAL,) == policy.chain


def test_a_later_value_changes_what_resolves_from_its_date_and_not_before() -> None:
    layer = _layer(LINXIA, "case.plan_within_days", ("2020-01-01", 10))
    book = PolicyBook.default().with_layer(layer)
    assert 15 == book.resolve(LINXIA, on=dt.date(2019, 12, 31)).value("case.plan_within_days")
    assert 10 == book.resolve(LINXIA, on=dt.date(2020, 1, 1)).value("case.plan_within_days")
    assert 10 == book.resolve("622921", on=dt.date(2024, 5, 1)).value("case.plan_within_days")
    assert 15 == book.resolve(NATIONAL, on=dt.date(2024, 5, 1)).value("case.plan_within_days")


def test_within_one_layer_the_latest_value_on_or_before_the_date_wins() -> None:
    layer = _layer("622921", "suspension.max_days", ("2015-09-01", 300), ("2018-09-01", 200))
    book = PolicyBook.default().with_layer(layer)
    assert 365 == book.resolve("622921", on=dt.date(2015, 8, 31)).value("suspension.max_days")
    assert 300 == book.resolve("622921", on=dt.date(2018, 8, 31)).value("suspension.max_days")
    assert 200 == book.resolve("622921", on=dt.date(2018, 9, 1)).value("suspension.max_days")


def test_the_most_specific_layer_wins_even_over_a_later_wider_value() -> None:
    county = _layer("622921", "case.contact_every_days", ("2019-03-20", 20))
    national = _layer(NATIONAL, "case.contact_every_days", ("2022-01-01", 45))
    book = PolicyBook.default().with_layer(county).with_layer(national)
    assert 20 == book.resolve("622921", on=dt.date(2023, 1, 1)).value("case.contact_every_days")
    assert 45 == book.resolve(LINXIA, on=dt.date(2023, 1, 1)).value("case.contact_every_days")


def test_an_application_layer_leaves_the_default_book_untouched() -> None:
    PolicyBook.default().with_layer(_layer(LINXIA, "enrolment.age", ("2020-01-01", 7)))
    assert 6 == resolve_policy(LINXIA, on=dt.date(2021, 1, 1)).value("enrolment.age")


def test_resolve_policy_stacks_extra_layers() -> None:
    layer = _layer(LINXIA, "enrolment.age", ("2020-01-01", 7))
    policy = resolve_policy(LINXIA, on=dt.date(2021, 1, 1), layers=[layer])
    assert 7 == policy.value("enrolment.age")


def test_a_layer_file_is_read_from_toml(tmp_path: Path) -> None:
    path = tmp_path / "county.toml"
    path.write_text(
        'jurisdiction = "622921"\n'
        '[parameters."case.plan_within_days"]\n'
        'values = [{ since = 2020-01-01, value = 10, mark = "C", source = "county notice" }]\n',
        encoding="utf-8",
    )
    book = PolicyBook.default().with_file(path)
    assert 10 == book.resolve("622921", on=dt.date(2020, 2, 1)).value("case.plan_within_days")


def test_a_layer_may_define_a_parameter_of_its_own() -> None:
    layer = Layer.from_mapping(
        {
            "jurisdiction": "622921",
            "parameters": {
                "county.visits_per_term": {
                    "kind": "integer",
                    "description": "Home visits a term.",
                    "values": [{"since": "2020-01-01", "value": 3, "mark": "U", "source": "ours"}],
                }
            },
        }
    )
    policy = PolicyBook.default().with_layer(layer).resolve("622921", on=dt.date(2020, 3, 1))
    assert 3 == policy.value("county.visits_per_term", int)


def test_a_value_of_the_wrong_kind_is_refused_with_its_place() -> None:
    layer = _layer(LINXIA, "enrolment.age", ("2020-01-01", "six"))
    with pytest.raises(InvalidPolicyLayer, match=r"enrolment\.age\.values\[0\]"):
        PolicyBook.default().with_layer(layer)


def test_a_value_for_an_undefined_parameter_is_refused() -> None:
    with pytest.raises(InvalidPolicyLayer, match="no layer defines"):
        PolicyBook.default().with_layer(_layer(LINXIA, "made.up", ("2020-01-01", 1)))


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ({"since": "2020-01-01", "value": 1, "mark": "C"}, "missing source"),
        ({"since": "2020-13-01", "value": 1, "mark": "C", "source": "x"}, "since must be a date"),
        ({"since": "2020-01-01", "value": 1, "mark": "X", "source": "x"}, "mark must be"),
        ({"since": "2020-01-01", "value": 1, "mark": "C", "source": " "}, "source must be"),
    ],
)
def test_a_malformed_value_entry_is_refused(entry: dict[str, object], reason: str) -> None:
    data = {"jurisdiction": LINXIA, "parameters": {"enrolment.age": {"values": [entry]}}}
    with pytest.raises(InvalidPolicyLayer, match=reason):
        Layer.from_mapping(data)


def test_a_layer_needs_a_six_digit_jurisdiction() -> None:
    with pytest.raises(InvalidPolicyLayer, match="6-digit"):
        Layer.from_mapping({"jurisdiction": "Linxia", "parameters": {}})


def test_an_unknown_kind_is_refused() -> None:
    data = {
        "jurisdiction": LINXIA,
        "parameters": {"x.y": {"kind": "colour", "values": [{}]}},
    }
    with pytest.raises(InvalidPolicyLayer, match="unknown kind 'colour'"):
        Layer.from_mapping(data)


def test_a_missing_layer_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidPolicyLayer, match="cannot be read"):
        Layer.from_toml(tmp_path / "absent.toml")


def test_a_broken_toml_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("jurisdiction = ", encoding="utf-8")
    with pytest.raises(InvalidPolicyLayer, match="not valid TOML"):
        Layer.from_toml(path)


def test_history_lists_every_dated_value_along_the_chain() -> None:
    history = PolicyBook.default().history("reconciliation.headcount_every", LINXIA)
    assert [NATIONAL, LINXIA] == [item.jurisdiction for item in history]


def test_a_policy_cannot_be_changed() -> None:
    policy = resolve_policy(on=dt.date(2019, 3, 20))
    with pytest.raises(AttributeError):
        policy.on = dt.date(2020, 1, 1)  # type: ignore[misc]
