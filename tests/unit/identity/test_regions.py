"""Region codes (行政区划代码, GB/T 2260): the library's own table and python-stdnum's."""

from __future__ import annotations

import pytest
from stdnum import numdb

from dropout_control.errors import InvalidCode
from dropout_control.identity import (
    LINXIA,
    LINXIA_COUNTIES,
    Region,
    RegionLevel,
    is_known_region,
    prefecture_of,
    province_of,
    region,
)

GANSU_PREFECTURES = {
    "620100": "兰州市",
    "620200": "嘉峪关市",
    "620300": "金昌市",
    "620400": "白银市",
    "620500": "天水市",
    "620600": "武威市",
    "620700": "张掖市",
    "620800": "平凉市",
    "620900": "酒泉市",
    "621000": "庆阳市",
    "621100": "定西市",
    "621200": "陇南市",
    "622900": "临夏回族自治州",
    "623000": "甘南藏族自治州",
}


# Linxia ------------------------------------------------------------------------------


def test_linxia_is_the_prefecture_622900() -> None:
    assert Region("622900", "临夏回族自治州", RegionLevel.PREFECTURE) == region(LINXIA)


def test_linxia_has_eight_counties_in_code_order() -> None:
    expected = ["622901", "622921", "622922", "622923", "622924", "622925", "622926", "622927"]
    assert expected == [county.code for county in LINXIA_COUNTIES]


def test_the_longest_linxia_county_name_is_jishishan() -> None:
    assert "积石山保安族东乡族撒拉族自治县" == LINXIA_COUNTIES[-1].name


@pytest.mark.parametrize("county", LINXIA_COUNTIES, ids=lambda county: county.code)
def test_each_linxia_county_is_in_the_table_as_the_constant_says(county: Region) -> None:
    assert county == region(county.code)


@pytest.mark.parametrize("county", LINXIA_COUNTIES, ids=lambda county: county.code)
def test_each_linxia_county_belongs_to_linxia(county: Region) -> None:
    assert region(LINXIA) == prefecture_of(county.code)


# Gansu and the provinces ---------------------------------------------------------------


@pytest.mark.parametrize(("code", "name"), sorted(GANSU_PREFECTURES.items()))
def test_each_gansu_prefecture_is_known_by_its_current_name(code: str, name: str) -> None:
    assert Region(code, name, RegionLevel.PREFECTURE) == region(code)


def test_a_province_is_known_at_province_level() -> None:
    assert Region("620000", "甘肃省", RegionLevel.PROVINCE) == region("620000")


def test_there_are_34_province_level_codes() -> None:
    codes = [f"{number:02d}0000" for number in range(100)]
    assert 34 == sum(1 for code in codes if is_known_region(code))


def test_hong_kong_is_named_in_simplified_characters() -> None:
    assert "香港特别行政区" == region("810000").name  # type: ignore[union-attr]


def test_our_own_names_agree_with_python_stdnums_latest_names() -> None:
    # Hong Kong and Macao are left out: python-stdnum writes them in traditional characters.
    table = numdb.get("cn/loc")
    codes = [*GANSU_PREFECTURES, *(county.code for county in LINXIA_COUNTIES), "620000"]
    theirs = {code: table.info(code)[-1][1]["county"].split("]")[-1] for code in codes}
    ours = {code: region(code).name for code in codes}  # type: ignore[union-attr]
    assert theirs == ours


# python-stdnum's table -----------------------------------------------------------------


def test_a_county_outside_our_table_is_found_in_python_stdnum() -> None:
    assert Region("110105", "朝阳区", RegionLevel.COUNTY) == region("110105")


def test_an_abolished_code_is_known_by_its_last_name() -> None:
    assert Region("130622", "清苑县", RegionLevel.COUNTY) == region("130622")


def test_a_renamed_code_is_known_by_its_latest_name() -> None:
    # python-stdnum: "[-1991]东郊区,[1992-]东丽区"
    assert "东丽区" == region("120110").name  # type: ignore[union-attr]


def test_a_prefecture_outside_gansu_is_found_in_python_stdnum() -> None:
    assert Region("130600", "保定市", RegionLevel.PREFECTURE) == region("130600")


def test_an_old_gansu_prefecture_code_stays_known() -> None:
    assert "庆阳地区" == region("622800").name  # type: ignore[union-attr]


def test_asking_twice_gives_the_same_region() -> None:
    assert region("653130") is region("653130")


# Unknown and malformed codes --------------------------------------------------------


def test_an_unknown_code_gives_none() -> None:
    assert region("999999") is None


def test_an_unknown_code_is_not_known() -> None:
    assert not is_known_region("999999")


def test_an_unknown_county_in_a_known_province_is_not_known() -> None:
    assert not is_known_region("629999")


def test_a_historical_code_is_known() -> None:
    assert is_known_region("130622")


@pytest.mark.parametrize("code", ["62292", "6229211", "62292a", "", "６２２９２１"])
def test_a_code_that_is_not_six_digits_is_rejected(code: str) -> None:
    with pytest.raises(InvalidCode, match="a region code is 6 digits"):
        region(code)


def test_a_resident_id_number_given_as_a_code_is_masked_in_the_error() -> None:
    with pytest.raises(InvalidCode) as caught:
        is_known_region("622921201209010314")
    assert "622921**********14" == caught.value.shown


# Province and prefecture of a code ----------------------------------------------------


def test_the_province_of_a_county_is_its_province() -> None:
    assert region("620000") == province_of("622926")


def test_the_province_of_a_province_is_itself() -> None:
    assert region("710000") == province_of("710000")


def test_the_province_of_an_unknown_province_code_is_none() -> None:
    assert province_of("990101") is None


def test_the_prefecture_of_a_county_is_its_prefecture() -> None:
    assert region("623000") == prefecture_of("623027")


def test_the_prefecture_of_a_prefecture_is_itself() -> None:
    assert region("621000") == prefecture_of("621000")


def test_a_province_has_no_prefecture() -> None:
    assert prefecture_of("620000") is None


def test_the_prefecture_of_a_municipal_district_is_the_district_grouping() -> None:
    assert Region("110100", "市辖区", RegionLevel.PREFECTURE) == prefecture_of("110105")


def test_province_of_rejects_a_malformed_code() -> None:
    with pytest.raises(InvalidCode):
        province_of("62")


def test_prefecture_of_rejects_a_malformed_code() -> None:
    with pytest.raises(InvalidCode):
        prefecture_of("62292x")


# Region itself -------------------------------------------------------------------------


def test_a_region_whose_level_disagrees_with_its_code_cannot_exist() -> None:
    with pytest.raises(InvalidCode, match="of county level"):
        Region("622921", "临夏县", RegionLevel.PREFECTURE)


def test_a_region_without_a_name_cannot_exist() -> None:
    with pytest.raises(InvalidCode, match="has a name"):
        Region("622921", "", RegionLevel.COUNTY)


def test_a_region_with_a_malformed_code_cannot_exist() -> None:
    with pytest.raises(InvalidCode):
        Region("6229", "临夏", RegionLevel.PREFECTURE)
