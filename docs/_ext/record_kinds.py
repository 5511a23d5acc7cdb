"""A Sphinx directive that prints the input formats from the kinds' declarations.

``record-kinds`` prints, for every kind registered in :data:`dropout_control.KINDS`, its
file names, its record class, its unique key (and whether it is personal), its indexes,
and each field with the other names its column goes by. The page is the declarations
themselves, so it cannot drift from what the readers accept.
"""

from __future__ import annotations

from typing import Any

import attrs
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from dropout_control import KINDS
from dropout_control.io.rows import FORMATS


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
    """Register the directive."""
    app.add_directive("record-kinds", RecordKinds)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
