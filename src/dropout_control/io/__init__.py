"""Reading input files into records: the edge between a folder of exports and the domain.

One reader per format (CSV in UTF-8 or GB18030, JSON Lines, Excel with the ``excel``
extra) gives rows; the registry's Chinese column names and values are read through
aliases; one configured cattrs converter turns each row into a record or a rejection
naming file, line and field. Every row read is accounted for.

>>> read = records_from_rows({"employment": [
...     {"身份证号": "11010519491231002X", "用人单位": "某某砖厂", "报告日期": "2019年3月1日"},
...     {"身份证号": "11010519491231002X", "用人单位": "", "报告日期": "2019-03-01"}]})
>>> read.records["employment"][0].reported_on
datetime.date(2019, 3, 1)
>>> rejection = read.rejections[0]
>>> rejection.field, rejection.code, rejection.reason.message.en
('employer', 'INPUT.MISSING', 'missing required field')
"""

from __future__ import annotations

from dropout_control.errors import UnreadableInput
from dropout_control.io.aliases import canonical_field
from dropout_control.io.converter import CONVERTER, make_converter, structure_record
from dropout_control.io.folder import FolderRead, Progress, kind_of, read_folder, records_from_rows
from dropout_control.io.rows import BadRow, Row, Table, read_table

__all__ = [
    "CONVERTER",
    "BadRow",
    "FolderRead",
    "Progress",
    "Row",
    "Table",
    "UnreadableInput",
    "canonical_field",
    "kind_of",
    "make_converter",
    "read_folder",
    "read_table",
    "records_from_rows",
    "structure_record",
]
