"""Strategies of whole bundles: clean ones, and for each rule one that must break it.

A clean bundle is what a well-kept county would export on the audit date: 1 to 30
students of 1 to 4 schools, a population roster that lists every one of them, younger
children, older youths and children deferred on health grounds, the lawful deferrals,
suspensions and transfers, reports of employed youths of the minimum employment age,
and each school's monthly headcount rows and totals for the school year so far (the
open records on the rolls, the totals equal to the active records). Every kind counts
as given (an empty file where there are no records), so no rule is skipped for want of
a file. The audit of a clean bundle on ``as_of`` under ``policy`` finds nothing at all,
not even information.

A violating bundle is a clean bundle with one plant:

=========  ==========================================================================
rule       plant
=========  ==========================================================================
INPUT-001  a row of some kind rejected (a field that cannot be read), after the last line
INPUT-002  a student number repeated on a later line, or a school's month total repeated
INPUT-003  an optional cell of a student not read: the record kept with the field unknown
ID-001     one person's resident ID number made invalid on every record that holds it
ID-002     a student's recorded birth date moved within its cohort, the ID left as is
ID-003     a student's recorded sex flipped
ID-004     a student number made malformed (a wrong letter, a character short, a letter
           among the digits)
ID-005     a student's G number made of another ID number (another sequence or day)
ID-006     a second active record (an L number) for an active student at another school
ID-007     one person's ID number moved to an unknown region code, everywhere
AGE-001    a primary student made a year too young for the year it entered grade 1 (or
           such a student added); its ID, roster entry and G number follow
AGE-002    a school-age child added to the roster with no record, or an in-window
           student's record marked dropped out
AGE-003    a deferral on grounds or by an approver the policy does not allow, or one
           running past the deferred age
AGE-004    an open student made older by enough years to be over-age (or one added)
AGE-005    an employment report of a child under the minimum age (on the roster or not)
REG-001    a student's record created later than the allowed days after entry
REG-002    a finished or departed record withdrawn or cancelled for no lawful reason, or
           an earlier record of an enrolled student withdrawn at another school
REG-003    an enrolled student's death on the roster, the record still open past the
           deadline or closed after it
TR-007     an active student present in another school's latest headcount (and, or not,
           absent from its own)
REC-001    an active student marked absent without excuse, or left off, in its school's
           latest headcount (the school's reported total left as it was)
REC-002    a child with no record (on the roster or not) present in a latest headcount
REC-003    one required month's headcount rows and total of a school with active records
           taken out
REC-004    a school's latest reported total changed by 1 to 5
TR-001     a completed transfer without one party's approval, or completed before its
           last approval
TR-002     a completed transfer with one party slower than its limit, or a pending one
           whose next party is overdue
TR-003     a completed transfer with another grade before or after
TR-004     a completed transfer applied for while a suspension of the student ran
TR-005     a completed transfer applied for in the final term of a grade ending a stage
           (this year or an earlier one)
TR-006     a student from outside the roster's area transferred out, unplaced for longer
           than allowed
SUS-001    a suspension (a suspended student's, or a new one an active student returned
           from) on grounds the policy does not allow
SUS-002    the same, approved by a body that may not approve it
SUS-003    the same, extended more often than allowed, or longer than allowed
SUS-004    an active student made suspended, the suspension over and the grace days past
           without a return
SUS-005    a suspension starting in the final term of a grade that ends a stage (an
           active student's this spring, else one suspended since last spring)
AC-001     a correction of a grown-up born since 1996 shown with a school or vaccination
           record only, or with no evidence
AC-002     a correction whose birth certificate shows a date 1 to 300 days after the new
AC-003     a correction that moves a child of no record from the oldest school-age
           cohort to before the window
AC-004     an approved correction of an open student's number (a new date days away, on
           the same side of every age line) that the record did not follow
AC-005     a correction whose new number changes the region or the sequence
AC-006     a correction approved by another body than the approver, or by none recorded
AC-007     two corrections of one person, the second from the first's new number
AC-008     a correction from a lunar birthday written as Gregorian to its Gregorian day
HT-001     visits this school year to a child of no record, no school named; or a
           home-taught student's visits naming another school of the bundle
HT-002     a home-taught, assessed student taught fewer periods than are due pro rata
           (no visit at all, or some)
HT-003     a home-taught student taught enough whose expert assessment is dated after
           the audit date, or missing while another home-taught student's is recorded
CERT-001   a graduate's graduation or leaving certificate dated a year before the final
           year (the record then a grade below the final grade)
CERT-002   a completion certificate of a student who entered junior secondary a year
           late, or who dropped out in the final term three years ago
CERT-003   a graduate's certificate dated in the final term before the issue date
CERT-004   a graduate's second certificate for the same stage (graduation or completion)
CERT-005   a graduate's certificate issued by a school that does not hold the record
DO-001     an active student's unexcused absence spell that reached the suspect threshold
           more than the registration days ago, and no case
DO-002     an open case with no plan, opened more than the plan days ago (not stale)
DO-003     an open case that names nobody responsible
DO-004     an open case with as many recent failed or refused attempts as need a written
           report, and none recorded
DO-005     a case closed as returned for a child on no record
DO-006     a case closed as deceased, emigrated, unable to learn or completed with no
           evidence recorded
DO-007     an open, planned case with no attempt for longer than the contact days
DO-008     a case closed as returned, then a new case of the child opened after the return
DO-009     a grade-1 student over-age by the vocational threshold (an AGE-004 too) back
           from a case, placed in an ordinary class with no consideration of 职普融合
=========  ==========================================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from dropout_control.bundle import Bundle
from dropout_control.catalogue import load_rules
from dropout_control.policy import Policy
from dropout_control.rules import RuleContext
from dropout_control.strategies._certificates import (
    plant_cert_001,
    plant_cert_002,
    plant_cert_003,
    plant_cert_004,
    plant_cert_005,
)
from dropout_control.strategies._corrections import (
    plant_ac_001,
    plant_ac_002,
    plant_ac_003,
    plant_ac_004,
    plant_ac_005,
    plant_ac_006,
    plant_ac_007,
    plant_ac_008,
)
from dropout_control.strategies._drafts import Draft, clean_drafts, finish
from dropout_control.strategies._headcount_plants import (
    plant_rec_001,
    plant_rec_002,
    plant_rec_003,
    plant_rec_004,
    plant_tr_007,
)
from dropout_control.strategies._home_teaching import plant_ht_001, plant_ht_002, plant_ht_003
from dropout_control.strategies._identity_plants import (
    UNKNOWN_REGIONS as UNKNOWN_REGIONS,  # noqa: PLC0414
)
from dropout_control.strategies._identity_plants import (
    plant_age_001,
    plant_age_002,
    plant_age_003,
    plant_age_004,
    plant_age_005,
    plant_id_001,
    plant_id_002,
    plant_id_003,
    plant_id_004,
    plant_id_005,
    plant_id_006,
    plant_id_007,
    plant_input_001,
    plant_input_002,
    plant_input_003,
    plant_reg_001,
    plant_reg_002,
    plant_reg_003,
)
from dropout_control.strategies._ledger import (
    plant_do_001,
    plant_do_002,
    plant_do_003,
    plant_do_004,
    plant_do_005,
    plant_do_006,
    plant_do_007,
    plant_do_008,
    plant_do_009,
)
from dropout_control.strategies._movement_plants import (
    OUTSIDE_REGIONS as OUTSIDE_REGIONS,  # noqa: PLC0414
)
from dropout_control.strategies._movement_plants import (
    plant_sus_001,
    plant_sus_002,
    plant_sus_003,
    plant_sus_004,
    plant_sus_005,
    plant_tr_001,
    plant_tr_002,
    plant_tr_003,
    plant_tr_004,
    plant_tr_005,
    plant_tr_006,
)
from dropout_control.strategies._record_basics import DEFAULT_AS_OF, SchoolCalendar
from dropout_control.transfers.keys import (
    TRANSFER_BLOCKED_IN_GRADUATING_FINAL_TERM,
    TRANSFER_BLOCKED_WHILE_SUSPENDED,
)

__all__ = ["RULES_WITH_STRATEGIES", "clean_bundles", "violating_bundles"]


def clean_bundles(
    *, as_of: dt.date = DEFAULT_AS_OF, policy: Policy | None = None
) -> st.SearchStrategy[Bundle]:
    """Small bundles in which the audit on ``as_of`` under ``policy`` finds nothing.

    ``policy`` is the one the audit applies (by default the national policy resolved on
    ``as_of``); audit with ``jurisdiction=policy.jurisdiction``. One to thirty students
    of one to four schools (the first active), each with a valid resident ID number of
    a Linxia county that agrees with its birth date and sex, a G number made of it, the
    grade of its age (or one below), an entry date that follows, a record created in
    time and a lawful status: mostly active, some suspended, graduated or completed
    (past school age), deceased or cancelled for a lawful reason (the roster says when).
    The roster lists every student and adds younger children, youths past school age and
    children deferred on health grounds; employment reports are of youths of the
    minimum age; headcounts agree with the records month by month; a suspended student
    has a lawful suspension running on ``as_of``, and some active students a lawful
    transfer this school year (completed into their school, or pending out of it with
    its next step not yet due).
    """
    return clean_drafts(SchoolCalendar.of(as_of, policy)).map(finish)


# Plants: one per rule -----------------------------------------------------------------

_Plant = Callable[[st.DrawFn, Draft], Draft]
_RowPlant = Callable[[st.DrawFn, SchoolCalendar, Bundle], Bundle]


_PLANTS: dict[str, _Plant] = {
    "ID-001": plant_id_001,
    "ID-002": plant_id_002,
    "ID-003": plant_id_003,
    "ID-004": plant_id_004,
    "ID-005": plant_id_005,
    "ID-006": plant_id_006,
    "ID-007": plant_id_007,
    "AGE-001": plant_age_001,
    "AGE-002": plant_age_002,
    "AGE-003": plant_age_003,
    "AGE-004": plant_age_004,
    "AGE-005": plant_age_005,
    "REG-001": plant_reg_001,
    "REG-002": plant_reg_002,
    "REG-003": plant_reg_003,
    "TR-001": plant_tr_001,
    "TR-002": plant_tr_002,
    "TR-003": plant_tr_003,
    "TR-004": plant_tr_004,
    "TR-005": plant_tr_005,
    "TR-006": plant_tr_006,
    "SUS-001": plant_sus_001,
    "SUS-002": plant_sus_002,
    "SUS-003": plant_sus_003,
    "SUS-004": plant_sus_004,
    "SUS-005": plant_sus_005,
    "AC-001": plant_ac_001,
    "AC-002": plant_ac_002,
    "AC-003": plant_ac_003,
    "AC-004": plant_ac_004,
    "AC-005": plant_ac_005,
    "AC-006": plant_ac_006,
    "AC-007": plant_ac_007,
    "AC-008": plant_ac_008,
    "HT-001": plant_ht_001,
    "HT-002": plant_ht_002,
    "HT-003": plant_ht_003,
    "CERT-001": plant_cert_001,
    "CERT-002": plant_cert_002,
    "CERT-003": plant_cert_003,
    "CERT-004": plant_cert_004,
    "CERT-005": plant_cert_005,
    "DO-001": plant_do_001,
    "DO-002": plant_do_002,
    "DO-003": plant_do_003,
    "DO-004": plant_do_004,
    "DO-005": plant_do_005,
    "DO-006": plant_do_006,
    "DO-007": plant_do_007,
    "DO-008": plant_do_008,
    "DO-009": plant_do_009,
}
_ROW_PLANTS: dict[str, _RowPlant] = {
    "INPUT-001": plant_input_001,
    "INPUT-002": plant_input_002,
    "INPUT-003": plant_input_003,
    "TR-007": plant_tr_007,
    "REC-001": plant_rec_001,
    "REC-002": plant_rec_002,
    "REC-003": plant_rec_003,
    "REC-004": plant_rec_004,
}

# Rules that fire only while a policy switch is on.
_NEEDS_FLAG = {
    "TR-004": TRANSFER_BLOCKED_WHILE_SUSPENDED,
    "TR-005": TRANSFER_BLOCKED_IN_GRADUATING_FINAL_TERM,
}

RULES_WITH_STRATEGIES: frozenset[str] = frozenset(_PLANTS) | frozenset(_ROW_PLANTS)
"""The IDs of the rules :func:`violating_bundles` can break."""


@st.composite
def _violating_bundles(draw: st.DrawFn, calendar: SchoolCalendar, rule_id: str) -> Bundle:
    draft = draw(clean_drafts(calendar))
    plant = _PLANTS.get(rule_id)
    if plant is not None:
        return finish(plant(draw, draft))
    return _ROW_PLANTS[rule_id](draw, calendar, finish(draft))


def violating_bundles(
    rule_id: str, *, as_of: dt.date = DEFAULT_AS_OF, policy: Policy | None = None
) -> st.SearchStrategy[Bundle]:
    """Bundles that break rule ``rule_id`` on ``as_of`` under ``policy``: a clean bundle
    (see :func:`clean_bundles`) with one plant that the rule must report.

    Raises ``InvalidArgument`` for a rule without such a strategy (see
    :data:`RULES_WITH_STRATEGIES`) and for a rule that cannot fire on ``as_of``: a
    parameter it reads is not yet in force, its precondition fails (working days of the
    audit date's year not known), or the policy switch it enforces
    (``transfer.blocked_while_suspended`` for TR-004,
    ``transfer.blocked_in_graduating_final_term`` for TR-005) is off.
    """
    key = str(rule_id).strip()
    if key not in RULES_WITH_STRATEGIES:
        raise InvalidArgument(
            f"no violating strategy for rule {rule_id!r}; there is one for "
            + ", ".join(sorted(RULES_WITH_STRATEGIES))
        )
    calendar = SchoolCalendar.of(as_of, policy)
    rules = load_rules()
    if key in rules:
        missing = rules[key].missing_parameters(calendar.policy)
        if missing:
            raise InvalidArgument(
                f"{key} does not run on {as_of}: {', '.join(missing)} not in force"
            )
        context = RuleContext(bundle=Bundle(), policy=calendar.policy, as_of=as_of)
        why = rules[key].why_not_ready(context)
        if why is not None:
            raise InvalidArgument(f"{key} does not run on {as_of}: {why}")
    for rule, flag in _NEEDS_FLAG.items():
        if key == rule and not calendar.policy.value(flag, bool):
            raise InvalidArgument(f"{key} cannot fire on {as_of}: {flag} is false")
    return _violating_bundles(calendar, key)
