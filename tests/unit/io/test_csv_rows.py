"""CSV files: UTF-8 with or without a byte-order mark, GB18030, lines and bad rows."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from dropout_control.errors import UnreadableInput
from dropout_control.findings import SourceLocation
from dropout_control.io.csv_rows import detect_encoding, read_csv
from dropout_control.io.rows import NOT_CSV_ROW, ROW_FIELD, TOO_MANY_CELLS, BadRow
from tests.unit.io.conftest import WriteCsv

CHINESE_HEADER = ("姓名", "户口所在地")
CHINESE_ROW = ("马小花", "622921")


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8-sig"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030")],
)
def test_the_encoding_of_a_file_with_chinese_headers_is_detected(
    write_csv: WriteCsv, encoding: str, detected: str
) -> None:
    path = write_csv("population.csv", CHINESE_HEADER, [CHINESE_ROW], encoding=encoding)
    assert detected == detect_encoding(path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_chinese_headers_and_cells_read_the_same_in_every_encoding(
    write_csv: WriteCsv, encoding: str
) -> None:
    path = write_csv("population.csv", CHINESE_HEADER, [CHINESE_ROW], encoding=encoding)
    table = read_csv(path)
    assert (CHINESE_HEADER, [dict(zip(CHINESE_HEADER, CHINESE_ROW, strict=True))]) == (
        table.columns,
        [row for _, row in table.rows()],
    )


def test_a_file_that_is_neither_utf8_nor_gb18030_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_bytes("姓名\n马".encode("utf-16"))  # UTF-16 has bytes no GB18030 text has
    with pytest.raises(UnreadableInput) as caught:
        read_csv(path)
    assert (str(path), "the text is neither UTF-8 nor GB18030") == (
        caught.value.path,
        caught.value.reason,
    )


def test_the_unreadable_file_error_is_an_os_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_bytes(b"\xff\xfe\xff")
    with pytest.raises(OSError, match=r"students\.csv: cannot be read"):
        read_csv(path)


def test_a_missing_file_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput):
        read_csv(tmp_path / "students.csv")


def test_lines_are_physical_lines_counting_the_header_as_line_1(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_text('name,class_name\n马小花,"一班\n东楼"\n\n王五,二班\n', encoding="utf-8")
    assert [
        (SourceLocation("students.csv", 2), {"name": "马小花", "class_name": "一班\n东楼"}),
        (SourceLocation("students.csv", 5), {"name": "王五", "class_name": "二班"}),
    ] == list(read_csv(path, multiline_fields={"class_name"}).rows())


def test_blank_lines_and_rows_of_empty_cells_are_not_rows(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_text("\nname,grade\n,,\n  \n王五,3\n,,\n", encoding="utf-8")
    table = read_csv(path)
    assert (2, [(5, {"name": "王五", "grade": "3"})]) == (
        table.header_line,
        [(where.line, row) for where, row in table.rows()],
    )


def test_a_row_with_more_cells_than_the_header_is_a_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_text("name,grade\n王五,3,多余\n", encoding="utf-8")
    assert [
        (
            SourceLocation("students.csv", 2),
            BadRow(TOO_MANY_CELLS.given(cells=3, columns=2), ROW_FIELD),
        )
    ] == list(read_csv(path).rows())


def test_empty_cells_past_the_header_are_not_a_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_text("name,grade\n王五,3,,\n", encoding="utf-8")
    assert [{"name": "王五", "grade": "3"}] == [row for _, row in read_csv(path).rows()]


def test_a_row_with_fewer_cells_lacks_the_last_fields(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_text("name,grade,class_name\n王五\n", encoding="utf-8")
    assert [{"name": "王五"}] == [row for _, row in read_csv(path).rows()]


def test_rows_can_be_keyed_by_other_names_one_per_column(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_text("姓名,年级\n王五,3\n", encoding="utf-8")
    assert [{"name": "王五", "grade": "3"}] == [
        row for _, row in read_csv(path).rows(["name", "grade"])
    ]


def test_keys_must_name_every_column(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_text("姓名,年级\n王五,3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="each column"):
        read_csv(path).rows(["name"])


def test_rows_are_read_lazily_as_a_generator(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_text("name\n王五\n", encoding="utf-8")
    rows = read_csv(path).rows()
    assert isinstance(rows, Iterator)
    assert (SourceLocation("students.csv", 2), {"name": "王五"}) == next(rows)


def test_an_empty_file_has_no_header_and_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_bytes(b"")
    table = read_csv(path)
    assert ((), []) == (table.columns, list(table.rows()))


@pytest.fixture
def small_field_limit() -> Iterator[None]:
    old = csv.field_size_limit(16)
    yield
    csv.field_size_limit(old)


@pytest.mark.usefixtures("small_field_limit")
def test_a_row_the_csv_parser_refuses_is_a_bad_row_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "students.csv"
    path.write_text("name,grade\n" + "马" * 20 + ",1\n王五,2\n", encoding="utf-8")
    assert [
        (2, BadRow(NOT_CSV_ROW.given(detail="field larger than field limit (16)"))),
        (3, {"name": "王五", "grade": "2"}),
    ] == [(where.line, row) for where, row in read_csv(path).rows()]
