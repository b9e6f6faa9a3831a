"""The library's errors as the German pages say them.

The library and the CLI speak English. On the pages, the errors a coder meets while working (a
coding already there, a change by someone else, undo that is no longer possible, roles in team
mode, logins) are said wholly in German; every other error gets a German lead-in by its kind
(``Ungültige Eingabe``, ``Nicht gefunden``, ...) before the library's English detail, which names
the file, line or value. Nothing here decides anything: it only rewords."""

from __future__ import annotations

import re

from toolkit.errors import (
    CodebookError,
    Conflict,
    ImportFailed,
    InvalidValue,
    NotFound,
    PermissionDenied,
    StoreError,
    ToolkitError,
)

# (pattern of the English message, German text with {0}, {1}, ... for the pattern's groups)
_WHOLE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), german)
    for pattern, german in (
        (
            r"^(.+) already coded (.+) (\d+)-(\d+) with '(.+)'$",
            "{0} hat {1} an dieser Stelle ({2}–{3}) schon mit „{4}“ kodiert.",
        ),
        (
            r"^the same coder already has this code on (.+) (\d+)-(\d+)$",
            "An dieser Stelle von {0} ({1}–{2}) steht dieser Code derselben Person schon.",
        ),
        (
            r"^coding \S+ was changed by someone else.*reload and try again$",
            "Die Codierung wurde inzwischen von jemand anderem geändert; bitte neu laden und "
            "noch einmal versuchen.",
        ),
        (
            r"^the text of (.+) has changed since this step.*$",
            "Der Text von {0} wurde seit diesem Schritt geändert (pseudonymisiert oder bearbeitet); "
            "der Schritt lässt sich nicht mehr rückgängig machen oder wiederholen.",
        ),
        (
            r"^the coding no longer exists; nothing to undo$",
            "Die Codierung gibt es nicht mehr; nichts rückgängig zu machen.",
        ),
        (
            r"^the coding exists again; nothing to restore$",
            "Die Codierung gibt es schon wieder; nichts wiederherzustellen.",
        ),
        (
            r"^the coding no longer exists; the change cannot be reversed$",
            "Die Codierung gibt es nicht mehr; die Änderung lässt sich nicht umkehren.",
        ),
        (
            r"^the disagreement (.+) is already decided; reload the list$",
            "Die Abweichung {0} ist schon entschieden; bitte die Liste neu laden.",
        ),
        (
            r"^a code named '(.+)' already exists at '(.+)'; choose another name$",
            "Einen Code „{0}“ gibt es schon ({1}); bitte einen anderen Namen wählen.",
        ),
        (
            r"^code '(.+)' has subcodes; move or delete them first$",
            "Der Code „{0}“ hat Untercodes; bitte diese zuerst verschieben oder löschen.",
        ),
        (r"^cannot move '(.+)' below itself.*$", "„{0}“ kann nicht unter sich selbst verschoben werden."),
        (
            r"^cannot merge '(.+)' into itself or its own subcode '(.+)'$",
            "„{0}“ kann nicht mit sich selbst oder dem eigenen Untercode „{1}“ zusammengeführt werden.",
        ),
        (
            r"^'(.+)' may not (.+): only a lead may; ask a lead of the project$",
            "„{0}“ darf das nicht ({1}): nur die Projektleitung; bitte die Leitung fragen.",
        ),
        (
            r"^'(.+)' may not (.+) of '(.+)': coders change only their own work$",
            "„{0}“ darf das nicht ({1} von „{2}“): Kodierende ändern nur ihre eigene Arbeit.",
        ),
        (
            r"^'(.+)' may not (.+): there is no enabled account of that name; ask a lead to add one$",
            "„{0}“ darf das nicht ({1}): es gibt kein aktives Konto dieses Namens; bitte die Leitung, "
            "eines anzulegen.",
        ),
        (
            r"^wrong user name or password",
            "Name oder Passwort falsch (oder das Konto ist deaktiviert).",
        ),
        (
            r"^too many failed logins (?:for .*|from this address); try again in (\d+) seconds",
            "Zu viele Fehlversuche; bitte in {0} Sekunden erneut versuchen.",
        ),
        (
            r"^(.+): no project here; create one with `(.+)`$",
            "{0}: hier ist kein Projekt. Auf der Seite Projekte ein neues anlegen oder ein anderes öffnen "
            "(oder mit `{1}`).",
        ),
        (
            r"^(.+): no project file here; check the path or create a new project$",
            "{0}: hier liegt keine Projektdatei; bitte den Pfad prüfen oder ein neues Projekt anlegen.",
        ),
        (
            r"^(.+): not a coding-toolkit project; open a \.db file made by the toolkit$",
            "{0} ist keine Projektdatei des Toolkits; bitte eine mit dem Toolkit angelegte .db-Datei öffnen.",
        ),
        (r"^the project has no name", "Das Projekt braucht einen Namen, z. B. „Studie 2027“."),
        (
            r"^project name (.+): give a name with letters or digits$",
            "Der Projektname {0} braucht Buchstaben oder Ziffern.",
        ),
        (
            r"^(.+): a (?:project )?file (?:of that name )?exists(?: there)?; choose another name or open",
            "{0}: eine Datei dieses Namens gibt es schon; bitte einen anderen Namen wählen oder sie öffnen.",
        ),
        (
            r"^the project is not in team mode",
            "Das Projekt ist nicht im Teammodus; bitte die Seite neu laden.",
        ),
    )
)

# lead-ins by kind, most specific first
_KINDS: tuple[tuple[type[ToolkitError], str], ...] = (
    (ImportFailed, "Import nicht möglich"),
    (CodebookError, "Codebuch fehlerhaft"),
    (PermissionDenied, "Nicht erlaubt"),
    (NotFound, "Nicht gefunden"),
    (Conflict, "Nicht möglich"),
    (InvalidValue, "Ungültige Eingabe"),
    (StoreError, "Projektdatei"),
)


def german(exc: BaseException | str) -> str:
    """The German wording of a library error (or of its message): wholly German for the errors met
    while working, else a German lead-in and the English detail."""
    message = str(exc)
    for pattern, text in _WHOLE:
        found = pattern.match(message)
        if found:
            return text.format(*found.groups())
    if isinstance(exc, BaseException):
        for kind, lead in _KINDS:
            if isinstance(exc, kind):
                return f"{lead}: {message}"
    return message
