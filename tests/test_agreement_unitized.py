"""Krippendorff's u-alpha against Krippendorff (1995), "On the reliability of unitizing contiguous
data", Sociological Methodology 25, p. 57: four pairs of observers on a continuum of 24 (examples
A-D, one category each). The published values, as DKPro Statistics' Krippendorff1995Test checks
them: observed disagreement on the continuum of 24, expected disagreement and alpha on the same
pattern stretched to a long continuum (the paper's D_E is for a long continuum)."""

from __future__ import annotations

import pytest

from toolkit.agreement.unitized import merge, unitized_alpha

# (start, length) per observer; example B's Jill and example D's Heather and Hill cut their stretch
# into units that touch (one ends where the next starts)
EXAMPLES: dict[str, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {
    "A": ([(2, 8), (14, 6)], [(4, 4), (15, 2)]),
    "B": ([(0, 18)], [(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)]),
    "C": ([(2, 6), (10, 2), (14, 4), (20, 2)], [(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)]),
    "D": ([(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)], [(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)]),
}
# example: (observed at length 24, expected at length 1,200,000, alpha there)
PUBLISHED = {
    "A": (0.03125, 0.06990, 0.553),
    "B": (2.26736, 1.17731, -0.926),
    "C": (0.02777, 0.08642, 0.679),
    "D": (0.38715, 0.41445, 0.066),
}


def _spans(stretch: int) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = {"first": [], "second": []}
    for code, (first, second) in EXAMPLES.items():
        for observer, units in (("first", first), ("second", second)):
            out[observer] += [(s * stretch, (s + n) * stretch, code) for s, n in units]
    return out


@pytest.mark.parametrize("example", ["A", "B", "C", "D"])
def test_krippendorff_1995_examples(example: str) -> None:
    observed, expected, alpha = PUBLISHED[example]
    short = unitized_alpha(_spans(1), begin=0, end=24)
    assert short["observed"][example] == pytest.approx(observed, abs=1e-5)  # type: ignore[index]
    long = unitized_alpha(_spans(50_000), begin=0, end=24 * 50_000)
    assert long["observed"][example] == pytest.approx(observed, abs=1e-5)  # type: ignore[index]
    assert long["expected"][example] == pytest.approx(expected, abs=0.005)  # type: ignore[index]
    assert long["by_code"][example] == pytest.approx(alpha, abs=0.02)  # type: ignore[index]


def test_touching_units_stay_two_overlapping_ones_merge() -> None:
    assert merge([(5, 10), (0, 5)]) == [(0, 5), (5, 10)]
    assert merge([(0, 6), (5, 10), (12, 14)]) == [(0, 10), (12, 14)]
    # one block against the same stretch cut in two: not perfect agreement
    split = unitized_alpha({"a": [(0, 10, "x")], "b": [(0, 5, "x"), (5, 10, "x")]}, begin=0, end=30)
    assert split["by_code"]["x"] < 1.0  # type: ignore[index]
    same = unitized_alpha(
        {"a": [(0, 5, "x"), (5, 10, "x")], "b": [(0, 5, "x"), (5, 10, "x")]}, begin=0, end=30
    )
    assert same["by_code"]["x"] == pytest.approx(1.0)  # type: ignore[index]


def test_expected_of_many_codes_equals_one_code_at_a_time() -> None:
    import random

    from toolkit.agreement.unitized import Terms, _expected, expected_many

    rng = random.Random(3)
    for _ in range(200):
        terms = [
            Terms(
                0.0,
                tuple(rng.randint(1, 40) for _ in range(rng.randint(0, 6))),
                tuple(rng.randint(1, 60) for _ in range(rng.randint(0, 6))),
            )
            for _ in range(rng.randint(1, 5))
        ]
        want = [_expected(t.unit_lengths, t.gap_lengths) for t in terms]
        assert expected_many(terms).tolist() == pytest.approx(want, rel=1e-12)
