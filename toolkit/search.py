"""Lexical search across all transcripts: words, phrases, ``*`` wildcards, AND / OR / NOT,
``NEAR/n``, case and diacritic folding, and regular expressions.

The full-text index (``search_index``, see the store's migration ``m013``) only narrows the
documents to read; every hit is then found by a Python regular expression in the stored text, so
its ``(start, end)`` are always code-point offsets into that text. AND, OR and NOT hold within one
speaker turn (the whole text when a document has no turns); hits never cross a turn and never fall
on a speaker label or time stamp.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from toolkit.errors import InvalidValue, NotFound
from toolkit.store import Store

Mode = Literal["words", "regex"]
MODES: tuple[str, ...] = ("words", "regex")
CONTEXT_CHARS = 60
_OPERATORS = {"AND": "AND", "UND": "AND", "OR": "OR", "ODER": "OR", "NOT": "NOT", "NICHT": "NOT"}
_TOKEN = re.compile(r'\s*(?:(?P<phrase>"[^"]*")|(?P<quote>")|(?P<paren>[()])|(?P<word>[^\s()"]+))')
_NEAR = re.compile(r"(?:NEAR|NAH)/(\d+)$")
_COMBINING = "[\u0300-\u036f]*"


# -- the query -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A word or phrase; ``text`` as typed (``*`` is a wildcard)."""

    text: str


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Near:
    """``left NEAR/n right``: both within ``distance`` words of each other, in either order."""

    left: Term
    right: Term
    distance: int


Node = Term | Not | And | Or | Near


def _tokens(query: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        if m.group("quote"):
            raise InvalidValue(f'query {query!r}: a quotation mark is not closed; close the phrase with "')
        kind = next(k for k in ("phrase", "paren", "word") if m.group(k))
        value = m.group(kind)
        if kind == "phrase":
            value = value[1:-1].strip()
            if not value:
                raise InvalidValue(f'query {query!r}: an empty phrase ""; put words between the quotes')
        elif kind == "word" and (value in _OPERATORS or _NEAR.match(value)):
            kind = "op"
        out.append((kind, value))
    return out


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.items = _tokens(query)
        self.pos = 0

    def error(self, what: str) -> InvalidValue:
        return InvalidValue(f"query {self.query!r}: {what}")

    def peek(self) -> tuple[str, str] | None:
        return self.items[self.pos] if self.pos < len(self.items) else None

    def take(self) -> tuple[str, str]:
        item = self.items[self.pos]
        self.pos += 1
        return item

    def parse(self) -> Node:
        if not self.items:
            raise self.error("the query is empty; type a word, a phrase in quotes or a pattern")
        node = self.or_expr()
        if self.peek() is not None:
            raise self.error(f"unexpected {self.peek()[1]!r}; is a parenthesis not opened?")  # type: ignore[index]
        if not _positive(node):
            raise self.error("the query only excludes (NOT); add a word to find")
        return node

    def or_expr(self) -> Node:
        items = [self.and_expr()]
        while self.peek() == ("op", self._op("OR")):
            self.take()
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def _op(self, name: str) -> str:
        item = self.peek()
        if item and item[0] == "op" and _OPERATORS.get(item[1]) == name:
            return item[1]
        return name

    def and_expr(self) -> Node:
        items = [self.not_expr()]
        while True:
            item = self.peek()
            if item is None or item == ("paren", ")"):
                break
            if item[0] == "op" and _OPERATORS.get(item[1]) == "OR":
                break
            if item[0] == "op" and _OPERATORS.get(item[1]) == "AND":
                self.take()
            items.append(self.not_expr())
        return items[0] if len(items) == 1 else And(tuple(items))

    def not_expr(self) -> Node:
        item = self.peek()
        if item and item[0] == "op" and _OPERATORS.get(item[1]) == "NOT":
            self.take()
            return Not(self.not_expr())
        return self.near_expr()

    def near_expr(self) -> Node:
        left = self.atom()
        item = self.peek()
        while item and item[0] == "op" and (m := _NEAR.match(item[1])):
            self.take()
            right = self.atom()
            if not isinstance(left, Term) or not isinstance(right, Term):
                raise self.error(f"{item[1]} joins two words or phrases, not groups")
            left = Near(left, right, int(m.group(1)))
            item = self.peek()
        return left

    def atom(self) -> Node:
        item = self.peek()
        if item is None:
            raise self.error("a word is missing at the end (after an operator)")
        kind, value = self.take()
        if kind == "paren" and value == "(":
            node = self.or_expr()
            if self.peek() != ("paren", ")"):
                raise self.error("a parenthesis is not closed; add )")
            self.take()
            return node
        if kind in ("word", "phrase"):
            if not value.strip("*"):
                raise self.error("a wildcard * needs letters next to it, e.g. Antrag*")
            return Term(value)
        raise self.error(f"{value!r} stands where a word is expected")


def _positive(node: Node) -> bool:
    if isinstance(node, Term | Near):
        return True
    if isinstance(node, Not):
        return False
    return any(_positive(i) for i in node.items)


def parse_query(query: str) -> Node:
    """The query as a tree; raises :class:`InvalidValue` with one line naming what is wrong."""
    return _Parser(query).parse()


# -- folding ---------------------------------------------------------------------------------


def _variants() -> dict[str, str]:
    """Each ASCII letter with every precomposed Latin letter that decomposes to it."""
    out: dict[str, set[str]] = {}
    for cp in range(0xC0, 0x250):
        ch = chr(cp)
        base = unicodedata.normalize("NFKD", ch)[:1].lower()
        if base.isascii() and base.isalpha() and len(ch.lower()) == 1:
            out.setdefault(base, {base}).add(ch.lower())
    return {k: "".join(sorted(v)) for k, v in out.items()}


_VARIANTS = _variants()


def fold(text: str) -> str:
    """The folded spelling: lower case, ß as ss, ae/oe/ue as a/o/u, diacritics removed
    (Bürger, Buerger and burger all give ``burger``)."""
    text = text.casefold().replace("ae", "a").replace("oe", "o").replace("ue", "u")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _folded_pattern(word: str) -> str:
    """A pattern that matches every spelling of ``word`` with the same :func:`fold`."""
    folded = fold(word)
    out, i = [], 0
    while i < len(folded):
        c = folded[i]
        if folded.startswith("ss", i):
            out.append("(?:ss|ß|ẞ)")
            i += 2
            continue
        if c == "*":
            out.append(r"\w*")
        elif c in _VARIANTS:
            tail = "e?" if c in "aou" else ""
            out.append(f"(?:[{_VARIANTS[c]}]{_COMBINING}{tail})")
        elif c.isspace():
            out.append(r"\s+")
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def _plain_pattern(word: str) -> str:
    return "".join(r"\w*" if c == "*" else r"\s+" if c.isspace() else re.escape(c) for c in word)


def term_pattern(term: Term, *, fold_spelling: bool = False, case_sensitive: bool = False) -> re.Pattern[str]:
    """The regular expression of a word or phrase: whole words only, blanks as any white space."""
    words = " ".join(term.text.split())
    body = _folded_pattern(words) if fold_spelling else _plain_pattern(words)
    flags = 0 if case_sensitive and not fold_spelling else re.IGNORECASE
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


# -- the index -------------------------------------------------------------------------------


def _fts_query(term: Term, fold_spelling: bool) -> str | None:
    """The FTS5 query that finds at least every document the term's pattern matches, or None when
    the index cannot narrow (a wildcard inside a word, characters the tokenizer splits on)."""
    text = " ".join(term.text.split())
    prefix = text.endswith("*")
    core = text.rstrip("*")
    if "*" in core:
        return None
    words = core.split()
    if not words or not all(w.isalnum() for w in words):
        return None
    if fold_spelling:
        words = [fold(w) for w in words]
        if not all(w.isalnum() for w in words):
            return None
    column = "folded" if fold_spelling else "body"
    return f'{column} : "{" ".join(words)}"' + ("*" if prefix else "")


def _candidates(store: Store, node: Node, fold_spelling: bool) -> set[int] | None:
    """Ids of the documents that may hold a hit (None: all)."""
    if isinstance(node, Term):
        fts = _fts_query(node, fold_spelling)
        if fts is None:
            return None
        rows = store.conn.execute("SELECT rowid FROM search_index WHERE search_index MATCH ?", (fts,))
        return {int(r[0]) for r in rows}
    if isinstance(node, Not):
        return None
    if isinstance(node, Near):
        node = And((node.left, node.right))
    sets = [_candidates(store, i, fold_spelling) for i in node.items if _positive(i)]
    if isinstance(node, Or):
        if any(s is None for s in sets):
            return None
        return set().union(*[s for s in sets if s is not None])
    known = [s for s in sets if s is not None]
    return set.intersection(*known) if known else None


def rebuild_index(store: Store) -> int:
    """Rebuild the index from the stored texts (it is kept in step by triggers; this is for repair).
    Returns the number of documents indexed."""
    from toolkit.store import SEARCH_FOLD_SQL

    with store.write("system") as w:
        w.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
        w.execute(
            "INSERT INTO search_index (rowid, body, folded) SELECT id, text, "
            f"{SEARCH_FOLD_SQL.format(t='text')} FROM documents"
        )
        w.event("rebuild", "search_index", None, {})
    row = store.conn.execute("SELECT count(*) FROM documents").fetchone()
    return int(row[0])


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
    """How to search and where: ``documents`` (names), ``speakers``, ``codes`` (a hit must lie on a
    coding of one of these codes or their subcodes), ``attributes`` (document attributes that must
    have these values)."""

    mode: Mode = "words"
    fold: bool = False
    case_sensitive: bool = False
    documents: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()
    limit: int | None = None


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    speaker: str
    turn: int
    timestamp: float | None


def _spans_in(pattern: re.Pattern[str], text: str, units: Sequence[_Unit]) -> list[list[tuple[int, int]]]:
    """Matches of ``pattern`` per unit (a match must lie inside one unit)."""
    starts = [u.start for u in units]
    out: list[list[tuple[int, int]]] = [[] for _ in units]
    for m in pattern.finditer(text):
        s, e = m.span()
        if e <= s:
            continue
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and e <= units[i].end:
            out[i].append((s, e))
    return out


_WORD = re.compile(r"\w+")


def _near(
    left: list[tuple[int, int]], right: list[tuple[int, int]], distance: int, text: str
) -> list[tuple[int, int]]:
    out = []
    for a in left:
        for b in right:
            first, second = (a, b) if a[0] <= b[0] else (b, a)
            if second[0] < first[1]:
                continue
            if len(_WORD.findall(text, first[1], second[0])) <= distance:
                out.append((first[0], max(first[1], second[1])))
    return out


class _Evaluator:
    def __init__(self, text: str, units: Sequence[_Unit], options: SearchOptions) -> None:
        self.text = text
        self.units = units
        self.options = options
        self.cache: dict[Term, list[list[tuple[int, int]]]] = {}

    def term(self, term: Term) -> list[list[tuple[int, int]]]:
        if term not in self.cache:
            pattern = term_pattern(
                term, fold_spelling=self.options.fold, case_sensitive=self.options.case_sensitive
            )
            self.cache[term] = _spans_in(pattern, self.text, self.units)
        return self.cache[term]

    def spans(self, node: Node, unit: int) -> tuple[bool, list[tuple[int, int]]]:
        if isinstance(node, Term):
            found = self.term(node)[unit]
            return bool(found), found
        if isinstance(node, Not):
            matched, _ = self.spans(node.item, unit)
            return not matched, []
        if isinstance(node, Near):
            pairs = _near(self.term(node.left)[unit], self.term(node.right)[unit], node.distance, self.text)
            return bool(pairs), pairs
        results = [self.spans(i, unit) for i in node.items]
        if isinstance(node, And):
            if not all(m for m, _ in results):
                return False, []
            return True, [s for _, spans in results for s in spans]
        found = [s for m, spans in results if m for s in spans]
        return any(m for m, _ in results), found


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _kwic(text: str, start: int, end: int, unit: _Unit) -> tuple[str, str]:
    lo = max(unit.start, start - CONTEXT_CHARS)
    hi = min(unit.end, end + CONTEXT_CHARS)
    left = ("…" if lo > unit.start else "") + _one_line(text[lo:start])
    right = _one_line(text[end:hi]) + ("…" if hi < unit.end else "")
    if text[lo:start][-1:].isspace():
        left += " "
    if text[end:hi][:1].isspace():
        right = " " + right
    return left, right


def _regex(query: str, case_sensitive: bool) -> re.Pattern[str]:
    if not query.strip():
        raise InvalidValue("the regular expression is empty; type a pattern such as Antr(a|ä)g\\w*")
    try:
        return re.compile(query, 0 if case_sensitive else re.IGNORECASE)
    except re.error as exc:
        raise InvalidValue(f"regular expression {query!r} is invalid: {exc}") from None


def _documents(store: Store, options: SearchOptions, ids: set[int] | None) -> list[dict[str, object]]:
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
            raise NotFound(f"no document {missing[0]!r}; see `coding-toolkit documents`")
        where.append(f"name IN ({','.join('?' for _ in options.documents)})")
        params.extend(options.documents)
    for key, value in options.attributes:
        where.append("id IN (SELECT document_id FROM document_attributes WHERE name = ? AND value = ?)")
        params.extend((key, value))
    if ids is not None:
        where.append(f"id IN ({','.join(str(int(i)) for i in sorted(ids)) or 'NULL'})")
    sql = "SELECT id, name, text FROM documents" + (" WHERE " + " AND ".join(where) if where else "")
    return store.query(sql + " ORDER BY name", tuple(params))


def _units(store: Store, doc_id: int, text: str, speakers: tuple[str, ...]) -> list[_Unit]:
    rows = store.query(
        'SELECT seq, speaker, start, "end", timestamp FROM turns WHERE document_id = ? ORDER BY start',
        (doc_id,),
    )
    if not rows:
        return [] if speakers else [_Unit(0, len(text), "", 0, None)]
    units = [
        _Unit(r["start"], min(r["end"], len(text)), r["speaker"], i + 1, r["timestamp"])
        for i, r in enumerate(rows)
    ]
    return [u for u in units if not speakers or u.speaker in speakers]


def _coded_spans(store: Store, doc_id: int, codes: tuple[str, ...]) -> list[tuple[int, int]]:
    from toolkit.codes import code_by_path, list_codes

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


def search(store: Store, query: str, options: SearchOptions | None = None) -> list[Hit]:
    """Every hit of ``query`` in document order. Raises :class:`InvalidValue` for a bad query."""
    options = options or SearchOptions()
    if options.mode not in MODES:
        raise InvalidValue(f"search mode {options.mode!r} is unknown; use one of {', '.join(MODES)}")
    node: Node | None = None
    pattern: re.Pattern[str] | None = None
    if options.mode == "regex":
        pattern = _regex(query, options.case_sensitive)
        ids = None
    else:
        node = parse_query(query)
        ids = _candidates(store, node, options.fold)
    hits: list[Hit] = []
    for doc in _documents(store, options, ids):
        text = str(doc["text"])
        doc_id = int(str(doc["id"]))
        units = _units(store, doc_id, text, options.speakers)
        if not units:
            continue
        if pattern is not None:
            per_unit = _spans_in(pattern, text, units)
        else:
            assert node is not None
            evaluator = _Evaluator(text, units, options)
            per_unit = [evaluator.spans(node, i)[1] for i in range(len(units))]
        coded = _coded_spans(store, doc_id, options.codes) if options.codes else None
        for unit, spans in zip(units, per_unit, strict=True):
            for s, e in _merge(spans):
                if coded is not None and not any(cs < e and s < ce for cs, ce in coded):
                    continue
                left, right = _kwic(text, s, e, unit)
                hits.append(
                    Hit(
                        str(doc["name"]),
                        s,
                        e,
                        text[s:e],
                        unit.speaker,
                        unit.turn,
                        unit.timestamp,
                        left,
                        right,
                    )
                )
                if options.limit is not None and len(hits) >= options.limit:
                    return hits
    return hits


def counts(hits: Sequence[Hit]) -> dict[str, dict[str, int]]:
    """Hits per document and per speaker: ``{"documents": {...}, "speakers": {...}}``."""
    docs: dict[str, int] = {}
    speakers: dict[str, int] = {}
    for h in hits:
        docs[h.document] = docs.get(h.document, 0) + 1
        speakers[h.speaker] = speakers.get(h.speaker, 0) + 1
    return {"documents": docs, "speakers": speakers}
