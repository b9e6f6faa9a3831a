"""Two small models next to the classifier, fitted on the same units and blended into its scores
(weights COMPANION_WEIGHTS): the share of each code among the units of each speaker role (a
prior: the moderator's lines are "Moderator assist"), and a TF-IDF softmax regression (numpy)
over the same feature words and the character n-grams of the unit's words, trained on the
positive units only, so it learns which code a coded unit has rather than whether a unit is coded
at all. Both are plain JSON in ``nlp.meta``. The blend is a product: how likely the unit is coded
at all (the classifier's best score, to the power ``coded_power``) times which code it has (the
classifier's scores as shares, the prior and the softmax, weighted)."""

from __future__ import annotations

import base64
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from toolkit.suggest.features import companion_words
from toolkit.suggest.units import Unit

# companions of the classifier (docs/suggestions.md): share of each in a unit's model score
COMPANION_WEIGHTS = {"textcat": 0.2, "speaker_prior": 0.3, "softmax": 0.5, "coded_power": 0.5}
# the softmax regression also sees the character 3- to 5-grams of a unit's own words ("confus", "n't")
CHAR_NGRAMS = (3, 5)
PRIOR_SMOOTHING = 5.0
SOFTMAX_EPOCHS = 30
SOFTMAX_RATE = 5.0
# up to this many cells (units x terms) the softmax regression trains on a dense float32 matrix
DENSE_CELLS = 40_000_000
SOFTMAX_L2 = 1e-3
SOFTMAX_MIN_DF = 2


def fit_companions(
    data_units: Sequence[Unit],
    data_labels: Sequence[set[str]],
    labels: Sequence[str],
    features: Sequence[str],
    grams: Sequence[int] | None = CHAR_NGRAMS,
) -> dict[str, Any]:
    """The speaker prior and the softmax regression over ``labels`` (see above), JSON-serialisable;
    ``grams``: the character n-grams the softmax regression sees besides the feature words."""
    index = {label: j for j, label in enumerate(labels)}
    k = len(labels)
    overall = np.zeros(k)
    per_role: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(k))
    units_of_role: Counter[str] = Counter()
    for u, ls in zip(data_units, data_labels, strict=True):
        units_of_role[u.speaker] += 1
        for label in ls:
            if label in index:
                per_role[u.speaker][index[label]] += 1
                overall[index[label]] += 1
    overall /= max(len(data_units), 1)
    roles = {
        role: ((per_role[role] + PRIOR_SMOOTHING * overall) / (n + PRIOR_SMOOTHING)).round(5).tolist()
        for role, n in units_of_role.items()
    }
    positives = [
        (companion_words(u, features, grams), [index[label] for label in ls if label in index])
        for u, ls in zip(data_units, data_labels, strict=True)
        if any(label in index for label in ls)
    ]
    df: Counter[str] = Counter()
    for words, _ in positives:
        df.update(set(words))
    vocab = sorted(w for w, n in df.items() if n >= SOFTMAX_MIN_DF)
    terms = {w: i for i, w in enumerate(vocab)}
    idf = np.array([math.log((1 + len(positives)) / (1 + df[w])) + 1 for w in vocab])
    rows, cols, vals = _tfidf_rows([words for words, _ in positives], terms, idf)
    target = np.zeros((len(positives), k))
    for i, (_, js) in enumerate(positives):
        target[i, js] = 1 / len(js)
    coef = np.zeros((len(vocab), k))
    n = max(len(positives), 1)
    dense = None
    if len(positives) * len(vocab) <= DENSE_CELLS:
        dense = np.zeros((len(positives), len(vocab)), dtype="float32")
        dense[rows, cols] = vals
    else:  # X.T as (row, column, value) sorted by row, for _sparse_dot
        by_col = np.argsort(cols, kind="stable")
        t_rows, t_cols, t_vals = cols[by_col], rows[by_col], vals[by_col]
    for _ in range(SOFTMAX_EPOCHS if positives else 0):
        if dense is not None:
            p = _softmax(dense @ coef.astype("float32"))
            grad = dense.T @ (p - target).astype("float32")
        else:
            p = _softmax(_sparse_dot(rows, cols, vals, coef, len(positives)))
            grad = _sparse_dot(t_rows, t_cols, t_vals, p - target, len(vocab))
        coef -= SOFTMAX_RATE * (grad * 50 / n + SOFTMAX_L2 * coef)
    return {
        "weights": dict(COMPANION_WEIGHTS),
        "labels": list(labels),
        "roles": roles,
        "overall": overall.round(6).tolist(),
        "vocab": vocab,
        "idf": idf.round(5).tolist(),
        "char_ngrams": list(grams) if grams else [],
        # float32 bytes in base64: a fifth of the JSON list of the same numbers
        "coef_f32": base64.b64encode(coef.astype("<f4").tobytes()).decode("ascii"),
    }


def _coefficients(extra: Mapping[str, Any], rows: int, columns: int) -> np.ndarray:
    """The softmax weights of ``extra``: base64 float32 bytes, or a JSON list (models before that)."""
    if "coef_f32" in extra:
        raw = np.frombuffer(base64.b64decode(extra["coef_f32"]), dtype="<f4")
        return raw.astype("float64").reshape(rows, columns)
    return np.array(extra["coef"], dtype="float64").reshape(rows, columns)


def _tfidf_rows(
    docs: Sequence[Sequence[str]], terms: Mapping[str, int], idf: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sparse (row, column, value) of the L2-normalised TF-IDF (1 + log tf) of each word list, rows
    ascending and, within a row, columns ascending."""
    ids = [[terms[w] for w in words if w in terms] for words in docs]
    lengths = np.array([len(x) for x in ids], dtype=np.int64)
    flat = np.fromiter(itertools.chain.from_iterable(ids), dtype=np.int64, count=int(lengths.sum()))
    if not len(flat):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    width = max(len(terms), 1)
    keys, counts = np.unique(
        np.repeat(np.arange(len(ids), dtype=np.int64), lengths) * width + flat, return_counts=True
    )
    rows, cols = keys // width, keys % width
    vals = (1 + np.log(counts)) * idf[cols]
    norms = np.sqrt(np.bincount(rows, weights=vals**2, minlength=len(ids)))
    return rows, cols, vals / norms[rows]


def _sparse_dot(rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, w: np.ndarray, n: int) -> np.ndarray:
    """``X @ w`` for the sparse ``X`` (``n`` rows) given as (row, column, value), ``rows`` ascending
    (as :func:`_tfidf_rows` gives them): one ``np.add.reduceat`` over the rows' runs."""
    out = np.zeros((n, w.shape[1]))
    if len(rows):
        present, starts = np.unique(rows, return_index=True)
        out[present] = np.add.reduceat(vals[:, None] * w[cols], starts, axis=0)
    return out


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def blend_companions(
    extra: Mapping[str, Any], scores: np.ndarray, data_units: Sequence[Unit], features: Sequence[str]
) -> np.ndarray:
    """The classifier's ``scores`` blended with the companions' (columns in ``extra["labels"]`` order)."""
    weights = extra["weights"]
    overall = np.array(extra["overall"])
    prior = np.array([extra["roles"].get(u.speaker, overall) for u in data_units]).reshape(scores.shape)
    terms = {w: i for i, w in enumerate(extra["vocab"])}
    grams = extra.get("char_ngrams") or None  # models before character n-grams have none
    rows, cols, vals = _tfidf_rows(
        [companion_words(u, features, grams) for u in data_units], terms, np.array(extra["idf"])
    )
    coef = _coefficients(extra, len(terms), scores.shape[1])
    soft = _softmax(_sparse_dot(rows, cols, vals, coef, len(data_units)))
    if "coded_power" not in weights:  # models before the product form: a weighted sum
        return np.asarray(
            weights["textcat"] * scores + weights["speaker_prior"] * prior + weights["softmax"] * soft
        )
    coded = scores.max(axis=1, keepdims=True) if scores.size else scores[:, :1]
    share = scores / np.maximum(scores.sum(axis=1, keepdims=True), 1e-9)
    which = weights["textcat"] * share + weights["speaker_prior"] * prior + weights["softmax"] * soft
    return np.asarray(coded ** weights["coded_power"] * which)
