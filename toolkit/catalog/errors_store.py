"""Texts of the library's errors of the project file, backups, restore, snapshots, archives, the audit
trail, undo and redo, the demo project, links into the app (``error.<code>``), German and English;
see :mod:`toolkit.catalog.errors`."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # projects and the project file
    "error.undo.text_changed": Text(
        "Der Text von {document} wurde seit diesem Schritt geändert (pseudonymisiert oder bearbeitet); der "
        "Schritt lässt sich nicht mehr rückgängig machen oder wiederholen.",
        "the text of {document} has changed since this step (pseudonymised or edited); it can no longer be "
        "undone or redone",
    ),
    "error.undo.coding_gone_change": Text(
        "Die Codierung gibt es nicht mehr (jemand hat sie gelöscht); die Änderung lässt sich nicht umkehren.",
        "the coding no longer exists; the change cannot be reversed",
    ),
    "error.undo.pseudonymised_since": Text(
        "Das Projekt wurde seitdem pseudonymisiert; ältere Schritte lassen sich nicht mehr zurücknehmen "
        "(sie brächten Namen zurück).",
        "the project has been pseudonymised since; older steps cannot be taken back (they would bring "
        "names back)",
    ),
    "error.undo.not_possible": Text(
        "Die Codierung gibt es nicht mehr (jemand hat sie gelöscht); nichts rückgängig zu machen.",
        "the coding no longer exists; nothing to undo",
    ),
    "error.undo.code_or_coder_gone": Text(
        "Der Code oder die Kodierer:in dieser Codierung existiert nicht mehr; sie lässt sich nicht "
        "wiederherstellen.",
        "the code or coder of this coding no longer exists; it cannot be restored",
    ),
    "error.redo.coding_exists": Text(
        "Die Codierung gibt es schon wieder; nichts wiederherzustellen.",
        "the coding exists again; nothing to restore",
    ),
    "error.redo.no_coding_in_event": Text(
        "Der Schritt enthält die Codierung nicht, die wiederhergestellt werden soll.",
        "the event does not hold the coding to restore",
    ),
    "error.project.no_file": Text(
        "{path}: hier liegt keine Projektdatei; bitte den Pfad prüfen oder ein neues Projekt anlegen.",
        "{path}: no project file here; check the path or create a new project",
    ),
    "error.project.not_a_project": Text(
        "{path} ist keine Projektdatei des Toolkits; bitte eine mit dem Toolkit angelegte .db-Datei öffnen.",
        "{path}: not a coding-toolkit project; open a .db file made by the toolkit",
    ),
    "error.project.name_invalid": Text(
        "Der Projektname „{name}“ braucht Buchstaben oder Ziffern.",
        "project name '{name}': give a name with letters or digits",
    ),
    "error.project.name_missing": Text(
        "Das Projekt braucht einen Namen, z. B. „Studie 2027“.",
        "the project has no name; give it one, e.g. 'Studie 2027'",
    ),
    "error.project.file_exists": Text(
        "{path}: eine Datei dieses Namens gibt es schon; bitte einen anderen Namen wählen oder sie öffnen.",
        "{path}: a file exists there; choose another name or open it",
    ),
    "error.project.codebook_choice": Text(
        "Codebuch „{codebook}“: bitte „shipped“ (mitgeliefert), „empty“ (leer) oder eine Codebuch-Datei "
        "wählen.",
        "codebook '{codebook}': choose 'shipped', 'empty' or upload a codebook file",
    ),
    "error.store.no_project": Text(
        "{path}: hier ist kein Projekt. Auf der Seite Projekte ein neues anlegen oder ein anderes öffnen "
        "(oder mit `coding-toolkit --db {path} init`).",
        "{path}: no project here; create one with `coding-toolkit --db {path} init`",
    ),
    "error.store.exists": Text(
        "{path}: hier gibt es schon ein Projekt; bitte einen anderen Pfad wählen (--db).",
        "{path}: a project already exists here; pick another --db path",
    ),
    "error.store.cannot_open": Text(
        "{path}: die Projektdatei lässt sich nicht öffnen ({reason}); ist es ein Projekt des Toolkits?",
        "{path}: cannot open the project database ({reason}); is it a coding-toolkit project?",
    ),
    "error.store.rule_broken": Text(
        "Die Änderung wurde abgelehnt, weil sie eine Regel des Projekts verletzt ({reason}).",
        "the change was refused because it breaks a rule of the project ({reason})",
    ),
    # importing transcripts
    "error.link.document_not_found": Text(
        "Das Dokument „{document}“ aus dem Link ist nicht in diesem Projekt.",
        "document '{document}' from the link is not in this project",
    ),
    "error.link.span_outside": Text(
        "Die Stelle {start}–{end} aus dem Link liegt außerhalb von Dokument „{document}“.",
        "link span {start}-{end} is outside document '{document}'",
    ),
    "error.link.offsets_not_numbers": Text(
        "Die Stellen im Link (start={start}, end={end}) sind keine ganzen Zahlen.",
        "link offsets start={start} end={end} are not whole numbers",
    ),
    # the demo project
    "error.backup.no_such_file": Text(
        "{path}: diese Datei gibt es nicht; bitte eine mit `coding-toolkit backup -o DATEI` angelegte "
        "Sicherung angeben.",
        "{path}: no such file; name a backup made with `coding-toolkit backup -o FILE`",
    ),
    "error.backup.newer_toolkit": Text(
        "{path}: von einer neueren Version des Toolkits geschrieben (Migrationen {migrations}); bitte "
        "zuerst das Toolkit aktualisieren.",
        "{path}: written by a newer coding-toolkit (migrations {migrations}); update the toolkit first",
    ),
    "error.backup.target_exists": Text(
        "{path}: gibt es schon; bitte einen neuen Dateinamen für die Sicherung wählen.",
        "{path}: exists already; choose a new file name for the backup",
    ),
    "error.backup.target_is_project": Text(
        "{path}: ist das Projekt selbst; bitte eine andere Datei für die Sicherung wählen.",
        "{path}: is the project itself; choose another file for the backup",
    ),
    "error.restore.source_is_project": Text(
        "{path}: ist das Projekt selbst; bitte eine Sicherungsdatei angeben.",
        "{path}: is the project itself; name a backup file",
    ),
    "error.snapshot.keep_none": Text(
        "keep={keep}: bitte mindestens einen Schnappschuss behalten.",
        "keep={keep}: keep at least one snapshot",
    ),
    "error.backup.unreadable": Text(
        "{path}: die Datei lässt sich nicht als Projekt lesen ({reason}); bitte eine andere Datei angeben.",
        "{path}: cannot read the file as a project ({reason}); name another file",
    ),
    "error.backup.not_sqlite": Text(
        "{path}: keine SQLite-Datenbank ({reason}); bitte eine mit `coding-toolkit backup` angelegte "
        "Sicherung angeben.",
        "{path}: not a SQLite database ({reason}); name a backup made with `coding-toolkit backup`",
    ),
    "error.backup.cannot_write": Text(
        "{path}: die Sicherung lässt sich nicht schreiben ({reason}); bitte einen beschreibbaren Ordner mit "
        "freiem Platz wählen.",
        "{path}: cannot write the backup ({reason}); choose a writable folder with free space",
    ),
    "error.restore.integrity_failed": Text(
        "{path}: die Wiederherstellung hat die Integritätsprüfung nicht bestanden ({reason}); aufbewahrt: "
        "{kept}",
        "{path}: restore failed the integrity check ({reason}); kept {kept}",
    ),
    "error.backup.damaged": Text(
        "{path}: die Datei ist beschädigt (integrity_check: {reason}); bitte eine andere Sicherung "
        "verwenden.",
        "{path}: the file is damaged (integrity_check: {reason}); use another backup",
    ),
    "error.backup.missing_tables": Text(
        "{path}: kein Projekt des Toolkits (Tabelle {tables} fehlt); bitte eine mit `coding-toolkit backup` "
        "angelegte Sicherung angeben.",
        "{path}: not a coding-toolkit project (no table {tables}); name a backup made with `coding-toolkit "
        "backup`",
    ),
    "error.backup.no_project_guid": Text(
        "{path}: kein Projekt des Toolkits (keine project_guid); bitte eine andere Sicherung angeben.",
        "{path}: not a coding-toolkit project (no project_guid); name another backup",
    ),
    "error.backup.busy": Text(
        "{path}: die Datei ist gerade belegt ({reason}); bitte gleich noch einmal versuchen.",
        "{path}: the file is busy ({reason}); try again in a moment",
    ),
    "error.restore.other_project": Text(
        "{path}: ist die Sicherung eines anderen Projekts ({guid}, dieses ist {current}); mit "
        "--other-project trotzdem ersetzen.",
        "{path}: is a backup of another project ({guid}, this is {current}); pass --other-project to "
        "replace it anyway",
    ),
    "error.audit.limit": Text(
        "limit {limit}: bitte eine positive Zahl von Ereignissen angeben.",
        "limit {limit}: give a positive number of events",
    ),
    "error.audit.since": Text(
        "since „{since}“: bitte ein ISO-Datum oder eine Uhrzeit angeben, z. B. 2026-11-01 oder "
        "2026-11-01T09:30.",
        "since '{since}': give an ISO date or time such as 2026-11-01 or 2026-11-01T09:30",
    ),
    "error.demo.exists": Text(
        "{path}: hier gibt es schon ein Projekt; bitte löschen, um die Demo neu aufzubauen.",
        "{path}: a project already exists here; delete it to rebuild the demo",
    ),
    "error.demo.codebook_missing": Text(
        "fehlt; bitte im Projektordner starten (--root)",
        "missing; run from the project folder (--root)",
    ),
    "error.demo.file_missing": Text(
        "fehlt; die Demo braucht die Datei",
        "missing; the demo needs it",
    ),
    "error.demo.yaml_invalid": Text(
        "kein gültiges YAML: {reason}",
        "not valid YAML: {reason}",
    ),
    "error.demo.appeared": Text(
        "{path}: während die Demo aufgebaut wurde, ist hier ein Projekt entstanden; es wurde behalten.",
        "{path}: a project appeared here while the demo was built; kept it",
    ),
    "error.demo.quote_not_found": Text(
        "Eintrag {entry}: Zitat nicht gefunden in {document}: „{quote}“",
        "entry {entry}: quote not found in {document}: '{quote}'",
    ),
    # suggestions
    "error.archive.member_outside": Text(
        "der Teil „{member}“ zeigt aus dem Archiv hinaus; die Datei wird als unsicher abgelehnt",
        "member '{member}' points outside the archive; the file is refused as unsafe",
    ),
    "error.archive.too_many_members": Text(
        "das Archiv hat {members:,} Teile, mehr als die Grenze von {limit:,}",
        "the archive has {members:,} members, over the limit of {limit:,}",
    ),
    "error.archive.too_large": Text(
        "das Archiv entpackt sich auf {size:,} Bytes, mehr als die Grenze von {limit:,}",
        "the archive unpacks to {size:,} bytes, over the limit of {limit:,}",
    ),
    "error.archive.member_too_large": Text(
        "der Teil „{member}“ entpackt sich auf {size:,} Bytes, mehr als die Grenze von {limit:,}",
        "member '{member}' unpacks to {size:,} bytes, over the limit of {limit:,}",
    ),
    "error.archive.member_over_limit": Text(
        "der Teil „{member}“ entpackt sich auf mehr als {limit:,} Bytes",
        "member '{member}' unpacks to more than {limit:,} bytes",
    ),
    "error.archive.not_zip": Text(
        "kein Zip-Archiv; ein .qdpx-Projekt ist eine Zip-Datei (project.qde + sources/)",
        "not a zip archive; a .qdpx project is a zip file (project.qde + sources/)",
    ),
    "error.archive.zip_bomb": Text(
        "der Teil „{member}“ ist {ratio:,} zu 1 komprimiert, wie nur Zip-Bomben; die Datei wird als "
        "unsicher abgelehnt",
        "member '{member}' is compressed {ratio:,} to 1, which only zip bombs are; the file is refused as "
        "unsafe",
    ),
    "error.archive.member_unreadable": Text(
        "der Teil „{member}“ lässt sich nicht entpacken ({reason})",
        "member '{member}' cannot be unpacked ({reason})",
    ),
}
