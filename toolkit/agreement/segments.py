"""Span comparisons of two coders: segments (as in MAXQDA) and characters (as in NVivo).

Segment rule: a coder's segment agrees when the other coder has the same code on a segment whose
overlap with it is at least ``threshold`` percent of the two segments' union
(``|a ∩ b| / |a ∪ b|``). Every segment of either coder is judged once.

Character rule: every character of the document is coded or not coded with the code by each coder;
the 2 x 2 table of the two coders gives percent agreement and Cohen's kappa.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from toolkit.agreement.units import Coverage, covered_in, merged
from toolkit.errors import InvalidValue


@dataclass(frozen=True)
class SegmentCounts:
    """Segments of coder a and b and which of them found a partner."""

    matched_a: tuple[tuple[int, int], ...]
    unmatched_a: tuple[tuple[int, int], ...]
    matched_b: tuple[tuple[int, int], ...]
    unmatched_b: tuple[tuple[int, int], ...]

    @property
    def agreements(self) -> int:
        return len(self.matched_a) + len(self.matched_b)

    @property
    def disagreements(self) -> int:
        return len(self.unmatched_a) + len(self.unmatched_b)


def overlap_percent(a: tuple[int, int], b: tuple[int, int]) -> float:
    """``|a ∩ b| / |a ∪ b|`` in percent (0 when they do not overlap)."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return 100.0 * inter / union


def _matched(
    mine: Sequence[tuple[int, int]], theirs: Sequence[tuple[int, int]], threshold: float
) -> list[bool]:
    ordered = sorted(theirs)
    starts = [s for s, _ in ordered]
    longest = max((e - s for s, e in ordered), default=0)
    out = []
    for seg in mine:
        # partners start before seg ends and after seg.start - longest partner
        lo = bisect.bisect_left(starts, seg[0] - longest)
        hi = bisect.bisect_left(starts, seg[1])
        out.append(any(overlap_percent(seg, ordered[k]) >= threshold for k in range(lo, hi)))
    return out


def compare_segments(
    a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]], *, threshold: float
) -> SegmentCounts:
    """Judge every segment of a and b (same code, same document)."""
    if not 0 < threshold <= 100:
        raise InvalidValue("threshold.segment", threshold=threshold)
    ma = _matched(a, b, threshold)
    mb = _matched(b, a, threshold)
    return SegmentCounts(
        tuple(s for s, ok in zip(a, ma, strict=True) if ok),
        tuple(s for s, ok in zip(a, ma, strict=True) if not ok),
        tuple(s for s, ok in zip(b, mb, strict=True) if ok),
        tuple(s for s, ok in zip(b, mb, strict=True) if not ok),
    )


def segment_kappa(agreements: int, disagreements: int, n_codes: int) -> float:
    """MAXQDA's kappa: ``Po = agreements / all segments``, ``Pc = 1 / number of codes``
    (Brennan & Prediger 1981); NaN without segments or with fewer than two codes."""
    total = agreements + disagreements
    if total == 0 or n_codes < 2:
        return float("nan")
    po = agreements / total
    pc = 1.0 / n_codes
    return (po - pc) / (1.0 - pc)


def character_table(
    length: int, a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]
) -> tuple[int, int, int, int]:
    """``(both, only_a, only_b, neither)`` character counts of one code in one document."""
    ua, ub = merged(a), merged(b)
    in_a = int((ua[1] - ua[0]).sum())
    in_b = int((ub[1] - ub[0]).sum())
    both = int(covered_in(ua, np.stack([ub[0], ub[1]], axis=1)).sum()) if ub[0].size else 0
    return both, in_a - both, in_b - both, length - in_a - in_b + both


def table_agreement(both: int, only_a: int, only_b: int, neither: int) -> tuple[float, float]:
    """Percent agreement and Cohen's kappa of a 2 x 2 table (kappa NaN when chance agreement is 1)."""
    n = both + only_a + only_b + neither
    if n == 0:
        return float("nan"), float("nan")
    po = (both + neither) / n
    pe = ((both + only_a) * (both + only_b) + (neither + only_b) * (neither + only_a)) / n**2
    kappa = (po - pe) / (1 - pe) if pe < 1 else float("nan")
    return po, kappa


def matched_many(
    a: NDArray[np.int64], b: NDArray[np.int64], threshold: float
) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """The segment rule of :func:`compare_segments` on arrays at once: ``a`` and ``b`` are n x 2
    ``(start, end)`` rows (segments of different codes kept apart by offsets, so that they never
    overlap); returns for each row of ``a`` and of ``b`` whether it found a partner."""
    return _matched_rows(a, b, threshold), _matched_rows(b, a, threshold)


def _matched_rows(mine: NDArray[np.int64], theirs: NDArray[np.int64], threshold: float) -> NDArray[np.bool_]:
    out = np.zeros(len(mine), dtype=bool)
    if len(mine) == 0 or len(theirs) == 0:
        return out
    order = np.argsort(theirs[:, 0], kind="stable")
    t_s, t_e = theirs[order, 0], theirs[order, 1]
    longest = int((t_e - t_s).max())
    lo = np.searchsorted(t_s, mine[:, 0] - longest, side="left")
    hi = np.searchsorted(t_s, mine[:, 1], side="left")
    n = np.clip(hi - lo, 0, None)
    if n.sum() == 0:
        return out
    which = np.repeat(np.arange(len(mine)), n)
    k = np.repeat(lo, n) + (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n))
    s, e = mine[which, 0], mine[which, 1]
    inter = np.minimum(e, t_e[k]) - np.maximum(s, t_s[k])
    union = (e - s) + (t_e[k] - t_s[k]) - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(inter > 0, 100.0 * inter / np.where(union > 0, union, 1), 0.0)
    hit = share >= threshold
    out[which[hit]] = True
    return out


def character_tables(
    length: int, a: Sequence[Sequence[tuple[int, int]]], b: Sequence[Sequence[tuple[int, int]]]
) -> list[tuple[int, int, int, int]]:
    """:func:`character_table` of many codes of one document at once (``a[i]`` and ``b[i]`` are the
    two coders' spans of code ``i``): the codes' spans are shifted apart so that one union and one
    intersection serve all of them."""
    stride = 1 + max(length, max((e for spans in (*a, *b) for _, e in spans), default=0))

    def union(groups: Sequence[Sequence[tuple[int, int]]]) -> tuple[Coverage, NDArray[np.int64]]:
        shifted = [(s + i * stride, e + i * stride) for i, spans in enumerate(groups) for s, e in spans]
        cover = merged(shifted)
        per_code = np.bincount(cover[0] // stride, weights=cover[1] - cover[0], minlength=len(groups))
        return cover, per_code.astype(np.int64)

    ua, in_a = union(a)
    ub, in_b = union(b)
    both = np.zeros(len(a), dtype=np.int64)
    if ub[0].size and ua[0].size:
        inside = covered_in(ua, np.stack([ub[0], ub[1]], axis=1))
        both = np.bincount(ub[0] // stride, weights=inside, minlength=len(a)).astype(np.int64)
    return [
        (int(x), int(p - x), int(q - x), int(length - p - q + x))
        for x, p, q in zip(both.tolist(), in_a.tolist(), in_b.tolist(), strict=True)
    ]
