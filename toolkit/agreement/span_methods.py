"""The agreement methods on coded spans (see :mod:`toolkit.agreement.methods` for all methods):

- ``segment``: as in MAXQDA, per pair of coders (see :mod:`toolkit.agreement.segments`).
- ``character``: as in NVivo, per pair of coders, per code and document; code, field and overall
  rows pool the 2 x 2 character tables of their documents and codes.
- ``unitized``: Krippendorff's u-alpha over the documents laid end to end (all coders at once).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from toolkit.agreement.segments import character_tables, matched_many, segment_kappa, table_agreement
from toolkit.agreement.selection import (
    Plan,
    Progress,
    coder_pairs,
    field_of,
    fields_in_order,
    stream_documents,
)
from toolkit.agreement.unitized import Terms, alpha_terms, document_terms, expected_many
from toolkit.codes import CodeRow
from toolkit.errors import InvalidValue


def segment_method(
    p: Plan, *, threshold: float, progress: Progress | None = None
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, int], tuple[CodeRow, ...]]:
    # per (pair, code): segments of a, of b, matched of a, matched of b
    sums: dict[tuple[str, str], NDArray[np.int64]] = {}
    codings = 0
    for item in stream_documents(p, progress, text=False):
        codings += sum(len(v) for v in item.spans.values())
        present = item.codes
        for a, b in coder_pairs(p.coders):
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
    for a, b in coder_pairs(p.coders):
        pair = f"{a}/{b}"
        code_rows = []
        for c in codes:
            sa, sb, ma, mb = (int(x) for x in sums.get((pair, c.path), np.zeros(4, dtype=np.int64)))
            fld = field_of(codes, c.path)
            code_rows.append(_segment_row("code", pair, c.path, fld, sa, sb, ma, mb, n_codes))
        segments += sum(r["segments_a"] + r["segments_b"] for r in code_rows)
        rows.extend(code_rows)
        for fld in fields_in_order(codes):
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
    pairs = [f"{a}/{b}" for a, b in coder_pairs(p.coders)]
    lengths: dict[str, int] = {}
    # (pair, code, document) -> (both, only_a, only_b, neither); absent: nobody coded it there
    tables: dict[tuple[str, str, str], tuple[int, int, int, int]] = {}
    codings = 0
    for item in stream_documents(p, progress):
        lengths[item.doc.name] = len(item.doc.text)
        codings += sum(len(v) for v in item.spans.values())
        present = item.codes
        for (a, b), pair in zip(coder_pairs(p.coders), pairs, strict=True):
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
        for fld in fields_in_order(codes):
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
    for item in stream_documents(p, progress):
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
    for fld in fields_in_order(codes):
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
