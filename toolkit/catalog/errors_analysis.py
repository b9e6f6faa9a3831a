"""Texts of the library's errors of analysis, agreement, consensus, comparison of groups
(``error.<code>``), German and English; see :mod:`toolkit.catalog.errors`."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # analysis
    "error.agreement.matrix_shape": Text(
        "Die Matrix muss Kodierende × Einheiten sein (2 Dimensionen), hat aber {dimensions}.",
        "the matrix must be coders x units (2 dimensions), got {dimensions}",
    ),
    "error.agreement.matrix_infinite": Text(
        "Die Matrix enthält einen unendlichen Wert; bitte Zahlen verwenden oder eine Zelle leer lassen "
        "(None).",
        "the matrix holds an infinite value; use numbers, or leave a cell empty (None)",
    ),
    "error.agreement.draws_min": Text(
        "Die Zahl der Ziehungen muss mindestens 1 sein, ist aber {draws}.",
        "draws must be at least 1, got {draws}",
    ),
    "error.agreement.confidence_range": Text(
        "Die Konfidenz muss zwischen 0 und 1 liegen, ist aber {confidence}.",
        "confidence must be between 0 and 1, got {confidence}",
    ),
    "error.agreement.ratio_negative": Text(
        "Das Niveau „ratio“ braucht Werte von 0 oder mehr, der kleinste ist {minimum}; für diese Skala "
        "bitte interval verwenden.",
        "level 'ratio' needs values of 0 or more, got {minimum}; use interval for this scale",
    ),
    "error.agreement.categories_same_number": Text(
        "Die Kategorien {categories} nennen dieselbe Zahl zweimal (z. B. „1“ und 1); bitte jeden Wert nur "
        "einmal schreiben.",
        "categories {categories} name the same number twice (e.g. '1' and 1); give each value one spelling",
    ),
    "error.agreement.tally_nominal_only": Text(
        "Eine Auszählung der Urteile ergibt {what} nur auf dem Niveau nominal, nicht „{level}“.",
        "a tally of ratings gives {what} at level nominal only, not '{level}'",
    ),
    "error.agreement.value_not_category": Text(
        "Der Wert „{value}“ ist keine der Kategorien {categories}.",
        "value '{value}' is not one of the categories {categories}",
    ),
    "error.agreement.level_needs_numbers": Text(
        "Das Niveau „{level}“ braucht Zahlen als Kategorien, bekommen: {categories}; bitte nominal "
        "verwenden.",
        "level '{level}' needs numeric categories, got {categories}; use nominal",
    ),
    "error.consensus.page_size": Text(
        "Die Seitengröße muss mindestens 1 sein, ist aber {size}.",
        "page size must be at least 1, got {size}",
    ),
    "error.consensus.method": Text(
        "Abweichungen gibt es für die Methoden segment und unit, nicht für „{method}“.",
        "disagreements are listed for method segment or unit, not '{method}'",
    ),
    "error.consensus.no_decision": Text(
        "Für „{key}“ gibt es keine Entscheidung; offene zeigt disagreements().",
        "no decision for '{key}'; list open ones with disagreements()",
    ),
    "error.consensus.edit_needs_span": Text(
        "Die Entscheidung „edit“ braucht die Stelle (Anfang, Ende), die der Konsens kodieren soll.",
        "decision 'edit' needs the span (start, end) the consensus should code",
    ),
    "error.consensus.decided": Text(
        "Die Abweichung {key} ist schon entschieden; bitte die Liste neu laden.",
        "the disagreement {key} is already decided; reload the list",
    ),
    "error.agreement.draws_none_or_more": Text(
        "Die Zahl der Ziehungen muss 0 (kein Intervall) oder mehr sein, ist aber {draws}.",
        "draws must be 0 (no interval) or more, got {draws}",
    ),
    "error.agreement.coder_twice": Text(
        "Die Liste der Kodierenden „{coders}“ nennt eine Person zweimal.",
        "coder list '{coders}' names a coder twice",
    ),
    "error.agreement.two_coders": Text(
        "Übereinstimmung braucht zwei oder mehr Kodierende, gewählt: {coders}; bitte --coders A,B angeben.",
        "agreement needs two or more coders, got {coders}; pass --coders A,B",
    ),
    "error.agreement.ualpha_two_coders": Text(
        "u-Alpha braucht zwei oder mehr Kodierende, vorhanden: {coders}.",
        "u-alpha needs two or more coders, got {coders}",
    ),
    "error.agreement.continuum_empty": Text(
        "Das Kontinuum von „{document}“ ist leer; das Ende muss nach dem Anfang liegen.",
        "continuum of '{document}' is empty; end must be above begin",
    ),
    "error.agreement.span_outside_continuum": Text(
        "Die Stelle {start}–{end} von „{coder}“ liegt außerhalb des Kontinuums {begin}–{stop}.",
        "span {start}-{end} of coder '{coder}' is outside the continuum {begin}-{stop}",
    ),
    "error.analysis.choose_coders": Text(
        "{count} Personen haben kodiert ({coders}) und es gibt noch keinen Konsens: bitte wählen, wessen "
        "Codierungen ausgewertet werden (--coder NAME, mehrfach möglich) oder --all-coders für alle "
        "zusammen.",
        "{count} coders have coded ({coders}) and there is no consensus yet: choose whose codings to report "
        "with --coder NAME (repeatable) or --all-coders for a pooled view",
    ),
    "error.analysis.coders_or_all": Text(
        "Bitte Kodierende nennen (--coder NAME) oder alle wählen (--all-coders), nicht beides.",
        "name coders (--coder NAME) or ask for all coders (--all-coders), not both",
    ),
    "error.analysis.sentences_need_store": Text(
        "Überschneidung in Sätzen braucht das Projekt: bitte store= übergeben.",
        "co-occurrence in sentences needs the project: pass store=",
    ),
    "error.analysis.time_negative": Text(
        "Die Zeitmarke {seconds} ist negativ.",
        "time stamp {seconds} is negative",
    ),
    "error.analysis.codings_unreadable": Text(
        "{path}: die Codierungen ließen sich nicht lesen; bitte PRAGMA integrity_check ausführen.",
        "{path}: the codings could not be read; run PRAGMA integrity_check",
    ),
    "error.analysis.context": Text(
        "Der Kontext „{context}“ muss eine Zahl von Zeichen (0 oder mehr) oder „turn“ sein.",
        "context '{context}' must be a number of characters (0 or more) or 'turn'",
    ),
    "error.analysis.group_by": Text(
        "Nach „{by}“ lässt sich nicht gruppieren; bitte eines davon wählen: {choices}.",
        "cannot group by '{by}'; use one of {choices}",
    ),
    "error.analysis.matrix_columns": Text(
        "Die Matrixspalten „{columns}“ werden nicht unterstützt; bitte {choices} oder attribute:NAME "
        "verwenden.",
        "matrix columns '{columns}' are not supported; use {choices} or attribute:NAME",
    ),
    "error.analysis.matrix_rows": Text(
        "Die Matrixzeilen „{rows}“ werden nicht unterstützt; bitte code oder field verwenden.",
        "matrix rows '{rows}' are not supported; use code or field",
    ),
    # memos, document sets, wide tables, reports
    "error.analysis.segments_limit": Text(
        "Höchstens {limit} Segmente je Code: bitte 0 oder mehr angeben.",
        "at most {limit} segments per code: give 0 or more",
    ),
    "error.analysis.page_size": Text(
        "Die Seitengröße {size} muss 1 oder mehr Dokumente sein.",
        "page size {size} must be 1 or more documents",
    ),
    "error.analysis.group_documents": Text(
        "Dokumente bitte nach attribute:NAME oder set gruppieren, nicht nach „{by}“.",
        "group documents by attribute:NAME or set, not '{by}'",
    ),
    "error.analysis.no_sets": Text(
        "Es gibt keine Dokumentgruppen zum Gruppieren; eine neue mit `sets create`.",
        "there are no document sets to group by; make one with `sets create`",
    ),
    "error.analysis.set_unknown": Text(
        "Eine Dokumentgruppe „{name}“ gibt es nicht; vorhanden: {sets}.",
        "there is no document set '{name}'; there are: {sets}",
    ),
    # qualitative content analysis, speaker renames on import, CLI output files
    "error.compare.by": Text(
        "--by „{by}“ ist weder attribute:NAME (zum Beispiel attribute:municipality_type) noch set.",
        "--by '{by}' is neither attribute:NAME (for example attribute:municipality_type) nor set",
    ),
    # paraphrases and categories built from them (issue 20)
    "error.agreement.output_type": Text(
        "{path}: unbekannter Dateityp {suffix}; bitte .csv, .xlsx oder .docx verwenden.",
        "{path}: unknown file type {suffix}; use .csv, .xlsx or .docx",
    ),
}
