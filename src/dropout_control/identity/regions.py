"""Administrative division codes (行政区划代码) of GB/T 2260.

Basis: GB/T 2260 (中华人民共和国行政区划代码). A code has six digits: two for the
province-level unit, two for the prefecture-level unit, two for the county-level unit;
a province's code ends in ``0000`` and a prefecture's in ``00``.

The library holds a small table of its own (every province-level unit, Gansu's
prefectures, the Linxia prefecture and its counties, in the package's
``data/regions.toml``) and looks every other code up in python-stdnum's dated table of
GB/T 2260, which also keeps abolished codes: they stay valid in the ID numbers issued
under them. A code found in neither is unknown. Unknown codes are not errors here: rule
ID-007 reports them as information, and :class:`~dropout_control.identity.ResidentId`
requires only six digits. A string that is not six digits, though, is not a code at all
and raises :class:`~dropout_control.errors.InvalidCode`.

Look-ups are cached: after the first call for a code, asking again costs a dictionary
look-up.

>>> region("622921")
Region(code='622921', name='临夏县', level=<RegionLevel.COUNTY: 'county'>)
>>> province_of("622921").name
'甘肃省'
>>> prefecture_of("622921").name
'临夏回族自治州'
>>> print(region("999999"))
None
"""

from __future__ import annotations

import enum
import functools
import tomllib
from importlib import resources
from typing import Final

import attrs

from dropout_control.errors import InvalidCode
from dropout_control.identity.masking import mask_number
from dropout_control.reasons import reason

CODE_FORM = reason("REGION.CODE_FORM", "行政区划代码为 6 位数字", "a region code is 6 digits")
NAME_MISSING = reason("REGION.NAME_MISSING", "行政区划须有名称", "a region has a name")
LEVEL = reason(
    "REGION.LEVEL", "代码 {code} 的级别是 {level}", "the code {code} is of {level} level"
)

__all__ = [
    "LINXIA",
    "LINXIA_COUNTIES",
    "Region",
    "RegionLevel",
    "is_known_region",
    "prefecture_of",
    "province_of",
    "region",
]

_CODE_LENGTH: Final = 6
_OPEN_END: Final = 10_000  # sorts a name still in use after every dated one


class RegionLevel(enum.Enum):
    """The level of an administrative division (行政区划级别).

    Basis: GB/T 2260, which tells the level by the code's trailing zeros.
    """

    PROVINCE = "province"
    """A province-level unit (省级): province, autonomous region, municipality or special
    administrative region; the code ends in ``0000``."""

    PREFECTURE = "prefecture"
    """A prefecture-level unit (地级): city, autonomous prefecture, league or the
    grouping of a municipality's districts; the code ends in ``00``."""

    COUNTY = "county"
    """A county-level unit (县级): county, autonomous county, county-level city or
    district; any other code."""


def _level_of(code: str) -> RegionLevel:
    if code.endswith("0000"):
        return RegionLevel.PROVINCE
    if code.endswith("00"):
        return RegionLevel.PREFECTURE
    return RegionLevel.COUNTY


def _is_code(code: str) -> bool:
    return len(code) == _CODE_LENGTH and code.isascii() and code.isdigit()


def _shown(code: str) -> str:
    # A code is not personal data, but a long string given by mistake may be an ID number.
    return code if len(code) <= _CODE_LENGTH else mask_number(code)


def _require_code(code: str) -> None:
    if not _is_code(code):
        raise InvalidCode("region_code", CODE_FORM, shown=_shown(code))


@attrs.frozen
class Region:
    """An administrative division (行政区划) of GB/T 2260: its code, name and level.

    Basis: GB/T 2260. ``name`` is the current name, or the last one for an abolished
    code. The level must agree with the code (``0000`` a province, ``00`` a prefecture),
    else :class:`~dropout_control.errors.InvalidCode` is raised.

    >>> Region("622900", "临夏回族自治州", RegionLevel.PREFECTURE).level
    <RegionLevel.PREFECTURE: 'prefecture'>
    """

    code: str
    name: str
    level: RegionLevel

    def __attrs_post_init__(self) -> None:
        _require_code(self.code)
        if not self.name:
            raise InvalidCode("name", NAME_MISSING, shown=self.name)
        if not isinstance(self.level, RegionLevel) or self.level is not _level_of(self.code):
            raise InvalidCode(
                "level",
                LEVEL,
                facts={"code": self.code, "level": _level_of(self.code)},
                shown=str(self.level),
            )


LINXIA: Final = "622900"
"""The Linxia Hui Autonomous Prefecture (临夏回族自治州), Gansu: the prefecture of the
notice 临州办发〔2019〕18号."""

LINXIA_COUNTIES: Final[tuple[Region, ...]] = (
    Region("622901", "临夏市", RegionLevel.COUNTY),
    Region("622921", "临夏县", RegionLevel.COUNTY),
    Region("622922", "康乐县", RegionLevel.COUNTY),
    Region("622923", "永靖县", RegionLevel.COUNTY),
    Region("622924", "广河县", RegionLevel.COUNTY),
    Region("622925", "和政县", RegionLevel.COUNTY),
    Region("622926", "东乡族自治县", RegionLevel.COUNTY),
    Region("622927", "积石山保安族东乡族撒拉族自治县", RegionLevel.COUNTY),
)
"""The eight county-level units of Linxia (临夏州所辖县市), in code order.

Basis: GB/T 2260.
"""


@functools.cache
def _own_table() -> dict[str, Region]:
    """The package's own table, read once on first use."""
    path = resources.files("dropout_control.identity") / "data" / "regions.toml"
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        code: Region(code, name, level)
        for level in RegionLevel
        for code, name in table[level.value].items()
    }


def _latest_name(names: str) -> str:
    """The latest of python-stdnum's dated names, e.g. ``[-1991]东郊区,[1992-]东丽区``."""
    dated: list[tuple[int, int, str]] = []
    for order, entry in enumerate(names.split(",")):
        if entry.startswith("["):
            period, _, name = entry[1:].partition("]")
            end = period.partition("-")[2]
            dated.append((int(end) if end else _OPEN_END, order, name))
        else:
            dated.append((_OPEN_END, order, entry))
    return max(dated)[2]


def _from_stdnum(code: str) -> Region | None:
    """The code in python-stdnum's GB/T 2260 table, or None."""
    from stdnum import numdb  # noqa: PLC0415 - the large table is read on first use only

    found: list[tuple[str, dict[str, str]]] = numdb.get("cn/loc").info(code)
    names = found[-1][1].get("county") if len(found) > 1 else None
    if not names:
        return None
    return Region(code, _latest_name(names), _level_of(code))


_cache: dict[str, Region | None] = {}


def region(code: str) -> Region | None:
    """The administrative division (行政区划) of a GB/T 2260 code, or None if unknown.

    Basis: GB/T 2260, current and historical codes. Raises
    :class:`~dropout_control.errors.InvalidCode` if ``code`` is not six digits.

    >>> region("620000").name
    '甘肃省'
    >>> region("130622").name  # abolished in 2015, still in ID numbers issued before
    '清苑县'
    """
    try:
        return _cache[code]
    except KeyError:
        pass
    _require_code(code)
    found = _own_table().get(code)
    if found is None:
        found = _from_stdnum(code)
    _cache[code] = found
    return found


def is_known_region(code: str) -> bool:
    """Whether ``code`` is a known GB/T 2260 code (行政区划代码), current or historical.

    >>> is_known_region("622927"), is_known_region("629999")
    (True, False)
    """
    return region(code) is not None


def province_of(code: str) -> Region | None:
    """The province-level unit (省级行政区) that ``code`` belongs to, or None if unknown.

    A province's own code gives the province itself.

    >>> province_of("810000").name
    '香港特别行政区'
    """
    _require_code(code)
    return region(code[:2] + "0000")


def prefecture_of(code: str) -> Region | None:
    """The prefecture-level unit (地级行政区) that ``code`` belongs to, or None.

    None for a province's code and for an unknown prefecture. A prefecture's own code
    gives the prefecture itself. For the districts of a municipality GB/T 2260 has a
    grouping at this level (``110100`` 市辖区), and that is what is returned.

    >>> prefecture_of("620102").name
    '兰州市'
    >>> print(prefecture_of("620000"))
    None
    """
    _require_code(code)
    if _level_of(code) is RegionLevel.PROVINCE:
        return None
    return region(code[:4] + "00")
