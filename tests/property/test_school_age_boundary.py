"""The upper edge of the school-age window, as AGE-002 sees it.

``school_age.upper`` (15) is inclusive: a child aged 15 in whole years at the cutoff of
the school year is of school age and, with no record anywhere, out of school (AGE-002);
a child aged 16 at the cutoff is past the window. The audit date, the birth date inside
the one-year cohort and the region are all drawn.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from dropout_control.auditing import audit_bundle
from dropout_control.bundle import Bundle
from dropout_control.calendar import SchoolYear, age_on, cutoff_date, latest_birth_date
from dropout_control.findings import Report
from dropout_control.identity import LINXIA_COUNTIES, ResidentId
from dropout_control.policy import NATIONAL, resolve_policy
from dropout_control.population import Child
from dropout_control.registry.kinds import STUDENTS

ONE_DAY = dt.timedelta(days=1)
REGIONS = sorted(county.code for county in LINXIA_COUNTIES)


@st.composite
def child_of_age_at_cutoff(draw: st.DrawFn, age: int) -> tuple[Child, dt.date]:
    """A child aged exactly ``age`` at the cutoff of the school year of a drawn audit date,
    alive, resident and not disabled, with the audit date."""
    as_of = draw(st.dates(min_value=dt.date(2008, 1, 1), max_value=dt.date(2035, 12, 31)))
    policy = resolve_policy(NATIONAL, on=as_of)
    cutoff = cutoff_date(SchoolYear.containing(as_of, policy=policy), policy=policy)
    born = draw(
        st.dates(
            min_value=latest_birth_date(age + 1, cutoff) + ONE_DAY,
            max_value=latest_birth_date(age, cutoff),
        )
    )
    number = ResidentId.from_parts(draw(st.sampled_from(REGIONS)), born, draw(st.integers(1, 999)))
    child = Child(
        resident_id=number,
        name="马某某",
        birth_date=born,
        household_region=number.region_code,
    )
    assert age == age_on(born, cutoff)
    return child, as_of


def audit_of(child: Child, as_of: dt.date) -> Report:
    bundle = Bundle.from_records([child])
    return audit_bundle(bundle.evolve(kinds=bundle.kinds | {STUDENTS.name}), as_of=as_of)


@given(child_of_age_at_cutoff(15))
def test_a_child_aged_15_at_the_cutoff_with_no_record_is_out_of_school(
    drawn: tuple[Child, dt.date],
) -> None:
    child, as_of = drawn
    assert ["AGE-002"] == [str(finding.rule) for finding in audit_of(child, as_of).findings]


@given(child_of_age_at_cutoff(16))
def test_a_child_aged_16_at_the_cutoff_with_no_record_is_past_school_age(
    drawn: tuple[Child, dt.date],
) -> None:
    child, as_of = drawn
    assert [] == [str(finding.rule) for finding in audit_of(child, as_of).findings]
