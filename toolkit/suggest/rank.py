"""Suggestions per unit (sentence or speaker turn) from keyword matches, scored and ranked.

Score of a code in a unit: ``1 - 0.5 ** n`` where ``n`` is the number of distinct keywords of the code
found in the unit (one keyword 0.5, two 0.75, three 0.875); repeats of one keyword do not count."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from toolkit.anchoring import strip_span
from toolkit.codings import list_codings
from toolkit.documents import document_row, document_turns
from toolkit.errors import InvalidValue
from toolkit.nlp import sentence_units
from toolkit.store import Store
from toolkit.suggest.rules import KeywordMatch, codebook_keywords, keyword_matches

UNITS = ("sentence", "turn")


@dataclass(frozen=True)
class Suggestion:
    """A code suggested for ``text[start:end]`` (a sentence or a turn), with the words that matched."""

    start: int
    end: int
    code_path: str
    score: float
    source: str
    evidence: tuple[str, ...]
    unit: str


def score(n_distinct: int) -> float:
    """``1 - 0.5 ** n_distinct``: 0 without a keyword, growing towards 1 with each further keyword."""
    return 1.0 - 0.5**n_distinct if n_distinct > 0 else 0.0


def rank_unit(start: int, end: int, unit: str, matches: Sequence[KeywordMatch]) -> list[Suggestion]:
    """One suggestion per code with a match inside ``[start, end)``, best score first."""
    by_code: dict[str, list[KeywordMatch]] = {}
    for m in matches:
        if start <= m.start and m.end <= end:
            by_code.setdefault(m.code_path, []).append(m)
    out = []
    for path, found in by_code.items():
        evidence = tuple(dict.fromkeys(m.text for m in sorted(found, key=lambda m: m.start)))
        n = len({m.keyword.casefold() for m in found})
        out.append(Suggestion(start, end, path, score(n), "rule", evidence, unit))
    return sorted(out, key=lambda s: (-s.score, s.code_path))


def suggest(
    store: Store, document: str, *, coder: str | None = None, units: Sequence[str] = UNITS
) -> list[Suggestion]:
    """Codes suggested by the codebook's keywords for each sentence and/or speaker turn of ``document``,
    sorted by start, then score (highest first). Reads only: never creates codings.

    With ``coder``, a suggestion is dropped when that coder already has the code on a span overlapping
    the unit."""
    unknown = [u for u in units if u not in UNITS]
    if unknown:
        raise InvalidValue(f"unknown suggestion unit {unknown[0]!r}; use one of: {', '.join(UNITS)}")
    row = document_row(store, document)
    text, language = str(row["text"]), str(row["language"])
    turns = document_turns(store, document)
    regions = [strip_span(text, t.start, t.end) for t in turns] or [strip_span(text, 0, len(text))]
    regions = [(s, e) for s, e in regions if e > s]
    keywords = codebook_keywords(store, language)
    if not keywords or not regions:
        return []
    matches = keyword_matches(text, regions, language, keywords, store.setting("spacy_model"))
    spans: list[tuple[int, int, str]] = []
    if "sentence" in units:
        spans += [(s, e, "sentence") for s, e in sentence_units(text, turns, language)]
    if "turn" in units:
        spans += [(s, e, "turn") for s, e in regions]
    matches.sort(key=lambda m: (m.start, m.end))
    starts = [m.start for m in matches]
    out: list[Suggestion] = []
    for start, end, unit in spans:
        out += rank_unit(start, end, unit, matches[bisect_left(starts, start) : bisect_left(starts, end)])
    if coder is not None:
        mine = list_codings(store, document=document, coder=coder)
        out = [
            s
            for s in out
            if not any(c.code_path == s.code_path and c.start < s.end and s.start < c.end for c in mine)
        ]
    return sorted(out, key=lambda s: (s.start, -s.score, s.end, s.code_path))
