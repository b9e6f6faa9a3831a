"""Words of the page Codebuch (the code tree and editing codes)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.codebook.title": Text("Codebuch", "Codebook"),
    "ui.codebook.edit_codebook": Text("Codebuch bearbeiten", "Edit the codebook"),
    "ui.codebook.action.edit": Text("Ändern", "Change"),
    "ui.codebook.action.new": Text("Neu", "New"),
    "ui.codebook.action.move": Text("Verschieben", "Move"),
    "ui.codebook.action.merge": Text("Zusammenführen", "Merge"),
    "ui.codebook.action.delete": Text("Löschen", "Delete"),
    "ui.codebook.empty": Text(
        "Das Codebuch ist leer. Codes mit „Neu“ anlegen, ein Codebuch auf der Seite Austausch "
        "importieren oder mit `coding-toolkit codebook load DATEI.yaml` laden.",
        "The codebook is empty. Create codes with “New”, import a codebook on the page Exchange "
        "or load one with `coding-toolkit codebook load FILE.yaml`.",
    ),
    "ui.codebook.no_field": Text("ohne Handlungsfeld", "no field of action"),
    "ui.codebook.codings": Text("{n} Codierungen", "{n} codings"),
    "ui.codebook.definition": Text("Definition", "Definition"),
    "ui.codebook.anchor": Text("Ankerbeispiel", "Anchor example"),
    "ui.codebook.rule": Text("Kodierregel", "Coding rule"),
    "ui.codebook.keywords": Text("Schlüsselwörter: {words}", "Keywords: {words}"),
    "ui.codebook.other_name": Text("EN: {name}", "DE: {name}"),
    "ui.codebook.edit": Text("Bearbeiten", "Edit"),
    "ui.codebook.under": Text("Unter", "Under"),
    "ui.codebook.top": Text("(oberste Ebene)", "(top level)"),
    "ui.codebook.name": Text("Name", "Name"),
    "ui.codebook.create": Text("Anlegen", "Create"),
    "ui.codebook.no_codes": Text(
        "Noch keine Codes: zuerst mit „Neu“ einen anlegen.", "No codes yet: first create one with “New”."
    ),
    "ui.codebook.code": Text("Code", "Code"),
    "ui.codebook.name_en": Text("Name (englisch)", "Name (English)"),
    "ui.codebook.colour": Text("Farbe", "Colour"),
    "ui.codebook.keywords_de": Text(
        "Schlüsselwörter (de, durch Komma getrennt)", "Keywords (de, separated by commas)"
    ),
    "ui.codebook.keywords_en": Text("Schlüsselwörter (en)", "Keywords (en)"),
    "ui.codebook.save": Text("Speichern", "Save"),
    "ui.codebook.new_place": Text("Neuer Ort", "New place"),
    "ui.codebook.stay": Text("{n} Codierungen bleiben beim Code.", "{n} codings stay with the code."),
    "ui.codebook.move": Text("Verschieben", "Move"),
    "ui.codebook.into": Text("In Code", "Into code"),
    "ui.codebook.merge_warning": Text(
        "{n} Codierungen werden nach „{target}“ übertragen; „{name}“ wird danach gelöscht.",
        "{n} codings are moved to “{target}”; “{name}” is deleted afterwards.",
    ),
    "ui.codebook.merge_sure": Text("Ja, zusammenführen", "Yes, merge"),
    "ui.codebook.merge": Text("Zusammenführen", "Merge"),
    "ui.codebook.delete_warning": Text(
        "{n} Codierungen nutzen diesen Code. Sie müssen zu einem anderen Code.",
        "{n} codings use this code. They must go to another code.",
    ),
    "ui.codebook.move_codings_to": Text("Codierungen übertragen nach", "Move the codings to"),
    "ui.codebook.none_affected": Text("Keine Codierungen betroffen.", "No codings affected."),
    "ui.codebook.delete_sure": Text("Ja, löschen", "Yes, delete"),
    "ui.codebook.delete": Text("Löschen", "Delete"),
}
