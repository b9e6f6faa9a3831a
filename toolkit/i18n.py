"""One catalog of the words the toolkit writes for people: table headers, captions, notes and
labels of exports, in German and English, and the locale formats of numbers and dates.

A text is looked up by a stable key (``"col.codings"``) and rendered with :func:`text`; values are
filled in with ``str.format`` fields (``{n}``). Keys are grouped by a prefix: ``col.`` column
headers, ``value.`` values shown in tables (valences), ``filter.`` selection names, ``sheet.`` and
``caption.`` titles, ``note.`` how a table was computed, ``report.`` the report's running text.
The catalog is meant to grow into the project's one message catalog (errors and UI, issue 17):
add keys with a new prefix, never a second table elsewhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from toolkit.errors import InvalidValue

Language = Literal["de", "en"]
LANGUAGES: tuple[Language, ...] = ("de", "en")


@dataclass(frozen=True)
class Text:
    """One entry of the catalog: the German and the English wording."""

    de: str
    en: str

    def get(self, lang: Language) -> str:
        return self.de if lang == "de" else self.en


CATALOG: dict[str, Text] = {
    # column headers of every exported table (the library's column names are the keys)
    "col.table": Text("Tabelle", "Table"),
    "col.code": Text("Code", "Code"),
    "col.name": Text("Name", "Name"),
    "col.field_of_action": Text("Handlungsfeld", "Field of action"),
    "col.field": Text("Handlungsfeld", "Field of action"),
    "col.valence": Text("Valenz", "Valence"),
    "col.codings": Text("Codierungen", "Codings"),
    "col.codes": Text("Codes", "Codes"),
    "col.documents": Text("Dokumente", "Documents"),
    "col.documents_pct": Text("Dokumente %", "Documents %"),
    "col.words": Text("Wörter", "Words"),
    "col.share_pct": Text("Anteil %", "Share %"),
    "col.document": Text("Dokument", "Document"),
    "col.speaker": Text("Sprecher:in", "Speaker"),
    "col.speaker_role": Text("Rolle", "Role"),
    "col.coder": Text("Codierer:in", "Coder"),
    "col.coders": Text("Codierer:innen", "Coders"),
    "col.timestamp": Text("Zeit (s)", "Time (s)"),
    "col.time": Text("Zeit", "Time"),
    "col.start": Text("Anfang", "Start"),
    "col.end": Text("Ende", "End"),
    "col.before": Text("davor", "before"),
    "col.text": Text("Segment", "Segment"),
    "col.after": Text("danach", "after"),
    "col.code_a": Text("Code A", "Code A"),
    "col.code_b": Text("Code B", "Code B"),
    "col.count": Text("gemeinsam", "together"),
    "col.n_a": Text("Codierungen A", "Codings A"),
    "col.n_b": Text("Codierungen B", "Codings B"),
    "col.jaccard": Text("Jaccard", "Jaccard"),
    "col.role": Text("Rolle", "Role"),
    "col.path": Text("Pfad", "Path"),
    "col.name_en": Text("Name (englisch)", "Name (English)"),
    "col.definition": Text("Definition", "Definition"),
    "col.anchor_example": Text("Ankerbeispiel", "Anchor example"),
    "col.coding_rule": Text("Kodierregel", "Coding rule"),
    "col.category": Text("Kategorie", "Category"),
    "col.bar": Text("Balken", "Bar"),
    "col.n": Text("n", "n"),
    # agreement tables
    "col.scope": Text("Ebene", "Level"),
    "col.pair": Text("Paar", "Pair"),
    "col.units": Text("Einheiten", "Units"),
    "col.percent_agreement": Text("Übereinstimmung %", "Agreement %"),
    "col.cohen_kappa": Text("Cohens κ", "Cohen's κ"),
    "col.scott_pi": Text("Scotts π", "Scott's π"),
    "col.fleiss_kappa": Text("Fleiss' κ", "Fleiss' κ"),
    "col.conger_kappa": Text("Congers κ", "Conger's κ"),
    "col.krippendorff_alpha": Text("Krippendorffs α", "Krippendorff's α"),
    "col.gwet_ac1": Text("Gwets AC1", "Gwet's AC1"),
    "col.brennan_prediger": Text("Brennan-Prediger", "Brennan-Prediger"),
    "col.alpha_ci_low": Text("α KI unten", "α CI low"),
    "col.alpha_ci_high": Text("α KI oben", "α CI high"),
    "col.notes": Text("Hinweise", "Notes"),
    "col.segments_a": Text("Segmente A", "Segments A"),
    "col.segments_b": Text("Segmente B", "Segments B"),
    "col.agreements": Text("Übereinstimmungen", "Agreements"),
    "col.disagreements": Text("Abweichungen", "Disagreements"),
    "col.kappa": Text("κ", "κ"),
    "col.both": Text("beide", "both"),
    "col.only_a": Text("nur A", "only A"),
    "col.only_b": Text("nur B", "only B"),
    "col.neither": Text("keiner", "neither"),
    "col.observed": Text("beobachtet", "observed"),
    "col.expected": Text("erwartet", "expected"),
    "col.u_alpha": Text("uα", "uα"),
    "col.key": Text("Angabe", "Item"),
    "col.value": Text("Wert", "Value"),
    "col.rows": Text("Zeilen", "Rows"),
    # values shown in tables
    "value.challenge": Text("Herausforderung", "Challenge"),
    "value.driver": Text("Treiber", "Driver"),
    "value.none": Text("–", "–"),
    "value.overall": Text("gesamt", "overall"),
    "value.code": Text("Code", "code"),
    "value.field": Text("Handlungsfeld", "field of action"),
    "value.document": Text("Dokument", "document"),
    "value.missing": Text("n. b.", "n/a"),
    "chart.no_valence": Text("ohne", "none"),
    # names of selections (CodingData.filters)
    "filter.coder": Text("Codierer:in", "Coder"),
    "filter.coders": Text("Codierer:innen", "Coders"),
    "filter.documents": Text("Dokumente", "Documents"),
    "filter.codes": Text("Codes", "Codes"),
    "filter.speakers": Text("Sprecher:innen", "Speakers"),
    "filter.speaker roles": Text("Rollen", "Roles"),
    "filter.code": Text("Code", "Code"),
    "filter.field": Text("Handlungsfeld", "Field of action"),
    "filter.document": Text("Dokument", "Document"),
    "filter.role": Text("Rolle", "Role"),
    "filter.none": Text("keine (alle Codierungen)", "none (all codings)"),
    # coders shown by role
    "coder.consensus": Text("Konsens", "consensus"),
    # co-occurrence methods
    "cooccurrence.overlap": Text("überlappend", "overlapping"),
    "cooccurrence.turn": Text("im selben Beitrag", "in the same turn"),
    "cooccurrence.sentence": Text("im selben Satz", "in the same sentence"),
    # sheet names (at most 31 characters) and table titles
    "sheet.info": Text("Info", "Info"),
    "sheet.frequencies": Text("Häufigkeiten", "Frequencies"),
    "sheet.matrix": Text("Matrix", "Matrix"),
    "sheet.cooccurrence": Text("Kookkurrenz", "Co-occurrence"),
    "sheet.segments": Text("Segmente", "Segments"),
    "sheet.agreement": Text("Übereinstimmung", "Agreement"),
    "sheet.agreement_documents": Text("Je Dokument", "Per document"),
    "sheet.settings": Text("Einstellungen", "Settings"),
    "sheet.codebook": Text("Codebuch", "Codebook"),
    "by.code": Text("je Code", "by code"),
    "by.field": Text("Handlungsfeld × Valenz", "field of action × valence"),
    "by.document": Text("je Dokument", "by document"),
    "by.speaker": Text("je Sprecher:in", "by speaker"),
    "by.role": Text("je Rolle", "by role"),
    "by.coder": Text("je Codierer:in", "by coder"),
    "by.attribute": Text("je {name}", "by {name}"),
    # the Info sheet and report front matter
    "info.title": Text("Titel", "Title"),
    "info.created": Text("Erstellt am", "Created on"),
    "info.filters": Text("Filter", "Filters"),
    "info.sheet": Text("Tabellenblatt", "Sheet"),
    "info.rows": Text("{n} Zeilen", "{n} rows"),
    "info.coders": Text("Codierer:innen", "Coders"),
    "info.view": Text("Ansicht", "View"),
    "view.single": Text("Codierungen von {coder}", "codings of {coder}"),
    "view.pooled": Text(
        "gepoolt: Codierungen von {coders} zusammen gezählt; gleiche Segmente erscheinen einmal",
        "pooled: codings of {coders} counted together; identical segments appear once",
    ),
    "caption.table": Text("Tabelle {n}: {title}", "Table {n}: {title}"),
    "caption.figure": Text("Abbildung {n}: {title}", "Figure {n}: {title}"),
    "note.prefix": Text("Berechnung: ", "How computed: "),
    "note.frequencies": Text(
        "Codierungen = codierte Segmente des Codes; Dokumente = Dokumente mit mindestens einer "
        "Codierung; Wörter = codierte Wörter; Anteil = Codierungen des Codes je 100 Codierungen der "
        "Auswahl.",
        "Codings = coded segments of the code; documents = documents with at least one coding; "
        "words = coded words; share = codings of the code per 100 codings of the selection.",
    ),
    "note.field": Text(
        "Codierungen je Handlungsfeld und Valenz; Codes = verschiedene verwendete Codes; Anteil = je 100 "
        "Codierungen der Auswahl.",
        "Codings per field of action and valence; codes = distinct codes used; share = per 100 codings "
        "of the selection.",
    ),
    "note.bars": Text(
        "Balkenlänge proportional zur Zahl der Codierungen.", "Bar length proportional to the codings."
    ),
    "note.matrix": Text("Codierungen je Zeile und Spalte.", "Codings per row and column."),
    "note.cooccurrence": Text(
        "Paare von Codes, die gemeinsam vorkommen; Jaccard = gemeinsam / (A + B − gemeinsam).",
        "Pairs of codes that occur together; Jaccard = together / (A + B − together).",
    ),
    "note.segments": Text(
        "Codierte Segmente mit Dokument, Sprecher:in und Zeitmarke; Anfang/Ende in Zeichen.",
        "Coded segments with document, speaker and time stamp; start/end in characters.",
    ),
    "note.agreement": Text(
        "Koeffizienten je Code, Handlungsfeld und insgesamt; Übereinstimmung in Prozent der "
        "verglichenen Einheiten; n. b. = nicht berechenbar.",
        "Coefficients per code, field of action and overall; agreement in per cent of the compared "
        "units; n/a = not computable.",
    ),
    "note.agreement_documents": Text(
        "Dieselbe Berechnung je Dokument.", "The same computation per document."
    ),
    "note.codebook": Text(
        "Kategorien des Handlungsfelds mit Definition, Ankerbeispiel und Kodierregel.",
        "Categories of the field of action with definition, anchor example and coding rule.",
    ),
    "report.title": Text("Auswertung", "Results"),
    "report.created": Text("Erstellt am {date}", "Created on {date}"),
    "report.summary": Text(
        "{codings} Codierungen in {documents} Dokumenten", "{codings} codings in {documents} documents"
    ),
    "report.filters": Text("Filter: {filters}", "Filters: {filters}"),
    "report.by_field": Text("Häufigkeiten nach Handlungsfeld", "Frequencies by field of action"),
    "report.chart_fields": Text(
        "Codierungen je Handlungsfeld und Valenz", "Codings per field of action and valence"
    ),
    "report.chart_codes": Text("Codierungen je Code: {field}", "Codings per code: {field}"),
    "report.table_field": Text("Häufigkeiten im Handlungsfeld {field}", "Frequencies in the field {field}"),
    "report.table_bars": Text("Codierungen je Code: {field}", "Codings per code: {field}"),
    "report.quotes": Text("Zitate je Code", "Quotes per code"),
    "report.no_codings": Text("Keine Codierungen.", "No codings."),
    "report.characters": Text("Zeichen {start}–{end}", "characters {start}–{end}"),
    "agreement.title": Text("Intercoder-Übereinstimmung", "Intercoder agreement"),
    "agreement.table": Text("Übereinstimmung nach {method}", "Agreement by {method}"),
    "agreement.documents_table": Text("Übereinstimmung je Dokument", "Agreement per document"),
    "agreement.compared": Text("Verglichene Dokumente: {names}", "Compared documents: {names}"),
    "agreement.excluded": Text(
        "Nicht verglichen (nicht von allen kodiert): {names}",
        "Not compared (not coded by every coder): {names}",
    ),
    "agreement.not_coded_by": Text("nicht kodiert von {names}", "not coded by {names}"),
    "agreement.paragraph": Text("Methodenabsatz", "Methods paragraph"),
    "method.unit": Text("Einheiten", "units"),
    "method.segment": Text("Segmenten", "segments"),
    "method.character": Text("Zeichen", "characters"),
    "method.unitized": Text("Krippendorffs uα", "Krippendorff's uα"),
    "method.document": Text("Dokumenten", "documents"),
    "setting.method": Text("Methode", "Method"),
    "setting.unit": Text("Einheit", "Unit"),
    "setting.threshold": Text("Schwelle", "Threshold"),
    "setting.coders": Text("Codierer:innen", "Coders"),
    "setting.draws": Text("Bootstrap-Ziehungen", "Bootstrap draws"),
    "setting.seed": Text("Startwert", "Seed"),
    "setting.confidence": Text("Konfidenzniveau", "Confidence level"),
    "setting.code": Text("Code", "Code"),
    "setting.document": Text("Dokument", "Document"),
    "setting.documents": Text("Dokumente", "Documents"),
    "setting.codes": Text("Codes", "Codes"),
    "setting.units": Text("Einheiten", "Units"),
    "setting.segments": Text("Segmente", "Segments"),
    "setting.characters": Text("Zeichen", "Characters"),
    "setting.excluded_documents": Text("Nicht verglichene Dokumente", "Documents not compared"),
    "guide.title": Text("Kodierleitfaden", "Coding guide"),
    "guide.no_field": Text("Ohne Handlungsfeld", "No field of action"),
    "guide.table": Text("Kategorien im Handlungsfeld {field}", "Categories in the field {field}"),
}

MONTHS_DE = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def language(value: str | None) -> Language:
    """``value`` checked as a language of the catalog (``None``: German)."""
    if value is None:
        return "de"
    if value not in LANGUAGES:
        raise InvalidValue(f"language {value!r} is not supported; use de or en")
    return value


def text(key: str, lang: Language = "de", **values: object) -> str:
    """The catalog's wording of ``key`` in ``lang`` with ``values`` filled in."""
    try:
        entry = CATALOG[key]
    except KeyError:
        raise KeyError(f"no text {key!r} in toolkit.i18n.CATALOG; add it there") from None
    wording = entry.get(lang)
    return wording.format(**values) if values else wording


def label(prefix: str, key: str, lang: Language = "de") -> str:
    """The wording of ``prefix.key`` when the catalog has it, else ``key`` itself (a name from the
    data, such as a document attribute, a document or a coder)."""
    entry = CATALOG.get(f"{prefix}.{key}")
    return entry.get(lang) if entry is not None else key


def number(value: float | int | None, lang: Language = "de", *, decimals: int = 2) -> str:
    """``3.1104`` -> ``3,11`` (German) or ``3.11``; thousands grouped (``12.345`` / ``12,345``);
    a missing value (None, NaN) -> ``n. b.`` / ``n/a``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return text("value.missing", lang)
    if isinstance(value, float) and math.isinf(value):
        return "∞" if value > 0 else "−∞"
    out = f"{int(value):,d}" if isinstance(value, bool | int) else f"{float(value):,.{decimals}f}"
    if out.startswith("-") and not out.strip("-0.,"):
        out = out[1:]  # -0.000: no sign on a value that rounds to zero
    out = out.replace("-", "−")
    if lang == "de":
        out = out.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return out


def percent(value: float | None, lang: Language = "de", *, decimals: int = 2) -> str:
    """A value already in per cent: ``3.11`` -> ``3,11 %`` (German, with a space) or ``3.11%``."""
    shown = number(value, lang, decimals=decimals)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return shown
    return f"{shown}\u00a0%" if lang == "de" else f"{shown}%"


def long_date(value: date | datetime, lang: Language = "de") -> str:
    """``2026-12-01`` -> ``1. Dezember 2026`` or ``1 December 2026``."""
    if lang == "de":
        return f"{value.day}. {MONTHS_DE[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
