"""Look-ups of the dropout ledger that rules, the ledger view and other packages use."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dropout_control.ledger.kinds import ABSENCES_BY_STUDENT, ATTEMPTS_BY_CASE, CASES_BY_PERSON
from dropout_control.ledger.model import Absence, Attempt, Case
from dropout_control.ledger.stages import CaseHistory, CaseStage, stage_on
from dropout_control.registry.model import RecordStatus
from dropout_control.registry.queries import student_records_numbered, student_records_of

if TYPE_CHECKING:
    from dropout_control.bundle import Bundle
    from dropout_control.policy import Policy

__all__ = [
    "absences_of",
    "attempts_of",
    "cases_of",
    "history_of",
    "ledger_standing",
]


def cases_of(bundle: Bundle, *people: str | None) -> tuple[Case, ...]:
    """The cases that name a child by any of these numbers (resident ID, student
    number, as written), each once, in date order of opening."""
    index = bundle.index(CASES_BY_PERSON)
    found: dict[str, Case] = {}
    for person in people:
        if person:
            for case in index.get(person, ()):
                found.setdefault(case.case_id, case)
    return tuple(sorted(found.values(), key=lambda case: (case.opened_on, case.case_id)))


def attempts_of(bundle: Bundle, case_id: str) -> tuple[Attempt, ...]:
    """The persuasion attempts of a case, in input order."""
    return bundle.index(ATTEMPTS_BY_CASE).get(case_id, ())


def absences_of(bundle: Bundle, student_number: str) -> tuple[Absence, ...]:
    """The absences of a student number, in input order."""
    return bundle.index(ABSENCES_BY_STUDENT).get(student_number, ())


def _numbers(bundle: Bundle, case: Case) -> list[str]:
    """The case's numbers and those of the child's records found by them."""
    numbers = list(case.people)
    records = [
        *(student_records_numbered(bundle, case.student_number) if case.student_number else ()),
        *(student_records_of(bundle, case.resident_id) if case.resident_id else ()),
    ]
    for record in records:
        for number in (record.key, record.resident_id.reveal() if record.resident_id else None):
            if number and number not in numbers:
                numbers.append(number)
    return numbers


def history_of(bundle: Bundle, case: Case) -> CaseHistory:
    """A case with its attempts and the day the child dropped out again after the
    return, if it did: the earliest later case of the child opened after the return,
    or a record of the child marked dropped out (辍学) since a day after the return."""
    history = CaseHistory(case, attempts_of(bundle, case.case_id))
    returned = history.return_day
    if returned is None:
        return history
    numbers = _numbers(bundle, case)
    days = [
        other.opened_on
        for other in cases_of(bundle, *numbers)
        if other.case_id != case.case_id and other.opened_on > returned
    ]
    for number in numbers:
        records = (*student_records_numbered(bundle, number), *student_records_of(bundle, number))
        for record in records:
            since = record.status_since
            if record.status is RecordStatus.DROPPED_OUT and since is not None and since > returned:
                days.append(since)
    if not days:
        return history
    return CaseHistory(case, history.attempts, min(days))


def ledger_standing(
    bundle: Bundle, *people: str | None, as_of: dt.date, policy: Policy
) -> tuple[Case, CaseStage] | None:
    """The child's latest case opened on or before ``as_of`` and its stage then, or
    None when the ledger holds no case of the child by that day."""
    opened = [case for case in cases_of(bundle, *people) if case.opened_on <= as_of]
    if not opened:
        return None
    case = opened[-1]
    return case, stage_on(history_of(bundle, case), as_of, policy=policy)
