"""Review of disagreements and the consensus coder.

A disagreement is a place where two coders differ about one code:

- ``segment``: overlapping segments of the code that found no partner (see
  :mod:`toolkit.agreement.segments`) joined into one place;
- ``unit``: a unit (sentence, turn, paragraph) where one coder has the code present and the other not.

Each gets one decision: ``take_a``, ``take_b``, ``both`` (the union of their codings), ``neither``
or ``edit`` (a given span and code). The outcome is stored as codings of the coder ``consensus``
(origin ``consensus``) and the decision, with its source, in the table ``consensus_decisions`` and
the event log.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from toolkit.agreement.methods import DEFAULT_THRESHOLD
from toolkit.agreement.segments import compare_segments
from toolkit.agreement.selection import DocCodings, Plan, Selection, Span, field_of, plan, select
from toolkit.agreement.units import document_units, presence
from toolkit.coders import CONSENSUS_CODER
from toolkit.codes import code_by_path
from toolkit.codings import add_coding_in, list_codings
from toolkit.errors import Conflict, InvalidValue, NotFound
from toolkit.permissions import require_lead
from toolkit.sentence_cache import SentenceCache, sentence_cache
from toolkit.store import Store, now

DECISIONS = ("take_a", "take_b", "both", "neither", "edit")


@dataclass(frozen=True)
class Disagreement:
    """One place to decide; ``spans_a``/``spans_b`` are each coder's codings of the code there."""

    key: str
    method: str
    document: str
    code: str
    field: str
    start: int
    end: int
    text: str
    coder_a: str
    coder_b: str
    spans_a: tuple[tuple[int, int], ...]
    spans_b: tuple[tuple[int, int], ...]
    decision: str | None = None


def _touching(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[tuple[int, int], ...]:
    return tuple(s for s in spans if s[0] < end and s[1] > start)


def _clusters(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _find(
    p: Plan, method: str, unit: str, threshold: float, progress: Callable[[int, int], None] | None
) -> list[Disagreement]:
    """Disagreements of the plan's two coders, read one document at a time."""
    order = {c.path: i for i, c in enumerate(p.all_codes)}
    out = []
    total = len(p.documents)
    with sentence_cache(p.store) as cache:
        for i, item in enumerate(p.each(turns=method == "unit"), start=1):
            out.extend(_found(p, item, method, unit, threshold, cache, order))
            if progress is not None:
                progress(i, total)
    return out


def _found(
    p: Plan,
    item: DocCodings,
    method: str,
    unit: str,
    threshold: float,
    cache: SentenceCache,
    order: dict[str, int],
) -> list[Disagreement]:
    """The disagreements of one document."""
    a, b = p.coders[0], p.coders[1]
    doc = item.doc
    units = document_units(doc, unit, cache) if method == "unit" else []
    out = []
    for code in sorted(item.codes, key=lambda c: order.get(c, len(order))):
        sa, sb = item.of(code, a), item.of(code, b)
        if not sa and not sb:
            continue
        if method == "segment":
            counts = compare_segments(sa, sb, threshold=threshold)
            places = _clusters([*counts.unmatched_a, *counts.unmatched_b])
        else:
            pa = presence(len(doc.text), units, sa, threshold)
            pb = presence(len(doc.text), units, sb, threshold)
            places = [u for u, x, y in zip(units, pa, pb, strict=True) if x != y]
        for start, end in places:
            out.append(
                Disagreement(
                    key=f"{method}:{a}/{b}:{doc.name}:{code}:{start}-{end}",
                    method=method,
                    document=doc.name,
                    code=code,
                    field=field_of(p.all_codes, code),
                    start=start,
                    end=end,
                    text=doc.text[start:end],
                    coder_a=a,
                    coder_b=b,
                    spans_a=_touching(sa, start, end),
                    spans_b=_touching(sb, start, end),
                )
            )
    return out


ORDERS = ("document", "code", "size")


def sort_disagreements(items: Sequence[Disagreement], order: str = "document") -> list[Disagreement]:
    """``items`` by ``document`` (then place), ``code`` (then document and place) or ``size``
    (largest place first)."""
    if order not in ORDERS:
        raise InvalidValue("option.unknown", option="order", value=order, choices=ORDERS)
    if order == "document":
        return sorted(items, key=lambda d: (d.document, d.start, d.code))
    if order == "code":
        return sorted(items, key=lambda d: (d.code, d.document, d.start))
    return sorted(items, key=lambda d: (-(d.end - d.start), d.document, d.start))


@dataclass(frozen=True)
class Page:
    """One page of disagreements and the counts behind the pager."""

    items: tuple[Disagreement, ...]
    number: int
    pages: int
    total: int
    by_document: dict[str, int]
    by_code: dict[str, int]


def page_of(items: Sequence[Disagreement], number: int = 1, size: int = 15) -> Page:
    """Page ``number`` (from 1; clipped to the last page) of ``items`` with their counts per
    document and per code."""
    if size < 1:
        raise InvalidValue("consensus.page_size", size=size)
    pages = max(1, -(-len(items) // size))
    number = min(max(1, number), pages)
    by_document: dict[str, int] = {}
    by_code: dict[str, int] = {}
    for d in items:
        by_document[d.document] = by_document.get(d.document, 0) + 1
        by_code[d.code] = by_code.get(d.code, 0) + 1
    chunk = tuple(items[(number - 1) * size : number * size])
    return Page(chunk, number, pages, len(items), by_document, by_code)


def disagreements(
    store: Store,
    coder_a: str,
    coder_b: str,
    *,
    method: str = "segment",
    unit: str = "sentence",
    threshold: float | None = None,
    code: str | None = None,
    field: str | None = None,
    document: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Disagreement]:
    """Every disagreement of two coders in the documents both have coded, filterable by code (with
    subcodes), field and document, with the decision taken so far (None while open). Documents are
    read one at a time; ``progress(done, total)`` is told after each."""
    if method not in ("segment", "unit"):
        raise InvalidValue("consensus.method", method=method)
    share = DEFAULT_THRESHOLD[method] if threshold is None else float(threshold)
    found = _find(
        plan(store, [coder_a, coder_b], code=code, document=document), method, unit, share, progress
    )
    if field is not None:
        found = [d for d in found if d.field == field]
    decided = {r["key"]: r["decision"] for r in store.query("SELECT key, decision FROM consensus_decisions")}
    return [
        Disagreement(**{**d.__dict__, "decision": decided.get(d.key)}) if d.key in decided else d
        for d in found
    ]


def progress(items: Sequence[Disagreement]) -> dict[str, int]:
    """``{"decided": n, "total": m}`` of a list from :func:`disagreements`."""
    return {"decided": sum(1 for d in items if d.decision is not None), "total": len(items)}


def decide(
    store: Store,
    item: Disagreement,
    decision: str,
    *,
    actor: str,
    span: tuple[int, int] | None = None,
    code: str | None = None,
) -> list[str]:
    """Settle one disagreement; returns the GUIDs of the consensus codings added. ``edit`` needs
    ``span`` (and optionally another ``code``). Deciding the same place twice is refused."""
    require_lead(store, actor, "decide disagreements")
    if decision not in DECISIONS:
        raise InvalidValue("option.unknown", option="decision", value=decision, choices=DECISIONS)
    if decision == "edit":
        if span is None:
            raise InvalidValue("consensus.edit_needs_span")
        chosen = [(span[0], span[1], code or item.code)]
    else:
        spans = {
            "take_a": item.spans_a,
            "take_b": item.spans_b,
            "both": tuple(sorted(set(item.spans_a) | set(item.spans_b))),
            "neither": (),
        }[decision]
        chosen = [(s, e, item.code) for s, e in spans]
    with store.write(actor) as w:
        if store.one("SELECT key FROM consensus_decisions WHERE key = ?", (item.key,)):
            raise Conflict("consensus.decided", key=item.key)
        guids = []
        for s, e, path in chosen:
            target = code_by_path(store, path)
            twin = store.one(
                "SELECT c.guid FROM codings c JOIN coders k ON k.id = c.coder_id JOIN documents d "
                "ON d.id = c.document_id WHERE k.name = ? AND d.name = ? AND c.code_id = ? AND c.start = ? "
                'AND c."end" = ?',
                (CONSENSUS_CODER, item.document, target.id, s, e),
            )
            if twin:
                guids.append(str(twin["guid"]))
                continue
            guids.append(add_coding_in(w, item.document, s, e, target, CONSENSUS_CODER, origin="consensus"))
        w.insert(
            "consensus_decisions",
            {
                "key": item.key,
                "method": item.method,
                "document": item.document,
                "code": item.code,
                "coder_a": item.coder_a,
                "coder_b": item.coder_b,
                "start": item.start,
                "end": item.end,
                "decision": decision,
                "codings": json.dumps(guids),
                "decided_by": actor,
                "decided_at": now(),
            },
        )
        w.event(
            "decide",
            "consensus",
            None,
            {
                "key": item.key,
                "decision": decision,
                "source": {"method": item.method, "coders": [item.coder_a, item.coder_b]},
                "document": item.document,
                "code": item.code,
                "span": [item.start, item.end],
                "codings": guids,
            },
        )
    return guids


def decision_of(store: Store, key: str) -> dict[str, object]:
    """The stored decision of one disagreement."""
    row = store.one("SELECT * FROM consensus_decisions WHERE key = ?", (key,))
    if row is None:
        raise NotFound("consensus.no_decision", key=key)
    row["codings"] = json.loads(row["codings"])
    return row


def adopt_agreements(
    store: Store,
    coder_a: str,
    coder_b: str,
    *,
    actor: str,
    threshold: float | None = None,
    code: str | None = None,
    document: str | None = None,
) -> int:
    """Copy the segments both coders agree on (segment rule, coder A's version of each matched
    pair) into the consensus coder; already present ones are skipped. Returns how many were added."""
    require_lead(store, actor, "adopt agreements into the consensus")
    share = DEFAULT_THRESHOLD["segment"] if threshold is None else float(threshold)
    sel = select(store, [coder_a, coder_b], code=code, document=document)
    grouped = sel.grouped()
    existing = {(c.document, c.code, c.start, c.end) for c in select_consensus(store, sel)}
    added = 0
    with store.write(actor) as w:
        for doc in sel.documents:
            for row in sel.codes:
                counts = compare_segments(
                    grouped.get((doc.name, row.path, coder_a), []),
                    grouped.get((doc.name, row.path, coder_b), []),
                    threshold=share,
                )
                for s, e in counts.matched_a:
                    if (doc.name, row.path, s, e) in existing:
                        continue
                    add_coding_in(w, doc.name, s, e, row, CONSENSUS_CODER, origin="consensus")
                    existing.add((doc.name, row.path, s, e))
                    added += 1
        w.event(
            "adopt",
            "consensus",
            None,
            {
                "coders": [coder_a, coder_b],
                "threshold": share,
                "code": code,
                "document": document,
                "added": added,
            },
        )
    return added


def select_consensus(store: Store, sel: Selection) -> list[Span]:
    """The consensus coder's codings within the documents and codes of ``sel``."""
    docs = {d.name for d in sel.documents}
    codes = {c.path for c in sel.codes}
    return [
        Span(c.document, c.code_path, c.coder, c.start, c.end)
        for c in list_codings(store, coder=CONSENSUS_CODER)
        if c.document in docs and c.code_path in codes
    ]
