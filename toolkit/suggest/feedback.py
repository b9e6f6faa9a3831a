"""What coders decide about suggestions: accept (the suggestion becomes a coding of the coder, with its
provenance in the coding's ``origin``) or reject (remembered per coder, unit and code, never suggested
to that coder again, and a negative example for the learned model).

Nothing here runs on its own: a suggestion becomes a coding only through :func:`accept` or
:func:`accept_all`, each one transaction with an event per change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from toolkit.blind import blind_coding
from toolkit.coders import coder_id
from toolkit.codes import find_code
from toolkit.codings import add_coding_in
from toolkit.documents import document_row
from toolkit.errors import InvalidValue
from toolkit.permissions import require_owner
from toolkit.store import Store, Writer, now
from toolkit.suggest.registry import current_model_guid
from toolkit.suggest.rejections import unseen
from toolkit.suggest.types import Suggestion

DECISIONS = ("accept", "reject")


def origin_of(source: str, model_id: str | None = None) -> str:
    """The provenance stored on an accepted coding: ``suggestion:rule``, ``suggestion:model:<id>``,
    ``suggestion:rule+model:<id>``."""
    if not source.strip():
        raise InvalidValue("suggestion.no_source")
    return f"suggestion:{source.strip()}" + (f":{model_id}" if model_id else "")


def _record(
    w: Writer,
    doc: dict[str, object],
    start: int,
    end: int,
    code_id: int,
    code: str,
    coder: str,
    decision: str,
    origin: str,
) -> bool:
    """Upsert the decision; returns False (and writes nothing) when it was already recorded."""
    cid = coder_id(w, coder)
    row = w.store.one(
        'SELECT id, decision FROM suggestion_feedback WHERE document_id = ? AND start = ? AND "end" = ? '
        "AND code_id = ? AND coder_id = ?",
        (doc["id"], start, end, code_id, cid),
    )
    if row and row["decision"] == decision:
        return False
    if row:
        w.execute(
            "UPDATE suggestion_feedback SET decision = ?, origin = ?, created_at = ? WHERE id = ?",
            (decision, origin, now(), row["id"]),
        )
    else:
        w.insert(
            "suggestion_feedback",
            {
                "document_id": doc["id"],
                "start": start,
                "end": end,
                "code_id": code_id,
                "coder_id": cid,
                "decision": decision,
                "origin": origin,
                "created_at": now(),
            },
        )
    w.event(
        decision,
        "suggestion",
        None,
        {"document": doc["name"], "start": start, "end": end, "code": code, "coder": coder, "origin": origin},
    )
    return True


def _check_unit(text: str, start: int, end: int, document: object) -> None:
    if not 0 <= start < end <= len(text):
        raise InvalidValue(
            "suggestion.unit_outside", start=start, end=end, document=document, length=len(text)
        )


def reject(
    store: Store,
    coder: str,
    document: str,
    start: int,
    end: int,
    code_path: str,
    *,
    source: str = "rule",
    model_id: str | None = None,
    actor: str | None = None,
) -> None:
    """Remember that ``coder`` rejects ``code_path`` for the unit ``start``-``end``: it is not suggested to
    that coder again. Rejecting twice changes nothing. In team mode only the coder may reject."""
    actor = coder if actor is None else actor
    require_owner(store, actor, coder, "reject suggestions")
    with store.write(actor) as w:
        doc = document_row(store, document)
        _check_unit(doc["text"], start, end, doc["name"])
        code = find_code(store, code_path)
        _record(w, doc, start, end, code.id, code.path, coder, "reject", origin_of(source, model_id))


def _accept_in(w: Writer, coder: str, doc: dict[str, object], s: Suggestion, model_id: str | None) -> str:
    code = find_code(w.store, s.code_path)
    origin = origin_of(s.source, model_id if model_id is not None else s.model)
    guid = add_coding_in(w, str(doc["name"]), s.start, s.end, code, coder, origin=origin)
    _record(w, doc, s.start, s.end, code.id, code.path, coder, "accept", origin)
    return guid


def accept(
    store: Store,
    coder: str,
    document: str,
    suggestion: Suggestion,
    *,
    model_id: str | None = None,
    actor: str | None = None,
) -> str:
    """Turn ``suggestion`` into a coding of ``coder`` (origin ``suggestion:<source>[:<model_id>]``) and
    record the decision, in one transaction; returns the coding's GUID. Without ``model_id`` the
    suggestion's ``model`` (the GUID of the model that scored it) is used. A coding the
    coder already has on the same span and code is a :class:`~toolkit.errors.Conflict`."""
    actor = coder if actor is None else actor
    require_owner(store, actor, coder, "accept suggestions")
    with store.write(actor) as w:
        doc = document_row(store, document)
        return _accept_in(w, coder, doc, suggestion, model_id)


def preview_accept_all(
    suggestions: Iterable[Suggestion], code_path: str, threshold: float
) -> list[Suggestion]:
    """What :func:`accept_all` would turn into codings: the suggestions of ``code_path`` with a score of
    at least ``threshold``, best first; of overlapping units (a sentence inside its turn) only the better
    one is kept (on equal scores the shorter), so the codings do not overlap. Pure: reads nothing."""
    if not 0.0 <= threshold <= 1.0:
        raise InvalidValue("suggestion.threshold", threshold=threshold)
    wanted = code_path.strip().strip("/")
    chosen: list[Suggestion] = []
    candidates = [s for s in suggestions if s.code_path == wanted and s.score >= threshold]
    for s in sorted(candidates, key=lambda s: (-s.score, s.end - s.start, s.start)):
        if not any(c.start < s.end and s.start < c.end for c in chosen):
            chosen.append(s)
    return sorted(chosen, key=lambda s: (-s.score, s.start))


def accept_all(
    store: Store,
    coder: str,
    document: str,
    code_path: str,
    threshold: float,
    suggestions: Sequence[Suggestion],
    *,
    model_id: str | None = None,
    actor: str | None = None,
) -> list[str]:
    """Accept everything :func:`preview_accept_all` lists, minus what the one filter of suggestions
    leaves out (:func:`toolkit.suggest.rejections.unseen`: units the coder rejected or already coded
    with this code), in one transaction; returns the GUIDs of the new codings."""
    actor = coder if actor is None else actor
    require_owner(store, actor, coder, "accept suggestions")
    code = find_code(store, code_path)
    with store.write(actor) as w:  # filtered under the write lock: nothing changes in between
        doc = document_row(store, document)
        todo = unseen(store, coder, document, preview_accept_all(suggestions, code.path, threshold))
        return [_accept_in(w, coder, doc, s, model_id) for s in todo]


def open_suggestions(
    store: Store, coder: str, document: str, suggestions: Iterable[Suggestion]
) -> list[Suggestion]:
    """What the workbench offers ``coder``: :func:`toolkit.suggest.rejections.unseen` (neither rejected
    nor already coded by the coder), once per span and code (a one-sentence turn is suggested as
    sentence and as turn: the better stays)."""
    best: dict[tuple[int, int, str], Suggestion] = {}
    for s in unseen(store, coder, document, suggestions):
        seen = best.get((s.start, s.end, s.code_path))
        if seen is None or s.score > seen.score:
            best[(s.start, s.end, s.code_path)] = s
    return list(best.values())


def suggestions_state(store: Store, document: str) -> tuple[object, ...]:
    """What suggestions for ``document`` depend on apart from a coder's own codings and decisions: the
    project, the document's text and the newest change that is not a coding, memo or decision (codebook
    edits, settings, trained models). A cache of suggestions keyed on it is current."""
    doc = document_row(store, document)
    row = store.conn.execute(
        "SELECT (SELECT value FROM project WHERE key = 'project_guid'), (SELECT id FROM events "
        "WHERE entity NOT IN ('coding', 'memo', 'suggestion', 'coder') ORDER BY id DESC LIMIT 1)"
    ).fetchone()
    return (store.path, row[0], doc["sha256"], row[1])


def model_for(store: Store, coder: str, language: str) -> str | None:
    """The model whose suggestions ``coder`` gets for ``language``: the coder's own newest model,
    else the project's newest; under blind coding only the coder's own (another coder's model would
    show what that coder coded). None when there is none or the project predates models."""
    try:
        return current_model_guid(store, language, coder, own_only=blind_coding(store))
    except sqlite3.OperationalError:  # a project from before models existed
        return None


def in_view(
    suggestions: Iterable[Suggestion], spans: Iterable[tuple[int, int]], codes: Sequence[str] = ()
) -> list[Suggestion]:
    """The suggestions inside one of ``spans`` (the turns on screen) and, if ``codes`` are given, of
    one of those codes or their subcodes: what the workbench's speaker and code filters leave."""
    shown = sorted(spans)
    wanted = [c.strip("/") for c in codes]
    return [
        s
        for s in suggestions
        if any(a <= s.start and s.end <= b for a, b in shown)
        and (not wanted or any(s.code_path == c or s.code_path.startswith(c + "/") for c in wanted))
    ]
