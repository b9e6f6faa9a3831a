"""Words of the page Projekt (overview of documents, codebook and recent changes)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.overview.title": Text("Projekt", "Project"),
    "ui.overview.caption": Text("Datenbank: `{path}` · {codebook}", "Database: `{path}` · {codebook}"),
    "ui.overview.no_codebook": Text("ohne Codebuch", "no codebook"),
    "ui.overview.documents": Text("Dokumente", "Documents"),
    "ui.overview.words": Text("Wörter", "Words"),
    "ui.overview.codes": Text("Codes", "Codes"),
    "ui.overview.codings": Text("Codierungen", "Codings"),
    "ui.overview.no_documents": Text(
        "Noch keine Dokumente. Auf der Seite **Dokumente** importieren oder mit "
        "`coding-toolkit import DATEI …`.",
        "No documents yet. Import them on the page **Documents** or with `coding-toolkit import FILE …`.",
    ),
    "ui.overview.codebook": Text("Codebuch", "Codebook"),
    "ui.overview.no_field": Text("ohne Handlungsfeld", "no field of action"),
    "ui.overview.valence.challenge": Text("Herausforderung", "Challenge"),
    "ui.overview.valence.driver": Text("Treiber", "Driver"),
    "ui.overview.col.colour": Text("Farbe", "Colour"),
    "ui.overview.col.code": Text("Code", "Code"),
    "ui.overview.col.valence": Text("Valenz", "Valence"),
    "ui.overview.col.codings": Text("Codierungen", "Codings"),
    "ui.overview.col.definition": Text("Definition", "Definition"),
    "ui.overview.empty_codebook": Text(
        "Das Codebuch ist leer. Auf der Seite **Codebuch** Codes anlegen, auf der Seite **Austausch** "
        "ein Codebuch importieren oder mit `coding-toolkit codebook load DATEI.yaml` laden.",
        "The codebook is empty. Create codes on the page **Codebook**, import a codebook on the page "
        "**Exchange** or load one with `coding-toolkit codebook load FILE.yaml`.",
    ),
    "ui.overview.changes": Text("Letzte Änderungen an Codierungen", "Recent changes to codings"),
    "ui.overview.action.add": Text("hinzugefügt", "added"),
    "ui.overview.action.update": Text("geändert", "changed"),
    "ui.overview.action.delete": Text("gelöscht", "deleted"),
    "ui.overview.action.undo": Text("rückgängig gemacht", "undone"),
    "ui.overview.action.redo": Text("wiederholt", "redone"),
    "ui.overview.col.time": Text("Zeit", "Time"),
    "ui.overview.col.who": Text("Wer", "Who"),
    "ui.overview.col.change": Text("Änderung", "Change"),
    "ui.overview.col.coder": Text("Kodierer:in", "Coder"),
    "ui.overview.col.document": Text("Dokument", "Document"),
    "ui.overview.col.link": Text("Stelle", "Span"),
    "ui.overview.link_caption": Text(
        "Bei gelöschten Codierungen zeigt der Link die frühere Stelle.",
        "For deleted codings the link shows where they were.",
    ),
    "ui.overview.no_changes": Text("Noch keine Änderungen an Codierungen.", "No changes to codings yet."),
}
