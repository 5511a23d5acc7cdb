"""Strategies of certificates and schools, the graduates the CERT plants and the
certified bundles build on, and the plants of the CERT rules."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from dropout_control.bundle import Bundle
from dropout_control.calendar import SchoolYear
from dropout_control.calendar.month_day import MonthDay
from dropout_control.completion import Certificate, CertificateKind, School, SchoolStage
from dropout_control.completion.keys import CERTIFICATE_ISSUE_FROM
from dropout_control.completion.kinds import CERTIFICATES
from dropout_control.identity import LINXIA_COUNTIES, StudentNumber
from dropout_control.policy import Policy
from dropout_control.registry import RecordStatus, StudentRecord
from dropout_control.strategies._drafts import (
    ONE_DAY,
    Draft,
    add_student,
    between,
    clean_drafts,
    coin,
    finish,
)
from dropout_control.strategies._record_basics import (
    DEFAULT_AS_OF,
    SchoolCalendar,
    draw_resident_id,
    resolved_policy,
    school_ids,
    source,
)
from dropout_control.strategies._students import Placement

__all__ = ["certificates", "certified_bundles", "schools"]

_LINES = st.integers(2, 10_000)
_TOWNSHIPS = ("城关镇", "韩集镇", "土桥镇", "马集镇", "莲花镇")


def _year_of(calendar: SchoolCalendar, years_ago: int) -> SchoolYear:
    return SchoolYear.starting(calendar.current.start_year - years_ago, policy=calendar.policy)


def _issue_from(calendar: SchoolCalendar, year: SchoolYear) -> dt.date:
    return calendar.policy.value(CERTIFICATE_ISSUE_FROM, MonthDay).in_year(year.end.year)


def _next_no(draft: Draft) -> str:
    return f"ZS{len(draft.certificates) + 1:05}"


def add_graduate(
    draw: st.DrawFn,
    draft: Draft,
    *,
    kind: CertificateKind = CertificateKind.GRADUATION,
    years_ago: int | None = None,
) -> tuple[Draft, StudentRecord, Certificate]:
    """A new person who finished the final grade one to three school years ago (a year
    older than the usual cohort for a completion certificate, so as to be of the
    minimum age), with a lawful certificate of ``kind`` issued by the school between
    the issue date and the end of that year."""
    calendar = draft.calendar
    ago = years_ago if years_ago is not None else draw(st.integers(1, 3))
    year = _year_of(calendar, ago)
    final = calendar.final_grade
    older = 1 if kind is CertificateKind.COMPLETION else 0
    status = (
        RecordStatus.COMPLETED if kind is CertificateKind.COMPLETION else RecordStatus.GRADUATED
    )
    placement = Placement(final, year.start_year, year.start_year - final + 1 - older)
    draft, record = add_student(draw, draft, placement, status=status)
    issued = between(draw, _issue_from(calendar, year), min(year.end, calendar.as_of))
    certificate = Certificate(
        certificate_no=_next_no(draft),
        student_number=record.student_number,
        kind=kind,
        issued_on=issued,
        school_id=record.school_id,
    )
    return attrs.evolve(draft, certificates=(*draft.certificates, certificate)), record, certificate


def _changed(draft: Draft, old: Certificate, new: Certificate) -> Draft:
    return attrs.evolve(
        draft, certificates=tuple(new if item is old else item for item in draft.certificates)
    )


@st.composite
def _certificates(draw: st.DrawFn, calendar: SchoolCalendar) -> Certificate:
    year = _year_of(calendar, draw(st.integers(1, 3)))
    number = draw_resident_id(
        draw, born=calendar.cohort(year.start_year - calendar.final_grade + 1)
    )
    return Certificate(
        certificate_no=f"ZS{draw(st.integers(1, 99_999)):05}",
        student_number=StudentNumber.from_resident_id(number),
        kind=CertificateKind.GRADUATION,
        issued_on=between(draw, _issue_from(calendar, year), min(year.end, calendar.as_of)),
        school_id=draw(school_ids()),
        source=source("certificates", draw(_LINES)),
    )


def certificates(
    *, as_of: dt.date = DEFAULT_AS_OF, policy: Policy | None = None
) -> st.SearchStrategy[Certificate]:
    """Graduation certificates (毕业证书) of the final grade issued one to three school
    years before ``as_of``, on or after the issue date, to a student of the usual
    cohort (a record of its own is left to the caller: see :func:`certified_bundles`)."""
    return _certificates(SchoolCalendar.of(as_of, resolved_policy(as_of, policy)))


@st.composite
def _schools(draw: st.DrawFn) -> School:
    county = draw(st.sampled_from([c.code for c in LINXIA_COUNTIES]))
    coded = f"{county}{draw(st.integers(100, 199)):03}"
    township = draw(st.sampled_from([None, coded, *_TOWNSHIPS]))
    return School(
        school_id=draw(school_ids()),
        name=draw(st.none() | st.sampled_from(["第一小学", "中心小学", "第二中学", "九年制学校"])),
        county=county,
        township=township,
        stage=draw(st.none() | st.sampled_from(SchoolStage)),
        source=source("schools", draw(_LINES)),
    )


def schools() -> st.SearchStrategy[School]:
    """Schools of a Linxia county, with a township named, coded or not given."""
    return _schools()


def certified_bundles(
    *, as_of: dt.date = DEFAULT_AS_OF, policy: Policy | None = None
) -> st.SearchStrategy[tuple[Bundle, tuple[Certificate, ...]]]:
    """Clean bundles (see :func:`~dropout_control.strategies.clean_bundles`) with one to
    three graduates of earlier years, each holding an eligible graduation or completion
    certificate; with the certificates. The audit on ``as_of`` finds nothing."""
    calendar = SchoolCalendar.of(as_of, policy)

    @st.composite
    def build(draw: st.DrawFn) -> tuple[Bundle, tuple[Certificate, ...]]:
        draft = draw(clean_drafts(calendar))
        for _ in range(draw(st.integers(1, 3))):
            kind = CertificateKind.COMPLETION if coin(draw) else CertificateKind.GRADUATION
            draft, _record, _certificate = add_graduate(draw, draft, kind=kind)
        bundle = finish(draft)
        return bundle, bundle.records(CERTIFICATES)

    return build()


# Plants ------------------------------------------------------------------------------


def plant_cert_001(draw: st.DrawFn, draft: Draft) -> Draft:
    """A graduation or leaving certificate issued a year before the student's final
    year (the record then in the grade below the final grade)."""
    kind = CertificateKind.LEAVING if coin(draw) else CertificateKind.GRADUATION
    draft, _record, given = add_graduate(draw, draft, kind=CertificateKind.GRADUATION)
    year = SchoolYear.containing(given.issued_on, policy=draft.calendar.policy)
    earlier = SchoolYear.starting(year.start_year - 1, policy=draft.calendar.policy)
    issued = between(draw, _issue_from(draft.calendar, earlier), earlier.end)
    return _changed(draft, given, attrs.evolve(given, kind=kind, issued_on=issued))


def plant_cert_002(draw: st.DrawFn, draft: Draft) -> Draft:
    """A completion certificate of a student who entered junior secondary a year late
    (too few years on the roll), or who dropped out before the end of the year (three
    years ago, past school age now)."""
    if coin(draw):
        draft, record, _given = add_graduate(draw, draft, kind=CertificateKind.COMPLETION)
        later = record.entry_date.replace(year=record.entry_date.year + 1)
        created = None if record.record_created_on is None else later
        changed = attrs.evolve(record, entry_date=later, record_created_on=created)
    else:
        draft, record, given = add_graduate(
            draw, draft, kind=CertificateKind.COMPLETION, years_ago=3
        )
        year = SchoolYear.containing(given.issued_on, policy=draft.calendar.policy)
        left = between(draw, year.spring_term_start, given.issued_on - ONE_DAY)
        changed = attrs.evolve(record, status=RecordStatus.DROPPED_OUT, status_since=left)
    students = tuple(changed if item is record else item for item in draft.students)
    return attrs.evolve(draft, students=students)


def plant_cert_003(draw: st.DrawFn, draft: Draft) -> Draft:
    """A graduation certificate issued in the final term before the issue date."""
    draft, _record, given = add_graduate(draw, draft)
    year = SchoolYear.containing(given.issued_on, policy=draft.calendar.policy)
    issued = between(draw, year.spring_term_start, _issue_from(draft.calendar, year) - ONE_DAY)
    return _changed(draft, given, attrs.evolve(given, issued_on=issued))


def plant_cert_004(draw: st.DrawFn, draft: Draft) -> Draft:
    """A second lawful certificate for the same stage: another graduation certificate,
    or a completion certificate beside it."""
    kind = CertificateKind.COMPLETION if coin(draw) else CertificateKind.GRADUATION
    draft, _record, given = add_graduate(draw, draft, kind=kind)
    year = SchoolYear.containing(given.issued_on, policy=draft.calendar.policy)
    second = attrs.evolve(
        given,
        certificate_no=_next_no(draft),
        kind=CertificateKind.GRADUATION,
        issued_on=between(draw, given.issued_on, min(year.end, draft.calendar.as_of)),
    )
    return attrs.evolve(draft, certificates=(*draft.certificates, second))


def plant_cert_005(draw: st.DrawFn, draft: Draft) -> Draft:
    """A lawful certificate issued by a school that does not hold the record."""
    draft, record, given = add_graduate(draw, draft)
    other = draw(school_ids().filter(lambda school: school != record.school_id))
    return _changed(draft, given, attrs.evolve(given, school_id=other))
