"""Words of the page Auswertung (frequencies, matrix, co-occurrence, segments, report and codebook
downloads). Column headings of the tables come from the export catalog (``col.*``), so a table
reads the same on the page and in its download."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.analysis.title": Text("Auswertung", "Analysis"),
    "ui.analysis.blind": Text(
        "Blindkodierung ist aktiv: Auswertungen zeigen die Codierungen aller und bleiben bis zum Ende "
        "der blinden Phase gesperrt (auf der Seite Konsens ausschalten).",
        "Blind coding is on: analyses show everyone's codings and stay locked until the blind phase "
        "ends (switch it off on the page Consensus).",
    ),
    "ui.analysis.empty": Text(
        "Noch keine Codierungen. Kodieren auf der Seite **Kodieren** oder mit `coding-toolkit code …`.",
        "No codings yet. Code on the page **Code** or with `coding-toolkit code …`.",
    ),
    "ui.analysis.loading": Text("Codierungen werden gelesen …", "Reading the codings …"),
    "ui.analysis.coders": Text("Wessen Codierungen?", "Whose codings?"),
    "ui.analysis.coders_placeholder": Text("Codierer:in wählen", "Choose coders"),
    "ui.analysis.coders_help": Text(
        "Vorgabe ist der Konsens, sobald es ihn gibt. Mehrere Personen: gepoolte Ansicht, in der ein "
        "gleich codiertes Segment einmal erscheint.",
        "The consensus is the default once it exists. Several people: a pooled view, in which a "
        "segment coded alike appears once.",
    ),
    "ui.analysis.coders_needed": Text(
        "Mehrere Personen haben codiert und es gibt noch keinen Konsens: bitte wählen, wessen "
        "Codierungen ausgewertet werden (mehrere = gepoolte Ansicht).",
        "Several people have coded and there is no consensus yet: please choose whose codings to "
        "analyse (several = pooled view).",
    ),
    "ui.analysis.filter": Text("Filter", "Filters"),
    "ui.analysis.all": Text("alle", "all"),
    "ui.analysis.documents": Text("Dokumente", "Documents"),
    "ui.analysis.sets": Text("Dokumentgruppen", "Document sets"),
    "ui.analysis.sets_empty": Text(
        "Keines der gewählten Dokumente liegt in den gewählten Dokumentgruppen.",
        "None of the chosen documents is in the chosen document sets.",
    ),
    "ui.analysis.roles": Text("Sprecher:innen-Rolle", "Speaker role"),
    "ui.analysis.no_role": Text("ohne Rolle", "no role"),
    "ui.analysis.min_weight": Text("Mindestgewicht der Codierungen", "Lowest weight of codings"),
    "ui.analysis.min_weight_help": Text(
        "Nur Codierungen mit mindestens diesem Gewicht (0–100) zählen; 0 = alle, auch ungewichtete.",
        "Only codings with at least this weight (0–100) count; 0 = all, unweighted ones too.",
    ),
    "ui.analysis.no_filter": Text("keine", "none"),
    # "{view} · 3 Codierungen in 2 Dokumenten · Filter: …"
    "ui.analysis.summary": Text(
        "{view} · {codings} in {documents} · Filter: {filters}",
        "{view} · {codings} in {documents} · filters: {filters}",
    ),
    "ui.analysis.n_codings.one": Text("{n} Codierung", "{n} coding"),
    "ui.analysis.n_codings.other": Text("{n} Codierungen", "{n} codings"),
    "ui.analysis.in_documents.one": Text("{n} Dokument", "{n} document"),
    "ui.analysis.in_documents.other": Text("{n} Dokumenten", "{n} documents"),
    # tabs
    "ui.analysis.tab.frequencies": Text("Häufigkeiten", "Frequencies"),
    "ui.analysis.tab.matrix": Text("Matrix", "Matrix"),
    "ui.analysis.tab.cooccurrence": Text("Kookkurrenz", "Co-occurrence"),
    "ui.analysis.tab.segments": Text("Segmente", "Segments"),
    "ui.analysis.tab.files": Text("Bericht & Codebuch", "Report & codebook"),
    # grouping and matrix choices
    "ui.analysis.by": Text("Gruppieren nach", "Group by"),
    "ui.analysis.by.code": Text("Code", "Code"),
    "ui.analysis.by.field": Text("Handlungsfeld × Valenz", "Field of action × valence"),
    "ui.analysis.by.document": Text("Dokument", "Document"),
    "ui.analysis.by.speaker": Text("Sprecher:in", "Speaker"),
    "ui.analysis.by.role": Text("Sprecher:innen-Rolle", "Speaker role"),
    "ui.analysis.by.coder": Text("Codierer:in", "Coder"),
    "ui.analysis.by.field_only": Text("Handlungsfeld", "Field of action"),
    "ui.analysis.rows": Text("Zeilen", "Rows"),
    "ui.analysis.columns": Text("Spalten", "Columns"),
    "ui.analysis.values": Text("Werte", "Values"),
    "ui.analysis.value.count": Text("Anzahl", "Count"),
    "ui.analysis.value.presence": Text("vorhanden (0/1)", "present (0/1)"),
    "ui.analysis.value.row-percent": Text("Zeilenprozent", "Row per cent"),
    "ui.analysis.value.column-percent": Text("Spaltenprozent", "Column per cent"),
    "ui.analysis.value.value": Text("Wert", "Value"),
    "ui.analysis.frequencies_of": Text("Häufigkeiten {by}", "Frequencies {by}"),
    "ui.analysis.matrix_of": Text("Matrix {columns}", "Matrix {columns}"),
    "ui.analysis.cell_hint": Text(
        "Eine Zelle anklicken, um ihre Segmente zu sehen.", "Click a cell to see its segments."
    ),
    "ui.analysis.cell_none": Text("In dieser Zelle gibt es keine Segmente.", "This cell has no segments."),
    # co-occurrence
    "ui.analysis.method": Text("Gemeinsames Vorkommen", "Occurring together"),
    "ui.analysis.method.overlap": Text("überlappende Codierungen", "overlapping codings"),
    "ui.analysis.method.turn": Text("im selben Sprecherbeitrag", "in the same turn"),
    "ui.analysis.method.sentence": Text("im selben Satz", "in the same sentence"),
    "ui.analysis.cooccurrence_of": Text("Kookkurrenz {method}", "Co-occurrence {method}"),
    # segments
    "ui.analysis.code": Text("Code", "Code"),
    "ui.analysis.whole_turn": Text("ganzer Sprecherbeitrag als Kontext", "whole turn as context"),
    "ui.analysis.context_chars": Text("Zeichen Kontext", "Characters of context"),
    "ui.analysis.segments": Text("Segmente", "Segments"),
    # downloads
    "ui.analysis.download": Text("{format} herunterladen", "Download {format}"),
    "ui.analysis.file.frequencies": Text("haeufigkeiten", "frequencies"),
    "ui.analysis.file.matrix": Text("matrix", "matrix"),
    "ui.analysis.file.cooccurrence": Text("kookkurrenz", "cooccurrence"),
    "ui.analysis.file.segments": Text("segmente", "segments"),
    "ui.analysis.file.report": Text("auswertung.docx", "analysis.docx"),
    "ui.analysis.file.guide": Text("kodierleitfaden.docx", "coding-guide.docx"),
    "ui.analysis.file.codebook": Text("codebuch.csv", "codebook.csv"),
    # report and codebook
    "ui.analysis.report_intro": Text(
        "Ergebnisbericht mit Häufigkeiten je Handlungsfeld und Zitaten je Code (gefiltert wie oben).",
        "Results report with frequencies per field of action and quotes per code (filtered as above).",
    ),
    "ui.analysis.report_build": Text("Bericht erstellen", "Build the report"),
    "ui.analysis.report_download": Text("Bericht (DOCX) herunterladen", "Download the report (DOCX)"),
    "ui.analysis.guide": Text("Kodierleitfaden (DOCX)", "Coding guide (DOCX)"),
    "ui.analysis.codebook_csv": Text("Codebuch (CSV)", "Codebook (CSV)"),
    "col.weight": Text("Gewicht", "Weight"),  # a segment's coding weight (issue 20)
    "filter.min_weight": Text("Mindestgewicht", "Lowest weight"),
}
