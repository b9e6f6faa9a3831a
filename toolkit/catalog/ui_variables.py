"""Page words of the variables table on Dokumente (import from Excel/CSV, export)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.variables.title": Text("Variablen aus einer Tabelle", "Variables from a table"),
    "ui.variables.help": Text(
        "Excel (.xlsx) oder CSV: erste Spalte der Dokumentname, jede weitere Spalte eine Variable "
        "(Text, Zahl oder Datum). Leere Zellen ändern nichts.",
        "Excel (.xlsx) or CSV: first column the document name, every other column a variable "
        "(text, number or date). Empty cells change nothing.",
    ),
    "ui.variables.file": Text("Tabelle", "Table"),
    "ui.variables.preview": Text(
        "{values} Werte in {documents} Dokumenten würden gesetzt.",
        "{values} values in {documents} documents would be set.",
    ),
    "ui.variables.nothing": Text(
        "Die Tabelle ändert nichts: alle Werte sind schon so gesetzt.",
        "The table changes nothing: every value is already set.",
    ),
    "ui.variables.unmatched": Text(
        "Zeile {line}: kein Dokument „{name}“ im Projekt; die Zeile wird übersprungen.",
        "Line {line}: no document “{name}” in the project; the row is skipped.",
    ),
    "ui.variables.undefined": Text(
        "Nicht im Codebuch definiert (werden als freie Variablen übernommen): {names}",
        "Not defined in the codebook (taken as free variables): {names}",
    ),
    "ui.variables.types": Text("Spalten: {columns}", "Columns: {columns}"),
    "ui.variables.type.text": Text("Text", "text"),
    "ui.variables.type.number": Text("Zahl", "number"),
    "ui.variables.type.date": Text("Datum", "date"),
    "ui.variables.col.document": Text("Dokument", "Document"),
    "ui.variables.col.name": Text("Variable", "Variable"),
    "ui.variables.col.old": Text("bisher", "before"),
    "ui.variables.col.new": Text("neu", "new"),
    "ui.variables.apply": Text("Übernehmen", "Apply"),
    "ui.variables.done": Text(
        "{values} Werte in {documents} Dokumenten gesetzt.", "{values} values set in {documents} documents."
    ),
    "ui.variables.download_xlsx": Text("Variablen als Excel", "Variables as Excel"),
    "ui.variables.download_csv": Text("Variablen als CSV", "Variables as CSV"),
}
