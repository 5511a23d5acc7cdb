"""The Python API gives the same truth as the command line (issue 10, point 6).

Numbers are read as the command line reads them; a child the bundle does not know is
"not found", never "out of school"; records refuse values of the wrong type at once and
mask personal values in their repr; a wrong argument type or a misspelt policy layer is
a clear error that says what to pass or where the mistake is.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from dropout_control import audit, audit_bundle
from dropout_control.api import bundle_from_read
from dropout_control.bundle import Bundle
from dropout_control.calendar.year_month import YearMonth
from dropout_control.cli import main
from dropout_control.errors import InvalidDate, InvalidPolicyLayer
from dropout_control.identity import ResidentId, Sex, StudentNumber
from dropout_control.io.folder import read_folder
from dropout_control.policy import Layer, PolicyBook, resolve_policy
from dropout_control.population.model import Child, Deferral, EmploymentReport
from dropout_control.reconciliation.model import HeadcountEntry, HeadcountTotal
from dropout_control.registry.model import RecordStatus, StudentRecord
from dropout_control.suspensions.model import Suspension
from dropout_control.transfers.model import Transfer, TransferStatus
from dropout_control.whereabouts import WhereaboutsStatus, whereabouts

ROOT = Path(__file__).parents[2]
DEMO = ROOT / "examples" / "linxia-demo"
AS_OF = dt.date(2019, 3, 20)
NUMBER = "62292120111021080X"  # a demo pupil in school, whose number ends in X


class _Wrong:
    """``WRONG[value]``: a value handed over as the type checker would never allow."""

    def __getitem__(self, value: object) -> Any:
        return value


WRONG = _Wrong()


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return bundle_from_read(read_folder(DEMO))


# whereabouts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "person",
    [
        NUMBER,
        "G" + NUMBER,
        NUMBER.lower(),
        f" {NUMBER} ",
        "622921 20111021 080X",
        "622921-20111021-080x",
        "g" + NUMBER.lower(),
        ResidentId(NUMBER),
        StudentNumber("G" + NUMBER),
    ],
    ids=repr,
)
def test_whereabouts_reads_a_number_as_the_command_line_does(
    bundle: Bundle, person: str | ResidentId | StudentNumber
) -> None:
    found = whereabouts(bundle, person, as_of=AS_OF, jurisdiction="622900")
    assert (WhereaboutsStatus.IN_SCHOOL, NUMBER) == (
        found.status,
        found.reveal_person().removeprefix("G"),
    )


@pytest.mark.parametrize("person", ["110105194912310021", "G110105194912310021", "nobody"])
def test_a_child_the_bundle_does_not_know_is_not_found_not_out_of_school(
    bundle: Bundle, person: str
) -> None:
    found = whereabouts(bundle, person, as_of=AS_OF, jurisdiction="622900")
    assert (WhereaboutsStatus.NOT_FOUND, ()) == (found.status, found.evidence)


def test_the_command_line_says_nothing_names_an_unknown_child(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = io.StringIO()
    status = main(
        ["whereabouts", str(DEMO), "110105194912310021", "--as-of", "2019-03-20"], stdout=out
    )
    assert (1, True, "") == (status, "nothing in" in out.getvalue(), capsys.readouterr().err)


def test_the_command_line_says_not_found_in_json_too(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    argv = ["whereabouts", str(DEMO), "110105194912310021", "--as-of", "2019-03-20"]
    status = main([*argv, "--format", "json"], stdout=out)
    payload = json.loads(out.getvalue())
    assert (1, "not_found", [], "") == (
        status,
        payload["status"],
        payload["evidence"],
        capsys.readouterr().err,
    )


@pytest.mark.parametrize("person", [None, 622921201110210800, b"62292120111021080X"])
def test_whereabouts_of_something_that_is_not_a_number_says_what_to_pass(
    bundle: Bundle, person: object
) -> None:
    with pytest.raises(TypeError, match="student number or resident ID number"):
        whereabouts(bundle, person, as_of=AS_OF)  # type: ignore[arg-type]


# Wrong argument types ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "error", "says"),
    [
        ("2019-03-20", TypeError, "datetime.date.fromisoformat"),
        (dt.datetime(2019, 3, 20, 8, 0, tzinfo=dt.UTC), TypeError, r"\.date\(\)"),
        (None, TypeError, "must be a datetime.date"),
        (dt.date(9999, 12, 31), InvalidDate, "1900-01-01 to 2099-12-31"),
    ],
)
def test_audit_refuses_an_audit_date_it_cannot_use_saying_what_to_pass(
    as_of: object, error: type[Exception], says: str
) -> None:
    with pytest.raises(error, match=says):
        audit(DEMO, as_of=as_of)  # type: ignore[arg-type]
    with pytest.raises(error, match=says):
        audit_bundle(Bundle(), as_of=as_of)  # type: ignore[arg-type]


def test_an_out_of_span_audit_date_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="as_of"):
        audit_bundle(Bundle(), as_of=dt.date(1, 1, 1))


@pytest.mark.parametrize("on", [dt.datetime(2019, 3, 20, 12, 0, tzinfo=dt.UTC), "2019-03-20"])
def test_resolve_policy_refuses_anything_but_a_date(on: object) -> None:
    with pytest.raises(TypeError, match=r"on must be a datetime\.date"):
        resolve_policy(on=on)  # type: ignore[arg-type]


def test_resolve_policy_on_a_plain_date_still_resolves() -> None:
    assert 15 == resolve_policy(on=dt.date(2019, 3, 20)).value("school_age.upper")


@pytest.mark.parametrize("number", [ResidentId, StudentNumber])
@pytest.mark.parametrize("text", [None, 622921201110210800])
def test_parse_of_something_that_is_not_text_says_to_pass_text(
    number: type[ResidentId | StudentNumber], text: object
) -> None:
    with pytest.raises(TypeError, match=rf"{number.__name__}\.parse\(\) takes the number as text"):
        number.parse(text)  # type: ignore[arg-type]


# Record classes ------------------------------------------------------------------------


def _student(**changes: object) -> StudentRecord:
    fields: dict[str, object] = {
        "student_number": StudentNumber("G" + NUMBER),
        "name": "马小花",
        "sex": Sex.FEMALE,
        "birth_date": dt.date(2011, 10, 21),
        "school_id": "2162101101",
        "grade": 2,
        "entry_date": dt.date(2018, 9, 1),
        "status": RecordStatus.ACTIVE,
        "resident_id": ResidentId(NUMBER),
    }
    return StudentRecord(**{**fields, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"sex": "male"}, r"StudentRecord\.sex: expected a Sex, not str; use a member such as"),
        ({"resident_id": NUMBER}, r"StudentRecord\.resident_id: .*ResidentId\.parse\(\)"),
        ({"student_number": "G" + NUMBER}, r"StudentRecord\.student_number: .*StudentNumber"),
        ({"birth_date": "2011-10-21"}, r"StudentRecord\.birth_date: expected a datetime\.date"),
        ({"birth_date": dt.datetime(2011, 10, 21, tzinfo=dt.UTC)}, r"birth_date: .*not datetime"),
        ({"grade": "2"}, r"StudentRecord\.grade: expected a int, not str"),
        ({"grade": True}, r"StudentRecord\.grade: .*not bool"),
        ({"status": "active"}, r"StudentRecord\.status: .*RecordStatus"),
        ({"migrant": "否"}, r"StudentRecord\.migrant: expected a bool or None, not str"),
    ],
)
def test_a_student_record_refuses_a_value_of_the_wrong_type_without_showing_it(
    changes: dict[str, object], says: str
) -> None:
    with pytest.raises(TypeError, match=says) as caught:
        _student(**changes)
    assert NUMBER not in str(caught.value)


@pytest.mark.parametrize(
    ("build", "says"),
    [
        (
            lambda: Child(NUMBER, "马小花", dt.date(2011, 10, 21), "622921"),  # type: ignore[arg-type]
            r"Child\.resident_id",
        ),
        (
            lambda: Deferral(
                ResidentId(NUMBER), "health", "township_government", WRONG["2019-01-01"], AS_OF
            ),
            r"Deferral\.approved_on",
        ),
        (
            lambda: EmploymentReport(ResidentId(NUMBER), 7, AS_OF),  # type: ignore[arg-type]
            r"EmploymentReport\.employer",
        ),
        (
            lambda: HeadcountEntry("2019-03", "2162101101", True),  # type: ignore[arg-type]
            r"HeadcountEntry\.month: .*YearMonth\.parse\(\)",
        ),
        (
            lambda: HeadcountTotal(YearMonth(2019, 3), "2162101101", 12.5),  # type: ignore[arg-type]
            r"HeadcountTotal\.total",
        ),
        (
            lambda: Transfer("T1", StudentNumber("G" + NUMBER), "2162101101", AS_OF, 3, "pending"),  # type: ignore[arg-type]
            r"Transfer\.status: .*TransferStatus",
        ),
        (
            lambda: Suspension(
                "S1", WRONG["G" + NUMBER], AS_OF, AS_OF, "health", "township_government", AS_OF
            ),
            r"Suspension\.student_number",
        ),
    ],
)
def test_every_record_class_refuses_a_value_of_the_wrong_type(build: object, says: str) -> None:
    with pytest.raises(TypeError, match=says):
        build()  # type: ignore[operator]


def test_the_right_types_still_make_records_and_evolve_keeps_checking() -> None:
    record = _student()
    moved = attrs.evolve(record, grade=3)
    with pytest.raises(TypeError, match="grade"):
        attrs.evolve(record, grade=WRONG["3"])
    assert (3, Transfer) == (
        moved.grade,
        type(
            Transfer(
                "T1",
                StudentNumber("G" + NUMBER),
                "2162101101",
                AS_OF,
                3,
                TransferStatus.PENDING,
            )
        ),
    )


def test_a_record_repr_masks_the_numbers_the_name_and_the_birth_date() -> None:
    shown = repr(_student())
    child = repr(Child(ResidentId(NUMBER), "马小花", dt.date(2011, 10, 21), "622921"))
    assert ([], True, True) == (
        [clear for clear in (NUMBER, "马小花", "2011-10-21", "10, 21") if clear in shown + child],
        "birth_date='2011-**-**'" in shown and "birth_date='2011-**-**'" in child,
        "name=马**" in shown,
    )


# Policy layers -------------------------------------------------------------------------

_GOOD = """\
jurisdiction = "622921"

[parameters."case.plan_within_days"]
values = [{since = "2020-01-01", value = 10, mark = "C", source = "county notice"}]
"""


@pytest.mark.parametrize(
    ("mistake", "line", "code"),
    [
        (("[parameters.", "[paramters."), 3, "POLICY.LAYER_UNKNOWN_KEY"),
        (("values = [", "valeus = ["), 4, "POLICY.LAYER_UNKNOWN_KEY"),
        (('source = "county notice"', 'sorce = "x", source = "y"'), 4, "POLICY.LAYER_UNKNOWN_KEY"),
        (('"622921"', '"629999"'), 1, "POLICY.LAYER_UNKNOWN_CODE"),
        (("plan_within_days", "plan_within_dayz"), 3, "POLICY.LAYER_UNDEFINED"),
    ],
)
def test_a_misspelt_layer_is_refused_naming_its_line(
    tmp_path: Path, mistake: tuple[str, str], line: int, code: str
) -> None:
    path = tmp_path / "county.toml"
    path.write_text(_GOOD.replace(*mistake), encoding="utf-8")
    with pytest.raises(InvalidPolicyLayer) as caught:
        PolicyBook.default().with_file(path)
    assert (code, f"{path}:{line}: ") == (
        caught.value.code,
        str(caught.value)[: len(f"{path}:{line}: ")],
    )


def test_a_well_spelt_layer_changes_the_value(tmp_path: Path) -> None:
    path = tmp_path / "county.toml"
    path.write_text(_GOOD, encoding="utf-8")
    policy = PolicyBook.default().with_file(path).resolve("622921", on=dt.date(2020, 3, 1))
    assert 10 == policy.value("case.plan_within_days")


def test_the_command_line_refuses_a_misspelt_layer_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "county.toml"
    path.write_text(_GOOD.replace("[parameters.", "[paramters."), encoding="utf-8")
    status = main(["params", "--layer", str(path)], stdout=io.StringIO())
    err = capsys.readouterr().err
    assert (2, f"dropout-control: error: {path}:3: paramters: unknown table or key") == (
        status,
        err[: len(f"dropout-control: error: {path}:3: paramters: unknown table or key")],
    )


def test_a_layer_mapping_with_a_misspelt_top_table_is_refused() -> None:
    with pytest.raises(InvalidPolicyLayer, match="unknown table or key paramters"):
        Layer.from_mapping({"jurisdiction": "622921", "paramters": {}})


@pytest.mark.parametrize("birth_date", [dt.date(9999, 12, 31), dt.date(1, 1, 1)])
def test_a_record_refuses_a_date_the_calendar_cannot_serve(birth_date: dt.date) -> None:
    with pytest.raises(InvalidDate, match=r"StudentRecord\.birth_date=.*1900-01-01 to 2099-12-31"):
        _student(birth_date=birth_date)
