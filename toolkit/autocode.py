"""Autocoding of search hits: code every hit, its sentence or its speaker turn with one code for
one coder. :func:`plan_autocode` is the preview (what will be coded, what is already coded);
:func:`apply_autocode` writes exactly that in one transaction, and :func:`undo_autocode` takes it
back as one step.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from toolkit.codes import code_by_path, list_codes
from toolkit.codings import NewCoding, insert_codings
from toolkit.errors import Conflict, InvalidValue, NotFound, PermissionDenied
from toolkit.history import Step, undo_many, undo_stack
from toolkit.model import Turn
from toolkit.permissions import require_writer_for, team_mode
from toolkit.search import Hit
from toolkit.search_eval import merge_spans
from toolkit.store import Store
from toolkit.units import sentence_units

Scope = Literal["hit", "sentence", "turn"]
SCOPES: tuple[str, ...] = ("hit", "sentence", "turn")
ORIGIN = "autocode"


@dataclass(frozen=True)
class Planned:
    """One coding the autocoding would add; ``already`` when the coder has the code on exactly this
    span (it is then left as it is); ``present`` lists the codings on the span (``code · coder``)."""

    document: str
    start: int
    end: int
    text: str
    already: bool
    present: tuple[str, ...]


@dataclass(frozen=True)
class AutocodePlan:
    code: str
    coder: str
    scope: str
    items: tuple[Planned, ...]

    @property
    def new(self) -> tuple[Planned, ...]:
        return tuple(p for p in self.items if not p.already)

    @property
    def already(self) -> tuple[Planned, ...]:
        return tuple(p for p in self.items if p.already)


def _doc(store: Store, name: str) -> dict[str, object]:
    row = store.one("SELECT id, text, language FROM documents WHERE name = ?", (name,))
    if row is None:
        raise Conflict("autocode.document_gone", document=name)
    return row


def _turns(store: Store, doc_id: int) -> list[Turn]:
    return [
        Turn(r["speaker"], r["start"], r["end"], r["timestamp"])
        for r in store.query(
            'SELECT speaker, start, "end", timestamp FROM turns WHERE document_id = ? ORDER BY start',
            (doc_id,),
        )
    ]


def _widen(spans: list[tuple[int, int]], units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each span widened to the units it touches (a span outside every unit stays as it is)."""
    out = []
    for s, e in spans:
        touched = [(us, ue) for us, ue in units if us < e and s < ue]
        out.append((min(u[0] for u in touched), max(u[1] for u in touched)) if touched else (s, e))
    return out


def _around(
    spans: list[tuple[int, int]], sentences: list[tuple[int, int]], turns: list[Turn], n: int
) -> list[tuple[int, int]]:
    """Each span widened to its sentences and ``n`` more sentences before and after, within its
    speaker turn (a span in no sentence stays as it is)."""
    bounds = [(t.start, t.end) for t in turns] or [(0, max((e for _s, e in sentences), default=0))]
    turn_of = [next((i for i, (ts, te) in enumerate(bounds) if ts <= s < te), -1) for s, _e in sentences]
    out = []
    for s, e in spans:
        touched = [i for i, (us, ue) in enumerate(sentences) if us < e and s < ue]
        if not touched:
            out.append((s, e))
            continue
        first, last = touched[0], touched[-1]
        for _ in range(n):
            if first > 0 and turn_of[first - 1] == turn_of[touched[0]]:
                first -= 1
            if last + 1 < len(sentences) and turn_of[last + 1] == turn_of[touched[-1]]:
                last += 1
        out.append((sentences[first][0], sentences[last][1]))
    return out


def _spans(
    store: Store, document: str, hits: Sequence[Hit], scope: str, around: int = 0
) -> tuple[int, str, list[tuple[int, int]]]:
    doc = _doc(store, document)
    text, doc_id = str(doc["text"]), int(str(doc["id"]))
    for h in hits:
        if text[h.start : h.end] != h.text:
            raise Conflict("autocode.text_changed_search", document=document)
    spans = [(h.start, h.end) for h in hits]
    if scope == "turn":
        turns = _turns(store, doc_id)
        spans = _widen(spans, [(t.start, t.end) for t in turns] or [(0, len(text))])
    elif scope == "sentence":
        turns = _turns(store, doc_id)
        spans = _around(spans, sentence_units(text, turns, str(doc["language"])), turns, around)
    return doc_id, text, merge_spans(spans)


def plan_autocode(
    store: Store, hits: Sequence[Hit], code_path: str, coder: str, scope: str = "hit", *, around: int = 0
) -> AutocodePlan:
    """What autocoding ``hits`` with ``code_path`` for ``coder`` would write (with scope
    ``sentence``, ``around`` more sentences before and after each, within the turn). Changes nothing."""
    if scope not in SCOPES:
        raise InvalidValue("autocode.scope_unknown", scope=scope, choices=SCOPES)
    if around and scope != "sentence":
        raise InvalidValue("autocode.around_needs_sentence", around=around, scope=scope)
    if not 0 <= around <= 20:
        raise InvalidValue("autocode.around_range", around=around)
    if not coder.strip():
        raise InvalidValue("coder.name_empty")
    code = code_by_path(store, code_path)
    paths = {c.id: c.path for c in list_codes(store)}
    by_doc: dict[str, list[Hit]] = {}
    for h in hits:
        by_doc.setdefault(h.document, []).append(h)
    items: list[Planned] = []
    for document in sorted(by_doc):
        doc_id, text, spans = _spans(store, document, by_doc[document], scope, around)
        codings = store.query(
            'SELECT c.start, c."end", c.code_id, k.name AS coder FROM codings c '
            "JOIN coders k ON k.id = c.coder_id WHERE c.document_id = ?",
            (doc_id,),
        )
        for s, e in spans:
            on = [c for c in codings if c["start"] < e and s < c["end"]]
            already = any(
                c["code_id"] == code.id and c["coder"] == coder and (c["start"], c["end"]) == (s, e)
                for c in on
            )
            present = tuple(sorted({f"{paths.get(c['code_id'], '?')} · {c['coder']}" for c in on}))
            items.append(Planned(document, s, e, text[s:e], already, present))
    shown = f"{scope}±{around}" if around else scope
    return AutocodePlan(code.path, coder.strip(), shown, tuple(items))


def apply_autocode(store: Store, plan: AutocodePlan, *, actor: str) -> list[str]:
    """Write the plan's new codings in one transaction; returns their GUIDs. In team mode a coder
    autocodes only as themselves."""
    if team_mode(store) and actor != plan.coder:
        raise PermissionDenied("autocode.for_other", actor=actor, coder=plan.coder)
    require_writer_for(store, actor, plan.coder, "autocode")
    code = code_by_path(store, plan.code)
    with store.write(actor) as w:
        docs: dict[str, dict[str, object]] = {}
        items = []
        for p in plan.new:
            if p.document not in docs:
                docs[p.document] = _doc(store, p.document)
            doc = docs[p.document]
            if str(doc["text"])[p.start : p.end] != p.text:
                raise Conflict("autocode.text_changed_preview", document=p.document)
            items.append(NewCoding(int(str(doc["id"])), code, plan.coder, p.start, p.end, origin=ORIGIN))
        guids = [str(g) for g in insert_codings(w, items)]  # one statement, one event each
        if guids:
            payload = {"code": plan.code, "coder": plan.coder, "scope": plan.scope, "codings": guids}
            w.event("autocode", "search", None, payload)
    return guids


def last_autocode(store: Store, actor: str) -> list[str]:
    """The codings of ``actor``'s newest autocoding (empty when there is none)."""
    row = store.one(
        "SELECT payload FROM events WHERE action = 'autocode' AND entity = 'search' AND actor = ? "
        "ORDER BY id DESC LIMIT 1",
        (actor,),
    )
    return list(json.loads(row["payload"])["codings"]) if row else []


def undo_autocode(store: Store, actor: str) -> list[Step]:
    """Take back ``actor``'s newest autocoding as one step; refused when later changes of theirs
    came after it (undo those first) or when it was undone already."""
    guids = last_autocode(store, actor)
    if not guids:
        raise NotFound("autocode.nothing_to_undo", actor=actor)
    newest = {s.guid for s in undo_stack(store, actor)[: len(guids)]}
    if newest != {g.upper() for g in guids}:
        raise Conflict("autocode.not_newest")
    return undo_many(store, actor, len(guids))
