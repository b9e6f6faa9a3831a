"""Words of the page Pseudonyme (proposals, the table of originals and placeholders, applying it)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.pseudonyms.title": Text("Pseudonyme", "Pseudonyms"),
    "ui.pseudonyms.kind.person": Text("Person", "Person"),
    "ui.pseudonyms.kind.place": Text("Ort", "Place"),
    "ui.pseudonyms.kind.organisation": Text("Organisation", "Organisation"),
    "ui.pseudonyms.kind.other": Text("Sonstiges", "Other"),
    "ui.pseudonyms.rule.title": Text("Anrede/Titel", "Form of address/title"),
    "ui.pseudonyms.rule.speaker": Text("Sprecher:in", "Speaker"),
    "ui.pseudonyms.rule.place": Text("Ortsangabe", "Place name"),
    "ui.pseudonyms.rule.organisation": Text("Organisation", "Organisation"),
    "ui.pseudonyms.rule.name": Text("Namensfolge", "Sequence of names"),
    "ui.pseudonyms.rule.capitalised": Text("Großschreibung", "Capitalisation"),
    "ui.pseudonyms.lead_only": Text(
        "Die Pseudonymtabelle nennt die Befragten: nur die Projektleitung sieht und ändert sie.",
        "The pseudonym table names the interviewees: only the project lead sees and changes it.",
    ),
    "ui.pseudonyms.proposals": Text("Vorschläge", "Proposals"),
    "ui.pseudonyms.search_in": Text("Dokumente durchsuchen", "Documents to search"),
    "ui.pseudonyms.pick_documents": Text("Dokumente wählen …", "Choose documents …"),
    "ui.pseudonyms.propose": Text("Vorschläge suchen", "Find proposals"),
    "ui.pseudonyms.searching": Text(
        "Suche Namen, Orte und Organisationen …", "Looking for names, places and organisations …"
    ),
    "ui.pseudonyms.col.take": Text("übernehmen", "take"),
    "ui.pseudonyms.col.original": Text("Original", "Original"),
    "ui.pseudonyms.col.kind": Text("Art", "Kind"),
    "ui.pseudonyms.col.placeholder": Text("Platzhalter", "Placeholder"),
    "ui.pseudonyms.col.count": Text("Anzahl", "Count"),
    "ui.pseudonyms.col.documents": Text("Gefunden in", "Found in"),
    "ui.pseudonyms.source.code_memo": Text("Code-Memo: {where}", "Code memo: {where}"),
    "ui.pseudonyms.source.paraphrase_group": Text("Paraphrasen-Gruppe: {where}", "Paraphrase group: {where}"),
    "ui.pseudonyms.col.rule": Text("gefunden über", "found by"),
    "ui.pseudonyms.accept": Text("{n} in die Tabelle übernehmen", "Take {n} into the table"),
    "ui.pseudonyms.accepted": Text("{n} Einträge übernommen.", "{n} entries taken."),
    "ui.pseudonyms.no_proposals": Text("Keine neuen Vorschläge.", "No new proposals."),
    "ui.pseudonyms.table": Text("Tabelle", "Table"),
    "ui.pseudonyms.table_empty": Text(
        "Die Tabelle ist leer: Vorschläge übernehmen oder unten einen Eintrag anlegen.",
        "The table is empty: take proposals or add an entry below.",
    ),
    "ui.pseudonyms.save": Text("{n} Änderungen speichern", "Save {n} changes"),
    "ui.pseudonyms.saved": Text("Gespeichert.", "Saved."),
    "ui.pseudonyms.remove": Text("Eintrag entfernen", "Remove an entry"),
    "ui.pseudonyms.pick_entry": Text("Eintrag wählen …", "Choose an entry …"),
    "ui.pseudonyms.remove_go": Text("Entfernen", "Remove"),
    "ui.pseudonyms.removed": Text("{original} entfernt.", "{original} removed."),
    "ui.pseudonyms.by_hand": Text("Eintrag von Hand anlegen", "Add an entry by hand"),
    "ui.pseudonyms.placeholder_auto": Text(
        "Platzhalter (leer: automatisch)", "Placeholder (empty: automatic)"
    ),
    "ui.pseudonyms.add": Text("Anlegen", "Add"),
    "ui.pseudonyms.apply_title": Text("Auf Dokumente anwenden", "Apply to documents"),
    "ui.pseudonyms.documents": Text("Dokumente", "Documents"),
    "ui.pseudonyms.col.document": Text("Dokument", "Document"),
    "ui.pseudonyms.col.replacements": Text("Ersetzungen", "Replacements"),
    "ui.pseudonyms.col.of_which": Text("davon", "of which"),
    "ui.pseudonyms.col.moved": Text("Codierungen verschoben", "Codings moved"),
    "ui.pseudonyms.col.clipped": Text("davon auf Platzhalter gekürzt", "of which cut to the placeholder"),
    "ui.pseudonyms.sure": Text(
        "Ich habe eine Sicherung (coding-toolkit backup); die Originale verschwinden aus den Texten.",
        "I have a backup (coding-toolkit backup); the originals disappear from the texts.",
    ),
    "ui.pseudonyms.apply": Text("{n} Ersetzungen anwenden", "Apply {n} replacements"),
    "ui.pseudonyms.applied": Text(
        "{n} Ersetzungen in {documents} Dokumenten.", "{n} replacements in {documents} documents."
    ),
    "ui.pseudonyms.nothing": Text(
        "Die Tabelle ist leer: nichts zu ersetzen.", "The table is empty: nothing to replace."
    ),
}
