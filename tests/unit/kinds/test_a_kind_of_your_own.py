"""An application declares a kind of its own in one place and audits it with a rule of
its own, end to end, without editing the library: from a folder and from records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from dropout_control import KINDS, REGISTRY, Bundle, RecordKind, Severity, audit, audit_bundle
from dropout_control.errors import DuplicateKind, UnknownKind
from dropout_control.findings import SourceLocation, Subject
from dropout_control.identity import mask_number
from dropout_control.kinds import Index, grouped
from dropout_control.reasons import Catalogue, reason
from dropout_control.registry.queries import student_records_numbered
from dropout_control.rules import Observation, RuleContext, rule

AS_OF = dt.date(2019, 3, 20)


# The application's own record: a teacher's home visit (家访) to a student.
@attrs.frozen
class HomeVisit:
    visit_id: str
    student_number: str
    visited_on: dt.date
    teacher: str
    source: SourceLocation | None = attrs.field(default=None, eq=False)


# The application's reasons live in a catalogue of its own.
APP_REASONS = Catalogue()
VISITED = reason("VISIT.HOME", "{on} 家访", "home visit {on}", catalogue=APP_REASONS)

VISITS_BY_STUDENT: Index[HomeVisit, object] = Index(
    "home_visits", "by_student", grouped(lambda visit: visit.student_number)
)

HOME_VISITS = RecordKind(
    "home_visits",
    HomeVisit,
    files=("home_visits", "家访记录"),
    unique_key=("visit_id",),
    aliases={
        "visit_id": ("家访编号",),
        "student_number": ("学籍号",),
        "visited_on": ("家访日期",),
        "teacher": ("教师",),
    },
    indexes=(VISITS_BY_STUDENT,),
    people=lambda visit: (visit.student_number,),
    evidence=lambda visit, _as_of, _bundle: VISITED.given(on=visit.visited_on),
)

APP_KINDS = KINDS.extended(HOME_VISITS)
APP_RULES = REGISTRY.extended()


@rule(
    "VISIT-001",
    severity=Severity.WARNING,
    about="home_visits",
    needs=("students",),
    title=("家访对象无学籍", "home visit to a student with no record"),
    message=("家访记录的学籍号在学籍中不存在", "the visited student number has no record"),
    registry=APP_RULES,
)
def visit_has_a_record(visit: HomeVisit, context: RuleContext[Bundle]) -> Iterator[Observation]:
    """A home visit names a student number the registry holds."""
    if not student_records_numbered(context.bundle, visit.student_number):
        subject = Subject.personal(visit.student_number, shown=mask_number(visit.student_number))
        yield Observation(subject=subject, source=visit.source)


def _folder(tmp_path: Path) -> Path:
    demo = Path(__file__).parents[3] / "examples" / "linxia-demo" / "students.csv"
    (tmp_path / "students.csv").write_bytes(demo.read_bytes())
    number = demo.read_text(encoding="utf-8").splitlines()[1].split(",")[0]
    (tmp_path / "家访记录.csv").write_text(
        "家访编号,学籍号,家访日期,教师\n"
        f"V1,{number},2019-03-01,王老师\n"
        "V2,G622921201001019999,2019-03-02,王老师\n",
        encoding="utf-8",
    )
    return tmp_path


def test_a_folder_with_the_new_kind_is_read_under_its_chinese_file_and_column_names(
    tmp_path: Path,
) -> None:
    report = audit(_folder(tmp_path), as_of=AS_OF, kinds=APP_KINDS, rules=APP_RULES)
    [visits] = [summary for summary in report.inputs if summary.kind == "home_visits"]
    assert (2, 2, 0) == (visits.rows, visits.records, visits.rejected)
    assert "家访记录.csv" not in report.unknown_files


def test_the_application_rule_reports_the_visit_to_an_unknown_student(tmp_path: Path) -> None:
    report = audit(_folder(tmp_path), as_of=AS_OF, kinds=APP_KINDS, rules=APP_RULES)
    [finding] = report.select("VISIT-001")
    assert SourceLocation("家访记录.csv", 3) == finding.source
    assert "G622921201001019999" != str(finding.subject)


def test_the_library_rules_run_beside_the_application_rule(tmp_path: Path) -> None:
    report = audit(_folder(tmp_path), as_of=AS_OF, kinds=APP_KINDS, rules=APP_RULES)
    areas = {finding.rule.area for finding in report.findings}
    assert "VISIT" in areas
    assert areas - {"VISIT"}  # the demo's students break library rules too
    assert len(REGISTRY) + 1 == len(APP_RULES)


def test_a_bundle_of_the_application_records_is_audited_too() -> None:
    visit = HomeVisit("V9", "G622921201001019999", dt.date(2019, 3, 2), "王老师")
    bundle = Bundle.from_records([visit], registry=APP_KINDS)
    report = audit_bundle(bundle, as_of=AS_OF, rules=APP_RULES)
    assert () == report.select("VISIT-001")  # it needs the students kind
    assert "VISIT-001" in {str(skipped.rule) for skipped in report.skipped_rules}
    with_students = Bundle(home_visits=(visit,), kinds={"students"}, registry=APP_KINDS)
    [finding] = audit_bundle(with_students, as_of=AS_OF, rules=APP_RULES).select("VISIT-001")
    assert "home_visits" == finding.kind


def test_the_library_registries_stay_as_shipped() -> None:
    assert "home_visits" not in KINDS
    assert "VISIT-001" not in REGISTRY


def test_a_kind_declared_twice_or_on_another_kinds_file_is_refused() -> None:
    with pytest.raises(DuplicateKind):
        APP_KINDS.extended(HOME_VISITS)
    with pytest.raises(DuplicateKind):
        KINDS.extended(attrs.evolve(HOME_VISITS, name="visits", files=("students",), indexes=()))


def test_a_bundle_of_an_undeclared_kind_is_refused() -> None:
    with pytest.raises(UnknownKind):
        Bundle(home_visits=())
