"""Which language a transcript is in (German or English), from its most frequent function words."""

from __future__ import annotations

import re
from collections import Counter

LANGUAGES = ("de", "en")
_WORD = re.compile(r"[^\W\d_]+")
_COUNTED_WORD = re.compile(r"[^\W_]+(?:[-'’:*_][^\W_]+)*")
_STOPWORDS = {
    "de": frozenset(
        [
            "und",
            "der",
            "die",
            "das",
            "ist",
            "nicht",
            "ich",
            "es",
            "wir",
            "sie",
            "ein",
            "eine",
            "zu",
            "mit",
            "auf",
            "den",
            "dem",
            "auch",
            "sich",
            "im",
            "wie",
            "aber",
            "also",
            "dass",
            "noch",
            "mal",
            "von",
            "für",
            "haben",
            "hat",
            "bei",
            "oder",
            "so",
            "ja",
            "schon",
            "wenn",
            "man",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "and",
            "to",
            "of",
            "a",
            "is",
            "that",
            "it",
            "in",
            "you",
            "we",
            "this",
            "for",
            "be",
            "was",
            "with",
            "have",
            "on",
            "are",
            "not",
            "but",
            "so",
            "they",
            "what",
            "like",
            "just",
            "do",
            "can",
            "if",
            "my",
            "there",
            "yeah",
            "think",
        ]
    ),
}


def detect_language(text: str, default: str = "de") -> str:
    """``de`` or ``en``, by counting function words in the first 20,000 characters."""
    seen = Counter(_WORD.findall(text[:20000].lower()))
    counts = dict.fromkeys(LANGUAGES, 0)
    for word, n in seen.items():
        for lang, words in _STOPWORDS.items():
            if word in words:
                counts[lang] += n
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] > 0 else default


def count_words(text: str) -> int:
    """Words as a reader counts them: letters or digits; hyphenated and gendered forms
    (E-Akte, Bürger:innen, Mitarbeiter_innen) kept whole."""
    return len(_COUNTED_WORD.findall(text))
