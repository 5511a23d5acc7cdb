"""Reading a folder: every row a record, a rejection or a duplicate; files and columns listed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dropout_control.errors import UnreadableInput
from dropout_control.findings import InputSummary, SourceLocation
from dropout_control.identity import StudentNumber
from dropout_control.identity.malformed import MalformedNumber
from dropout_control.intake import Duplicate, Rejection
from dropout_control.io import FolderRead, read_folder, records_from_rows
from dropout_control.io.aliases import HEADER_CLASH
from dropout_control.io.converter import MISSING
from dropout_control.io.folder import FILE_NOT_READ, PROGRESS_EVERY
from dropout_control.io.rows import ENCODING
from dropout_control.io.values import NO_SUCH_DATE
from dropout_control.registry import StudentRecord
from tests.unit.io.conftest import WriteCsv
from tests.unit.io.samples import BOY_ID, GIRL_ID, OTHER_BOY_ID, STUDENT_HEADER, student_row


def _students(read: FolderRead) -> list[StudentRecord]:
    return [record for record in read.records["students"] if isinstance(record, StudentRecord)]


def test_a_bad_date_and_a_missing_student_number_are_two_rejections_and_the_rest_records(
    tmp_path: Path, write_csv: WriteCsv
) -> None:
    write_csv(
        "students.csv",
        STUDENT_HEADER,
        [
            student_row("G" + GIRL_ID),
            student_row("G" + BOY_ID, birth_date="2012-13-45"),
            student_row("", name="马小明"),
            student_row("G" + OTHER_BOY_ID),
        ],
    )
    read = read_folder(tmp_path)
    assert (
        [
            Rejection(
                SourceLocation("students.csv", 3),
                "students",
                "birth_date",
                NO_SUCH_DATE.given(got="2012-13-45"),
            ),
            Rejection(
                SourceLocation("students.csv", 4),
                "students",
                "student_number",
                MISSING.given(),
            ),
        ],
        [StudentNumber("G" + GIRL_ID), StudentNumber("G" + OTHER_BOY_ID)],
        [SourceLocation("students.csv", 2), SourceLocation("students.csv", 5)],
    ) == (
        list(read.rejections),
        [record.student_number for record in _students(read)],
        [record.source for record in _students(read)],
    )


def test_a_repeated_student_number_is_a_duplicate_of_the_first_row_not_a_record(
    tmp_path: Path, write_csv: WriteCsv
) -> None:
    write_csv(
        "students.csv",
        STUDENT_HEADER,
        [
            student_row("G" + GIRL_ID),
            student_row("G" + BOY_ID),
            student_row("g" + GIRL_ID, name="马二"),
        ],
    )
    read = read_folder(tmp_path)
    assert (
        (
            Duplicate(
                SourceLocation("students.csv", 4),
                "students",
                "student_number",
                key="G" + GIRL_ID,
                first=SourceLocation("students.csv", 2),
                personal=True,
            ),
        ),
        ["马小花", "马小花"],
    ) == (read.duplicates, [record.name for record in _students(read)])


def test_a_duplicate_student_number_is_shown_masked() -> None:
    rows = [dict(zip(STUDENT_HEADER, student_row(), strict=True))] * 2
    [duplicate] = records_from_rows({"students": rows}).duplicates
    assert ("G622921**********29", "G" + GIRL_ID) == (duplicate.shown_key, duplicate.reveal_key())


def test_a_compound_key_is_written_with_a_bar_and_is_not_personal(tmp_path: Path) -> None:
    (tmp_path / "headcount_totals.csv").write_text(
        "月份,学校标识码,在校人数\n2019-03,2162001234,118\n201903,2162001234,120\n2019-04,2162001234,119\n",
        encoding="utf-8",
    )
    [duplicate] = read_folder(tmp_path).duplicates
    assert ("month|school_id", "2019-03|2162001234", False) == (
        duplicate.key_field,
        duplicate.shown_key,
        duplicate.personal,
    )


def test_malformed_numbers_are_records_with_malformed_numbers_not_rejections(
    tmp_path: Path, write_csv: WriteCsv
) -> None:
    write_csv(
        "students.csv",
        STUDENT_HEADER,
        [student_row("G12345", resident_id="622921201209010420")],
    )
    read = read_folder(tmp_path)
    [record] = _students(read)
    assert ((), True, True) == (
        read.rejections,
        isinstance(record.student_number, MalformedNumber),
        isinstance(record.resident_id, MalformedNumber),
    )


def test_rows_read_are_records_plus_rows_rejected_for_every_file(
    tmp_path: Path, write_csv: WriteCsv
) -> None:
    write_csv(
        "students.csv",
        STUDENT_HEADER,
        [
            student_row(),
            student_row(),
            student_row("G" + BOY_ID, grade="十年级"),
            student_row("G" + OTHER_BOY_ID),
        ],
    )
    (tmp_path / "population.jsonl").write_text(
        json.dumps(
            {"身份证号": BOY_ID, "姓名": "马小明", "出生日期": "2012-09-01", "户口所在地": "622921"}
        )
        + "\n[]\n",
        encoding="utf-8",
    )
    read = read_folder(tmp_path)
    assert (
        (
            InputSummary("population.jsonl", "population", rows=2, records=1, rejected=1),
            InputSummary("students.csv", "students", rows=4, records=2, rejected=2),
        ),
        True,
    ) == (
        read.inputs,
        all(summary.rows == summary.records + summary.rejected for summary in read.inputs),
    )


def test_files_that_are_not_inputs_are_listed_and_hidden_or_private_ones_passed_over(
    tmp_path: Path,
) -> None:
    for name in (
        "notes.txt",
        "students.tsv",
        "visits.csv",
        ".DS_Store",
        "_scratch.csv",
        "README.md",
        "expected.toml",
    ):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "old").mkdir()
    assert ("expected.toml", "notes.txt", "old/", "students.tsv", "visits.csv") == read_folder(
        tmp_path
    ).unknown_files


def test_columns_that_name_no_field_are_listed_per_file(tmp_path: Path) -> None:
    (tmp_path / "employment.csv").write_text("身份证号,用人单位,报告日期,备注\n", encoding="utf-8")
    (tmp_path / "headcount_totals.jsonl").write_text(
        '{"month": "2019-03", "school_id": "1", "total": 3, "学校名称": "一小"}\n', encoding="utf-8"
    )
    assert {"employment.csv": ("备注",), "headcount_totals.jsonl": ("学校名称",)} == dict(
        read_folder(tmp_path).unknown_columns
    )


def test_a_header_naming_a_field_twice_rejects_the_file_once_and_counts_its_rows(
    tmp_path: Path,
) -> None:
    (tmp_path / "employment.csv").write_text(
        f"身份证号,公民身份号码,用人单位,报告日期\n{BOY_ID},{BOY_ID},砖厂,2019-03-01\n{GIRL_ID},,砖厂,2019-03-01\n",
        encoding="utf-8",
    )
    read = read_folder(tmp_path)
    assert (
        (
            Rejection(
                SourceLocation("employment.csv", 1),
                "employment",
                "resident_id",
                FILE_NOT_READ.given(
                    clash=HEADER_CLASH.given(
                        first="身份证号", second="公民身份号码", field="resident_id"
                    )
                ),
            ),
        ),
        (InputSummary("employment.csv", "employment", rows=2, records=0, rejected=2),),
        (),
    ) == (read.rejections, read.inputs, read.records["employment"])


def test_a_json_object_naming_a_field_twice_is_a_rejected_row(tmp_path: Path) -> None:
    (tmp_path / "employment.jsonl").write_text(
        json.dumps(
            {"身份证号": BOY_ID, "resident_id": BOY_ID, "用人单位": "砖厂", "报告日期": "20190301"}
        )
        + "\n",
        encoding="utf-8",
    )
    [rejection] = read_folder(tmp_path).rejections
    assert (
        "resident_id",
        "the columns '身份证号' and 'resident_id' both give the field resident_id",
    ) == (
        rejection.field,
        rejection.reason.message.en,
    )


def test_json_lines_in_the_registry_s_words_become_records(tmp_path: Path) -> None:
    rows = [
        {
            "月份": "2019-03",
            "学校标识码": "2162001234",
            "学籍号": "G" + GIRL_ID,
            "是否在校": "否",
            "缺勤原因": "请假",
        },
        {"month": 201903, "school_id": 2162001234, "resident_id": BOY_ID, "present": True},
    ]
    (tmp_path / "headcounts.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8"
    )
    read = read_folder(tmp_path)
    assert [(False, "G" + GIRL_ID, None), (True, None, BOY_ID)] == [
        (
            getattr(record, "present", None),
            getattr(record, "student_number", None),
            getattr(record, "resident_id", None),
        )
        for record in read.records["headcounts"]
    ]


def test_a_kind_in_two_files_is_read_from_both_in_name_order_with_duplicates_across_them(
    tmp_path: Path, write_csv: WriteCsv
) -> None:
    write_csv("students.csv", STUDENT_HEADER, [student_row("G" + GIRL_ID)])
    (tmp_path / "students.jsonl").write_text(
        json.dumps(dict(zip(STUDENT_HEADER, student_row("G" + BOY_ID), strict=True)))
        + "\n"
        + json.dumps(dict(zip(STUDENT_HEADER, student_row("G" + GIRL_ID), strict=True)))
        + "\n",
        encoding="utf-8",
    )
    read = read_folder(tmp_path)
    assert (
        [SourceLocation("students.csv", 2), SourceLocation("students.jsonl", 1)],
        [(SourceLocation("students.jsonl", 2), SourceLocation("students.csv", 2))],
    ) == (
        [record.source for record in _students(read)],
        [(duplicate.source, duplicate.first) for duplicate in read.duplicates],
    )


def test_fields_seen_are_those_with_a_value_in_a_record_of_the_kind(tmp_path: Path) -> None:
    (tmp_path / "population.csv").write_text(
        "身份证号,姓名,出生日期,户口所在地,死亡日期,移居境外日期,残疾人类型\n"
        f"{BOY_ID},马小明,2012-09-01,622921,, ,\n"
        f"{GIRL_ID},马小花,2012-09-01,622921,,,无\n"
        f"{OTHER_BOY_ID},马三,2012-13-45,622921,2019-01-01,,\n",
        encoding="utf-8",
    )
    assert (
        frozenset({"resident_id", "name", "birth_date", "household_region", "disability"})
        == (read_folder(tmp_path).fields_seen["population"])
    )


def test_only_the_kinds_of_the_files_read_are_present(tmp_path: Path) -> None:
    (tmp_path / "employment.csv").write_text("身份证号,用人单位,报告日期\n", encoding="utf-8")
    read = read_folder(tmp_path)
    assert ({"employment": ()}, frozenset({"employment"}), {"employment": frozenset()}) == (
        dict(read.records),
        read.kinds,
        dict(read.fields_seen),
    )


def test_a_file_that_cannot_be_decoded_is_listed_as_unreadable_and_the_others_are_read(
    tmp_path: Path,
) -> None:
    (tmp_path / "employment.csv").write_bytes("身份证号\n".encode("utf-16"))
    (tmp_path / "headcount_totals.csv").write_text(
        "month,school_id,total\n2019-03,1,3\n", encoding="utf-8"
    )
    read = read_folder(tmp_path)
    assert (
        {"employment.csv": ENCODING.given()},
        1,
        ["headcount_totals.csv"],
    ) == (
        dict(read.unreadable),
        len(read.records["headcount_totals"]),
        [summary.file for summary in read.inputs],
    )


def test_a_folder_that_does_not_exist_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput) as caught:
        read_folder(tmp_path / "missing")
    assert "no such folder" == caught.value.reason


def test_a_file_given_as_the_folder_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_text("学籍号\n", encoding="utf-8")
    with pytest.raises(UnreadableInput) as caught:
        read_folder(path)
    assert "not a folder" == caught.value.reason


def test_progress_is_told_every_ten_thousand_rows_and_at_the_end_of_each_file(
    tmp_path: Path,
) -> None:
    rows = PROGRESS_EVERY * 2 + 5
    (tmp_path / "headcount_totals.csv").write_text(
        "month,school_id,total\n" + "".join(f"2019-03,{school},1\n" for school in range(rows)),
        encoding="utf-8",
    )
    (tmp_path / "employment.csv").write_text("身份证号,用人单位,报告日期\n", encoding="utf-8")
    calls: list[tuple[str, int]] = []
    read_folder(tmp_path, progress=lambda file, count: calls.append((file, count)))
    assert [
        ("employment.csv", 0),
        ("headcount_totals.csv", PROGRESS_EVERY),
        ("headcount_totals.csv", PROGRESS_EVERY * 2),
        ("headcount_totals.csv", rows),
    ] == calls


def test_rows_in_memory_are_read_like_a_file_named_after_their_kind() -> None:
    read = records_from_rows(
        {
            "employment": [
                {"身份证号": BOY_ID, "用人单位": "砖厂", "报告日期": "2019-03-01"},
                {"resident_id": GIRL_ID, "employer": "", "reported_on": "2019-03-01"},
            ],
            "visits": [],
        }
    )
    assert (
        [dt.date(2019, 3, 1)],
        [
            Rejection(
                SourceLocation("<employment>", 2),
                "employment",
                "employer",
                MISSING.given(),
            )
        ],
        ("<employment>",),
        ("visits",),
    ) == (
        [getattr(record, "reported_on", None) for record in read.records["employment"]],
        list(read.rejections),
        tuple(summary.file for summary in read.inputs),
        read.unknown_files,
    )


def test_rows_in_memory_are_not_changed_by_reading_them() -> None:
    row: dict[str, object] = {
        "resident_id": BOY_ID,
        "employer": "砖厂",
        "reported_on": "2019-03-01",
    }
    records_from_rows({"employment": [row]})
    assert {"resident_id": BOY_ID, "employer": "砖厂", "reported_on": "2019-03-01"} == row


def test_no_rejection_reason_of_a_folder_shows_a_name_or_a_number_in_clear(
    tmp_path: Path, write_csv: WriteCsv
) -> None:
    # A column shifted by one: names and numbers land in dates and codes.
    write_csv(
        "students.csv",
        STUDENT_HEADER,
        [
            student_row(birth_date="马小花"),
            student_row(status=GIRL_ID),
            student_row(sex="马小花", grade=""),
        ],
    )
    reasons = [str(rejection.reason.message) for rejection in read_folder(tmp_path).rejections]
    assert (3, []) == (
        len(reasons),
        [reason for reason in reasons if "小花" in reason or "201209010429" in reason],
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_registry_export_with_chinese_headers_reads_the_same_in_every_encoding(
    tmp_path: Path, write_csv: WriteCsv, encoding: str
) -> None:
    write_csv("students.csv", STUDENT_HEADER, [student_row()], encoding=encoding)
    read = read_folder(tmp_path)
    assert ((), ["马小花"], {}) == (
        read.rejections,
        [record.name for record in _students(read)],
        dict(read.unknown_columns),
    )


def test_a_folder_may_be_given_as_text(tmp_path: Path) -> None:
    (tmp_path / "employment.csv").write_text("身份证号,用人单位,报告日期\n", encoding="utf-8")
    assert ("employment.csv",) == tuple(
        summary.file for summary in read_folder(str(tmp_path)).inputs
    )
