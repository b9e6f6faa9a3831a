"""Deciding a query for all units at once gives the hits of deciding it unit by unit (the plain
recursion below, written out as the rules say: AND needs all parts and keeps their hits, OR keeps
the hits of the parts that hold, NOT holds where its part does not and has no hits, NEAR/n pairs
hits at most n words apart)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.search_eval import Evaluator, Unit, merge_spans, near, spans_in
from toolkit.search_query import And, Near, Node, Not, Term, parse_query

WORDS = ["antrag", "akte", "pdf", "formular", "amt"]


def _reference(ev: Evaluator, node: Node, unit: int) -> tuple[bool, list[tuple[int, int]]]:
    if isinstance(node, Term):
        found = ev.term(node)[unit]
        return bool(found), found
    if isinstance(node, Not):
        held, _ = _reference(ev, node.item, unit)
        return not held, []
    if isinstance(node, Near):
        pairs = near(ev.term(node.left)[unit], ev.term(node.right)[unit], node.distance, ev.text)
        return bool(pairs), pairs
    results = [_reference(ev, i, unit) for i in node.items]
    if isinstance(node, And):
        if not all(h for h, _ in results):
            return False, []
        return True, [s for _, spans in results for s in spans]
    return any(h for h, _ in results), [s for h, spans in results if h for s in spans]


def _query(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.sampled_from(["word", "word", "near", "and", "or", "not"] if depth < 2 else ["word"]))
    if kind == "word":
        return draw(st.sampled_from(WORDS))
    if kind == "near":
        return f"{draw(st.sampled_from(WORDS))} NEAR/{draw(st.integers(0, 3))} {draw(st.sampled_from(WORDS))}"
    left, right = _query(draw, depth + 1), _query(draw, depth + 1)
    if kind == "not":
        return f"({left}) NOT ({right})"
    return f"({left}) {kind.upper()} ({right})"


queries = st.composite(_query)


@settings(max_examples=200, deadline=None)
@given(
    turns=st.lists(st.lists(st.sampled_from([*WORDS, "Antrag", "und", ",", "."]), max_size=10), max_size=8),
    query=queries(),
)
def test_all_units_at_once_equals_unit_by_unit(turns: list[list[str]], query: str) -> None:
    text, units = "", []
    for i, words in enumerate(turns):
        label = f"{'IB'[i % 2]}: "
        start = len(text) + len(label)
        text += label + " ".join(words) + "\n"
        units.append(Unit(start, len(text) - 1, "IB"[i % 2], i + 1, None))
    node = parse_query(query)
    ev = Evaluator(text, units)
    got = ev.unit_spans(node)
    for u in range(len(units)):
        held, spans = _reference(Evaluator(text, units), node, u)
        assert bool(got[u]) == (held and bool(spans))
        assert merge_spans(got[u]) == merge_spans(spans if held else [])


def _one_search_at_a_time(pattern: re.Pattern[str], text: str, whole_words: bool) -> list[tuple[int, int]]:
    """Matches as the search looked for them before, one ``search`` call each."""
    out, pos = [], 0
    while pos <= len(text) and (m := pattern.search(text, pos)) is not None:
        s, e = m.span()
        if whole_words and s > 0 and (text[s - 1].isalnum() or text[s - 1] == "_"):
            pos = s + 1
            continue
        pos = e if e > s else s + 1
        if e > s:
            out.append((s, e))
    return out


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="ab _\n.", max_size=30),
    pattern=st.sampled_from(["a", "a*", "ab|b", "(?=a)", r"\b", r"a\s+b(?!\w)", "b?a", "(a|)b", "x"]),
    whole_words=st.booleans(),
)
def test_matches_in_one_pass_equal_one_search_at_a_time(text: str, pattern: str, whole_words: bool) -> None:
    compiled = re.compile(pattern)
    units = [Unit(0, len(text), "", 0, None)]
    expected = _one_search_at_a_time(compiled, text, whole_words)
    assert spans_in(compiled, text, units, whole_words=whole_words) == [expected]
