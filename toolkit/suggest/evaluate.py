"""How good are the suggestions? Train on some documents, compare with a coder's codings of others.

For each gold coding of the test documents, the suggestions of the sentence units overlapping it are
pooled (a code's score there is its best score in those units) and ranked:

- **top-1 precision**: the best code is one the coder gave to that same span;
- **top-3 hit rate**: the coding's code is among the three best codes;
- a coding without any suggestion overlapping it counts as a miss for both; as in ``suggest``, a code
  is suggested in a unit when a rule matched it or its score reaches ``rank.MIN_SCORE``;
- **micro-F1** over all test units and codes, suggesting every code whose score reaches the
  threshold chosen on held-out training units (rules alone: any match).

Three sources are measured with the same units: ``rules`` (keyword score), ``model`` (the classifier's
calibrated score without rule evidence) and ``combined`` (calibrated on both, what ``suggest`` shows)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from toolkit.codings import list_codings
from toolkit.documents import document_row
from toolkit.errors import InvalidValue
from toolkit.model import Coding
from toolkit.store import Store
from toolkit.suggest.calibration import micro_f1, span_hits
from toolkit.suggest.classifier import DEFAULT_EPOCHS, predict
from toolkit.suggest.features import FEATURES, unit_labels
from toolkit.suggest.rank import MIN_SCORE
from toolkit.suggest.training import all_labels, build_model, combine, gold_matrix, rule_matrix
from toolkit.suggest.training_data import training_data
from toolkit.suggest.units import Unit, document_units

SOURCES = ("rules", "model", "combined")


@dataclass(frozen=True)
class Quality:
    """Figures of one suggestion source on the test documents."""

    top1: float
    top3: float
    micro_f1: float
    threshold: float
    codings: int
    top1_hits: int
    top3_hits: int
    without_suggestion: int

    def as_dict(self) -> dict[str, Any]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(self).items()}


@dataclass
class Ranked:
    """Test units, their gold labels and the score matrices of each source (rows: units)."""

    units: list[Unit]
    labels: list[str]
    gold: list[set[str]]
    codings: list[Coding]
    scores: dict[str, np.ndarray]
    thresholds: dict[str, float]


def rank_test_documents(
    store: Store,
    coder: str,
    train: Sequence[str],
    test: Sequence[str],
    *,
    features: Sequence[str] = FEATURES,
    architecture: str = "bow",
    epochs: int = DEFAULT_EPOCHS,
    level: int | None = None,
) -> Ranked:
    """Train on ``train`` (nothing is stored) and score the units of ``test`` by each source."""
    overlap = sorted(set(train) & set(test))
    if overlap:
        raise InvalidValue("evaluate.train_and_test", document=overlap[0])
    if not test:
        raise InvalidValue("evaluate.no_test")
    data = training_data(store, coder, documents=train, level=level)
    model = build_model(store, data, architecture=architecture, features=features, epochs=epochs, level=level)
    labels = all_labels(store, model.labels, level)
    test_units: list[Unit] = []
    gold: list[set[str]] = []
    codings: list[Coding] = []
    for name in test:
        canonical = str(document_row(store, name)["name"])
        mine = list_codings(store, document=canonical, coder=coder)
        codings += mine
        for u in document_units(store, canonical):
            test_units.append(u)
            gold.append(unit_labels(u, mine, level))
    raw = predict(model.nlp, test_units, features)
    rules = rule_matrix(store, test_units, labels, level)
    alone, both = combine(raw, model.labels, rules, labels, model.calibration or {"model": 1.0})
    scores = {"rules": rules, "model": alone, "combined": both}
    threshold = model.threshold
    thresholds = {"rules": 0.0, "model": threshold, "combined": threshold}
    if not model.metrics.get("use_model", True):  # as in suggest: the model did not help, rules alone
        scores["combined"], thresholds["combined"] = rules, 0.0
    return Ranked(test_units, labels, gold, codings, scores, thresholds)


def quality(ranked: Ranked, source: str, *, level: int | None = None) -> Quality:
    """The figures of one source for a :class:`Ranked` test set."""
    if source not in ranked.scores:
        raise InvalidValue("evaluate.source_unknown", source=source, choices=list(ranked.scores))
    scores, threshold = ranked.scores[source], ranked.thresholds[source]
    rules = ranked.scores["rules"] > 0
    offered = {"rules": rules, "model": scores >= MIN_SCORE, "combined": rules | (scores >= MIN_SCORE)}
    top1, top3, empty = span_hits(
        ranked.units, scores, ranked.labels, ranked.codings, level=level, offered=offered.get(source)
    )
    gold = gold_matrix(ranked.gold, ranked.labels)
    predicted = scores >= threshold if threshold > 0 else scores > 0
    n = len(ranked.codings)
    return Quality(
        top1 / n if n else 0.0,
        top3 / n if n else 0.0,
        micro_f1(predicted, gold),
        threshold,
        n,
        top1,
        top3,
        empty,
    )


def evaluate(
    store: Store,
    coder: str,
    train: Sequence[str],
    test: Sequence[str],
    *,
    features: Sequence[str] = FEATURES,
    architecture: str = "bow",
    epochs: int = DEFAULT_EPOCHS,
    level: int | None = None,
) -> dict[str, Quality]:
    """Top-1 precision, top-3 hit rate and micro-F1 of each source (``rules``, ``model``, ``combined``)
    on the test documents, with a model trained on the training documents only."""
    ranked = rank_test_documents(
        store, coder, train, test, features=features, architecture=architecture, epochs=epochs, level=level
    )
    return {source: quality(ranked, source, level=level) for source in SOURCES}


def pooled(parts: Sequence[dict[str, Quality]]) -> dict[str, Quality]:
    """Folds of a cross-validation added up (hits and codings summed; F1 and threshold averaged)."""
    out = {}
    for source in parts[0] if parts else ():
        qs = [p[source] for p in parts]
        n = sum(q.codings for q in qs)
        h1, h3 = sum(q.top1_hits for q in qs), sum(q.top3_hits for q in qs)
        out[source] = Quality(
            h1 / n if n else 0.0,
            h3 / n if n else 0.0,
            float(np.mean([q.micro_f1 for q in qs])),
            float(np.mean([q.threshold for q in qs])),
            n,
            h1,
            h3,
            sum(q.without_suggestion for q in qs),
        )
    return out
