"""The dropout ledger (控辍保学台账): cases, persuasion attempts, absences, a case's stage
on a date with its next step, owner and due date, the suspected dropouts that must be in
the ledger, and the placements admissible for a child persuaded back to school (安置)."""

from dropout_control.ledger.model import (
    Absence,
    Attempt,
    AttemptOutcome,
    Case,
    CaseCause,
    CaseOrigin,
    CaseOutcome,
    Placement,
)
from dropout_control.ledger.placement import (
    ProposedPlacement,
    ReturningChild,
    placements,
)
from dropout_control.ledger.stages import (
    CaseHistory,
    CaseStage,
    NextStep,
    Step,
    a_term_later,
    next_step,
    stage_on,
)
from dropout_control.ledger.suspects import Suspicion, child_suspicions, student_suspicions

__all__ = [
    "Absence",
    "Attempt",
    "AttemptOutcome",
    "Case",
    "CaseCause",
    "CaseHistory",
    "CaseOrigin",
    "CaseOutcome",
    "CaseStage",
    "NextStep",
    "Placement",
    "ProposedPlacement",
    "ReturningChild",
    "Step",
    "Suspicion",
    "a_term_later",
    "child_suspicions",
    "next_step",
    "placements",
    "stage_on",
    "student_suspicions",
]
