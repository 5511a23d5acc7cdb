"""Reasons: codes with a Chinese and an English text, rendered from facts."""

from __future__ import annotations

import datetime as dt
import importlib
import re
import string
from types import ModuleType

import pytest

from dropout_control.catalogue import load_reasons
from dropout_control.errors import DuplicateReason, UnknownReason
from dropout_control.reasons import Catalogue, Message, Reason, Stated, reason, vocabulary

CATALOGUE = load_reasons()
HAN = re.compile(r"[\u4e00-\u9fff]")


def _modules() -> list[ModuleType]:
    import sys  # noqa: PLC0415 - the modules load_reasons imported

    return [module for name, module in sys.modules.items() if name.startswith("dropout_control")]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_reason_a_module_holds_is_in_the_catalogue() -> None:
    held = {
        value.code: value
        for module in _modules()
        for value in vars(module).values()
        if isinstance(value, Reason)
    }
    assert [] == [code for code, item in held.items() if CATALOGUE[code] is not item]


@pytest.mark.parametrize("item", list(CATALOGUE), ids=lambda item: item.code)
def test_every_reason_has_a_chinese_and_an_english_text_naming_the_same_facts(
    item: Reason,
) -> None:
    assert (True, True, _fields(item.zh)) == (
        bool(item.zh.strip()),
        bool(item.en.strip()),
        _fields(item.en),
    )


def test_the_chinese_text_of_a_reason_is_chinese_unless_it_only_quotes_a_detail() -> None:
    # A reason whose whole text is a detail from the system (INPUT.SYSTEM_ERROR's English)
    # is the only kind allowed to lack Chinese characters in Chinese.
    assert [] == [item.code for item in CATALOGUE if not HAN.search(item.zh)]


def test_a_code_is_dotted_upper_case_words() -> None:
    with pytest.raises(ValueError, match="dotted upper-case"):
        Reason("id.length", "长度", "length")


def test_a_code_is_registered_once_only() -> None:
    catalogue = Catalogue()
    reason("TEST.ONCE", "一次", "once", catalogue=catalogue)
    with pytest.raises(DuplicateReason):
        reason("TEST.ONCE", "两次", "twice", catalogue=catalogue)


def test_an_unknown_code_is_a_lookup_error() -> None:
    with pytest.raises(LookupError) as caught:
        Catalogue()["TEST.NOTHING"]
    assert isinstance(caught.value, UnknownReason)


def test_a_reason_renders_each_language_from_its_own_template() -> None:
    late = Reason(
        "TEST.LATE", "{party:PARTY}用时 {days} 个工作日", "{party:PARTY} took {days} days"
    )
    assert Message("转入学校用时 12 个工作日", "the receiving school took 12 days") == late.render(
        party="receiving_school", days=12
    )


def test_a_list_of_reasons_is_joined_with_semicolons_in_each_language() -> None:
    one = Reason("TEST.ONE", "一", "one")
    two = Reason("TEST.TWO", "二{n}", "two {n}")
    message = Message("问题：{problems}", "problems: {problems}")
    assert Message("问题：一；二3", "problems: one; two 3") == message.format(
        {"problems": [one.given(), two.given(n=3)]}
    )


def test_a_word_a_vocabulary_does_not_know_is_shown_as_written() -> None:
    message = Message("{grounds:GROUND}", "{grounds:GROUND}")
    assert Message("身体原因、村委会说的", "health, 村委会说的") == message.format(
        {"grounds": ["health", "村委会说的"]}
    )


def test_a_vocabulary_codes_its_words_by_value() -> None:
    catalogue = Catalogue()
    [word] = vocabulary("TEST", [("some_word", "某词", "some word")], catalogue=catalogue)
    assert ("TEST.SOME_WORD", word) == (word.code, catalogue.word("TEST", "some_word"))


def test_a_stated_reason_is_data_its_code_and_its_facts() -> None:
    stated = CATALOGUE["INPUT.NO_SUCH_DATE"].given(got="2012-13-45")
    assert {"code": "INPUT.NO_SUCH_DATE", "got": "2012-13-45"} == stated.to_dict()


def test_a_stated_reason_ends_with_the_value_it_got() -> None:
    stated = CATALOGUE["INPUT.NO_SUCH_DATE"].given(got="2012-13-45")
    assert Message("不存在的日期（读到 '2012-13-45'）", "no such date (got '2012-13-45')") == (
        stated.message
    )


def test_no_module_of_the_library_translates_text_by_pattern() -> None:
    # The regular-expression translators are gone for good.
    for name in ("dropout_control.wording", "dropout_control.identity.reasons"):
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(name)


def test_stated_reasons_compare_by_reason_and_facts() -> None:
    item = CATALOGUE["ID.CHECK_CHARACTER"]
    assert (True, False) == (
        Stated(item, {"expected": "X"}) == item.given(expected="X"),
        item.given(expected="X") == item.given(expected="9"),
    )


def test_a_stated_reason_holding_reasons_and_lists_is_plain_data() -> None:
    nested = CATALOGUE["INPUT.FILE_NOT_READ"].given(
        clash=CATALOGUE["INPUT.NO_SUCH_DATE"], days=[dt.date(2019, 3, 1)]
    )
    assert {
        "code": "INPUT.FILE_NOT_READ",
        "clash": "INPUT.NO_SUCH_DATE",
        "days": ["2019-03-01"],
    } == (nested.to_dict())


def test_a_reason_without_facts_shows_its_own_text_in_a_template() -> None:
    message = Message("原因：{why}", "why: {why!s}")
    assert Message("原因：不存在的日期", "why: no such date") == message.format(
        {"why": CATALOGUE["INPUT.NO_SUCH_DATE"]}
    )


def test_the_catalogue_knows_its_codes_and_vocabularies() -> None:
    assert (True, False, True) == (
        "ID.CHECK_CHARACTER" in CATALOGUE,
        "ID.NOTHING_LIKE_IT" in CATALOGUE,
        {"BODY", "GROUND", "PARTY", "SEX", "STAGE", "STATUS"} <= set(CATALOGUE.vocabularies),
    )
