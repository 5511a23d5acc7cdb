"""Identity numbers and places (身份标识): resident ID, student number, region codes.

Basis: GB 11643-1999 (resident ID numbers, 居民身份证号), GB/T 2260 (region codes,
行政区划代码) and the Ministry of Education's 2016 registration FAQ (national student
numbers, 学籍号: G, L and J).

Every personal number is masked in ``str``, ``repr`` and error messages; ``reveal()``
gives the clear value.

>>> number = ResidentId.parse("11010519491231002X")
>>> number, number.sex
(ResidentId('110105**********2X'), <Sex.FEMALE: 'female'>)
>>> StudentNumber.parse("G11010519491231002X").matches(number)
True
"""

from __future__ import annotations

from dropout_control.identity.malformed import MalformedNumber
from dropout_control.identity.masking import mask_name, mask_number
from dropout_control.identity.regions import (
    LINXIA,
    LINXIA_COUNTIES,
    Region,
    RegionLevel,
    is_known_region,
    prefecture_of,
    province_of,
    region,
)
from dropout_control.identity.resident_id import (
    ResidentId,
    calc_check_character,
)
from dropout_control.identity.resident_id import (
    compact as compact_resident_id,
)
from dropout_control.identity.resident_id import (
    is_valid as is_valid_resident_id,
)
from dropout_control.identity.resident_id import (
    validate as validate_resident_id,
)
from dropout_control.identity.sex import Sex
from dropout_control.identity.student_number import (
    StudentNumber,
    StudentNumberKind,
)
from dropout_control.identity.student_number import (
    compact as compact_student_number,
)
from dropout_control.identity.student_number import (
    is_valid as is_valid_student_number,
)
from dropout_control.identity.student_number import (
    validate as validate_student_number,
)

__all__ = [
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
]
