"""An evidence row whose correction ID is in no correction is INPUT-001 with file, line
and field, and counts as rejected; a correction that no evidence names is still audited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dropout_control import audit
from tests.unit.age_corrections.correction_builders import NEW_ID, OLD_ID

AS_OF = dt.date(2019, 3, 20)


def _write(path: Path, *lines: str) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_evidence_of_an_unknown_correction_is_input_001_and_counted_rejected(
    tmp_path: Path,
) -> None:
    _write(
        tmp_path / "age_corrections.csv",
        "correction_id,old_resident_id,new_resident_id,old_birth_date,new_birth_date,"
        "approved_by,approved_on",
        f"AC0001,{OLD_ID.reveal()},{NEW_ID.reveal()},2010-05-01,2008-05-01,"
        "city_public_security_bureau,2018-10-08",
    )
    _write(
        tmp_path / "evidence.csv",
        "correction_id,kind,birth_date_shown,calendar",
        "AC0001,birth_certificate,2008-05-01,",
        "AC9999,birth_certificate,2008-05-01,",
    )

    report = audit(tmp_path, as_of=AS_OF)

    (finding,) = report.select("INPUT-001")
    assert ("evidence.csv", 3, "correction_id") == (
        finding.source.file if finding.source else None,
        finding.source.line if finding.source else None,
        finding.facts["field"],
    )
    assert "INPUT.NO_SUCH_RECORD" in finding.reasons
    (evidence,) = [item for item in report.inputs if item.file == "evidence.csv"]
    assert (2, 1, 1) == (evidence.rows, evidence.records, evidence.rejected)
    assert [] == [str(f.rule) for f in report.findings if str(f.rule).startswith("AC-")]


def test_evidence_alone_is_not_checked_against_a_kind_not_given(tmp_path: Path) -> None:
    _write(
        tmp_path / "evidence.csv",
        "correction_id,kind,birth_date_shown,calendar",
        "AC9999,birth_certificate,2008-05-01,",
    )

    assert () == audit(tmp_path, as_of=AS_OF).select("INPUT-001")
