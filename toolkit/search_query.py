"""The query language of the search: words, phrases in quotes, ``*`` wildcards, AND/UND, OR/ODER,
NOT/NICHT, brackets and ``NEAR/n``, parsed into a small tree; and the regular expression of a word or
phrase, plain or with spellings folded (Bürger = Buerger = burger)."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from toolkit.errors import InvalidValue

_OPERATORS = {"AND": "AND", "UND": "AND", "OR": "OR", "ODER": "OR", "NOT": "NOT", "NICHT": "NOT"}
_TOKEN = re.compile(r'\s*(?:(?P<phrase>"[^"]*")|(?P<quote>")|(?P<paren>[()])|(?P<word>[^\s()"]+))')
_NEAR = re.compile(r"(?:NEAR|NAH)/(\d+)$")
_COMBINING = "[\u0300-\u036f]*"
_ACCENTS = re.compile("[\u0300-\u034e\u0350-\u036f]+")  # U+034F is not combining

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
            raise InvalidValue("query.quote_open", query=query)
        kind = next(k for k in ("phrase", "paren", "word") if m.group(k))
        value = m.group(kind)
        if kind == "phrase":
            value = value[1:-1].strip()
            if not value:
                raise InvalidValue("query.phrase_empty", query=query)
        elif kind == "word" and (value in _OPERATORS or _NEAR.match(value)):
            kind = "op"
        out.append((kind, value))
    return out


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.items = _tokens(query)
        self.pos = 0

    def error(self, code: str, **params: object) -> InvalidValue:
        return InvalidValue(code, query=self.query, **params)

    def peek(self) -> tuple[str, str] | None:
        return self.items[self.pos] if self.pos < len(self.items) else None

    def take(self) -> tuple[str, str]:
        item = self.items[self.pos]
        self.pos += 1
        return item

    def parse(self) -> Node:
        if not self.items:
            raise self.error("query.empty")
        node = self.or_expr()
        if self.peek() is not None:
            raise self.error("query.unexpected", token=self.peek()[1])  # type: ignore[index]
        if not positive(node):
            raise self.error("query.only_not")
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
                raise self.error("query.operator_on_groups", operator=item[1])
            left = Near(left, right, int(m.group(1)))
            item = self.peek()
        return left

    def atom(self) -> Node:
        item = self.peek()
        if item is None:
            raise self.error("query.word_missing")
        kind, value = self.take()
        if kind == "paren" and value == "(":
            node = self.or_expr()
            if self.peek() != ("paren", ")"):
                raise self.error("query.paren_open")
            self.take()
            return node
        if kind in ("word", "phrase"):
            if not value.strip("*"):
                raise self.error("query.wildcard_alone")
            return Term(value)
        raise self.error("query.word_expected", token=value)


def positive(node: Node) -> bool:
    if isinstance(node, Term | Near):
        return True
    if isinstance(node, Not):
        return False
    return any(positive(i) for i in node.items)


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


@functools.cache
def _combining() -> re.Pattern[str]:
    """Every combining character (``unicodedata.combining`` not 0), as one character class."""
    marks = [cp for cp in range(0x300, 0x1F000) if unicodedata.combining(chr(cp))]  # none above
    ranges, start = [], marks[0]
    for before, cp in zip(marks, [*marks[1:], -1], strict=True):
        if cp != before + 1:
            ranges.append(f"{chr(start)}-{chr(before)}" if before > start else chr(start))
            start = cp
    return re.compile(f"[{''.join(ranges)}]+")


def fold(text: str) -> str:
    """The folded spelling: lower case, ß as ss, ae/oe/ue as a/o/u, diacritics removed
    (Bürger, Buerger and burger all give ``burger``)."""
    text = text.casefold().replace("ae", "a").replace("oe", "o").replace("ue", "u")
    if text.isascii():
        return text
    text = _ACCENTS.sub("", unicodedata.normalize("NFKD", text))
    if text.isascii() or max(text) < "\u0483":  # the first combining character after the accents
        return text
    return _combining().sub("", text)


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
    """The regular expression of a word or phrase, blanks as any white space; it must end a word,
    and :func:`_spans_in` checks that it starts one (a leading look-behind would stop ``re`` from
    scanning fast for the first letters)."""
    words = " ".join(term.text.split())
    body = _folded_pattern(words) if fold_spelling else _plain_pattern(words)
    flags = 0 if case_sensitive and not fold_spelling else re.IGNORECASE
    return re.compile(rf"{body}(?!\w)", flags)
