"""The recording of a document as the player gets it: an address on the app's own server that is
made for this browser session only (issue 21).

Streamlit serves files under ``/media/<id>`` without asking who asks; what keeps a recording
private is the address. The id is a hash of the file *and of a random name per session*, so it
cannot be derived from the recording, differs between sessions, and exists only while this
session's latest run registered it: Streamlit drops it at the end of a run that no longer shows it
(another page, signed out) and when the session ends. In team mode a browser that has not signed
in never runs Kodieren (app.py shows it the login form only), so it never gets an address.
The bytes are read once per recording and shared by the sessions that play it.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit import runtime

from app_pages.lang import tr
from toolkit.media import MediaInfo, document_media, media_folder, media_path
from toolkit.store import Store

PLAY = "code_play"  # session state: {doc, offset, key}, where Kodieren's player is to play from
PLAY_ON_OPEN = "media_play_on_open"  # session state: a span opened from a list also plays


def play_at(document: str, offset: int) -> None:
    """Ask Kodieren's player to play ``document`` from the text offset (once)."""
    st.session_state[PLAY] = {"doc": document, "offset": int(offset), "key": secrets.token_hex(4)}


@st.fragment
def play_button(document: str, start: int, end: int, *, key: str) -> None:
    """▶ for a segment of a document with a recording (Konsens cards): switches to Kodieren at
    the span and plays from there. A fragment, as the open button beside it."""
    from app_pages.deeplinks import open_here

    if st.button(
        tr("ui.media.play_segment"), key=key, help=tr("ui.media.play_segment_help"), type="tertiary"
    ):
        play_at(document, start)
        open_here(document, start, end)


def play_on_open_toggle(documents: set[str], recorded: set[str], *, key: str) -> None:
    """A switch above a list of segments: opening one of a document with a recording also plays it."""
    if not documents & recorded:
        return

    def _keep() -> None:
        st.session_state[PLAY_ON_OPEN] = bool(st.session_state.get(key))

    st.toggle(
        tr("ui.media.play_on_open"),
        value=bool(st.session_state.get(PLAY_ON_OPEN)),
        key=key,
        on_change=_keep,
        help=tr("ui.media.play_segment_help"),
    )


@st.cache_resource(max_entries=4, show_spinner=False)
def _recording(path: str, sha256: str, size: int) -> bytes:
    """The bytes of a stored recording (named by its hash: a file never changes)."""
    return Path(path).read_bytes()


def session_url(store: Store, info: MediaInfo) -> str | None:
    """This session's address of the recording, or None when the file is missing."""
    path = media_path(store, info)
    if not path.is_file():
        return None
    token = st.session_state.setdefault("media_token", secrets.token_hex(16))
    data = _recording(str(path), info.sha256, info.bytes)
    manager = runtime.get_instance().media_file_mgr
    return manager.add(data, info.mime, coordinates="media.player", file_name=f"{token}.{path.suffix[1:]}")


def player_data(store: Store, document: str, seek: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """What the transcript component's player needs, or None when the document has no recording.
    ``seek`` (``{doc, offset, key}``, :data:`PLAY`) plays from a text offset once per key (a ▶
    beside a segment)."""
    info = document_media(store, document)
    if info is None:
        return None
    if seek is not None and seek.get("doc") != document:
        seek = None
    url = session_url(store, info)
    if url is None:
        st.warning(tr("ui.media.missing", file=info.file_name, folder=str(media_folder(store))))
        return None
    return {
        "url": url,
        "kind": info.kind,
        "doc": info.document,
        "seek": seek,
        "words": {
            "player": tr("ui.media.player"),
            "play": tr("ui.media.play"),
            "pause": tr("ui.media.pause"),
            "back": tr("ui.media.back"),
            "forward": tr("ui.media.forward"),
            "speed": tr("ui.media.speed"),
            "keys": tr("ui.media.keys"),
            "blocked": tr("ui.media.blocked"),
            "noTurn": tr("ui.media.no_turn"),
            "stamped": tr("ui.media.stamped", turn="{turn}", time="{time}"),
        },
    }
