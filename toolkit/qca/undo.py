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

from toolkit.errors import Conflict
from toolkit.store import Store, Writer

CHANGES = ("add", "update", "delete")


def stacks(
    store: Store, actor: str, entity: str | tuple[str, ...], changes: tuple[str, ...] = CHANGES
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(undoable, redoable) events of ``actor`` on ``entity`` (or on any of several entities, one
    stack for all), newest last, payloads decoded; ``changes`` are the actions that are steps."""
    undo: list[dict[str, Any]] = []
    redo: list[dict[str, Any]] = []
    by_id: dict[int, dict[str, Any]] = {}
    entities = (entity,) if isinstance(entity, str) else entity
    for row in store.query(
        "SELECT id, action, entity, guid, payload FROM events "
        f"WHERE entity IN ({','.join('?' for _ in entities)}) AND actor = ? ORDER BY id",
        (*entities, actor),
    ):
        row["payload"] = json.loads(row["payload"])
        by_id[row["id"]] = row
        if row["action"] in changes:
            undo.append(row)
            redo.clear()
        elif row["action"] in ("undo", "redo"):
            target = by_id.get(row["payload"].get("event"))
            source, dest = (undo, redo) if row["action"] == "undo" else (redo, undo)
            if target is not None and source and source[-1]["id"] == target["id"]:
                dest.append(source.pop())
    return undo, redo


def check_not_pseudonymised(store: Store, event: dict[str, Any]) -> None:
    """Refuse to replay a step older than a pseudonymisation that reached its text: the texts and
    offsets kept in the event would bring back a replaced name. Reached: the same entity was
    pseudonymised since, or its document was (also without a name in its text: the run's
    ``project`` event lists it); for a text on no document, as a code memo, any run (every run goes
    over those texts)."""
    document = event["payload"].get("document")
    later = store.one(
        "SELECT 1 AS x FROM events WHERE id > :id AND action = 'pseudonymise' AND ("
        "(entity = :entity AND guid = :guid) OR (entity = 'project' AND (:document IS NULL OR "
        ":document IN (SELECT value FROM json_each(payload, '$.documents')))) OR (entity = 'document' "
        "AND (:document IS NULL OR json_extract(payload, '$.document') = :document)))",
        {"id": event["id"], "entity": event["entity"], "guid": event["guid"], "document": document},
    )
    if later:
        raise Conflict("undo.pseudonymised_since")


def replay(
    store: Store,
    actor: str,
    entity: str | tuple[str, ...],
    apply: Callable[[Writer, dict[str, Any], bool], None],
    *,
    inverse: bool,
    changes: tuple[str, ...] = CHANGES,
) -> dict[str, Any] | None:
    """Undo (``inverse``) or redo the actor's newest step on ``entity``: ``apply(w, event, inverse)``
    makes the change inside the transaction and writes no event of its own; returns the event
    replayed, None when there is none."""
    undo, redo = stacks(store, actor, entity, changes)
    stack = undo if inverse else redo
    if not stack:
        return None
    event = stack[-1]
    check_not_pseudonymised(store, event)
    with store.write(actor) as w:
        apply(w, event, inverse)
        w.event("undo" if inverse else "redo", event["entity"], event["guid"], {"event": event["id"]})
    return event
