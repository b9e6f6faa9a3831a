"""Texts of the library's errors (``error.<code>``), German and English.

A code names one error for good (``coding.duplicate``); its parameters are filled in by
:func:`toolkit.errors.render`: names and paths are quoted here, per language (German „…“,
English '…'), never with ``!r``; numbers follow the language (``1.234`` / ``1,234``). The English
text is what ``str(exc)`` and the CLI say; keep it saying what to do. To add an error: pick a code
``<area>.<what>``, add both texts here, raise ``SomeError("<area>.<what>", name=...)``.
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
    "error.coder.name_empty": Text(
        "Der Name der Kodierer:in ist leer; bitte einen Namen angeben (--coder NAME).",
        "the coder name is empty; pass --coder NAME",
    ),
    "error.coding.span_outside": Text(
        "Die Stelle {start}–{end} liegt außerhalb von Dokument „{document}“ (0–{length}); der Anfang muss "
        "vor dem Ende liegen.",
        "span {start}-{end} is outside document '{document}' (0-{length}); start must be below end",
    ),
    "error.coding.duplicate": Text(
        "{coder} hat {document} an dieser Stelle ({start}–{end}) schon mit „{code}“ kodiert.",
        "{coder} already coded {document} {start}-{end} with '{code}'",
    ),
    "error.coding.not_found": Text(
        "Die Codierung {guid} gibt es nicht (mehr); vielleicht wurde sie gelöscht. Bitte neu laden.",
        "no coding '{guid}'; it may have been deleted",
    ),
    "error.coding.changed_elsewhere_version": Text(
        "Die Codierung wurde inzwischen von jemand anderem geändert (Version {version}, gesehen: {seen}); "
        "bitte neu laden und noch einmal versuchen.",
        "coding {guid} was changed by someone else (version {version}, you saw {seen}); reload and try again",
    ),
    "error.coding.duplicate_same_coder": Text(
        "An dieser Stelle von {document} ({start}–{end}) steht dieser Code derselben Person schon.",
        "the same coder already has this code on {document} {start}-{end}",
    ),
    "error.coding.changed_elsewhere": Text(
        "Die Codierung wurde inzwischen von jemand anderem geändert; bitte neu laden und noch einmal "
        "versuchen.",
        "coding {guid} was changed by someone else; reload and try again",
    ),
    "error.format.unsupported": Text(
        "Das Format „{format}“ wird nicht unterstützt; bitte eines davon wählen: {choices}.",
        "format '{format}' is not supported; use one of {choices}",
    ),
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
    "error.permission.lead_only": Text(
        "„{actor}“ darf das nicht ({action}): nur die Projektleitung; bitte die Leitung fragen.",
        "'{actor}' may not {action}: only a lead may; ask a lead of the project",
    ),
    "error.permission.no_account": Text(
        "„{actor}“ darf das nicht ({action}): es gibt kein aktives Konto dieses Namens; bitte die Leitung, "
        "eines anzulegen.",
        "'{actor}' may not {action}: there is no enabled account of that name; ask a lead to add one",
    ),
    "error.permission.not_owner": Text(
        "„{actor}“ darf das nicht ({action}, Arbeit von „{owner}“): Kodierende ändern nur ihre eigene "
        "Arbeit.",
        "'{actor}' may not {action} of '{owner}': coders change only their own work",
    ),
    "error.account.password_short": Text(
        "Das Passwort ist zu kurz ({length} Zeichen); bitte mindestens {minimum} verwenden.",
        "the password is too short ({length} characters); use at least {minimum}",
    ),
    "error.account.name_invalid": Text(
        "Der Benutzername „{name}“ muss sichtbare Zeichen enthalten.",
        "user name '{name}' must be non-empty and printable",
    ),
    "error.account.name_reserved": Text(
        "„{name}“ ist für die Konsens-Codierung reserviert; bitte einen anderen Benutzernamen wählen.",
        "'{name}' is reserved for the consensus coder; pick another user name",
    ),
    "error.account.role_unknown": Text(
        "Die Rolle „{role}“ gibt es nicht; bitte {choices} wählen.",
        "role '{role}' is unknown; use {choices}",
    ),
    "error.account.not_found": Text(
        "Ein Konto „{name}“ gibt es nicht; die Konten zeigt `coding-toolkit user list`.",
        "no user '{name}'; list them with `coding-toolkit user list`",
    ),
    "error.account.last_lead": Text(
        "„{name}“ ist die letzte Leitung mit Passwort; das ({what}) würde alle aussperren.",
        "'{name}' is the last lead with a password; {what} would lock everyone out",
    ),
    "error.team.needs_lead": Text(
        "Der Teammodus braucht mindestens eine aktive Leitung mit Passwort; bitte zuerst eine anlegen "
        "(`coding-toolkit user add NAME --role lead`).",
        "team mode needs at least one enabled lead with a password; add one first with `coding-toolkit user "
        "add NAME --role lead`",
    ),
    "error.session.expiry_range": Text(
        "Eine Sitzungsdauer von {hours} h geht nicht; bitte 0,1 bis 720 Stunden angeben.",
        "session expiry {hours} h is out of range; use 0.1 to 720 hours",
    ),
    "error.login.not_team_mode": Text(
        "Das Projekt ist nicht im Teammodus; niemand muss sich anmelden. Bitte die Seite neu laden.",
        "the project is not in team mode; nobody needs to log in",
    ),
    "error.login.wrong": Text(
        "Name oder Passwort falsch (oder das Konto ist deaktiviert).",
        "wrong user name or password (or the account is disabled)",
    ),
    "error.account.exists": Text(
        "Ein Konto „{name}“ gibt es schon; ändern mit `coding-toolkit user role/passwd`.",
        "user '{name}' exists already; change it with `coding-toolkit user role/passwd`",
    ),
    "error.login.too_many_for_name": Text(
        "Zu viele Fehlversuche für „{name}“; bitte in {seconds} Sekunden erneut versuchen.",
        "too many failed logins for '{name}'; try again in {seconds} seconds",
    ),
    "error.login.too_many_from_address": Text(
        "Zu viele Fehlversuche von dieser Adresse; bitte in {seconds} Sekunden erneut versuchen.",
        "too many failed logins from this address; try again in {seconds} seconds",
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
    "error.codebook.unknown_type": Text(
        "unbekannter Codebuch-Typ „{suffix}“; bitte ein .yaml-Codebuch oder eine REFI-QDA-.qdc-Datei wählen",
        "unknown codebook type '{suffix}'; use a .yaml codebook or a REFI-QDA .qdc",
    ),
    "error.codebook.not_utf8": Text(
        "kein UTF-8-Text; bitte das Codebuch als UTF-8 speichern",
        "not UTF-8 text; save the codebook as UTF-8",
    ),
    "error.codebook.no_codes": Text(
        "das Codebuch hat keine Codes; bitte im anderen Programm erneut exportieren",
        "the codebook has no codes; export it again from the other tool",
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
    # permissions: the actions named in them
    "error.permission.lead_only_consensus": Text(
        "„{actor}“ darf das nicht ({action} in der Konsens-Codierung): nur die Projektleitung; bitte die "
        "Leitung fragen.",
        "'{actor}' may not {action} of the consensus: only a lead may; ask a lead of the project",
    ),
    "error.permission.lead_only_for": Text(
        "„{actor}“ darf das nicht ({action} für „{coder}“): nur die Projektleitung; bitte die Leitung "
        "fragen.",
        "'{actor}' may not {action} for '{coder}': only a lead may; ask a lead of the project",
    ),
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
    "error.workbench.unknown_op": Text(
        "Unbekannte Aktion „{op}“ der Arbeitsfläche; erwartet: assign, invivo, code oder adjust.",
        "unknown workbench op '{op}'; expected assign, invivo, code or adjust",
    ),
    "error.code.name_missing": Text(
        "Der neue Code braucht einen Namen; bitte einen eingeben oder Wörter im Text markieren.",
        "the new code needs a name; type one or select words in the text",
    ),
    "error.code.name_has_separator": Text(
        "Der Codename „{name}“ darf kein „{separator}“ enthalten; es trennt die Ebenen eines Pfads.",
        "code name '{name}' may not contain '{separator}'; it separates the levels of a path",
    ),
    "error.link.document_not_found": Text(
        "Das Dokument „{document}“ aus dem Link ist nicht in diesem Projekt.",
        "document '{document}' from the link is not in this project",
    ),
    "error.span.outside": Text(
        "Die Stelle {start}–{end} liegt außerhalb von Dokument „{document}“ (0–{length}).",
        "span {start}-{end} is outside document '{document}' (0-{length})",
    ),
    "error.link.span_outside": Text(
        "Die Stelle {start}–{end} aus dem Link liegt außerhalb von Dokument „{document}“.",
        "link span {start}-{end} is outside document '{document}'",
    ),
    "error.code.name_empty_or_separator": Text(
        "Der Codename „{name}“ ist leer oder enthält „{separator}“.",
        "code name '{name}' is empty or contains '{separator}'",
    ),
    "error.link.offsets_not_numbers": Text(
        "Die Stellen im Link (start={start}, end={end}) sind keine ganzen Zahlen.",
        "link offsets start={start} end={end} are not whole numbers",
    ),
    "error.attribute.incomplete": Text(
        "Das Merkmal „{key}={value}“ braucht einen Namen und einen Wert (NAME=WERT).",
        "attribute '{key}={value}' needs a name and a value (KEY=VALUE)",
    ),
    "error.attribute.wrong_level": Text(
        "Das Merkmal „{key}“ gehört zu: {level}, nicht zu: {given}.",
        "attribute '{key}' belongs to a {level}, not a {given}",
    ),
    "error.attribute.value_unknown": Text(
        "„{value}“ ist kein Wert von „{key}“; bitte einen davon wählen: {choices}.",
        "'{value}' is not a value of '{key}'; use one of: {choices}",
    ),
    "error.language.unsupported": Text(
        "Die Sprache „{language}“ wird nicht unterstützt; bitte eine davon wählen: {choices}.",
        "language '{language}' is not supported; use one of {choices}",
    ),
    "error.document.not_found": Text(
        "Ein Dokument „{name}“ gibt es nicht; Dokumente sind: {documents}.",
        "no document '{name}'; documents are: {documents}",
    ),
    "error.document.gone": Text(
        "Das Dokument (Nummer {id}) gibt es nicht mehr; vielleicht wurde es gelöscht. Bitte neu laden.",
        "no document with id {id}; it may have been deleted",
    ),
    "error.document.not_found_none": Text(
        "Ein Dokument „{name}“ gibt es nicht; bitte zuerst eines importieren.",
        "no document '{name}'; import one first",
    ),
    "error.document.no_speaker": Text(
        "„{document}“ hat keine Sprecher:in „{speaker}“; Sprecher:innen sind: {speakers}.",
        "'{document}' has no speaker '{speaker}'; speakers are: {speakers}",
    ),
    "error.attribute.not_key_value": Text(
        "„{item}“ ist nicht NAME=WERT (zum Beispiel municipality_type=Die Optimierer).",
        "'{item}' is not KEY=VALUE (for example municipality_type=Die Optimierer)",
    ),
    "error.import.unknown_type": Text(
        "unbekannter Dateityp „{suffix}“; bitte einen davon verwenden: {choices}",
        "unknown file type '{suffix}'; use one of {choices}",
    ),
    "error.import.too_large": Text(
        "die Datei hat {size:,} Bytes, mehr als die Grenze von {limit:,}; bitte aufteilen oder die Grenze "
        "mit --max-mb erhöhen",
        "the file has {size:,} bytes, over the limit of {limit:,}; split it or raise the limit with --max-mb",
    ),
    "error.import.empty_file": Text(
        "die Datei ist leer (0 Bytes); bitte das Transkript erneut exportieren",
        "the file is empty (0 bytes); export the transcript again",
    ),
    "error.import.no_such_file": Text(
        "diese Datei gibt es nicht; bitte den Pfad prüfen",
        "no such file; check the path",
    ),
    "error.import.is_folder": Text(
        "das ist ein Ordner; bitte die Transkript-Dateien darin angeben",
        "this is a folder; name the transcript files in it",
    ),
    "error.import.permission": Text(
        "keine Leseberechtigung; bitte die Rechte der Datei prüfen",
        "permission denied; check the file's permissions",
    ),
    "error.import.office_encrypted_or_old": Text(
        "das ist eine verschlüsselte oder alte (.doc) {app}-Datei; bitte das Passwort entfernen oder als "
        "{kind} speichern und erneut importieren",
        "this is an encrypted or old-format (.doc) {app} file; remove the password or save it as {kind}, "
        "then import again",
    ),
    "error.import.zip_too_many_parts": Text(
        "die {kind}-Datei hat {parts} Teile (Grenze {limit})",
        "the {kind} has {parts} parts (limit {limit})",
    ),
    "error.import.zip_part_missing": Text(
        "dem Zip fehlt {part}, es ist also kein {app}-Dokument",
        "the zip has no {part}, so it is not a {app} document",
    ),
    "error.import.zip_invalid": Text(
        "keine gültige {kind}-Datei (kein Zip oder abgeschnitten); bitte in {app} öffnen und neu speichern",
        "not a valid {kind} file (not a zip, or truncated); open and save it in {app} again",
    ),
    "error.import.zip_encrypted": Text(
        "die {kind}-Datei ist verschlüsselt; bitte das Passwort entfernen und erneut versuchen",
        "the {kind} is encrypted; remove the password and try again",
    ),
    "error.import.zip_bomb": Text(
        "die {kind}-Datei entpackt sich auf eine unplausible Größe (Zip-Bombe?); sie wurde nicht importiert",
        "the {kind} unpacks to an implausible size (zip bomb?); it was not imported",
    ),
    "error.import.docx_unreadable": Text(
        "Word-Datei nicht lesbar ({reason}); bitte in Word öffnen und neu speichern",
        "Word could not be read ({reason}); open and save it in Word again",
    ),
    "error.import.empty_text": Text(
        "die Datei ist leer; bitte das Transkript erneut exportieren und importieren",
        "the file is empty; export the transcript again and re-import it",
    ),
    "error.import.binary": Text(
        "das sieht nach einer Binärdatei aus, nicht nach einem Transkript; bitte als Text speichern",
        "this looks like a binary file, not a transcript; save it as text",
    ),
    "error.import.encoding_unknown": Text(
        "die Kodierung ist weder UTF-8, UTF-16 noch Windows-1252; bitte die Datei als UTF-8 speichern",
        "the encoding is neither UTF-8, UTF-16 nor Windows-1252; save the file as UTF-8",
    ),
    "error.import.no_text": Text(
        "die Datei enthält keinen Text; bitte das Transkript erneut exportieren und importieren",
        "the file has no text; export the transcript again and re-import it",
    ),
    "error.import.encoding_invalid": Text(
        "die Datei gibt {encoding} an, aber Byte {byte} ist ungültig; bitte als UTF-8 speichern",
        "the file claims {encoding} but byte {byte} is invalid; save it as UTF-8",
    ),
    "error.import.odt_not_text": Text(
        "diese OpenDocument-Datei ist kein Textdokument (.odt); bitte als .odt speichern",
        "this OpenDocument file is not a text document (.odt); save it as .odt",
    ),
    "error.import.odt_encrypted": Text(
        "die .odt-Datei ist verschlüsselt; bitte das Passwort in LibreOffice entfernen und erneut versuchen",
        "the .odt is encrypted; remove the password in LibreOffice and try again",
    ),
    "error.import.odt_no_body": Text(
        "die .odt-Datei hat keinen Textkörper; ist es ein Textdokument?",
        "the .odt has no text body; is it a text document?",
    ),
    "error.import.odt_part_unreadable": Text(
        "{part} der .odt-Datei ist nicht lesbar ({reason}); bitte in LibreOffice öffnen und neu speichern",
        "the .odt's {part} cannot be read ({reason}); open and save it in LibreOffice again",
    ),
    "error.import.pdf_no_text": Text(
        "die .pdf-Datei hat keine Textebene (ein Scan?); sie braucht zuerst Texterkennung (z. B. ocrmypdf), "
        "dann erneut importieren",
        "the .pdf has no text layer (a scan?); it needs OCR first (e.g. ocrmypdf), then import again",
    ),
    "error.import.pdf_too_many_pages": Text(
        "die .pdf-Datei hat {pages} Seiten (Grenze {limit})",
        "the .pdf has {pages} pages (limit {limit})",
    ),
    "error.import.pdf_unreadable": Text(
        "keine lesbare .pdf-Datei ({reason}: beschädigt oder abgeschnitten); bitte erneut exportieren",
        "not a readable .pdf ({reason}: damaged or truncated); export it again",
    ),
    "error.import.pdf_encrypted": Text(
        "die .pdf-Datei ist verschlüsselt; bitte das Passwort entfernen und erneut importieren",
        "the .pdf is encrypted; remove the password and import it again",
    ),
    "error.import.rtf_not_rtf": Text(
        "keine RTF-Datei (sie beginnt nicht mit {{\\rtf); bitte erneut als .rtf speichern",
        "not an RTF file (it does not begin with {{\\rtf); save it as .rtf again",
    ),
    "error.import.rtf_truncated": Text(
        "die .rtf-Datei endet mitten im Dokument (abgeschnitten?); bitte erneut als .rtf speichern",
        "the .rtf ends in the middle of the document (truncated?); save it as .rtf again",
    ),
    "error.import.no_cues": Text(
        "keine Untertitel (Zeilen wie „00:00:01,000 --> 00:00:04,000“) gefunden",
        "no subtitle cues (lines like '00:00:01,000 --> 00:00:04,000') found",
    ),
    "error.timestamp.invalid": Text(
        "Die Zeitmarke „{value}“ ist nicht hh:mm:ss oder mm:ss.",
        "timestamp '{value}' is not hh:mm:ss or mm:ss",
    ),
    "error.speaker_pattern.no_group": Text(
        "Das Sprechermuster „{pattern}“ braucht eine benannte Gruppe (?P<speaker>...).",
        "speaker pattern '{pattern}' needs a named group (?P<speaker>...)",
    ),
    "error.speaker_pattern.invalid": Text(
        "Das Sprechermuster „{pattern}“ ist kein regulärer Ausdruck: {reason}",
        "speaker pattern '{pattern}' is not a regex: {reason}",
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
    "error.search.regex_empty": Text(
        "Der reguläre Ausdruck ist leer; bitte ein Muster eingeben, z. B. Antr(a|ä)g\\w*",
        "the regular expression is empty; type a pattern such as Antr(a|ä)g\\w*",
    ),
    "error.search.mode_unknown": Text(
        "Die Suchart „{mode}“ gibt es nicht; bitte eine davon wählen: {choices}.",
        "search mode '{mode}' is unknown; use one of {choices}",
    ),
    "error.search.regex_invalid": Text(
        "Der reguläre Ausdruck „{pattern}“ ist ungültig: {reason}",
        "regular expression '{pattern}' is invalid: {reason}",
    ),
    "error.search.document_not_found": Text(
        "Ein Dokument „{document}“ gibt es nicht; siehe `coding-toolkit documents`.",
        "no document '{document}'; see `coding-toolkit documents`",
    ),
    "error.search.regex_nested_repeat": Text(
        "Der reguläre Ausdruck „{pattern}“ wiederholt eine Wiederholung (wie (a+)+) und könnte stundenlang "
        "laufen; bitte den inneren Teil einmal schreiben, z. B. (\\w+\\s)+ statt (\\w+\\s*)+",
        "regular expression '{pattern}' repeats a repetition (like (a+)+) and could run for hours; write "
        "the inner part once, e.g. (\\w+\\s)+ instead of (\\w+\\s*)+",
    ),
    "error.query.quote_open": Text(
        'Suche „{query}“: ein Anführungszeichen ist nicht geschlossen; bitte die Wortgruppe mit " schließen.',
        "query '{query}': a quotation mark is not closed; close the phrase with \"",
    ),
    "error.query.phrase_empty": Text(
        'Suche „{query}“: eine leere Wortgruppe ""; bitte Wörter zwischen die Anführungszeichen schreiben.',
        "query '{query}': an empty phrase \"\"; put words between the quotes",
    ),
    "error.query.empty": Text(
        "Suche „{query}“: die Suche ist leer; bitte ein Wort, eine Wortgruppe in Anführungszeichen oder ein "
        "Muster eingeben.",
        "query '{query}': the query is empty; type a word, a phrase in quotes or a pattern",
    ),
    "error.query.unexpected": Text(
        "Suche „{query}“: „{token}“ kommt unerwartet; fehlt eine öffnende Klammer?",
        "query '{query}': unexpected '{token}'; is a parenthesis not opened?",
    ),
    "error.query.only_not": Text(
        "Suche „{query}“: die Suche schließt nur aus (NOT); bitte ein Wort zum Finden ergänzen.",
        "query '{query}': the query only excludes (NOT); add a word to find",
    ),
    "error.query.operator_on_groups": Text(
        "Suche „{query}“: {operator} verbindet zwei Wörter oder Wortgruppen, keine Klammergruppen.",
        "query '{query}': {operator} joins two words or phrases, not groups",
    ),
    "error.query.word_missing": Text(
        "Suche „{query}“: am Ende fehlt ein Wort (nach einem Operator).",
        "query '{query}': a word is missing at the end (after an operator)",
    ),
    "error.query.paren_open": Text(
        "Suche „{query}“: eine Klammer ist nicht geschlossen; bitte ) ergänzen.",
        "query '{query}': a parenthesis is not closed; add )",
    ),
    "error.query.wildcard_alone": Text(
        "Suche „{query}“: ein Platzhalter * braucht Buchstaben daneben, z. B. Antrag*.",
        "query '{query}': a wildcard * needs letters next to it, e.g. Antrag*",
    ),
    "error.query.word_expected": Text(
        "Suche „{query}“: „{token}“ steht, wo ein Wort erwartet wird.",
        "query '{query}': '{token}' stands where a word is expected",
    ),
    "error.autocode.document_gone": Text(
        "Das Dokument „{document}“ gibt es seit der Suche nicht mehr; bitte neu suchen.",
        "document '{document}' is gone since the search; search again",
    ),
    "error.autocode.scope_unknown": Text(
        "Den Bereich „{scope}“ gibt es nicht; bitte einen davon wählen: {choices}.",
        "scope '{scope}' is unknown; use one of {choices}",
    ),
    "error.autocode.for_other": Text(
        "„{actor}“ darf nicht für „{coder}“ automatisch kodieren: im Team kodiert jede:r als sie oder er "
        "selbst.",
        "'{actor}' may not autocode for '{coder}': in a team each codes as themselves",
    ),
    "error.autocode.nothing_to_undo": Text(
        "„{actor}“ hat keine automatische Kodierung, die sich rückgängig machen ließe.",
        "'{actor}' has no autocoding to undo",
    ),
    "error.autocode.not_newest": Text(
        "Die automatische Kodierung ist nicht mehr die neueste Änderung (schon rückgängig gemacht, oder "
        "danach kamen Änderungen); bitte diese zuerst rückgängig machen.",
        "the autocoding is no longer the newest change (undone already, or changes came after it); undo "
        "those changes first",
    ),
    "error.autocode.text_changed_search": Text(
        "Der Text von „{document}“ hat sich seit der Suche geändert; bitte neu suchen.",
        "the text of '{document}' changed since the search; search again",
    ),
    "error.autocode.text_changed_preview": Text(
        "Der Text von „{document}“ hat sich seit der Vorschau geändert; bitte neu suchen.",
        "the text of '{document}' changed since the preview; search again",
    ),
    "error.span.negative": Text(
        "Stelle {start}–{end}: der Anfang muss 0 oder mehr sein und darf nicht nach dem Ende liegen.",
        "span {start}-{end}: start must be 0 or more and not after end",
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
    "error.setting.unknown": Text(
        "Die Einstellung „{key}“ gibt es nicht; bitte eine davon wählen: {choices}.",
        "setting '{key}' does not exist; use one of: {choices}",
    ),
    "error.setting.value": Text(
        "Die Einstellung {key} kann nicht „{value}“ sein; bitte einen dieser Werte wählen: {choices}.",
        "setting {key} cannot be '{value}'; use one of: {choices}",
    ),
    "error.code.not_found": Text(
        "Einen Code „{path}“ gibt es nicht.",
        "no code '{path}'",
    ),
    "error.code.name_taken": Text(
        "Einen Code „{name}“ gibt es schon ({path}); bitte einen anderen Namen wählen.",
        "a code named '{name}' already exists at '{path}'; choose another name",
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
    # merging codebooks into the project
    "error.codebook.not_text": Text(
        "„{key}“ von {entry} muss Text sein",
        "'{key}' of {entry} must be text",
    ),
    "error.codebook.empty": Text(
        "„{key}“ von {entry} ist leer; bitte ausfüllen",
        "'{key}' of {entry} is empty; fill it in",
    ),
    "error.codebook.not_a_list": Text(
        "„{key}“ muss eine Liste von Einträgen sein",
        "'{key}' must be a list of entries",
    ),
    "error.codebook.entry_not_mapping": Text(
        "jeder Eintrag von „{key}“ muss eine Zuordnung (Schlüssel: Wert) sein",
        "every entry of '{key}' must be a mapping",
    ),
    "error.codebook.keywords_shape": Text(
        "die Schlüsselwörter von {entry} müssen eine Liste sein oder eine Zuordnung mit Listen „de“ und „en“",
        "keywords of {entry} must be a list or a mapping with 'de' and 'en' lists",
    ),
    "error.codebook.keywords_not_words": Text(
        "keywords.{language} von {entry} muss eine Liste von Wörtern sein",
        "keywords.{language} of {entry} must be a list of words",
    ),
    "error.codebook.id_invalid": Text(
        "die ID „{id}“ darf nur a-z, 0-9, „-“ und „_“ enthalten",
        "id '{id}' must use only a-z, 0-9, '-' and '_'",
    ),
    "error.codebook.name_has_slash": Text(
        "der Name „{name}“ von {entry} enthält „/“, das Code-Pfade trennt; bitte ein anderes Zeichen "
        "verwenden",
        "name '{name}' of {entry} contains '/', which separates code paths; use another character",
    ),
    "error.codebook.colour_invalid": Text(
        "die Farbe „{colour}“ von {entry} ist nicht #RRGGBB (zum Beispiel #1F77B4)",
        "colour '{colour}' of {entry} is not #RRGGBB (for example #1F77B4)",
    ),
    "error.codebook.valence_invalid": Text(
        "die Valenz „{valence}“ von {entry} muss „challenge“ oder „driver“ sein",
        "valence '{valence}' of {entry} must be 'challenge' or 'driver'",
    ),
    "error.codebook.field_undeclared": Text(
        "das Handlungsfeld „{field}“ von {entry} ist nicht deklariert; bitte eines davon verwenden: "
        "{choices}",
        "field_of_action '{field}' of {entry} is not declared; use one of {choices}",
    ),
    "error.codebook.attribute_not_identifier": Text(
        "{entry} muss ein Bezeichner sein (Buchstaben, Ziffern, _)",
        "{entry} must be an identifier (letters, digits, _)",
    ),
    "error.codebook.applies_to_invalid": Text(
        "applies_to von {entry} muss „document“ oder „speaker“ sein",
        "applies_to of {entry} must be 'document' or 'speaker'",
    ),
    "error.codebook.values_not_list": Text(
        "die Werte von {entry} müssen eine Liste sein",
        "values of {entry} must be a list",
    ),
    "error.codebook.not_mapping": Text(
        "ein Codebuch ist eine YAML-Zuordnung mit mindestens einer Liste „codes“",
        "a codebook is a YAML mapping with at least a 'codes' list",
    ),
    "error.codebook.format_unsupported": Text(
        "das Format {format} wird nicht unterstützt; bitte {supported} verwenden",
        "format {format} is not supported; use {supported}",
    ),
    "error.codebook.no_codes_list": Text(
        "das Codebuch hat keine Liste „codes“",
        "the codebook has no 'codes' list",
    ),
    "error.codebook.field_twice": Text(
        "ein Handlungsfeld ist doppelt aufgeführt",
        "a field of action is listed twice",
    ),
    "error.codebook.attribute_twice": Text(
        "ein Merkmalsname ist doppelt aufgeführt",
        "an attribute name is listed twice",
    ),
    "error.yaml.alias": Text(
        "nicht angenommen: der Alias *{anchor} wiederholt einen anderen Eintrag; Aliase sind hier nicht "
        "erlaubt, bitte den Eintrag ausschreiben",
        "not accepted: the alias *{anchor} repeats another entry; aliases are not allowed here, write the "
        "entry out",
    ),
    "error.yaml.too_deep": Text(
        "nicht angenommen: mehr als {limit} Ebenen tief verschachtelt; ein Codebuch braucht eine Handvoll",
        "not accepted: nested more than {limit} levels deep; a codebook needs a handful",
    ),
    "error.yaml.invalid": Text(
        "kein gültiges YAML: {reason}",
        "not valid YAML: {reason}",
    ),
    "error.yaml.control_character": Text(
        "kein gültiges YAML: das Steuerzeichen {character} ist nicht erlaubt; bitte entfernen",
        "not valid YAML: the control character {character} is not allowed; remove it",
    ),
    "error.codebook.key_unknown_close": Text(
        "unbekannter Schlüssel „{key}“ in {entry}; war „{close}“ gemeint?",
        "unknown key '{key}' in {entry}; did you mean '{close}'?",
    ),
    "error.codebook.key_unknown": Text(
        "unbekannter Schlüssel „{key}“ in {entry}; erlaubt: {choices}",
        "unknown key '{key}' in {entry}; allowed: {choices}",
    ),
    "error.codebook.key_missing": Text(
        "{entry} hat kein „{key}“; bitte ergänzen",
        "{entry} has no '{key}'; add one",
    ),
    "error.codebook.id_twice": Text(
        "die Code-ID „{id}“ kommt doppelt vor; IDs müssen eindeutig sein",
        "code id '{id}' is used twice; ids must be unique",
    ),
    "error.codebook.guid_twice": Text(
        "die GUID von Code „{id}“ hat auch „{other}“",
        "guid of code '{id}' is also used by '{other}'",
    ),
    "error.codebook.parent_missing": Text(
        "den Obercode „{parent}“ von Code „{id}“ gibt es nicht",
        "parent '{parent}' of code '{id}' does not exist",
    ),
    "error.codebook.sibling_name_twice": Text(
        "den Namen „{name}“ von Code „{id}“ hat schon „{other}“ unter demselben Obercode; Geschwister "
        "brauchen verschiedene Namen",
        "name '{name}' of code '{id}' is already used by '{other}' under the same parent; names must differ "
        "among siblings",
    ),
    "error.codebook.value_twice": Text(
        "der Wert „{value}“ von {entry} ist doppelt aufgeführt",
        "value '{value}' of {entry} is listed twice",
    ),
    "error.codebook.values_shape": Text(
        "die Werte von {entry} müssen Text oder Zuordnungen sein",
        "values of {entry} must be text or mappings",
    ),
    "error.codebook.no_such_file": Text(
        "diese Datei gibt es nicht; bitte den Pfad prüfen",
        "no such file; check the path",
    ),
    "error.codebook.key_not_text": Text(
        "der Schlüssel „{key}“ muss Text sein",
        "key '{key}' must be text",
    ),
    "error.codebook.key_twice": Text(
        "der Schlüssel „{key}“ kommt im selben Eintrag doppelt vor; bitte einen behalten",
        "key '{key}' appears twice in the same entry; keep one",
    ),
    "error.codebook.guid_invalid": Text(
        "die GUID „{guid}“ von {entry} ist keine UUID",
        "guid '{guid}' of {entry} is not a UUID",
    ),
    "error.codebook.too_deep": Text(
        "Code „{id}“ ist tiefer als {limit} Ebenen verschachtelt; bitte den Baum flacher machen",
        "code '{id}' is nested deeper than {limit} levels; flatten the tree",
    ),
    "error.codebook.cycle": Text(
        "Code „{id}“ ist sein eigener Vorfahre (Kreis über „{parent}“); bitte die „parent“-Einträge "
        "korrigieren",
        "code '{id}' is its own ancestor (cycle through '{parent}'); fix the 'parent' entries",
    ),
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
    "error.codebook.orphans": Text(
        "Die Codes {codes} haben Obercodes, die fehlen oder einen Kreis bilden.",
        "codes {codes} have parents that are missing or form a cycle",
    ),
    "error.codebook.same_place": Text(
        "Die Codes „{first}“ und „{second}“ der Datei sind beide „{path}“; Geschwister brauchen "
        "verschiedene Namen.",
        "codes '{first}' and '{second}' of the file are both '{path}'; names must differ among siblings",
    ),
    "error.codebook.guid_elsewhere": Text(
        "Code „{id}“ der Datei hat die GUID von „{owner}“, aber „{path}“ ist ein anderer Code des Projekts; "
        "bitte einen von beiden in der Datei umbenennen.",
        "code '{id}' of the file has the GUID of '{owner}', but '{path}' is another code of the project; "
        "rename one of them in the file",
    ),
    "error.codebook.both_match": Text(
        "Die Codes „{first}“ und „{second}“ der Datei passen beide zu „{path}“; bitte verschiedene Namen "
        "oder GUIDs vergeben.",
        "codes '{first}' and '{second}' of the file both match '{path}'; give them different names or GUIDs",
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
    "error.coder.not_found": Text(
        "Eine Kodierer:in „{name}“ gibt es nicht; Kodierer:innen sind: {coders}.",
        "no coder '{name}'; coders are: {coders}",
    ),
    "error.attribute.not_found": Text(
        "Ein Dokumentmerkmal „{name}“ gibt es nicht; Merkmale sind: {attributes}.",
        "no document attribute '{name}'; attributes are: {attributes}",
    ),
    "error.threshold.not_percent": Text(
        "Die Schwelle {threshold} ist kein Prozentwert zwischen 0 und 100.",
        "threshold {threshold} is not a percentage between 0 and 100",
    ),
    "error.threshold.segment": Text(
        "Die Überlappungsschwelle {threshold} für Segmente muss über 0 und höchstens 100 Prozent liegen.",
        "segment overlap threshold {threshold} must be above 0 and at most 100 percent",
    ),
    "error.agreement.matrix_shape": Text(
        "Die Matrix muss Kodierende × Einheiten sein (2 Dimensionen), hat aber {dimensions}.",
        "the matrix must be coders x units (2 dimensions), got {dimensions}",
    ),
    "error.agreement.matrix_infinite": Text(
        "Die Matrix enthält einen unendlichen Wert; bitte Zahlen verwenden oder eine Zelle leer lassen "
        "(None).",
        "the matrix holds an infinite value; use numbers, or leave a cell empty (None)",
    ),
    "error.agreement.draws_min": Text(
        "Die Zahl der Ziehungen muss mindestens 1 sein, ist aber {draws}.",
        "draws must be at least 1, got {draws}",
    ),
    "error.agreement.confidence_range": Text(
        "Die Konfidenz muss zwischen 0 und 1 liegen, ist aber {confidence}.",
        "confidence must be between 0 and 1, got {confidence}",
    ),
    "error.agreement.ratio_negative": Text(
        "Das Niveau „ratio“ braucht Werte von 0 oder mehr, der kleinste ist {minimum}; für diese Skala "
        "bitte interval verwenden.",
        "level 'ratio' needs values of 0 or more, got {minimum}; use interval for this scale",
    ),
    "error.agreement.categories_same_number": Text(
        "Die Kategorien {categories} nennen dieselbe Zahl zweimal (z. B. „1“ und 1); bitte jeden Wert nur "
        "einmal schreiben.",
        "categories {categories} name the same number twice (e.g. '1' and 1); give each value one spelling",
    ),
    "error.agreement.tally_nominal_only": Text(
        "Eine Auszählung der Urteile ergibt {what} nur auf dem Niveau nominal, nicht „{level}“.",
        "a tally of ratings gives {what} at level nominal only, not '{level}'",
    ),
    "error.what.the_bootstrap": Text(
        "das Bootstrap-Intervall",
        "the bootstrap",
    ),
    "error.what.alpha": Text(
        "Alpha",
        "alpha",
    ),
    "error.agreement.value_not_category": Text(
        "Der Wert „{value}“ ist keine der Kategorien {categories}.",
        "value '{value}' is not one of the categories {categories}",
    ),
    "error.agreement.level_needs_numbers": Text(
        "Das Niveau „{level}“ braucht Zahlen als Kategorien, bekommen: {categories}; bitte nominal "
        "verwenden.",
        "level '{level}' needs numeric categories, got {categories}; use nominal",
    ),
    "error.consensus.page_size": Text(
        "Die Seitengröße muss mindestens 1 sein, ist aber {size}.",
        "page size must be at least 1, got {size}",
    ),
    "error.consensus.method": Text(
        "Abweichungen gibt es für die Methoden segment und unit, nicht für „{method}“.",
        "disagreements are listed for method segment or unit, not '{method}'",
    ),
    "error.consensus.no_decision": Text(
        "Für „{key}“ gibt es keine Entscheidung; offene zeigt disagreements().",
        "no decision for '{key}'; list open ones with disagreements()",
    ),
    "error.consensus.edit_needs_span": Text(
        "Die Entscheidung „edit“ braucht die Stelle (Anfang, Ende), die der Konsens kodieren soll.",
        "decision 'edit' needs the span (start, end) the consensus should code",
    ),
    "error.consensus.decided": Text(
        "Die Abweichung {key} ist schon entschieden; bitte die Liste neu laden.",
        "the disagreement {key} is already decided; reload the list",
    ),
    "error.agreement.draws_none_or_more": Text(
        "Die Zahl der Ziehungen muss 0 (kein Intervall) oder mehr sein, ist aber {draws}.",
        "draws must be 0 (no interval) or more, got {draws}",
    ),
    "error.threshold.not_percent_method": Text(
        "Die Schwelle {threshold} ist kein Prozentwert; bitte 0–100 (unit) oder über 0 bis 100 (segment) "
        "verwenden.",
        "threshold {threshold} is not a percentage; use 0-100 (unit) or above 0 up to 100 (segment)",
    ),
    "error.agreement.coder_twice": Text(
        "Die Liste der Kodierenden „{coders}“ nennt eine Person zweimal.",
        "coder list '{coders}' names a coder twice",
    ),
    "error.agreement.two_coders": Text(
        "Übereinstimmung braucht zwei oder mehr Kodierende, gewählt: {coders}; bitte --coders A,B angeben.",
        "agreement needs two or more coders, got {coders}; pass --coders A,B",
    ),
    "error.agreement.ualpha_two_coders": Text(
        "u-Alpha braucht zwei oder mehr Kodierende, vorhanden: {coders}.",
        "u-alpha needs two or more coders, got {coders}",
    ),
    "error.agreement.continuum_empty": Text(
        "Das Kontinuum von „{document}“ ist leer; das Ende muss nach dem Anfang liegen.",
        "continuum of '{document}' is empty; end must be above begin",
    ),
    "error.agreement.span_outside_continuum": Text(
        "Die Stelle {start}–{end} von „{coder}“ liegt außerhalb des Kontinuums {begin}–{stop}.",
        "span {start}-{end} of coder '{coder}' is outside the continuum {begin}-{stop}",
    ),
    "error.analysis.choose_coders": Text(
        "{count} Personen haben kodiert ({coders}) und es gibt noch keinen Konsens: bitte wählen, wessen "
        "Codierungen ausgewertet werden (--coder NAME, mehrfach möglich) oder --all-coders für alle "
        "zusammen.",
        "{count} coders have coded ({coders}) and there is no consensus yet: choose whose codings to report "
        "with --coder NAME (repeatable) or --all-coders for a pooled view",
    ),
    "error.analysis.coders_or_all": Text(
        "Bitte Kodierende nennen (--coder NAME) oder alle wählen (--all-coders), nicht beides.",
        "name coders (--coder NAME) or ask for all coders (--all-coders), not both",
    ),
    "error.analysis.sentences_need_store": Text(
        "Überschneidung in Sätzen braucht das Projekt: bitte store= übergeben.",
        "co-occurrence in sentences needs the project: pass store=",
    ),
    "error.analysis.time_negative": Text(
        "Die Zeitmarke {seconds} ist negativ.",
        "time stamp {seconds} is negative",
    ),
    "error.analysis.codings_unreadable": Text(
        "{path}: die Codierungen ließen sich nicht lesen; bitte PRAGMA integrity_check ausführen.",
        "{path}: the codings could not be read; run PRAGMA integrity_check",
    ),
    "error.code.not_found_listed": Text(
        "Einen Code „{path}“ gibt es nicht; die Codes zeigt `coding-toolkit codebook show`.",
        "no code '{path}'; list codes with `coding-toolkit codebook show`",
    ),
    "error.analysis.context": Text(
        "Der Kontext „{context}“ muss eine Zahl von Zeichen (0 oder mehr) oder „turn“ sein.",
        "context '{context}' must be a number of characters (0 or more) or 'turn'",
    ),
    "error.analysis.group_by": Text(
        "Nach „{by}“ lässt sich nicht gruppieren; bitte eines davon wählen: {choices}.",
        "cannot group by '{by}'; use one of {choices}",
    ),
    "error.analysis.matrix_columns": Text(
        "Die Matrixspalten „{columns}“ werden nicht unterstützt; bitte {choices} oder attribute:NAME "
        "verwenden.",
        "matrix columns '{columns}' are not supported; use {choices} or attribute:NAME",
    ),
    "error.analysis.matrix_rows": Text(
        "Die Matrixzeilen „{rows}“ werden nicht unterstützt; bitte code oder field verwenden.",
        "matrix rows '{rows}' are not supported; use code or field",
    ),
    # suggestions
    "error.import.line": Text(
        "Zeile {line}: {cause}",
        "line {line}: {cause}",
    ),
    "error.import.rejected": Text(
        "{cause}",
        "{cause}",
    ),
    "error.import.cannot_read": Text(
        "die Datei lässt sich nicht lesen ({reason})",
        "cannot read the file ({reason})",
    ),
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
    "error.csv.invalid": Text(
        "Zeile {line}: kein CSV ({reason})",
        "line {line}: not CSV ({reason})",
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
    "error.evaluate.train_and_test": Text(
        "„{document}“ ist Trainings- und Testdokument zugleich; bitte beides trennen.",
        "'{document}' is both a training and a test document; keep them apart",
    ),
    "error.evaluate.no_test": Text(
        "Keine Testdokumente; bitte mindestens eines mit --test nennen.",
        "no test documents; name at least one with --test",
    ),
    "error.evaluate.source_unknown": Text(
        "Die Quelle „{source}“ gibt es nicht; bitte eine davon wählen: {choices}.",
        "unknown source '{source}'; use one of: {choices}",
    ),
    "error.suggestion.no_source": Text(
        "Der Vorschlag hat keine Quelle; erwartet: rule, model oder rule+model.",
        "the suggestion has no source; expected rule, model or rule+model",
    ),
    "error.suggestion.unit_outside": Text(
        "Die Einheit {start}–{end} liegt außerhalb von Dokument „{document}“ (0–{length}).",
        "unit {start}-{end} is outside document '{document}' (0-{length})",
    ),
    "error.suggestion.threshold": Text(
        "Die Schwelle {threshold} liegt außerhalb von 0–1; bitte einen Wert zwischen 0 und 1 wählen.",
        "threshold {threshold} is outside 0-1; pick a score between 0 and 1",
    ),
    "error.suggestion.unit_unknown": Text(
        "Die Vorschlagseinheit „{unit}“ gibt es nicht; bitte eine davon wählen: {choices}.",
        "unknown suggestion unit '{unit}'; use one of: {choices}",
    ),
    "error.suggestion.order_unknown": Text(
        "Die Reihenfolge „{order}“ gibt es nicht; bitte eine davon wählen: {choices}.",
        "unknown order '{order}'; use one of: {choices}",
    ),
    "error.training.not_found": Text(
        "Einen Trainingslauf „{guid}“ gibt es nicht.",
        "no training run '{guid}'",
    ),
    # permissions: more actions
    "error.action.register_as_a_coder": Text(
        "sich als Kodierer:in eintragen",
        "register as a coder",
    ),
    # autocoding: sentences around a hit
    "error.autocode.around_needs_sentence": Text(
        "±{around} Sätze geht nur mit dem Bereich Satz (sentence), nicht „{scope}“.",
        "±{around} sentences needs the scope sentence, not '{scope}'",
    ),
    "error.autocode.around_range": Text(
        "±{around} Sätze: bitte 0 bis 20 wählen.",
        "±{around} sentences: choose 0 to 20",
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
    # coding weights
    "error.coding.weight": Text(
        "Das Gewicht „{weight}“ muss eine ganze Zahl von 0 (keines) bis 100 sein.",
        "weight '{weight}' must be a whole number from 0 (none) to 100",
    ),
    # the project's code tree
    "error.code.ambiguous": Text(
        "Der Code „{path}“ ist mehrdeutig; bitte den vollen Pfad angeben, einen von: {options}.",
        "code '{path}' is ambiguous; give the full path, one of: {options}",
    ),
    "error.code.path_empty_part": Text(
        "Der Code-Pfad „{path}“ ist leer oder hat einen leeren Teil.",
        "code path '{path}' is empty or has an empty part",
    ),
    "error.code.path_too_deep": Text(
        "Der Code-Pfad „{path}“ hat {levels} Ebenen; erlaubt sind höchstens {limit}.",
        "code path '{path}' has {levels} levels; at most {limit} are allowed",
    ),
    "error.code.colour_invalid": Text(
        "Die Farbe „{colour}“ ist nicht #RRGGBB; bitte sechs Hex-Ziffern angeben, z. B. #1F77B4.",
        "colour '{colour}' is not #RRGGBB; give it as six hex digits, e.g. #1F77B4",
    ),
    "error.code.valence_invalid": Text(
        "Die Valenz „{valence}“ muss „challenge“ oder „driver“ sein.",
        "valence '{valence}' must be 'challenge' or 'driver'",
    ),
    "error.code.not_editable": Text(
        "{fields} lässt sich nicht bearbeiten; bearbeitbar: {editable}.",
        "cannot edit {fields}; editable: {editable}",
    ),
    "error.code.new_name_invalid": Text(
        "Der neue Name „{name}“ darf nicht leer sein und kein „/“ enthalten.",
        "new name '{name}' must be non-empty and without '/'",
    ),
    "error.code.move_below_itself": Text(
        "„{path}“ kann nicht unter sich selbst verschoben werden ({target}).",
        "cannot move '{path}' below itself ('{target}')",
    ),
    "error.code.merge_into_itself": Text(
        "„{path}“ kann nicht mit sich selbst oder dem eigenen Untercode „{target}“ zusammengeführt werden.",
        "cannot merge '{path}' into itself or its own subcode '{target}'",
    ),
    "error.code.has_subcodes": Text(
        "Der Code „{path}“ hat Untercodes; bitte diese zuerst verschieben oder löschen.",
        "code '{path}' has subcodes; move or delete them first",
    ),
    "error.code.in_use": Text(
        "Der Code „{path}“ hat {codings} Codierungen; bitte sie zu einem anderen Code verschieben "
        "(--move-to PFAD) oder den Code zusammenführen.",
        "code '{path}' is used by {codings} codings; move them to another code (--move-to PATH) or merge "
        "the code instead",
    ),
    "error.code.move_to_deleted": Text(
        "Codierungen können nicht zu dem Code verschoben werden, der gelöscht wird.",
        "cannot move codings to the code being deleted",
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
    "error.pseudonyms.no_documents": Text(
        "Keine Dokumente angegeben; bitte die Dokumente nennen, die pseudonymisiert werden sollen.",
        "no documents given; name the documents to pseudonymise",
    ),
    "error.pseudonyms.original_empty": Text(
        "Das Original ist leer; bitte den Namen, Ort oder die Organisation angeben, die ersetzt werden soll.",
        "the original is empty; give the name, place or organisation to replace",
    ),
    "error.pseudonyms.placeholder_empty": Text(
        "Der Platzhalter für „{original}“ ist leer; bitte einen angeben, z. B. [Person A].",
        "the placeholder for '{original}' is empty; give one such as [Person A]",
    ),
    "error.pseudonyms.kind_unknown": Text(
        "Die Art „{kind}“ ist keine von: {choices}.",
        "kind '{kind}' is not one of {choices}",
    ),
    "error.pseudonyms.placeholder_has_original": Text(
        "Der Platzhalter „{placeholder}“ enthält das Original „{original}“; bitte einen anderen wählen.",
        "the placeholder '{placeholder}' contains the original '{original}'; choose another",
    ),
    "error.pseudonyms.exists": Text(
        "„{original}“ steht schon in der Pseudonym-Tabelle; bitte stattdessen den Platzhalter ändern.",
        "'{original}' is already in the pseudonym table; change its placeholder instead",
    ),
    "error.pseudonyms.not_found": Text(
        "„{original}“ steht nicht in der Pseudonym-Tabelle; die Tabelle zeigt `coding-toolkit pseudonyms "
        "list`.",
        "'{original}' is not in the pseudonym table; list it with `coding-toolkit pseudonyms list`",
    ),
    "error.model.architecture_unknown": Text(
        "Die Architektur „{architecture}“ gibt es nicht; bitte eine davon wählen: {choices}.",
        "unknown architecture '{architecture}'; use one of: {choices}",
    ),
    "error.model.nothing_to_learn": Text(
        "Nichts zu lernen: keine Einheit hat einen Code.",
        "nothing to learn: no unit has a code",
    ),
    "error.model.not_found": Text(
        "Ein gespeichertes Vorschlagsmodell „{guid}“ gibt es nicht; eines trainiert `coding-toolkit train`.",
        "no stored suggestion model '{guid}'; train one with `coding-toolkit train`",
    ),
    "error.model.no_codings": Text(
        "„{coder}“ hat keine Codierungen zum Lernen; bitte zuerst einige Stellen kodieren.",
        "coder '{coder}' has no codings to learn from; code some passages first",
    ),
    "error.model.no_codings_in": Text(
        "„{coder}“ hat in {documents} keine Codierungen zum Lernen.",
        "coder '{coder}' has no codings in {documents} to learn from",
    ),
    # memos, document sets, wide tables, reports
    "error.memo.too_long": Text(
        "Das Memo hat {length:,} Zeichen, mehr als {limit:,}; bitte kürzen.",
        "the memo has {length:,} characters, more than {limit:,}; shorten it",
    ),
    "error.memo.code_gone": Text(
        "Den Code dieses Memos gibt es nicht mehr; das Memo lässt sich nicht wiederherstellen.",
        "the code of this memo no longer exists; the memo cannot be restored",
    ),
    "error.memo.type_unknown": Text(
        "Die Memo-Art „{type}“ gibt es nicht; bitte {choices} verwenden.",
        "memo type '{type}' is unknown; use {choices}",
    ),
    "error.set.not_found": Text(
        "Eine Dokumentgruppe „{name}“ gibt es nicht; Gruppen sind: {sets} (eine neue mit `sets create`).",
        "no document set '{name}'; sets are: {sets} (create one with `sets create`)",
    ),
    "error.set.name_length": Text(
        "Gruppenname „{name}“: bitte 1 bis 100 Zeichen.",
        "set name '{name}': give 1 to 100 characters",
    ),
    "error.set.exists": Text(
        "Eine Dokumentgruppe „{name}“ gibt es schon; Dokumente kommen mit `sets add` hinzu.",
        "a document set '{name}' exists already; add documents to it with `sets add`",
    ),
    "error.set.name_taken": Text(
        "Eine Dokumentgruppe „{name}“ gibt es schon; bitte einen anderen Namen wählen.",
        "a document set '{name}' exists already; choose another name",
    ),
    "error.analysis.segments_limit": Text(
        "Höchstens {limit} Segmente je Code: bitte 0 oder mehr angeben.",
        "at most {limit} segments per code: give 0 or more",
    ),
    "error.analysis.page_size": Text(
        "Die Seitengröße {size} muss 1 oder mehr Dokumente sein.",
        "page size {size} must be 1 or more documents",
    ),
    "error.analysis.group_documents": Text(
        "Dokumente bitte nach attribute:NAME oder set gruppieren, nicht nach „{by}“.",
        "group documents by attribute:NAME or set, not '{by}'",
    ),
    "error.analysis.no_sets": Text(
        "Es gibt keine Dokumentgruppen zum Gruppieren; eine neue mit `sets create`.",
        "there are no document sets to group by; make one with `sets create`",
    ),
    "error.analysis.set_unknown": Text(
        "Eine Dokumentgruppe „{name}“ gibt es nicht; vorhanden: {sets}.",
        "there is no document set '{name}'; there are: {sets}",
    ),
    "error.report.quotes_per_code": Text(
        "Zitate je Code ({quotes}) müssen 0 oder mehr sein (None: alle).",
        "quotes per code {quotes} must be 0 or more (None: all)",
    ),
    # qualitative content analysis, speaker renames on import, CLI output files
    "error.variable.not_found": Text(
        "Eine Dokumentvariable „{name}“ gibt es nicht; Variablen sind: {variables}.",
        "no document variable '{name}'; variables are: {variables}",
    ),
    "error.compare.by": Text(
        "--by „{by}“ ist weder attribute:NAME (zum Beispiel attribute:municipality_type) noch set.",
        "--by '{by}' is neither attribute:NAME (for example attribute:municipality_type) nor set",
    ),
    "error.summary.too_long": Text(
        "Die Zusammenfassung hat {length:,} Zeichen, mehr als {limit:,}; bitte kürzen oder aufteilen.",
        "the summary has {length:,} characters, more than {limit:,}; shorten it or split it",
    ),
    "error.summary.gone": Text(
        "Das Dokument, der Code oder die Kodierer:in dieser Zusammenfassung existiert nicht mehr; sie lässt "
        "sich nicht wiederherstellen.",
        "the document, code or coder of this summary no longer exists; it cannot be restored",
    ),
    "error.summary.no_codes": Text(
        "Keine Codes gewählt; bitte mindestens einen Code-Pfad nennen (--codes PFAD,PFAD).",
        "no codes chosen; name at least one code path (--codes PATH,PATH)",
    ),
    # paraphrases and categories built from them (issue 20)
    "error.paraphrase.not_found": Text(
        "Eine Paraphrase „{id}“ gibt es nicht; `paraphrase list` zeigt die Nummern.",
        "no paraphrase '{id}'; `paraphrase list` shows their numbers",
    ),
    "error.paraphrase.empty": Text(
        "Die Paraphrase ist leer; bitte den Inhalt des Segments in eigenen Worten schreiben.",
        "the paraphrase is empty; restate the segment in your own words",
    ),
    "error.paraphrase.too_long": Text(
        "Die Paraphrase hat {length:,} Zeichen, mehr als {limit:,}; bitte kürzen.",
        "the paraphrase has {length:,} characters, more than {limit:,}; shorten it",
    ),
    "error.paraphrase.exists": Text(
        "Für {document} {start}–{end} gibt es schon eine Paraphrase (Nr. {id}); bitte diese ändern.",
        "{document} {start}-{end} has a paraphrase already (no. {id}); edit that one",
    ),
    "error.paraphrase.group_name": Text(
        "Gruppenname „{name}“: bitte 1 bis {limit} Zeichen ohne „/“ (er wird zum Code-Namen).",
        "group name '{name}': give 1 to {limit} characters without '/' (it becomes a code name)",
    ),
    "error.paraphrase.none_chosen": Text(
        "Keine Paraphrasen gewählt; bitte mindestens eine Nummer nennen.",
        "no paraphrases chosen; give at least one number",
    ),
    "error.paraphrase.group_coders": Text(
        "Die Paraphrasen stammen von mehreren Kodierenden ({coders}); eine Gruppe fasst nur die "
        "Paraphrasen einer Person.",
        "the paraphrases are by several coders ({coders}); a group holds one coder's paraphrases",
    ),
    "error.paraphrase.group_not_found": Text(
        "Eine Paraphrasen-Gruppe „{name}“ gibt es nicht; Gruppen sind: {groups}.",
        "no paraphrase group '{name}'; groups are: {groups}",
    ),
    "error.paraphrase.group_exists": Text(
        "{coder} hat schon eine Gruppe „{name}“; bitte einen anderen Namen wählen.",
        "{coder} has a group '{name}' already; choose another name",
    ),
    "error.paraphrase.group_name_taken": Text(
        "Eine andere Gruppe heißt inzwischen „{name}“; bitte diese erst umbenennen.",
        "another group is called '{name}' by now; rename that one first",
    ),
    "error.paraphrase.group_gone": Text(
        "Die Gruppe „{name}“ gibt es nicht mehr; der Schritt lässt sich nicht wiederholen.",
        "group '{name}' no longer exists; the step cannot be replayed",
    ),
    "error.paraphrase.group_there": Text(
        "Die Gruppe „{name}“ ist schon wieder da; nichts zu tun.",
        "group '{name}' is there already; nothing to do",
    ),
    "error.paraphrase.group_empty": Text(
        "Die Gruppe „{name}“ hat keine Paraphrasen; bitte erst Paraphrasen hineinlegen.",
        "group '{name}' has no paraphrases; put paraphrases into it first",
    ),
    "error.paraphrase.gone": Text(
        "Diese Paraphrase oder ihr Dokument gibt es nicht mehr; der Schritt lässt sich nicht wiederholen.",
        "this paraphrase or its document no longer exists; the step cannot be replayed",
    ),
    "error.paraphrase.exists_again": Text(
        "Die Paraphrase ist schon wieder da; nichts zu tun.",
        "the paraphrase is there already; nothing to do",
    ),
    "error.paraphrase.code_in_use": Text(
        "Der Code „{path}“ hat inzwischen weitere Codierungen oder Untercodes; bitte diese zuerst "
        "entfernen oder verschieben.",
        "code '{path}' has other codings or subcodes by now; remove or move them first",
    ),
    "error.paraphrase.code_gone": Text(
        "Den Code „{path}“ gibt es nicht mehr; die Kategorie lässt sich nicht wiederherstellen.",
        "code '{path}' no longer exists; the category cannot be restored",
    ),
    "error.import.rename_no_speaker": Text(
        "{document}: eine Sprecher:in „{speaker}“ zum Umbenennen gibt es nicht; Sprecher:innen sind: "
        "{speakers}.",
        "{document}: no speaker '{speaker}' to rename; speakers are: {speakers}",
    ),
    "error.import.rename_empty": Text(
        "{document}: der neue Name von „{speaker}“ ist leer.",
        "{document}: the new name of speaker '{speaker}' is empty",
    ),
    "error.agreement.output_type": Text(
        "{path}: unbekannter Dateityp {suffix}; bitte .csv, .xlsx oder .docx verwenden.",
        "{path}: unknown file type {suffix}; use .csv, .xlsx or .docx",
    ),
    "error.suggestion.not_open": Text(
        "Kein offener Vorschlag von „{code}“ für {document} {start}–{end}; die Vorschläge zeigt "
        "`coding-toolkit suggest {document} --coder {coder}`.",
        "no open suggestion of '{code}' for {document} {start}-{end}; list them with `coding-toolkit "
        "suggest {document} --coder {coder}`",
    ),
    # document variables from a table (toolkit.attribute_table)
    "error.table.too_many_rows": Text(
        "mehr als {limit} Zeilen; bitte die Tabelle teilen", "more than {limit} rows; split the table"
    ),
    "error.table.unreadable": Text(
        "Excel kann die Datei nicht lesen ({reason}); bitte in Excel neu speichern",
        "Excel cannot be read ({reason}); save it again in Excel",
    ),
    "error.table.too_large": Text(
        "die Tabelle ist größer als {megabytes} MB; bitte teilen",
        "the table is larger than {megabytes} MB; split it",
    ),
    "error.table.not_a_table": Text(
        "{suffix} ist keine Tabelle; bitte .xlsx oder .csv verwenden",
        "{suffix} is not a table; use .xlsx or .csv",
    ),
    "error.table.empty": Text(
        "die Tabelle ist leer; die Dokumentnamen gehören in die erste Spalte",
        "the table is empty; put document names in the first column",
    ),
    "error.table.unnamed_column": Text(
        "Zeile 1, Spalte {column}: die Spalte hat Werte, aber keinen Namen; bitte benennen",
        "line 1, column {column}: the column has values but no name; name it",
    ),
    "error.table.column_twice": Text(
        "Zeile 1: die Spalte „{name}“ kommt zweimal vor (Spalten {first} und {second})",
        "line 1: column '{name}' appears twice (columns {first} and {second})",
    ),
    "error.table.speaker_variable": Text(
        "Zeile 1: „{name}“ ist ein Merkmal von Sprecher:innen, nicht von Dokumenten; "
        "bitte je Sprecher:in setzen",
        "line 1: '{name}' is a variable of speakers, not of documents; set it per speaker",
    ),
    "error.table.document_twice": Text(
        "Zeile {line}: das Dokument „{name}“ noch einmal (zuerst in Zeile {first})",
        "line {line}: document '{name}' again (first in line {first})",
    ),
    "error.table.bad_value": Text(
        "Zeile {line}, Spalte „{column}“: {error}", "line {line}, column '{column}': {error}"
    ),
    "error.table.export_format": Text(
        "{name}: bitte .xlsx oder .csv für die Variablentabelle wählen",
        "{name}: choose .xlsx or .csv for the variables table",
    ),
    # recordings (toolkit.media)
    "error.media.unplayable": Text(
        "{file}: {what} kann der Browser nicht abspielen; bitte vorher in MP3 oder MP4 umwandeln, "
        "zum Beispiel: {command}",
        "{file}: {what} cannot be played in the browser; convert it to MP3 or MP4 first, "
        "for example: {command}",
    ),
    "error.media.too_short": Text(
        "{file}: zu kurz für eine Aufnahme ({size} Bytes); bitte eine Audio- oder Videodatei angeben",
        "{file}: too short to be a recording ({size} bytes); name an audio or video file",
    ),
    "error.media.no_such_file": Text(
        "{file}: diese Datei gibt es nicht; bitte die Aufnahme angeben (MP3, M4A, Ogg, WAV, MP4, WebM)",
        "{file}: no such file; name the recording (MP3, M4A, Ogg, WAV, MP4, WebM)",
    ),
    "error.media.none_attached": Text(
        "„{document}“ hat keine Aufnahme; es gibt nichts zu lösen",
        "'{document}' has no recording attached; nothing to detach",
    ),
    "error.media.bad_time": Text(
        "Zeit {value}: bitte Sekunden von 0 bis 100 Stunden angeben",
        "time {value}: give seconds from 0 to 100 hours",
    ),
    "error.media.no_turn": Text("„{document}“ hat keinen Beitrag {turn}", "'{document}' has no turn {turn}"),
    "error.media.undo_document_gone": Text(
        "das Dokument dieser Änderung („{document}“) gibt es nicht mehr; nichts rückgängig zu machen",
        "the document of this change ('{document}') no longer exists; nothing to undo",
    ),
    "error.media.file_missing": Text(
        "die Aufnahme „{name}“ fehlt in {folder}", "the recording '{name}' is missing from {folder}"
    ),
}
