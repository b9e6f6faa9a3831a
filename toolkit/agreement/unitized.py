"""Krippendorff's unitizing alpha (u-alpha) on a continuum of character positions.

Following Krippendorff (2004, *Content Analysis*, 2nd ed., pp. 251-256), per code ``c``:

- each coder's continuum is cut into the units coded ``c`` and the gaps between them (everything
  not coded ``c`` is a gap for ``c``); a coder's overlapping spans of one code are merged first, so
  that a coder's units of one code never overlap, but spans that only touch (one ends where the next
  starts) stay two units, as in Krippendorff (1995, "On the reliability of unitizing contiguous
  data", p. 57, examples B and D);
- the squared distance of two sections g (coder i) and h (coder j) is
  ``(b_g - b_h)^2 + (e_g - e_h)^2`` when both are units and overlap, ``l_g^2`` when g is a unit lying
  wholly inside gap h (and the mirror case), and 0 otherwise;
- ``Do_c = sum over ordered coder pairs i != j of the distances / (m (m - 1) L^2)``;
- ``De_c = 2 / L * sum over units g [(N_c - 1) / 3 * (2 l^3 - 3 l^2 + l)
  + l^2 * sum over gaps h with l_h >= l of (l_h - l + 1)] / (m L (m L - 1) - sum over units l (l - 1))``

with m coders, L the length of the continuum and N_c the number of units of ``c`` of all coders.
``alpha_c = 1 - Do_c / De_c`` and overall ``alpha = 1 - sum Do_c / sum De_c``. Several continua
(documents) can be laid end to end: gaps end at a document boundary.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from toolkit.errors import InvalidValue

Span = tuple[int, int]


@dataclass(frozen=True)
class Terms:
    """The sums behind one code's u-alpha, additive over documents."""

    distance: float
    unit_lengths: tuple[int, ...]
    gap_lengths: tuple[int, ...]


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted union of overlapping spans; spans that only touch stay apart (two units)."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def _gaps(units: Sequence[Span], begin: int, end: int) -> list[Span]:
    gaps, pos = [], begin
    for s, e in units:
        if s > pos:
            gaps.append((pos, s))
        pos = max(pos, e)
    if pos < end:
        gaps.append((pos, end))
    return gaps


def _pair_distance(a: Sequence[Span], b: Sequence[Span]) -> float:
    """Distances from coder a's units to coder b's sections, with the mirror gap terms."""
    total = 0.0
    j = 0
    for s, e in a:
        while j < len(b) and b[j][1] <= s:
            j += 1
        k = j
        overlapped = False
        while k < len(b) and b[k][0] < e:
            overlapped = True
            total += (s - b[k][0]) ** 2 + (e - b[k][1]) ** 2
            k += 1
        if not overlapped:
            # the unit lies wholly in a gap of b: counted for (unit g, gap h) and for the
            # mirror term (gap h, unit g) that the ordered pair (b, a) would otherwise miss
            total += 2 * (e - s) ** 2
    return total


def document_terms(spans_by_coder: Mapping[str, Sequence[Span]], begin: int, end: int) -> Terms:
    """One code on one continuum ``[begin, end)``: the sums of :class:`Terms`."""
    coders = list(spans_by_coder)
    units = {c: merge(spans_by_coder[c]) for c in coders}
    for c, spans in units.items():
        for s, e in spans:
            if not begin <= s < e <= end:
                raise InvalidValue(
                    "agreement.span_outside_continuum", start=s, end=e, coder=c, begin=begin, stop=end
                )
    distance = 0.0
    for i in coders:
        for j in coders:
            if i != j:
                distance += _pair_distance(units[i], units[j])
    lengths = tuple(e - s for c in coders for s, e in units[c])
    gaps = tuple(e - s for c in coders for s, e in _gaps(units[c], begin, end))
    return Terms(distance, lengths, gaps)


def _expected(unit_lengths: Sequence[int], gap_lengths: Sequence[int]) -> float:
    """The bracketed sum of De over all units (before the normalising factors)."""
    if not unit_lengths:
        return 0.0
    units = np.asarray(unit_lengths, dtype=np.float64)
    gaps = np.sort(np.asarray(gap_lengths, dtype=np.float64))
    n_units = units.size
    within = (n_units - 1) / 3.0 * (2 * units**3 - 3 * units**2 + units)
    # sum over gaps with l_h >= l of (l_h - l + 1) = S(l) - (l - 1) * C(l)
    suffix = np.concatenate([np.cumsum(gaps[::-1])[::-1], [0.0]])
    first = np.searchsorted(gaps, units, side="left")
    count = gaps.size - first
    gap_sum = suffix[first] - (units - 1.0) * count
    return float((within + units**2 * gap_sum).sum())


def alpha_terms(terms: Sequence[Terms], n_coders: int, length: int) -> tuple[float, float]:
    """``(Do, De)`` of one code from its per-document terms; ``length`` is the total continuum."""
    units = [x for t in terms for x in t.unit_lengths]
    gaps = [x for t in terms for x in t.gap_lengths]
    m, big_l = n_coders, float(length)
    do = sum(t.distance for t in terms) / (m * (m - 1) * big_l**2)
    denominator = m * big_l * (m * big_l - 1) - sum(u * (u - 1) for u in units)
    de = 2.0 / big_l * _expected(units, gaps) / denominator if denominator > 0 else 0.0
    return do, de


def unitized_alpha(
    spans_by_coder: Mapping[str, Sequence[tuple[int, int, str]]],
    *,
    begin: int,
    end: int,
) -> dict[str, object]:
    """Krippendorff's u-alpha of coders' ``(start, end, code)`` spans on ``[begin, end)``.

    Returns ``{"overall": float, "by_code": {code: float}, "observed": {...}, "expected": {...},
    "notes": {...}}``; a code no coder used is absent, a code whose expected disagreement is 0 is
    NaN with a note. Needs two or more coders."""
    return unitized_alpha_documents({"": spans_by_coder}, {"": (begin, end)})


def unitized_alpha_documents(
    spans: Mapping[str, Mapping[str, Sequence[tuple[int, int, str]]]],
    continua: Mapping[str, tuple[int, int]],
) -> dict[str, object]:
    """u-alpha over several continua (``{document: {coder: [(start, end, code)]}}`` and
    ``{document: (begin, end)}``) laid end to end."""
    coders = sorted({c for by_coder in spans.values() for c in by_coder})
    if len(coders) < 2:
        raise InvalidValue("agreement.ualpha_two_coders", coders=coders)
    if end_before := [d for d, (b, e) in continua.items() if e <= b]:
        raise InvalidValue("agreement.continuum_empty", document=end_before[0])
    length = sum(e - b for b, e in continua.values())
    codes = sorted({code for by_coder in spans.values() for rows in by_coder.values() for *_, code in rows})
    observed: dict[str, float] = {}
    expected: dict[str, float] = {}
    by_code: dict[str, float] = {}
    notes: dict[str, str] = {}
    for code in codes:
        terms = []
        for doc, (b, e) in continua.items():
            by_coder = spans.get(doc, {})
            per_coder = {c: [(s, t) for s, t, k in by_coder.get(c, ()) if k == code] for c in coders}
            terms.append(document_terms(per_coder, b, e))
        do, de = alpha_terms(terms, len(coders), length)
        observed[code], expected[code] = do, de
        if de <= 0:
            by_code[code] = math.nan
            notes[code] = "expected disagreement is 0 (the code covers the whole continuum)"
        else:
            by_code[code] = 1.0 - do / de
    total_de = sum(expected.values())
    overall = 1.0 - sum(observed.values()) / total_de if total_de > 0 else math.nan
    if total_de <= 0:
        notes["overall"] = "no code was used, or expected disagreement is 0"
    return {
        "overall": overall,
        "by_code": by_code,
        "observed": observed,
        "expected": expected,
        "notes": notes,
    }


def expected_many(terms: Sequence[Terms]) -> NDArray[np.float64]:
    """The bracketed sum of De (see :func:`_expected`) of several codes at once, one per ``terms``
    entry: the codes' gaps are sorted in one array, keyed by code, instead of one sort per code."""
    n = len(terms)
    uc = np.repeat(np.arange(n), [len(t.unit_lengths) for t in terms])
    units = np.fromiter((x for t in terms for x in t.unit_lengths), dtype=np.int64, count=uc.size)
    gc = np.repeat(np.arange(n), [len(t.gap_lengths) for t in terms])
    gaps = np.fromiter((x for t in terms for x in t.gap_lengths), dtype=np.int64, count=gc.size)
    if units.size == 0:
        return np.zeros(n, dtype=np.float64)
    key = int(max(units.max(), gaps.max() if gaps.size else 0)) + 2
    gkey = np.sort(gc * key + gaps)
    sorted_gaps = (gkey % key).astype(np.float64)
    prefix = np.concatenate([[0.0], np.cumsum(sorted_gaps)])
    first = np.searchsorted(gkey, uc * key + units, side="left")
    last = np.searchsorted(gkey, (uc + 1) * key, side="left")
    u = units.astype(np.float64)
    gap_sum = (prefix[last] - prefix[first]) - (u - 1.0) * (last - first)
    count = np.bincount(uc, minlength=n)
    within = (count[uc] - 1) / 3.0 * (2 * u**3 - 3 * u**2 + u)
    out: NDArray[np.float64] = np.bincount(uc, weights=within + u**2 * gap_sum, minlength=n).astype(
        np.float64
    )
    return out
