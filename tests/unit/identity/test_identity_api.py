"""The public face of ``dropout_control.identity``: names exported and the Sex values."""

from __future__ import annotations

from dropout_control import identity
from dropout_control.identity import Sex, StudentNumberKind


def test_the_package_exports_exactly_its_public_api() -> None:
    expected = {
        "LINXIA",
        "LINXIA_COUNTIES",
        "MalformedNumber",
        "Region",
        "RegionLevel",
        "ResidentId",
        "Sex",
        "StudentNumber",
        "StudentNumberKind",
        "calc_check_character",
        "compact_resident_id",
        "compact_student_number",
        "is_known_region",
        "is_valid_resident_id",
        "is_valid_student_number",
        "mask_name",
        "mask_number",
        "prefecture_of",
        "province_of",
        "region",
        "validate_resident_id",
        "validate_student_number",
    }
    assert expected == set(identity.__all__)


def test_every_exported_name_is_defined() -> None:
    assert [] == [name for name in identity.__all__ if not hasattr(identity, name)]


def test_sex_values_are_male_and_female() -> None:
    assert ["male", "female"] == [sex.value for sex in Sex]


def test_student_number_kinds_are_g_l_and_j() -> None:
    assert ["G", "L", "J"] == [kind.value for kind in StudentNumberKind]
