"""Texts of the library's errors of importing transcripts, time stamps and speakers, documents, case
attributes and variable tables, recordings, pseudonyms, document sets (``error.<code>``), German and
English; see :mod:`toolkit.catalog.errors`."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # importing transcripts
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
    # analysis
    "error.attribute.not_found": Text(
        "Ein Dokumentmerkmal „{name}“ gibt es nicht; Merkmale sind: {attributes}.",
        "no document attribute '{name}'; attributes are: {attributes}",
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
    # pseudonyms, REFI-QDA projects, suggestion models
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
    # memos, document sets, wide tables, reports
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
    # qualitative content analysis, speaker renames on import, CLI output files
    "error.variable.not_found": Text(
        "Eine Dokumentvariable „{name}“ gibt es nicht; Variablen sind: {variables}.",
        "no document variable '{name}'; variables are: {variables}",
    ),
    # paraphrases and categories built from them (issue 20)
    "error.import.rename_no_speaker": Text(
        "{document}: eine Sprecher:in „{speaker}“ zum Umbenennen gibt es nicht; Sprecher:innen sind: "
        "{speakers}.",
        "{document}: no speaker '{speaker}' to rename; speakers are: {speakers}",
    ),
    "error.import.rename_empty": Text(
        "{document}: der neue Name von „{speaker}“ ist leer.",
        "{document}: the new name of speaker '{speaker}' is empty",
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
