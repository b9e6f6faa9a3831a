"""Words of the pages Anmelden (login) and Team (accounts and team mode)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # login
    "ui.login.title": Text("Anmelden", "Sign in"),
    "ui.login.caption": Text(
        "Dieses Projekt wird im Team bearbeitet: bitte mit dem eigenen Konto anmelden.",
        "This project is worked on as a team: please sign in with your own account.",
    ),
    "ui.login.name": Text("Name", "Name"),
    "ui.login.password": Text("Passwort", "Password"),
    "ui.login.submit": Text("Anmelden", "Sign in"),
    "ui.login.failed": Text("Anmeldung fehlgeschlagen: {error}", "Sign-in failed: {error}"),
    # team
    "ui.team.title": Text("Team", "Team"),
    "ui.team.role.coder": Text("Kodierer:in", "Coder"),
    "ui.team.role.lead": Text("Leitung", "Lead"),
    "ui.team.on": Text(
        "**Teammodus ist an**: Anmeldung nötig, Sitzungen enden nach {hours} h.",
        "**Team mode is on**: sign-in required, sessions end after {hours} h.",
    ),
    "ui.team.off": Text(
        "**Einzelplatzmodus**: keine Anmeldung, alle dürfen alles ändern.",
        "**Single-user mode**: no sign-in, everyone may change everything.",
    ),
    "ui.team.switch_off": Text("Teammodus ausschalten", "Turn team mode off"),
    "ui.team.switch_on": Text("Teammodus einschalten", "Turn team mode on"),
    "ui.team.switched_off": Text("Teammodus ausgeschaltet", "Team mode turned off"),
    "ui.team.switched_on": Text(
        "Teammodus eingeschaltet: bitte anmelden", "Team mode turned on: please sign in"
    ),
    "ui.team.col.name": Text("Name", "Name"),
    "ui.team.col.role": Text("Rolle", "Role"),
    "ui.team.col.password": Text("Passwort", "Password"),
    "ui.team.col.status": Text("Status", "Status"),
    "ui.team.col.created": Text("Angelegt", "Created"),
    "ui.team.password_set": Text("gesetzt", "set"),
    "ui.team.password_missing": Text("fehlt", "missing"),
    "ui.team.disabled": Text("deaktiviert", "disabled"),
    "ui.team.active": Text("aktiv", "active"),
    "ui.team.no_accounts": Text(
        "Noch keine Konten. Für den Teammodus braucht es mindestens eine Leitung mit Passwort.",
        "No accounts yet. Team mode needs at least one lead with a password.",
    ),
    "ui.team.tab.add": Text("Konto anlegen", "Add account"),
    "ui.team.tab.password": Text("Passwort setzen", "Set password"),
    "ui.team.tab.role": Text("Rolle ändern", "Change role"),
    "ui.team.tab.disable": Text("Deaktivieren", "Disable"),
    "ui.team.new_name": Text("Name (zugleich Name als Kodierer:in)", "Name (also the name as coder)"),
    "ui.team.role": Text("Rolle", "Role"),
    "ui.team.password": Text("Passwort (mindestens 8 Zeichen)", "Password (at least 8 characters)"),
    "ui.team.password_again": Text("Passwort wiederholen", "Repeat password"),
    "ui.team.create": Text("Anlegen", "Create"),
    "ui.team.mismatch": Text("Die Passwörter stimmen nicht überein.", "The passwords do not match."),
    "ui.team.added": Text("{name} angelegt ({role})", "{name} added ({role})"),
    "ui.team.account": Text("Konto", "Account"),
    "ui.team.pick_account": Text("Konto wählen …", "Choose an account …"),
    "ui.team.new_password": Text("Neues Passwort", "New password"),
    "ui.team.new_password_again": Text("Neues Passwort wiederholen", "Repeat new password"),
    "ui.team.set_password": Text("Passwort setzen", "Set password"),
    "ui.team.password_done": Text(
        "Passwort von {name} gesetzt; offene Sitzungen sind beendet",
        "Password of {name} set; open sessions have ended",
    ),
    "ui.team.new_role": Text("Neue Rolle", "New role"),
    "ui.team.change_role": Text("Rolle ändern", "Change role"),
    "ui.team.role_done": Text("{name} ist jetzt {role}", "{name} is now {role}"),
    "ui.team.action": Text("Aktion", "Action"),
    "ui.team.disable": Text("deaktivieren", "disable"),
    "ui.team.enable": Text("wieder aktivieren", "enable again"),
    "ui.team.apply": Text("Übernehmen", "Apply"),
    "ui.team.status_done": Text("{name} ist {status}", "{name} is {status}"),
}
