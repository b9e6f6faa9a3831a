"""Texts of the library's errors of accounts, logins and sessions, team mode, permissions, coders
(``error.<code>``), German and English; see :mod:`toolkit.catalog.errors`."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # projects and the project file
    "error.coder.name_empty": Text(
        "Der Name der Kodierer:in ist leer; bitte einen Namen angeben (--coder NAME).",
        "the coder name is empty; pass --coder NAME",
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
    # analysis
    "error.coder.not_found": Text(
        "Eine Kodierer:in „{name}“ gibt es nicht; Kodierer:innen sind: {coders}.",
        "no coder '{name}'; coders are: {coders}",
    ),
}
