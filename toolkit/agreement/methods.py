"""The agreement methods on coded transcripts, per code, per field of action and overall.

- ``unit``: units are sentences, turns or paragraphs; per code a coders x units matrix of presence
  (see :mod:`toolkit.agreement.units`) and every coefficient of :func:`coefficients`. A field of
  action and the overall row pool the (code, unit) pairs of their codes.
- ``segment``: as in MAXQDA, per pair of coders (see :mod:`toolkit.agreement.segments`).
- ``character``: as in NVivo, per pair of coders, per code and document; code, field and overall
  rows pool the 2 x 2 character tables of their documents and codes.
- ``unitized``: Krippendorff's u-alpha over the documents laid end to end (all coders at once).
- ``document``: presence of each code in each document (coders x documents), every coefficient.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from toolkit.agreement.coefficients import COEFFICIENTS, Ratings, bootstrap_alpha, coefficients_of
from toolkit.agreement.segments import character_tables, matched_many, segment_kappa, table_agreement
from toolkit.agreement.selection import DocCodings, Plan, field_of, plan
from toolkit.agreement.unitized import Terms, alpha_terms, document_terms, expected_many
from toolkit.agreement.units import presence_rows, unit_bounds
from toolkit.codes import CodeRow
from toolkit.errors import InvalidValue
from toolkit.sentence_cache import sentence_cache
from toolkit.store import Store
from toolkit.units import UNIT_KINDS

METHODS = ("unit", "segment", "character", "unitized", "document")
DEFAULT_THRESHOLD = {"unit": 0.0, "segment": 90.0}
BINARY = (0, 1)


@dataclass(frozen=True)
class AgreementResult:
    """Tables of one method as plain rows; ``settings`` says how they were computed, ``documents``
    which documents were compared and ``excluded`` which were not (a compared coder has not coded
    them), as ``{"document", "not_coded_by", "reason"}``."""

    method: str
    settings: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]
    counts: dict[str, int] = field(default_factory=dict)
    documents: tuple[str, ...] = ()
    excluded: tuple[dict[str, Any], ...] = ()


def tally_ratings(tally: NDArray[np.int64], n_coders: int) -> Ratings:
    """A tally of presence patterns (``tally[p]`` units where coder ``k`` marked the code present
    exactly when bit ``k`` of ``p`` is set) as weighted :class:`Ratings` of categories 0 and 1."""
    patterns = np.flatnonzero(tally)
    codes = (patterns[None, :] >> np.arange(n_coders)[:, None]) & 1
    return Ratings(codes.astype(np.int64), BINARY, tally[patterns].astype(np.float64))


def pattern_tally(rows: NDArray[np.int64]) -> NDArray[np.int64]:
    """Count the presence patterns of a coders x units 0/1 matrix (see :func:`tally_ratings`)."""
    n_coders = rows.shape[0]
    keys = (rows.astype(np.int64) << np.arange(n_coders, dtype=np.int64)[:, None]).sum(axis=0)
    out: NDArray[np.int64] = np.bincount(keys, minlength=2**n_coders).astype(np.int64)
    return out


def _coefficient_row(
    scope: str, code: str, fld: str, tally: NDArray[np.int64], n_coders: int, *, boot: Boot
) -> dict[str, Any]:
    ratings = tally_ratings(tally, n_coders)
    result = coefficients_of(ratings)
    low, high = (
        bootstrap_alpha(ratings, draws=boot.draws, seed=boot.seed, confidence=boot.confidence)
        if boot.draws
        else (math.nan,) * 2
    )
    row: dict[str, Any] = {"scope": scope, "code": code, "field": fld, "units": int(tally.sum())}
    row.update({name: result[name] for name in COEFFICIENTS})
    row["alpha_ci_low"], row["alpha_ci_high"] = low, high
    row["notes"] = "; ".join(
        f"{k}: {v}" for k, v in result["notes"].items() if k != "cohen_kappa" or n_coders == 2
    )
    return row


@dataclass(frozen=True)
class Boot:
    """Settings of the bootstrap interval of alpha (``draws`` 0: none)."""

    draws: int
    seed: int
    confidence: float


def _pooled_rows(
    codes: tuple[CodeRow, ...], tallies: dict[str, NDArray[np.int64]], n_coders: int, *, boot: Boot
) -> list[dict[str, Any]]:
    """Rows per code, per field of action (pooled tallies of its codes) and overall."""
    rows = [
        _coefficient_row("code", c.path, field_of(codes, c.path), tallies[c.path], n_coders, boot=boot)
        for c in codes
    ]
    for fld in _fields(codes):
        pooled = sum((tallies[c.path] for c in codes if field_of(codes, c.path) == fld), _zeros(n_coders))
        rows.append(_coefficient_row("field", "", fld, pooled, n_coders, boot=boot))
    if codes:
        pooled = sum((tallies[c.path] for c in codes), _zeros(n_coders))
        rows.append(_coefficient_row("overall", "", "", pooled, n_coders, boot=boot))
    return rows


def _zeros(n_coders: int) -> NDArray[np.int64]:
    return np.zeros(2**n_coders, dtype=np.int64)


Progress = Callable[[int, int], None]


def _stream(
    p: Plan, progress: Progress | None, *, text: bool = True, turns: bool = False
) -> Iterator[DocCodings]:
    """The plan's documents one at a time, telling ``progress(done, total)`` after each."""
    total = len(p.documents)
    for i, item in enumerate(p.each(text=text, turns=turns), start=1):
        yield item
        if progress is not None:
            progress(i, total)


@dataclass
class _Tallies:
    """Running presence-pattern counts per code over the units read so far."""

    n_coders: int
    units: int = 0
    by_code: dict[str, NDArray[np.int64]] = field(default_factory=dict)
    seen: dict[str, int] = field(default_factory=dict)

    def add(self, code: str, rows: NDArray[np.int64]) -> None:
        if code not in self.by_code:
            self.by_code[code], self.seen[code] = _zeros(self.n_coders), 0
        self.by_code[code] += pattern_tally(rows)
        self.seen[code] += rows.shape[1]

    def add_pattern(self, code: str, key: int) -> None:
        """One unit where the coders of the bits of ``key`` marked ``code``."""
        if code not in self.by_code:
            self.by_code[code], self.seen[code] = _zeros(self.n_coders), 0
        self.by_code[code][key] += 1
        self.seen[code] += 1

    def finished(self, codes: tuple[CodeRow, ...]) -> dict[str, NDArray[np.int64]]:
        """Per code: units of documents without the code count as 'absent for everyone'."""
        out = {}
        for c in codes:
            tally = self.by_code.get(c.path, _zeros(self.n_coders)).copy()
            tally[0] += self.units - self.seen.get(c.path, 0)
            out[c.path] = tally
        return out


def unit_method(
    p: Plan, *, unit: str, threshold: float, boot: Boot, progress: Progress | None = None
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int], tuple[CodeRow, ...]]:
    tallies = _Tallies(len(p.coders))
    codings = 0
    m = len(p.coders)
    with sentence_cache(p.store) as cache:
        for item in _stream(p, progress, turns=unit != "paragraph"):
            units = unit_bounds(item.doc, unit, cache)
            tallies.units += len(units)
            codings += sum(len(v) for v in item.spans.values())
            present = item.codes
            spans = [item.of(code, coder) for code in present for coder in p.coders]
            rows = presence_rows(len(item.doc.text), units, spans, threshold)
            rows = rows.reshape(len(present), m, len(units))
            for i, code in enumerate(present):
                tallies.add(code, rows[i])
    codes = p.codes_in_order(set(tallies.by_code))
    table = _pooled_rows(codes, tallies.finished(codes), len(p.coders), boot=boot)
    return {"agreement": table}, {"units": tallies.units, "codings": codings}, codes


def document_method(
    p: Plan, *, boot: Boot, progress: Progress | None = None
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int], tuple[CodeRow, ...]]:
    tallies = _Tallies(len(p.coders))
    bit = {coder: 1 << k for k, coder in enumerate(p.coders)}
    total = len(p.documents)
    for i, (_, pairs) in enumerate(p.each_presence(), start=1):
        tallies.units += 1
        keys: dict[str, int] = {}
        for code, coder in pairs:
            keys[code] = keys.get(code, 0) | bit[coder]
        for code, key in keys.items():
            tallies.add_pattern(code, key)
        if progress is not None:
            progress(i, total)
    codes = p.codes_in_order(set(tallies.by_code))
    table = _pooled_rows(codes, tallies.finished(codes), len(p.coders), boot=boot)
    return {"agreement": table}, {"units": tallies.units}, codes


def _fields(codes: Iterable[CodeRow]) -> list[str]:
    """Fields of action of ``codes`` in codebook order."""
    rows = tuple(codes)
    return list(dict.fromkeys(field_of(rows, c.path) for c in rows))


def _pairs(coders: Sequence[str]) -> list[tuple[str, str]]:
    return list(itertools.combinations(coders, 2))


def segment_method(
    p: Plan, *, threshold: float, progress: Progress | None = None
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int], tuple[CodeRow, ...]]:
    # per (pair, code): segments of a, of b, matched of a, matched of b
    sums: dict[tuple[str, str], NDArray[np.int64]] = {}
    codings = 0
    for item in _stream(p, progress, text=False):
        codings += sum(len(v) for v in item.spans.values())
        present = item.codes
        for a, b in _pairs(p.coders):
            # all codes of the document at once: code i's segments are shifted by i * (max end + 1)
            counts = _segment_counts(
                [item.of(c, a) for c in present], [item.of(c, b) for c in present], threshold
            )
            for code, row in zip(present, counts, strict=True):
                key = (f"{a}/{b}", code)
                sums.setdefault(key, np.zeros(4, dtype=np.int64))
                sums[key] += row
    codes = p.codes_in_order({code for _, code in sums})
    n_codes = len(codes)
    rows: list[dict[str, Any]] = []
    segments = 0
    for a, b in _pairs(p.coders):
        pair = f"{a}/{b}"
        code_rows = []
        for c in codes:
            sa, sb, ma, mb = (int(x) for x in sums.get((pair, c.path), np.zeros(4, dtype=np.int64)))
            fld = field_of(codes, c.path)
            code_rows.append(_segment_row("code", pair, c.path, fld, sa, sb, ma, mb, n_codes))
        segments += sum(r["segments_a"] + r["segments_b"] for r in code_rows)
        rows.extend(code_rows)
        for fld in _fields(codes):
            part = [r for r in code_rows if r["field"] == fld]
            rows.append(_segment_sum("field", pair, "", fld, part, len(part)))
        rows.append(_segment_sum("overall", pair, "", "", code_rows, n_codes))
    return {"agreement": rows}, {"segments": segments, "codings": codings}, codes


def _segment_counts(
    a: Sequence[Sequence[tuple[int, int]]], b: Sequence[Sequence[tuple[int, int]]], threshold: float
) -> NDArray[np.int64]:
    """Per code (rows of ``a`` and ``b``): segments of a, of b, matched ones of a, of b."""
    if not 0 < threshold <= 100:
        raise InvalidValue("threshold.segment", threshold=threshold)
    stride = 1 + max((e for spans in (*a, *b) for _, e in spans), default=0)

    def rows(groups: Sequence[Sequence[tuple[int, int]]]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        code = np.asarray([i for i, spans in enumerate(groups) for _ in spans], dtype=np.int64)
        flat = np.asarray([x for spans in groups for x in spans], dtype=np.int64).reshape(-1, 2)
        return flat + (code * stride)[:, None], code

    ra, ca = rows(a)
    rb, cb = rows(b)
    ma, mb = matched_many(ra, rb, threshold)
    n = len(a)
    return np.stack(
        [
            np.bincount(ca, minlength=n),
            np.bincount(cb, minlength=n),
            np.bincount(ca[ma], minlength=n),
            np.bincount(cb[mb], minlength=n),
        ],
        axis=1,
    ).astype(np.int64)


def _segment_row(
    scope: str, pair: str, code: str, fld: str, sa: int, sb: int, ma: int, mb: int, n_codes: int
) -> dict[str, Any]:
    agreements, disagreements = ma + mb, (sa - ma) + (sb - mb)
    total = agreements + disagreements
    return {
        "scope": scope,
        "pair": pair,
        "code": code,
        "field": fld,
        "segments_a": sa,
        "segments_b": sb,
        "agreements": agreements,
        "disagreements": disagreements,
        "percent_agreement": agreements / total if total else math.nan,
        "kappa": segment_kappa(agreements, disagreements, n_codes),
        "codes": n_codes,
    }


def _segment_sum(
    scope: str, pair: str, code: str, fld: str, rows: Sequence[dict[str, Any]], n_codes: int
) -> dict[str, Any]:
    sa = sum(r["segments_a"] for r in rows)
    sb = sum(r["segments_b"] for r in rows)
    agreements = sum(r["agreements"] for r in rows)
    disagreements = sum(r["disagreements"] for r in rows)
    # matched counts are not needed separately: rebuild the row from the sums
    row = _segment_row(scope, pair, code, fld, sa, sb, 0, 0, n_codes)
    row["agreements"], row["disagreements"] = agreements, disagreements
    total = agreements + disagreements
    row["percent_agreement"] = agreements / total if total else math.nan
    row["kappa"] = segment_kappa(agreements, disagreements, n_codes)
    return row


def character_method(
    p: Plan, *, progress: Progress | None = None
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int], tuple[CodeRow, ...]]:
    pairs = [f"{a}/{b}" for a, b in _pairs(p.coders)]
    lengths: dict[str, int] = {}
    # (pair, code, document) -> (both, only_a, only_b, neither); absent: nobody coded it there
    tables: dict[tuple[str, str, str], tuple[int, int, int, int]] = {}
    codings = 0
    for item in _stream(p, progress):
        lengths[item.doc.name] = len(item.doc.text)
        codings += sum(len(v) for v in item.spans.values())
        present = item.codes
        for (a, b), pair in zip(_pairs(p.coders), pairs, strict=True):
            found = character_tables(
                len(item.doc.text), [item.of(c, a) for c in present], [item.of(c, b) for c in present]
            )
            for code, table in zip(present, found, strict=True):
                tables[(pair, code, item.doc.name)] = table
    codes = p.codes_in_order({code for _, code, _ in tables})
    summary: list[dict[str, Any]] = []
    by_document: list[dict[str, Any]] = []
    for pair in pairs:
        code_tables: dict[str, tuple[int, int, int, int]] = {}
        for c in codes:
            fld = field_of(codes, c.path)
            total = np.zeros(4, dtype=np.int64)
            for name, length in lengths.items():
                table = tables.get((pair, c.path, name), (0, 0, 0, length))
                total += np.asarray(table)
                by_document.append(_character_row("document", pair, c.path, fld, table, name))
            code_tables[c.path] = (int(total[0]), int(total[1]), int(total[2]), int(total[3]))
            summary.append(_character_row("code", pair, c.path, fld, code_tables[c.path]))
        for fld in _fields(codes):
            pooled = np.sum([t for k, t in code_tables.items() if field_of(codes, k) == fld], axis=0)
            summary.append(_character_row("field", pair, "", fld, tuple(int(x) for x in pooled)))
        if code_tables:
            pooled = np.sum(list(code_tables.values()), axis=0)
            summary.append(_character_row("overall", pair, "", "", tuple(int(x) for x in pooled)))
    counts = {"characters": sum(lengths.values()), "codings": codings}
    return {"agreement": summary, "documents": by_document}, counts, codes


def _character_row(
    scope: str, pair: str, code: str, fld: str, table: tuple[int, ...], document: str = ""
) -> dict[str, Any]:
    both, only_a, only_b, neither = table
    po, kappa = table_agreement(both, only_a, only_b, neither)
    row: dict[str, Any] = {"scope": scope, "pair": pair, "code": code, "field": fld}
    if document:
        row["document"] = document
    row.update(
        {
            "both": both,
            "only_a": only_a,
            "only_b": only_b,
            "neither": neither,
            "percent_agreement": po,
            "kappa": kappa,
        }
    )
    return row


def unitized_method(
    p: Plan, *, progress: Progress | None = None
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int], tuple[CodeRow, ...]]:
    m = len(p.coders)
    lengths: dict[str, int] = {}
    terms: dict[str, list[Terms]] = {}  # per code, one entry per document where it occurs
    docs_of: dict[str, set[str]] = {}
    per_doc: dict[str, tuple[float, float]] = {}
    codings = 0
    for item in _stream(p, progress):
        length = len(item.doc.text)
        lengths[item.doc.name] = length
        codings += sum(len(v) for v in item.spans.values())
        found = []
        for code in item.codes:
            t = document_terms({c: item.of(code, c) for c in p.coders}, 0, length)
            terms.setdefault(code, []).append(t)
            docs_of.setdefault(code, set()).add(item.doc.name)
            found.append(t)
        per_doc[item.doc.name] = _document_alpha_terms(found, m, length)
    codes = p.codes_in_order(set(terms))
    total = sum(lengths.values())
    do: dict[str, float] = {}
    de: dict[str, float] = {}
    for c in codes:
        found = terms.get(c.path, [])
        # every document without the code is one gap of its whole length for each coder
        absent = [n for name, n in lengths.items() if n and name not in docs_of.get(c.path, set())]
        found = [*found, Terms(0.0, (), tuple(n for n in absent for _ in range(m)))] if absent else found
        do[c.path], de[c.path] = alpha_terms(found, m, total) if total else (math.nan, math.nan)
    rows = [_u_row("code", c.path, field_of(codes, c.path), [c.path], do, de) for c in codes]
    for fld in _fields(codes):
        members = [c.path for c in codes if field_of(codes, c.path) == fld]
        rows.append(_u_row("field", "", fld, members, do, de))
    if codes:
        rows.append(_u_row("overall", "", "", [c.path for c in codes], do, de))
    documents = [
        {"document": name, "observed": o, "expected": e, "u_alpha": 1 - o / e if e > 0 else math.nan}
        for name, (o, e) in per_doc.items()
    ]
    return {"agreement": rows, "documents": documents}, {"characters": total, "codings": codings}, codes


def _document_alpha_terms(terms: Sequence[Terms], m: int, length: int) -> tuple[float, float]:
    """``(Do, De)`` of one document summed over its codes (as :func:`alpha_terms` per code)."""
    if not length or not terms:
        return 0.0, 0.0
    big_l = float(length)
    do = sum(t.distance for t in terms) / (m * (m - 1) * big_l**2)
    brackets = expected_many(terms)
    de = 0.0
    for t, bracket in zip(terms, brackets.tolist(), strict=True):
        denominator = m * big_l * (m * big_l - 1) - sum(u * (u - 1) for u in t.unit_lengths)
        if t.unit_lengths and denominator > 0:
            de += 2.0 / big_l * bracket / denominator
    return do, de


def _u_row(
    scope: str, code: str, fld: str, codes: Sequence[str], do: dict[str, float], de: dict[str, float]
) -> dict[str, Any]:
    o = sum(do[c] for c in codes)
    e = sum(de[c] for c in codes)
    return {
        "scope": scope,
        "code": code,
        "field": fld,
        "observed": o,
        "expected": e,
        "u_alpha": 1.0 - o / e if e > 0 else math.nan,
        "notes": "" if e > 0 else "expected disagreement is 0",
    }


def agreement(
    store: Store,
    coders: Sequence[str],
    *,
    method: str = "unit",
    unit: str = "sentence",
    threshold: float | None = None,
    code: str | None = None,
    document: str | None = None,
    draws: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    progress: Progress | None = None,
) -> AgreementResult:
    """Run one agreement method on the store's codings of ``coders``; see the module docstring.
    Documents are read one at a time; ``progress(done, total)`` is told after each."""
    if method not in METHODS:
        raise InvalidValue("option.unknown", option="method", value=method, choices=METHODS)
    if unit not in UNIT_KINDS:
        raise InvalidValue("option.unknown", option="unit", value=unit, choices=UNIT_KINDS)
    if draws < 0:
        raise InvalidValue("agreement.draws_none_or_more", draws=draws)
    share = DEFAULT_THRESHOLD.get(method, 0.0) if threshold is None else float(threshold)
    if not 0 <= share <= 100 or (method == "segment" and share == 0):
        raise InvalidValue("threshold.not_percent_method", threshold=threshold)
    p = plan(store, list(coders), code=code, document=document)
    return run(
        p,
        method=method,
        unit=unit,
        threshold=share,
        draws=draws,
        seed=seed,
        confidence=confidence,
        code=code,
        document=document,
        progress=progress,
    )


def run(
    p: Plan,
    *,
    method: str,
    unit: str = "sentence",
    threshold: float = 0.0,
    draws: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    code: str | None = None,
    document: str | None = None,
    progress: Progress | None = None,
) -> AgreementResult:
    """:func:`agreement` on an already decided :class:`Plan`: the documents are read one at a time
    into running tallies; ``progress(done, total)`` is called after each document."""
    boot = Boot(draws, seed, confidence)
    if method == "unit":
        tables, counts, codes = unit_method(p, unit=unit, threshold=threshold, boot=boot, progress=progress)
    elif method == "document":
        tables, counts, codes = document_method(p, boot=boot, progress=progress)
    elif method == "segment":
        tables, counts, codes = segment_method(p, threshold=threshold, progress=progress)
    elif method == "character":
        tables, counts, codes = character_method(p, progress=progress)
    else:
        tables, counts, codes = unitized_method(p, progress=progress)
    counts = {"documents": len(p.documents), "codes": len(codes), **counts}
    settings: dict[str, Any] = {
        "method": method,
        "coders": list(p.coders),
        "unit": unit if method == "unit" else None,
        "threshold": threshold if method in ("unit", "segment") else None,
        "code": code,
        "document": document,
        "draws": draws if method in ("unit", "document") else None,
        "seed": seed if method in ("unit", "document") else None,
        "confidence": confidence if method in ("unit", "document") else None,
    }
    return AgreementResult(
        method,
        settings,
        tables,
        counts,
        p.documents,
        tuple(e.as_dict() for e in p.excluded),
    )
