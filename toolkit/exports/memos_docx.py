"""The memo overview as a Word document: one entry per memo (type, document, code, author, date)
with its text, in the order given."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from toolkit.exports.docx_tables import new_document
from toolkit.i18n import Language, text
from toolkit.memos import MemoEntry
from toolkit.qca import stamp


def write_memos_docx(memos: Sequence[MemoEntry], out: IO[bytes], *, lang: Language = "de") -> int:
    """Write ``memos`` to ``out``; returns how many were written."""
    doc = new_document(lang)
    doc.add_heading(text("qca.memos.title", lang), level=1)
    if not memos:
        doc.add_paragraph(text("qca.memos.none", lang))
    for m in memos:
        parts = [text(f"qca.memo_kind.{m.kind}", lang)]
        parts += [p for p in (m.document, m.code_path, m.where) if p]
        heading = doc.add_paragraph()
        heading.paragraph_format.keep_with_next = True
        heading.add_run(" · ".join(parts)).bold = True
        meta = doc.add_paragraph()
        meta.paragraph_format.keep_with_next = True
        meta.add_run(
            text("qca.memos.meta", lang, author=m.author or "–", at=stamp(m.updated_at, lang))
        ).italic = True
        for line in m.text.split("\n"):
            doc.add_paragraph(line)
    doc.save(out)
    return len(memos)
