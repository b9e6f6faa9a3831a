"""Rule-based code suggestions: a spaCy pipeline per language and the keyword suggester component.

The component (factory ``toolkit_keyword_suggester``, registered as ``toolkit.keyword_suggester.v1``
in ``spacy.registry.misc``) matches the codebook's keywords (single words or
phrases) on the lower-cased text and on case-folded lemmas, and writes every match to
``doc.spans["toolkit_suggest"]`` with the code path as label and the keyword as span id."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from toolkit.codes import list_codes
from toolkit.nlp import LANGUAGES
from toolkit.store import Store

# spaCy forbids "." in factory names: the component factory is FACTORY, and the same function is
# registered under the versioned registry name REGISTRY_NAME in ``spacy.registry.misc``.
FACTORY = "toolkit_keyword_suggester"
REGISTRY_NAME = "toolkit.keyword_suggester.v1"
SPANS_KEY = "toolkit_suggest"

Keywords = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class KeywordMatch:
    """A keyword of a code found in the text: ``text[start:end]`` is the matched passage."""

    start: int
    end: int
    code_path: str
    keyword: str
    text: str


@functools.lru_cache(maxsize=4)
def _lookups(language: str) -> Any:
    """The lemma lookup table of spacy-lookups-data for ``language``, loaded once (about 1 s for de)."""
    from spacy.lookups import load_lookups

    return load_lookups(lang=language, tables=["lemma_lookup"])


def _base_pipeline(language: str, model: str | None) -> Any:
    if model and spacy.util.is_package(model):
        nlp = spacy.load(model)
        if nlp.lang == language:
            if not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names)):
                nlp.add_pipe("sentencizer")
            return nlp
    nlp = spacy.blank(language)
    lemmatizer: Any = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemmatizer.initialize(lookups=_lookups(language))
    nlp.add_pipe("sentencizer")
    return nlp


@functools.lru_cache(maxsize=8)
def suggester_pipeline(language: str, model: str | None = None, keywords: Keywords = ()) -> Any:
    """The pipeline for ``language`` with the keyword suggester for ``keywords`` (code path, phrases),
    built once per language, model and keyword table.

    A trained pipeline is used only when ``model`` names an installed package of that language; nothing
    is downloaded. Otherwise: ``spacy.blank`` + lookup lemmatizer (spacy-lookups-data) + sentencizer.
    The returned pipeline is shared: do not change it."""
    lang = language if language in LANGUAGES else "de"
    nlp = _base_pipeline(lang, model)
    nlp.add_pipe(FACTORY, config={"keywords": {path: list(words) for path, words in keywords}})
    return nlp


def pipeline(language: str, model: str | None = None) -> Any:
    """The pipeline for ``language`` without keywords (tokenizer, lemmatizer, sentencizer)."""
    return suggester_pipeline(language, model, ())


def _lemma_table(nlp: Language) -> Any:
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_lookup"):
        return None
    return lookups.get_table("lemma_lookup")


# A keyword's token values, the position of its anchor among them and its match id. The anchor is the
# keyword's longest word that is not a stop word: rarer in text ("Lust haben", "auf dem Laufenden"), so
# there are fewer places to check.
Pattern = tuple[list[Any], int, int]


class KeywordSuggester:
    """Marks the keywords of each code in a doc; reads lemmas set by an earlier lemmatizer.

    Matching is what two ``PhraseMatcher``s on ``LOWER`` and on case-folded lemmas would find (every
    match at every token, overlaps included), done in one pass over ``doc.to_array``: keywords are few,
    so they are kept by their longest word, and each word's folded lemma is computed once."""

    MAX_CACHED = 100_000  # folded lemmas kept per component before the cache starts afresh

    def __init__(self, nlp: Language, name: str, *, keywords: Mapping[str, Sequence[str]], spans_key: str):
        self.name = name
        self.spans_key = spans_key
        self.vocab = nlp.vocab
        self._table = _lemma_table(nlp)
        self._by_lower: dict[int, list[Pattern]] = {}
        self._by_lemma: dict[str, list[Pattern]] = {}
        self._keys: dict[int, tuple[str, str]] = {}
        phrases = [(path, word.strip()) for path, words in keywords.items() for word in words if word.strip()]
        # nlp.pipe runs the components added so far, so the patterns carry lemmas.
        docs = nlp.pipe(word for _, word in phrases)
        for (path, word), doc in zip(phrases, docs, strict=True):
            match_id = self.vocab.strings.add(f"{path}\x1f{word}")
            self._keys[match_id] = (path, word)
            anchor = max(range(len(doc)), key=lambda i: (not doc[i].is_stop, len(doc[i].text)), default=0)
            _add(self._by_lower, [t.lower for t in nlp.make_doc(word)], anchor, match_id)
            # Keywords are written as base forms: match their lemmas and the words themselves as
            # lemmas (the English table maps "training" to "train" but "trainings" to "training").
            _add(self._by_lemma, [self._fold(t.text, t.lemma_) for t in doc], anchor, match_id)
            _add(self._by_lemma, [t.text.lower() for t in doc], anchor, match_id)
        # (text hash, lemma hash) -> folded lemma, or "" when no keyword contains it
        self._folds: dict[tuple[int, int], str] = {}
        self._lemma_words = {
            value for patterns in self._by_lemma.values() for p, _, _ in patterns for value in p
        }

    def _fold(self, text: str, lemma: str) -> str:
        """The lemma, lower-cased; German lookup tables are case-sensitive, so a lemma the lookup
        missed is looked up again in lower case and capitalised."""
        lemma = lemma or text
        if self._table is not None and lemma == text:
            for variant in (text.lower(), text.capitalize()):
                found = self._table.get(variant)
                if found:
                    lemma = str(found)
                    break
        return lemma.lower()

    def _folded(self, orths: list[int], lemmas: list[int]) -> list[str]:
        """The folded lemma of each token ("" where no keyword has it), from the hashes of its text and
        lemma; each pair is folded once."""
        folds = self._folds
        out = list(map(folds.get, zip(orths, lemmas, strict=True)))
        if None not in out:
            return out  # type: ignore[return-value]
        if len(folds) > self.MAX_CACHED:
            folds.clear()
        strings = self.vocab.strings
        for i, pair in enumerate(zip(orths, lemmas, strict=True)):
            if out[i] is None:
                folded = self._fold(strings[pair[0]], strings[pair[1]] if pair[1] else "")
                out[i] = folds[pair] = folded if folded in self._lemma_words else ""
        return out  # type: ignore[return-value]

    def __call__(self, doc: Doc) -> Doc:
        orths, lowers, lemmas = doc.to_array([ORTH, LOWER, LEMMA]).T.tolist()
        found: set[tuple[int, int, int]] = set()
        _find(lowers, self._by_lower, found)
        if self._by_lemma:
            _find(self._folded(orths, lemmas), self._by_lemma, found)
        spans = []
        for start, end, match_id in sorted(found):
            path, word = self._keys[match_id]
            spans.append(Span(doc, start, end, label=path, span_id=word))
        doc.spans[self.spans_key] = spans
        return doc


def _add(patterns: dict[Any, list[Pattern]], values: list[Any], anchor: int, match_id: int) -> None:
    """Keep ``values`` under the value at ``anchor``."""
    if values and (values, anchor, match_id) not in patterns.get(values[anchor], []):
        patterns.setdefault(values[anchor], []).append((values, anchor, match_id))


def _find(values: list[Any], patterns: Mapping[Any, list[Pattern]], found: set[tuple[int, int, int]]) -> None:
    """Add ``(start, end, match id)`` for every pattern whose values occur in ``values``."""
    for value in patterns.keys() & values:
        at = values.index(value)
        while True:
            for pattern, anchor, match_id in patterns[value]:
                start = at - anchor
                end = start + len(pattern)
                if start >= 0 and values[start:end] == pattern:
                    found.add((start, end, match_id))
            try:
                at = values.index(value, at + 1)
            except ValueError:
                break


@registry.misc(REGISTRY_NAME)  # type: ignore[untyped-decorator]
@Language.factory(FACTORY, default_config={"keywords": {}, "spans_key": SPANS_KEY})
def make_keyword_suggester(
    nlp: Language, name: str, keywords: dict[str, list[str]], spans_key: str
) -> KeywordSuggester:
    """Build the component; ``keywords`` maps each code path to its keywords (words or phrases)."""
    return KeywordSuggester(nlp, name, keywords=keywords, spans_key=spans_key)


def codebook_keywords(store: Store, language: str) -> Keywords:
    """Each code's keywords for ``language`` (``en`` for English, otherwise German), as a hashable table."""
    table = ((c.path, c.keywords_en if language == "en" else c.keywords_de) for c in list_codes(store))
    return tuple((path, words) for path, words in table if words)


def keyword_matches(
    text: str, regions: Iterable[tuple[int, int]], language: str, keywords: Keywords, model: str | None = None
) -> list[KeywordMatch]:
    """Keyword matches inside each region (a speaker turn) of ``text``, with offsets into ``text``."""
    nlp = suggester_pipeline(language, model, keywords)
    regions = list(regions)
    out: list[KeywordMatch] = []
    for (offset, _), doc in zip(regions, nlp.pipe(text[s:e] for s, e in regions), strict=True):
        for span in doc.spans[SPANS_KEY]:
            start, end = offset + span.start_char, offset + span.end_char
            out.append(KeywordMatch(start, end, span.label_, span.id_, text[start:end]))
    return out
