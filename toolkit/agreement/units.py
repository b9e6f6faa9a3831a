"""Code presence per unit of a transcript (the units themselves: :mod:`toolkit.units`).

A code is present in a unit for a coder when that coder's codings of the code (their union) cover
at least ``threshold`` percent of the unit's characters, and at least one character (so a threshold
of 0 means "touches the unit").
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from toolkit.agreement.selection import Doc
from toolkit.errors import InvalidValue
from toolkit.sentence_cache import SentenceCache
from toolkit.units import units


def document_units(doc: Doc, kind: str, cache: SentenceCache | None = None) -> list[tuple[int, int]]:
    """The units of one document (:func:`toolkit.units.units`), cached per document text, turns and
    language; with a ``cache`` of the store, sentences come from (and go to) the store's sentence
    cache."""
    return [(int(s), int(e)) for s, e in unit_bounds(doc, kind, cache)]


def unit_bounds(doc: Doc, kind: str, cache: SentenceCache | None = None) -> NDArray[np.int64]:
    """:func:`document_units` as an n x 2 array (read-only: it is shared by the cache)."""
    if kind == "sentence" and cache is not None and doc.id is not None:
        return cache.bounds(doc.id, doc.text, doc.turns, doc.language)
    return _document_units(doc, kind)


@functools.lru_cache(maxsize=4096)  # a team's 1,000 documents x 3 kinds, about 15 kB each
def _document_units(doc: Doc, kind: str) -> NDArray[np.int64]:
    bounds = np.asarray(units(doc.text, doc.turns, doc.language, kind), dtype=np.int64).reshape(-1, 2)
    bounds.setflags(write=False)
    return bounds


Coverage = tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]


def merged(spans: Sequence[tuple[int, int]]) -> Coverage:
    """The union of spans as sorted disjoint ``(starts, ends)`` and the covered length before each."""
    out = merge_spans(spans)
    if not out:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    arr = np.asarray(out, dtype=np.int64)
    starts, ends = arr[:, 0], arr[:, 1]
    before = np.concatenate([[0], np.cumsum(ends - starts)[:-1]])
    return starts, ends, before


def covered_before(union: Coverage, x: NDArray[np.int64]) -> NDArray[np.int64]:
    """How many characters in ``[0, x)`` the union covers, for each position in ``x``."""
    starts, ends, before = union
    if starts.size == 0:
        return np.zeros(len(x), dtype=np.int64)
    i = np.searchsorted(starts, x, side="right") - 1
    j = np.clip(i, 0, None)
    inside = np.minimum(x - starts[j], ends[j] - starts[j])
    out: NDArray[np.int64] = np.where(i >= 0, before[j] + inside, 0)
    return out


def covered_in(union: Coverage, bounds: NDArray[np.int64]) -> NDArray[np.int64]:
    """Covered characters inside each ``[start, end)`` row of ``bounds``."""
    both = covered_before(union, bounds.ravel()).reshape(-1, 2)
    out: NDArray[np.int64] = both[:, 1] - both[:, 0]
    return out


def presence(
    length: int,
    units: Sequence[tuple[int, int]] | NDArray[np.int64],
    spans: Sequence[tuple[int, int]],
    threshold: float,
) -> NDArray[np.int64]:
    """1 per unit where the spans cover at least ``threshold`` percent (and one character);
    ``units`` may be an n x 2 array (read once per document by the callers)."""
    if not 0 <= threshold <= 100:
        raise InvalidValue("threshold.not_percent", threshold=threshold)
    if len(units) == 0:
        return np.zeros(0, dtype=np.int64)
    if not spans:
        return np.zeros(len(units), dtype=np.int64)
    bounds = np.asarray(units, dtype=np.int64)
    covered = covered_in(merged(spans), bounds)
    size = bounds[:, 1] - bounds[:, 0]
    return ((covered > 0) & (covered * 100 >= threshold * size)).astype(np.int64)


def presence_rows(
    length: int,
    units: NDArray[np.int64],
    spans: Sequence[Sequence[tuple[int, int]]],
    threshold: float,
) -> NDArray[np.int64]:
    """:func:`presence` of many span lists on the same units at once: row ``i`` for ``spans[i]``
    (e.g. every code x coder of one document). The same rule: a unit counts when the union of the
    row's spans covers at least ``threshold`` percent of it, and one character."""
    if not 0 <= threshold <= 100:
        raise InvalidValue("threshold.not_percent", threshold=threshold)
    out = np.zeros((len(spans), len(units)), dtype=np.int64)
    if len(units) == 0 or not spans:
        return out
    rows: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, found in enumerate(spans):
        for a, b in merge_spans(found):
            rows.append(i)
            starts.append(a)
            ends.append(b)
    if not rows:
        return out
    u_start, u_end = units[:, 0], units[:, 1]
    if np.any(u_start[1:] < u_end[:-1]):  # units out of order or overlapping: one row at a time
        for i, found in enumerate(spans):
            out[i] = presence(length, units, found, threshold)
        return out
    row, s, e = np.asarray(rows), np.asarray(starts), np.asarray(ends)
    first = np.searchsorted(u_end, s, side="right")  # first unit ending after the span starts
    stop = np.searchsorted(u_start, e, side="left")  # units starting before the span ends
    n = np.clip(stop - first, 0, None)
    if n.sum() == 0:
        return out
    which = np.repeat(np.arange(len(row)), n)
    unit = np.repeat(first, n) + (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n))
    overlap = np.minimum(e[which], u_end[unit]) - np.maximum(s[which], u_start[unit])
    covered = np.zeros_like(out)
    np.add.at(covered, (row[which], unit), np.clip(overlap, 0, None))
    size = u_end - u_start
    out[:] = (covered > 0) & (covered * 100 >= threshold * size)
    return out


def merge_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of spans as sorted disjoint ``(start, end)`` pairs (touching ones joined)."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1][1] = end
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]
