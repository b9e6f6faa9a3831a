"""Words of the app's frame: navigation titles, the sidebar (coder, account, project, language) and
the small pieces several pages share (links into the transcript, the "done" toggle, the training
panel)."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    # page titles in the navigation (each page's own title is ui.<page>.title)
    "ui.nav.code": Text("Kodieren", "Code"),
    "ui.nav.documents": Text("Dokumente", "Documents"),
    "ui.nav.search": Text("Suche", "Search"),
    "ui.nav.codebook": Text("Codebuch", "Codebook"),
    "ui.nav.agreement": Text("Übereinstimmung", "Agreement"),
    "ui.nav.consensus": Text("Konsens", "Consensus"),
    "ui.nav.analysis": Text("Auswertung", "Analysis"),
    "ui.nav.overview": Text("Projekt", "Project"),
    "ui.nav.exchange": Text("Austausch", "Exchange"),
    "ui.nav.team": Text("Team", "Team"),
    "ui.nav.pseudonyms": Text("Pseudonyme", "Pseudonyms"),
    "ui.nav.projects": Text("Projekte", "Projects"),
    "ui.nav.login": Text("Anmelden", "Sign in"),
    # app.py
    "ui.app.projects_not_saved": Text(
        "Liste der Projekte nicht gespeichert: {error}", "List of projects not saved: {error}"
    ),
    "ui.app.link_team_mode": Text(
        "Im Teammodus bleibt dieses Projekt geöffnet; der Link nennt ein anderes.",
        "In team mode this project stays open; the link names another one.",
    ),
    "ui.app.link_not_recent": Text(
        "Der Link nennt ein Projekt, das nicht unter den zuletzt geöffneten ist; "
        "auf der Seite Projekte öffnen.",
        "The link names a project that is not among the recently opened ones; open it on the page Projects.",
    ),
    # sidebar: language
    "ui.app.language": Text("Sprache", "Language"),
    "ui.app.language.de": Text("Deutsch", "Deutsch"),
    "ui.app.language.en": Text("English", "English"),
    "ui.app.language_help": Text(
        "Sprache der Seiten und Exporte; gilt für die gewählte Person und bleibt gespeichert.",
        "Language of the pages and exports; it holds for the person chosen and is remembered.",
    ),
    "ui.app.language_tab_only": Text(
        "Gilt für diesen Tab, bis eine Person gewählt ist.",
        "Holds for this tab until a person is chosen.",
    ),
    # sidebar: coder gate (single-user mode)
    "ui.app.coder": Text("Kodierer:in", "Coder"),
    "ui.app.who_codes": Text("Wer kodiert?", "Who is coding?"),
    "ui.app.pick_name": Text("Name wählen …", "Choose a name …"),
    "ui.app.new_coder": Text("Neue:r Kodierer:in", "New coder"),
    "ui.app.name": Text("Name", "Name"),
    "ui.app.create": Text("Anlegen", "Create"),
    # sidebar: account (team mode)
    "ui.app.signed_in": Text("Angemeldet", "Signed in"),
    "ui.app.role.lead": Text("Leitung", "Lead"),
    "ui.app.role.coder": Text("Kodierer:in", "Coder"),
    "ui.app.logout": Text("Abmelden", "Sign out"),
    # sidebar: project switcher
    "ui.app.project": Text("Projekt", "Project"),
    "ui.app.project_help": Text(
        "Zuletzt geöffnete Projekte; neue anlegen und weitere öffnen auf der Seite Projekte",
        "Recently opened projects; create new ones and open others on the page Projects",
    ),
    "ui.app.project_opened": Text("Projekt „{name}“ geöffnet", "Project “{name}” opened"),
    # shared tables and links
    "ui.app.datetime": Text("%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M"),
    "ui.app.col.document": Text("Dokument", "Document"),
    "ui.app.col.language": Text("Sprache", "Language"),
    "ui.app.col.format": Text("Format", "Format"),
    "ui.app.col.words": Text("Wörter", "Words"),
    "ui.app.col.turns": Text("Beiträge", "Turns"),
    "ui.app.col.speakers": Text("Sprecher:innen", "Speakers"),
    "ui.app.link.help": Text("Im Transkript öffnen", "Open in the transcript"),
    "ui.app.link.open": Text("öffnen", "open"),
    "ui.app.link.column": Text("Transkript", "Transcript"),
    "ui.app.link.new_tab": Text("in neuem Tab", "in a new tab"),
    "ui.app.link.rows": Text(
        "Eine Zeile anklicken (Kästchen links) öffnet die Stelle hier in **Kodieren**; "
        "„öffnen“ in einem neuen Tab.",
        "Clicking a row (its box on the left) opens the span here in **Code**; “open” in a new tab.",
    ),
    # the "done" toggle
    "ui.app.done.marked": Text("{document}: als fertig kodiert markiert", "{document}: marked as coded"),
    "ui.app.done.unmarked": Text("{document}: Markierung entfernt", "{document}: mark removed"),
    "ui.app.done.no_coder": Text(
        "„Fertig kodiert“ markieren: erst links eine Kodierer:in wählen.",
        "To mark “done coding”, first choose a coder on the left.",
    ),
    "ui.app.done.label": Text("Fertig kodiert von {coder}", "Done coding by {coder}"),
    "ui.app.done.help": Text(
        "Auch ohne Codierung: das Dokument zählt für den Vergleich der Übereinstimmung als von dir kodiert.",
        "Also without a coding: the document counts as coded by you when agreement is compared.",
    ),
    # the training panel (sidebar of Kodieren)
    "ui.app.train.running": Text("läuft", "running"),
    "ui.app.train.ready": Text("fertig", "ready"),
    "ui.app.train.failed": Text("fehlgeschlagen", "failed"),
    "ui.app.train.loss": Text(" · Verlust {loss}", " · loss {loss}"),
    "ui.app.train.epoch": Text("Epoche {epoch} von {epochs}{loss}", "Epoch {epoch} of {epochs}{loss}"),
    "ui.app.train.title": Text("Modell aus meinen Codierungen", "Model from my codings"),
    "ui.app.train.none": Text(
        "Noch kein Modell: Vorschläge kommen nur aus den Schlüsselwörtern des Codebuchs.",
        "No model yet: suggestions come only from the codebook's keywords.",
    ),
    "ui.app.train.last": Text("Letztes Training {when}", "Last training {when}"),
    "ui.app.train.codings": Text("{n} Codierungen", "{n} codings"),
    "ui.app.train.used": Text("wird genutzt", "in use"),
    "ui.app.train.unused": Text(
        "nicht genutzt: schlägt die Regeln nicht", "not used: does not beat the rules"
    ),
    "ui.app.train.start": Text("Modell trainieren", "Train the model"),
    "ui.app.train.help": Text(
        "Lernt im Hintergrund aus deinen Codierungen und Ablehnungen; nichts wird kodiert.",
        "Learns in the background from your codings and rejections; nothing is coded.",
    ),
    # Streamlit's own words on the file uploader (replaced by app_pages/lang.py's style)
    "ui.app.uploader.drop": Text("Datei hierher ziehen", "Drag and drop file here"),
    "ui.app.uploader.limit": Text("höchstens {mb} MB je Datei", "Limit {mb} MB per file"),
    "ui.app.uploader.browse": Text("Datei wählen", "Browse files"),
    # Streamlit's own words in select boxes and text fields (replaced by app_pages/lang.py's style)
    "ui.app.builtin.no_results": Text("Keine Treffer", "No results"),
    "ui.app.builtin.select_all": Text("Alle auswählen", "Select all"),
    "ui.app.builtin.enter_apply": Text("Enter zum Übernehmen", "Press Enter to apply"),
    "ui.app.builtin.enter_submit": Text("Enter zum Absenden", "Press Enter to submit form"),
    "ui.app.builtin.ctrl_enter_apply": Text("Strg/⌘+Enter zum Übernehmen", "Press Ctrl+Enter to apply"),
    "ui.app.builtin.ctrl_enter_submit": Text("Strg/⌘+Enter zum Absenden", "Press Ctrl+Enter to submit form"),
    "ui.app.no_results": Text("Keine Treffer", "No results"),
    "ui.app.choose_options": Text("Auswählen …", "Choose options"),
    "ui.app.choose_option": Text("Auswählen …", "Choose an option"),
}
