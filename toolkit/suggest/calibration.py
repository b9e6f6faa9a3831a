"""Calibration of the model's scores against the rules (Platt scaling extended by the rule evidence),
the score threshold with the best micro-F1, and span hits (top-1/top-3 of each coding's units)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from toolkit.model import Coding
from toolkit.suggest.features import label_of
from toolkit.suggest.units import Unit


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.asarray(np.log(p / (1 - p)))


def calibration_features(model_scores: np.ndarray, rule_scores: np.ndarray) -> np.ndarray:
    """Columns: the model's logit, whether a rule matched, the rule score, a constant."""
    m = _logit(model_scores.ravel())
    r = rule_scores.ravel()
    return np.stack([m, (r > 0).astype("float64"), r, np.ones_like(m)], axis=1)


def fit_calibration(
    model_scores: np.ndarray, rule_scores: np.ndarray, gold: np.ndarray, l2: float = 1.0
) -> dict[str, float]:
    """Platt scaling extended by the rule evidence: a logistic regression of the gold label (1/0 per
    unit and code) on :func:`calibration_features`, fitted by Newton steps with a small L2 penalty."""
    x = calibration_features(model_scores, rule_scores)
    y = gold.ravel().astype("float64")
    w = np.array([1.0, 0.0, 0.0, 0.0])
    if y.sum() == 0 or y.sum() == len(y):
        return {"model": 1.0, "rule": 0.0, "rule_score": 0.0, "bias": 0.0}
    penalty = np.diag([l2, l2, l2, 0.0])

    def loss(v: np.ndarray) -> float:
        z = np.clip(x @ v, -30, 30)
        return float(np.sum(np.logaddexp(0, z) - y * z) + 0.5 * v @ penalty @ v)

    current = loss(w)
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + penalty + 1e-6 * np.eye(4)
        step = np.linalg.solve(hess, grad)
        scale = 1.0
        while scale > 1e-4 and not loss(w - scale * step) <= current:
            scale /= 2  # damped Newton: never accept a step that makes the fit worse
        if scale <= 1e-4:
            break
        w = w - scale * step
        current = loss(w)
        if np.abs(scale * step).max() < 1e-6:
            break
    if not np.all(np.isfinite(w)):
        return {"model": 1.0, "rule": 0.0, "rule_score": 0.0, "bias": 0.0}
    return {"model": float(w[0]), "rule": float(w[1]), "rule_score": float(w[2]), "bias": float(w[3])}


def calibrated(
    model_scores: np.ndarray, rule_scores: np.ndarray, calibration: Mapping[str, float]
) -> np.ndarray:
    """Calibrated probabilities, same shape as ``model_scores``."""
    w = np.array(
        [
            calibration.get("model", 1.0),
            calibration.get("rule", 0.0),
            calibration.get("rule_score", 0.0),
            calibration.get("bias", 0.0),
        ]
    )
    z = np.clip(calibration_features(model_scores, rule_scores) @ w, -30, 30)
    return np.asarray((1 / (1 + np.exp(-z))).reshape(model_scores.shape))


def best_threshold(scores: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """The score threshold with the best micro-F1 on (``scores``, ``gold``), and that F1."""
    best = (0.5, 0.0)
    for t in np.arange(0.05, 0.96, 0.05):
        f1 = micro_f1(scores >= t, gold.astype(bool))
        if f1 > best[1] + 1e-12:
            best = (round(float(t), 2), f1)
    return best


def micro_f1(predicted: np.ndarray, gold: np.ndarray) -> float:
    tp = float(np.logical_and(predicted, gold).sum())
    fp = float(np.logical_and(predicted, ~gold).sum())
    fn = float(np.logical_and(~predicted, gold).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def span_hits(
    data_units: Sequence[Unit],
    scores: np.ndarray,
    labels: Sequence[str],
    codings: Sequence[Coding],
    *,
    level: int | None = None,
    min_score: float = 0.0,
    offered: np.ndarray | None = None,
) -> tuple[int, int, int]:
    """(top-1 hits, top-3 hits, codings without a suggestion) over ``codings`` (see module doc);
    a code is suggested in a unit where ``offered`` is true (default: where its score is above
    ``min_score``)."""
    shown = scores > min_score if offered is None else offered
    masked = np.where(shown, scores, -np.inf)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(data_units):
        by_doc[u.document].append(i)
    same_span: dict[tuple[str, int, int], set[str]] = defaultdict(set)
    for c in codings:
        same_span[(c.document, c.start, c.end)].add(label_of(c.code_path, level))
    top1 = top3 = empty = 0
    for c in codings:
        rows = [
            i
            for i in by_doc.get(c.document, [])
            if data_units[i].start < c.end and c.start < data_units[i].end
        ]
        if not rows:
            empty += 1
            continue
        best = masked[rows].max(axis=0)
        ranked = [j for j in np.argsort(-best, kind="stable") if np.isfinite(best[j])][:3]
        if not ranked:
            empty += 1
            continue
        gold = label_of(c.code_path, level)
        top1 += labels[ranked[0]] in same_span[(c.document, c.start, c.end)]
        top3 += gold in [labels[j] for j in ranked]
    return top1, top3, empty
