"""Texts of the library's errors of codings and spans, the workbench, search and autocoding,
suggestions, their models and evaluation (``error.<code>``), German and English; see
:mod:`toolkit.catalog.errors`."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # projects and the project file
    "error.coding.span_outside": Text(
        "Die Stelle {start}–{end} liegt außerhalb von Dokument „{document}“ (0–{length}); der Anfang muss "
        "vor dem Ende liegen.",
        "span {start}-{end} is outside document '{document}' (0-{length}); start must be below end",
    ),
    "error.coding.duplicate": Text(
        "{coder} hat {document} an dieser Stelle ({start}–{end}) schon mit „{code}“ kodiert.",
        "{coder} already coded {document} {start}-{end} with '{code}'",
    ),
    "error.coding.not_found": Text(
        "Die Codierung {guid} gibt es nicht (mehr); vielleicht wurde sie gelöscht. Bitte neu laden.",
        "no coding '{guid}'; it may have been deleted",
    ),
    "error.coding.changed_elsewhere_version": Text(
        "Die Codierung wurde inzwischen von jemand anderem geändert (Version {version}, gesehen: {seen}); "
        "bitte neu laden und noch einmal versuchen.",
        "coding {guid} was changed by someone else (version {version}, you saw {seen}); reload and try again",
    ),
    "error.coding.duplicate_same_coder": Text(
        "An dieser Stelle von {document} ({start}–{end}) steht dieser Code derselben Person schon.",
        "the same coder already has this code on {document} {start}-{end}",
    ),
    "error.coding.changed_elsewhere": Text(
        "Die Codierung wurde inzwischen von jemand anderem geändert; bitte neu laden und noch einmal "
        "versuchen.",
        "coding {guid} was changed by someone else; reload and try again",
    ),
    # importing transcripts
    "error.workbench.unknown_op": Text(
        "Unbekannte Aktion „{op}“ der Arbeitsfläche; erwartet: assign, invivo, code oder adjust.",
        "unknown workbench op '{op}'; expected assign, invivo, code or adjust",
    ),
    "error.span.outside": Text(
        "Die Stelle {start}–{end} liegt außerhalb von Dokument „{document}“ (0–{length}).",
        "span {start}-{end} is outside document '{document}' (0-{length})",
    ),
    # the demo project
    "error.search.regex_empty": Text(
        "Der reguläre Ausdruck ist leer; bitte ein Muster eingeben, z. B. Antr(a|ä)g\\w*",
        "the regular expression is empty; type a pattern such as Antr(a|ä)g\\w*",
    ),
    "error.search.mode_unknown": Text(
        "Die Suchart „{mode}“ gibt es nicht; bitte eine davon wählen: {choices}.",
        "search mode '{mode}' is unknown; use one of {choices}",
    ),
    "error.search.regex_invalid": Text(
        "Der reguläre Ausdruck „{pattern}“ ist ungültig: {reason}",
        "regular expression '{pattern}' is invalid: {reason}",
    ),
    "error.search.document_not_found": Text(
        "Ein Dokument „{document}“ gibt es nicht; siehe `coding-toolkit documents`.",
        "no document '{document}'; see `coding-toolkit documents`",
    ),
    "error.search.regex_nested_repeat": Text(
        "Der reguläre Ausdruck „{pattern}“ wiederholt eine Wiederholung (wie (a+)+) und könnte stundenlang "
        "laufen; bitte den inneren Teil einmal schreiben, z. B. (\\w+\\s)+ statt (\\w+\\s*)+",
        "regular expression '{pattern}' repeats a repetition (like (a+)+) and could run for hours; write "
        "the inner part once, e.g. (\\w+\\s)+ instead of (\\w+\\s*)+",
    ),
    "error.query.quote_open": Text(
        'Suche „{query}“: ein Anführungszeichen ist nicht geschlossen; bitte die Wortgruppe mit " schließen.',
        "query '{query}': a quotation mark is not closed; close the phrase with \"",
    ),
    "error.query.phrase_empty": Text(
        'Suche „{query}“: eine leere Wortgruppe ""; bitte Wörter zwischen die Anführungszeichen schreiben.',
        "query '{query}': an empty phrase \"\"; put words between the quotes",
    ),
    "error.query.empty": Text(
        "Suche „{query}“: die Suche ist leer; bitte ein Wort, eine Wortgruppe in Anführungszeichen oder ein "
        "Muster eingeben.",
        "query '{query}': the query is empty; type a word, a phrase in quotes or a pattern",
    ),
    "error.query.unexpected": Text(
        "Suche „{query}“: „{token}“ kommt unerwartet; fehlt eine öffnende Klammer?",
        "query '{query}': unexpected '{token}'; is a parenthesis not opened?",
    ),
    "error.query.only_not": Text(
        "Suche „{query}“: die Suche schließt nur aus (NOT); bitte ein Wort zum Finden ergänzen.",
        "query '{query}': the query only excludes (NOT); add a word to find",
    ),
    "error.query.operator_on_groups": Text(
        "Suche „{query}“: {operator} verbindet zwei Wörter oder Wortgruppen, keine Klammergruppen.",
        "query '{query}': {operator} joins two words or phrases, not groups",
    ),
    "error.query.word_missing": Text(
        "Suche „{query}“: am Ende fehlt ein Wort (nach einem Operator).",
        "query '{query}': a word is missing at the end (after an operator)",
    ),
    "error.query.paren_open": Text(
        "Suche „{query}“: eine Klammer ist nicht geschlossen; bitte ) ergänzen.",
        "query '{query}': a parenthesis is not closed; add )",
    ),
    "error.query.wildcard_alone": Text(
        "Suche „{query}“: ein Platzhalter * braucht Buchstaben daneben, z. B. Antrag*.",
        "query '{query}': a wildcard * needs letters next to it, e.g. Antrag*",
    ),
    "error.query.word_expected": Text(
        "Suche „{query}“: „{token}“ steht, wo ein Wort erwartet wird.",
        "query '{query}': '{token}' stands where a word is expected",
    ),
    "error.autocode.document_gone": Text(
        "Das Dokument „{document}“ gibt es seit der Suche nicht mehr; bitte neu suchen.",
        "document '{document}' is gone since the search; search again",
    ),
    "error.autocode.scope_unknown": Text(
        "Den Bereich „{scope}“ gibt es nicht; bitte einen davon wählen: {choices}.",
        "scope '{scope}' is unknown; use one of {choices}",
    ),
    "error.autocode.for_other": Text(
        "„{actor}“ darf nicht für „{coder}“ automatisch kodieren: im Team kodiert jede:r als sie oder er "
        "selbst.",
        "'{actor}' may not autocode for '{coder}': in a team each codes as themselves",
    ),
    "error.autocode.nothing_to_undo": Text(
        "„{actor}“ hat keine automatische Kodierung, die sich rückgängig machen ließe.",
        "'{actor}' has no autocoding to undo",
    ),
    "error.autocode.not_newest": Text(
        "Die automatische Kodierung ist nicht mehr die neueste Änderung (schon rückgängig gemacht, oder "
        "danach kamen Änderungen); bitte diese zuerst rückgängig machen.",
        "the autocoding is no longer the newest change (undone already, or changes came after it); undo "
        "those changes first",
    ),
    "error.autocode.text_changed_search": Text(
        "Der Text von „{document}“ hat sich seit der Suche geändert; bitte neu suchen.",
        "the text of '{document}' changed since the search; search again",
    ),
    "error.autocode.text_changed_preview": Text(
        "Der Text von „{document}“ hat sich seit der Vorschau geändert; bitte neu suchen.",
        "the text of '{document}' changed since the preview; search again",
    ),
    "error.span.negative": Text(
        "Stelle {start}–{end}: der Anfang muss 0 oder mehr sein und darf nicht nach dem Ende liegen.",
        "span {start}-{end}: start must be 0 or more and not after end",
    ),
    # analysis
    "error.threshold.not_percent": Text(
        "Die Schwelle {threshold} ist kein Prozentwert zwischen 0 und 100.",
        "threshold {threshold} is not a percentage between 0 and 100",
    ),
    "error.threshold.segment": Text(
        "Die Überlappungsschwelle {threshold} für Segmente muss über 0 und höchstens 100 Prozent liegen.",
        "segment overlap threshold {threshold} must be above 0 and at most 100 percent",
    ),
    "error.threshold.not_percent_method": Text(
        "Die Schwelle {threshold} ist kein Prozentwert; bitte 0–100 (unit) oder über 0 bis 100 (segment) "
        "verwenden.",
        "threshold {threshold} is not a percentage; use 0-100 (unit) or above 0 up to 100 (segment)",
    ),
    # suggestions
    "error.evaluate.train_and_test": Text(
        "„{document}“ ist Trainings- und Testdokument zugleich; bitte beides trennen.",
        "'{document}' is both a training and a test document; keep them apart",
    ),
    "error.evaluate.no_test": Text(
        "Keine Testdokumente; bitte mindestens eines mit --test nennen.",
        "no test documents; name at least one with --test",
    ),
    "error.evaluate.source_unknown": Text(
        "Die Quelle „{source}“ gibt es nicht; bitte eine davon wählen: {choices}.",
        "unknown source '{source}'; use one of: {choices}",
    ),
    "error.suggestion.no_source": Text(
        "Der Vorschlag hat keine Quelle; erwartet: rule, model oder rule+model.",
        "the suggestion has no source; expected rule, model or rule+model",
    ),
    "error.suggestion.unit_outside": Text(
        "Die Einheit {start}–{end} liegt außerhalb von Dokument „{document}“ (0–{length}).",
        "unit {start}-{end} is outside document '{document}' (0-{length})",
    ),
    "error.suggestion.threshold": Text(
        "Die Schwelle {threshold} liegt außerhalb von 0–1; bitte einen Wert zwischen 0 und 1 wählen.",
        "threshold {threshold} is outside 0-1; pick a score between 0 and 1",
    ),
    "error.suggestion.unit_unknown": Text(
        "Die Vorschlagseinheit „{unit}“ gibt es nicht; bitte eine davon wählen: {choices}.",
        "unknown suggestion unit '{unit}'; use one of: {choices}",
    ),
    "error.suggestion.order_unknown": Text(
        "Die Reihenfolge „{order}“ gibt es nicht; bitte eine davon wählen: {choices}.",
        "unknown order '{order}'; use one of: {choices}",
    ),
    "error.training.not_found": Text(
        "Einen Trainingslauf „{guid}“ gibt es nicht.",
        "no training run '{guid}'",
    ),
    # autocoding: sentences around a hit
    "error.autocode.around_needs_sentence": Text(
        "±{around} Sätze geht nur mit dem Bereich Satz (sentence), nicht „{scope}“.",
        "±{around} sentences needs the scope sentence, not '{scope}'",
    ),
    "error.autocode.around_range": Text(
        "±{around} Sätze: bitte 0 bis 20 wählen.",
        "±{around} sentences: choose 0 to 20",
    ),
    # coding weights
    "error.coding.weight": Text(
        "Das Gewicht „{weight}“ muss eine ganze Zahl von 0 (keines) bis 100 sein.",
        "weight '{weight}' must be a whole number from 0 (none) to 100",
    ),
    # pseudonyms, REFI-QDA projects, suggestion models
    "error.model.architecture_unknown": Text(
        "Die Architektur „{architecture}“ gibt es nicht; bitte eine davon wählen: {choices}.",
        "unknown architecture '{architecture}'; use one of: {choices}",
    ),
    "error.model.nothing_to_learn": Text(
        "Nichts zu lernen: keine Einheit hat einen Code.",
        "nothing to learn: no unit has a code",
    ),
    "error.model.not_found": Text(
        "Ein gespeichertes Vorschlagsmodell „{guid}“ gibt es nicht; eines trainiert `coding-toolkit train`.",
        "no stored suggestion model '{guid}'; train one with `coding-toolkit train`",
    ),
    "error.model.no_codings": Text(
        "„{coder}“ hat keine Codierungen zum Lernen; bitte zuerst einige Stellen kodieren.",
        "coder '{coder}' has no codings to learn from; code some passages first",
    ),
    "error.model.no_codings_in": Text(
        "„{coder}“ hat in {documents} keine Codierungen zum Lernen.",
        "coder '{coder}' has no codings in {documents} to learn from",
    ),
    # paraphrases and categories built from them (issue 20)
    "error.suggestion.not_open": Text(
        "Kein offener Vorschlag von „{code}“ für {document} {start}–{end}; die Vorschläge zeigt "
        "`coding-toolkit suggest {document} --coder {coder}`.",
        "no open suggestion of '{code}' for {document} {start}-{end}; list them with `coding-toolkit "
        "suggest {document} --coder {coder}`",
    ),
}
