"""Page words of the import preview on Dokumente, of document sets in the exchange report, and of
the PDF page of a turn (Kodieren, Auswertung, exports, report)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.import.pattern": Text(
        "Muster für Sprecherangaben (optional)", "Pattern of speaker labels (optional)"
    ),
    "ui.import.pattern_help": Text(
        "Ein regulärer Ausdruck mit (?P<speaker>…) und optional (?P<time>…), am Zeilenanfang; "
        "leer = automatisch erkennen. Beispiel: ^(?P<speaker>[A-Z]\\d?):\\s*",
        "A regular expression with (?P<speaker>…) and optionally (?P<time>…), at the start of a line; "
        "empty = detect automatically. Example: ^(?P<speaker>[A-Z]\\d?):\\s*",
    ),
    "ui.import.summary": Text(
        "{file}: {turns} Beiträge, {words} Wörter, {speakers} Sprecher:innen, Sprache {language}",
        "{file}: {turns} turns, {words} words, {speakers} speakers, language {language}",
    ),
    "ui.import.speaker": Text(
        "„{speaker}“ ({turns} Beiträge, {words} Wörter) speichern als",
        "Store “{speaker}” ({turns} turns, {words} words) as",
    ),
    "ui.import.no_speaker": Text("ohne Sprecher:in", "no speaker"),
    "ui.import.first_turns": Text("Erste Beiträge", "First turns"),
    "ui.import.skipped": Text(
        "{n} Zeilen sehen wie Sprecherangaben aus, würden aber nicht übernommen:",
        "{n} lines look like speaker labels but would not be taken:",
    ),
    "ui.import.line": Text("Zeile {line}: {text}", "Line {line}: {text}"),
    "ui.import.duplicate": Text(
        "Schon im Projekt als „{name}“: wird beim Import übersprungen.",
        "Already in the project as “{name}”: skipped on import.",
    ),
    "ui.import.rename_hint": Text(
        "Namen hier ändern, um Sprecher:innen umzubenennen (der Text bleibt, wie er ist).",
        "Change a name here to rename a speaker (the text stays as it is).",
    ),
    "ui.import.pseudonymise": Text(
        "Pseudonymisiert importieren (Pseudonymtabelle anwenden)",
        "Import pseudonymised (apply the pseudonym table)",
    ),
    "ui.import.pseudonymise_help": Text(
        "Die Namen der Pseudonymtabelle werden ersetzt, bevor der Text ins Projekt kommt; "
        "umbenannte Sprecher:innen werden zuerst umbenannt, dann ersetzt.",
        "The pseudonym table's names are replaced before the text reaches the project; "
        "speakers are renamed first, then replaced.",
    ),
    "ui.import.first_turns_pseudonymised": Text(
        "Erste Beiträge, wie sie gespeichert werden (pseudonymisiert, als „{name}“)",
        "First turns as they will be stored (pseudonymised, as “{name}”)",
    ),
    "ui.exchange.sets": Text(
        "Dokumentgruppen: {sets} neu, {members} Zuordnungen ergänzt",
        "Document sets: {sets} new, {members} memberships added",
    ),
    # the page of a turn in a PDF transcript, where a researcher cites it
    "col.page": Text("Seite", "Page"),
    "report.page": Text("S. {page}", "p. {page}"),
    "ui.transcript.page": Text("S. {page}", "p. {page}"),
    "ui.transcript.page_title": Text("Seite {page} im PDF", "Page {page} of the PDF"),
}
