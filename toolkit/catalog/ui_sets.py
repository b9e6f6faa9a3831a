"""Page words of document sets (Dokumente, Auswertung)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.sets.title": Text("Dokumentgruppen", "Document sets"),
    "ui.sets.help": Text(
        "Benannte Gruppen von Dokumenten (z. B. „Großstädte“, „Welle 1“), nach denen Auswertung und "
        "Suche filtern können. Ein Dokument kann in mehreren Gruppen sein.",
        "Named groups of documents (e.g. “large cities”, “wave 1”) that Auswertung and search can "
        "filter by. A document can be in several sets.",
    ),
    "ui.sets.pick": Text("Gruppe", "Set"),
    "ui.sets.new": Text("neue Gruppe …", "new set …"),
    "ui.sets.name": Text("Name der Gruppe", "Name of the set"),
    "ui.sets.documents": Text("Dokumente der Gruppe", "Documents in the set"),
    "ui.sets.create": Text("Anlegen", "Create"),
    "ui.sets.save": Text("Speichern", "Save"),
    "ui.sets.delete": Text("Gruppe löschen", "Delete set"),
    "ui.sets.created.one": Text(
        "Gruppe „{name}“ mit {n} Dokument angelegt.", "Set “{name}” created with {n} document."
    ),
    "ui.sets.created.other": Text(
        "Gruppe „{name}“ mit {n} Dokumenten angelegt.", "Set “{name}” created with {n} documents."
    ),
    "ui.sets.saved": Text(
        "„{name}“: {added} hinzugefügt, {removed} herausgenommen.",
        "“{name}”: {added} added, {removed} taken out.",
    ),
    "ui.sets.deleted": Text(
        "Gruppe „{name}“ gelöscht; die Dokumente bleiben im Projekt.",
        "Set “{name}” deleted; its documents stay in the project.",
    ),
    "ui.sets.count.one": Text("{n} Dokument", "{n} document"),
    "ui.sets.count.other": Text("{n} Dokumente", "{n} documents"),
    "ui.searchfilter.sets": Text("Nur in Dokumentgruppen", "Only in document sets"),
    "ui.searchfilter.roles": Text("Nur Sprecher:innen mit der Rolle", "Only speakers with the role"),
}
