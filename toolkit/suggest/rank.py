"""Suggestions per unit (sentence or speaker turn) from keyword rules and the learned model, ranked.

Rule score of a code in a unit: ``1 - 0.5 ** n`` where ``n`` is the number of distinct keywords of the
code found in the unit (one keyword 0.5, two 0.75, three 0.875); repeats of one keyword do not count.

When the project has a ready model for the document's language, sentence units are scored by it too,
and the score of a code becomes a calibrated probability: a logistic regression, fitted on held-out
units at training time, of "the coder gave this code" on the model's logit and the rule evidence
(:func:`toolkit.suggest.calibration.calibrated`). ``source`` says which of the two suggested it: ``rule``,
``model`` or ``rule+model``. A turn's model score of a code is its best score among the turn's
sentences."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from toolkit.codes import list_codes
from toolkit.documents import document_row, document_turns
from toolkit.errors import InvalidValue
from toolkit.model import Turn
from toolkit.store import Store
from toolkit.suggest.calibration import calibrated
from toolkit.suggest.classifier import predict
from toolkit.suggest.features import label_of
from toolkit.suggest.registry import current_model_guid, load_model
from toolkit.suggest.rejections import unseen
from toolkit.suggest.rules import KeywordMatch, codebook_keywords, keyword_matches
from toolkit.suggest.types import Suggestion
from toolkit.suggest.units import regions
from toolkit.suggest.units import units as units_of
from toolkit.units import turn_units

UNITS = ("sentence", "turn")
ORDERS = ("position", "score", "uncertainty")
MIN_SCORE = 0.05
PER_UNIT = 3


def score(n_distinct: int) -> float:
    """``1 - 0.5 ** n_distinct``: 0 without a keyword, growing towards 1 with each further keyword."""
    return 1.0 - 0.5**n_distinct if n_distinct > 0 else 0.0


def rank_unit(start: int, end: int, unit: str, matches: Sequence[KeywordMatch]) -> list[Suggestion]:
    """One suggestion per code with a match inside ``[start, end)``, best score first."""
    by_code: dict[str, list[KeywordMatch]] = {}
    for m in matches:
        if start <= m.start and m.end <= end:
            by_code.setdefault(m.code_path, []).append(m)
    out = []
    for path, found in by_code.items():
        evidence = tuple(dict.fromkeys(m.text for m in sorted(found, key=lambda m: m.start)))
        n = len({m.keyword.casefold() for m in found})
        out.append(Suggestion(start, end, path, score(n), "rule", evidence, unit))
    return sorted(out, key=lambda s: (-s.score, s.code_path))


def rule_suggestions(
    store: Store, text: str, language: str, turns: Sequence[Turn], spans: Sequence[tuple[int, int, str]]
) -> list[list[Suggestion]]:
    """Rule suggestions for each ``(start, end, unit)`` span of ``text`` (one list per span)."""
    found = regions(text, turns)
    keywords = codebook_keywords(store, language)
    if not keywords or not found:
        return [[] for _ in spans]
    matches = keyword_matches(text, found, language, keywords, store.setting("spacy_model"))
    matches.sort(key=lambda m: (m.start, m.end))
    starts = [m.start for m in matches]
    return [
        rank_unit(start, end, unit, matches[bisect_left(starts, start) : bisect_left(starts, end)])
        for start, end, unit in spans
    ]


def _with_model(
    store: Store,
    guid: str | None,
    sentences: Sequence[Any],
    rules: list[list[Suggestion]],
    turns: Sequence[tuple[int, int]],
    turn_rules: list[list[Suggestion]],
    min_score: float,
    per_unit: int,
) -> tuple[list[list[Suggestion]], list[list[Suggestion]]] | None:
    """Model and rule suggestions of the sentence units, calibrated, and of the ``turns``, whose model
    score of a code is its best score among the turn's sentences (as ``evaluate`` pools the units of a
    coding); None without a ready model."""
    if guid is None or not sentences:
        return None
    model = load_model(store, guid)
    if not model.metrics.get("use_model", True):  # on held-out codings it did not beat the rules
        return None
    level = model.settings.get("level")
    labels = list(model.labels)
    index = {label: j for j, label in enumerate(labels)}
    raw = predict(model.nlp, sentences, model.settings.get("features", ()))
    rule_m = np.zeros_like(raw)
    for i, found in enumerate(rules):
        for s in found:
            j = index.get(label_of(s.code_path, level))
            if j is not None:
                rule_m[i, j] = max(rule_m[i, j], s.score)
    cal = model.calibration
    both = calibrated(raw, rule_m, cal)
    alone = calibrated(raw, np.zeros_like(raw), cal)
    words = model.metrics.get("evidence_words", {})
    existing = {c.path for c in list_codes(store)}

    def pick(
        start: int,
        end: int,
        unit: str,
        found: Sequence[Suggestion],
        best: np.ndarray,
        bare: np.ndarray,
        text: str,
    ) -> list[Suggestion]:
        by_label = {label_of(s.code_path, level): s for s in found}
        own = set(text.lower().split())
        picked: list[Suggestion] = []
        for rank, j in enumerate(np.argsort(-best)):
            label = labels[j]
            rule = by_label.pop(label, None)
            if label not in existing or (rule is None and (rank >= per_unit or best[j] < min_score)):
                continue
            if rule is not None:
                source = "rule+model" if bare[j] >= min_score else "rule"
                evidence = rule.evidence
            else:
                source = "model"
                evidence = tuple(w for w in words.get(label, []) if w in own)[:5]
            picked.append(Suggestion(start, end, label, float(best[j]), source, evidence, unit, guid))
        # codes the model does not know keep their rule score
        picked += [replace(s, model=None) for s in by_label.values()]
        return sorted(picked, key=lambda s: (-s.score, s.code_path))

    per_sentence = [
        pick(u.start, u.end, "sentence", rules[i], both[i], alone[i], u.text) for i, u in enumerate(sentences)
    ]
    per_turn = []
    starts = [u.start for u in sentences]  # in text order
    for (start, end), found in zip(turns, turn_rules, strict=True):
        near = range(bisect_left(starts, start), bisect_left(starts, end))
        inside = [i for i in near if sentences[i].end <= end]
        if not inside:
            per_turn.append(found)
            continue
        text = " ".join(sentences[i].text for i in inside)
        per_turn.append(
            pick(start, end, "turn", found, both[inside].max(axis=0), alone[inside].max(axis=0), text)
        )
    return per_sentence, per_turn


def suggest(
    store: Store,
    document: str,
    *,
    coder: str | None = None,
    units: Sequence[str] = UNITS,
    use_model: bool = True,
    model: str | None = None,
    order: str = "position",
    min_score: float = MIN_SCORE,
    per_unit: int = PER_UNIT,
) -> list[Suggestion]:
    """Codes suggested for each sentence and/or speaker turn of ``document`` by the codebook's keywords
    and, with a ready model for the document's language and ``use_model``, by the learned model: the
    model ``model`` (a GUID), else the coder's own newest model, else the project's newest. Reads
    only: never creates codings.

    Sentences are split inside turns and again at line breaks. A unit gets every code a rule found
    and up to ``per_unit`` further model codes scoring at least ``min_score``.

    ``order``: ``position`` (start, then score, highest first), ``score`` (highest first) or
    ``uncertainty`` (scores nearest 0.5 first, for active learning).

    With ``coder``, a suggestion is dropped when that coder already has the code on a span overlapping
    the unit, or rejected that code for that unit."""
    unknown = [u for u in units if u not in UNITS]
    if unknown:
        raise InvalidValue("suggestion.unit_unknown", unit=unknown[0], choices=UNITS)
    if order not in ORDERS:
        raise InvalidValue("suggestion.order_unknown", order=order, choices=ORDERS)
    row = document_row(store, document)
    text, language, name = str(row["text"]), str(row["language"]), str(row["name"])
    turns = document_turns(store, name)
    # the model scores sentences; a turn's model scores come from its sentences, so with a model they
    # are needed for turns too
    sentences = units_of(text, turns, language, name) if "sentence" in units or use_model else []
    turn_spans = turn_units(text, turns) if "turn" in units else []
    spans = [(u.start, u.end, "sentence") for u in sentences] + [(s, e, "turn") for s, e in turn_spans]
    per_span = rule_suggestions(store, text, language, turns, spans)
    n = len(sentences)
    if use_model:
        guid = model or current_model_guid(store, language, coder)
        scored = _with_model(
            store, guid, sentences, per_span[:n], turn_spans, per_span[n:], min_score, per_unit
        )
        if scored is not None:
            per_span = scored[0] + scored[1]
    if "sentence" not in units:
        per_span = per_span[n:]
    out = [s for found in per_span for s in found]
    if coder is not None:
        out = unseen(store, coder, name, out)
    return ordered(out, order)


def ordered(items: Sequence[Suggestion], order: str = "position") -> list[Suggestion]:
    """``items`` sorted by position, by score, or by uncertainty (score nearest 0.5 first)."""
    if order == "score":
        return sorted(items, key=lambda s: (-s.score, s.start, s.end, s.code_path))
    if order == "uncertainty":
        return sorted(items, key=lambda s: (abs(s.score - 0.5), s.start, s.end, s.code_path))
    return sorted(items, key=lambda s: (s.start, -s.score, s.end, s.code_path))
