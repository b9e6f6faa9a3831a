"""The codebook as a coding guide (Kodierleitfaden): a DOCX table per field of action with
category, definition, anchor example and coding rule, and the same as CSV."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import IO

from toolkit.cells import csv_cell
from toolkit.codes import CodeRow
from toolkit.exports.docx_tables import add_table, new_document
from toolkit.exports.style import Column, Table
from toolkit.i18n import Language, text

CSV_COLUMNS = (
    "path",
    "name",
    "name_en",
    "field_of_action",
    "valence",
    "definition",
    "anchor_example",
    "coding_rule",
    "keywords_de",
    "keywords_en",
    "colour",
    "source",
)
GUIDE_COLUMNS = ("category", "definition", "anchor_example", "coding_rule")


def category(code: CodeRow) -> str:
    """A code as the guide names it: its path below the field of action, parts joined by `` › ``
    (a line may break between the parts, never inside a name)."""
    parts = code.path.split("/")
    return " › ".join(parts[1:] if code.field_of_action and len(parts) > 1 else parts)


def write_codebook_csv(codes: Sequence[CodeRow], out: IO[str]) -> int:
    """Write the codes (tree order, as :func:`toolkit.codes.list_codes` gives them) as CSV; keywords
    are joined by ``; ``. Returns the number of codes."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in codes:
        writer.writerow(
            csv_cell(v)
            for v in [
                c.path,
                c.name,
                c.name_en,
                c.field_of_action or "",
                c.valence or "",
                c.definition,
                c.anchor_example,
                c.coding_rule,
                "; ".join(c.keywords_de),
                "; ".join(c.keywords_en),
                c.colour,
                c.source,
            ]
        )
    return len(codes)


def write_codebook_guide(
    codes: Sequence[CodeRow], out: IO[bytes], *, title: str = "", language: str = "de"
) -> int:
    """Write the coding guide as DOCX: per field of action (in codebook order) a table of its codes
    with category (indented by depth below the field), definition, anchor example and coding rule.
    Returns the number of tables."""
    lang: Language = "de" if language == "de" else "en"
    doc = new_document(lang)
    doc.add_heading(text("guide.title", lang) + (f": {title}" if title else ""), level=0)
    fields: dict[str, list[CodeRow]] = {}
    for c in codes:
        fields.setdefault(c.field_of_action or text("guide.no_field", lang), []).append(c)
    columns = tuple(Column(key, text(f"col.{key}", lang)) for key in GUIDE_COLUMNS)
    for number, (field, rows) in enumerate(fields.items(), start=1):
        doc.add_heading(field, level=1)
        table = Table(
            text("guide.table", lang, field=field),
            columns,
            tuple((category(c), c.definition, c.anchor_example, c.coding_rule) for c in rows),
            text("note.codebook", lang),
        )
        add_table(doc, table, lang, number)
    doc.save(out)
    return len(fields)
