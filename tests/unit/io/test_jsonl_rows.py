"""JSON Lines files: one object a line; any other line is a bad row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dropout_control.errors import UnreadableInput
from dropout_control.findings import SourceLocation
from dropout_control.io.jsonl_rows import read_jsonl
from dropout_control.io.rows import NOT_JSON_OBJECT, ROW_FIELD, BadRow


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "headcounts.jsonl"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_object_is_a_row_at_its_physical_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path, '{"月份": "2019-03", "是否在校": true}\n\n{"total": 3, "excuse": null}\n'
    )
    assert [
        (SourceLocation("headcounts.jsonl", 1), {"月份": "2019-03", "是否在校": True}),
        (SourceLocation("headcounts.jsonl", 3), {"total": 3, "excuse": None}),
    ] == list(read_jsonl(path).rows())


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("[1, 2]", "array"),
        ('"马小花"', "string"),
        ("12", "number"),
        ("null", "null"),
        ("true", "boolean"),
    ],
)
def test_a_line_that_is_json_but_not_an_object_is_a_bad_row(
    tmp_path: Path, line: str, kind: str
) -> None:
    path = _write(tmp_path, f'{{"total": 1}}\n{line}\n')
    reason = NOT_JSON_OBJECT.given(type=kind)
    assert (SourceLocation("headcounts.jsonl", 2), BadRow(reason, ROW_FIELD)) == list(
        read_jsonl(path).rows()
    )[1]


def test_a_line_that_is_not_json_is_a_bad_row_that_does_not_repeat_the_line(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, '{"name": "马小花", "resident_id": "622921201209010429"\n')
    [(where, row)] = list(read_jsonl(path).rows())
    assert isinstance(row, BadRow)
    assert (2, True, False, False) == (
        # line 1 of the file; the reason starts as promised and holds no personal value
        where.line + 1,
        row.reason.message.en.startswith("not a JSON object: "),
        "马小花" in str(row.reason),
        "622921201209010429" in str(row.reason),
    )


def test_a_line_that_is_not_utf8_is_a_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "headcounts.jsonl"
    path.write_bytes('{"name": "马"}\n'.encode("gb18030") + b'{"total": 1}\n')
    rows = list(read_jsonl(path).rows())
    assert [True, False] == [isinstance(row, BadRow) for _, row in rows]


def test_a_byte_order_mark_before_the_first_object_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "headcounts.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"total": 1}\n')
    assert [{"total": 1}] == [row for _, row in read_jsonl(path).rows()]


def test_json_lines_have_no_header(tmp_path: Path) -> None:
    assert read_jsonl(_write(tmp_path, "")).columns is None


def test_json_lines_rows_are_a_generator(tmp_path: Path) -> None:
    assert isinstance(read_jsonl(_write(tmp_path, '{"total": 1}\n')).rows(), Iterator)


def test_a_missing_json_lines_file_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput):
        read_jsonl(tmp_path / "headcounts.jsonl")
