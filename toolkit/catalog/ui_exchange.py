"""Words of the page Austausch (REFI-QDA and Taguette import and export)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.exchange.title": Text("Austausch", "Exchange"),
    "ui.exchange.caption": Text(
        "REFI-QDA: Projekte (.qdpx) und Codebücher (.qdc) mit MAXQDA, ATLAS.ti, NVivo, QualCoder, qc "
        "und Taguette austauschen",
        "REFI-QDA: exchange projects (.qdpx) and codebooks (.qdc) with MAXQDA, ATLAS.ti, NVivo, "
        "QualCoder, qc and Taguette",
    ),
    "ui.exchange.field.name": Text("Name", "Name"),
    "ui.exchange.field.name_en": Text("Name (englisch)", "Name (English)"),
    "ui.exchange.field.definition": Text("Definition", "Definition"),
    "ui.exchange.field.anchor_example": Text("Ankerbeispiel", "Anchor example"),
    "ui.exchange.field.coding_rule": Text("Kodierregel", "Coding rule"),
    "ui.exchange.field.colour": Text("Farbe", "Colour"),
    "ui.exchange.field.field_of_action": Text("Handlungsfeld", "Field of action"),
    "ui.exchange.field.valence": Text("Valenz", "Valence"),
    "ui.exchange.field.keywords_de": Text("Schlüsselwörter (de)", "Keywords (de)"),
    "ui.exchange.field.keywords_en": Text("Schlüsselwörter (en)", "Keywords (en)"),
    "ui.exchange.field.source": Text("Quelle", "Source"),
    "ui.exchange.field.parent": Text("übergeordneter Code", "parent code"),
    "ui.exchange.field.id": Text("Kennung", "Identifier"),
    "ui.exchange.empty": Text("(leer)", "(empty)"),
    "ui.exchange.code_added": Text("- neu: **{path}**", "- new: **{path}**"),
    "ui.exchange.code_changed": Text("- geändert: **{path}**: {fields}", "- changed: **{path}**: {fields}"),
    "ui.exchange.field_change": Text("{field}: „{before}“ → „{after}“", "{field}: “{before}” → “{after}”"),
    "ui.exchange.code_kept": Text(
        "- behalten bei **{path}** (in der Datei leer): {fields}",
        "- kept for **{path}** (empty in the file): {fields}",
    ),
    "ui.exchange.code_counts": Text(
        "Codes im Einzelnen: {added} neu, {updated} geändert, {unchanged} gleich",
        "Codes one by one: {added} new, {updated} changed, {unchanged} the same",
    ),
    "ui.exchange.origin": Text(" (aus {origin})", " (from {origin})"),
    "ui.exchange.checked": Text(
        "{name} geprüft{origin}: so würde der Import aussehen; nichts wurde gespeichert",
        "{name} checked{origin}: this is what the import would look like; nothing was saved",
    ),
    "ui.exchange.imported": Text("{name} importiert{origin}", "{name} imported{origin}"),
    "ui.exchange.documents": Text("Dokumente", "Documents"),
    "ui.exchange.codings": Text("Codierungen", "Codings"),
    "ui.exchange.codes_new": Text("Codes neu", "New codes"),
    "ui.exchange.memos": Text("Memos", "Memos"),
    "ui.exchange.codes_updated": Text("{n} Code(s) geändert", "{n} code(s) changed"),
    "ui.exchange.coders_added": Text("{n} neue Kodierer:in(nen)", "{n} new coder(s)"),
    "ui.exchange.attributes_set": Text("{n} Merkmalswerte", "{n} attribute values"),
    "ui.exchange.present": Text(
        "schon vorhanden: {documents} Dokumente, {codings} Codierungen",
        "already there: {documents} documents, {codings} codings",
    ),
    "ui.exchange.missing_sources": Text(
        "Fehlende Quellen (nicht importiert)", "Missing sources (not imported)"
    ),
    "ui.exchange.skipped_sources": Text("Übersprungene Quellen (kein Text)", "Skipped sources (no text)"),
    "ui.exchange.warnings": Text("Hinweise", "Notes"),
    "ui.exchange.import": Text("Importieren", "Import"),
    "ui.exchange.lead_only": Text(
        "Nur eine Projektleitung kann Projekte und Codebücher importieren.",
        "Only a project lead can import projects and codebooks.",
    ),
    "ui.exchange.file": Text("Datei", "File"),
    "ui.exchange.dry_run": Text(
        "Nur prüfen: Bericht zeigen, nichts speichern", "Check only: show the report, save nothing"
    ),
    "ui.exchange.export": Text("Exportieren", "Export"),
    "ui.exchange.export_caption": Text(
        "Für andere Programme: Texte, Codes mit Definition, Ankerbeispiel und Kodierregel, "
        "Codierungen, Memos",
        "For other programs: texts, codes with definition, anchor example and coding rule, codings, memos",
    ),
    "ui.exchange.unique_names": Text(
        "Für QualCoder: eindeutige Codenamen wie „Treiber (Mensch)“ (QualCoder legt gleichnamige Codes "
        "zusammen) und Sprecher:innen als Fälle mit ihren Redebeiträgen",
        "For QualCoder: unique code names like “Treiber (Mensch)” (QualCoder merges codes of the same "
        "name) and speakers as cases with their turns",
    ),
    "ui.exchange.project_qdpx": Text("Projekt (.qdpx)", "Project (.qdpx)"),
    "ui.exchange.project_file": Text("projekt.qdpx", "project.qdpx"),
    "ui.exchange.codebook_qdc": Text("Codebuch (.qdc)", "Codebook (.qdc)"),
    "ui.exchange.codebook_file": Text("codebuch.qdc", "codebook.qdc"),
    "ui.exchange.taguette_file": Text("codebuch-taguette.csv", "codebook-taguette.csv"),
    "ui.exchange.taguette_help": Text(
        "Das Codebuch für Taguette (dort: Codebuch importieren). Die Ebenen eines Codes stehen im "
        "Tag-Namen („Mensch/Treiber/Lotsen“); Taguettes Export gibt denselben Baum zurück.",
        "The codebook for Taguette (there: import codebook). A code's levels are in the tag's name "
        "(“Mensch/Treiber/Lotsen”); Taguette's export gives the same tree back.",
    ),
}
