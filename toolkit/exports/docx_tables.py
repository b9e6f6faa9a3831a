"""Word documents in the toolkit's one style: A4, Arial (Liberation Sans where Arial is missing:
the same widths), the document language set, and tables with a caption above, a note on how they
were computed below, a header row repeated on every page, and column widths fitted to their
content so that no word (a code name) is broken. A table too wide for a portrait page goes on a
landscape page; if it is still too wide its type gets smaller.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from toolkit.exports.style import Table
from toolkit.i18n import Language, text

PAGE = (21.0, 29.7)  # A4, cm
MARGIN = 2.0  # cm
FONT = "Arial"
CM_PER_PT = 2.54 / 72
CELL_PADDING = 0.45  # cm: Word's default cell margins (2 x 0.19 cm) and the borders
SIZES = (9.0, 8.0, 7.0)  # table type sizes tried in turn
LANDSCAPE_COLUMNS = 8  # from this many columns a table goes on a landscape page
SHORT_ROW = 160  # characters: a row with no longer cell is kept on one page; longer ones may split
_TWIPS_PER_CM = 567
_WORD = re.compile(r"[^\s/]+/?|/")

# Arial advance widths in em, by character class (the metric-compatible Liberation Sans has the same)
_NARROW = set("ijlI.,:;'!|ft ·") | {"\u00a0"}
_SEMI = set('r-()[]/"*{}`')
_WIDE = {
    "m": 0.833,
    "w": 0.722,
    "M": 0.833,
    "W": 0.944,
    "@": 1.015,
    "%": 0.889,
    "—": 1.0,
    "–": 0.556,
    "█": 0.75,
    "›": 0.35,
}


def char_width(ch: str) -> float:
    """The advance width of ``ch`` in Arial, in em (an upper estimate for bold and accents)."""
    if ch in _WIDE:
        return _WIDE[ch]
    if ch in _NARROW:
        return 0.278
    if ch in _SEMI:
        return 0.333
    if ch.isupper():
        return 0.722
    return 0.556


class _Widths(dict[str, float]):
    """:func:`char_width` of each character met so far (a lookup instead of a call per character:
    long tables of long texts are measured in a fraction of the time)."""

    def __missing__(self, ch: str) -> float:
        self[ch] = width = char_width(ch)
        return width


_WIDTHS = _Widths()


@functools.lru_cache(maxsize=1 << 16)
def _em(value: str) -> float:
    return sum(map(_WIDTHS.__getitem__, value))


def text_width(value: str, size: float, *, bold: bool = False) -> float:
    """The width of ``value`` set in Arial of ``size`` points, in cm."""
    em = _em(value) * (1.08 if bold else 1.0) * 1.04
    return em * size * CM_PER_PT


def new_document(lang: Language) -> Any:
    """An empty Word document: A4 portrait, margins of 2 cm, Arial, language ``lang``."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(PAGE[0]), Cm(PAGE[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN))
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    if run_defaults is not None:
        fonts = run_defaults.find(qn("w:rFonts"))
        if fonts is not None:
            run_defaults.remove(fonts)
        code = "de-DE" if lang == "de" else "en-GB"
        run_defaults.insert(
            0,
            parse_xml(
                f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" '
                f'w:eastAsia="{FONT}"/>'
            ),
        )
        run_defaults.append(
            parse_xml(f'<w:lang {nsdecls("w")} w:val="{code}" w:eastAsia="{code}" w:bidi="{code}"/>')
        )
    for style in doc.styles:
        fonts = style.element.find(qn("w:rPr") + "/" + qn("w:rFonts")) if style.element is not None else None
        if fonts is not None:  # headings name the theme's Calibri Light: use the document's font
            fonts.getparent().remove(fonts)
    return doc


def text_area(doc: Any) -> float:
    """The width between the margins of the document's last section, in cm."""
    section = doc.sections[-1]
    return float((section.page_width - section.left_margin - section.right_margin) / 360000)


def orient(doc: Any, landscape: bool) -> None:
    """Continue the document on a new landscape (or portrait) page unless it already is one."""
    section = doc.sections[-1]
    if (section.orientation == WD_ORIENT.LANDSCAPE) == landscape:
        return
    body = doc.element.body
    empty = len(body) <= 1 or (
        len(body) == 2 and body[0].tag == qn("w:p") and not "".join(body[0].itertext())
    )
    new = section if empty else doc.add_section(WD_SECTION.NEW_PAGE)  # nothing written: turn page 1
    width, height = (Cm(PAGE[1]), Cm(PAGE[0])) if landscape else (Cm(PAGE[0]), Cm(PAGE[1]))
    new.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    new.page_width, new.page_height = width, height


@dataclass(frozen=True)
class Layout:
    widths: tuple[float, ...]  # cm
    size: float  # pt
    landscape: bool


def layout(
    table: Table, lang: Language, rows: Sequence[Sequence[str]], *, landscape_only: bool = False
) -> Layout:
    """Column widths, type size and orientation: every column at least as wide as its longest word
    (header in bold), the rest of the line shared by how much more each column's text needs.
    ``landscape_only``: a landscape page whatever the width (tables of long texts)."""
    portrait = PAGE[0] - 2 * MARGIN
    landscape = PAGE[1] - 2 * MARGIN
    wide = landscape_only or len(table.columns) >= LANDSCAPE_COLUMNS
    for size in SIZES:
        least, natural = _needs(table, rows, size)
        for room, turned in ((portrait, False), (landscape, True)):
            if turned is False and wide:
                continue
            if sum(least) <= room:
                texts = [c.kind == "text" for c in table.columns]
                return Layout(_share(least, natural, room, texts), size, turned)
    least, natural = _needs(table, rows, SIZES[-1])
    scale = landscape / sum(least)
    return Layout(tuple(w * scale for w in least), SIZES[-1], True)


def words(value: str) -> list[str]:
    """The pieces a line may not break inside: words, a slash staying with the part before it
    (Word and LibreOffice break after ``/``: ``Mensch/Treiber/`` | ``Digitale Lots:innen``)."""
    return _WORD.findall(value)


def _needs(table: Table, rows: Sequence[Sequence[str]], size: float) -> tuple[list[float], list[float]]:
    least, natural = [], []
    for j, column in enumerate(table.columns):
        head_word = max((text_width(w, size, bold=True) for w in words(column.header)), default=0.0)
        cells = {row[j] for row in rows}
        longest_word = max((w for c in cells for w in set(words(c))), key=_em, default="")
        cell_word = text_width(longest_word, size)
        whole = text_width(max(cells, key=_em), size) if cells else 0.0
        header_whole = min(text_width(column.header, size, bold=True), 3.0)  # short headers on one line
        least.append(max(head_word, cell_word) + CELL_PADDING)
        natural.append(min(max(whole, head_word, cell_word, header_whole), 9.0) + CELL_PADDING)
    return least, natural


def _share(least: list[float], natural: list[float], room: float, texts: list[bool]) -> tuple[float, ...]:
    if sum(natural) <= room:  # everything fits on one line: the text columns take the rest of the line
        grow = [n if t else 0.0 for n, t in zip(natural, texts, strict=True)]
        if not any(grow):
            grow = natural
        spare, total = room - sum(natural), sum(grow)
        return tuple(n + spare * g / total for n, g in zip(natural, grow, strict=True))
    fixed = [m if t else n for n, m, t in zip(natural, least, texts, strict=True)]
    if any(texts) and sum(fixed) <= room:  # numbers and short labels on one line, texts wrap
        least = fixed
    spare = room - sum(least)
    extra = [max(n - m, 0.0) for n, m in zip(natural, least, strict=True)]
    total = sum(extra) or 1.0
    return tuple(m + spare * e / total for m, e in zip(least, extra, strict=True))


def add_caption(doc: Any, caption: str) -> None:
    paragraph = doc.add_paragraph(caption, style="Caption")
    paragraph.paragraph_format.keep_with_next = True


def add_note(doc: Any, note: str, lang: Language) -> None:
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(text("note.prefix", lang) + note)
    run.font.size = Pt(8)
    run.italic = True


def add_table(doc: Any, table: Table, lang: Language, number: int, *, landscape_only: bool = False) -> Layout:
    """Append ``table`` with its caption (``Tabelle n: …``) and note; returns its layout."""
    rows = table.shown(lang)
    fitted = layout(table, lang, rows, landscape_only=landscape_only)
    orient(doc, fitted.landscape)
    add_caption(doc, text("caption.table", lang, n=number, title=table.title))
    xml = table_xml(table, rows, fitted)
    element = parse_xml(xml)
    body = doc.element.body
    if body.sectPr is not None:
        body.sectPr.addprevious(element)
    else:
        body.append(element)
    if table.note:
        add_note(doc, table.note, lang)
    return fitted


def table_xml(table: Table, rows: Sequence[Sequence[str]], fitted: Layout) -> str:
    """The WordprocessingML of a table with fixed column widths, a repeated header row and rows
    that are not split across pages (built as one string: fast for long tables)."""
    twips = [round(w * _TWIPS_PER_CM) for w in fitted.widths]
    half_points = round(fitted.size * 2)
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="A0A0A0"/>'
    borders = "".join(
        border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join(f'<w:gridCol w:w="{t}"/>' for t in twips)
    numeric = [c.kind != "text" for c in table.columns]

    def cell(value: str, j: int, header: bool) -> str:
        shade = '<w:shd w:val="clear" w:color="auto" w:fill="DDE4EE"/>' if header else ""
        align = '<w:jc w:val="right"/>' if numeric[j] and not header else ""
        bold = "<w:b/>" if header else ""
        lines = value.split("\n")
        runs = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{twips[j]}" w:type="dxa"/>{shade}</w:tcPr>'
            f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/>{align}</w:pPr>'
            f'<w:r><w:rPr>{bold}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
            f"{runs}</w:r></w:p></w:tc>"
        )

    header = "".join(cell(c.header, j, True) for j, c in enumerate(table.columns))

    def row_xml(row: Sequence[str]) -> str:
        keep = "<w:trPr><w:cantSplit/></w:trPr>" if max(map(len, row), default=0) <= SHORT_ROW else ""
        return f"<w:tr>{keep}" + "".join(cell(v, j, False) for j, v in enumerate(row)) + "</w:tr>"

    body = "".join(row_xml(row) for row in rows)
    return (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header}</w:tr>{body}</w:tbl>"
    )
