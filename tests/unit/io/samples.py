"""Sample rows and files for the reader tests, as the registry's exports write them."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

# Valid resident ID numbers (GB 11643) of children born in Linxia county 622921.
GIRL_ID = "622921201209010429"
BOY_ID = "622921201209010314"
OTHER_BOY_ID = "622921201209010533"

STUDENT_HEADER = (
    "学籍号",
    "身份证件号",
    "姓名",
    "性别",
    "出生日期",
    "学校标识码",
    "年级",
    "入学年月",
    "学籍状态",
)


def student_row(number: str = "G" + GIRL_ID, **changes: str) -> list[str]:
    """A student row under :data:`STUDENT_HEADER`; ``changes`` by canonical field."""
    row = {
        "student_number": number,
        "resident_id": number[1:] if number.startswith("G") else "",
        "name": "马小花",
        "sex": "女",
        "birth_date": "2012-09-01",
        "school_id": "2162001234",
        "grade": "一年级",
        "entry_date": "201909",
        "status": "在读",
    }
    row.update(changes)
    return list(row.values())


def csv_text(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()
