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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from toolkit.agreement.coefficients import COEFFICIENTS, Ratings, bootstrap_alpha, coefficients_of
from toolkit.agreement.segments import character_table, compare_segments, segment_kappa, table_agreement
from toolkit.agreement.selection import Selection, select
from toolkit.agreement.unitized import alpha_terms, document_terms
from toolkit.agreement.units import UNIT_KINDS, document_units, presence
from toolkit.errors import InvalidValue
from toolkit.store import Store

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


def _ratings(matrix: NDArray[np.int64]) -> Ratings:
    return Ratings(matrix.astype(np.int64), BINARY)


def _coefficient_row(
    scope: str, code: str, fld: str, matrix: NDArray[np.int64], *, draws: int, seed: int, confidence: float
) -> dict[str, Any]:
    ratings = _ratings(matrix)
    result = coefficients_of(ratings)
    low, high = (
        bootstrap_alpha(ratings, draws=draws, seed=seed, confidence=confidence) if draws else (math.nan,) * 2
    )
    row: dict[str, Any] = {"scope": scope, "code": code, "field": fld, "units": int(matrix.shape[1])}
    row.update({name: result[name] for name in COEFFICIENTS})
    row["alpha_ci_low"], row["alpha_ci_high"] = low, high
    row["notes"] = "; ".join(
        f"{k}: {v}" for k, v in result["notes"].items() if k != "cohen_kappa" or matrix.shape[0] == 2
    )
    return row


def _pooled_rows(
    sel: Selection,
    matrices: dict[str, NDArray[np.int64]],
    *,
    draws: int,
    seed: int,
    confidence: float,
) -> list[dict[str, Any]]:
    rows = [
        _coefficient_row("code", code, sel.field(code), m, draws=draws, seed=seed, confidence=confidence)
        for code, m in matrices.items()
    ]
    for fld in _fields(sel, matrices):
        parts = [m for c, m in matrices.items() if sel.field(c) == fld]
        rows.append(
            _coefficient_row(
                "field", "", fld, np.hstack(parts), draws=draws, seed=seed, confidence=confidence
            )
        )
    if matrices:
        rows.append(
            _coefficient_row(
                "overall",
                "",
                "",
                np.hstack(list(matrices.values())),
                draws=draws,
                seed=seed,
                confidence=confidence,
            )
        )
    return rows


def unit_method(
    sel: Selection, *, unit: str, threshold: float, draws: int, seed: int, confidence: float
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int]]:
    grouped = sel.grouped()
    units = {
        d.name: np.asarray(document_units(d, unit), dtype=np.int64).reshape(-1, 2) for d in sel.documents
    }
    matrices: dict[str, NDArray[np.int64]] = {}
    for code in (c.path for c in sel.codes):
        parts = []
        for doc in sel.documents:
            rows = [
                presence(len(doc.text), units[doc.name], grouped.get((doc.name, code, coder), []), threshold)
                for coder in sel.coders
            ]
            parts.append(np.vstack(rows) if rows else np.zeros((len(sel.coders), 0), dtype=np.int64))
        matrices[code] = np.hstack(parts) if parts else np.zeros((len(sel.coders), 0), dtype=np.int64)
    table = _pooled_rows(sel, matrices, draws=draws, seed=seed, confidence=confidence)
    return {"agreement": table}, {"units": sum(len(u) for u in units.values())}


def document_method(
    sel: Selection, *, draws: int, seed: int, confidence: float
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int]]:
    grouped = sel.grouped()
    matrices = {
        code.path: np.array(
            [
                [1 if grouped.get((d.name, code.path, coder)) else 0 for d in sel.documents]
                for coder in sel.coders
            ],
            dtype=np.int64,
        ).reshape(len(sel.coders), len(sel.documents))
        for code in sel.codes
    }
    table = _pooled_rows(sel, matrices, draws=draws, seed=seed, confidence=confidence)
    return {"agreement": table}, {"units": len(sel.documents)}


def _fields(sel: Selection, codes: Iterable[str]) -> list[str]:
    """Fields of action of ``codes`` in codebook order."""
    return list(dict.fromkeys(sel.field(c) for c in codes))


def _pairs(coders: Sequence[str]) -> list[tuple[str, str]]:
    return list(itertools.combinations(coders, 2))


def segment_method(
    sel: Selection, *, threshold: float
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int]]:
    grouped = sel.grouped()
    n_codes = len(sel.codes)
    rows: list[dict[str, Any]] = []
    segments = 0
    for a, b in _pairs(sel.coders):
        pair = f"{a}/{b}"
        code_rows = []
        for code in sel.codes:
            sa = sb = ma = mb = 0
            for doc in sel.documents:
                counts = compare_segments(
                    grouped.get((doc.name, code.path, a), []),
                    grouped.get((doc.name, code.path, b), []),
                    threshold=threshold,
                )
                sa += len(counts.matched_a) + len(counts.unmatched_a)
                sb += len(counts.matched_b) + len(counts.unmatched_b)
                ma += len(counts.matched_a)
                mb += len(counts.matched_b)
            code_rows.append(
                _segment_row("code", pair, code.path, sel.field(code.path), sa, sb, ma, mb, n_codes)
            )
        segments += sum(r["segments_a"] + r["segments_b"] for r in code_rows)
        rows.extend(code_rows)
        for fld in _fields(sel, [r["code"] for r in code_rows]):
            part = [r for r in code_rows if r["field"] == fld]
            rows.append(_segment_sum("field", pair, "", fld, part, len(part)))
        rows.append(_segment_sum("overall", pair, "", "", code_rows, n_codes))
    return {"agreement": rows}, {"segments": segments}


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


def character_method(sel: Selection) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int]]:
    grouped = sel.grouped()
    summary: list[dict[str, Any]] = []
    by_document: list[dict[str, Any]] = []
    for a, b in _pairs(sel.coders):
        pair = f"{a}/{b}"
        code_tables: dict[str, tuple[int, int, int, int]] = {}
        for code in sel.codes:
            total = np.zeros(4, dtype=np.int64)
            for doc in sel.documents:
                table = character_table(
                    len(doc.text),
                    grouped.get((doc.name, code.path, a), []),
                    grouped.get((doc.name, code.path, b), []),
                )
                total += np.asarray(table)
                by_document.append(
                    _character_row("document", pair, code.path, sel.field(code.path), table, doc.name)
                )
            code_tables[code.path] = (int(total[0]), int(total[1]), int(total[2]), int(total[3]))
            summary.append(
                _character_row("code", pair, code.path, sel.field(code.path), code_tables[code.path])
            )
        for fld in _fields(sel, code_tables):
            pooled = np.sum([t for c, t in code_tables.items() if sel.field(c) == fld], axis=0)
            summary.append(_character_row("field", pair, "", fld, tuple(int(x) for x in pooled)))
        if code_tables:
            pooled = np.sum(list(code_tables.values()), axis=0)
            summary.append(_character_row("overall", pair, "", "", tuple(int(x) for x in pooled)))
    return {"agreement": summary, "documents": by_document}, {
        "characters": sum(len(d.text) for d in sel.documents)
    }


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


def unitized_method(sel: Selection) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int]]:
    grouped = sel.grouped()
    m = len(sel.coders)
    length = sum(len(d.text) for d in sel.documents)
    do: dict[str, float] = {}
    de: dict[str, float] = {}
    per_doc: dict[str, tuple[float, float]] = {d.name: (0.0, 0.0) for d in sel.documents}
    for code in sel.codes:
        terms = []
        for doc in sel.documents:
            t = document_terms(
                {c: grouped.get((doc.name, code.path, c), []) for c in sel.coders}, 0, len(doc.text)
            )
            terms.append(t)
            if len(doc.text):
                d_do, d_de = alpha_terms([t], m, len(doc.text))
                per_doc[doc.name] = (per_doc[doc.name][0] + d_do, per_doc[doc.name][1] + d_de)
        do[code.path], de[code.path] = alpha_terms(terms, m, length) if length else (math.nan, math.nan)
    rows = [_u_row("code", c.path, sel.field(c.path), [c.path], do, de) for c in sel.codes]
    for fld in _fields(sel, [c.path for c in sel.codes]):
        rows.append(_u_row("field", "", fld, [c.path for c in sel.codes if sel.field(c.path) == fld], do, de))
    if sel.codes:
        rows.append(_u_row("overall", "", "", [c.path for c in sel.codes], do, de))
    documents = [
        {"document": name, "observed": o, "expected": e, "u_alpha": 1 - o / e if e > 0 else math.nan}
        for name, (o, e) in per_doc.items()
    ]
    return {"agreement": rows, "documents": documents}, {"characters": length}


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
) -> AgreementResult:
    """Run one agreement method on the store's codings of ``coders``; see the module docstring."""
    if method not in METHODS:
        raise InvalidValue(f"method {method!r} is unknown; use one of {', '.join(METHODS)}")
    if unit not in UNIT_KINDS:
        raise InvalidValue(f"unit {unit!r} is unknown; use one of {', '.join(UNIT_KINDS)}")
    if draws < 0:
        raise InvalidValue(f"draws must be 0 (no interval) or more, got {draws}")
    share = DEFAULT_THRESHOLD.get(method, 0.0) if threshold is None else float(threshold)
    if not 0 <= share <= 100 or (method == "segment" and share == 0):
        raise InvalidValue(
            f"threshold {threshold} is not a percentage; use 0-100 (unit) or above 0 up to 100 (segment)"
        )
    sel = select(store, list(coders), code=code, document=document)
    return run(
        sel,
        method=method,
        unit=unit,
        threshold=share,
        draws=draws,
        seed=seed,
        confidence=confidence,
        code=code,
        document=document,
    )


def run(
    sel: Selection,
    *,
    method: str,
    unit: str = "sentence",
    threshold: float = 0.0,
    draws: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    code: str | None = None,
    document: str | None = None,
) -> AgreementResult:
    """:func:`agreement` on an already read :class:`Selection`."""
    if method == "unit":
        tables, counts = unit_method(
            sel, unit=unit, threshold=threshold, draws=draws, seed=seed, confidence=confidence
        )
    elif method == "document":
        tables, counts = document_method(sel, draws=draws, seed=seed, confidence=confidence)
    elif method == "segment":
        tables, counts = segment_method(sel, threshold=threshold)
    elif method == "character":
        tables, counts = character_method(sel)
    else:
        tables, counts = unitized_method(sel)
    counts = {"documents": len(sel.documents), "codes": len(sel.codes), "codings": len(sel.spans), **counts}
    settings: dict[str, Any] = {
        "method": method,
        "coders": list(sel.coders),
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
        tuple(d.name for d in sel.documents),
        tuple(e.as_dict() for e in sel.excluded),
    )
