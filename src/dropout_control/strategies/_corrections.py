"""Strategies of household-registration age corrections and their evidence, and the plants
of the AC rules."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from dropout_control.age_corrections import (
    AgeCorrection,
    BirthCalendar,
    CorrectionEvidence,
    EvidenceKind,
    correction_effect,
    new_resident_id,
)
from dropout_control.age_corrections.keys import (
    AGE_CORRECTION_APPROVER,
    AGE_CORRECTION_BIRTH_CERTIFICATE_REQUIRED_FROM,
)
from dropout_control.calendar.lunar import read_as_lunar, same_day_lunar_and_gregorian
from dropout_control.identity import ResidentId
from dropout_control.policy import Policy
from dropout_control.strategies._drafts import Draft
from dropout_control.strategies._record_basics import (
    DEFAULT_AS_OF,
    SchoolCalendar,
    between,
    draw_resident_id,
    resolved_policy,
    source,
)

__all__ = ["age_corrections", "evidence"]

_ADULTS = (dt.date(1996, 1, 1), dt.date(2000, 12, 31))
"""Birth dates of grown-ups on any audit date from 2019: out of school age and over the
employment age before and after any correction of a year or two."""
_FIRST_APPROVAL = dt.date(2013, 1, 1)
_LINES = st.integers(2, 10_000)
_OTHER_BODIES = ("county_public_security_bureau", "police_station", "township_government")


def _approver(policy: Policy) -> str:
    return policy.value(AGE_CORRECTION_APPROVER, str)


def _certificate(correction: AgeCorrection) -> CorrectionEvidence:
    return CorrectionEvidence(
        correction.correction_id,
        EvidenceKind.BIRTH_CERTIFICATE,
        correction.new_birth_date.isoformat(),
        BirthCalendar.GREGORIAN,
    )


def _shifted(draw: st.DrawFn, born: dt.date) -> dt.date:
    """Another birth date one or two years and some days from ``born`` (never the same
    day read in the other calendar)."""
    other = born + dt.timedelta(days=draw(st.sampled_from([-1, 1])) * draw(st.integers(370, 700)))
    while same_day_lunar_and_gregorian(born, other):  # pragma: no cover - months apart at most
        other += dt.timedelta(days=1)
    return other


def _approved_on(draw: st.DrawFn, calendar: SchoolCalendar, *born: dt.date) -> dt.date:
    return draw(between(max(_FIRST_APPROVAL, *born), calendar.as_of))


def _draw_correction(
    draw: st.DrawFn, calendar: SchoolCalendar, used: set[str], correction_id: str
) -> AgeCorrection:
    """A lawful correction of a grown-up of no other record: new number derived,
    approved by the approver after both birth dates."""
    old = draw_resident_id(draw, born=_ADULTS, used=used)
    correction = _approved(draw, calendar, old, _shifted(draw, old.birth_date), correction_id)
    used.add(correction.new_key)
    return correction


def _approved(
    draw: st.DrawFn,
    calendar: SchoolCalendar,
    old: ResidentId,
    new_birth_date: dt.date,
    correction_id: str,
) -> AgeCorrection:
    """The correction of ``old`` to ``new_birth_date``: the new number derived from the
    old one, approved by the approver after both birth dates."""
    return AgeCorrection(
        correction_id=correction_id,
        old_resident_id=old,
        new_resident_id=new_resident_id(old, new_birth_date),
        old_birth_date=old.birth_date,
        new_birth_date=new_birth_date,
        approved_by=_approver(calendar.policy),
        approved_on=_approved_on(draw, calendar, old.birth_date, new_birth_date),
    )


def age_corrections(
    *, as_of: dt.date = DEFAULT_AS_OF, policy: Policy | None = None
) -> st.SearchStrategy[AgeCorrection]:
    """Lawful household-registration age corrections (户籍年龄纠正) of grown-ups born
    1996 to 2000: the new number derived from the old one, approved on or before
    ``as_of`` (from 2013) by ``age_correction.approver``."""
    return _corrections(SchoolCalendar.of(as_of, resolved_policy(as_of, policy)))


@st.composite
def _corrections(draw: st.DrawFn, calendar: SchoolCalendar) -> AgeCorrection:
    number = draw(st.integers(1, 9999))
    correction = _draw_correction(draw, calendar, set(), f"AC{number:04}")
    return attrs.evolve(correction, source=source("age_corrections", draw(_LINES)))


def evidence(
    *, as_of: dt.date = DEFAULT_AS_OF, policy: Policy | None = None
) -> st.SearchStrategy[CorrectionEvidence]:
    """Birth medical certificates of lawful corrections (see :func:`age_corrections`),
    showing the new birth date."""
    return st.tuples(age_corrections(as_of=as_of, policy=policy), _LINES).map(
        lambda drawn: attrs.evolve(_certificate(drawn[0]), source=source("evidence", drawn[1]))
    )


# Plants ------------------------------------------------------------------------------


def _next_id(draft: Draft) -> str:
    return f"AC{len(draft.age_corrections) + 1:04}"


def _with(
    draft: Draft, *corrections: AgeCorrection, shown: tuple[CorrectionEvidence, ...]
) -> Draft:
    return attrs.evolve(
        draft,
        age_corrections=(*draft.age_corrections, *corrections),
        evidence=(*draft.evidence, *shown),
    )


def _lawful(draw: st.DrawFn, draft: Draft) -> AgeCorrection:
    return _draw_correction(draw, draft.calendar, draft.keys_in_use(), _next_id(draft))


def plant_ac_001(draw: st.DrawFn, draft: Draft) -> Draft:
    """A correction of a child born after the birth-certificate date shown with other
    papers only."""
    correction = _lawful(draw, draft)
    required = draft.calendar.policy.value(AGE_CORRECTION_BIRTH_CERTIFICATE_REQUIRED_FROM, dt.date)
    assert max(correction.old_birth_date, correction.new_birth_date) >= required
    kind = draw(st.sampled_from([EvidenceKind.SCHOOL_RECORD, EvidenceKind.VACCINATION_RECORD]))
    paper = attrs.evolve(_certificate(correction), kind=kind)
    return _with(draft, correction, shown=(paper,) if draw(st.booleans()) else ())


def plant_ac_002(draw: st.DrawFn, draft: Draft) -> Draft:
    """A correction whose birth certificate shows another date than the new one."""
    correction = _lawful(draw, draft)
    off = correction.new_birth_date + dt.timedelta(days=draw(st.integers(1, 300)))
    shown = attrs.evolve(_certificate(correction), birth_date_shown=off.isoformat())
    return _with(draft, correction, shown=(shown,))


def plant_ac_003(draw: st.DrawFn, draft: Draft) -> Draft:
    """A correction that moves a child of no record from inside the school-age window
    (the oldest cohort) to before it, approved on or before the audit date."""
    calendar = draft.calendar
    earliest = calendar.window[0]
    inside = (earliest, earliest + dt.timedelta(days=300))
    old = draw_resident_id(draw, born=inside, used=draft.keys_in_use())
    new_birth_date = earliest - dt.timedelta(days=draw(st.integers(1, 700)))
    correction = _approved(draw, calendar, old, new_birth_date, _next_id(draft))
    effect = correction_effect(
        correction.old_birth_date, new_birth_date, calendar.as_of, policy=calendar.policy
    )
    assert effect.leaves_school_age
    return _with(draft, correction, shown=(_certificate(correction),))


def plant_ac_004(draw: st.DrawFn, draft: Draft) -> Draft:
    """An approved correction of an open student's number that its record did not follow:
    the new date in the same cohort, on the same side of the employment age."""
    calendar = draft.calendar
    open_students = [
        s for s in draft.students if s.is_open and isinstance(s.resident_id, ResidentId)
    ]
    student = draw(st.sampled_from(open_students))
    old = student.resident_id
    assert isinstance(old, ResidentId)
    used = draft.keys_in_use()
    for days in draw(st.permutations(list(range(-20, -1)) + list(range(1, 20)))):
        new_birth_date = old.birth_date + dt.timedelta(days=days)
        if new_birth_date > calendar.as_of:
            continue
        effect = correction_effect(
            old.birth_date, new_birth_date, calendar.as_of, policy=calendar.policy
        )
        same_side = (
            effect.before.school_age == effect.after.school_age
            and effect.before.over_employment_age == effect.after.over_employment_age
        )
        new = new_resident_id(old, new_birth_date)
        lunar = same_day_lunar_and_gregorian(old.birth_date, new_birth_date)
        if same_side and not lunar and new.reveal() not in used:
            break
    else:  # pragma: no cover - forty days hold one on the same side
        raise AssertionError("no date on the same side")
    correction = _approved(draw, calendar, old, new_birth_date, _next_id(draft))
    return _with(draft, correction, shown=(_certificate(correction),))


def plant_ac_005(draw: st.DrawFn, draft: Draft) -> Draft:
    """A correction whose new number changes the region or the sequence."""
    correction = _lawful(draw, draft)
    new = correction.new_resident_id
    assert isinstance(new, ResidentId)
    if draw(st.booleans()):
        region = "622922" if new.region_code != "622922" else "622923"
        other = ResidentId.from_parts(region, new.birth_date, new.sequence)
    else:
        other = ResidentId.from_parts(
            new.region_code, new.birth_date, (int(new.sequence) + 2) % 1000
        )
    changed = attrs.evolve(correction, new_resident_id=other)
    return _with(draft, changed, shown=(_certificate(changed),))


def plant_ac_006(draw: st.DrawFn, draft: Draft) -> Draft:
    """A correction approved by another body, or by none recorded."""
    correction = attrs.evolve(
        _lawful(draw, draft), approved_by=draw(st.sampled_from([*_OTHER_BODIES, None]))
    )
    return _with(draft, correction, shown=(_certificate(correction),))


def plant_ac_007(draw: st.DrawFn, draft: Draft) -> Draft:
    """Two lawful corrections of one person, the second from the first's new number."""
    first = _lawful(draw, draft)
    old = first.new_resident_id
    assert isinstance(old, ResidentId)
    used = draft.keys_in_use() | {first.old_key, first.new_key}
    later_birth = _shifted(draw, old.birth_date)
    while new_resident_id(old, later_birth).reveal() in used or later_birth == first.old_birth_date:
        later_birth += dt.timedelta(days=1)
    assert first.approved_on is not None
    second = AgeCorrection(
        correction_id=f"AC{len(draft.age_corrections) + 2:04}",
        old_resident_id=old,
        new_resident_id=new_resident_id(old, later_birth),
        old_birth_date=old.birth_date,
        new_birth_date=later_birth,
        approved_by=first.approved_by,
        approved_on=draw(between(max(first.approved_on, later_birth), draft.calendar.as_of)),
    )
    return _with(draft, first, second, shown=(_certificate(first), _certificate(second)))


def plant_ac_008(draw: st.DrawFn, draft: Draft) -> Draft:
    """A correction from a lunar birthday registered as Gregorian to its Gregorian day."""
    calendar = draft.calendar
    used = draft.keys_in_use()
    while True:
        old = draw_resident_id(draw, born=_ADULTS, used=used)
        days = read_as_lunar(old.birth_date)
        if days:
            break
    new_birth_date = days[0]
    correction = _approved(draw, calendar, old, new_birth_date, _next_id(draft))
    return _with(draft, correction, shown=(_certificate(correction),))
