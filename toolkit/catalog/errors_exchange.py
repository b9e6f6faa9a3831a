"""Texts of the library's errors of exchange files (REFI-QDA, Taguette, XML) and exports, reports
(``error.<code>``), German and English; see :mod:`toolkit.catalog.errors`."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # suggestions
    "error.xml.dtd": Text(
        "das XML deklariert eine DTD oder Entitäten ({reason}); Austauschdateien brauchen sie nie, daher "
        "wird die Datei als unsicher abgelehnt",
        "the XML declares a DTD or entities ({reason}); exchange files never need them, so the file is "
        "refused as unsafe",
    ),
    "error.xml.not_well_formed_line": Text(
        "Zeile {line}: kein wohlgeformtes XML ({reason}); bitte die Datei erneut exportieren",
        "line {line}: not well-formed XML ({reason}); export the file again",
    ),
    "error.xml.not_well_formed": Text(
        "kein wohlgeformtes XML ({reason}); bitte die Datei erneut exportieren",
        "not well-formed XML ({reason}); export the file again",
    ),
    "error.refi.codes_too_deep": Text(
        "die Codes sind tiefer als {limit} Ebenen verschachtelt; die Datei wird abgelehnt",
        "codes are nested deeper than {limit} levels; the file is refused",
    ),
    "error.refi.root_not_codebook": Text(
        "das Wurzelelement ist <{root}>, nicht <CodeBook>; ist das eine .qdc-Datei?",
        "the root element is <{root}>, not <CodeBook>; is this a .qdc file?",
    ),
    "error.refi.root_not_project": Text(
        "das Wurzelelement ist <{root}>, nicht <Project>; ist das eine .qde-Datei?",
        "the root element is <{root}>, not <Project>; is this a .qde file?",
    ),
    "error.refi.code_no_guid": Text(
        "der Code „{code}“ hat keine GUID; jeder Code braucht eine",
        "code '{code}' has no guid; every Code needs one",
    ),
    "error.refi.selection_not_number": Text(
        "die Markierung {selection} hat {attribute}=„{value}“, keine ganze Zahl",
        "selection {selection} has {attribute}='{value}', which is not a whole number",
    ),
    "error.refi.export_no_codes": Text(
        "Das Projekt hat keine Codes, ein .qdc-Codebuch braucht aber mindestens einen; bitte zuerst Codes "
        "anlegen.",
        "the project has no codes, and a .qdc codebook needs at least one; add codes first",
    ),
    "error.taguette.columns_missing": Text(
        "Spalte(n) {columns} fehlen; ein Taguette-Export der Markierungen hat id, document, tag, content "
        "(gefunden: {found})",
        "missing column(s) {columns}; a Taguette highlights export has id, document, tag, content (found: "
        "{found})",
    ),
    "error.taguette.map_pair": Text(
        "Die Zuordnung „{pair}“ ist nicht ALT=NEU (der Name in Taguette = der Name im Projekt).",
        "map '{pair}' is not OLD=NEW (the Taguette name = the project's name)",
    ),
    "error.taguette.map_no_document": Text(
        "Zuordnung {old}={new}: ein Dokument „{new}“ gibt es im Projekt nicht; die Dokumente zeigt "
        "`coding-toolkit documents`.",
        "map {old}={new}: the project has no document '{new}'; list them with `coding-toolkit documents`",
    ),
    "error.taguette.map_line": Text(
        "Zeile {line}: „{text}“ ist nicht ALT=NEU",
        "line {line}: '{text}' is not OLD=NEW",
    ),
    "error.taguette.codebook_columns": Text(
        "ein Taguette-Codebuch (CSV) hat genau eine der Spalten tag, name, path (gefunden: {found}); für "
        "das eigene Codebuch dieses Toolkits bitte den YAML-Export verwenden",
        "a Taguette codebook CSV has exactly one of the columns tag, name, path (found: {found}); for this "
        "toolkit's own codebook use the YAML export",
    ),
    "error.taguette.no_tags": Text(
        "das Codebuch hat keine Tags",
        "the codebook has no tags",
    ),
    "error.taguette.codebook_empty": Text(
        "die Datei ist leer; bitte das Codebuch aus Taguette als CSV exportieren",
        "the file is empty; export the codebook from Taguette as CSV",
    ),
    "error.taguette.tag_invalid": Text(
        "Tag „{tag}“: {cause}",
        "tag '{tag}': {cause}",
    ),
    "error.taguette.tag_empty": Text(
        "Zeile {line}: der Tag ist leer; bitte ausfüllen oder die Zeile löschen",
        "line {line}: the tag is empty; fill it in or delete the row",
    ),
    "error.export.no_tables": Text(
        "Keine Tabellen zum Exportieren; bitte mindestens eine wählen.",
        "no tables to export; choose at least one table",
    ),
    "error.export.styled_xlsx_only": Text(
        "Eine formatierte Tabelle wird nur als xlsx geschrieben; für csv und json bitte die Tabelle selbst "
        "übergeben.",
        "a styled table is written to xlsx only; pass the frame for csv and json",
    ),
    # pseudonyms, REFI-QDA projects, suggestion models
    "error.refi.unknown_type": Text(
        "unbekannter Dateityp „{suffix}“; bitte ein .qdpx-Projekt oder ein .qdc-Codebuch wählen",
        "unknown file type '{suffix}'; use a .qdpx project or a .qdc codebook",
    ),
    "error.refi.no_project_qde": Text(
        "das Archiv enthält keine project.qde; ist das ein REFI-QDA-Projekt (.qdpx)?",
        "the archive has no project.qde; is this a REFI-QDA .qdpx project?",
    ),
    # memos, document sets, wide tables, reports
    "error.report.quotes_per_code": Text(
        "Zitate je Code ({quotes}) müssen 0 oder mehr sein (None: alle).",
        "quotes per code {quotes} must be 0 or more (None: all)",
    ),
}
