"""Words of the page Suche (search, hits in context, export of hits, autocoding)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.search.title": Text("Suche", "Search"),
    "ui.search.scope.hit": Text("nur der Treffer", "the hit only"),
    "ui.search.scope.sentence": Text("der Satz", "the sentence"),
    "ui.search.scope.turn": Text("der ganze Sprecherbeitrag", "the whole turn"),
    "ui.search.query": Text("Suchbegriff", "Search term"),
    "ui.search.query_placeholder": Text(
        'z. B. Medienbruch ODER "Onlinezugang*"', 'e.g. Medienbruch OR "Onlinezugang*"'
    ),
    "ui.search.query_help": Text(
        'Wörter, Phrasen in "…", * als Platzhalter, UND / ODER / NICHT (auch englisch), '
        "NEAR/3 (höchstens 3 Wörter dazwischen). UND, ODER, NICHT gelten je Sprecherbeitrag.",
        'Words, phrases in "…", * as a wildcard, AND / OR / NOT (also in German), '
        "NEAR/3 (at most 3 words between). AND, OR, NOT hold per turn.",
    ),
    "ui.search.regex": Text("Regulärer Ausdruck", "Regular expression"),
    "ui.search.lemma": Text("Alle Wortformen (Lemma)", "All word forms (lemma)"),
    "ui.search.lemma_help": Text(
        "Ein Wort findet alle seine Formen: Antrag findet Anträge und Anträgen, ging findet gehen.",
        "A word finds all its forms: application finds applications, went finds go.",
    ),
    "ui.search.fold": Text("Schreibweisen gleichsetzen", "Treat spellings alike"),
    "ui.search.fold_help": Text(
        "Bürger = Buerger = burger, Straße = STRASSE", "café = cafe = CAFE, naïve = naive"
    ),
    "ui.search.case": Text("Groß- und Kleinschreibung beachten", "Match upper and lower case"),
    "ui.search.only_documents": Text("Nur in Dokumenten", "Only in documents"),
    "ui.search.only_speakers": Text("Nur Sprecher:innen", "Only speakers"),
    "ui.search.all": Text("alle", "all"),
    "ui.search.only_codes": Text("Nur in Stellen mit dem Code", "Only in spans with the code"),
    "ui.search.any": Text("beliebig", "any"),
    "ui.search.submit": Text("Suchen", "Search"),
    "ui.search.searching": Text("Suche …", "Searching …"),
    "ui.search.no_hits": Text("Keine Treffer für {query}.", "No hits for {query}."),
    "ui.search.hits": Text("{hits} in {documents}", "{hits} in {documents}"),
    "ui.search.n_hits.one": Text("{n} Treffer", "{n} hit"),
    "ui.search.n_hits.other": Text("{n} Treffer", "{n} hits"),
    "ui.search.in_documents.one": Text("{n} Dokument", "{n} document"),
    "ui.search.in_documents.other": Text("{n} Dokumenten", "{n} documents"),
    "ui.search.col.document": Text("Dokument", "Document"),
    "ui.search.col.speaker": Text("Sprecher:in", "Speaker"),
    "ui.search.col.left": Text("links", "left"),
    "ui.search.col.hit": Text("Treffer", "Hit"),
    "ui.search.col.right": Text("rechts", "right"),
    "ui.search.col.link": Text("Transkript", "Transcript"),
    "ui.search.col.turn": Text("Beitrag", "Turn"),
    "ui.search.col.start": Text("Start", "Start"),
    "ui.search.col.end": Text("Ende", "End"),
    "ui.search.csv": Text("Trefferliste als CSV", "Hit list as CSV"),
    "ui.search.xlsx": Text("Trefferliste als Excel", "Hit list as Excel"),
    "ui.search.file": Text("treffer", "hits"),
    "ui.search.autocode": Text("Automatisch kodieren", "Code automatically"),
    "ui.search.pick_coder": Text(
        "Wählen Sie links, wer kodiert, um die Treffer zu kodieren.",
        "Choose on the left who is coding to code the hits.",
    ),
    "ui.search.code": Text("Code", "Code"),
    "ui.search.pick_code": Text("Code wählen …", "Choose a code …"),
    "ui.search.what": Text("Was kodieren?", "What to code?"),
    "ui.search.preview": Text(
        "Vorschau für {coder}: {new} neue Kodierungen mit {code}, {already} schon so kodiert.",
        "Preview for {coder}: {new} new codings with {code}, {already} already coded so.",
    ),
    "ui.search.already": Text("schon kodiert", "already coded"),
    "ui.search.new": Text("neu", "new"),
    "ui.search.col.span": Text("Stelle", "Span"),
    "ui.search.col.present": Text("bereits vorhanden", "already there"),
    "ui.search.apply": Text("{n} Stellen kodieren", "Code {n} spans"),
    "ui.search.applied": Text("{n} Stellen mit {code} kodiert.", "{n} spans coded with {code}."),
    "ui.search.undo": Text(
        "Letzte automatische Kodierung zurücknehmen", "Take back the last automatic coding"
    ),
    "ui.search.undo_now": Text("Rückgängig", "Undo"),
    "ui.search.previous": Text("Zurück", "Previous"),
    "ui.search.next": Text("Weiter", "Next"),
    "ui.search.page": Text(
        "Treffer {first}–{last} von {total} · Seite {page} von {pages}",
        "Hits {first}–{last} of {total} · page {page} of {pages}",
    ),
    "ui.search.export_all": Text(
        "Trefferliste mit allen {n} Treffern erstellen", "Make the list of all {n} hits"
    ),
    "ui.search.around": Text(
        "± Sätze davor und danach (im selben Beitrag)", "± sentences before and after (in the same turn)"
    ),
    "ui.search.autocode_redone": Text(
        "{n} Kodierungen der Autokodierung wiederhergestellt.", "{n} codings of the autocoding restored."
    ),
    "ui.search.autocode_undone": Text(
        "{n} Kodierungen der Autokodierung entfernt.", "{n} codings of the autocoding removed."
    ),
    "ui.search.undone": Text(
        "{n} automatisch gesetzte Kodierungen entfernt.", "{n} automatically set codings removed."
    ),
}
