"""The results report as DOCX: an overview chart of the fields of action, per field a frequency
table and a bar chart (PNG drawn by vl-convert; drawn as a table of bars where it is not
installed), and quotes per code with document, speaker and time stamp."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import UTC, datetime
from typing import IO, Any
from xml.sax.saxutils import escape

import pandas as pd
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm

from toolkit.analysis import (
    CoderView,
    CodingData,
    coded_by,
    coder_label,
    frequencies,
    segment_counts,
    segments,
    view_of,
)
from toolkit.code_labels import field_names, path_names
from toolkit.documents import attribute_labels
from toolkit.errors import InvalidValue
from toolkit.exports.docx_tables import add_caption, add_table, new_document, orient
from toolkit.exports.style import table_of
from toolkit.i18n import Language, label, language, long_date, number, text
from toolkit.store import Store

BAR = "\u2588"
BAR_WIDTH = 30
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FREQUENCY_COLUMNS = ("code", "valence", "codings", "documents", "words", "share_pct")
QUOTES_PER_CODE = 10  # the CLI's and the page's default: a report that fits a thesis


@dataclass(frozen=True)
class Report:
    """What the report shows: whose codings (``view``), per field of action its code frequencies,
    and the quotes (a span coded alike by several coders of a pooled view once): at most
    ``quotes_per_code`` per code (None: all) of ``segments_per_code`` segments."""

    title: str
    created: datetime
    filters: tuple[tuple[str, str], ...]
    total_codings: int
    documents: int
    fields: tuple[tuple[str, pd.DataFrame], ...]
    quotes: pd.DataFrame
    by_field: pd.DataFrame | None = None
    view: CoderView = dataclass_field(default_factory=lambda: CoderView(()))
    language: Language = "de"
    quotes_per_code: int | None = None
    segments_per_code: dict[str, int] = dataclass_field(default_factory=dict)


def build_report(
    store: Store,
    data: CodingData,
    *,
    title: str | None = None,
    quotes_per_code: int | None = None,
    created: datetime | None = None,
    view: CoderView | None = None,
    lang: str = "de",
) -> Report:
    """Collect the report's tables from ``data`` (narrowed to ``view``'s coders when given): the
    codes used, per field of action in codebook order, and their coded segments (at most
    ``quotes_per_code`` of each code, spread over the documents as :func:`toolkit.analysis.spread`
    says; None: all). Narrow ``data`` first (e.g. :func:`toolkit.analysis.select` with documents or
    attributes) for a report on some documents; the filter is named in the report. In English
    (``lang="en"``) codes and fields of action read by the codebook's ``name_en`` where it has one."""
    if quotes_per_code is not None and quotes_per_code < 0:
        raise InvalidValue("report.quotes_per_code", quotes=quotes_per_code)
    chosen = language(lang)
    if view is not None:
        data = view_of(data, view)
    else:
        view = CoderView(tuple(coded_by(data)))
    table = frequencies(data, "code")
    used = table[table["codings"] > 0]
    fields = tuple(
        (str(field), part.reset_index(drop=True))
        for field, part in used.groupby("field_of_action", sort=False)
    )
    quotes = segments(store, data, context=0, limit=quotes_per_code)
    by_field = frequencies(data, "field")
    counts = segment_counts(data)
    if chosen == "en":  # codes and fields by the codebook's English names where it has them
        codes, names = path_names(store, chosen), field_names(store, chosen)
        fields = tuple(
            (names.get(f, f), part.assign(code=part["code"].map(lambda c: codes.get(c, c))))
            for f, part in fields
        )
        quotes = quotes.assign(code=quotes["code"].map(lambda c: codes.get(c, c)))
        by_field = by_field.assign(field_of_action=by_field["field_of_action"].map(lambda f: names.get(f, f)))
        counts = {codes.get(c, c): n for c, n in counts.items()}
    labels = attribute_labels(store)
    return Report(
        title or text("report.title", chosen),
        created or datetime.now(UTC),
        tuple((labels.get(k, k), v) for k, v in data.filters if k not in ("coder", "coders")),
        len(data.codings),
        len(data.documents),
        fields,
        quotes,
        by_field,
        view,
        chosen,
        quotes_per_code,
        counts,
    )


def _reference(row: Mapping[Any, Any], lang: Language) -> str:
    parts = [str(row["document"])]
    page = row.get("page")
    if page is not None and not pd.isna(page):  # a PDF transcript: cited by its page
        parts[0] += ", " + text("report.page", lang, page=int(page))
    if row["speaker"] and row["speaker"] != "(none)":
        role = f" ({row['speaker_role']})" if row["speaker_role"] and row["speaker_role"] != "(none)" else ""
        parts.append(f"{row['speaker']}{role}")
    if row["time"]:
        parts.append(str(row["time"]))
    where = text(
        "report.characters", lang, start=number(int(row["start"]), lang), end=number(int(row["end"]), lang)
    )
    coders = ", ".join(coder_label(c, lang) for c in str(row["coder"]).split(", "))
    parts.append(f"{where}, {coders}")
    return " · ".join(parts)


def short_code(path: str) -> str:
    """A code below its field of action, parts joined by `` › `` (lines break between names):
    ``Mensch/Herausforderungen/Digitale Lots:innen`` -> ``Herausforderungen › Digitale Lots:innen``."""
    parts = str(path).split("/")
    return " › ".join(parts[1:] if len(parts) > 1 else parts)


def filters_text(filters: Sequence[tuple[str, str]], lang: Language) -> str:
    """The selection in words: ``Dokumente: a, b; Rollen: CDO`` or ``keine (alle Codierungen)``."""
    return "; ".join(f"{label('filter', k, lang)}: {v}" for k, v in filters) or text("filter.none", lang)


def write_report(report: Report, out: IO[bytes], *, charts: bool = True) -> None:
    """Write ``report`` as a Word document to ``out``; ``charts=False`` draws the charts as tables
    of bars instead of images (as happens when vl-convert is not installed)."""
    lang = report.language
    doc = new_document(lang)
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(
        " · ".join(
            (
                text("report.created", lang, date=long_date(report.created, lang)),
                text(
                    "report.summary",
                    lang,
                    codings=number(report.total_codings, lang),
                    documents=number(report.documents, lang),
                ),
            )
        )
    )
    doc.add_paragraph(f"{text('info.view', lang)}: {report.view.describe(lang)}")
    doc.add_paragraph(text("report.filters", lang, filters=filters_text(report.filters, lang)))
    from toolkit.exports.charts import code_bars, field_valence_bars, png  # Altair: only when writing

    doc.add_heading(text("report.by_field", lang), level=1)
    overview = report.by_field
    figures = tables = 0
    if charts and overview is not None and int(overview["codings"].sum()) > 0:
        image = png(field_valence_bars(overview, lang))
        if image is not None:
            figures += 1
            _picture(
                doc, image, text("caption.figure", lang, n=figures, title=text("report.chart_fields", lang))
            )
    for field, table in report.fields:
        orient(doc, False)
        doc.add_heading(field, level=2)
        short = table.assign(code=table["code"].map(short_code))
        tables += 1
        add_table(
            doc,
            table_of(
                short,
                lang,
                title=text("report.table_field", lang, field=field),
                note=text("note.frequencies", lang),
                columns=FREQUENCY_COLUMNS,
            ),
            lang,
            tables,
        )
        image = png(code_bars(short, lang=lang)) if charts else None
        if image is None:
            tables += 1
            _bar_table(doc, short, field, lang, tables)
        else:
            figures += 1
            _picture(
                doc,
                image,
                text("caption.figure", lang, n=figures, title=text("report.chart_codes", lang, field=field)),
            )
    orient(doc, False)
    doc.add_heading(text("report.quotes", lang), level=1)
    if report.quotes.empty and not report.segments_per_code:
        doc.add_paragraph(text("report.no_codings", lang))
    else:
        doc.add_paragraph(quote_rule(report))
    quote_style = doc.styles["Quote"].style_id
    for code, quotes in report.quotes.groupby("code", sort=False):
        doc.add_heading(str(code), level=2)
        total = report.segments_per_code.get(str(code), len(quotes))
        if len(quotes) < total:
            shown = number(len(quotes), lang)
            doc.add_paragraph(text("report.quotes_of_code", lang, shown=shown, total=number(total, lang)))
        _add_quotes(doc, quote_style, quotes.to_dict("records"), lang)
    doc.save(out)


def quote_rule(report: Report) -> str:
    """The sentence that says how the report's quotes were chosen and how many of all."""
    lang = report.language
    total = sum(report.segments_per_code.values())
    if report.quotes_per_code is None:
        return text("report.quote_all", lang, total=number(total, lang))
    return text(
        "report.quote_rule",
        lang,
        limit=number(report.quotes_per_code, lang),
        shown=number(len(report.quotes), lang),
        total=number(total, lang),
    )


def _picture(doc: Any, image: bytes | None, caption: str) -> None:
    """The chart image at text width with a caption below it (nothing when there is no image)."""
    if image is None:
        return
    doc.add_picture(io.BytesIO(image), width=Cm(16))
    add_caption(doc, caption)


def _runs(text: str, props: str = "") -> str:
    """WordprocessingML runs for ``text``: line breaks become ``<w:br/>``, characters that XML
    cannot hold are dropped."""
    clean = _NOT_XML.sub("", text)
    lines = [f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in clean.split("\n")]
    return f"<w:r>{props}{'<w:br/>'.join(lines)}</w:r>"


def _add_quotes(doc: Any, style_id: str, rows: Sequence[Mapping[Any, Any]], lang: Language) -> None:
    """Append one paragraph per quote: the coded text, then its reference in small grey type.

    Built as XML and inserted in one step: python-docx's ``add_paragraph`` looks up the style and
    searches the body on every call, which made 5,000 quotes take over ten seconds."""
    reference = '<w:rPr><w:color w:val="555555"/><w:sz w:val="16"/></w:rPr>'
    xml = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{_runs(str(row["text"]))}'
        f"{_runs(chr(10) + '— ' + _reference(row, lang), reference)}</w:p>"
        for row in rows
    )
    body = doc.element.body
    anchor = body.sectPr
    for paragraph in parse_xml(f"<w:body {nsdecls('w')}>{xml}</w:body>"):
        if anchor is not None:
            anchor.addprevious(paragraph)
        else:
            body.append(paragraph)


def _bar_table(doc: Any, table: pd.DataFrame, field: str, lang: Language, number_: int) -> None:
    """The chart drawn as a table of bars (when no image can be drawn)."""
    top = max(int(table["codings"].max()), 1)
    bars = pd.DataFrame(
        {
            "code": table["code"].astype(str),
            "bar": [BAR * max(1, round(int(n) / top * BAR_WIDTH)) for n in table["codings"]],
            "n": table["codings"].astype("int64"),
        }
    )
    add_table(
        doc,
        table_of(
            bars, lang, title=text("report.table_bars", lang, field=field), note=text("note.bars", lang)
        ),
        lang,
        number_,
    )
