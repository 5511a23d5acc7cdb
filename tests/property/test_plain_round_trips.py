"""The edge converter: every record kind and every report read back equal from their clear
plain form, and the masked form shows no personal value in clear."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any, cast

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dropout_control.auditing import audit_bundle
from dropout_control.bundle import Bundle
from dropout_control.findings import Report
from dropout_control.identity import ResidentId, StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.io.plain import structure, unstructure
from dropout_control.kinds import KINDS
from dropout_control.strategies import RULES_WITH_STRATEGIES, clean_bundles, violating_bundles

AS_OF = dt.date(2019, 3, 20)
# Numbers shorter than this may show up in other fields by chance (a grade, a count).
_SHORTEST_CHECKED = 8
_SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _clear_personal_values(record: object) -> Iterator[str]:
    """The clear personal values of a record: its numbers and its names."""
    for field in attrs.fields(cast(Any, type(record))):
        value = getattr(record, field.name)
        if isinstance(value, ResidentId | StudentNumber | MalformedNumber):
            yield value.reveal()
        elif isinstance(value, str) and field.name in {"name", "resident_id", "student_number"}:
            yield value


def _bundles() -> st.SearchStrategy[Bundle]:
    # DO-004 reads a parameter in force from 1 June 2021, after the audit date.
    rules = st.sampled_from(sorted(RULES_WITH_STRATEGIES - {"DO-004"}))
    return st.one_of(clean_bundles(), rules.flatmap(violating_bundles))


def _records(bundle: Bundle) -> list[object]:
    return [record for kind in KINDS.names() for record in bundle.records(kind)]


@pytest.mark.parametrize("kind", sorted(KINDS.names()))
@given(data=st.data())
def test_a_record_of_every_kind_reads_back_equal_from_its_clear_form(
    kind: str, data: st.DataObject
) -> None:
    record_class = KINDS[kind].record_class
    record = data.draw(st.from_type(record_class))
    plain = unstructure(record, reveal=True)
    json.dumps(plain)
    assert record == structure(plain, record_class)


@_SLOW
@given(_bundles())
def test_every_record_of_a_bundle_reads_back_equal_malformed_numbers_too(bundle: Bundle) -> None:
    for record in _records(bundle):
        assert record == structure(unstructure(record, reveal=True), type(record))


@_SLOW
@given(_bundles())
def test_a_report_reads_back_equal_from_its_clear_form(bundle: Bundle) -> None:
    report = audit_bundle(bundle, as_of=AS_OF)
    plain = unstructure(report, reveal=True)
    assert report == structure(json.loads(json.dumps(plain)), Report)


@_SLOW
@given(_bundles())
def test_the_masked_form_of_records_shows_no_number_or_name_in_clear(bundle: Bundle) -> None:
    for record in _records(bundle):
        shown = json.dumps(unstructure(record), ensure_ascii=False)
        for clear in _clear_personal_values(record):
            if len(clear) >= _SHORTEST_CHECKED or (len(clear) > 1 and not clear.isascii()):
                assert clear not in shown


@_SLOW
@given(_bundles())
def test_the_masked_form_of_a_report_shows_no_subject_in_clear(bundle: Bundle) -> None:
    report = audit_bundle(bundle, as_of=AS_OF)
    shown = json.dumps(unstructure(report), ensure_ascii=False)
    personal = {
        f.subject.reveal() for f in report.findings if f.subject.shown != f.subject.reveal()
    }
    checked = [clear for clear in personal if len(clear) >= _SHORTEST_CHECKED]
    assert [] == [clear for clear in checked if clear in shown]
