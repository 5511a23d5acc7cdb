"""What a county keeps (台账): the open cases with their next step, owner and due date,
the three lists of the routine reporting, and a sample of schools for unannounced
inspection (明察暗访).

Everything here is a pure function of a bundle, a policy and a date: the command line
(``dropout-control ledger``) reads the folder and writes what these functions return.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Mapping, Sequence
from typing import Final

import attrs

from dropout_control.bundle import Bundle
from dropout_control.calendar import school_age_window
from dropout_control.completion.queries import township_of
from dropout_control.identity import mask_number
from dropout_control.kinds import KINDS
from dropout_control.ledger.kinds import ATTEMPTS
from dropout_control.ledger.model import Case
from dropout_control.ledger.queries import cases_of, history_of
from dropout_control.ledger.stages import Step, next_step
from dropout_control.ledger.suspects import child_suspicions, student_suspicions
from dropout_control.policy import Policy
from dropout_control.population.model import Child
from dropout_control.reasons import Stated, reason
from dropout_control.registry.model import StudentRecord
from dropout_control.rules import RuleContext

__all__ = [
    "NOT_KNOWN",
    "Drawn",
    "LedgerRow",
    "LedgerView",
    "ListedChild",
    "draw_for_inspection",
    "ledger_view",
]

ATTEMPTS_NOT_READ: Final = reason(
    "METRIC.ATTEMPTS_NOT_READ",
    "未读入劝返记录（attempts）：制定方案后的下一次劝返及其期限未知，不计为逾期",
    "no persuasion attempts were read (attempts): after the plan, the next persuasion "
    "and its due date are not known, and not counted as overdue",
)

NOT_KNOWN = "not known"
"""What the view says for a place it cannot tell (a township without a schools file, or
of a school the schools file does not name)."""


@attrs.frozen
class LedgerRow:
    """One case the ledger still follows on the date."""

    county: str
    township: str
    school: str
    case_id: str
    person: str = attrs.field(repr=lambda v: repr(mask_number(v)))
    stage: str
    cause: str
    next_step: str
    owner: str
    named_owner: bool
    due_on: dt.date | None
    overdue_days: int


@attrs.frozen
class ListedChild:
    """A child on one of the routine lists, with why it is there."""

    person: str = attrs.field(repr=lambda v: repr(mask_number(v)))
    county: str
    school: str
    why: str
    since: dt.date | None = None
    case_id: str | None = None


@attrs.frozen
class LedgerView:
    """The ledger on a date: cases still followed (by county, township, school) and the
    three lists: school-age children (适龄儿童), suspected dropouts (疑似辍学) and
    dropouts (辍学: children the ledger holds as out of school). ``not_known`` says
    what the view cannot tell for want of an input (the next persuasion without
    ``attempts``)."""

    as_of: dt.date
    cases: tuple[LedgerRow, ...]
    school_age: tuple[ListedChild, ...]
    suspected: tuple[ListedChild, ...]
    dropouts: tuple[ListedChild, ...]
    not_known: tuple[Stated, ...] = ()

    @property
    def overdue(self) -> tuple[LedgerRow, ...]:
        """The cases whose next step is late."""
        return tuple(row for row in self.cases if row.overdue_days > 0)


def _place(bundle: Bundle, kind: str, record: object) -> tuple[str, str]:
    place = KINDS[kind].place(record, bundle)
    return place.county or NOT_KNOWN, place.school or NOT_KNOWN


def _row(
    bundle: Bundle, case: Case, as_of: dt.date, policy: Policy, *, attempts_read: bool
) -> LedgerRow | None:
    step = next_step(history_of(bundle, case), as_of, policy=policy)
    if step is None:
        return None
    if step.step is Step.PERSUASION and not attempts_read:
        # When the last attempt was is not known: neither is the next one's due date.
        step = attrs.evolve(step, due_on=None, overdue_days=0)
    county, school = _place(bundle, "cases", case)
    return LedgerRow(
        county=county,
        township=township_of(bundle, school) or NOT_KNOWN,
        school=school,
        case_id=case.case_id,
        person=case.people[0],
        stage=step.stage.value,
        cause=case.cause.value if case.cause is not None else NOT_KNOWN,
        next_step=step.step.value,
        owner=", ".join(step.owner) or NOT_KNOWN,
        named_owner=step.named_owner,
        due_on=step.due_on,
        overdue_days=step.overdue_days,
    )


def ledger_view(bundle: Bundle, *, as_of: dt.date, policy: Policy) -> LedgerView:
    """The ledger of ``bundle`` on ``as_of`` under ``policy``.

    Cases opened by ``as_of`` that the ledger still follows (open, or returned and not
    yet consolidated), sorted by county, township, school and case ID. The school-age
    list holds the roster's children inside the school-age window who have not left;
    the suspected list every suspected dropout (see
    :mod:`dropout_control.ledger.suspects`) with the day it became one and its case, if
    any; the dropout list the children of open cases (registered, planned, in
    persuasion). The township of a case is the one the ``schools`` input gives its
    school; without it, or for a school it does not name, "not known".
    """
    context: RuleContext[Bundle] = RuleContext(bundle=bundle, policy=policy, as_of=as_of)
    attempts_read = ATTEMPTS.name in bundle.kinds
    rows = [
        row
        for case in bundle.records("cases")
        if isinstance(case, Case) and case.opened_on <= as_of
        for row in [_row(bundle, case, as_of, policy, attempts_read=attempts_read)]
        if row is not None
    ]
    rows.sort(key=lambda r: (r.county, r.township, r.school, r.case_id))
    earliest, latest = school_age_window(as_of, policy=policy)
    school_age = []
    suspected = []
    for child in bundle.records("population"):
        if not isinstance(child, Child) or child.has_left_on(as_of):
            continue
        county, school = _place(bundle, "population", child)
        if earliest <= child.birth_date <= latest:
            school_age.append(ListedChild(child.key, county, school, "school_age"))
        suspected += _listed(bundle, child.key, child_suspicions(child, context), county, school)
    for record in bundle.records("students"):
        if isinstance(record, StudentRecord):
            county, school = _place(bundle, "students", record)
            found = student_suspicions(record, context)
            suspected += _listed(bundle, record.key, found, county, school)
    dropouts = [
        ListedChild(row.person, row.county, row.school, row.stage, None, row.case_id)
        for row in rows
        if stage_is_open(row.stage)
    ]
    return LedgerView(
        as_of=as_of,
        cases=tuple(rows),
        school_age=tuple(sorted(school_age, key=lambda c: (c.county, c.school, c.person))),
        suspected=tuple(sorted(suspected, key=lambda c: (c.county, c.school, c.person))),
        dropouts=tuple(dropouts),
        not_known=() if attempts_read else (ATTEMPTS_NOT_READ.given(),),
    )


def stage_is_open(stage: str) -> bool:
    """Whether a stage's code is one of a case whose child is still out of school."""
    return stage in ("registered", "planned", "in_persuasion")


def _listed(
    bundle: Bundle, person: str, found: Sequence[object], county: str, school: str
) -> list[ListedChild]:
    if not found:
        return []
    first = found[0]
    since = getattr(first, "since", None)
    why = str(getattr(first, "suspected_by", ""))
    cases = cases_of(bundle, person)
    return [ListedChild(person, county, school, why, since, cases[-1].case_id if cases else None)]


@attrs.frozen
class Drawn:
    """A place drawn for unannounced inspection, its weight (its open findings) and the
    total weight it was drawn from."""

    place: str
    findings: int
    weight: float
    total_weight: float

    @property
    def why(self) -> str:
        """Why the place was drawn, in words."""
        share = 0.0 if self.total_weight == 0 else self.weight / self.total_weight
        return (
            f"drawn with weight {self.weight:g} of {self.total_weight:g} "
            f"({share:.1%}): {self.findings} open findings"
        )


def draw_for_inspection(
    findings_by_place: Mapping[str, int], count: int, *, seed: int
) -> tuple[Drawn, ...]:
    """Draw ``count`` places (schools or townships) without replacement, each with a
    chance that grows with its open findings (weight: findings + 1, so that a place
    without findings may be drawn too), reproducibly for one ``seed``.

    Weighted sampling by keys (Efraimidis and Spirakis): each place gets the key
    ``u ** (1 / weight)`` with ``u`` uniform from the seeded generator, places in sorted
    order; the ``count`` largest keys win.

    >>> places = {"A": 10, "B": 0, "C": 3}
    >>> [d.place for d in draw_for_inspection(places, 2, seed=7)] == [
    ...     d.place for d in draw_for_inspection(places, 2, seed=7)]
    True
    """
    rng = random.Random(seed)
    total = float(sum(n + 1 for n in findings_by_place.values()))
    keyed = []
    for place in sorted(findings_by_place):
        weight = float(findings_by_place[place] + 1)
        u = rng.random() or math.ulp(0.0)
        keyed.append((u ** (1.0 / weight), place, weight))
    keyed.sort(reverse=True)
    return tuple(
        Drawn(place, findings_by_place[place], weight, total)
        for _, place, weight in keyed[: max(count, 0)]
    )
