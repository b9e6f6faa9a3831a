"""Agreement coefficients of a coders x units matrix of categories.

Rules (also in ``docs/agreement.md``):

- A missing value is ``None`` or NaN. Observed agreement uses the units that at least two coders
  coded (*pairable* units); units coded by one coder only are counted in ``units_single``, are left
  out of Krippendorff's alpha, Scott's pi and Cohen's kappa, and count only for the chance
  agreement of Fleiss' kappa, Gwet's AC1 and Conger's kappa (category shares over every rated unit,
  as in Gwet 2014 and irrCAC). Cohen's kappa needs exactly two coders and uses the units both coded.
- The categories are those observed, unless ``categories`` lists them (needed by Brennan-Prediger
  and Gwet's AC1 when a category was available but never used).
- A coefficient that is undefined for the data (no pairable unit, one category only so that chance
  agreement is total) is NaN and ``notes[name]`` says why; nothing raises for such data.
"""

from __future__ import annotations

import functools
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import krippendorff
import numpy as np
from numpy.typing import NDArray

from toolkit.errors import InvalidValue

LEVELS = ("nominal", "ordinal", "interval", "ratio")
COEFFICIENTS = (
    "percent_agreement",
    "cohen_kappa",
    "scott_pi",
    "fleiss_kappa",
    "conger_kappa",
    "krippendorff_alpha",
    "gwet_ac1",
    "brennan_prediger",
)
NAN = float("nan")


@dataclass(frozen=True)
class Ratings:
    """A matrix encoded for counting: ``codes[coder, unit]`` is a category index or -1 (missing).
    With ``weights`` each column stands for ``weights[unit]`` units that were rated alike (a tally
    of rating patterns, as the streaming agreement methods build); without, every column is one
    unit. Every coefficient and the bootstrap give the same result on a tally as on the matrix it
    stands for."""

    codes: NDArray[np.int64]
    values: tuple[Any, ...]
    weights: NDArray[np.float64] | None = None

    @property
    def unit_weights(self) -> NDArray[np.float64]:
        """How many units each column stands for (ones without ``weights``)."""
        if self.weights is None:
            return np.ones(self.codes.shape[1], dtype=np.float64)
        return np.asarray(self.weights, dtype=np.float64)

    @functools.cached_property
    def counts(self) -> NDArray[np.float64]:
        """units x categories: how many coders put each unit into each category."""
        n_coders, n_units = self.codes.shape
        out = np.zeros((n_units, len(self.values)), dtype=np.float64)
        cols = np.arange(n_units)
        for g in range(n_coders):
            row = self.codes[g]
            ok = row >= 0
            out[cols[ok], row[ok]] += 1.0
        return out


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def encode(matrix: Any, categories: Sequence[Any] | None = None) -> Ratings:
    """Encode a coders x units matrix (nested lists, numpy array or DataFrame) as category indices.

    Categories are sorted when they can be (numbers, strings); a value not in ``categories`` is an
    error that names it."""
    pandas = sys.modules.get("pandas")  # a DataFrame exists only once pandas is loaded
    raw = matrix.to_numpy() if pandas is not None and isinstance(matrix, pandas.DataFrame) else matrix
    numeric_input = isinstance(raw, np.ndarray) and raw.dtype.kind in "biuf"
    array = np.asarray(raw, dtype=float if numeric_input else object)
    if array.ndim != 2:
        raise InvalidValue("agreement.matrix_shape", dimensions=array.ndim)
    flat = array.ravel()
    infinite = (
        np.isinf(flat).any()
        if numeric_input
        else any(isinstance(v, float | np.floating) and math.isinf(v) for v in flat)
    )
    if infinite:
        raise InvalidValue("agreement.matrix_infinite")
    if numeric_input:
        pass  # already floats with NaN for missing: the fast path for large matrices
    elif array.size and all(isinstance(v, (int, float, np.number)) or v is None for v in flat[:1000]):
        import pandas as pd  # loaded for mixed or object matrices only

        numeric = pd.to_numeric(pd.Series(flat), errors="coerce").to_numpy(dtype=float)
        if not np.isnan(numeric[[not _missing(v) for v in flat]]).any():
            flat = numeric
    if categories is not None:
        values = tuple(categories)
        lookup = {v: i for i, v in enumerate(values)}
        codes = np.full(flat.shape[0], -1, dtype=np.int64)
        if flat.dtype.kind == "f" and all(isinstance(v, int | float) for v in values):
            order = np.argsort(np.asarray(values, dtype=float))
            known = np.asarray(values, dtype=float)[order]
            present = ~np.isnan(flat)
            pos = np.clip(np.searchsorted(known, flat[present]), 0, len(known) - 1)
            if present.any() and (known.size == 0 or not np.array_equal(known[pos], flat[present])):
                bad = flat[present][known[pos] != flat[present]] if known.size else flat[present]
                raise InvalidValue(
                    "agreement.value_not_category", value=_plain_value(bad[0]), categories=list(values)
                )
            codes[present] = order[pos]
            return Ratings(codes.reshape(array.shape), values)
        for i, v in enumerate(flat):
            if _missing(v):
                continue
            key = v.item() if isinstance(v, np.generic) else v
            if key not in lookup:
                raise InvalidValue("agreement.value_not_category", value=key, categories=list(values))
            codes[i] = lookup[key]
    else:
        import pandas as pd

        try:
            idx, uniques = pd.factorize(pd.Series(flat), sort=True, use_na_sentinel=True)
        except TypeError:
            idx, uniques = pd.factorize(pd.Series(flat), sort=False, use_na_sentinel=True)
        codes = idx.astype(np.int64)
        values = tuple(_plain_value(v) for v in uniques)
    return Ratings(codes.reshape(array.shape), values)


def _plain_value(value: Any) -> Any:
    """numpy scalars as Python values; whole-number floats as ints (1.0 -> 1)."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _chance_corrected(pa: float, pe: float, name: str, notes: dict[str, str]) -> float:
    if pe >= 1.0 - 1e-12:
        notes[name] = "chance agreement is 1 (only one category occurs), so the coefficient is undefined"
        return NAN
    return (pa - pe) / (1.0 - pe)


def _alpha(counts: NDArray[np.float64], values: tuple[Any, ...], level: str) -> float:
    """Krippendorff's alpha through the ``krippendorff`` package on the value counts."""
    if level in ("interval", "ratio"):
        try:
            domain: Sequence[Any] = [float(v) for v in values]
        except (TypeError, ValueError):
            raise InvalidValue(
                "agreement.level_needs_numbers", level=level, categories=list(values)[:5]
            ) from None
        if level == "ratio" and any(d < 0 for d in domain):
            raise InvalidValue("agreement.ratio_negative", minimum=min(domain))
        if len(set(domain)) < len(domain):
            raise InvalidValue(
                "agreement.categories_same_number", categories=[repr(v) for v in list(values)[:5]]
            )
    else:
        domain = list(range(len(values)))
    return float(
        krippendorff.alpha(
            value_counts=counts,
            value_domain=domain,
            level_of_measurement=level,  # type: ignore[arg-type]
        )
    )


def nominal_alpha(counts: NDArray[np.float64], weights: NDArray[np.float64]) -> float:
    """Nominal alpha of pairable units x categories ``counts``, each row standing for ``weights``
    units: 1 - (n - 1)(n - D) / (n^2 - sum n_c^2) with n pairable values, D coincidences on the
    diagonal and n_c value totals (Krippendorff 2011); equal to the ``krippendorff`` package."""
    m = counts.sum(axis=1)
    total = float(weights @ m)
    d = float(weights @ ((counts * (counts - 1.0)).sum(axis=1) / (m - 1.0)))
    nc = weights @ counts
    denominator = total**2 - float((nc**2).sum())
    return 1.0 - (total - 1.0) * (total - d) / denominator if denominator > 0 else NAN


def alpha_from_counts(counts: NDArray[np.float64], values: tuple[Any, ...], *, level: str) -> float:
    """Alpha of pairable units given as units x categories counts; NaN when undefined."""
    pairable = counts[counts.sum(axis=1) >= 2]
    if pairable.shape[0] == 0 or np.count_nonzero(pairable.sum(axis=0)) < 2:
        return NAN
    return _alpha(pairable, values, level)


def coefficients(
    matrix: Any,
    *,
    level: str = "nominal",
    categories: Sequence[Any] | None = None,
) -> dict[str, Any]:
    """All coefficients of a coders x units matrix; see the module docstring for the rules.

    Returns the coefficients (floats, NaN when undefined; ``cohen_kappa`` is None unless there are
    exactly two coders) plus ``coders``, ``units``, ``units_pairable``, ``units_single``,
    ``categories`` and ``notes`` (coefficient -> reason it is NaN or None)."""
    if level not in LEVELS:
        raise InvalidValue("option.unknown", option="level", value=level, choices=LEVELS)
    ratings = encode(matrix, categories)
    return coefficients_of(ratings, level=level)


def coefficients_of(ratings: Ratings, *, level: str = "nominal") -> dict[str, Any]:
    """:func:`coefficients` of an already encoded matrix."""
    notes: dict[str, str] = {}
    codes = ratings.codes
    n_coders = codes.shape[0]
    weights = ratings.unit_weights
    n_units = round(float(weights.sum()))
    q = len(ratings.values)
    counts = ratings.counts
    rated = counts.sum(axis=1)
    pairable = (rated >= 2) & (weights > 0)
    out: dict[str, Any] = {
        "coders": n_coders,
        "units": n_units,
        "units_pairable": round(float(weights[pairable].sum())),
        "units_single": round(float(weights[rated == 1].sum())),
        "categories": list(ratings.values),
        "level": level,
        "notes": notes,
    }
    if n_coders < 2 or not pairable.any():
        for name in COEFFICIENTS:
            out[name] = NAN
            notes[name] = "no unit was coded by two or more coders"
        if n_coders != 2:
            out["cohen_kappa"] = None
            notes["cohen_kappa"] = f"Cohen's kappa needs exactly two coders, not {n_coders}"
        return out
    c = counts[pairable]
    r = rated[pairable]
    wp = weights[pairable]
    n = float(wp.sum())
    # observed agreement: share of agreeing coder pairs per unit, averaged over units
    pa = float(wp @ ((c * (c - 1.0)).sum(axis=1) / (r * (r - 1.0))) / n)
    out["percent_agreement"] = pa
    # Fleiss / Gwet: category shares averaged over every unit rated at all (Gwet 2014, ch. 2;
    # as irrCAC), so units coded by one coder only count for chance agreement, not for Pa
    any_rated = (rated >= 1) & (weights > 0)
    wr = weights[any_rated]
    pi_k = (wr @ (counts[any_rated] / rated[any_rated, None])) / wr.sum()
    out["fleiss_kappa"] = _chance_corrected(pa, float((pi_k**2).sum()), "fleiss_kappa", notes)
    # Scott's pi: pooled shares of all pairable ratings
    pooled_counts = wp @ c
    pooled = pooled_counts / pooled_counts.sum()
    out["scott_pi"] = _chance_corrected(pa, float((pooled**2).sum()), "scott_pi", notes)
    # Conger: each coder's own category shares over all units that coder rated (as irrCAC)
    sub = codes[:, pairable]
    shares = np.zeros((n_coders, q))
    for g in range(n_coders):
        ok = (codes[g] >= 0) & (weights > 0)
        if ok.any():
            shares[g] = np.bincount(codes[g][ok], weights=weights[ok], minlength=q) / weights[ok].sum()
    mean_share = shares.mean(axis=0)
    var_share = shares.var(axis=0, ddof=1)
    pe_conger = float((mean_share**2 - var_share / n_coders).sum())
    out["conger_kappa"] = _chance_corrected(pa, pe_conger, "conger_kappa", notes)
    if n_coders == 2:
        both = (sub[0] >= 0) & (sub[1] >= 0)
        a, b, wb = sub[0][both], sub[1][both], wp[both]
        size = float(wb.sum())
        po2 = float(wb @ (a == b)) / size
        pe2 = float(
            (np.bincount(a, weights=wb, minlength=q) * np.bincount(b, weights=wb, minlength=q)).sum()
            / size**2
        )
        out["cohen_kappa"] = _chance_corrected(po2, pe2, "cohen_kappa", notes)
    else:
        out["cohen_kappa"] = None
        notes["cohen_kappa"] = f"Cohen's kappa needs exactly two coders, not {n_coders}; see conger_kappa"
    if q < 2:
        out["gwet_ac1"] = NAN
        out["brennan_prediger"] = NAN
        reason = "only one category: pass categories= with every category that was available"
        notes["gwet_ac1"] = notes["brennan_prediger"] = reason
    else:
        pe_gwet = float((pi_k * (1.0 - pi_k)).sum() / (q - 1))
        out["gwet_ac1"] = _chance_corrected(pa, pe_gwet, "gwet_ac1", notes)
        out["brennan_prediger"] = _chance_corrected(pa, 1.0 / q, "brennan_prediger", notes)
    if np.count_nonzero(pooled_counts) < 2:
        out["krippendorff_alpha"] = NAN
        notes["krippendorff_alpha"] = "only one value occurs, so expected disagreement is 0"
    elif ratings.weights is not None and level == "nominal":
        out["krippendorff_alpha"] = nominal_alpha(c, wp)
    elif ratings.weights is not None:
        raise InvalidValue("agreement.tally_nominal_only", what="alpha", level=level)
    else:
        out["krippendorff_alpha"] = _alpha(c, ratings.values, level)
    out["units_pairable"] = round(n)
    return out


def bootstrap_alpha(
    matrix: Any | Ratings,
    *,
    level: str = "nominal",
    categories: Sequence[Any] | None = None,
    draws: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
) -> tuple[float, float]:
    """Percentile bootstrap interval of Krippendorff's alpha: pairable units are drawn with
    replacement ``draws`` times (``numpy.random.default_rng(seed)``), alpha is computed for each
    draw, and the ``(1 - confidence) / 2`` and ``(1 + confidence) / 2`` quantiles are returned.
    Draws where alpha is undefined are left out; ``(nan, nan)`` when none is defined."""
    if draws < 1:
        raise InvalidValue("agreement.draws_min", draws=draws)
    if not 0 < confidence < 1:
        raise InvalidValue("agreement.confidence_range", confidence=confidence)
    ratings = matrix if isinstance(matrix, Ratings) else encode(matrix, categories)
    counts = ratings.counts
    keep = (counts.sum(axis=1) >= 2) & (ratings.unit_weights > 0)
    weights = ratings.unit_weights[keep]
    counts = counts[keep]
    if counts.shape[0] == 0:
        return (NAN, NAN)
    rng = np.random.default_rng(seed)
    n = counts.shape[0]
    if level == "nominal":
        estimates = _nominal_draws(counts, rng, draws, weights)
    elif ratings.weights is not None:
        raise InvalidValue("agreement.tally_nominal_only", what="the bootstrap", level=level)
    else:
        values = []
        for _ in range(draws):
            values.append(alpha_from_counts(counts[rng.integers(0, n, size=n)], ratings.values, level=level))
        estimates = np.asarray(values)
    estimates = estimates[~np.isnan(estimates)]
    if estimates.size == 0:
        return (NAN, NAN)
    low, high = np.quantile(estimates, [(1 - confidence) / 2, (1 + confidence) / 2])
    return (float(low), float(high))


def _distinct_rows(
    counts: NDArray[np.float64], weights: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Distinct rows of a small-integer count matrix and how many units each stands for (faster
    than ``np.unique(axis=0)``: each row becomes one integer in base max + 1)."""
    ints = counts.astype(np.int64)
    base = int(ints.max()) + 1
    q = ints.shape[1]
    if base**q < 2**62:
        keys = ints @ (base ** np.arange(q, dtype=np.int64))
        uniq, inverse = np.unique(keys, return_inverse=True)
        digits = (uniq[:, None] // (base ** np.arange(q, dtype=np.int64))) % base
        rows = digits.astype(np.float64)
    else:
        rows, inverse = np.unique(counts, axis=0, return_inverse=True)
    freq = np.rint(np.bincount(inverse.ravel(), weights=weights, minlength=rows.shape[0])).astype(np.int64)
    return rows, freq


def _nominal_draws(
    counts: NDArray[np.float64],
    rng: np.random.Generator,
    draws: int,
    weights: NDArray[np.float64] | None = None,
) -> NDArray[np.float64]:
    """Nominal alpha of ``draws`` bootstrap samples at once. Units with the same counts are
    interchangeable, so a sample is how often each distinct row was drawn (multinomial with the
    rows' frequencies); alpha = 1 - (n - 1)(n - D) / (n^2 - sum n_c^2) follows from sums that are
    linear in those numbers (n pairable values, D coincidences on the diagonal, n_c value totals).
    Tested to equal the ``krippendorff`` package on the undrawn data."""
    rows, freq = _distinct_rows(counts, np.ones(counts.shape[0]) if weights is None else weights)
    n_units = int(freq.sum())
    m = rows.sum(axis=1)
    diag = (rows * (rows - 1.0)).sum(axis=1) / (m - 1.0)
    weights = rng.multinomial(n_units, freq / n_units, size=draws).astype(np.float64)
    total = weights @ m
    d = weights @ diag
    nc = weights @ rows
    denominator = total**2 - (nc**2).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha: NDArray[np.float64] = np.where(
            denominator > 0, 1.0 - (total - 1.0) * (total - d) / denominator, np.nan
        )
    return alpha
