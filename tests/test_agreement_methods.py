"""The agreement methods on coded transcripts: a tiny project whose values are worked out by hand,
and the demo project of coders anna and ben."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from _factories import (
    LUECKEN,
    OFFENHEIT,
    TRANSPARENZ,
    add_text,
    two_coder_project,
)

from toolkit.agreement.methods import agreement
from toolkit.codings import add_coding
from toolkit.errors import InvalidValue, NotFound
from toolkit.project import ROOT, create_demo
from toolkit.store import Store, open_store

# Sentences: s1 = 3-18 "Eins zwei drei.", s2 = 23-39 "Vier fünf sechs.", s3 = 40-57; 58 characters.


@pytest.fixture()
def project(tmp_path: Path) -> Store:
    return two_coder_project(tmp_path)


def _row(rows: list[dict[str, Any]], scope: str, key: str = "") -> dict[str, Any]:
    return next(r for r in rows if r["scope"] == scope and (not key or key in (r["code"], r["field"])))


def test_unit_method_by_hand(project: Store) -> None:
    rows = agreement(project, ["anna", "ben"], method="unit", unit="sentence", draws=200).tables["agreement"]
    luecken = _row(rows, "code", LUECKEN)
    # anna [1, 1, 0], ben [1, 0, 0]: po 2/3, pe 4/9 -> kappa 0.4; coincidences give alpha 4/9
    assert luecken["units"] == 3
    assert luecken["percent_agreement"] == pytest.approx(2 / 3)
    assert luecken["cohen_kappa"] == pytest.approx(0.4)
    assert luecken["krippendorff_alpha"] == pytest.approx(4 / 9)
    assert _row(rows, "code", OFFENHEIT)["cohen_kappa"] == pytest.approx(1.0)
    # Transparenz: ben's half sentence touches s2, so with threshold 0 both have it there
    assert _row(rows, "code", TRANSPARENZ)["cohen_kappa"] == pytest.approx(1.0)
    # field Information pools Lücken and Transparenz: po 5/6, pe 1/2 -> 2/3
    assert _row(rows, "field", "Information")["cohen_kappa"] == pytest.approx(2 / 3)
    # overall pools 9 (code, unit) pairs: po 8/9, pe 42/81 -> 30/39
    overall = _row(rows, "overall")
    assert overall["cohen_kappa"] == pytest.approx(30 / 39)
    assert overall["alpha_ci_low"] <= overall["krippendorff_alpha"] <= overall["alpha_ci_high"]


def test_unit_threshold_is_a_share_of_the_unit(project: Store) -> None:
    at_50 = agreement(project, ["anna", "ben"], method="unit", threshold=50, code=TRANSPARENZ, draws=0)
    at_60 = agreement(project, ["anna", "ben"], method="unit", threshold=60, code=TRANSPARENZ, draws=0)
    assert _row(at_50.tables["agreement"], "code", TRANSPARENZ)["cohen_kappa"] == pytest.approx(1.0)
    # at 60 % ben's half sentence no longer counts: anna [0,1,0], ben [0,0,0] -> po 2/3, kappa 0
    row = _row(at_60.tables["agreement"], "code", TRANSPARENZ)
    assert row["percent_agreement"] == pytest.approx(2 / 3)
    assert row["cohen_kappa"] == pytest.approx(0.0)
    assert math.isnan(row["alpha_ci_low"])  # draws=0: no interval


def test_turn_and_paragraph_units(project: Store) -> None:
    turns = agreement(project, ["anna", "ben"], method="unit", unit="turn", draws=0)
    assert turns.counts["units"] == 2
    paragraphs = agreement(project, ["anna", "ben"], method="unit", unit="paragraph", draws=0)
    assert paragraphs.counts["units"] == 2
    assert _row(turns.tables["agreement"], "code", LUECKEN)["percent_agreement"] == pytest.approx(0.5)


def test_segment_method_by_hand(project: Store) -> None:
    rows = agreement(project, ["anna", "ben"], method="segment").tables["agreement"]
    assert [(r["agreements"], r["disagreements"]) for r in rows if r["scope"] == "code"] == [
        (2, 1),  # Lücken: s1 matched on both sides, anna's s2 unmatched
        (0, 2),  # Transparenz: 8 of 16 characters overlap = 50 % < 90 %
        (2, 0),  # Offenheit
    ]
    overall = _row(rows, "overall")
    assert overall["pair"] == "anna/ben"
    assert overall["percent_agreement"] == pytest.approx(4 / 7)
    assert overall["kappa"] == pytest.approx((4 / 7 - 1 / 3) / (2 / 3))  # Pc = 1 / 3 codes
    assert _row(rows, "field", "Information")["kappa"] == pytest.approx(-0.2)  # 2/5 with Pc 1/2
    assert math.isnan(_row(rows, "field", "Mensch")["kappa"])  # one code: no chance model
    lenient = agreement(project, ["anna", "ben"], method="segment", threshold=50).tables["agreement"]
    assert _row(lenient, "overall")["percent_agreement"] == pytest.approx(6 / 7)


def test_character_method_by_hand(project: Store) -> None:
    result = agreement(project, ["anna", "ben"], method="character")
    luecken = _row(result.tables["agreement"], "code", LUECKEN)
    assert (luecken["both"], luecken["only_a"], luecken["only_b"], luecken["neither"]) == (15, 16, 0, 27)
    assert luecken["percent_agreement"] == pytest.approx(42 / 58)
    assert luecken["kappa"] == pytest.approx(810 / 1738)
    assert [r["document"] for r in result.tables["documents"]] == ["t"] * 3


def test_unitized_method(project: Store) -> None:
    result = agreement(project, ["anna", "ben"], method="unitized")
    rows = result.tables["agreement"]
    assert _row(rows, "code", OFFENHEIT)["u_alpha"] == pytest.approx(1.0)
    assert _row(rows, "code", LUECKEN)["u_alpha"] < 1.0
    overall = _row(rows, "overall")
    assert overall["u_alpha"] == pytest.approx(1 - overall["observed"] / overall["expected"])
    assert result.tables["documents"][0]["u_alpha"] == pytest.approx(overall["u_alpha"])


def test_document_presence_with_one_document_is_degenerate_not_a_crash(project: Store) -> None:
    rows = agreement(project, ["anna", "ben"], method="document").tables["agreement"]
    overall = _row(rows, "overall")
    assert overall["percent_agreement"] == pytest.approx(1.0)
    assert math.isnan(overall["cohen_kappa"]) and "chance agreement is 1" in overall["notes"]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"coders": ["anna"]}, InvalidValue, "two or more coders"),
        ({"coders": ["anna", "zoe"]}, NotFound, "no coder 'zoe'; coders are: anna, ben"),
        ({"coders": ["anna", "ben"], "method": "magic"}, InvalidValue, "method 'magic' is unknown"),
        ({"coders": ["anna", "ben"], "unit": "word"}, InvalidValue, "unit 'word' is unknown"),
        ({"coders": ["anna", "ben"], "threshold": 150}, InvalidValue, "not a percentage"),
        ({"coders": ["anna", "ben"], "document": "nope"}, NotFound, "no document 'nope'"),
    ],
)
def test_errors_name_the_value(project: Store, kwargs: dict[str, Any], error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        agreement(project, **kwargs)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Store:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    create_demo(db, ROOT, actor="t")
    return open_store(db)


@pytest.mark.parametrize("method", ["unit", "segment", "character", "unitized", "document"])
def test_demo_project_every_method(demo: Store, method: str) -> None:
    result = agreement(demo, ["anna", "ben"], method=method, draws=200)
    assert result.counts["documents"] == 3
    overall = _row(result.tables["agreement"], "overall")
    value = overall.get("krippendorff_alpha", overall.get("kappa", overall.get("u_alpha")))
    assert value is not None and 0.3 < value < 1.0  # realistic, deliberate disagreement
    fields = {r["field"] for r in result.tables["agreement"] if r["scope"] == "field"}
    assert fields == {"Information", "Mensch", "Produkt", "Organisation"}


def test_demo_segments_count_every_coding(demo: Store) -> None:
    result = agreement(demo, ["anna", "ben"], method="segment")
    overall = _row(result.tables["agreement"], "overall")
    assert overall["segments_a"] + overall["segments_b"] == result.counts["codings"]


def test_interval_arithmetic_matches_counting_characters() -> None:
    """The span arithmetic behind presence and the character tables equals counting characters."""
    import random

    import numpy as np

    from toolkit.agreement.segments import character_table
    from toolkit.agreement.units import presence

    rng = random.Random(5)
    for _ in range(200):
        length = rng.randint(1, 60)
        spans = [
            (s, rng.randint(s + 1, length)) for s in (rng.randrange(length) for _ in range(rng.randint(0, 5)))
        ]
        other = [
            (s, rng.randint(s + 1, length)) for s in (rng.randrange(length) for _ in range(rng.randint(0, 5)))
        ]
        a = np.zeros(length, dtype=bool)
        b = np.zeros(length, dtype=bool)
        for s, e in spans:
            a[s:e] = True
        for s, e in other:
            b[s:e] = True
        expected = (int((a & b).sum()), int((a & ~b).sum()), int((~a & b).sum()), int((~a & ~b).sum()))
        assert character_table(length, spans, other) == expected
        units = [(0, length // 2), (length // 2, length)] if length > 1 else [(0, 1)]
        threshold = rng.choice([0, 25, 50, 100])
        got = presence(length, units, spans, threshold).tolist()
        want = [int(a[s:e].sum() > 0 and a[s:e].sum() * 100 >= threshold * (e - s)) for s, e in units]
        assert got == want


def test_three_coders_use_multi_rater_coefficients_and_pairs(project: Store) -> None:
    add_coding(project, "t", 3, 18, LUECKEN, coder="cem")
    add_coding(project, "t", 40, 57, OFFENHEIT, coder="cem")
    unit = agreement(project, ["anna", "ben", "cem"], method="unit", draws=0).tables["agreement"]
    luecken = _row(unit, "code", LUECKEN)
    assert luecken["cohen_kappa"] is None
    # presence anna [1,1,0], ben [1,0,0], cem [1,0,0]: pairs agreeing per unit 3/3, 1/3, 3/3
    assert luecken["percent_agreement"] == pytest.approx(7 / 9)
    assert not math.isnan(luecken["fleiss_kappa"]) and not math.isnan(luecken["conger_kappa"])
    segment = agreement(project, ["anna", "ben", "cem"], method="segment").tables["agreement"]
    assert {r["pair"] for r in segment} == {"anna/ben", "anna/cem", "ben/cem"}
    unitized = agreement(project, ["anna", "ben", "cem"], method="unitized").tables["agreement"]
    assert _row(unitized, "code", OFFENHEIT)["u_alpha"] == pytest.approx(1.0)


def test_code_filter_keeps_documents_coded_with_other_codes(project: Store) -> None:
    add_text(project, "I: Noch ein Satz.\n", "u.txt")
    add_coding(project, "u", 3, 17, OFFENHEIT, coder="anna")
    add_coding(project, "u", 3, 10, OFFENHEIT, coder="ben")
    result = agreement(project, ["anna", "ben"], method="unit", code=LUECKEN, draws=0)
    assert result.counts["documents"] == 2
    assert _row(result.tables["agreement"], "code", LUECKEN)["units"] == 4


def test_presence_patterns_equal_presence_one_code_and_coder_at_a_time() -> None:
    import random

    import numpy as np

    from toolkit.agreement.units import presence, presence_patterns

    rng = random.Random(5)
    for case in range(600):
        length = rng.randint(1, 80)
        cuts = sorted(rng.sample(range(1, length + 1), rng.randint(1, min(8, length))))
        units = [(a, b) for a, b in zip([0, *cuts[:-1]], cuts, strict=True) if b > a]
        units = [(a + rng.randint(0, 1), b) for a, b in units if b > a + 1] or [(0, length)]  # gaps
        if case % 10 == 0:  # overlapping or unsorted units: the general rule
            units = [*units, (0, length)]
        rows = []
        for code in sorted(rng.sample(range(1, 9), rng.randint(1, 3))):
            for bit in (1, 2, 4):
                for _ in range(rng.randint(0, 4)):
                    s = rng.randrange(length + 1)
                    rows.append((code, bit, s, rng.randint(s, length)))  # empty spans too
        rows.sort()
        threshold = rng.choice([0, 30, 50, 100])
        bounds = np.array(units, dtype=np.int64)
        table = np.array(rows, dtype=np.int64).reshape(-1, 4)
        codes, counts = presence_patterns(bounds, table, threshold, 8)
        assert codes.tolist() == sorted({r[0] for r in rows})
        for code, got in zip(codes.tolist(), counts.tolist(), strict=True):
            keys = np.zeros(len(units), dtype=np.int64)
            for bit in (1, 2, 4):
                spans = [(s, e) for c, b, s, e in rows if c == code and b == bit]
                keys += bit * presence(length, bounds, spans, threshold)
            assert got == np.bincount(keys, minlength=8).tolist(), (units, rows, threshold)


def test_matched_many_equals_compare_segments() -> None:
    import random

    import numpy as np

    from toolkit.agreement.segments import compare_segments, matched_many

    rng = random.Random(11)
    for _ in range(400):

        def spans() -> list[tuple[int, int]]:
            out = set()
            for _ in range(rng.randint(0, 6)):
                s = rng.randrange(60)
                out.add((s, rng.randint(s + 1, 70)))
            return sorted(out)

        a, b = spans(), spans()
        threshold = rng.choice([1, 30, 50, 66.7, 90, 100])
        want = compare_segments(a, b, threshold=threshold)
        ma, mb = matched_many(np.array(a).reshape(-1, 2), np.array(b).reshape(-1, 2), threshold)
        assert [s for s, ok in zip(a, ma, strict=True) if ok] == list(want.matched_a)
        assert [s for s, ok in zip(b, mb, strict=True) if ok] == list(want.matched_b)


def test_character_tables_equal_one_code_at_a_time() -> None:
    import random

    from toolkit.agreement.segments import character_table, character_tables

    rng = random.Random(13)
    for _ in range(300):
        length = rng.randint(1, 90)

        def spans(length: int) -> list[tuple[int, int]]:
            out = []
            for _ in range(rng.randint(0, 5)):
                s = rng.randrange(length)
                out.append((s, rng.randint(s + 1, length)))
            return out

        a = [spans(length) for _ in range(rng.randint(1, 4))]
        b = [spans(length) for _ in a]
        want = [character_table(length, x, y) for x, y in zip(a, b, strict=True)]
        assert character_tables(length, a, b) == want
