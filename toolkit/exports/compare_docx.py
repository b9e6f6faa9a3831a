"""Compare cases and groups as a Word document: a table of counts per group, then the segments side
by side, one column per group (landscape when there are many groups)."""

from __future__ import annotations

from typing import IO

from toolkit.exports.docx_tables import add_table, new_document
from toolkit.exports.style import Column, Table
from toolkit.i18n import Language, text
from toolkit.qca.compare import Comparison


def group_name(value: str, lang: Language, by: str = "attribute") -> str:
    """A group's heading: its value or set, or the words for the documents without one."""
    return value or text("qca.compare.no_set" if by == "set" else "qca.compare.no_value", lang)


def comparison_tables(comparison: Comparison, lang: Language) -> tuple[Table, Table]:
    """(counts per group, segments side by side) as tables ready to write."""
    counts = Table(
        text(
            "qca.compare.counts_title",
            lang,
            code=comparison.code_path,
            variable=comparison.variable if comparison.by != "set" else text("qca.compare.sets", lang),
        ),
        (
            Column("group", text("qca.compare.group", lang)),
            Column("documents", text("qca.compare.documents", lang), "int"),
            Column("documents_coded", text("qca.compare.documents_coded", lang), "int"),
            Column("segments", text("qca.compare.segments", lang), "int"),
        ),
        tuple(
            (group_name(g.value, lang, comparison.by), g.documents, g.documents_coded, len(g.segments))
            for g in comparison.groups
        ),
    )
    depth = max((len(g.segments) for g in comparison.groups), default=0)
    side = Table(
        text("qca.compare.side_title", lang, code=comparison.code_path),
        tuple(
            Column(f"group{i}", f"{group_name(g.value, lang, comparison.by)} (n = {len(g.segments)})")
            for i, g in enumerate(comparison.groups)
        ),
        tuple(
            tuple(
                f"{g.segments[k].document}: {g.segments[k].text}" if k < len(g.segments) else ""
                for g in comparison.groups
            )
            for k in range(depth)
        ),
    )
    return counts, side


def write_comparison_docx(comparison: Comparison, out: IO[bytes], *, lang: Language = "de") -> None:
    doc = new_document(lang)
    doc.add_heading(text("qca.compare.heading", lang, code=comparison.code_path), level=1)
    counts, side = comparison_tables(comparison, lang)
    add_table(doc, counts, lang, 1)
    add_table(doc, side, lang, 2, landscape_only=len(comparison.groups) > 3)
    doc.save(out)
