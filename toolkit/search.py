"""Lexical search across all transcripts: words, phrases, ``*`` wildcards, AND / OR / NOT,
``NEAR/n``, case and diacritic folding, and regular expressions.

The full-text index (``search_index``, migration ``m013a``) narrows the documents to read (and
counts hits on its own, see ``search_page``); every hit is then found by a Python regular
expression in the stored text, so its ``(start, end)`` are always code-point offsets into that
text. AND, OR and NOT hold within one speaker turn (the whole text when a document has no turns;
see ``search_eval``); hits never cross a turn and never fall on a speaker label or time stamp.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from toolkit import search_index
from toolkit.codes import code_by_path, list_codes
from toolkit.document_sets import documents_of_sets
from toolkit.errors import InvalidValue, NotFound
from toolkit.search_eval import Evaluator, Unit, merge_spans, spans_in
from toolkit.search_query import (
    _VARIANTS,
    And,
    Near,
    Node,
    Not,
    Or,
    Term,
    fold,
    parse_query,
    positive,
    term_pattern,
)
from toolkit.search_regex import compile_regex
from toolkit.store import Store

__all__ = ["Hit", "SearchOptions", "counts", "fold", "parse_query", "plan", "rebuild_index", "search"]

Mode = Literal["words", "lemma", "regex"]
MODES: tuple[str, ...] = ("words", "lemma", "regex")
CONTEXT_CHARS = 60


# -- the index -------------------------------------------------------------------------------


def index_tokens(term: Term) -> tuple[list[str], bool] | None:
    """The index's tokens of a word or phrase and whether the last is a prefix (``word*``), or
    None when the index cannot say where it is (a wildcard inside, signs other than letters)."""
    words = term.text.split()
    prefix = bool(words) and words[-1].endswith("*")
    if prefix:
        words[-1] = words[-1][:-1]
    tokens = [w.lower() for w in words]
    if not tokens or not all(t.isalnum() and w.isalnum() for t, w in zip(tokens, words, strict=True)):
        return None
    return tokens, prefix


def folded_words(store: Store, term: Term) -> list[str] | None:
    """The indexed words whose spelling folds to the term's (a single word, maybe with ``*`` at
    its end), or None when the index cannot tell."""
    found = index_tokens(term)
    if found is None or len(found[0]) > 1:
        return None
    first = fold(found[0][0])[:1]
    if not first:
        return None
    letters = set(_VARIANTS.get(first, first)) | ({"ß"} if first == "s" else set())
    pattern = term_pattern(term, fold_spelling=True)
    return search_index.terms_like(store.conn, pattern, letters)


def _fts_query(store: Store, term: Term, fold_spelling: bool) -> str | None:
    """The FTS5 query that finds at least every voice the term's pattern matches, or None."""
    if fold_spelling:
        words = folded_words(store, term)
        return None if words is None else " OR ".join(f'"{w}"' for w in words) or '""'
    found = index_tokens(term)
    if found is None:
        return None
    tokens, prefix = found
    return f'"{" ".join(tokens)}"' + ("*" if prefix else "")


def _candidates(store: Store, node: Node, fold_spelling: bool) -> set[int] | None:
    """Ids of the voices (a speaker's turns in one document) that may hold a hit (None: all)."""
    if isinstance(node, Term):
        fts = _fts_query(store, node, fold_spelling)
        if fts is None:
            return None
        return search_index.match_voices(store.conn, fts) if fts != '""' else set()
    if isinstance(node, Not):
        return None
    if isinstance(node, Near):
        node = And((node.left, node.right))
    sets = [_candidates(store, i, fold_spelling) for i in node.items if positive(i)]
    if isinstance(node, Or):
        if any(s is None for s in sets):
            return None
        return set().union(*[s for s in sets if s is not None])
    known = [s for s in sets if s is not None]
    return set.intersection(*known) if known else None


def ensure_index(store: Store) -> None:
    """Re-index documents changed outside :meth:`Store.write` (it re-indexes before each commit)."""
    if search_index.stale(store.conn):
        with store.write("system"):
            pass


def rebuild_index(store: Store) -> int:
    """Rebuild the index from the stored texts (the store keeps it in step; this is for repair).
    Returns the number of documents indexed."""
    with store.write("system") as w:
        count = search_index.rebuild(store.conn)
        w.event("rebuild", "search_index", None, {})
    return count


# -- hits ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One place found: ``text[start:end]`` of ``document``, in the turn ``turn`` (its number
    from 1, 0 without turns) of ``speaker``; ``left`` and ``right`` are its context."""

    document: str
    start: int
    end: int
    text: str
    speaker: str
    turn: int
    timestamp: float | None
    left: str
    right: str

    @property
    def context(self) -> str:
        """The keyword-in-context line: ``… left [hit] right …``."""
        return f"{self.left}[{self.text}]{self.right}"

    def as_dict(self) -> dict[str, object]:
        return {
            "document": self.document,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "turn": self.turn,
            "timestamp": self.timestamp,
            "context": self.context,
        }


@dataclass(frozen=True)
class SearchOptions:
    """How to search and where: ``documents`` (names), ``sets`` (documents in any of these document
    sets), ``speakers``, ``roles`` (turns of speakers with one of these ``speaker_role`` values),
    ``codes`` (a hit must lie on a coding of one of these codes or their subcodes), ``attributes``
    (document attributes that must have these values)."""

    mode: Mode = "words"
    fold: bool = False
    case_sensitive: bool = False
    documents: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()
    limit: int | None = None
    sets: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _kwic(text: str, start: int, end: int, unit: Unit) -> tuple[str, str]:
    lo = max(unit.start, start - CONTEXT_CHARS)
    hi = min(unit.end, end + CONTEXT_CHARS)
    left = ("…" if lo > unit.start else "") + _one_line(text[lo:start])
    right = _one_line(text[end:hi]) + ("…" if hi < unit.end else "")
    if text[lo:start][-1:].isspace():
        left += " "
    if text[end:hi][:1].isspace():
        right = " " + right
    return left, right


def _documents(
    store: Store, options: SearchOptions, ids: set[int] | None, *, text: bool = True
) -> list[dict[str, object]]:
    where: list[str] = []
    params: list[str] = []
    if options.documents:
        known = {
            r["name"]
            for r in store.query(
                f"SELECT name FROM documents WHERE name IN ({','.join('?' for _ in options.documents)})",
                options.documents,
            )
        }
        missing = [d for d in options.documents if d not in known]
        if missing:
            raise NotFound("search.document_not_found", document=missing[0])
        where.append(f"name IN ({','.join('?' for _ in options.documents)})")
        params.extend(options.documents)
    for key, value in options.attributes:
        where.append("id IN (SELECT document_id FROM document_attributes WHERE name = ? AND value = ?)")
        params.extend((key, value))
    if options.sets:
        documents_of_sets(store, options.sets)  # an unknown set is an error naming the sets there are
        where.append(
            "id IN (SELECT m.document_id FROM document_set_members m JOIN document_sets s ON s.id = m.set_id "
            f"WHERE s.name IN ({','.join('?' for _ in options.sets)}))"
        )
        params.extend(options.sets)
    if ids is not None:
        where.append(f"id IN ({','.join(str(int(i)) for i in sorted(ids)) or 'NULL'})")
    sql = f"SELECT id, name{', text' if text else ''} FROM documents"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return store.query(sql + " ORDER BY name", tuple(params))


def _units(store: Store, doc_id: int, text: str, options: SearchOptions) -> list[Unit]:
    speakers, roles = options.speakers, options.roles
    rows = store.conn.execute(
        'SELECT speaker, start, "end", timestamp FROM turns WHERE document_id = ? ORDER BY start',
        (doc_id,),
    ).fetchall()
    if not rows:
        return [] if speakers or roles else [Unit(0, len(text), "", 0, None)]
    units = [
        Unit(start, min(end, len(text)), speaker, i + 1, stamp)
        for i, (speaker, start, end, stamp) in enumerate(rows)
    ]
    if roles:
        with_role = {
            str(r[0])
            for r in store.conn.execute(
                "SELECT speaker FROM speaker_attributes WHERE document_id = ? AND name = 'speaker_role' "
                f"AND value IN ({','.join('?' for _ in roles)})",
                (doc_id, *roles),
            )
        }
        units = [u for u in units if u.speaker in with_role]
    return [u for u in units if not speakers or u.speaker in speakers]


def _coded_spans(store: Store, doc_id: int, codes: tuple[str, ...]) -> list[tuple[int, int]]:
    all_codes = list_codes(store)
    ids: set[int] = set()
    for path in codes:
        root = code_by_path(store, path)
        ids |= {c.id for c in all_codes if c.id == root.id or c.path.startswith(root.path + "/")}
    marks = ",".join(str(i) for i in sorted(ids))
    return [
        (r["start"], r["end"])
        for r in store.query(
            f'SELECT start, "end" FROM codings WHERE document_id = ? AND code_id IN ({marks})', (doc_id,)
        )
    ]


@dataclass(frozen=True)
class Plan:
    """A parsed query: the tree of a word query, or the pattern of a regular expression."""

    options: SearchOptions
    node: Node | None
    pattern: re.Pattern[str] | None


def plan(store: Store, query: str, options: SearchOptions | None = None) -> Plan:
    """Parse and check ``query``; raises :class:`InvalidValue` for a bad one."""
    options = options or SearchOptions()
    if options.mode not in MODES:
        raise InvalidValue("search.mode_unknown", mode=options.mode, choices=MODES)
    ensure_index(store)
    if options.mode == "regex":
        return Plan(options, None, compile_regex(query, options.case_sensitive))
    node = parse_query(query)
    if options.mode == "lemma":
        from toolkit.search_lemma import expand  # reads the lemma tables only when asked

        node = expand(node)
    return Plan(options, node, None)


@dataclass(frozen=True)
class Place:
    """A hit before its context is cut: ``text[start:end]`` in ``unit`` of document ``name``."""

    name: str
    text: str
    unit: Unit
    start: int
    end: int

    def hit(self) -> Hit:
        left, right = _kwic(self.text, self.start, self.end, self.unit)
        u = self.unit
        return Hit(
            self.name,
            self.start,
            self.end,
            self.text[self.start : self.end],
            u.speaker,
            u.turn,
            u.timestamp,
            left,
            right,
        )


def places(store: Store, p: Plan, document_ids: set[int] | None = None) -> Iterator[Place]:
    """Every hit of the plan in document order (only in ``document_ids`` when given)."""
    for name, text, unit, spans in unit_spans(store, p, document_ids):
        for s, e in spans:
            yield Place(name, text, unit, s, e)


def unit_spans(
    store: Store, p: Plan, document_ids: set[int] | None = None
) -> Iterator[tuple[str, str, Unit, list[tuple[int, int]]]]:
    """The hits of the plan unit by unit, in document order: ``(document, text, unit, spans)``."""
    options = p.options
    ids = document_ids
    if p.node is not None:
        voices = _candidates(store, p.node, options.fold)
        if voices is not None:
            found = search_index.voice_documents(store.conn, voices)
            ids = found if ids is None else ids & found
    for doc in _documents(store, options, ids):
        text = str(doc["text"])
        doc_id = int(str(doc["id"]))
        units = _units(store, doc_id, text, options)
        if not units:
            continue
        if p.pattern is not None:
            per_unit = spans_in(p.pattern, text, units)
        else:
            assert p.node is not None
            evaluator = Evaluator(
                text, units, fold_spelling=options.fold, case_sensitive=options.case_sensitive
            )
            per_unit = evaluator.unit_spans(p.node)
        coded = _coded_spans(store, doc_id, options.codes) if options.codes else None
        name = str(doc["name"])
        for unit, spans in zip(units, per_unit, strict=True):
            merged = merge_spans(spans) if len(spans) > 1 else spans
            if coded is not None:
                merged = [(s, e) for s, e in merged if any(cs < e and s < ce for cs, ce in coded)]
            if merged:
                yield name, text, unit, merged


def search(store: Store, query: str, options: SearchOptions | None = None) -> list[Hit]:
    """Every hit of ``query`` in document order (at most ``options.limit``). Raises
    :class:`InvalidValue` for a bad query."""
    p = plan(store, query, options)
    hits: list[Hit] = []
    for place in places(store, p):
        hits.append(place.hit())
        if p.options.limit is not None and len(hits) >= p.options.limit:
            break
    return hits


def counts(hits: Sequence[Hit]) -> dict[str, dict[str, int]]:
    """Hits per document and per speaker: ``{"documents": {...}, "speakers": {...}}``."""
    docs: dict[str, int] = {}
    speakers: dict[str, int] = {}
    for h in hits:
        docs[h.document] = docs.get(h.document, 0) + 1
        speakers[h.speaker] = speakers.get(h.speaker, 0) + 1
    return {"documents": docs, "speakers": speakers}
