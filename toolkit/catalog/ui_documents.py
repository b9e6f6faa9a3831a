"""Words of the page Dokumente (import transcripts, document attributes and speaker roles)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.documents.title": Text("Dokumente", "Documents"),
    "ui.documents.import_title": Text("Transkripte importieren", "Import transcripts"),
    "ui.documents.formats": Text(
        "Word (.docx), LibreOffice (.odt), RTF (.rtf, f4/f5), PDF mit Text (.pdf), Text (.txt), "
        "Markdown (.md), Untertitel (.srt, .vtt) · Sprecher:innen und Zeitmarken werden erkannt · "
        "dieselbe Datei wird nicht doppelt importiert",
        "Word (.docx), LibreOffice (.odt), RTF (.rtf, f4/f5), PDF with text (.pdf), text (.txt), "
        "Markdown (.md), subtitles (.srt, .vtt) · speakers and time stamps are recognised · "
        "the same file is not imported twice",
    ),
    "ui.documents.files": Text("Dateien", "Files"),
    "ui.documents.language": Text("Sprache", "Language"),
    "ui.documents.language.auto": Text("automatisch", "automatic"),
    "ui.documents.language.de": Text("de", "de"),
    "ui.documents.language.en": Text("en", "en"),
    "ui.documents.import": Text("Importieren", "Import"),
    "ui.documents.imported": Text(
        "{name}: {words} Wörter, {turns} Beiträge", "{name}: {words} words, {turns} turns"
    ),
    "ui.documents.skipped_line": Text("Zeile {line}: {text}", "Line {line}: {text}"),
    "ui.documents.skipped": Text(
        "{name}: {n} Zeilen sehen wie Sprecherangaben aus, wurden aber nicht übernommen:\n{lines}",
        "{name}: {n} lines look like speaker labels but were not taken:\n{lines}",
    ),
    "ui.documents.duplicate": Text("{name}: schon vorhanden als {other}", "{name}: already there as {other}"),
    "ui.documents.none": Text("Noch keine Dokumente.", "No documents yet."),
    "ui.documents.attributes": Text("Merkmale", "Attributes"),
    "ui.documents.document": Text("Dokument", "Document"),
    "ui.documents.please_choose": Text("bitte wählen", "please choose"),
    "ui.documents.pick_documents": Text("Dokumente wählen …", "Choose documents …"),
    "ui.documents.save": Text("Merkmale speichern", "Save attributes"),
    "ui.documents.saved": Text("Gespeichert", "Saved"),
}
