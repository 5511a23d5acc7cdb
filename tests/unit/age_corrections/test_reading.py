"""Reading the new kinds from files, with Chinese headers and values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dropout_control.age_corrections import (
    AgeCorrection,
    BirthCalendar,
    CorrectionEvidence,
    EvidenceKind,
)
from dropout_control.io import read_folder
from tests.unit.age_corrections.correction_builders import NEW_ID, OLD_ID


def _write(path: Path, header: str, *rows: str) -> None:
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")


def test_corrections_and_evidence_read_from_chinese_headers(tmp_path: Path) -> None:
    _write(
        tmp_path / "age_corrections.csv",
        "纠正编号,原身份证件号,新身份证件号,原出生日期,新出生日期,批准机关,批准日期",
        f"AC0001,{OLD_ID.reveal()},{NEW_ID.reveal()},2010-05-01,20080501,"
        "city_public_security_bureau,2018/10/8",
    )
    _write(
        tmp_path / "evidence.csv",
        "纠正编号,证明材料类型,材料所载出生日期,历法",
        "AC0001,出生医学证明,2008-05-01,公历",
        "AC0001,学籍档案,2009-L05-03,农历",
    )

    read = read_folder(tmp_path)

    (found,) = read.records["age_corrections"]
    assert isinstance(found, AgeCorrection)
    assert (OLD_ID, NEW_ID, dt.date(2018, 10, 8)) == (
        found.old_resident_id,
        found.new_resident_id,
        found.approved_on,
    )
    shown = [item for item in read.records["evidence"] if isinstance(item, CorrectionEvidence)]
    assert [EvidenceKind.BIRTH_CERTIFICATE, EvidenceKind.SCHOOL_RECORD] == [s.kind for s in shown]
    assert BirthCalendar.LUNAR is shown[1].calendar


def test_an_evidence_line_with_a_bad_date_or_kind_is_rejected_with_file_line_and_field(
    tmp_path: Path,
) -> None:
    _write(
        tmp_path / "evidence.csv",
        "correction_id,kind,birth_date_shown,calendar",
        "AC0001,birth_certificate,2008-02-30,",
        "AC0001,passport,2008-05-01,",
    )

    read = read_folder(tmp_path)

    assert [("evidence.csv", 2, "birth_date_shown"), ("evidence.csv", 3, "kind")] == [
        (r.source.file, r.source.line, r.field) for r in read.rejections
    ]
