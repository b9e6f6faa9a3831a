"""Words of the Kodieren workbench in the browser (transcript, code tree, assign popup); sent to the
component as ``words`` (app_pages/components/transcript.py)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.transcript.whole": Text("ganzer Beitrag", "whole turn"),
    "ui.transcript.drag_start": Text("Anfang ziehen", "drag the start"),
    "ui.transcript.drag_end": Text("Ende ziehen", "drag the end"),
    "ui.transcript.tree": Text("Codebaum", "Code tree"),
    "ui.transcript.margin": Text(" Codeleiste", " Code bar"),
    "ui.transcript.hint": Text(
        "Text markieren: Code suchen · Enter weist zu · Esc bricht ab",
        "Mark text: find a code · Enter assigns · Esc cancels",
    ),
    "ui.transcript.already": Text(
        "Diese Stelle trägt „{code}“ von dir schon – nichts geändert.",
        "This place already carries your “{code}” – nothing changed.",
    ),
    "ui.transcript.may_not": Text("Du darfst hier nicht kodieren.", "You may not code here."),
    "ui.transcript.assign": Text("Code zuweisen", "Assign a code"),
    "ui.transcript.find": Text("Code suchen …", "Find a code …"),
    "ui.transcript.find_label": Text("Code suchen", "Find a code"),
    "ui.transcript.move_to": Text("„{code}“ auf diese Markierung ändern", "Change “{code}” to this marking"),
    "ui.transcript.was": Text("bisher „{was}“ · Enter übernimmt", "was “{was}” · Enter takes it"),
    "ui.transcript.recent": Text("Zuletzt benutzt · Tasten 1–9", "Recently used · keys 1–9"),
    "ui.transcript.type": Text("Code-Namen tippen, um zu suchen …", "Type a code name to search …"),
    "ui.transcript.none": Text("Kein Code enthält „{q}“", "No code contains “{q}”"),
    "ui.transcript.invivo": Text("+ Neuer Code aus Markierung", "+ New code from the marking"),
    "ui.transcript.foot": Text(
        "{n} Zeichen markiert · ↑↓ wählen · Enter zuweisen · Esc abbrechen",
        "{n} characters marked · ↑↓ choose · Enter assigns · Esc cancels",
    ),
    "ui.transcript.invivo_title": Text("Neuer Code aus Markierung", "New code from the marking"),
    "ui.transcript.top": Text("(oberste Ebene)", "(top level)"),
    "ui.transcript.create_assign": Text("Anlegen und zuweisen", "Create and assign"),
    "ui.transcript.needs_name": Text("Der neue Code braucht einen Namen.", "The new code needs a name."),
    "ui.transcript.no_slash": Text(
        "Ein Code-Name darf kein „/“ enthalten.", "A code name may not contain “/”."
    ),
    "ui.transcript.exists": Text(
        "Einen Code „{name}“ gibt es dort schon; bitte einen anderen Namen wählen.",
        "There is a code “{name}” there already; please choose another name.",
    ),
    "ui.transcript.creating_assign": Text(
        "Code „{name}“ wird angelegt und zugewiesen …", "Code “{name}” is being created and assigned …"
    ),
    "ui.transcript.same_extent": Text(
        "Die Codierung hat schon genau diese Ausdehnung.", "The coding already has exactly this extent."
    ),
    "ui.transcript.changing": Text("„{code}“ wird geändert …", "“{code}” is being changed …"),
    "ui.transcript.legend": Text("Dok. / ges.", "Doc. / all"),
    "ui.transcript.filter": Text("Codes filtern …", "Filter codes …"),
    "ui.transcript.filter_label": Text("Codes filtern", "Filter codes"),
    "ui.transcript.creating": Text("Code „{name}“ wird angelegt …", "Code “{name}” is being created …"),
    "ui.transcript.count": Text(
        "{doc} in diesem Dokument, {all} im Projekt", "{doc} in this document, {all} in the project"
    ),
    "ui.transcript.add_child": Text("Untercode zu „{name}“ anlegen", "Add a subcode to “{name}”"),
    "ui.transcript.add_top": Text("+ Code auf oberster Ebene", "+ Code at the top level"),
    "ui.transcript.mark_first": Text(
        "Erst Text markieren, dann „{code}“ anklicken, um ihn zuzuweisen.",
        "First mark text, then click “{code}” to assign it.",
    ),
    "ui.transcript.new_under": Text(
        "Neuer Code unter „{parent}“ · Enter", "New code under “{parent}” · Enter"
    ),
    "ui.transcript.new": Text("Neuer Code · Enter", "New code · Enter"),
    "ui.transcript.picked_own": Text(
        "„{code}“ ausgewählt: neue Ausdehnung markieren und im Fenster bestätigen.",
        "“{code}” chosen: mark the new extent and confirm in the window.",
    ),
    "ui.transcript.picked": Text("„{code}“ von {coder} ausgewählt.", "“{code}” of {coder} chosen."),
    "ui.transcript.weight": Text(" · Gewicht {weight}", " · weight {weight}"),
    "ui.transcript.assigned": Text("„{code}“ zugewiesen", "“{code}” assigned"),
    "ui.transcript.suggested": Text(
        "Vorschlag: {code} ({score}, {source})", "Suggestion: {code} ({score}, {source})"
    ),
    "ui.transcript.under": Text("unter", "under"),
}
