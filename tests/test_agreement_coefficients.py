"""Agreement coefficients and u-alpha against published reference values, and the rules for missing
and degenerate data."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pandas as pd
import pytest

from toolkit.agreement.coefficients import bootstrap_alpha, coefficients
from toolkit.agreement.unitized import unitized_alpha
from toolkit.errors import InvalidValue

N = None
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12
# units, values 1-5, * = missing (the same data as irrCAC's ``cac.raw4raters``).
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]

# Fleiss (1971), "Measuring nominal scale agreement among many raters", Psychological Bulletin
# 76(5), p. 379: 30 patients, 6 psychiatrists, 5 diagnoses (each row: the six diagnoses of one patient;
# transcription as in DKPro Statistics' Fleiss1971Test).
FLEISS_1971 = [
    (4, 4, 4, 4, 4, 4), (2, 2, 2, 5, 5, 5), (2, 3, 3, 3, 3, 5), (5, 5, 5, 5, 5, 5), (2, 2, 2, 4, 4, 4),
    (1, 1, 3, 3, 3, 3), (3, 3, 3, 3, 5, 5), (1, 1, 3, 3, 3, 4), (1, 1, 4, 4, 4, 4), (5, 5, 5, 5, 5, 5),
    (1, 4, 4, 4, 4, 4), (1, 2, 4, 4, 4, 4), (2, 2, 2, 3, 3, 3), (1, 4, 4, 4, 4, 4), (2, 2, 4, 4, 4, 5),
    (3, 3, 3, 3, 3, 5), (1, 1, 1, 4, 5, 5), (1, 1, 1, 1, 1, 2), (2, 2, 4, 4, 4, 4), (1, 3, 3, 5, 5, 5),
    (5, 5, 5, 5, 5, 5), (2, 4, 4, 4, 4, 4), (2, 2, 4, 5, 5, 5), (1, 1, 4, 4, 4, 4), (1, 4, 4, 4, 4, 5),
    (2, 2, 2, 2, 2, 4), (1, 1, 1, 1, 5, 5), (2, 2, 4, 4, 4, 4), (1, 3, 3, 3, 3, 3), (5, 5, 5, 5, 5, 5),
]  # fmt: skip

# Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories; each row gives
# how many raters chose categories 1..5.
WIKIPEDIA_FLEISS = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]  # fmt: skip

# irrCAC (Gwet), vignette "Calculating Chance-corrected Agreement Coefficients", dataset
# ``cont3x3abstractors``: 100 pregnant women classified by 2 abstractors (Gwet 2014).
ABSTRACTORS = [[13, 0, 0], [0, 20, 7], [0, 4, 56]]


def _from_table(table: list[list[int]]) -> list[list[int]]:
    """Two raters' raw ratings from a contingency table (rows: rater 1, columns: rater 2)."""
    a: list[int] = []
    b: list[int] = []
    for i, row in enumerate(table):
        for j, n in enumerate(row):
            a += [i] * n
            b += [j] * n
    return [a, b]


def _from_distribution(rows: list[list[int]]) -> list[list[int]]:
    """A raters x subjects matrix from counts per subject and category (raters are exchangeable)."""
    columns = [[k + 1 for k, n in enumerate(row) for _ in range(n)] for row in rows]
    return np.array(columns).T.tolist()


@pytest.mark.parametrize(
    ("level", "expected"), [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)]
)
def test_krippendorff_2011_alpha_with_missing_values(level: str, expected: float) -> None:
    """Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", pp. 3-8: alpha of the
    4 x 12 example with missing values is .743 nominal, .815 ordinal, .849 interval, .797 ratio."""
    result = coefficients(KRIPPENDORFF_2011, level=level)
    assert round(result["krippendorff_alpha"], 3) == expected
    package = krippendorff.alpha(
        reliability_data=np.array(KRIPPENDORFF_2011, dtype=float), level_of_measurement=level
    )
    assert result["krippendorff_alpha"] == pytest.approx(package, abs=1e-12)
    assert result["units_pairable"] == 11 and result["units_single"] == 1


def test_irrcac_raw4raters_with_missing_values() -> None:
    """irrCAC (Gwet 2014), dataset ``cac.raw4raters`` (= the Krippendorff 2011 data above):
    ``pa.coeff.raw`` 0.8181818, ``gwet.ac1.raw`` 0.7754441, ``fleiss.kappa.raw`` 0.7611693,
    ``krippen.alpha.raw`` 0.7434211 - chance agreement of AC1 and Fleiss uses every rated unit,
    observed agreement only the units rated twice or more."""
    result = coefficients(KRIPPENDORFF_2011)
    assert result["percent_agreement"] == pytest.approx(0.8181818, abs=1e-7)
    assert result["gwet_ac1"] == pytest.approx(0.7754441, abs=1e-7)
    assert result["fleiss_kappa"] == pytest.approx(0.7611693, abs=1e-7)
    assert result["krippendorff_alpha"] == pytest.approx(0.7434211, abs=1e-7)
    # Brennan-Prediger with 5 categories: (Pa - 1/5) / (1 - 1/5)
    assert result["brennan_prediger"] == pytest.approx((0.8181818 - 0.2) / 0.8, abs=1e-7)


def test_fleiss_1971_kappa() -> None:
    """Fleiss (1971), Psychological Bulletin 76(5): 378-382, table on p. 379: kappa = .430 with
    observed agreement .556 and chance agreement .220."""
    result = coefficients(np.array(FLEISS_1971).T)
    assert result["fleiss_kappa"] == pytest.approx(0.430, abs=5e-4)
    assert result["percent_agreement"] == pytest.approx(0.5556, abs=1e-3)
    assert result["cohen_kappa"] is None and "two coders" in result["notes"]["cohen_kappa"]


def test_wikipedia_fleiss_example() -> None:
    """Wikipedia, "Fleiss' kappa", worked example (10 subjects, 14 raters): P-bar = 0.378, kappa = 0.210."""
    result = coefficients(_from_distribution(WIKIPEDIA_FLEISS))
    assert result["percent_agreement"] == pytest.approx(0.378, abs=5e-4)
    assert result["fleiss_kappa"] == pytest.approx(0.210, abs=5e-4)


@pytest.mark.parametrize(
    ("y1", "y2", "expected"),
    [
        ([0] * 40 + [1] * 60, [0] * 20 + [1] * 20 + [0] * 10 + [1] * 50, 0.348),
        ([0] * 46 + [1] * 44 + [2] * 10, [0] * 52 + [1] * 32 + [2] * 16, 0.8013),
        ([0] * 46 + [1] * 44 + [2] * 10, [0] * 50 + [1] * 40 + [2] * 10, 0.9315),
    ],
)
def test_cohen_kappa_as_in_scikit_learn(y1: list[int], y2: list[int], expected: float) -> None:
    """scikit-learn, ``sklearn/metrics/tests/test_classification.py::test_cohen_kappa`` (tables from
    Artstein & Poesio 2008): 0.348, 0.8013 and 0.9315; kappa is symmetric in the two coders."""
    decimals = len(str(expected).split(".")[1])
    kappa = coefficients([y1, y2])["cohen_kappa"]
    assert round(kappa, decimals) == expected
    assert coefficients([y2, y1])["cohen_kappa"] == pytest.approx(kappa, abs=1e-15)
    assert coefficients([y1, y1])["cohen_kappa"] == pytest.approx(1.0)


def test_irrcac_abstractors_example() -> None:
    """irrCAC vignette "Calculating Chance-corrected Agreement Coefficients" (Gwet 2014 framework),
    ``cont3x3abstractors``: Cohen 0.7964094, Scott 0.7962397, Gwet's AC1 0.8493305, Brennan-Prediger
    0.835, Krippendorff 0.7972585, percent agreement 0.89."""
    result = coefficients(_from_table(ABSTRACTORS))
    assert result["cohen_kappa"] == pytest.approx(0.7964094, abs=1e-7)
    assert result["scott_pi"] == pytest.approx(0.7962397, abs=1e-7)
    assert result["gwet_ac1"] == pytest.approx(0.8493305, abs=1e-7)
    assert result["brennan_prediger"] == pytest.approx(0.835, abs=1e-7)
    assert result["krippendorff_alpha"] == pytest.approx(0.7972585, abs=1e-7)
    assert result["percent_agreement"] == pytest.approx(0.89)
    # with two coders Conger's kappa is Cohen's and Fleiss' kappa is Scott's pi (Conger 1980)
    assert result["conger_kappa"] == pytest.approx(result["cohen_kappa"])
    assert result["fleiss_kappa"] == pytest.approx(result["scott_pi"])


def test_dataframe_and_string_categories() -> None:
    frame = pd.DataFrame([["ja", "nein", "ja", None], ["ja", "nein", "nein", "ja"]])
    result = coefficients(frame)
    assert result["categories"] == ["ja", "nein"]
    assert coefficients([[1, 2], [2, 2]])["categories"] == [1, 2]
    assert result["units_pairable"] == 3 and result["units_single"] == 1
    assert result["percent_agreement"] == pytest.approx(2 / 3)


def test_unused_category_changes_brennan_prediger_only() -> None:
    data = [[1, 1, 2, 2], [1, 2, 2, 2]]
    two = coefficients(data)
    three = coefficients(data, categories=[1, 2, 3])
    assert two["brennan_prediger"] == pytest.approx((0.75 - 0.5) / 0.5)
    assert three["brennan_prediger"] == pytest.approx((0.75 - 1 / 3) / (2 / 3))
    assert three["cohen_kappa"] == pytest.approx(two["cohen_kappa"])


@pytest.mark.parametrize(
    ("matrix", "reason"),
    [
        ([[1, 1, 1], [1, 1, 1]], "chance agreement is 1"),
        ([[1, N, N], [N, 2, N]], "no unit was coded by two or more coders"),
        ([[N, N], [N, N]], "no unit was coded by two or more coders"),
        ([[1, 2, 3]], "no unit was coded by two or more coders"),
    ],
)
def test_degenerate_data_gives_nan_with_a_reason(matrix: list[list[int | None]], reason: str) -> None:
    result = coefficients(matrix)
    assert math.isnan(result["fleiss_kappa"])
    assert reason in result["notes"]["fleiss_kappa"]
    assert math.isnan(result["krippendorff_alpha"]) and result["notes"]["krippendorff_alpha"]


def test_one_category_with_known_categories_keeps_ac1_and_bp() -> None:
    result = coefficients([[0, 0, 0], [0, 0, 0]], categories=[0, 1])
    assert result["gwet_ac1"] == pytest.approx(1.0)
    assert result["brennan_prediger"] == pytest.approx(1.0)
    assert math.isnan(result["cohen_kappa"])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"level": "nominal", "categories": [1, 2]}, "is not one of the categories"),
        ({"level": "cardinal"}, "level 'cardinal' is unknown"),
    ],
)
def test_invalid_arguments_are_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        coefficients([[1, 2, 3], [1, 2, 3]], **kwargs)  # type: ignore[arg-type]


def test_interval_alpha_needs_numbers() -> None:
    with pytest.raises(InvalidValue, match="numeric categories"):
        coefficients([["a", "b"], ["a", "a"]], level="interval")


def test_bootstrap_is_seeded_and_brackets_alpha() -> None:
    rng = np.random.default_rng(3)
    truth = rng.integers(0, 2, 300)
    noisy = np.where(rng.random(300) < 0.15, 1 - truth, truth)
    data = [truth.tolist(), noisy.tolist()]
    alpha = coefficients(data)["krippendorff_alpha"]
    low, high = bootstrap_alpha(data, draws=2000, seed=7)
    assert (low, high) == bootstrap_alpha(data, draws=2000, seed=7)
    assert low < alpha < high
    # for two categories the ordinal metric equals the nominal one, so the package-based loop
    # (ordinal) and the vectorised nominal draws must give nearly the same interval
    low_o, high_o = bootstrap_alpha(data, level="ordinal", draws=2000, seed=7)
    assert low_o == pytest.approx(low, abs=0.02) and high_o == pytest.approx(high, abs=0.02)


def test_unitized_alpha_krippendorff_2004_example() -> None:
    """Krippendorff (2004), *Content Analysis* (2nd ed.), p. 254: two observers on the continuum
    150-450 with categories c and k; alpha_c = .7286 (Do .0144, De .0532), alpha_k = 1 (De .0490),
    overall .8591 (values as checked by DKPro Statistics' Krippendorff2004Test)."""
    spans = {
        "i": [(225, 295, "c"), (370, 400, "c"), (180, 240, "k"), (300, 350, "k")],
        "j": [(220, 300, "c"), (355, 375, "c"), (400, 420, "c"), (180, 240, "k"), (300, 350, "k")],
    }
    result = unitized_alpha(spans, begin=150, end=450)
    assert result["overall"] == pytest.approx(0.8591, abs=5e-4)
    assert result["by_code"] == {"c": pytest.approx(0.7286, abs=1e-4), "k": pytest.approx(1.0)}
    assert result["observed"]["c"] == pytest.approx(0.0144, abs=1e-4)  # type: ignore[index]
    assert result["expected"]["c"] == pytest.approx(0.0532, abs=1e-4)  # type: ignore[index]
    assert result["expected"]["k"] == pytest.approx(0.0490, abs=1e-4)  # type: ignore[index]


def test_unitized_alpha_edge_cases() -> None:
    same = {"a": [(0, 5, "x"), (10, 20, "x")], "b": [(10, 20, "x"), (0, 5, "x")]}
    assert unitized_alpha(same, begin=0, end=30)["overall"] == pytest.approx(1.0)
    whole = unitized_alpha({"a": [(0, 10, "x")], "b": [(0, 10, "x")]}, begin=0, end=10)
    assert whole["overall"] == pytest.approx(1.0)
    nothing = unitized_alpha({"a": [], "b": []}, begin=0, end=10)
    assert math.isnan(nothing["overall"]) and nothing["by_code"] == {}  # type: ignore[arg-type]
    assert "no code was used" in nothing["notes"]["overall"]  # type: ignore[index]
    missed = unitized_alpha({"a": [(0, 5, "x")], "b": []}, begin=0, end=10)
    assert missed["overall"] < 0.5  # type: ignore[operator]
    with pytest.raises(InvalidValue, match="two or more coders"):
        unitized_alpha({"a": [(0, 5, "x")]}, begin=0, end=10)
    with pytest.raises(InvalidValue, match="outside the continuum"):
        unitized_alpha({"a": [(0, 50, "x")], "b": []}, begin=0, end=10)
