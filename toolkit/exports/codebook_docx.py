"""The codebook as a coding guide (Kodierleitfaden): a DOCX table per field of action with
category, definition, anchor example and coding rule, and the same as CSV."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import IO

from docx import Document

from toolkit.codes import CodeRow

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
HEADERS = {
    "de": ("Kategorie", "Definition", "Ankerbeispiel", "Kodierregel"),
    "en": ("Category", "Definition", "Anchor example", "Coding rule"),
}
TITLES = {"de": "Kodierleitfaden", "en": "Coding guide"}
NO_FIELD = {"de": "Ohne Handlungsfeld", "en": "No field of action"}


def write_codebook_csv(codes: Sequence[CodeRow], out: IO[str]) -> int:
    """Write the codes (tree order, as :func:`toolkit.codes.list_codes` gives them) as CSV; keywords
    are joined by ``; ``. Returns the number of codes."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in codes:
        writer.writerow(
            [
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
    lang = language if language in HEADERS else "en"
    doc = Document()
    doc.add_heading(TITLES[lang] + (f": {title}" if title else ""), level=0)
    fields: dict[str, list[CodeRow]] = {}
    for c in codes:
        fields.setdefault(c.field_of_action or NO_FIELD[lang], []).append(c)
    for field, rows in fields.items():
        doc.add_heading(field, level=1)
        grid = doc.add_table(rows=1 + len(rows), cols=4)
        grid.style = "Light Grid Accent 1"
        cells = grid._cells
        for j, text in enumerate(HEADERS[lang]):
            cells[j].text = text
        for i, c in enumerate(rows, start=1):
            label = c.path.split("/", 1)[1] if "/" in c.path and c.depth > 0 else c.path
            values = (label, c.definition, c.anchor_example, c.coding_rule)
            for j, text in enumerate(values):
                cells[i * 4 + j].text = text
    doc.save(out)
    return len(fields)
