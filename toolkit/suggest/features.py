"""What the classifier sees of a unit: its own lower-cased words and prefixed context words
(``q:``/``h:`` question and task heading, ``p:``/``n:`` neighbours, ``s:`` speaker role), the
character n-grams of the softmax companion, and which codes a unit carries (a coding covering at least
half of it, or lying inside it whole)."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from toolkit.model import Coding
from toolkit.suggest.units import Unit

ALL_FEATURES = ("question", "neighbours", "speaker")
# the default: neighbours did not help on SERDIF (docs/suggestions.md)
FEATURES = ("question", "speaker")
_WORD = re.compile(r"\w+", re.UNICODE)


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
