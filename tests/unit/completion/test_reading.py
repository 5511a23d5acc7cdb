"""Reading certificates and schools from files, with Chinese headers and values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dropout_control.completion import Certificate, CertificateKind, School, SchoolStage, Stage
from dropout_control.io import read_folder
from tests.unit.completion.certificate_builders import GRADUATE_NUMBER


def _write(path: Path, header: str, *rows: str) -> None:
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")


def test_certificates_read_from_chinese_headers_and_values(tmp_path: Path) -> None:
    number = GRADUATE_NUMBER.reveal()
    _write(
        tmp_path / "certificates.csv",
        "证书编号,学籍号,证书类别,发证日期,发证学校标识码,学段",
        f"JY2018001,{number},毕业证书,20180625,2162000001,初中",
        f"WC2018002,{number},义务教育完成证书,2018/8/31,2162000001,",
        f"YY2018003,{number},肄业,2018-06-30,2162000001,小学",
    )

    read = read_folder(tmp_path)

    found = [c for c in read.records["certificates"] if isinstance(c, Certificate)]
    assert [CertificateKind.GRADUATION, CertificateKind.COMPLETION, CertificateKind.LEAVING] == [
        c.kind for c in found
    ]
    assert [Stage.JUNIOR_SECONDARY, None, Stage.PRIMARY] == [c.stage for c in found]
    assert dt.date(2018, 8, 31) == found[1].issued_on
    assert () == read.rejections


def test_a_certificate_with_an_unknown_kind_or_stage_is_rejected_with_file_line_and_field(
    tmp_path: Path,
) -> None:
    number = GRADUATE_NUMBER.reveal()
    _write(
        tmp_path / "certificates.csv",
        "certificate_no,student_number,kind,issued_on,school_id,stage",
        f"JY2018001,{number},diploma,2018-06-25,2162000001,",
        f"JY2018002,{number},graduation,2018-06-25,2162000001,high_school",
        f"JY2018003,{number},graduation,2018-06-31,2162000001,",
    )

    read = read_folder(tmp_path)

    assert [
        ("certificates.csv", 2, "kind"),
        ("certificates.csv", 3, "stage"),
        ("certificates.csv", 4, "issued_on"),
    ] == [(r.source.file, r.source.line, r.field) for r in read.rejections]


def test_schools_read_with_their_township(tmp_path: Path) -> None:
    _write(
        tmp_path / "schools.csv",
        "学校标识码,学校名称,所在县,所在乡镇,办学类型",
        "2162101101,韩集镇第一小学,622921,韩集镇,小学",
        "2162101201,韩集中学,622921,,九年一贯制",
    )

    read = read_folder(tmp_path)

    found = [s for s in read.records["schools"] if isinstance(s, School)]
    assert [("韩集镇", SchoolStage.PRIMARY), (None, SchoolStage.NINE_YEAR)] == [
        (s.township, s.stage) for s in found
    ]
