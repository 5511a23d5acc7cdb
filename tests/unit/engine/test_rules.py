"""Registering rules and turning their observations into findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from dropout_control.errors import DuplicateRule, UnknownRule
from dropout_control.findings import Citation, RuleId, Severity, SourceLocation, Subject
from dropout_control.policy import Mark, resolve_policy
from dropout_control.rules import Observation, RuleContext, RuleRegistry, rule

AS_OF = dt.date(2019, 3, 20)


def _registry_with_age_rule() -> RuleRegistry:
    registry = RuleRegistry()

    @rule(
        "AGE-901",
        severity=Severity.WARNING,
        about="students",
        title=("未到入学年龄", "not yet of enrolment age"),
        message=("入学时 {age} 岁", "aged {age} at entry"),
        parameters=["enrolment.age"],
        citations=[Citation("义务教育法", "art 11", Mark.CONFIRMED)],
        registry=registry,
    )
    def young_entrant(age: int, context: RuleContext[None]) -> Iterator[Observation]:
        """An entrant younger than the enrolment age (入学年龄)."""
        if age < context.policy.value("enrolment.age", int):
            yield Observation(
                subject=Subject.public("S1"),
                source=SourceLocation("students.csv", 2),
                facts={"age": age},
            )

    return registry


def _context() -> RuleContext[None]:
    return RuleContext(bundle=None, policy=resolve_policy(on=AS_OF), as_of=AS_OF)


def test_a_rule_yields_a_finding_with_its_metadata_and_message() -> None:
    registry = _registry_with_age_rule()
    [finding] = registry["AGE-901"].run(5, _context(), kind="students")
    assert RuleId.parse("AGE-901") == finding.rule
    assert Severity.WARNING == finding.severity
    assert "aged 5 at entry" == finding.message.en
    assert "入学时 5 岁" == finding.message.zh


def test_a_finding_quotes_the_parameters_the_rule_read_with_their_sources() -> None:
    registry = _registry_with_age_rule()
    [finding] = registry["AGE-901"].run(5, _context(), kind="students")
    [use] = finding.parameters
    assert ("enrolment.age", 6, "000000", Mark.CONFIRMED) == (
        use.key,
        use.value,
        use.jurisdiction,
        use.mark,
    )
    assert "义务教育法" in use.source


def test_a_clean_subject_gives_no_finding() -> None:
    registry = _registry_with_age_rule()
    assert [] == list(registry["AGE-901"].run(6, _context(), kind="students"))


def test_a_rule_knows_which_of_its_parameters_are_not_in_force() -> None:
    registry = _registry_with_age_rule()
    old = resolve_policy(on=dt.date(2000, 1, 1))
    assert ("enrolment.age",) == registry["AGE-901"].missing_parameters(old)


def test_a_rule_speaks_about_the_kinds_it_names() -> None:
    rule_ = _registry_with_age_rule()["AGE-901"]
    assert (("students",), ()) == (rule_.about, rule_.needs)


def test_a_finding_carries_the_kind_of_its_subject() -> None:
    [finding] = _registry_with_age_rule()["AGE-901"].run(5, _context(), kind="population")
    assert "population" == finding.kind


def test_the_rule_docstring_is_kept_for_the_catalogue() -> None:
    assert _registry_with_age_rule()["AGE-901"].doc.startswith("An entrant younger")


def test_a_rule_id_can_be_registered_once_only() -> None:
    registry = _registry_with_age_rule()
    with pytest.raises(DuplicateRule):
        rule(
            "AGE-901",
            severity=Severity.INFO,
            about="students",
            title=("", ""),
            message=("", ""),
            registry=registry,
        )(lambda subject, context: iter(()))


def test_an_unknown_rule_id_raises() -> None:
    with pytest.raises(UnknownRule):
        RuleRegistry()["ID-001"]


def test_the_registry_lists_rules_in_catalogue_area_order() -> None:
    registry = RuleRegistry()
    for rule_id in ("REG-001", "ID-002", "AGE-001", "ID-001", "ZZ-001"):
        rule(
            rule_id,
            severity=Severity.INFO,
            about="students",
            title=("", ""),
            message=("", ""),
            registry=registry,
        )(lambda subject, context: iter(()))
    assert ["ID-001", "ID-002", "AGE-001", "REG-001", "ZZ-001"] == [str(r.id) for r in registry]
    assert "ID-002" in registry
    assert 5 == len(registry.about("students"))
