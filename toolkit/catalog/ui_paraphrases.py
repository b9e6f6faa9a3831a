"""Words of paraphrases and category building (issue 20, Mayring): the paraphrase section of
Zusammenfassungen and the paraphrase switch of Kodieren (``ui.paraphrases.``), and the weight of a
coding on Kodieren (``ui.weight.``). Their errors (``error.paraphrase.``) are in
:mod:`toolkit.catalog.errors_qca`."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # Kodieren: the switch, the side column and the editor of the selected coding's paraphrase
    "ui.paraphrases.switch": Text("Paraphrasen", "Paraphrases"),
    "ui.paraphrases.switch_help": Text(
        "Zeigt die Paraphrasen dieses Dokuments neben dem Text; eine gewählte Codierung bekommt ein "
        "Feld für ihre Paraphrase.",
        "Shows this document's paraphrases beside the text; a chosen coding gets a box for its paraphrase.",
    ),
    "ui.paraphrases.title": Text("Paraphrasen", "Paraphrases"),
    "ui.paraphrases.none": Text(
        "Noch keine Paraphrasen in diesem Dokument. Eine Codierung wählen oder Text markieren und "
        "„Paraphrase schreiben“.",
        "No paraphrases in this document yet. Choose a coding, or mark text and 'Write a paraphrase'.",
    ),
    "ui.paraphrases.saved_free": Text(
        "Paraphrase zu Zeichen {start}–{end} gespeichert.", "Paraphrase of characters {start}-{end} saved."
    ),
    # the popup at a selection on Kodieren (sent to the component with the other ui.transcript. words)
    "ui.transcript.para_write": Text("✎ Paraphrase schreiben", "✎ Write a paraphrase"),
    "ui.transcript.para_hint": Text("für die Markierung, ohne Code", "of the marking, without a code"),
    "ui.transcript.para_title": Text("Paraphrase der Markierung", "Paraphrase of the marking"),
    "ui.transcript.para_save": Text("Speichern", "Save"),
    "ui.transcript.para_cancel": Text("Abbrechen", "Cancel"),
    "ui.transcript.para_keys": Text("Strg+Enter speichert · Esc bricht ab", "Ctrl+Enter saves · Esc cancels"),
    "ui.transcript.para_empty": Text(
        "Bitte erst die Paraphrase schreiben.", "Please write the paraphrase first."
    ),
    "ui.transcript.para_saving": Text("Paraphrase wird gespeichert …", "The paraphrase is being saved …"),
    "ui.paraphrases.where": Text("Nr. {id} · Zeichen {start}–{end}", "No. {id} · characters {start}-{end}"),
    "ui.paraphrases.of_coder": Text(" · {coder}", " · {coder}"),
    "ui.paraphrases.in_group": Text(" · Gruppe „{group}“", " · group '{group}'"),
    "ui.paraphrases.of_coding": Text("Paraphrase dieser Codierung", "Paraphrase of this coding"),
    "ui.paraphrases.placeholder": Text(
        "Den Inhalt des Segments knapp in eigenen Worten …",
        "The segment's content, briefly, in your own words …",
    ),
    "ui.paraphrases.save": Text("Paraphrase speichern", "Save paraphrase"),
    "ui.paraphrases.delete": Text("Paraphrase löschen", "Delete paraphrase"),
    "ui.paraphrases.saved": Text("Paraphrase gespeichert.", "Paraphrase saved."),
    "ui.paraphrases.deleted": Text("Paraphrase gelöscht.", "Paraphrase deleted."),
    "ui.paraphrases.unchanged": Text("Nichts geändert.", "Nothing changed."),
    # Zusammenfassungen: the list per document, grouping, category building
    "ui.paraphrases.section": Text(
        "Paraphrasen und Kategorien bilden", "Paraphrases and building categories"
    ),
    "ui.paraphrases.section_intro": Text(
        "Zusammenfassende Inhaltsanalyse nach Mayring: Paraphrasen auswählen, zu einer benannten Gruppe "
        "zusammenfassen und die Gruppe als Code anlegen; jedes paraphrasierte Segment wird dann damit "
        "codiert (ein Schritt, rückgängig zu machen).",
        "Summarising content analysis after Mayring: choose paraphrases, gather them in a named group "
        "and make the group a code; each paraphrased segment is then coded with it (one step, "
        "undoable).",
    ),
    "ui.paraphrases.show": Text("Paraphrasen zeigen", "Show paraphrases"),
    "ui.paraphrases.document": Text("Dokument", "Document"),
    "ui.paraphrases.all_documents": Text("(alle Dokumente)", "(all documents)"),
    "ui.paraphrases.count": Text("{n} Paraphrasen", "{n} paraphrases"),
    "ui.paraphrases.col_id": Text("Nr.", "No."),
    "ui.paraphrases.col_document": Text("Dokument", "Document"),
    "ui.paraphrases.col_where": Text("Stelle", "Place"),
    "ui.paraphrases.col_segment": Text("Segment", "Segment"),
    "ui.paraphrases.col_text": Text("Paraphrase", "Paraphrase"),
    "ui.paraphrases.col_group": Text("Gruppe", "Group"),
    "ui.paraphrases.col_coder": Text("Kodierer:in", "Coder"),
    "ui.paraphrases.pick_hint": Text(
        "Zeilen in der Tabelle anklicken, um Paraphrasen zu wählen.",
        "Click rows of the table to choose paraphrases.",
    ),
    "ui.paraphrases.chosen": Text("{n} gewählt", "{n} chosen"),
    "ui.paraphrases.group_name": Text("Gruppe (neu oder vorhanden)", "Group (new or existing)"),
    "ui.paraphrases.group": Text("In Gruppe legen", "Put into group"),
    "ui.paraphrases.ungroup": Text("Aus Gruppe nehmen", "Take out of group"),
    "ui.paraphrases.grouped": Text(
        "{n} Paraphrasen in Gruppe „{group}“.", "{n} paraphrases in group '{group}'."
    ),
    "ui.paraphrases.ungrouped": Text(
        "{n} Paraphrasen aus ihrer Gruppe genommen.", "{n} paraphrases taken out of their group."
    ),
    "ui.paraphrases.groups": Text("Gruppen", "Groups"),
    "ui.paraphrases.no_groups": Text("Noch keine Gruppen.", "No groups yet."),
    "ui.paraphrases.group_line.one": Text("{name}: {n} Paraphrase", "{name}: {n} paraphrase"),
    "ui.paraphrases.group_line.other": Text("{name}: {n} Paraphrasen", "{name}: {n} paraphrases"),
    "ui.paraphrases.edit_group": Text("Gruppe umbenennen oder löschen", "Rename or delete a group"),
    "ui.paraphrases.new_name": Text("Neuer Name", "New name"),
    "ui.paraphrases.rename": Text("Umbenennen", "Rename"),
    "ui.paraphrases.delete_group": Text("Gruppe löschen", "Delete group"),
    "ui.paraphrases.renamed": Text(
        "Gruppe „{old}“ heißt jetzt „{new}“.", "Group '{old}' is now called '{new}'."
    ),
    "ui.paraphrases.group_deleted.one": Text(
        "Gruppe „{name}“ gelöscht; ihre {n} Paraphrase ist in keiner Gruppe mehr.",
        "Group '{name}' deleted; its {n} paraphrase is in no group now.",
    ),
    "ui.paraphrases.group_deleted.other": Text(
        "Gruppe „{name}“ gelöscht; ihre {n} Paraphrasen sind in keiner Gruppe mehr.",
        "Group '{name}' deleted; its {n} paraphrases are in no group now.",
    ),
    "ui.paraphrases.build": Text("Kategorie bilden", "Build category"),
    "ui.paraphrases.build_group": Text("Gruppe", "Group"),
    "ui.paraphrases.parent": Text("Übergeordneter Code", "Parent code"),
    "ui.paraphrases.top_level": Text("(oberste Ebene)", "(top level)"),
    "ui.paraphrases.code_name": Text("Name des Codes", "Name of the code"),
    "ui.paraphrases.built_new": Text(
        "Code „{code}“ angelegt; {n} Segmente damit codiert.",
        "Code '{code}' created; {n} segments coded with it.",
    ),
    "ui.paraphrases.built_existing": Text(
        "{n} Segmente mit dem vorhandenen Code „{code}“ codiert.",
        "{n} segments coded with the existing code '{code}'.",
    ),
    "ui.paraphrases.already": Text(" ({n} waren schon so codiert.)", " ({n} were coded so already.)"),
    "ui.paraphrases.undo": Text("Paraphrasen-Schritt zurücknehmen", "Undo paraphrase step"),
    "ui.paraphrases.undone": Text("Zurückgenommen: {what}.", "Undone: {what}."),
    "ui.paraphrases.nothing_to_undo": Text("Nichts zurückzunehmen.", "Nothing to undo."),
    "ui.paraphrases.step.add": Text("Paraphrase geschrieben", "paraphrase written"),
    "ui.paraphrases.step.update": Text("Paraphrase geändert", "paraphrase changed"),
    "ui.paraphrases.step.delete": Text("Paraphrase gelöscht", "paraphrase deleted"),
    "ui.paraphrases.step.group": Text("Gruppierung", "grouping"),
    "ui.paraphrases.step.categorise": Text("Kategorie „{code}“", "category '{code}'"),
    "ui.paraphrases.step.group_rename": Text("Umbenennung der Gruppe „{name}“", "renaming of group '{name}'"),
    "ui.paraphrases.step.group_delete": Text("Löschen der Gruppe „{name}“", "deletion of group '{name}'"),
    # Kodieren: the weight of the selected coding
    "ui.weight.label": Text("Gewicht (0 = keins)", "Weight (0 = none)"),
    "ui.weight.help": Text(
        "Wie typisch oder stark das Segment für seinen Code ist, 0 bis 100; im Tooltip am Rand zu sehen.",
        "How typical or strong the segment is for its code, 0 to 100; shown in the margin's tooltip.",
    ),
    "ui.weight.saved": Text("Gewicht {weight} gespeichert.", "Weight {weight} saved."),
}
