"""Texts of the library's errors (``error.<code>``), German and English.

A code names one error for good (``coding.duplicate``); its parameters are filled in by
:func:`toolkit.errors.render`: names and paths are quoted here, per language (German „…“,
English '…'), never with ``!r``; numbers follow the language (``1.234`` / ``1,234``). The English
text is what ``str(exc)`` and the CLI say; keep it saying what to do. To add an error: pick a code
``<area>.<what>``, add both texts here, raise ``SomeError("<area>.<what>", name=...)``.

The texts are split by area: this module holds the frames of each kind of error, the phrases
filled into them (``error.action.*``, ``error.what.*``, ``error.entry.*``) and the general
codes; each area has its module ``errors_<area>.py`` (store, access, import, codebook,
exchange, coding, analysis, qca), listed in ``toolkit.catalog._AREAS``. A key belongs to the
module of its area (``error.<area>.<what>``); the catalog refuses a key defined twice.
"""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # where: the file (and line) before the problem of an import or a codebook
    "error.where.import": Text("Import nicht möglich: {file}: {problem}", "{file}: {problem}"),
    "error.where.codebook": Text("Codebuch {file}: {problem}", "{file}: {problem}"),
    "error.where.codebook_line": Text(
        "Codebuch {file}, Zeile {line}: {problem}", "{file}, line {line}: {problem}"
    ),
    # a raise site that still passes an English sentence instead of a code: a German lead-in by kind
    "error.error": Text("Fehler: {detail}", "{detail}"),
    "error.import_failed": Text("{detail}", "{detail}"),
    "error.codebook_invalid": Text("{detail}", "{detail}"),
    "error.not_found": Text("Nicht gefunden: {detail}", "{detail}"),
    "error.conflict": Text("Nicht möglich: {detail}", "{detail}"),
    "error.invalid_value": Text("Ungültige Eingabe: {detail}", "{detail}"),
    "error.store_error": Text("Projektdatei: {detail}", "{detail}"),
    "error.permission_denied": Text("Nicht erlaubt: {detail}", "{detail}"),
    # projects and the project file
    "error.format.unsupported": Text(
        "Das Format „{format}“ wird nicht unterstützt; bitte eines davon wählen: {choices}.",
        "format '{format}' is not supported; use one of {choices}",
    ),
    # permissions: the actions named in them
    "error.action.change_the_codebook": Text(
        "das Codebuch ändern",
        "change the codebook",
    ),
    "error.action.change_the_pseudonym_table": Text(
        "die Pseudonym-Tabelle ändern",
        "change the pseudonym table",
    ),
    "error.action.undo_changes": Text(
        "Änderungen rückgängig machen",
        "undo changes",
    ),
    "error.action.redo_changes": Text(
        "Änderungen wiederholen",
        "redo changes",
    ),
    "error.action.import_documents": Text(
        "Dokumente importieren",
        "import documents",
    ),
    "error.action.add_codings": Text(
        "Codierungen hinzufügen",
        "add codings",
    ),
    "error.action.change_codings": Text(
        "Codierungen ändern",
        "change codings",
    ),
    "error.action.delete_codings": Text(
        "Codierungen löschen",
        "delete codings",
    ),
    "error.action.accept_suggestions": Text(
        "Vorschläge übernehmen",
        "accept suggestions",
    ),
    "error.action.reject_suggestions": Text(
        "Vorschläge ablehnen",
        "reject suggestions",
    ),
    "error.action.write_memos": Text(
        "Memos schreiben",
        "write memos",
    ),
    "error.action.switch_team_mode": Text(
        "den Teammodus umschalten",
        "switch team mode",
    ),
    "error.action.switch_blind_coding": Text(
        "die Blindkodierung umschalten",
        "switch blind coding",
    ),
    "error.action.see_the_pseudonym_table": Text(
        "die Pseudonym-Tabelle sehen",
        "see the pseudonym table",
    ),
    "error.action.restore_a_backup": Text(
        "eine Sicherung wiederherstellen",
        "restore a backup",
    ),
    "error.action.reset_passwords_of_others": Text(
        "Passwörter anderer zurücksetzen",
        "reset passwords of others",
    ),
    "error.action.pseudonymise_documents": Text(
        "Dokumente pseudonymisieren",
        "pseudonymise documents",
    ),
    "error.action.mark_documents_as_done": Text(
        "Dokumente als fertig markieren",
        "mark documents as done",
    ),
    "error.action.load_a_codebook": Text(
        "ein Codebuch laden",
        "load a codebook",
    ),
    "error.action.import_pseudonymised_documents": Text(
        "pseudonymisierte Dokumente importieren",
        "import pseudonymised documents",
    ),
    "error.action.import_a_project": Text(
        "ein Projekt importieren",
        "import a project",
    ),
    "error.action.import_taguette_codings": Text(
        "Taguette-Codierungen importieren",
        "import Taguette codings",
    ),
    "error.action.export_the_project_with_every_coder_s_codings": Text(
        "das Projekt mit den Codierungen aller exportieren",
        "export the project with every coder's codings",
    ),
    "error.action.disable_or_enable_accounts": Text(
        "Konten deaktivieren oder aktivieren",
        "disable or enable accounts",
    ),
    "error.action.decide_disagreements": Text(
        "Abweichungen entscheiden",
        "decide disagreements",
    ),
    "error.action.change_the_session_expiry": Text(
        "die Sitzungsdauer ändern",
        "change the session expiry",
    ),
    "error.action.change_the_password": Text(
        "das Passwort ändern",
        "change the password",
    ),
    "error.action.change_roles": Text(
        "Rollen ändern",
        "change roles",
    ),
    "error.action.change_case_attributes": Text(
        "Fallmerkmale ändern",
        "change case attributes",
    ),
    "error.action.adopt_agreements_into_the_consensus": Text(
        "Übereinstimmungen in den Konsens übernehmen",
        "adopt agreements into the consensus",
    ),
    "error.action.add_accounts": Text(
        "Konten anlegen",
        "add accounts",
    ),
    "error.action.autocode": Text(
        "automatisch kodieren",
        "autocode",
    ),
    "error.action.set_the_project_s_language": Text(
        "die Sprache des Projekts festlegen",
        "set the project's language",
    ),
    "error.action.set_another_person_s_language": Text(
        "die Sprache einer anderen Person festlegen",
        "set another person's language",
    ),
    "error.action.set_their_language": Text(
        "die eigene Sprache festlegen",
        "set their language",
    ),
    "error.what.making_them_a_coder": Text(
        "sie zur Kodierer:in machen",
        "making them a coder",
    ),
    "error.what.disabling_them": Text(
        "das Konto deaktivieren",
        "disabling them",
    ),
    # importing transcripts
    "error.language.unsupported": Text(
        "Die Sprache „{language}“ wird nicht unterstützt; bitte eine davon wählen: {choices}.",
        "language '{language}' is not supported; use one of {choices}",
    ),
    # the demo project
    "error.setting.unknown": Text(
        "Die Einstellung „{key}“ gibt es nicht; bitte eine davon wählen: {choices}.",
        "setting '{key}' does not exist; use one of: {choices}",
    ),
    "error.setting.value": Text(
        "Die Einstellung {key} kann nicht „{value}“ sein; bitte einen dieser Werte wählen: {choices}.",
        "setting {key} cannot be '{value}'; use one of: {choices}",
    ),
    # merging codebooks into the project
    "error.entry.a_code": Text(
        "ein Code",
        "a code",
    ),
    "error.entry.code": Text(
        "Code „{name}“",
        "code '{name}'",
    ),
    "error.entry.an_attribute": Text(
        "ein Merkmal",
        "an attribute",
    ),
    "error.entry.attribute": Text(
        "Merkmal „{name}“",
        "attribute '{name}'",
    ),
    "error.entry.value_of": Text(
        "ein Wert von {entry}",
        "a value of {entry}",
    ),
    "error.entry.codebook": Text(
        "das Codebuch",
        "the codebook",
    ),
    "error.entry.field": Text(
        "ein Handlungsfeld",
        "a field of action",
    ),
    # analysis
    "error.option.unknown": Text(
        "Für {option} gibt es „{value}“ nicht; bitte einen dieser Werte wählen: {choices}.",
        "{option} '{value}' is unknown; use one of {choices}",
    ),
    "error.option.unsupported": Text(
        "Für {option} wird „{value}“ nicht unterstützt; bitte einen dieser Werte wählen: {choices}.",
        "{option} '{value}' is not supported; use one of {choices}",
    ),
    "error.what.the_bootstrap": Text(
        "das Bootstrap-Intervall",
        "the bootstrap",
    ),
    "error.what.alpha": Text(
        "Alpha",
        "alpha",
    ),
    # suggestions
    "error.csv.invalid": Text(
        "Zeile {line}: kein CSV ({reason})",
        "line {line}: not CSV ({reason})",
    ),
    # permissions: more actions
    "error.action.register_as_a_coder": Text(
        "sich als Kodierer:in eintragen",
        "register as a coder",
    ),
    # permissions: actions of sets, recordings and summaries
    "error.action.attach_recordings": Text(
        "Aufnahmen zuordnen",
        "attach recordings",
    ),
    "error.action.detach_recordings": Text(
        "Aufnahmen lösen",
        "detach recordings",
    ),
    "error.action.set_time_stamps": Text(
        "Zeitmarken setzen",
        "set time stamps",
    ),
    "error.action.create_document_sets": Text(
        "Dokumentgruppen anlegen",
        "create document sets",
    ),
    "error.action.change_document_sets": Text(
        "Dokumentgruppen ändern",
        "change document sets",
    ),
    "error.action.rename_document_sets": Text(
        "Dokumentgruppen umbenennen",
        "rename document sets",
    ),
    "error.action.delete_document_sets": Text(
        "Dokumentgruppen löschen",
        "delete document sets",
    ),
    "error.action.write_summaries": Text(
        "Zusammenfassungen schreiben",
        "write summaries",
    ),
    "error.action.write_paraphrases": Text("Paraphrasen schreiben", "write paraphrases"),
    "error.action.change_paraphrases": Text("Paraphrasen ändern", "change paraphrases"),
    "error.action.delete_paraphrases": Text("Paraphrasen löschen", "delete paraphrases"),
    "error.action.group_paraphrases": Text("Paraphrasen gruppieren", "group paraphrases"),
    "error.action.read_paraphrases": Text("Paraphrasen lesen", "read paraphrases"),
    "error.action.build_categories": Text("Kategorien bilden", "build categories"),
    # permissions: memos
    "error.action.write_code_memos": Text(
        "Code-Memos schreiben",
        "write code memos",
    ),
}
