"""Undo and redo of a coder's own QCA writing (summaries, memos), from the event log.

The same rule as :mod:`toolkit.history` for codings, per kind of entity: an actor's
``add``/``update``/``delete`` events, newest last, not yet undone, form the undo stack; undo applies
the inverse (the text before), redo the change again, each appending an ``undo``/``redo`` event that
names the event it replays. Nothing is removed from the log.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from toolkit.store import Store, Writer

CHANGES = ("add", "update", "delete")


def stacks(store: Store, actor: str, entity: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(undoable, redoable) events of ``actor`` on ``entity``, newest last, payloads decoded."""
    undo: list[dict[str, Any]] = []
    redo: list[dict[str, Any]] = []
    by_id: dict[int, dict[str, Any]] = {}
    for row in store.query(
        "SELECT id, action, guid, payload FROM events WHERE entity = ? AND actor = ? ORDER BY id",
        (entity, actor),
    ):
        row["payload"] = json.loads(row["payload"])
        by_id[row["id"]] = row
        if row["action"] in CHANGES:
            undo.append(row)
            redo.clear()
        elif row["action"] in ("undo", "redo"):
            target = by_id.get(row["payload"].get("event"))
            source, dest = (undo, redo) if row["action"] == "undo" else (redo, undo)
            if target is not None and source and source[-1]["id"] == target["id"]:
                dest.append(source.pop())
    return undo, redo


def replay(
    store: Store,
    actor: str,
    entity: str,
    apply: Callable[[Writer, dict[str, Any], bool], None],
    *,
    inverse: bool,
) -> dict[str, Any] | None:
    """Undo (``inverse``) or redo the actor's newest step on ``entity``: ``apply(w, event, inverse)``
    makes the change inside the transaction and writes no event of its own; returns the event
    replayed, None when there is none."""
    undo, redo = stacks(store, actor, entity)
    stack = undo if inverse else redo
    if not stack:
        return None
    event = stack[-1]
    with store.write(actor) as w:
        apply(w, event, inverse)
        w.event("undo" if inverse else "redo", entity, event["guid"], {"event": event["id"]})
    return event
