"""Words of qualitative content analysis (issue 20): the summary grid and memo pages (``ui.summaries.``,
``ui.memos.``) and the QCA exports (``qca.``)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # exports
    "qca.summary_table.title": Text("Fallbezogene thematische Zusammenfassungen", "Case summaries by theme"),
    "qca.summary_table.sheet": Text("Zusammenfassungen", "Summaries"),
    "qca.summary_table.note": Text(
        "Eine Zeile je Dokument, eine Spalte je Code; Zellen: die Zusammenfassung{coder}.",
        "One row per document, one column per code; cells: the summary{coder}.",
    ),
    "qca.summary_table.of_coder": Text(" von {coder}", " by {coder}"),
    "qca.summary_table.all_coders": Text(
        " (mehrere Codierer:innen: jede mit Namen)", " (several coders: each with their name)"
    ),
    "qca.col.document": Text("Dokument", "Document"),
    "qca.compare.heading": Text("Fälle und Gruppen vergleichen: {code}", "Compare cases and groups: {code}"),
    "qca.compare.counts_title": Text(
        "Segmente von {code} nach {variable}", "Segments of {code} by {variable}"
    ),
    "qca.compare.side_title": Text("Segmente von {code} je Gruppe", "Segments of {code} per group"),
    "qca.compare.group": Text("Gruppe", "Group"),
    "qca.compare.documents": Text("Dokumente", "Documents"),
    "qca.compare.documents_coded": Text("Dokumente mit Code", "Documents with the code"),
    "qca.compare.segments": Text("Segmente", "Segments"),
    "qca.compare.no_value": Text("(ohne Wert)", "(no value)"),
    "qca.compare.no_set": Text("(in keiner Dokumentgruppe)", "(in no document set)"),
    "qca.compare.sets": Text("Dokumentgruppen", "document sets"),
    "qca.memos.title": Text("Memos", "Memos"),
    "qca.memos.none": Text("Keine Memos.", "No memos."),
    "qca.memos.meta": Text("{author}, {at}", "{author}, {at}"),
    "qca.memo_kind.document": Text("Dokument-Memo", "Document memo"),
    "qca.memo_kind.code": Text("Code-Memo", "Code memo"),
    "qca.memo_kind.coding": Text("Codier-Memo", "Coding memo"),
    "qca.memo_kind.summary": Text("Zusammenfassung", "Summary"),
    # summary grid page
    "ui.summaries.title": Text("Zusammenfassungen", "Summaries"),
    "ui.summaries.intro": Text(
        "Fallbezogene thematische Zusammenfassungen (Kuckartz): links die codierten Segmente eines "
        "Dokuments, rechts Ihre Zusammenfassung.",
        "Case summaries by theme (Kuckartz): the coded segments of a document on the left, your "
        "summary on the right.",
    ),
    "ui.summaries.code": Text("Code", "Code"),
    "ui.summaries.coder": Text("Zusammenfassungen von", "Summaries of"),
    "ui.summaries.document": Text("Dokument", "Document"),
    "ui.summaries.all_documents": Text(
        "Auch Dokumente ohne Segmente dieses Codes", "Also documents without segments of this code"
    ),
    "ui.summaries.no_codes": Text(
        "Das Codebuch ist leer; legen Sie zuerst Codes an.", "The codebook is empty; add codes first."
    ),
    "ui.summaries.no_documents": Text(
        "Kein Dokument hat Segmente dieses Codes.", "No document has segments of this code."
    ),
    "ui.summaries.no_coder": Text(
        "Wählen Sie links, wer kodiert, um Zusammenfassungen zu schreiben.",
        "Choose who is coding on the left to write summaries.",
    ),
    "ui.summaries.previous": Text("Vorheriges", "Previous"),
    "ui.summaries.next": Text("Nächstes", "Next"),
    "ui.summaries.position": Text("Dokument {n} von {total} · {state}", "Document {n} of {total} · {state}"),
    "ui.summaries.state_open": Text("noch nicht zusammengefasst", "not summarised yet"),
    "ui.summaries.state_done": Text("zusammengefasst", "summarised"),
    "ui.summaries.state_changed": Text(
        "⚠ Segmente geändert seit der Zusammenfassung", "⚠ segments changed since the summary"
    ),
    "ui.summaries.segments": Text("Codierte Segmente ({n})", "Coded segments ({n})"),
    "ui.summaries.segment": Text("{code} · {coder} · {start}–{end}", "{code} · {coder} · {start}–{end}"),
    "ui.summaries.no_segments": Text("Keine Segmente dieses Codes.", "No segments of this code."),
    "ui.summaries.summary": Text("Zusammenfassung", "Summary"),
    "ui.summaries.save": Text("Speichern", "Save"),
    "ui.summaries.saved": Text("Zusammenfassung gespeichert.", "Summary saved."),
    "ui.summaries.deleted": Text("Zusammenfassung gelöscht.", "Summary deleted."),
    "ui.summaries.undo": Text("Rückgängig", "Undo"),
    "ui.summaries.undone": Text("Letzte Änderung zurückgenommen.", "Last change undone."),
    "ui.summaries.nothing_to_undo": Text("Nichts zurückzunehmen.", "Nothing to undo."),
    "ui.summaries.changed": Text(
        "Die Segmente haben sich geändert, seit diese Zusammenfassung geschrieben wurde.",
        "The segments have changed since this summary was written.",
    ),
    "ui.summaries.written": Text("Zuletzt gespeichert: {at} (UTC)", "Last saved: {at} (UTC)"),
    "ui.summaries.overview": Text(
        "Übersicht: {done} von {total} Dokumenten zusammengefasst",
        "Overview: {done} of {total} documents summarised",
    ),
    "ui.summaries.export": Text("Tabelle exportieren", "Export table"),
    "ui.summaries.export_codes": Text("Codes (Spalten)", "Codes (columns)"),
    "ui.summaries.export_variables": Text(
        "Variablen (Spalten vor den Codes)", "Variables (columns before the codes)"
    ),
    "ui.summaries.export_format": Text("Format", "Format"),
    "ui.summaries.export_button": Text("Tabelle herunterladen", "Download table"),
    "ui.summaries.export_empty": Text("Wählen Sie mindestens einen Code.", "Choose at least one code."),
    # memo overview page and the code memo panel (Codebuch, Kodieren)
    "ui.memos.title": Text("Memos", "Memos"),
    "ui.memos.intro": Text(
        "Alle Memos des Projekts: zu Dokumenten, Codes und Codierungen, dazu die Zusammenfassungen.",
        "Every memo of the project: on documents, codes and codings, and the summaries.",
    ),
    "ui.memos.edit_code_memo": Text("Code-Memo schreiben", "Write a code memo"),
    "ui.memos.code_memo_button": Text("Code-Memo", "Code memo"),
    "ui.memos.code": Text("Code", "Code"),
    "ui.memos.code_memo": Text("Ihr Memo zu {code}", "Your memo on {code}"),
    "ui.memos.placeholder": Text(
        "Was der Code in diesem Projekt bedeutet, Entscheidungen, offene Fragen …",
        "What the code means in this project, decisions, open questions …",
    ),
    "ui.memos.save": Text("Memo speichern", "Save memo"),
    "ui.memos.saved": Text("Memo gespeichert.", "Memo saved."),
    "ui.memos.deleted": Text("Memo gelöscht.", "Memo deleted."),
    "ui.memos.undo": Text("Memo-Änderung zurücknehmen", "Undo memo change"),
    "ui.memos.undone": Text("Letzte Memo-Änderung zurückgenommen.", "Last memo change undone."),
    "ui.memos.nothing_to_undo": Text("Nichts zurückzunehmen.", "Nothing to undo."),
    "ui.memos.no_coder": Text(
        "Wählen Sie links, wer kodiert, um Code-Memos zu schreiben.",
        "Choose who is coding on the left to write code memos.",
    ),
    "ui.memos.search": Text("Suchen", "Search"),
    "ui.memos.search_hint": Text("Text, Dokument oder Code", "Text, document or code"),
    "ui.memos.kinds": Text("Art", "Type"),
    "ui.memos.author": Text("Von", "By"),
    "ui.memos.everyone": Text("allen", "everyone"),
    "ui.memos.count": Text("{n} von {total} Memos", "{n} of {total} memos"),
    "ui.memos.export": Text("Als Word-Datei herunterladen", "Download as Word file"),
    "ui.memos.none": Text("Keine Memos für diese Auswahl.", "No memos for this choice."),
    "ui.memos.more": Text("… und {n} weitere (im Export enthalten).", "… and {n} more (in the export)."),
    # compare cases and groups (a section of Zusammenfassungen)
    "ui.compare.title": Text("Fälle und Gruppen vergleichen", "Compare cases and groups"),
    "ui.compare.by": Text("Gruppen nach Variable oder Dokumentgruppe", "Groups by variable or document set"),
    "ui.compare.by_sets": Text("Dokumentgruppen", "Document sets"),
    "ui.compare.no_variables": Text(
        "Die Dokumente haben noch keine Variablen und es gibt keine Dokumentgruppen (Seite Dokumente).",
        "The documents have no variables and there are no document sets yet (page Documents).",
    ),
    "ui.compare.group_counts": Text(
        "Segmente: {segments} · Dokumente: {documents}", "Segments: {segments} · documents: {documents}"
    ),
    "ui.compare.more_groups": Text(
        "{n} weitere Gruppen nur in der Tabelle und im Export.",
        "{n} more groups only in the table and the export.",
    ),
    "ui.compare.show": Text("Vergleich zeigen", "Show the comparison"),
    "ui.compare.make": Text("Word-Datei erstellen", "Make a Word file"),
    "ui.compare.download": Text("Vergleich als Word-Datei herunterladen", "Download the comparison (Word)"),
}
