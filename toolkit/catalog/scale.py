"""Texts of issue 22 (work at a team's scale): the report's quote rule, the grouped or paged
code x document matrix, and the words of the pages that offer them."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # the report: how quotes were chosen, said in the report itself
    "report.quote_rule": Text(
        "Je Code höchstens {limit} Zitate, über die Dokumente verteilt: zuerst das erste Segment jedes "
        "Dokuments in Dokumentreihenfolge, dann das zweite usw. Zitiert sind {shown} von {total} Segmenten.",
        "At most {limit} quotes per code, spread over the documents: first the first segment of each "
        "document in document order, then the second, and so on. {shown} of {total} segments are quoted.",
    ),
    "report.quote_all": Text(
        "Alle {total} codierten Segmente sind zitiert.", "All {total} coded segments are quoted."
    ),
    "report.quotes_of_code": Text(
        "{shown} von {total} Segmenten zitiert", "{shown} of {total} segments quoted"
    ),
    # Auswertung: the report's options
    "ui.scale.report_quotes": Text(
        "Zitate je Code (höchstens; 0 = alle)", "Quotes per code (at most; 0 = all)"
    ),
    "ui.scale.report_quotes_help": Text(
        "Über die Dokumente verteilt: zuerst das erste Segment jedes Dokuments, dann das zweite usw. "
        "Der Bericht nennt die Regel und wie viele Segmente zitiert sind.",
        "Spread over the documents: first each document's first segment, then the second, and so on. "
        "The report states the rule and how many segments are quoted.",
    ),
    "ui.scale.report_scope": Text(
        "Der Bericht umfasst die Auswahl oben (Dokumente und Merkmale unter „Filter“): {filters}",
        "The report covers the selection above (documents and attributes under 'Filter'): {filters}",
    ),
    # Auswertung: the code x document matrix of many documents
    "ui.scale.matrix_many": Text(
        "{documents} Dokumente sind zu viele Spalten zum Lesen: nach einem Merkmal gruppieren oder "
        "seitenweise je {most} Dokumente ansehen. Der Download enthält alle Dokumente.",
        "{documents} documents are too many columns to read: group them by an attribute or view {most} "
        "documents per page. The download holds every document.",
    ),
    "ui.scale.matrix_group_by": Text("Dokumente gruppieren nach", "Group documents by"),
    "ui.scale.matrix_no_group": Text("nicht gruppieren (seitenweise)", "no grouping (pages)"),
    "ui.scale.matrix_page": Text("Seite (von {pages})", "Page (of {pages})"),
    "ui.scale.matrix_paged": Text(
        "Dokumente {first}–{last} von {total}", "Documents {first}–{last} of {total}"
    ),
    "ui.scale.matrix_grouped": Text(
        "Spalten je Merkmalswert, summiert über dessen Dokumente (bei „vorhanden“: Anzahl Dokumente "
        "mit dem Code). Dokumente je Gruppe: {groups}",
        "Columns per attribute value, summed over its documents (with 'present': the number of "
        "documents with the code). Documents per group: {groups}",
    ),
    "ui.scale.no_value": Text("ohne Wert", "no value"),
    "ui.scale.matrix_by_set": Text("Dokumentgruppe", "Document set"),
    "ui.scale.matrix_set_cell": Text(
        "Die Segmente einer Dokumentgruppe zeigt der Filter „Dokumentgruppen“ oben (Tab Segmente).",
        "The segments of a document set are listed with the 'Document sets' filter above (tab Segments).",
    ),
    "col.set": Text("Dokumentgruppe", "Document set"),
}
