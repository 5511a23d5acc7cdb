"""Sphinx directives that print the policy parameters and the rule catalogue from the
library's own data, so the docs can never drift from what the code decides.

- ``parameter-table``: every parameter of the package's layers with every dated value,
  its jurisdiction, source and mark; option ``:jurisdiction:`` shows, for each key,
  whether that layer sets it or the value shows through from a wider one.
- ``rule-catalogue``: the registered rules, optionally of one ``:area:``.
- ``record-kinds``: every declared record kind with its files, key, indexes and the
  other names of its columns (the input formats, from the declarations themselves).
- ``reason-catalogue``: every reason code with its Chinese and English text, one table
  per area (the code's first part).
"""

from __future__ import annotations

from typing import Any

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from dropout_control import KINDS
from dropout_control.catalogue import load_reasons, load_rules
from dropout_control.io.rows import FORMATS
from dropout_control.policy import NATIONAL, PolicyBook
from dropout_control.policy.values import show_value


def _table(headers: list[str], rows: list[list[str]], widths: list[int]) -> nodes.table:
    table = nodes.table()
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += _row(headers)
    body = nodes.tbody()
    group += body
    for cells in rows:
        body += _row(cells)
    return table


def _row(cells: list[str]) -> nodes.row:
    row = nodes.row()
    for text in cells:
        entry = nodes.entry()
        entry += nodes.paragraph(text=text)
        row += entry
    return row


def _shown(value: object) -> str:
    plain = show_value(value)
    if isinstance(plain, dict):
        return "; ".join(f"{key}: {', '.join(items)}" for key, items in plain.items())
    return ", ".join(plain) if isinstance(plain, list) else str(plain)


class ParameterTable(SphinxDirective):
    """Print the parameters from the package's policy layers."""

    option_spec = {"jurisdiction": directives.unchanged}  # noqa: RUF012 - docutils API

    def run(self) -> list[nodes.Node]:
        book = PolicyBook.default()
        jurisdiction = self.options.get("jurisdiction", NATIONAL)
        chain = book.chain(jurisdiction)
        rows = []
        for key in sorted(book.definitions):
            definition = book.definitions[key]
            history = book.history(key, jurisdiction)
            own = [item for item in history if item.jurisdiction == jurisdiction]
            shown = own if jurisdiction != NATIONAL else history
            if not shown:
                wider = history[-1].jurisdiction if history else "-"
                rows.append([key, f"not set here: the {wider} value shows through", "", "", ""])
                continue
            for index, item in enumerate(shown):
                unit = f" {definition.unit}" if definition.unit else ""
                rows.append(
                    [
                        key if index == 0 else "",
                        f"{_shown(item.value)}{unit}",
                        item.since.isoformat(),
                        item.mark.value,
                        item.source,
                    ]
                )
        caption = nodes.paragraph(text=f"Layers stacked for {jurisdiction}: {' > '.join(chain)}.")
        headers = ["key", "value", "in force from", "mark", "source"]
        return [caption, _table(headers, rows, [24, 18, 12, 5, 41])]


class RuleCatalogue(SphinxDirective):
    """Print the registered rules; with ``:details:``, each rule's text and sources."""

    option_spec = {  # noqa: RUF012 - docutils API
        "area": directives.unchanged,
        "details": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        area = self.options.get("area")
        registry = load_rules()
        if "details" in self.options:
            return [
                self._details(item)
                for item in registry
                if area is None or item.id.area in area.split(",")
            ]
        rows = [
            [
                str(item.id),
                item.severity.value,
                ", ".join(item.about),
                f"{item.title.en} ({item.title.zh})",
                ", ".join(item.parameters) or "-",
                "; ".join(str(c) for c in item.citations) or "-",
            ]
            for item in registry
            if area is None or item.id.area in area.split(",")
        ]
        if not rows:
            return [nodes.paragraph(text="No rule of this area is implemented yet.")]
        headers = ["ID", "severity", "about", "checks", "parameters", "sources"]
        return [_table(headers, rows, [9, 8, 11, 36, 18, 18])]

    def _details(self, item: Any) -> nodes.section:
        rule_id = str(item.id)
        section = nodes.section(ids=[nodes.make_id(f"rule-{rule_id}")])
        section += nodes.title(text=f"{rule_id}: {item.title.en} ({item.title.zh})")
        facts = nodes.bullet_list()
        lines = [
            f"Severity: {item.severity.value}; speaks about: {', '.join(item.about)}.",
            "Parameters: " + (", ".join(item.parameters) or "none") + ".",
            "Sources: " + ("; ".join(str(c) for c in item.citations) or "none") + ".",
            f"Message: {item.message.en} / {item.message.zh}",
        ]
        for text in lines:
            entry = nodes.list_item()
            entry += nodes.paragraph(text=text)
            facts += entry
        section += facts
        for paragraph in item.doc.split("\n\n"):
            section += nodes.paragraph(text=" ".join(paragraph.split()))
        return section


class ReasonCatalogue(SphinxDirective):
    """Print every reason of the catalogue: one section per area, code and both texts."""

    def run(self) -> list[nodes.Node]:
        areas: dict[str, list[list[str]]] = {}
        for item in load_reasons():
            area = item.code.split(".", 1)[0]
            areas.setdefault(area, []).append([item.code, item.zh, item.en])
        sections: list[nodes.Node] = []
        for area, rows in areas.items():
            section = nodes.section(ids=[nodes.make_id(f"reasons-{area}")])
            section += nodes.title(text=area)
            section += _table(["code", "中文", "English"], rows, [30, 35, 35])
            sections.append(section)
        return sections


def _type_name(kind: Any, field: str) -> str:
    attrs.resolve_types(kind.record_class)
    shown = attrs.fields_dict(kind.record_class)[field].type
    text = getattr(shown, "__name__", None) or str(shown)
    return text.replace("datetime.", "").replace("dropout_control.", "").replace("NoneType", "None")


class RecordKinds(SphinxDirective):
    """Print every declared kind with its files, key, indexes and columns."""

    def run(self) -> list[nodes.Node]:
        suffixes = ", ".join(sorted(FORMATS))
        found: list[nodes.Node] = []
        for kind in KINDS:
            section = nodes.section(ids=[nodes.make_id(f"kind-{kind.name}")])
            zh, en = kind.title
            section += nodes.title(text=f"{kind.name}: {en} ({zh})" if en else kind.name)
            key = ", ".join(kind.unique_key) or "none"
            personal = " (a personal number, masked when shown)" if kind.personal_key else ""
            facts = [
                f"Files: {', '.join(kind.files)}, with the suffix {suffixes}.",
                f"Record class: {kind.record_class.__module__}.{kind.record_class.__name__}.",
                f"Unique key: {key}{personal}.",
                "Indexes: " + (", ".join(index.name for index in kind.indexes) or "none") + ".",
            ]
            listed = nodes.bullet_list()
            for text in facts:
                item = nodes.list_item()
                item += nodes.paragraph(text=text)
                listed += item
            section += listed
            rows = [
                [field, _type_name(kind, field), "、".join(kind.aliases.get(field, ())) or "-"]
                for field in kind.fields
            ]
            section += _table(["field", "type", "other column names"], rows, [22, 30, 48])
            found.append(section)
        return found


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives."""
    app.add_directive("parameter-table", ParameterTable)
    app.add_directive("rule-catalogue", RuleCatalogue)
    app.add_directive("record-kinds", RecordKinds)
    app.add_directive("reason-catalogue", ReasonCatalogue)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
