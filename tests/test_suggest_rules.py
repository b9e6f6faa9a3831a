"""Keyword rules suggest codes per sentence and turn; they never code anything themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from toolkit.codebook import parse_codebook
from toolkit.codes_merge import load_codebook_into
from toolkit.codings import add_coding, list_codings
from toolkit.documents import document_row, document_turns, import_upload, list_documents
from toolkit.project import ROOT, create_demo
from toolkit.store import Store, create_store, open_store
from toolkit.suggest import FACTORY, REGISTRY_NAME, SPANS_KEY, Suggestion, score, suggest, suggester_pipeline
from toolkit.suggest.rules import Keywords, pipeline

CODEBOOK = """\
format: 1
title: Test
fields_of_action: [{name: Mensch}, {name: Organisation}]
codes:
  - {id: mensch, name: Mensch, field_of_action: Mensch, definition: M}
  - id: schulung
    parent: mensch
    name: Schulung
    definition: Lernen
    keywords: {de: [Schulung, Fortbildung], en: [training, workshop]}
  - {id: org, name: Organisation, field_of_action: Organisation, definition: O}
  - id: verwaltung
    parent: org
    name: Verwaltung
    definition: V
    keywords: {de: [Verwaltung, "auf dem Laufenden"], en: [public administration]}
"""

GERMAN = (
    "I: Wie lernen die Leute das?\n\n"
    "B: Es gab drei Schulungen. VERWALTUNGEN sind langsam. Wir halten alle auf dem Laufenden. "
    "Nach der Fortbildung und der Schulung ging es.\n"
)

ENGLISH = (
    "I: How did people learn it?\n\n"
    "B: We ran two trainings and a Workshop for the public administration staff. Then it worked.\n"
)


def make_store(tmp_path: Path, text: str, language: str | None = None) -> tuple[Store, str]:
    store = create_store(tmp_path / "p.db")
    load_codebook_into(store, parse_codebook(CODEBOOK, "cb.yaml"), actor="t")
    result = import_upload(store, text.encode("utf-8"), "x.txt", actor="t", language=language)
    return store, result.document


@pytest.fixture()
def german(tmp_path: Path) -> tuple[Store, str]:
    return make_store(tmp_path, GERMAN, "de")


def found(items: list[Suggestion], unit: str = "sentence") -> dict[str, Suggestion]:
    return {f"{s.code_path}@{s.start}": s for s in items if s.unit == unit}


def sentence_with(store: Store, name: str, items: list[Suggestion], needle: str) -> list[Suggestion]:
    text = str(document_row(store, name)["text"])
    return [s for s in items if s.unit == "sentence" and needle in text[s.start : s.end]]


def test_inflected_german_form_matches_its_keyword_lemma(german: tuple[Store, str]) -> None:
    store, name = german
    (hit,) = sentence_with(store, name, suggest(store, name), "drei Schulungen")
    assert hit.code_path == "Mensch/Schulung"
    assert hit.evidence == ("Schulungen",)
    assert hit.source == "rule"


def test_case_differences_match(german: tuple[Store, str]) -> None:
    store, name = german
    (hit,) = sentence_with(store, name, suggest(store, name), "VERWALTUNGEN")
    assert hit.code_path == "Organisation/Verwaltung"
    assert hit.evidence == ("VERWALTUNGEN",)


def test_multi_word_phrase_matches(german: tuple[Store, str]) -> None:
    store, name = german
    (hit,) = sentence_with(store, name, suggest(store, name), "Laufenden")
    assert hit.code_path == "Organisation/Verwaltung"
    assert hit.evidence == ("auf dem Laufenden",)


def test_english_keywords_match(tmp_path: Path) -> None:
    store, name = make_store(tmp_path, ENGLISH, "en")
    (hit, other) = sentence_with(store, name, suggest(store, name), "trainings")
    assert (hit.code_path, hit.evidence, hit.score) == ("Mensch/Schulung", ("trainings", "Workshop"), 0.75)
    assert (other.code_path, other.evidence) == ("Organisation/Verwaltung", ("public administration",))


def test_offsets_are_units_of_the_stored_text_inside_turns(german: tuple[Store, str]) -> None:
    store, name = german
    text = str(document_row(store, name)["text"])
    turns = document_turns(store, name)
    items = suggest(store, name)
    assert {s.unit for s in items} == {"sentence", "turn"}
    for s in items:
        unit = text[s.start : s.end]
        assert unit == unit.strip() and unit
        assert any(t.start <= s.start and s.end <= t.end for t in turns)
        assert all(word in unit for word in s.evidence)
    turn_units = [(s.start, s.end) for s in items if s.unit == "turn"]
    assert all(
        text[a:b] == text[t.start : t.end].strip()
        for a, b in turn_units
        for t in turns
        if t.start <= a < t.end
    )
    assert items == sorted(items, key=lambda s: (s.start, -s.score, s.end, s.code_path))


def test_two_keywords_rank_above_one(german: tuple[Store, str]) -> None:
    store, name = german
    (two,) = sentence_with(store, name, suggest(store, name), "Fortbildung")
    assert two.evidence == ("Fortbildung", "Schulung")
    assert two.score == score(2) == 0.75
    (turn,) = [s for s in suggest(store, name, units=("turn",)) if s.code_path == "Mensch/Schulung"]
    assert turn.score == score(2)  # Schulungen and Schulung are one keyword
    assert score(1) == 0.5 < score(2) < score(3) < 1
    assert score(0) == 0.0


def test_units_can_be_chosen(german: tuple[Store, str]) -> None:
    store, name = german
    assert {s.unit for s in suggest(store, name, units=("turn",))} == {"turn"}
    assert {s.unit for s in suggest(store, name, units=("sentence",))} == {"sentence"}


def test_a_coders_existing_coding_suppresses_the_suggestion(german: tuple[Store, str]) -> None:
    store, name = german
    text = str(document_row(store, name)["text"])
    start = text.index("Schulungen")
    add_coding(store, name, start, start + len("Schulungen"), "Mensch/Schulung", coder="anna")
    for_anna = suggest(store, name, coder="anna")
    assert not sentence_with(store, name, for_anna, "drei Schulungen")
    assert not [s for s in for_anna if s.unit == "turn" and s.code_path == "Mensch/Schulung"]
    assert sentence_with(store, name, for_anna, "VERWALTUNGEN")  # other codes stay
    assert sentence_with(store, name, suggest(store, name, coder="ben"), "drei Schulungen")


def test_suggestions_never_add_codings(german: tuple[Store, str]) -> None:
    store, name = german
    before = store.one("SELECT count(*) AS n FROM codings")
    assert suggest(store, name)
    assert store.one("SELECT count(*) AS n FROM codings") == before


def test_component_is_registered_and_writes_spans() -> None:
    assert Language.has_factory(FACTORY)
    assert spacy.util.registry.misc.get(REGISTRY_NAME) is not None
    nlp = suggester_pipeline("de", None, (("Organisation/Verwaltung", ("Verwaltung",)),))
    assert nlp.pipe_names == ["lemmatizer", "sentencizer", FACTORY]
    doc = nlp("Die Verwaltungen und die verwaltung.")
    assert [(s.text, s.label_, s.id_) for s in doc.spans[SPANS_KEY]] == [
        ("Verwaltungen", "Organisation/Verwaltung", "Verwaltung"),
        ("verwaltung", "Organisation/Verwaltung", "Verwaltung"),
    ]


def test_a_missing_trained_pipeline_falls_back_to_the_blank_one(german: tuple[Store, str]) -> None:
    store, name = german
    with store.write("t") as w:
        w.set_setting("spacy_model", "de_not_installed_pipeline")
    assert sentence_with(store, name, suggest(store, name), "drei Schulungen")


def test_unknown_unit_is_refused(german: tuple[Store, str]) -> None:
    store, name = german
    with pytest.raises(Exception, match="unknown suggestion unit 'paragraph'"):
        suggest(store, name, units=("paragraph",))


def test_demo_project_gets_suggestions_overlapping_its_codings(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    create_demo(db, ROOT, actor="t")
    store = open_store(db)
    hits = total = 0
    for doc in list_documents(store):
        items = suggest(store, doc.name)
        assert items, doc.name
        for c in list_codings(store, document=doc.name):
            total += 1
            hits += any(s.code_path == c.code_path and s.start < c.end and c.start < s.end for s in items)
    # measured: 80 of 191 demo codings (42 %) overlap a suggestion of the same code
    assert total and hits / total > 0.2


# Keywords whose longest word is not the first ("auf dem Laufenden"), that overlap ("Laufenden"), that
# two codes share ("Schulung") or that begin with a stop word ("nicht mehr missen").
KEYWORDS = (
    ("A/Schulung", ("Schulung", "Fortbildung")),
    ("A/Info", ("auf dem Laufenden", "Laufenden", "nicht mehr missen")),
    ("B/Lust", ("Lust haben", "Schulung")),
)
POOL = [
    *("Schulung Schulungen SCHULUNG schulungen Fortbildungen auf Auf dem den Laufenden laufende".split()),
    *("nicht mehr missen Lust habe haben hatte und Die . ,".split()),
    "\n",
]
KEYWORDS_EN = (
    ("A/Training", ("training", "workshop")),
    ("B/Admin", ("public administration", "administration")),
)
POOL_EN = (
    "training trainings Trainings train trained workshop Workshops public administration The and .".split()
)


def phrase_matcher_spans(language: str, keywords: Keywords, text: str) -> list[tuple[int, int, str, str]]:
    """What two PhraseMatchers find, on LOWER and on the folded lemmas of a second Doc: the reference
    the one-pass matching of the component must equal."""
    nlp = suggester_pipeline(language, None, keywords)
    fold = nlp.get_pipe(FACTORY)._fold
    base = pipeline(language)
    lower, lemma = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="LEMMA")
    for path, words in keywords:
        for word in words:
            key = f"{path}\x1f{word}"
            doc = base(word)
            lower.add(key, [base.make_doc(word)])
            folded = Doc(nlp.vocab, words=[t.text for t in doc], lemmas=[fold(t.text, t.lemma_) for t in doc])
            written = Doc(nlp.vocab, words=[t.text for t in doc], lemmas=[t.text.lower() for t in doc])
            lemma.add(key, [folded, written])
    doc = base(text)
    as_lemmas = Doc(nlp.vocab, words=[t.text for t in doc], lemmas=[fold(t.text, t.lemma_) for t in doc])
    found = {(s, e, m) for m, s, e in lower(doc)} | {(s, e, m) for m, s, e in lemma(as_lemmas)}
    return [(s, e, *nlp.vocab.strings[m].split("\x1f")) for s, e, m in sorted(found)]


def test_overlapping_keywords_of_several_codes_all_match() -> None:
    nlp = suggester_pipeline("de", None, KEYWORDS)
    doc = nlp("Laufenden, auf dem LAUFENDEN und die Schulungen")
    assert sorted((s.start, s.text, s.label_, s.id_) for s in doc.spans[SPANS_KEY]) == [
        (0, "Laufenden", "A/Info", "Laufenden"),
        (2, "auf dem LAUFENDEN", "A/Info", "auf dem Laufenden"),
        (4, "LAUFENDEN", "A/Info", "Laufenden"),
        (7, "Schulungen", "A/Schulung", "Schulung"),
        (7, "Schulungen", "B/Lust", "Schulung"),
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(POOL), max_size=30), st.lists(st.sampled_from(POOL_EN), max_size=30))
def test_matches_equal_two_phrase_matchers(german: list[str], english: list[str]) -> None:
    for language, keywords, words in (("de", KEYWORDS, german), ("en", KEYWORDS_EN, english)):
        text = " ".join(words)
        doc = suggester_pipeline(language, None, keywords)(text)
        spans = [(s.start, s.end, s.label_, s.id_) for s in doc.spans[SPANS_KEY]]
        assert spans == phrase_matcher_spans(language, keywords, text)
