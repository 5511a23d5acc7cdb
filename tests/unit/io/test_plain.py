"""The edge converter: plain data for findings, reports, records and policy layers."""

from __future__ import annotations

import datetime as dt
import json

import attrs

from dropout_control.calendar import YearMonth
from dropout_control.findings import (
    Finding,
    Message,
    ParameterUse,
    Report,
    RuleId,
    Severity,
    SourceLocation,
    Subject,
)
from dropout_control.identity import ResidentId, Sex, StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.io.converter import CONVERTER, parse_resident_id
from dropout_control.io.plain import structure, unstructure
from dropout_control.metrics import Metrics
from dropout_control.policy import Layer, Mark, PolicyBook, resolve_policy
from dropout_control.population import Child
from dropout_control.reconciliation import HeadcountEntry
from dropout_control.registry import RecordStatus, StudentRecord

NUMBER = "622921201209010429"


def _finding(**changes: object) -> Finding:
    fields: dict[str, object] = {
        "rule": RuleId.parse("ID-002"),
        "severity": Severity.ERROR,
        "kind": "students",
        "subject": Subject.personal("G62292120120901003X", shown="G622921**********3X"),
        "message": Message("出生日期不一致", "birth dates differ"),
        "source": SourceLocation("students.csv", 2),
        "facts": {"recorded_birth_date": dt.date(2012, 9, 1), "days_apart": 1},
        "title": Message("标题", "title"),
    }
    fields.update(changes)
    return Finding(**fields)  # type: ignore[arg-type]


def _student() -> StudentRecord:
    number = ResidentId(NUMBER)
    return StudentRecord(
        student_number=StudentNumber.from_resident_id(number),
        name="马小花",
        sex=Sex.FEMALE,
        birth_date=dt.date(2012, 9, 1),
        school_id="2162101101",
        grade=1,
        entry_date=dt.date(2018, 9, 1),
        status=RecordStatus.ACTIVE,
        resident_id=number,
        source=SourceLocation("students.csv", 2),
    )


def test_a_resident_id_unstructures_to_its_masked_text_not_to_its_fields() -> None:
    assert "622921**********29" == unstructure(ResidentId(NUMBER))


def test_a_resident_id_unstructures_to_its_clear_text_only_when_asked() -> None:
    assert NUMBER == unstructure(ResidentId(NUMBER), reveal=True)


def test_a_finding_shows_its_personal_subject_masked_by_default() -> None:
    assert "G622921**********3X" == unstructure(_finding())["subject"]


def test_a_finding_shows_its_subject_in_clear_and_masked_when_asked() -> None:
    data = unstructure(_finding(), reveal=True)
    assert ("G62292120120901003X", "G622921**********3X") == (
        data["subject"],
        data["subject_masked"],
    )


def test_a_public_subject_is_shown_once_even_when_revealed() -> None:
    data = unstructure(_finding(subject=Subject.public("T2019-001")), reveal=True)
    assert ("T2019-001", False) == (data["subject"], "subject_masked" in data)


def test_finding_data_follows_the_report_contract() -> None:
    data = unstructure(_finding())
    assert [
        "rule",
        "severity",
        "kind",
        "subject",
        "source",
        "related",
        "facts",
        "message",
        "reasons",
    ] == list(data)
    assert {"file": "students.csv", "line": 2} == data["source"]
    assert {"zh": "出生日期不一致", "en": "birth dates differ"} == data["message"]
    assert ("ID-002", "error") == (data["rule"], data["severity"])


def test_a_birth_date_among_the_facts_shows_its_year_only_unless_revealed() -> None:
    assert {"recorded_birth_date": "2012-**-**", "days_apart": 1} == unstructure(_finding())[
        "facts"
    ]
    assert "2012-09-01" == unstructure(_finding(), reveal=True)["facts"]["recorded_birth_date"]


def test_a_birth_date_named_by_the_facts_shows_its_year_only_in_the_message_too() -> None:
    finding = _finding(message=Message("出生日期 2012-09-01 不一致", "born 2012-09-01; differs"))
    assert {"zh": "出生日期 2012-**-** 不一致", "en": "born 2012-**-**; differs"} == (
        unstructure(finding)["message"]
    )
    assert "born 2012-09-01; differs" == unstructure(finding, reveal=True)["message"]["en"]


def test_the_parameters_a_finding_used_are_listed_with_their_sources() -> None:
    use = ParameterUse(
        "enrolment.age", 6, dt.date(2006, 9, 1), "000000", "义务教育法", Mark.CONFIRMED
    )
    data = unstructure(_finding(parameters=(use,)))
    expected = {
        "key": "enrolment.age",
        "value": 6,
        "since": "2006-09-01",
        "jurisdiction": "000000",
        "source": "义务教育法",
        "mark": "C",
    }
    assert [expected] == data["parameters"]


def test_a_parameter_of_a_key_no_layer_defines_reads_back_as_written() -> None:
    use = ParameterUse("app.own", [1, 2], dt.date(2020, 1, 1), "622921", "own", Mark.UNSOURCED)
    assert use == structure(unstructure(use, reveal=True), ParameterUse)


def test_a_finding_reads_back_equal_from_its_clear_form() -> None:
    finding = _finding(related=(SourceLocation("population.csv", 3),))
    assert finding == structure(unstructure(finding, reveal=True), Finding)


def test_a_record_shows_its_numbers_name_and_birth_date_masked() -> None:
    data = unstructure(_student())
    shown = (data["student_number"], data["resident_id"], data["name"], data["birth_date"])
    assert ("G622921**********29", "622921**********29", "马**", "2012-**-**") == shown


def test_a_record_shows_its_codes_dates_and_source_as_plain_data() -> None:
    data = unstructure(_student(), reveal=True)
    assert ("female", "active", "2018-09-01") == (data["sex"], data["status"], data["entry_date"])
    assert {"file": "students.csv", "line": 2} == data["source"]


def test_a_record_reads_back_with_its_source() -> None:
    student = _student()
    back = structure(unstructure(student, reveal=True), StudentRecord)
    assert (student, student.source) == (back, back.source)


def test_a_malformed_number_reads_back_with_the_reason_its_text_gives() -> None:
    malformed = parse_resident_id("62292120120901042", "resident_id")
    assert isinstance(malformed, MalformedNumber)
    child = Child(
        resident_id=malformed,
        name="马小花",
        birth_date=dt.date(2012, 9, 1),
        household_region="622921",
    )
    back = structure(unstructure(child, reveal=True), Child)
    assert child == back


def test_a_headcount_masks_the_numbers_it_keeps_as_text() -> None:
    entry = HeadcountEntry(
        month=YearMonth(2019, 3),
        school_id="2162101101",
        present=True,
        student_number="G" + NUMBER,
        resident_id=NUMBER,
        name="马小花",
    )
    data = unstructure(entry)
    shown = (data["month"], data["student_number"], data["resident_id"], data["name"])
    assert ("2019-03", "G622921**********29", "622921**********29", "马**") == shown


def test_a_report_without_whereabouts_counts_has_null_whereabouts() -> None:
    report = Report(as_of=dt.date(2019, 3, 20), jurisdiction="622900")
    assert None is unstructure(report)["metrics"]["whereabouts"]


def test_an_empty_report_reads_back_equal() -> None:
    report = Report(as_of=dt.date(2019, 3, 20), jurisdiction="622900", metrics=Metrics())
    assert report == structure(json.loads(json.dumps(unstructure(report))), Report)


def test_every_layer_of_the_package_reads_back_equal_from_its_plain_form() -> None:
    layers = PolicyBook.default().layers
    back = [structure(json.loads(json.dumps(unstructure(layer))), Layer) for layer in layers]
    assert list(layers) == back


def test_a_layer_reads_back_in_the_form_of_the_package_files() -> None:
    layer = Layer.from_mapping(
        {
            "jurisdiction": "622921",
            "name": "Linxia county",
            "parameters": {
                "case.plan_within_days": {
                    "kind": "integer",
                    "description": "days",
                    "unit": "days",
                    "values": [
                        {"since": "2020-01-01", "value": 10, "mark": "C", "source": "notice"},
                        {
                            "since": "2021-01-01",
                            "value": 7,
                            "mark": "S",
                            "source": "n",
                            "note": "x",
                        },
                    ],
                }
            },
        }
    )
    data = unstructure(layer)
    assert "2020-01-01" == data["parameters"]["case.plan_within_days"]["values"][0]["since"]
    assert layer == structure(data, Layer)


def test_the_readers_converter_unstructures_a_resident_id_masked_too() -> None:
    assert "622921**********29" == CONVERTER.unstructure(ResidentId(NUMBER))


def test_a_parameter_in_force_shows_its_unit_source_and_description() -> None:
    parameter = resolve_policy("622900", on=dt.date(2019, 3, 20))["enrolment.age"]
    data = unstructure(parameter)
    assert ("enrolment.age", 6, "2006-09-01", "C") == (
        data["key"],
        data["value"],
        data["since"],
        data["mark"],
    )
    assert {"unit", "description", "jurisdiction", "source"} <= set(data)


def test_a_parameter_shows_its_note_only_when_it_has_one() -> None:
    parameter = resolve_policy("622900", on=dt.date(2019, 3, 20))["enrolment.age"]
    assert "note" not in unstructure(parameter)
    assert "see the notice" == unstructure(attrs.evolve(parameter, note="see the notice"))["note"]
