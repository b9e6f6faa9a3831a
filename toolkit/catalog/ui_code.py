"""Words of the page Kodieren (the transcript, its toolbar, coding edits and suggestions)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.code.source.rule": Text("Regel", "rule"),
    "ui.code.source.model": Text("Modell", "model"),
    "ui.code.source.rule+model": Text("Regel + Modell", "rule + model"),
    "ui.code.units.sentence": Text("Sätze", "Sentences"),
    "ui.code.units.turn": Text("Beiträge", "Turns"),
    "ui.code.units.both": Text("beide", "both"),
    "ui.code.pick_coder": Text(
        "Bitte links auswählen oder anlegen, wer kodiert.",
        "Please choose or create on the left who is coding.",
    ),
    "ui.code.no_documents": Text(
        "Noch keine Dokumente. Auf der Seite **Dokumente** Transkripte importieren.",
        "No documents yet. Import transcripts on the page **Documents**.",
    ),
    "ui.code.link_coder": Text(
        "Der Link nennt die Kodierer:in „{linked}“, die es in diesem Projekt nicht gibt oder die hier nicht "
        "gewählt werden kann; es kodiert weiter „{coder}“.",
        "The link names the coder “{linked}”, who does not exist in this project or cannot be chosen "
        "here; “{coder}” goes on coding.",
    ),
    "ui.code.document": Text("Dokument", "Document"),
    "ui.code.filter": Text("Filter", "Filter"),
    "ui.code.speakers": Text("Sprecher:innen", "Speakers"),
    "ui.code.all": Text("alle", "all"),
    "ui.code.codes": Text("Codes", "Codes"),
    "ui.code.all_codes": Text("alle Codes", "all codes"),
    "ui.code.coders": Text("Kodierende", "Coders"),
    "ui.code.show_others": Text("Codierungen anderer zeigen", "Show other people's codings"),
    "ui.code.blind": Text(
        "Blindkodierung ist an: nur eigene Codierungen und die des Konsenses sind sichtbar.",
        "Blind coding is on: only your own codings and those of the consensus are visible.",
    ),
    "ui.code.suggestions": Text("Vorschläge", "Suggestions"),
    "ui.code.suggestions_help": Text(
        "Codes, die Schlüsselwörter und Modell vorschlagen", "Codes that keywords and the model suggest"
    ),
    "ui.code.suggestions_for": Text("Vorschläge für", "Suggestions for"),
    "ui.code.computing": Text("Vorschläge werden berechnet …", "Computing suggestions …"),
    "ui.code.assigned": Text("„{name}“ zugewiesen", "“{name}” assigned"),
    "ui.code.invivo": Text("Code „{name}“ angelegt und zugewiesen", "Code “{name}” created and assigned"),
    "ui.code.created": Text("Code „{name}“ angelegt", "Code “{name}” created"),
    "ui.code.extent": Text(
        "„{name}“: neue Ausdehnung übernommen ({n} Zeichen)", "“{name}”: new extent taken ({n} characters)"
    ),
    # what undo / redo will do (the buttons' tooltips) and did (the message after it)
    "ui.code.undo_autocode": Text(
        "Autokodierung rückgängig: {n} Kodierungen entfernen", "Undo the autocoding: remove {n} codings"
    ),
    "ui.code.undo_add": Text("Rückgängig: Codierung „{code}“ entfernen", "Undo: remove the coding “{code}”"),
    "ui.code.undo_delete": Text(
        "Rückgängig: gelöschte Codierung „{code}“ wiederherstellen",
        "Undo: restore the deleted coding “{code}”",
    ),
    "ui.code.undo_update": Text(
        "Rückgängig: Änderung an „{code}“ ({fields}) zurücknehmen",
        "Undo: take back the change to “{code}” ({fields})",
    ),
    "ui.code.redo_autocode": Text(
        "Autokodierung wiederholen: {n} Kodierungen wieder setzen",
        "Redo the autocoding: set {n} codings again",
    ),
    "ui.code.redo_add": Text(
        "Wiederholen: Codierung „{code}“ wieder setzen", "Redo: set the coding “{code}” again"
    ),
    "ui.code.redo_delete": Text(
        "Wiederholen: Codierung „{code}“ wieder löschen", "Redo: delete the coding “{code}” again"
    ),
    "ui.code.redo_update": Text(
        "Wiederholen: Änderung an „{code}“ ({fields}) erneut vornehmen",
        "Redo: make the change to “{code}” ({fields}) again",
    ),
    "ui.code.undone_add": Text(
        "Rückgängig gemacht: Codierung „{code}“ entfernt.", "Undone: coding “{code}” removed."
    ),
    "ui.code.undone_delete": Text(
        "Rückgängig gemacht: Codierung „{code}“ wiederhergestellt.", "Undone: coding “{code}” restored."
    ),
    "ui.code.undone_update": Text(
        "Rückgängig gemacht: Änderung an „{code}“ ({fields}) zurückgenommen.",
        "Undone: change to “{code}” ({fields}) taken back.",
    ),
    "ui.code.redone_add": Text(
        "Wiederholt: Codierung „{code}“ wieder gesetzt.", "Redone: coding “{code}” set again."
    ),
    "ui.code.redone_delete": Text(
        "Wiederholt: Codierung „{code}“ wieder gelöscht.", "Redone: coding “{code}” deleted again."
    ),
    "ui.code.redone_update": Text(
        "Wiederholt: Änderung an „{code}“ ({fields}) erneut vorgenommen.",
        "Redone: change to “{code}” ({fields}) made again.",
    ),
    "ui.code.field_extent": Text("Ausdehnung", "extent"),
    "ui.code.field_code": Text("Code", "code"),
    "ui.code.field_memo": Text("Memo", "memo"),
    "ui.code.field_weight": Text("Gewicht", "weight"),
    "ui.code.nothing_more": Text("Nichts mehr zu tun.", "Nothing more to do."),
    "ui.code.stats": Text(
        "{words} Wörter · {turns} Beiträge · {codings} Codierungen sichtbar",
        "{words} words · {turns} turns · {codings} codings visible",
    ),
    "ui.code.undo": Text("↶ Rückgängig", "↶ Undo"),
    "ui.code.redo": Text("↷ Wiederholen", "↷ Redo"),
    "ui.code.undo_keys": Text(" · Strg+Z", " · Ctrl+Z"),
    "ui.code.redo_keys": Text(" · Strg+Umschalt+Z", " · Ctrl+Shift+Z"),
    "ui.code.document_memo": Text("Memo zum Dokument", "Memo on the document"),
    "ui.code.memo": Text("Memo", "Memo"),
    "ui.code.memo_save": Text("Memo speichern", "Save memo"),
    "ui.code.memo_saved": Text("Memo gespeichert", "Memo saved"),
    "ui.code.consensus_lead_only": Text(
        "Als Konsens kodiert nur die Projektleitung; bitte unter dem eigenen Namen kodieren.",
        "Only the project lead codes as the consensus; please code under your own name.",
    ),
    "ui.code.codes_lead_only": Text(
        "Neue Codes legt nur die Projektleitung an; bitte die Leitung fragen.",
        "Only the project lead creates new codes; please ask the lead.",
    ),
    "ui.code.memo_of": Text("Memo: {memo}", "Memo: {memo}"),
    "ui.code.extent_help": Text(
        "Ausdehnung ändern: die Codierung in der Codeleiste anklicken, die neue Stelle im Text markieren "
        "und im Fenster bestätigen.",
        "To change the extent: click the coding in the code bar, mark the new place in the text and "
        "confirm in the window.",
    ),
    "ui.code.code": Text("Code", "Code"),
    "ui.code.save": Text("Speichern", "Save"),
    "ui.code.saved": Text("Codierung gespeichert", "Coding saved"),
    "ui.code.delete": Text("Löschen", "Delete"),
    "ui.code.deleted": Text("Codierung gelöscht", "Coding deleted"),
    "ui.code.made": Text("{n} Codierungen angelegt", "{n} codings created"),
    "ui.code.evidence": Text(" · Belege: {words}", " · evidence: {words}"),
    "ui.code.accept": Text("Annehmen", "Accept"),
    "ui.code.reject": Text("Ablehnen", "Reject"),
    "ui.code.accept_all": Text("Alle Vorschläge eines Codes annehmen", "Accept all suggestions of a code"),
    "ui.code.from_score": Text("ab Score", "from score"),
    "ui.code.preview": Text("Vorschau", "Preview"),
    "ui.code.would_make": Text(
        "**{n}** Codierungen mit „{code}“ würden angelegt, z. B.:",
        "**{n}** codings with “{code}” would be created, e.g.:",
    ),
    "ui.code.accept_n": Text("{n} annehmen", "Accept {n}"),
    "ui.code.cancel": Text("Abbrechen", "Cancel"),
    "ui.code.no_suggestions": Text(
        "Keine offenen Vorschläge für dieses Dokument.", "No open suggestions for this document."
    ),
    "ui.code.order": Text("Reihenfolge", "Order"),
    "ui.code.order.score": Text("Score", "Score"),
    "ui.code.order.uncertainty": Text("Unsicherheit", "Uncertainty"),
    "ui.code.open_suggestions": Text(
        "{n} offene Vorschläge · nichts wird ohne „Annehmen“ kodiert",
        "{n} open suggestions · nothing is coded without “Accept”",
    ),
    "ui.code.first_keys": Text(
        "Erster Vorschlag der Liste – Tasten {accept} / {reject}:",
        "First suggestion of the list – keys {accept} / {reject}:",
    ),
    "ui.code.accept_help": Text(
        "Taste {letter}: den ersten Vorschlag der Liste annehmen",
        "Key {letter}: accept the list's first suggestion",
    ),
    "ui.code.reject_help": Text(
        "Taste {letter}: den ersten Vorschlag der Liste ablehnen",
        "Key {letter}: reject the list's first suggestion",
    ),
    "ui.code.more": Text("Weitere anzeigen", "Show more"),
    "ui.code.selected": Text("Ausgewählte Codierung", "Selected coding"),
    "ui.code.here": Text("Codierungen an dieser Stelle", "Codings at this place"),
    "ui.code.close": Text("Schließen", "Close"),
}
