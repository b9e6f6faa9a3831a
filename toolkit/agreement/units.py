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


def unit_bounds(
    doc: Doc, kind: str, cache: SentenceCache | None = None, *, stored_turns: bool = False
) -> NDArray[np.int64]:
    """:func:`document_units` as an n x 2 array (read-only: it is shared by the cache). With
    ``stored_turns`` and a ``cache``, sentences missing from the cache are split in the turns as
    stored (``doc`` read without its turns)."""
    if kind == "sentence" and cache is not None and doc.id is not None:
        return cache.bounds(doc.id, doc.text, None if stored_turns else doc.turns, doc.language)
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


def presence_patterns(
    units: NDArray[np.int64],
    table: NDArray[np.int64],
    threshold: float,
    width: int,
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The presence patterns of one document's codes on its units, all codes at once: ``table``
    has rows ``(code, coder bit, start, end)`` sorted by code, coder, start (the coder bits powers
    of two); a code is present for a coder in a unit by the rule of :func:`presence`. Returns
    the codes (in table order) and per code how many units have each pattern (the sum of the bits
    of the coders who have the code present there), ``width`` (more than every sum) columns: units
    where no coder has it count as pattern 0."""
    if not 0 <= threshold <= 100:
        raise InvalidValue("threshold.not_percent", threshold=threshold)
    n_units = len(units)
    if not len(table):
        return np.zeros(0, dtype=np.int64), np.zeros((0, width), dtype=np.int64)
    code, bit, start, end = table[:, 0], table[:, 1], table[:, 2], table[:, 3]
    group_first = np.concatenate([[True], (code[1:] != code[:-1]) | (bit[1:] != bit[:-1])])
    codes = code[np.concatenate([[True], code[1:] != code[:-1]])]
    counts = np.zeros((len(codes), width), dtype=np.int64)
    counts[:, 0] = n_units
    if n_units == 0:
        return codes, counts
    u_start, u_end = units[:, 0], units[:, 1]
    if np.any(u_start[1:] < u_end[:-1]):  # units out of order or overlapping: the general rule
        return codes, _patterns_by_rows(units, table, codes, width, threshold)
    # the union of each (code, coder)'s spans: a span starts a new piece unless it starts at or
    # before the furthest end so far in its group (groups kept apart by an offset per group)
    group = np.cumsum(group_first) - 1
    offset = group * (int(max(end.max(), u_end.max(), start.max())) + 1)
    reach = np.maximum.accumulate(end + offset)
    new = group_first.copy()
    new[1:] |= start[1:] + offset[1:] > reach[:-1]
    first = np.flatnonzero(new)
    s = start[first]
    e = reach[np.append(first[1:], len(table)) - 1] - offset[first]
    g = group[first]
    # every piece x unit it overlaps, in (group, unit) order
    lo = np.searchsorted(u_end, s, side="right")  # first unit ending after the piece starts
    hi = np.searchsorted(u_start, e, side="left")  # units starting before the piece ends
    n = np.clip(hi - lo, 0, None)
    total = int(n.sum())
    if total == 0:
        return codes, counts
    which = np.repeat(np.arange(len(s)), n)
    unit = np.repeat(lo, n) + (np.arange(total) - np.repeat(np.cumsum(n) - n, n))
    overlap = np.clip(np.minimum(e[which], u_end[unit]) - np.maximum(s[which], u_start[unit]), 0, None)
    key = g[which] * n_units + unit  # non-decreasing: pieces of a group are disjoint and ordered
    cut = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]]))
    covered = np.add.reduceat(overlap, cut)
    key = key[cut]
    unit = key % n_units
    size = u_end[unit] - u_start[unit]
    present = (covered > 0) & (covered * 100 >= threshold * size)
    key = key[present]
    group_code = np.searchsorted(codes, code[group_first])  # each group's row in ``codes``
    group_bit = bit[group_first]
    row, unit = group_code[key // n_units], key % n_units
    cell, where = np.unique(row * n_units + unit, return_inverse=True)
    pattern = np.bincount(where, weights=group_bit[key // n_units], minlength=len(cell)).astype(np.int64)
    found = np.bincount((cell // n_units) * width + pattern, minlength=len(codes) * width)
    counts += found.reshape(len(codes), width)
    counts[:, 0] -= found.reshape(len(codes), width).sum(axis=1)
    return codes, counts


def _patterns_by_rows(
    units: NDArray[np.int64], table: NDArray[np.int64], codes: NDArray[np.int64], width: int, threshold: float
) -> NDArray[np.int64]:
    """:func:`presence_patterns` one (code, coder) at a time with :func:`presence`."""
    counts = np.zeros((len(codes), width), dtype=np.int64)
    for i, c in enumerate(codes.tolist()):
        mine = table[table[:, 0] == c]
        keys = np.zeros(len(units), dtype=np.int64)
        for b in np.unique(mine[:, 1]).tolist():
            spans = [(int(x), int(y)) for x, y in mine[mine[:, 1] == b][:, 2:].tolist()]
            keys += b * presence(0, units, spans, threshold)
        counts[i] = np.bincount(keys, minlength=width)
    return counts
