"""Where a parsed word query matches in one document: its units (speaker turns, or the whole text
of a document without turns) and the spans of the hits in each.

AND, OR and NOT hold within one unit. Each word or phrase is looked for once in the whole text,
then the query is decided for all units at once on arrays of "has a hit here" (numpy), and only
the units where it holds collect their spans.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from toolkit.search_query import And, Near, Node, Not, Or, Term, term_pattern

Span = tuple[int, int]
Flags = NDArray[np.bool_]


class Unit(NamedTuple):
    """A stretch of a document a query is decided in: a speaker turn (``turn`` counts from 1) or
    the whole text of a document without turns (``turn`` 0). A tuple: a search makes one per turn
    of every document it reads."""

    start: int
    end: int
    speaker: str
    turn: int
    timestamp: float | None


def _word_start(text: str, at: int) -> bool:
    if at == 0:
        return True
    before = text[at - 1]
    return not (before.isalnum() or before == "_")


def spans_in(
    pattern: re.Pattern[str], text: str, units: Sequence[Unit], *, whole_words: bool = False
) -> list[list[Span]]:
    """Matches of ``pattern`` per unit (a match must lie inside one unit); with ``whole_words``
    only matches that start a word."""
    found = _matches(pattern, text, whole_words)
    out: list[list[Span]] = [[] for _ in units]
    starts = [u.start for u in units]
    ends = [u.end for u in units]
    for span in found:
        i = bisect.bisect_right(starts, span[0]) - 1
        if i >= 0 and span[1] <= ends[i]:
            out[i].append(span)
    return out


def _matches(pattern: re.Pattern[str], text: str, whole_words: bool) -> list[Span]:
    """Non-empty matches from left to right, each looked for after the last one's end; after an
    empty match, or (with ``whole_words``) one that does not start a word, the search goes on one
    character after that match's start."""
    found: list[Span] = []
    pos = 0
    while pos <= len(text):
        restart = None
        for m in pattern.finditer(text, pos):
            s, e = m.span()
            if e <= s or (whole_words and not _word_start(text, s)):
                restart = s + 1
                break
            found.append((s, e))
        if restart is None:
            break
        pos = restart
    return found


_WORD = re.compile(r"\w+")


def near(left: list[Span], right: list[Span], distance: int, text: str) -> list[Span]:
    """Pairs of a left and a right hit at most ``distance`` words apart, each as one span."""
    out = []
    for a in left:
        for b in right:
            first, second = (a, b) if a[0] <= b[0] else (b, a)
            if second[0] < first[1]:
                continue
            if len(_WORD.findall(text, first[1], second[0])) <= distance:
                out.append((first[0], max(first[1], second[1])))
    return out


class Evaluator:
    """Decides a query in every unit of one text; :meth:`unit_spans` gives the hits per unit."""

    def __init__(
        self, text: str, units: Sequence[Unit], *, fold_spelling: bool = False, case_sensitive: bool = False
    ) -> None:
        self.text = text
        self.units = units
        self.fold_spelling = fold_spelling
        self.case_sensitive = case_sensitive
        self.terms: dict[Term, list[list[Span]]] = {}
        self.flags: dict[int, Flags] = {}  # by id() of the node: the tree lives as long as this
        self.pairs: dict[int, dict[int, list[Span]]] = {}

    def term(self, term: Term) -> list[list[Span]]:
        if term not in self.terms:
            pattern = term_pattern(term, fold_spelling=self.fold_spelling, case_sensitive=self.case_sensitive)
            self.terms[term] = spans_in(pattern, self.text, self.units, whole_words=True)
        return self.terms[term]

    def holds(self, node: Node) -> Flags:
        """Per unit: does the query ``node`` hold there."""
        key = id(node)
        if key not in self.flags:
            self.flags[key] = self._holds(node)
        return self.flags[key]

    def _holds(self, node: Node) -> Flags:
        if isinstance(node, Term):
            return np.fromiter(map(bool, self.term(node)), dtype=bool, count=len(self.units))
        if isinstance(node, Not):
            return ~self.holds(node.item)
        if isinstance(node, Near):
            left, right = self.term(node.left), self.term(node.right)
            both = np.flatnonzero(self.holds(node.left) & self.holds(node.right))
            found = {int(u): near(left[u], right[u], node.distance, self.text) for u in both}
            self.pairs[id(node)] = found
            flags = np.zeros(len(self.units), dtype=bool)
            flags[[u for u, spans in found.items() if spans]] = True
            return flags
        parts = [self.holds(i) for i in node.items]
        reduce = np.logical_and.reduce if isinstance(node, And) else np.logical_or.reduce
        return np.asarray(reduce(parts), dtype=bool)

    def spans(self, node: Node, unit: int) -> list[Span]:
        """The hits of ``node`` in ``unit``, where it holds: an AND's or OR's are those of its parts
        that hold, a NOT has none."""
        if isinstance(node, Term):
            return self.term(node)[unit]
        if isinstance(node, Not):
            return []
        if isinstance(node, Near):
            return self.pairs[id(node)].get(unit, [])
        assert isinstance(node, And | Or)
        return [s for item in node.items if self.holds(item)[unit] for s in self.spans(item, unit)]

    def unit_spans(self, node: Node) -> list[list[Span]]:
        """The hits of the query per unit (none where it does not hold)."""
        out: list[list[Span]] = [[] for _ in self.units]
        for unit in np.flatnonzero(self.holds(node)):
            out[int(unit)] = self.spans(node, int(unit))
        return out


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Spans sorted, with overlapping ones joined (touching ones stay apart)."""
    out: list[Span] = []
    for s, e in sorted(set(spans)):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
