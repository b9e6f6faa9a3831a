"""The agreement methods on coded transcripts, per code, per field of action and overall.

- ``unit``: units are sentences, turns or paragraphs; per code a coders x units matrix of presence
  (see :mod:`toolkit.agreement.units`) and every coefficient of :func:`coefficients`. A field of
  action and the overall row pool the (code, unit) pairs of their codes.
- ``segment``: as in MAXQDA, per pair of coders (see :mod:`toolkit.agreement.segments`).
- ``character``: as in NVivo, per pair of coders, per code and document; code, field and overall
  rows pool the 2 x 2 character tables of their documents and codes.
- ``unitized``: Krippendorff's u-alpha over the documents laid end to end (all coders at once).
- ``document``: presence of each code in each document (coders x documents), every coefficient.

The three methods on coded spans (segment, character, unitized) are in
:mod:`toolkit.agreement.span_methods`; here the methods on units and documents, and :func:`agreement`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from toolkit.agreement.coefficients import COEFFICIENTS, Ratings, bootstrap_alpha, coefficients_of
from toolkit.agreement.selection import Plan, Progress, field_of, fields_in_order, plan, stream_documents
from toolkit.agreement.span_methods import character_method, segment_method, unitized_method
from toolkit.agreement.units import presence_patterns, unit_bounds
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
    for fld in fields_in_order(codes):
        pooled = sum((tallies[c.path] for c in codes if field_of(codes, c.path) == fld), _zeros(n_coders))
        rows.append(_coefficient_row("field", "", fld, pooled, n_coders, boot=boot))
    if codes:
        pooled = sum((tallies[c.path] for c in codes), _zeros(n_coders))
        rows.append(_coefficient_row("overall", "", "", pooled, n_coders, boot=boot))
    return rows


def _zeros(n_coders: int) -> NDArray[np.int64]:
    return np.zeros(2**n_coders, dtype=np.int64)


@dataclass
class _Tallies:
    """Running presence-pattern counts per code over the units read so far."""

    n_coders: int
    units: int = 0
    by_code: dict[str, NDArray[np.int64]] = field(default_factory=dict)
    seen: dict[str, int] = field(default_factory=dict)

    def add_counts(self, code: str, counts: NDArray[np.int64]) -> None:
        """Pattern counts of one document's units (every unit counted once)."""
        if code not in self.by_code:
            self.by_code[code], self.seen[code] = _zeros(self.n_coders), 0
        self.by_code[code] += counts
        self.seen[code] += int(counts.sum())

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
    width = 2 ** len(p.coders)
    row_of = {code_id: i for i, code_id in enumerate(sorted(p._paths))}  # every code's row in grid
    ids = np.array(sorted(row_of), dtype=np.int64)
    grid = np.zeros((len(ids), width), dtype=np.int64)
    used = np.zeros(len(ids), dtype=bool)
    with sentence_cache(p.store) as cache:
        for item in stream_documents(p, progress, turns=unit == "turn"):
            units = unit_bounds(item.doc, unit, cache, stored_turns=True)
            tallies.units += len(units)
            codings += len(item.table)
            coder_ids = np.array(sorted(item.coders), dtype=np.int64)
            bits = np.array([1 << p.coders.index(item.coders[i]) for i in coder_ids.tolist()], dtype=np.int64)
            coded = item.table.copy()
            coded[:, 1] = bits[np.searchsorted(coder_ids, coded[:, 1])]
            found, counts = presence_patterns(units, coded, threshold, width)
            rows = np.searchsorted(ids, found)
            grid[rows] += counts
            used[rows] = True
    for i in np.flatnonzero(used).tolist():
        tallies.add_counts(p._paths[int(ids[i])], grid[i])
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
