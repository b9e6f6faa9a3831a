"""The learned suggestion model: a spaCy ``textcat_multilabel`` on the blank ``de``/``en`` pipeline.

Training data are the units of the documents a coder worked on: sentences inside speaker turns, split
again at line breaks (:func:`units`). A unit that overlaps a coding of the coder (at least half of the
unit, or the whole coding) is a positive for that code; every other unit of those documents is a
negative (the coder saw it and left it uncoded), and so is a unit whose suggestion the coder rejected.

Each unit is fed to the classifier as lower-cased words plus prefixed context words
(:data:`ALL_FEATURES`): ``q:``/``h:`` words of the question and of the task heading the unit answers,
``p:``/``n:`` words of the neighbouring units and ``s:`` the speaker's role; :data:`FEATURES` are the
ones used by default. Two companions fitted on the same units, a speaker prior and a softmax
regression on the positive units (:func:`fit_companions`), are kept in ``nlp.meta`` and blended into
:func:`predict`'s scores. Models live in the project database (table ``suggestion_models``)
with their provenance; the newest ``ready`` model of a language is the one in use."""

from __future__ import annotations

import base64
import functools
import hashlib
import itertools
import json
import math
import os
import random
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import spacy
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed  # type: ignore[attr-defined]

from toolkit.anchoring import strip_span
from toolkit.codings import list_codings
from toolkit.documents import document_row, document_turns
from toolkit.errors import InvalidValue, NotFound
from toolkit.model import Coding, Turn
from toolkit.nlp import LANGUAGES, sentence_units
from toolkit.store import Store, new_guid, now

ALL_FEATURES = ("question", "neighbours", "speaker")
# the default: neighbours did not help on SERDIF (docs/suggestions.md)
FEATURES = ("question", "speaker")
ARCHITECTURES = ("bow", "ensemble")
DEFAULT_EPOCHS = 8
HASH_LENGTH = 2**15
BATCH_SIZE = 128
DROPOUT = 0.4
LEARN_RATE = 0.005
NGRAMS = 1
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
_HEADING = re.compile(r"^\s*\d{1,2}(\.\w+)*\.?\s+[A-ZÄÖÜ]")
_TOP_HEADING = re.compile(r"^\s*\d{1,2}\.?\s+[A-ZÄÖÜ]")
_INLINE_SPEAKER = re.compile(r"^\s*([A-ZÄÖÜ][\w.\- ]{0,24}):\s")
# speaker labels that name the asking side in any transcript (besides speakers who mostly ask)
INTERVIEWER_LABELS = frozenset(
    {"i", "int", "interviewer", "interviewerin", "moderator", "moderatorin", "frage", "q", "question", "f"}
)
_WORD = re.compile(r"\w+", re.UNICODE)
_LABEL_ONLY = re.compile(r"^[\w .\-]{1,30}(\s*\[[\d:.]+\])?:$|^[\w .\-]{1,30}:\s*\[[\d:.]+\]$")
_LETTERS = re.compile(r"[^\W\d_]{2}")


@dataclass(frozen=True)
class Unit:
    """A sentence of a document (``text[start:end]``) with the context the classifier may use."""

    document: str
    start: int
    end: int
    text: str
    question: str = ""
    previous: str = ""
    next: str = ""
    speaker: str = ""
    heading: str = ""


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


# ---------------------------------------------------------------------------------------- units


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        s, e = strip_span(text, pos, pos + len(line))
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


def _interviewers(text: str, turns: Sequence[Turn]) -> set[str]:
    """Speakers most of whose turns end with a question mark: the interviewer(s)."""
    asked: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for t in turns:
        total[t.speaker] += 1
        asked[t.speaker] += text[t.start : t.end].rstrip().endswith("?")
    return {s for s in total if len(total) > 1 and asked[s] * 2 >= total[s] and asked[s] > 0}


def regions(text: str, turns: Sequence[Turn]) -> list[tuple[int, int]]:
    """The turns (whitespace trimmed) and the lines of text between them that are more than a speaker
    label or a timestamp (a heading or speech the importer did not recognise as a turn), in order."""
    if not turns:
        s, e = strip_span(text, 0, len(text))
        return [(s, e)] if e > s else []
    out = [strip_span(text, t.start, t.end) for t in turns]
    bounds = [0] + [x for t in turns for x in (t.start, t.end)] + [len(text)]
    for gap_start, gap_end in zip(bounds[::2], bounds[1::2], strict=True):
        for s, e in _line_pieces(text, gap_start, gap_end):
            piece = text[s:e]
            if _LETTERS.search(piece) and not _LABEL_ONLY.match(piece):
                out.append((s, e))
    return sorted((s, e) for s, e in out if e > s)


def units(text: str, turns: Sequence[Turn], language: str, document: str = "") -> list[Unit]:
    """The sentences of ``text`` (inside :func:`regions`, split again at line breaks) with their context.

    A unit's question is the nearest earlier unit that is a numbered task heading ("3.b Are the ...")
    or was said by an interviewer. Speaker roles: ``interviewer`` (a speaker most of whose turns end
    with a question mark, or a label of :data:`INTERVIEWER_LABELS` such as ``MODERATOR``),
    ``respondent``, or ``none`` (text outside turns). A line inside a turn starting with ``NAME:`` is
    said by NAME; further lines of a turn belong to its speaker, unless the document has a single
    speaker (an importer that did not recognise the other side), where they count as respondent.
    A unit's heading is the nearest numbered top-level heading."""
    pseudo = [Turn("", s, e) for s, e in regions(text, turns)]
    spans = [p for s, e in sentence_units(text, pseudo, language) for p in _line_pieces(text, s, e)]
    asking = _interviewers(text, turns)
    several = len({t.speaker for t in turns}) > 1
    starts = [t.start for t in turns]
    out: list[Unit] = []
    question = heading = ""
    raw: list[tuple[int, int, str, str]] = []
    for s, e in spans:
        line_start = text.rfind("\n", 0, s) + 1
        line = text[line_start : text.find("\n", s) if text.find("\n", s) >= 0 else len(text)]
        idx = _turn_at(starts, turns, s)
        inline = _INLINE_SPEAKER.match(line)
        if inline and idx is not None and line_start + inline.start(1) < turns[idx].start:
            inline = None  # the label of the turn itself
        if inline:
            role = _role(inline.group(1), asking)
        elif idx is None:
            role = "none"
        elif turns[idx].start >= line_start or several:
            role = _role(turns[idx].speaker, asking)
        else:  # a further line of the only speaker's turn: the importer did not see who spoke
            role = "respondent"
        raw.append((s, e, role, line))
    for i, (s, e, role, line) in enumerate(raw):
        own = text[s:e]
        prev = text[raw[i - 1][0] : raw[i - 1][1]] if i > 0 else ""
        nxt = text[raw[i + 1][0] : raw[i + 1][1]] if i + 1 < len(raw) else ""
        out.append(Unit(document, s, e, own, question, prev, nxt, role, heading))
        if role == "interviewer" or _HEADING.match(line):
            question = own if not _HEADING.match(line) else line.strip()
        if _TOP_HEADING.match(line):
            heading = line.strip()
    return out


def _role(speaker: str, asking: set[str]) -> str:
    name = speaker.strip().rstrip(".").casefold()
    return "interviewer" if speaker in asking or name in INTERVIEWER_LABELS else "respondent"


def _turn_at(starts: Sequence[int], turns: Sequence[Turn], pos: int) -> int | None:
    i = bisect_right(starts, pos) - 1
    if i >= 0 and turns[i].start <= pos < max(turns[i].end, turns[i].start + 1):
        return i
    return None


def document_units(store: Store, document: str) -> list[Unit]:
    row = document_row(store, document)
    return units(str(row["text"]), document_turns(store, document), str(row["language"]), str(row["name"]))


# ---------------------------------------------------------------------------------------- features


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def feature_words(unit: Unit, features: Sequence[str] = FEATURES) -> list[str]:
    """The tokens the classifier sees for ``unit``: its own words, then prefixed context words."""
    words = _words(unit.text) or ["<empty>"]
    if "question" in features:
        words += ["q:" + w for w in _words(unit.question)]
        words += ["h:" + w for w in _words(unit.heading) if unit.heading != unit.question]
    if "neighbours" in features:
        words += ["p:" + w for w in _words(unit.previous)] + ["n:" + w for w in _words(unit.next)]
    if "speaker" in features:
        words.append("s:" + (unit.speaker or "none"))
    return words


def char_ngrams(words: Iterable[str], lo: int, hi: int) -> list[str]:
    """The character ``lo``- to ``hi``-grams of each word, the word marked by ``<`` and ``>``; each gram
    starts with ``#`` (no feature word can: words are ``\\w+`` and context words carry a prefix)."""
    out: list[str] = []
    for w in words:
        out += _word_grams(w, lo, hi)
    return out


@functools.lru_cache(maxsize=200_000)
def _word_grams(word: str, lo: int, hi: int) -> tuple[str, ...]:
    t = f"<{word}>"
    return tuple("#" + t[i : i + n] for n in range(lo, hi + 1) for i in range(max(len(t) - n + 1, 1)))


def companion_words(unit: Unit, features: Sequence[str], grams: Sequence[int] | None) -> list[str]:
    """What the softmax companion sees: :func:`feature_words` and, with ``grams`` (lo, hi), the
    character n-grams of the unit's own words."""
    words = feature_words(unit, features)
    return words + char_ngrams(_words(unit.text), grams[0], grams[1]) if grams else words


def _doc(nlp: Any, unit: Unit, features: Sequence[str]) -> Doc:
    return Doc(nlp.vocab, words=feature_words(unit, features))


def label_of(path: str, level: int | None) -> str:
    """The code path cut to its first ``level`` parts (the whole path without a level)."""
    return "/".join(path.split("/")[:level]) if level else path


def overlaps(unit_start: int, unit_end: int, start: int, end: int) -> bool:
    """Whether a coding ``[start, end)`` covers at least half of the unit, or lies inside it whole."""
    common = min(unit_end, end) - max(unit_start, start)
    if common <= 0:
        return False
    return common * 2 >= unit_end - unit_start or (unit_start <= start and end <= unit_end)


def unit_labels(unit: Unit, codings: Iterable[Coding], level: int | None = None) -> set[str]:
    return {label_of(c.code_path, level) for c in codings if overlaps(unit.start, unit.end, c.start, c.end)}


# ---------------------------------------------------------------------------------------- data


@dataclass
class TrainingData:
    """Units with their gold labels (empty set: a negative) and where they came from."""

    language: str
    units: list[Unit]
    labels: list[set[str]]
    codings: list[str]
    documents: list[str]
    gold: list[Coding] = field(default_factory=list)


def _rejections(store: Store, coder: str) -> list[Any]:
    try:
        from toolkit.suggest.feedback import rejections
    except ImportError:  # the feedback table is not there yet: no rejections
        return []
    return list(rejections(store, coder=coder))


def training_data(
    store: Store,
    coder: str,
    *,
    documents: Sequence[str] | None = None,
    language: str | None = None,
    level: int | None = None,
) -> TrainingData:
    """Positives and negatives of ``coder`` in ``documents`` (default: every document the coder coded,
    and the units of rejected suggestions in others) of one ``language`` (default: the language of most
    of them)."""
    rejected = _rejections(store, coder)
    mine = list_codings(store, coder=coder)
    if documents is None:
        names = sorted({c.document for c in mine} | {r.document for r in rejected})
    else:
        names = [str(document_row(store, d)["name"]) for d in documents]
    if not names:
        raise NotFound(f"coder {coder!r} has no codings to learn from; code some passages first")
    langs = {n: str(document_row(store, n)["language"]) for n in names}
    lang = language or Counter(langs.values()).most_common(1)[0][0]
    names = [n for n in names if langs[n] == lang]
    data = TrainingData(lang, [], [], [], names)
    coded = {c.document for c in mine}
    for name in names:
        codings = [c for c in mine if c.document == name]
        data.codings += [c.guid for c in codings]
        data.gold += codings
        refused = [(r.start, r.end) for r in rejected if r.document == name]
        for unit in document_units(store, name):
            if (
                name not in coded
                and documents is None
                and not any(overlaps(unit.start, unit.end, s, e) for s, e in refused)
            ):
                continue  # a document known only by rejections: only the rejected units were seen
            data.units.append(unit)
            data.labels.append(unit_labels(unit, codings, level))
    if not any(data.labels):
        raise NotFound(f"coder {coder!r} has no codings in {', '.join(names)} to learn from")
    return data


def codings_hash(guids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(guids)).encode()).hexdigest()


# ---------------------------------------------------------------------------------------- training


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
    raise InvalidValue(f"unknown architecture {architecture!r}; use one of: {', '.join(ARCHITECTURES)}")


def blank_classifier(language: str, labels: Sequence[str], architecture: str = "bow", ngrams: int = 2) -> Any:
    nlp = spacy.blank(language if language in LANGUAGES else "de")
    textcat: Any = nlp.add_pipe("textcat_multilabel", config=_textcat_config(architecture, ngrams))
    for label in labels:
        textcat.add_label(label)
    return nlp


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
        raise InvalidValue("nothing to learn: no unit has a code")
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


# ---------------------------------------------------------------------------------------- companions
#
# Two small models next to the classifier, fitted on the same units and blended into its scores
# (weights COMPANION_WEIGHTS): the share of each code among the units of each speaker role (a
# prior: the moderator's lines are "Moderator assist"), and a TF-IDF softmax regression (numpy)
# over the same feature words and the character n-grams of the unit's words, trained on the
# positive units only, so it learns which code a coded unit has rather than whether a unit is coded
# at all. Both are plain JSON in ``nlp.meta``. The blend is a product: how likely the unit is coded
# at all (the classifier's best score, to the power ``coded_power``) times which code it has (the
# classifier's scores as shares, the prior and the softmax, weighted).


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


# ---------------------------------------------------------------------------------------- calibration


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


def indicative_words(
    data_units: Sequence[Unit], data_labels: Sequence[set[str]], labels: Sequence[str], top: int = 40
) -> dict[str, list[str]]:
    """Per label, the unit words most typical of its positives (smoothed log odds against all units);
    they explain a model suggestion as evidence."""
    total: Counter[str] = Counter()
    per: dict[str, Counter[str]] = {label: Counter() for label in labels}
    for u, ls in zip(data_units, data_labels, strict=True):
        words = set(_words(u.text))
        total.update(words)
        for label in ls:
            if label in per:
                per[label].update(words)
    n = max(len(data_units), 1)
    out = {}
    for label, counts in per.items():
        k = max(sum(1 for ls in data_labels if label in ls), 1)
        scored = [
            (math.log((c + 0.5) / (k + 1)) - math.log((total[w] + 0.5) / (n + 1)), w)
            for w, c in counts.items()
            if c >= 2 and len(w) > 2
        ]
        out[label] = [w for s, w in sorted(scored, reverse=True)[:top] if s > 0]
    return out


# ---------------------------------------------------------------------------------------- storage


def start_run(
    store: Store, *, coder: str, language: str, settings: Mapping[str, Any], actor: str, epochs: int
) -> str:
    """Record a training run as ``running``; returns its GUID."""
    guid = new_guid()
    with store.write(actor) as w:
        w.insert(
            "suggestion_models",
            {
                "guid": guid,
                "created_at": now(),
                "coder": coder,
                "language": language,
                "codes_revision": store.setting("codes_revision", "0") or "0",
                "settings": json.dumps(dict(settings)),
                "status": "running",
                "epochs": epochs,
                "pid": os.getpid(),
                "heartbeat": now(),
            },
        )
        w.event("start", "suggestion_model", guid, {"coder": coder, "language": language})
    return guid


def record_progress(store: Store, guid: str, epoch: int, epochs: int, loss: float, *, actor: str) -> None:
    with store.write(actor) as w:
        w.execute(
            "UPDATE suggestion_models SET epoch = ?, epochs = ?, loss = ?, heartbeat = ? WHERE guid = ?",
            (epoch, epochs, loss, now(), guid),
        )
        w.event("progress", "suggestion_model", guid, {"epoch": epoch, "epochs": epochs, "loss": loss})


def finish_run(store: Store, guid: str, model: TrainedModel, data: TrainingData, *, actor: str) -> None:
    """Store the trained model as ``ready``; older ready models of its language become ``superseded``
    (their bytes are dropped: one good model per project and language is kept)."""
    payload = model.nlp.to_bytes()
    with store.write(actor) as w:
        w.execute(
            "UPDATE suggestion_models SET status = 'superseded', model = NULL "
            "WHERE language = ? AND status = 'ready'",
            (model.language,),
        )
        w.execute(
            "UPDATE suggestion_models SET status = 'ready', finished_at = ?, model = ?, metrics = ?, "
            "settings = ?, codings = ?, codings_hash = ?, codings_count = ?, documents = ?, heartbeat = ? "
            "WHERE guid = ?",
            (
                now(),
                payload,
                json.dumps(model.metrics),
                json.dumps(model.settings),
                json.dumps(data.codings),
                codings_hash(data.codings),
                len(data.codings),
                json.dumps(data.documents, ensure_ascii=False),
                now(),
                guid,
            ),
        )
        w.event(
            "ready",
            "suggestion_model",
            guid,
            {"codings": len(data.codings), "codings_hash": codings_hash(data.codings), "bytes": len(payload)},
        )


def fail_run(store: Store, guid: str, message: str, *, actor: str) -> None:
    with store.write(actor) as w:
        w.execute(
            "UPDATE suggestion_models SET status = 'failed', finished_at = ?, message = ? WHERE guid = ?",
            (now(), message[:500], guid),
        )
        w.event("fail", "suggestion_model", guid, {"message": message[:500]})


def model_rows(store: Store) -> list[dict[str, Any]]:
    """Every training run, newest first, without the model bytes."""
    rows = store.query(
        "SELECT id, guid, created_at, finished_at, coder, language, codes_revision, codings_hash, "
        "codings_count, documents, settings, metrics, status, epoch, epochs, loss, message, pid, heartbeat "
        "FROM suggestion_models ORDER BY id DESC"
    )
    for r in rows:
        for key in ("documents", "settings", "metrics"):
            r[key] = json.loads(r[key])
    return rows


def current_model_guid(
    store: Store, language: str, coder: str | None = None, *, own_only: bool = False
) -> str | None:
    """The GUID of the newest ready model for ``language``: with ``coder``, the newest one learned from
    that coder's codings if there is one, else (unless ``own_only``) the project's newest."""
    sql = "SELECT guid FROM suggestion_models WHERE language = ? AND status = 'ready'"
    if coder is not None:
        row = store.one(sql + " AND coder = ? ORDER BY id DESC LIMIT 1", (language, coder))
        if row or own_only:
            return str(row["guid"]) if row else None
    row = store.one(sql + " ORDER BY id DESC LIMIT 1", (language,))
    return str(row["guid"]) if row else None


@functools.lru_cache(maxsize=4)
def _load(path: str, guid: str) -> TrainedModel:
    from toolkit.store import Store as _Store

    with _Store(path) as store:
        row = store.one("SELECT * FROM suggestion_models WHERE guid = ?", (guid,))
    if row is None or row["model"] is None:
        raise NotFound(f"no stored suggestion model {guid!r}; train one with `coding-toolkit train`")
    settings = json.loads(row["settings"])
    nlp = blank_classifier(
        row["language"], [], settings.get("architecture", "bow"), settings.get("ngrams", 2)
    )
    nlp.from_bytes(row["model"])
    labels = tuple(nlp.get_pipe("textcat_multilabel").labels)
    return TrainedModel(nlp, row["language"], labels, settings, json.loads(row["metrics"]), guid)


def load_model(store: Store, guid: str) -> TrainedModel:
    """The stored model ``guid``, loaded once per process (cached by database file and GUID)."""
    return _load(store.path, guid)
