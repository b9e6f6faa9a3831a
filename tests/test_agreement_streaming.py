"""The streaming agreement methods (one document at a time into running tallies) give the same
numbers as the computation on whole matrices they replaced: on random projects (hypothesis), every
method, two and three coders. The reference here builds the full coders x units matrices (unit,
document), sums the per-document tables (segment, character) or calls the all-at-once u-alpha
(``unitized_alpha_documents``)."""

from __future__ import annotations

import math
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from _factories import LUECKEN, OFFENHEIT, TRANSPARENZ, add_text, store_with_codebook
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.agreement.coefficients import bootstrap_alpha, coefficients, coefficients_of
from toolkit.agreement.methods import agreement, pattern_tally, tally_ratings
from toolkit.agreement.segments import character_table, compare_segments
from toolkit.agreement.selection import select
from toolkit.agreement.unitized import unitized_alpha_documents
from toolkit.agreement.units import document_units, presence
from toolkit.codes import code_by_path
from toolkit.store import Store, new_guid, now

SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
CODES = (LUECKEN, TRANSPARENZ, OFFENHEIT)
CODERS = ("anna", "ben", "cem")
TEXTS = (
    "I: Wie war das? Erzählen Sie.\n\nB: Es ging so. Dann kam die Akte. Niemand wusste Bescheid.\n",
    "I: Und danach?\n\nB: Wir haben Transparenz geschaffen. Offen war man nicht immer.\n\nI: Gut.\n",
    "I: Noch etwas?\n\nB: Nein.\n",
)
_STORE: dict[str, Store] = {}


def _store() -> Store:
    """One project for all examples (documents imported once); each example replaces the codings."""
    if "s" not in _STORE:
        store = store_with_codebook(Path(tempfile.mkdtemp(prefix="stream-")))
        for i, text in enumerate(TEXTS):
            add_text(store, text, f"d{i}.txt")
        with store.write("t") as w:
            for name in CODERS:
                w.insert("coders", {"guid": new_guid(), "name": name, "created_at": now()})
        _STORE["s"] = store
    return _STORE["s"]


@st.composite
def codings(draw: st.DrawFn) -> list[tuple[int, int, int, int, int]]:
    """(document index, code index, coder index, start, end) of random codings."""
    out = []
    for _ in range(draw(st.integers(0, 25))):
        doc = draw(st.integers(0, len(TEXTS) - 1))
        length = len(TEXTS[doc])
        start = draw(st.integers(0, length - 1))
        end = draw(st.integers(start + 1, min(length, start + 40)))
        out.append((doc, draw(st.integers(0, 2)), draw(st.integers(0, 2)), start, end))
    return out


def _load(store: Store, rows: list[tuple[int, int, int, int, int]]) -> None:
    code_ids = [code_by_path(store, c).id for c in CODES]
    docs = [store.one("SELECT id FROM documents WHERE name = ?", (f"d{i}",))["id"] for i in range(3)]  # type: ignore[index]
    coders = [store.one("SELECT id FROM coders WHERE name = ?", (n,))["id"] for n in CODERS]  # type: ignore[index]
    stamp = now()
    with store.write("t") as w:
        w.execute("DELETE FROM codings")
        w.store.conn.executemany(
            'INSERT OR IGNORE INTO codings (guid, document_id, code_id, coder_id, start, "end", text, '
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)",
            [(new_guid(), docs[d], code_ids[c], coders[k], s, e, stamp, stamp) for d, c, k, s, e in rows],
        )


def same(got: Any, want: Any) -> bool:
    """Equal up to float rounding; NaN and None (undefined) equal each other."""
    if got is None or (isinstance(got, float) and math.isnan(got)):
        return want is None or (isinstance(want, float) and math.isnan(want))
    return want is not None and not math.isnan(want) and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12)


def _matrix_rows(store: Store, coders: tuple[str, ...], method: str, unit: str) -> dict[str, np.ndarray]:
    """Per code the full coders x units presence matrix, as before streaming."""
    sel = select(store, list(coders))
    grouped = sel.grouped()
    out = {}
    for code in sel.codes:
        parts = []
        for doc in sel.documents:
            if method == "document":
                parts.append(np.array([[1 if grouped.get((doc.name, code.path, c)) else 0] for c in coders]))
                continue
            units = document_units(doc, unit)
            parts.append(
                np.vstack(
                    [
                        presence(len(doc.text), units, grouped.get((doc.name, code.path, c), []), 0)
                        for c in coders
                    ]
                )
            )
        out[code.path] = np.hstack(parts)
    return out


@SETTINGS
@given(rows=codings(), three=st.booleans(), method=st.sampled_from(["unit", "document"]))
def test_unit_and_document_tallies_equal_the_full_matrices(
    rows: list[tuple[int, int, int, int, int]], three: bool, method: str
) -> None:
    store = _store()
    _load(store, rows)
    coders = CODERS if three else CODERS[:2]
    unit = "paragraph"
    result = agreement(store, list(coders), method=method, unit=unit, draws=50, seed=3)
    matrices = _matrix_rows(store, coders, method, unit)
    by_code = {r["code"]: r for r in result.tables["agreement"] if r["scope"] == "code"}
    assert set(by_code) == set(matrices)
    for code, matrix in matrices.items():
        want = coefficients(matrix, categories=[0, 1])
        got = by_code[code]
        assert got["units"] == matrix.shape[1]
        for name in ("percent_agreement", "cohen_kappa", "scott_pi", "fleiss_kappa", "conger_kappa"):
            assert same(got[name], want[name]), (name, got[name], want[name])
        assert same(got["krippendorff_alpha"], want["krippendorff_alpha"])
        low, high = bootstrap_alpha(matrix, categories=[0, 1], draws=50, seed=3)
        assert same(got["alpha_ci_low"], low) and same(got["alpha_ci_high"], high)
    if matrices:
        pooled = np.hstack(list(matrices.values()))
        overall = next(r for r in result.tables["agreement"] if r["scope"] == "overall")
        want_overall = coefficients(pooled, categories=[0, 1])["krippendorff_alpha"]
        assert same(overall["krippendorff_alpha"], want_overall)


@SETTINGS
@given(rows=codings(), three=st.booleans())
def test_segment_character_and_unitized_equal_the_whole_computation(
    rows: list[tuple[int, int, int, int, int]], three: bool
) -> None:
    store = _store()
    _load(store, rows)
    coders = CODERS if three else CODERS[:2]
    sel = select(store, list(coders))
    grouped = sel.grouped()
    a, b = coders[0], coders[1]
    pair = f"{a}/{b}"
    segment = agreement(store, list(coders), method="segment", threshold=60)
    character = agreement(store, list(coders), method="character")
    for code in sel.codes:
        seg = next(r for r in segment.tables["agreement"] if r["code"] == code.path and r["pair"] == pair)
        chars = next(r for r in character.tables["agreement"] if r["code"] == code.path and r["pair"] == pair)
        ma = mb = sa = sb = 0
        table = np.zeros(4, dtype=np.int64)
        for doc in sel.documents:
            x, y = grouped.get((doc.name, code.path, a), []), grouped.get((doc.name, code.path, b), [])
            counts = compare_segments(x, y, threshold=60)
            sa, sb = sa + len(x), sb + len(y)
            ma, mb = ma + len(counts.matched_a), mb + len(counts.matched_b)
            table += character_table(len(doc.text), x, y)
        assert (seg["segments_a"], seg["segments_b"], seg["agreements"]) == (sa, sb, ma + mb)
        assert [chars["both"], chars["only_a"], chars["only_b"], chars["neither"]] == table.tolist()
    unitized = agreement(store, list(coders), method="unitized")
    spans = {
        doc.name: {
            c: [(s.start, s.end, s.code) for s in sel.spans if s.document == doc.name and s.coder == c]
            for c in coders
        }
        for doc in sel.documents
    }
    continua = {doc.name: (0, len(doc.text)) for doc in sel.documents}
    if not continua:
        return
    whole = unitized_alpha_documents(spans, continua)
    for code in sel.codes:
        got = next(r for r in unitized.tables["agreement"] if r["code"] == code.path)
        assert got["observed"] == pytest.approx(whole["observed"][code.path], rel=1e-12, abs=1e-15)  # type: ignore[index]
        assert got["expected"] == pytest.approx(whole["expected"][code.path], rel=1e-12, abs=1e-15)  # type: ignore[index]


def test_pattern_tally_round_trip() -> None:
    rows = np.array([[1, 0, 1, 1, 0], [1, 1, 0, 1, 0], [0, 0, 0, 1, 1]])
    tally = pattern_tally(rows)
    # columns: 0b011, 0b010, 0b001, 0b111, 0b100
    assert tally.tolist() == [0, 1, 1, 1, 1, 0, 0, 1]
    ratings = tally_ratings(tally, 3)
    assert ratings.unit_weights.sum() == 5
    want = coefficients(rows, categories=[0, 1])
    got = coefficients_of(ratings)
    for name in ("percent_agreement", "fleiss_kappa", "conger_kappa", "krippendorff_alpha", "gwet_ac1"):
        assert got[name] == pytest.approx(want[name]), name
