"""The learned suggestion model: a spaCy ``textcat_multilabel`` on the blank ``de``/``en`` pipeline,
fed the feature words of :mod:`toolkit.suggest.features`. Two companions fitted on the same units
(:mod:`toolkit.suggest.companions`) are kept in ``nlp.meta`` and blended into :func:`predict`'s scores.
Stored runs and the model in use: :mod:`toolkit.suggest.registry`."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import spacy
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed  # type: ignore[attr-defined]

from toolkit.errors import InvalidValue
from toolkit.nlp import LANGUAGES
from toolkit.suggest.companions import blend_companions, fit_companions
from toolkit.suggest.features import FEATURES, feature_words
from toolkit.suggest.units import Unit

ARCHITECTURES = ("bow", "ensemble")
DEFAULT_EPOCHS = 8
HASH_LENGTH = 2**15
BATCH_SIZE = 128
DROPOUT = 0.4
LEARN_RATE = 0.005
NGRAMS = 1


@dataclass
class TrainedModel:
    """A trained pipeline with what it needs to score units and what it learned from."""

    nlp: Any
    language: str
    labels: tuple[str, ...]
    settings: dict[str, Any]
    metrics: dict[str, Any] = field(default_factory=dict)
    guid: str = ""

    @property
    def calibration(self) -> dict[str, float]:
        return dict(self.metrics.get("calibration", {}))

    @property
    def threshold(self) -> float:
        return float(self.metrics.get("threshold", 0.5))


def _textcat_config(architecture: str, ngrams: int) -> dict[str, Any]:
    bow = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "ngram_size": ngrams,
        "no_output_layer": False,
        "length": HASH_LENGTH,
    }
    if architecture == "bow":
        return {"model": bow, "threshold": 0.5}
    if architecture == "ensemble":
        tok2vec = {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": 64,
                "attrs": ["ORTH", "PREFIX", "SUFFIX"],
                "rows": [5000, 1000, 1000],
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": 64,
                "window_size": 1,
                "maxout_pieces": 3,
                "depth": 2,
            },
        }
        return {
            "model": {"@architectures": "spacy.TextCatEnsemble.v2", "tok2vec": tok2vec, "linear_model": bow},
            "threshold": 0.5,
        }
    raise InvalidValue("model.architecture_unknown", architecture=architecture, choices=ARCHITECTURES)


def blank_classifier(language: str, labels: Sequence[str], architecture: str = "bow", ngrams: int = 2) -> Any:
    nlp = spacy.blank(language if language in LANGUAGES else "de")
    textcat: Any = nlp.add_pipe("textcat_multilabel", config=_textcat_config(architecture, ngrams))
    for label in labels:
        textcat.add_label(label)
    return nlp


def _doc(nlp: Any, unit: Unit, features: Sequence[str]) -> Doc:
    return Doc(nlp.vocab, words=feature_words(unit, features))


Progress = Callable[[int, int, float], None]


def fit(
    data_units: Sequence[Unit],
    data_labels: Sequence[set[str]],
    language: str,
    *,
    architecture: str = "bow",
    features: Sequence[str] = FEATURES,
    epochs: int = DEFAULT_EPOCHS,
    ngrams: int | None = None,
    seed: int = 0,
    batch_size: int | None = None,
    dropout: float | None = None,
    companions: bool = True,
    progress: Progress | None = None,
) -> Any:
    """Train a ``textcat_multilabel`` pipeline on the units; ``progress(epoch, epochs, loss)`` after
    each epoch. Deterministic for a seed. With ``companions`` the speaker prior and the softmax
    regression of :func:`fit_companions` are kept in ``nlp.meta`` (stored with the pipeline) and
    blended into :func:`predict`'s scores."""
    labels = sorted({label for ls in data_labels for label in ls})
    if not labels:
        raise InvalidValue("model.nothing_to_learn")
    fix_random_seed(seed)
    nlp = blank_classifier(language, labels, architecture, ngrams or NGRAMS)
    examples = [
        Example.from_dict(_doc(nlp, u, features), {"cats": {label: float(label in ls) for label in labels}})
        for u, ls in zip(data_units, data_labels, strict=True)
    ]
    optimizer = nlp.initialize(lambda: examples[:500])
    optimizer.learn_rate = LEARN_RATE
    rng = random.Random(seed)
    order = list(range(len(examples)))
    batch_size = batch_size or BATCH_SIZE
    dropout = DROPOUT if dropout is None else dropout
    for epoch in range(1, epochs + 1):
        rng.shuffle(order)
        losses: dict[str, float] = {}
        for i in range(0, len(order), batch_size):
            batch = [examples[j] for j in order[i : i + batch_size]]
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
        if progress is not None:
            progress(epoch, epochs, float(losses.get("textcat_multilabel", 0.0)))
    if companions:
        nlp.meta["companions"] = fit_companions(data_units, data_labels, labels, features)
    return nlp


def predict(nlp: Any, data_units: Sequence[Unit], features: Sequence[str] = FEATURES) -> np.ndarray:
    """Scores of every label (columns in ``textcat.labels`` order) for each unit (rows)."""
    textcat = nlp.get_pipe("textcat_multilabel")
    labels = list(textcat.labels)
    if not data_units:
        return np.zeros((0, len(labels)), dtype="float32")
    docs = list(textcat.pipe((_doc(nlp, u, features) for u in data_units), batch_size=256))
    scores = np.array([[d.cats[label] for label in labels] for d in docs], dtype="float32")
    extra = nlp.meta.get("companions")
    if extra:
        scores = np.asarray(blend_companions(extra, scores, data_units, features), dtype="float32")
    return scores
