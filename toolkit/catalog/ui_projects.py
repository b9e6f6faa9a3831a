"""Words of the page Projekte (open, create and forget projects)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.projects.title": Text("Projekte", "Projects"),
    "ui.projects.codebook.shipped": Text("mitgeliefertes Codebuch", "codebook shipped with the toolkit"),
    "ui.projects.codebook.empty": Text("leer", "empty"),
    "ui.projects.codebook.file": Text("Codebuch-Datei", "codebook file"),
    "ui.projects.team_mode": Text(
        "Im Teammodus stellt dieser Server genau ein Projekt bereit: {path}. Ein anderes Projekt "
        "startet die Projektleitung auf dem Server mit `make run DB=DATEI` (oder `CODING_TOOLKIT_DB=DATEI`).",
        "In team mode this server serves exactly one project: {path}. A lead starts another project "
        "on the server with `make run DB=FILE` (or `CODING_TOOLKIT_DB=FILE`).",
    ),
    "ui.projects.when": Text("%d.%m.%Y, %H:%M Uhr", "%Y-%m-%d, %H:%M"),
    "ui.projects.forgotten": Text(
        "Aus der Liste entfernt; die Datei bleibt erhalten.", "Removed from the list; the file stays."
    ),
    "ui.projects.opened_now": Text("Geöffnet: **{name}** · {path}", "Open: **{name}** · {path}"),
    "ui.projects.recent": Text("Zuletzt geöffnet", "Recently opened"),
    "ui.projects.none": Text("Noch keine Projekte geöffnet.", "No projects opened yet."),
    "ui.projects.is_open": Text(" · **geöffnet**", " · **open**"),
    "ui.projects.missing": Text(" · Datei fehlt", " · file missing"),
    "ui.projects.last_opened": Text("{path} · zuletzt geöffnet {when}", "{path} · last opened {when}"),
    "ui.projects.open": Text("Öffnen", "Open"),
    "ui.projects.opened": Text("Projekt „{name}“ geöffnet", "Project “{name}” opened"),
    "ui.projects.forget": Text("Aus der Liste entfernen", "Remove from the list"),
    "ui.projects.new": Text("Neues Projekt", "New project"),
    "ui.projects.name": Text("Name", "Name"),
    "ui.projects.name_placeholder": Text(
        "z. B. Studie Verwaltung 2027", "e.g. Public administration study 2027"
    ),
    "ui.projects.folder": Text("Ordner", "Folder"),
    "ui.projects.codebook": Text("Codebuch", "Codebook"),
    "ui.projects.codebook_file": Text(
        "Codebuch-Datei (.yaml dieses Toolkits oder REFI-QDA .qdc)",
        "Codebook file (.yaml of this toolkit or REFI-QDA .qdc)",
    ),
    "ui.projects.file_name": Text("Projektdatei: {path}", "Project file: {path}"),
    "ui.projects.create": Text("Anlegen und öffnen", "Create and open"),
    "ui.projects.no_file": Text(
        "Bitte eine Codebuch-Datei wählen (oder das mitgelieferte bzw. ein leeres Codebuch).",
        "Please choose a codebook file (or the shipped or an empty codebook).",
    ),
    "ui.projects.created": Text(
        "Projekt „{name}“ angelegt und geöffnet", "Project “{name}” created and opened"
    ),
    "ui.projects.open_file": Text("Projektdatei öffnen", "Open a project file"),
    "ui.projects.path": Text("Pfad der Projektdatei", "Path of the project file"),
    "ui.projects.path_placeholder": Text("/pfad/zu/studie.db", "/path/to/study.db"),
    "ui.projects.open_button": Text("Datei öffnen", "Open file"),
    "ui.projects.cli_note": Text(
        "Das geöffnete Projekt gilt auch für die Kommandozeile: `coding-toolkit documents` ohne `--db` "
        "arbeitet mit ihm; `make run` öffnet es beim nächsten Start wieder.",
        "The open project also holds for the command line: `coding-toolkit documents` without `--db` "
        "works with it; `make run` opens it again at the next start.",
    ),
}
