"""What the coding workbench shows: a document's turns and codings as plain, JSON-ready data.

The browser component receives this and builds its DOM from text nodes only; offsets stay Python
code points into the stored text, the one meaning of an offset in this project.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from toolkit.blind import visibility
from toolkit.codes import list_codes
from toolkit.documents import document_row
from toolkit.store import Store, cached_by_change, last_change

RECENT_LIMIT = 9


def format_timestamp(seconds: float | None) -> str:
    """``2919.0`` -> ``00:48:39``; None -> ''."""
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


@dataclass(frozen=True)
class ViewFilter:
    """Which codings and turns the workbench shows."""

    viewer: str
    show_others: bool = True
    speakers: Collection[str] = ()
    codes: Collection[str] = ()
    coders: Collection[str] = ()


def transcript_view(store: Store, document: str, view: ViewFilter) -> dict[str, Any]:
    """Turns and coding spans of a document for display, filtered; ``revision`` changes whenever
    the project changes or the filter does, so the browser updates only then. The result is shared
    until the project changes: do not mutate it."""
    key = (view.viewer, view.show_others, tuple(view.speakers), tuple(view.codes), tuple(view.coders))
    return _transcript_view(store, document, key)


@cached_by_change
def _transcript_view(store: Store, document: str, key: tuple[Any, ...]) -> dict[str, Any]:
    viewer, show_others, speakers, wanted, coders = key
    visible = visibility(store, viewer)
    doc = document_row(store, document)
    paths = {c.id: c for c in list_codes(store)}
    wanted_codes = {
        c.id for c in paths.values() if any(c.path == p or c.path.startswith(p + "/") for p in wanted)
    }
    turns = [
        {"speaker": speaker, "start": start, "end": end, "time": format_timestamp(stamp)}
        for speaker, start, end, stamp in store.conn.execute(
            'SELECT speaker, start, "end", timestamp FROM turns WHERE document_id = ? ORDER BY seq',
            (doc["id"],),
        )
        if not speakers or speaker in speakers
    ]
    spans = []
    for guid, start, end, code_id, memo, version, coder in store.conn.execute(
        'SELECT c.guid, c.start, c."end", c.code_id, c.memo, c.version, k.name FROM codings c '
        'JOIN coders k ON k.id = c.coder_id WHERE c.document_id = ? ORDER BY c.start, c."end"',
        (doc["id"],),
    ):
        mine = coder == viewer
        if (not mine and not show_others) or (coders and coder not in coders):
            continue
        if not visible(coder):
            continue
        if wanted and code_id not in wanted_codes:
            continue
        code = paths[code_id]
        spans.append(
            {
                "guid": guid,
                "start": start,
                "end": end,
                "code": code.path,
                "name": code.name,
                "colour": code.colour or "#888888",
                "coder": coder,
                "mine": mine,
                "memo": bool(memo),
                "version": version,
            }
        )
    state = f"{doc['sha256']}|{last_change(store)}|{key!r}"
    return {
        "document": doc["name"],
        "turns": turns,
        "spans": spans,
        "text": doc["text"],
        "revision": hashlib.sha256(state.encode()).hexdigest()[:16],
        "revision_text": doc["sha256"][:16],
    }


def codings_at(view: dict[str, Any], position: int) -> list[dict[str, Any]]:
    """The shown codings that cover a character position (what a click on a highlight opens)."""
    return [s for s in view["spans"] if s["start"] <= position < s["end"]]


def recent_codes(store: Store, coder: str, *, limit: int = RECENT_LIMIT) -> list[str]:
    """Code paths the coder used most recently, newest first, for one-click and 1-9 shortcuts."""
    return list(_recent_codes(store, coder, limit))


@cached_by_change
def _recent_codes(store: Store, coder: str, limit: int) -> tuple[str, ...]:
    paths = {c.id: c.path for c in list_codes(store)}
    rows = store.query(
        "SELECT c.code_id, max(c.id) AS last FROM codings c JOIN coders k ON k.id = c.coder_id "
        "WHERE k.name = ? GROUP BY c.code_id ORDER BY last DESC LIMIT ?",
        (coder, limit),
    )
    return tuple(paths[r["code_id"]] for r in rows if r["code_id"] in paths)


def selection_text(store: Store, document: str, start: int, end: int) -> str:
    """The stored text of a selection, for showing it before it is coded."""
    text = str(document_row(store, document)["text"])
    return text[max(0, start) : max(0, min(end, len(text)))]
