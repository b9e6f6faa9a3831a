"""Page words of recordings (issue 21): the player on Kodieren, ▶ beside segments, the Dokumente
page's attach/detach and the note on the Pseudonyme page."""

from __future__ import annotations

from toolkit.catalog.text import Text

TEXTS: dict[str, Text] = {
    "ui.media.player": Text("Aufnahme", "Recording"),
    "ui.media.play": Text("Abspielen (F4)", "Play (F4)"),
    "ui.media.pause": Text("Anhalten (F4)", "Pause (F4)"),
    "ui.media.back": Text("5 Sekunden zurück (F2)", "5 seconds back (F2)"),
    "ui.media.forward": Text("5 Sekunden vor (F9)", "5 seconds forward (F9)"),
    "ui.media.speed": Text("Geschwindigkeit", "Speed"),
    "ui.media.keys": Text(
        "F4 Wiedergabe/Pause · F2 −5 s · F9 +5 s · F8 Zeitmarke des Beitrags setzen · Klick auf eine "
        "Zeitmarke spielt ab dort",
        "F4 play/pause · F2 −5 s · F9 +5 s · F8 set the turn's time stamp · a click on a time stamp "
        "plays from there",
    ),
    "ui.media.blocked": Text(
        "Der Browser hat das Abspielen angehalten; bitte ▶ klicken.",
        "The browser blocked playback; please click ▶.",
    ),
    "ui.media.no_turn": Text(
        "Erst in einen Beitrag klicken, dann F8 setzt seine Zeitmarke.",
        "Click into a turn first; then F8 sets its time stamp.",
    ),
    "ui.media.stamped": Text(
        "Zeitmarke von Beitrag {turn} auf {time} gesetzt; F8 an anderer Stelle setzt sie neu.",
        "Time stamp of turn {turn} set to {time}; F8 at another moment sets it again.",
    ),
    "ui.media.stamp_saved": Text(
        "Zeitmarke von Beitrag {turn} gespeichert.", "Time stamp of turn {turn} saved."
    ),
    "ui.media.missing": Text(
        "Die Aufnahme {file} fehlt im Ordner {folder}; bitte auf der Seite Dokumente neu anhängen.",
        "The recording {file} is missing from {folder}; attach it again on the page Documents.",
    ),
    "ui.media.play_segment": Text("▶ Abspielen", "▶ Play"),
    "ui.media.play_segment_help": Text(
        "Die Aufnahme ab dieser Stelle abspielen (Kodieren)",
        "Play the recording from here (Kodieren)",
    ),
    "ui.media.play_on_open": Text(
        "▶ Beim Öffnen die Aufnahme ab der Stelle abspielen",
        "▶ Play the recording from the segment when opening it",
    ),
    # page Dokumente
    "ui.media.section": Text("Aufnahmen", "Recordings"),
    "ui.media.section_help": Text(
        "Audio oder Video zu einem Dokument: MP3, M4A/AAC, Ogg/Opus, WAV, FLAC, MP4, WebM. Die Datei "
        "liegt neben dem Projekt im Ordner {folder}, nicht in der Datenbank.",
        "Audio or video of a document: MP3, M4A/AAC, Ogg/Opus, WAV, FLAC, MP4, WebM. The file is kept "
        "beside the project in the folder {folder}, not in the database.",
    ),
    "ui.media.document": Text("Dokument", "Document"),
    "ui.media.file": Text("Aufnahme hochladen", "Upload a recording"),
    "ui.media.attach": Text("Anhängen", "Attach"),
    "ui.media.detach": Text("Aufnahme lösen", "Detach the recording"),
    "ui.media.undo": Text(
        "Letzte Änderung an Aufnahmen/Zeitmarken rückgängig", "Undo the last change to recordings/time stamps"
    ),
    "ui.media.attached": Text(
        "{file} an {document} angehängt ({format}).", "{file} attached to {document} ({format})."
    ),
    "ui.media.detached": Text("Aufnahme von {document} gelöst.", "Recording of {document} detached."),
    "ui.media.undone": Text("Rückgängig: {what}", "Undone: {what}"),
    "ui.media.nothing": Text("Nichts rückgängig zu machen.", "Nothing to undo."),
    "ui.media.current": Text("Angehängt: {file} ({format}, {size})", "Attached: {file} ({format}, {size})"),
    "ui.media.none": Text("Keine Aufnahme angehängt.", "No recording attached."),
    # page Austausch
    "ui.media.refi_attached": Text(
        "{n} Aufnahme(n) angehängt, {stamps} Zeitmarken aus ihren Synchronisationspunkten",
        "{n} recording(s) attached, {stamps} time stamps from their sync points",
    ),
    # page Pseudonyme
    "ui.media.not_pseudonymised": Text(
        "Aufnahmen werden **nicht** pseudonymisiert: Stimmen, ausgesprochene Namen und Gesichter bleiben "
        "in Audio und Video erkennbar. Ein pseudonymisiertes Projekt ohne den Ordner {folder} "
        "weitergeben oder die Aufnahmen vorher selbst schneiden.",
        "Recordings are **not** pseudonymised: voices, names said aloud and faces stay recognisable in "
        "audio and video. Share a pseudonymised project without the folder {folder}, or edit the "
        "recordings yourself first.",
    ),
}
