"""What the coding workbench shows: a document's turns and codings as plain, JSON-ready data.

The browser component receives this and builds its DOM from text nodes only; offsets stay Python
code points into the stored text, the one meaning of an offset in this project.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from toolkit.codes import list_codes
from toolkit.documents import document_row
from toolkit.store import Store

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
    anything shown changes, so the browser rebuilds only then."""
    doc = document_row(store, document)
    paths = {c.id: c for c in list_codes(store)}
    wanted_codes = {
        c.id for c in paths.values() if any(c.path == p or c.path.startswith(p + "/") for p in view.codes)
    }
    turns = [
        {
            "speaker": t["speaker"],
            "start": t["start"],
            "end": t["end"],
            "time": format_timestamp(t["timestamp"]),
        }
        for t in store.query(
            'SELECT speaker, start, "end", timestamp FROM turns WHERE document_id = ? ORDER BY seq',
            (doc["id"],),
        )
        if not view.speakers or t["speaker"] in view.speakers
    ]
    spans = []
    for r in store.query(
        'SELECT c.guid, c.start, c."end", c.code_id, c.memo, c.version, k.name AS coder FROM codings c '
        'JOIN coders k ON k.id = c.coder_id WHERE c.document_id = ? ORDER BY c.start, c."end"',
        (doc["id"],),
    ):
        mine = r["coder"] == view.viewer
        if not mine and not view.show_others:
            continue
        if view.coders and r["coder"] not in view.coders:
            continue
        if view.codes and r["code_id"] not in wanted_codes:
            continue
        code = paths[r["code_id"]]
        spans.append(
            {
                "guid": r["guid"],
                "start": r["start"],
                "end": r["end"],
                "code": code.path,
                "name": code.name,
                "colour": code.colour or "#888888",
                "coder": r["coder"],
                "mine": mine,
                "memo": bool(r["memo"]),
                "version": r["version"],
            }
        )
    body = {"document": doc["name"], "turns": turns, "spans": spans}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode() + doc["sha256"].encode())
    return {**body, "text": doc["text"], "revision": digest.hexdigest()[:16]}


def codings_at(view: dict[str, Any], position: int) -> list[dict[str, Any]]:
    """The shown codings that cover a character position (what a click on a highlight opens)."""
    return [s for s in view["spans"] if s["start"] <= position < s["end"]]


def recent_codes(store: Store, coder: str, *, limit: int = RECENT_LIMIT) -> list[str]:
    """Code paths the coder used most recently, newest first, for one-click and 1-9 shortcuts."""
    paths = {c.id: c.path for c in list_codes(store)}
    rows = store.query(
        "SELECT c.code_id, max(c.id) AS last FROM codings c JOIN coders k ON k.id = c.coder_id "
        "WHERE k.name = ? GROUP BY c.code_id ORDER BY last DESC LIMIT ?",
        (coder, limit),
    )
    return [paths[r["code_id"]] for r in rows if r["code_id"] in paths]


def selection_text(store: Store, document: str, start: int, end: int) -> str:
    """The stored text of a selection, for showing it before it is coded."""
    text = str(document_row(store, document)["text"])
    return text[max(0, start) : max(0, min(end, len(text)))]
