"""Build the .docx versions of the sample transcripts from the .txt files (run from the repo root:
``.venv/bin/python transcripts/make_docx.py``). Each uses a different Word convention, as real
transcripts do: bold speaker labels (CDO interview), a table of turns with a time column
(citizens' office interview), bold labels with timestamps (group discussion)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docx import Document

HERE = Path(__file__).resolve().parent


def _header_and_turns(text: str) -> tuple[list[str], list[str]]:
    header, _, body = text.partition("\n\n")
    return header.split("\n"), [block for block in body.split("\n\n") if block.strip()]


def _document(header: list[str]) -> Any:
    """A Word document with the transcript's title as heading and its header lines below."""
    doc = Document()
    doc.core_properties.title = header[0]
    doc.add_heading(header[0], level=1)
    for line in header[1:]:
        doc.add_paragraph(line)
    return doc


def bold_labels(src: Path, dst: Path, label: re.Pattern[str]) -> None:
    header, turns = _header_and_turns(src.read_text(encoding="utf-8"))
    doc = _document(header)
    for turn in turns:
        m = label.match(turn)
        assert m, turn[:40]
        paragraph = doc.add_paragraph()
        paragraph.add_run(m.group(0).rstrip()).bold = True
        paragraph.add_run(" " + turn[m.end() :].strip())
    doc.save(str(dst))


def turn_table(src: Path, dst: Path) -> None:
    header, turns = _header_and_turns(src.read_text(encoding="utf-8"))
    doc = _document(header)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, ("Sprecher", "Zeit", "Text"), strict=True):
        cell.text = title
    for turn in turns:
        first, *lines = turn.split("\n")
        speaker, time = first.rsplit("  ", 1)
        row = table.add_row().cells
        row[0].text, row[1].text = speaker, time
        row[2].text = lines[0]
        for more in lines[1:]:
            row[2].add_paragraph(more)
    doc.save(str(dst))


if __name__ == "__main__":
    bold_labels(HERE / "interview_cdo.txt", HERE / "interview_cdo.docx", re.compile(r"^(I|B):"))
    turn_table(HERE / "interview_sachbearbeitung.txt", HERE / "interview_sachbearbeitung.docx")
    bold_labels(
        HERE / "gruppendiskussion.txt",
        HERE / "gruppendiskussion.docx",
        re.compile(r"^(M|B\d) \[\d\d:\d\d:\d\d\]:"),
    )
