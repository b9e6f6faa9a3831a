"""Texts of the library's errors of codebooks (YAML) and the project's code tree (``error.<code>``),
German and English; see :mod:`toolkit.catalog.errors`."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # projects and the project file
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
    # importing transcripts
    "error.code.name_missing": Text(
        "Der neue Code braucht einen Namen; bitte einen eingeben oder Wörter im Text markieren.",
        "the new code needs a name; type one or select words in the text",
    ),
    "error.code.name_has_separator": Text(
        "Der Codename „{name}“ darf kein „{separator}“ enthalten; es trennt die Ebenen eines Pfads.",
        "code name '{name}' may not contain '{separator}'; it separates the levels of a path",
    ),
    "error.code.name_empty_or_separator": Text(
        "Der Codename „{name}“ ist leer oder enthält „{separator}“.",
        "code name '{name}' is empty or contains '{separator}'",
    ),
    # the demo project
    "error.code.not_found": Text(
        "Einen Code „{path}“ gibt es nicht.",
        "no code '{path}'",
    ),
    "error.code.name_taken": Text(
        "Einen Code „{name}“ gibt es schon ({path}); bitte einen anderen Namen wählen.",
        "a code named '{name}' already exists at '{path}'; choose another name",
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
    "error.code.not_found_listed": Text(
        "Einen Code „{path}“ gibt es nicht; die Codes zeigt `coding-toolkit codebook show`.",
        "no code '{path}'; list codes with `coding-toolkit codebook show`",
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
}
