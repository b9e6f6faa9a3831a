"""Texts of the library's errors of qualitative content analysis: paraphrases, summaries, memos
(``error.<code>``), German and English; see :mod:`toolkit.catalog.errors`."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # memos, document sets, wide tables, reports
    "error.memo.too_long": Text(
        "Das Memo hat {length:,} Zeichen, mehr als {limit:,}; bitte kürzen.",
        "the memo has {length:,} characters, more than {limit:,}; shorten it",
    ),
    "error.memo.code_gone": Text(
        "Den Code dieses Memos gibt es nicht mehr; das Memo lässt sich nicht wiederherstellen.",
        "the code of this memo no longer exists; the memo cannot be restored",
    ),
    "error.memo.type_unknown": Text(
        "Die Memo-Art „{type}“ gibt es nicht; bitte {choices} verwenden.",
        "memo type '{type}' is unknown; use {choices}",
    ),
    # qualitative content analysis, speaker renames on import, CLI output files
    "error.summary.too_long": Text(
        "Die Zusammenfassung hat {length:,} Zeichen, mehr als {limit:,}; bitte kürzen oder aufteilen.",
        "the summary has {length:,} characters, more than {limit:,}; shorten it or split it",
    ),
    "error.summary.gone": Text(
        "Das Dokument, der Code oder die Kodierer:in dieser Zusammenfassung existiert nicht mehr; sie lässt "
        "sich nicht wiederherstellen.",
        "the document, code or coder of this summary no longer exists; it cannot be restored",
    ),
    "error.summary.no_codes": Text(
        "Keine Codes gewählt; bitte mindestens einen Code-Pfad nennen (--codes PFAD,PFAD).",
        "no codes chosen; name at least one code path (--codes PATH,PATH)",
    ),
    # paraphrases and categories built from them (issue 20)
    "error.paraphrase.not_found": Text(
        "Eine Paraphrase „{id}“ gibt es nicht; `paraphrase list` zeigt die Nummern.",
        "no paraphrase '{id}'; `paraphrase list` shows their numbers",
    ),
    "error.paraphrase.empty": Text(
        "Die Paraphrase ist leer; bitte den Inhalt des Segments in eigenen Worten schreiben.",
        "the paraphrase is empty; restate the segment in your own words",
    ),
    "error.paraphrase.too_long": Text(
        "Die Paraphrase hat {length:,} Zeichen, mehr als {limit:,}; bitte kürzen.",
        "the paraphrase has {length:,} characters, more than {limit:,}; shorten it",
    ),
    "error.paraphrase.exists": Text(
        "Für {document} {start}–{end} gibt es schon eine Paraphrase (Nr. {id}); bitte diese ändern.",
        "{document} {start}-{end} has a paraphrase already (no. {id}); edit that one",
    ),
    "error.paraphrase.group_name": Text(
        "Gruppenname „{name}“: bitte 1 bis {limit} Zeichen ohne „/“ (er wird zum Code-Namen).",
        "group name '{name}': give 1 to {limit} characters without '/' (it becomes a code name)",
    ),
    "error.paraphrase.none_chosen": Text(
        "Keine Paraphrasen gewählt; bitte mindestens eine Nummer nennen.",
        "no paraphrases chosen; give at least one number",
    ),
    "error.paraphrase.group_coders": Text(
        "Die Paraphrasen stammen von mehreren Kodierenden ({coders}); eine Gruppe fasst nur die "
        "Paraphrasen einer Person.",
        "the paraphrases are by several coders ({coders}); a group holds one coder's paraphrases",
    ),
    "error.paraphrase.group_not_found": Text(
        "Eine Paraphrasen-Gruppe „{name}“ gibt es nicht; Gruppen sind: {groups}.",
        "no paraphrase group '{name}'; groups are: {groups}",
    ),
    "error.paraphrase.group_exists": Text(
        "{coder} hat schon eine Gruppe „{name}“; bitte einen anderen Namen wählen.",
        "{coder} has a group '{name}' already; choose another name",
    ),
    "error.paraphrase.group_name_taken": Text(
        "Eine andere Gruppe heißt inzwischen „{name}“; bitte diese erst umbenennen.",
        "another group is called '{name}' by now; rename that one first",
    ),
    "error.paraphrase.group_gone": Text(
        "Die Gruppe „{name}“ gibt es nicht mehr; der Schritt lässt sich nicht wiederholen.",
        "group '{name}' no longer exists; the step cannot be replayed",
    ),
    "error.paraphrase.group_there": Text(
        "Die Gruppe „{name}“ ist schon wieder da; nichts zu tun.",
        "group '{name}' is there already; nothing to do",
    ),
    "error.paraphrase.group_empty": Text(
        "Die Gruppe „{name}“ hat keine Paraphrasen; bitte erst Paraphrasen hineinlegen.",
        "group '{name}' has no paraphrases; put paraphrases into it first",
    ),
    "error.paraphrase.gone": Text(
        "Diese Paraphrase oder ihr Dokument gibt es nicht mehr; der Schritt lässt sich nicht wiederholen.",
        "this paraphrase or its document no longer exists; the step cannot be replayed",
    ),
    "error.paraphrase.exists_again": Text(
        "Die Paraphrase ist schon wieder da; nichts zu tun.",
        "the paraphrase is there already; nothing to do",
    ),
    "error.paraphrase.code_in_use": Text(
        "Der Code „{path}“ hat inzwischen weitere Codierungen oder Untercodes; bitte diese zuerst "
        "entfernen oder verschieben.",
        "code '{path}' has other codings or subcodes by now; remove or move them first",
    ),
    "error.paraphrase.code_gone": Text(
        "Den Code „{path}“ gibt es nicht mehr; die Kategorie lässt sich nicht wiederherstellen.",
        "code '{path}' no longer exists; the category cannot be restored",
    ),
}
