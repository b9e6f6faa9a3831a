"""Words of the page Konsens (settling disagreements of two coders; the blind-coding switch)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.consensus.title": Text("Konsens", "Consensus"),
    "ui.consensus.all": Text("(alle)", "(all)"),
    "ui.consensus.order.document": Text("nach Dokument", "by document"),
    "ui.consensus.order.code": Text("nach Code", "by code"),
    "ui.consensus.order.size": Text("größte zuerst", "largest first"),
    "ui.consensus.choice.take_a": Text("A übernehmen", "Take A"),
    "ui.consensus.choice.take_b": Text("B übernehmen", "Take B"),
    "ui.consensus.choice.both": Text("Beide", "Both"),
    "ui.consensus.choice.neither": Text("Keine", "Neither"),
    "ui.consensus.choice.edit": Text("bearbeitet", "edited"),
    "ui.consensus.blind": Text(
        "Blindkodierung: Kodierende sehen nur ihre eigenen Codierungen (und die des Konsenses)",
        "Blind coding: coders see only their own codings (and those of the consensus)",
    ),
    "ui.consensus.blind_on": Text(
        "Während der Blindkodierung bleiben die Unstimmigkeiten verborgen: sie zeigen die Codierungen aller.",
        "During blind coding the disagreements stay hidden: they show everyone's codings.",
    ),
    "ui.consensus.two_coders": Text(
        "Für einen Abgleich braucht es mindestens zwei Kodierende.", "A comparison needs at least two coders."
    ),
    "ui.consensus.coder_a": Text("Kodierer:in A", "Coder A"),
    "ui.consensus.coder_b": Text("Kodierer:in B", "Coder B"),
    "ui.consensus.pick_coder": Text("Kodierer:in wählen …", "Choose a coder …"),
    "ui.consensus.method": Text("Vergleich", "Comparison"),
    "ui.consensus.method.segment": Text("Segmente", "Segments"),
    "ui.consensus.method.unit": Text("Sätze", "Sentences"),
    "ui.consensus.only_open": Text("nur offene", "open only"),
    "ui.consensus.field": Text("Handlungsfeld", "Field of action"),
    "ui.consensus.code": Text("Code", "Code"),
    "ui.consensus.document": Text("Dokument", "Document"),
    "ui.consensus.order": Text("Sortierung", "Order"),
    "ui.consensus.searching": Text(
        "Unstimmigkeiten suchen: Dokument {done} von {total}",
        "Looking for disagreements: document {done} of {total}",
    ),
    "ui.consensus.decided": Text(
        "{decided} von {total} Unstimmigkeiten entschieden", "{decided} of {total} disagreements settled"
    ),
    "ui.consensus.none_open": Text(
        "Keine offenen Unstimmigkeiten mit diesen Filtern.", "No open disagreements with these filters."
    ),
    "ui.consensus.page": Text("Seite", "Page"),
    "ui.consensus.summary": Text(
        "{total} Unstimmigkeiten in {documents}, {codes} Codes · Seite {page} von {pages} ({size} je Seite)",
        "{total} disagreements in {documents}, {codes} codes · page {page} of {pages} ({size} per page)",
    ),
    "ui.consensus.summary_open": Text(
        "{total} offene Unstimmigkeiten in {documents}, {codes} Codes · Seite {page} von "
        "{pages} ({size} je Seite)",
        "{total} open disagreements in {documents}, {codes} codes · page {page} of {pages} ({size} per page)",
    ),
    "ui.consensus.documents_one": Text("{n} Dokument", "{n} document"),
    "ui.consensus.documents_many": Text("{n} Dokumenten", "{n} documents"),
    "ui.consensus.per_code": Text("Anzahl je Code", "Count per code"),
    "ui.consensus.col.code": Text("Code", "Code"),
    "ui.consensus.col.disagreements": Text("Unstimmigkeiten", "Disagreements"),
    "ui.consensus.not_coded": Text("— nicht codiert —", "— not coded —"),
    "ui.consensus.settled": Text(" · entschieden: {choice}", " · settled: {choice}"),
    "ui.consensus.in_context": Text("Beitrag im Zusammenhang", "The turn in context"),
    "ui.consensus.edit": Text("Bearbeiten", "Edit"),
    "ui.consensus.taken": Text("Dieser Text wird übernommen:", "This text is taken:"),
    "ui.consensus.take": Text("Übernehmen", "Take"),
    "ui.consensus.pick_note": Text(
        "Neue Ausdehnung mit der Maus markieren.", "Select the new extent with the mouse."
    ),
    "ui.consensus.picked": Text(
        "Neu markiert: {n} Zeichen – mit „{take}“ bestätigen.",
        "Newly selected: {n} characters – confirm with “{take}”.",
    ),
}
