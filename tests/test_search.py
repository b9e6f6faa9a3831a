"""Lexical search: hits equal a plain Python reference over the stored texts, folding, operators,
filters, bad queries, and the index staying right after import, pseudonymisation, deletion and
restore of a backup."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests._factories import CORPORA, add_text, store_with_codebook
from toolkit.codings import add_coding
from toolkit.errors import InvalidValue, NotFound
from toolkit.search import SearchOptions, counts, fold, search
from toolkit.store import Store

INTERVIEW = (
    "I: Wie lief der Onlinezugang für die Bürger?\n\n"
    "B: Der Onlinezugang war schwierig. Viele Buerger hatten einen Medienbruch beim Antrag.\n\n"
    "I: Und die Anträge?\n\n"
    "B: Die Anträge kamen trotzdem auf Papier. Ein Medienbruch nach dem anderen, sagte Herr Müller.\n"
)
OTHER = "I: Gab es Probleme?\n\nB: Nein, der burger king hat alles digital gemacht.\n"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = store_with_codebook(tmp_path)
    add_text(s, INTERVIEW, "interview_a.txt")
    add_text(s, OTHER, "interview_b.txt")
    return s


def spans(store: Store, query: str, **options: object) -> list[tuple[str, str]]:
    return [(h.document, h.text) for h in search(store, query, SearchOptions(**options))]  # type: ignore[arg-type]


def test_a_word_is_found_case_insensitively_with_offsets_into_the_stored_text(store: Store) -> None:
    hits = search(store, "medienbruch")
    text = store.one("SELECT text FROM documents WHERE name = 'interview_a'")["text"]  # type: ignore[index]
    assert [h.text for h in hits] == ["Medienbruch", "Medienbruch"]
    assert all(text[h.start : h.end] == h.text for h in hits)
    assert hits[0].speaker == "B" and hits[0].turn == 2
    assert "[Medienbruch]" in hits[0].context and "Buerger hatten einen" in hits[0].context


def test_case_sensitive_search_tells_upper_from_lower(store: Store) -> None:
    assert spans(store, "medienbruch", case_sensitive=True) == []
    assert len(spans(store, "Medienbruch", case_sensitive=True)) == 2


def test_wildcards_phrases_and_whole_words(store: Store) -> None:
    assert [t for _, t in spans(store, "Antr*")] == ["Antrag", "Anträge", "Anträge"]
    assert [t for _, t in spans(store, "*zugang")] == ["Onlinezugang", "Onlinezugang"]
    assert spans(store, "Antra") == []  # whole words only
    assert [t for _, t in spans(store, '"einen Medienbruch"')] == ["einen Medienbruch"]


def test_folding_makes_umlauts_ue_spellings_and_plain_letters_one_word(store: Store) -> None:
    assert spans(store, "Bürger") == [("interview_a", "Bürger")]
    folded = spans(store, "Bürger", fold=True)
    assert folded == [("interview_a", "Bürger"), ("interview_a", "Buerger"), ("interview_b", "burger")]
    assert spans(store, "buerger", fold=True) == folded
    assert spans(store, "MUELLER", fold=True) == [("interview_a", "Müller")]
    assert fold("Straße") == fold("STRASSE") == "strasse"


def test_and_or_not_hold_within_a_speaker_turn(store: Store) -> None:
    both = spans(store, "Medienbruch AND Antrag")
    assert both == [("interview_a", "Medienbruch"), ("interview_a", "Antrag")]
    assert spans(store, "Medienbruch NOT Antrag") == [("interview_a", "Medienbruch")]  # the last turn
    assert [t for _, t in spans(store, "Papier OR Onlinezugang")] == [
        "Onlinezugang",
        "Onlinezugang",
        "Papier",
    ]
    assert spans(store, "Medienbruch Antrag") == both  # AND is the default
    assert spans(store, "Onlinezugang UND (Bürger ODER schwierig)") == [
        ("interview_a", "Onlinezugang"),
        ("interview_a", "Bürger"),
        ("interview_a", "Onlinezugang"),
        ("interview_a", "schwierig"),
    ]


def test_near_finds_two_words_within_n_words_in_either_order(store: Store) -> None:
    assert spans(store, "Medienbruch NEAR/2 Antrag") == [("interview_a", "Medienbruch beim Antrag")]
    assert spans(store, "Antrag NEAR/1 Medienbruch") == [("interview_a", "Medienbruch beim Antrag")]
    assert spans(store, "Medienbruch NEAR/0 Antrag") == []


def test_regular_expressions_search_the_turns(store: Store) -> None:
    assert [t for _, t in spans(store, r"Antr(a|ä)ge?", mode="regex")] == ["Antrag", "Anträge", "Anträge"]
    assert spans(store, r"^I:", mode="regex") == []  # speaker labels are not what was said


def test_filters_by_document_speaker_attribute_and_code(store: Store) -> None:
    assert spans(store, "der", documents=("interview_b",)) == [("interview_b", "der")]
    assert {h.speaker for h in search(store, "die", SearchOptions(speakers=("I",)))} == {"I"}
    assert spans(store, "Medienbruch", codes=("Information",)) == []
    hit = search(store, "Medienbruch")[1]
    add_coding(
        store, "interview_a", hit.start - 4, hit.end, "Information/Herausforderungen/Lücken", coder="anna"
    )
    assert spans(store, "Medienbruch", codes=("Information",)) == [("interview_a", "Medienbruch")]
    with pytest.raises(NotFound, match="interview_x"):
        search(store, "der", SearchOptions(documents=("interview_x",)))


def test_counts_per_document_and_speaker(store: Store) -> None:
    assert counts(search(store, "der", SearchOptions(fold=True))) == {
        "documents": {"interview_a": 2, "interview_b": 1},
        "speakers": {"I": 1, "B": 2},
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty"),
        ('"Medienbruch', "not closed"),
        ("(Antrag OR Papier", "not closed"),
        ("NOT Antrag", "only excludes"),
        ("Antrag AND", "missing"),
        ("*", "wildcard"),
        ("(Antrag OR Amt) NEAR/3 Papier", "joins two words"),
    ],
)
def test_bad_queries_say_what_is_wrong(store: Store, query: str, message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        search(store, query)


def test_an_invalid_regex_says_so(store: Store) -> None:
    with pytest.raises(InvalidValue, match="invalid"):
        search(store, "Antr(ag", SearchOptions(mode="regex"))


def _index_count(store: Store, word: str) -> int:
    row = store.conn.execute(
        "SELECT count(*) FROM search_body WHERE search_body MATCH ?", (f'"{word}"',)
    ).fetchone()
    return int(row[0])


def test_the_index_follows_pseudonymisation_and_deletion(store: Store) -> None:
    from toolkit.pseudonyms import add_pseudonym, apply

    assert spans(store, "Müller") == [("interview_a", "Müller")]
    add_pseudonym(store, "Müller", "[Person 1]", actor="t")
    apply(store, ["interview_a"], actor="t")
    assert spans(store, "Müller") == [] and _index_count(store, "müller") == 0
    assert [t for _, t in spans(store, '"Person 1"')] == ["Person 1"]
    with store.write("t") as w:
        w.execute("DELETE FROM documents WHERE name = 'interview_b'")
    assert spans(store, "burger", fold=True) == [("interview_a", "Bürger"), ("interview_a", "Buerger")]
    assert _index_count(store, "king") == 0


def test_a_restored_backup_and_an_old_project_have_a_working_index(store: Store, tmp_path: Path) -> None:
    from toolkit.backup import backup, restore

    backup(store, tmp_path / "b.db")
    add_text(store, "I: Neu?\n\nB: Ein Zauberwort.\n", "interview_c.txt")
    assert len(spans(store, "Zauberwort")) == 1
    store.close()
    restore(tmp_path / "b.db", tmp_path / "p.db", actor="t")
    with Store(tmp_path / "p.db") as restored:
        assert spans(restored, "Zauberwort") == []
        assert len(spans(restored, "Medienbruch")) == 2
    # an old project: the migration builds the index from the stored texts
    conn = sqlite3.connect(tmp_path / "p.db")
    triggers = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE name LIKE 'search_%' AND type = 'trigger'"
        )
    ]
    conn.executescript(
        "".join(f"DROP TRIGGER {t};" for t in triggers)
        + "DROP TABLE search_body; DROP TABLE search_body_vocab; DROP TABLE search_body_terms; "
        "DROP TABLE search_voices; DROP TABLE search_stale; "
        "DELETE FROM _sqlite_migrations WHERE name = 'm013a_search_voices';"
    )
    conn.close()
    with Store(tmp_path / "p.db") as migrated:
        assert len(spans(migrated, "Medienbruch")) == 2


# -- against a reference: re over the stored texts, turn by turn --------------------------------


def reference(store: Store, word: str, *, fold_spelling: bool = False) -> list[tuple[str, int, int]]:
    """Whole-word matches turn by turn; folded: every word whose :func:`fold` is the query's."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    out = []
    for doc in store.query("SELECT id, name, text FROM documents ORDER BY name"):
        turns = store.query(
            'SELECT start, "end" FROM turns WHERE document_id = ? ORDER BY start', (doc["id"],)
        )
        for t in turns:
            said = doc["text"][t["start"] : t["end"]]
            if fold_spelling:
                matches = [m for m in re.finditer(r"\w+", said) if fold(m.group()) == fold(word)]
            else:
                matches = list(pattern.finditer(said))
            out += [(doc["name"], t["start"] + m.start(), t["start"] + m.end()) for m in matches]
    return out


def found(store: Store, word: str, **options: object) -> list[tuple[str, int, int]]:
    return [(h.document, h.start, h.end) for h in search(store, word, SearchOptions(**options))]  # type: ignore[arg-type]


WORDS = ["Antrag", "Bürger", "Buerger", "amt", "Ämter", "straße", "strasse", "Müller", "x"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    turns=st.lists(
        st.lists(st.sampled_from([*WORDS, "und", ",", ".", "\n", "  ", "-", "ü", "e"]), max_size=12),
        min_size=1,
        max_size=5,
    ),
    word=st.sampled_from(WORDS),
    fold_spelling=st.booleans(),
)
def test_hits_equal_the_reference_and_lie_in_the_stored_text(
    tmp_path_factory: pytest.TempPathFactory, turns: list[list[str]], word: str, fold_spelling: bool
) -> None:
    store = store_with_codebook(tmp_path_factory.mktemp("p"))
    text = "".join(f"{'IB'[i % 2]}: {' '.join(t) or 'leer'}\n\n" for i, t in enumerate(turns))
    add_text(store, text, "g.txt")
    stored = store.one("SELECT text FROM documents")["text"]  # type: ignore[index]
    hits = search(store, word, SearchOptions(fold=fold_spelling))
    assert all(0 <= h.start < h.end <= len(stored) and stored[h.start : h.end] == h.text for h in hits)
    assert found(store, word, fold=fold_spelling) == reference(store, word, fold_spelling=fold_spelling)
    store.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet='ABDEGIMNORTaenrtgü* "()/2', max_size=24), fold_spelling=st.booleans())
def test_any_query_either_finds_offsets_in_the_text_or_says_what_is_wrong(
    store: Store, query: str, fold_spelling: bool
) -> None:
    texts = {r["name"]: r["text"] for r in store.query("SELECT name, text FROM documents")}
    try:
        hits = search(store, query, SearchOptions(fold=fold_spelling))
    except InvalidValue as exc:
        assert str(exc).startswith("query") and "\n" not in str(exc)
        return
    assert all(0 <= h.start < h.end <= len(texts[h.document]) for h in hits)
    assert all(texts[h.document][h.start : h.end] == h.text for h in hits)


def test_real_transcripts_equal_the_reference(tmp_path: Path) -> None:
    files = sorted(CORPORA.glob("*/*.txt"))[:4]
    if not files:
        pytest.skip("no corpora in ../shared/corpora")
    store = store_with_codebook(tmp_path)
    for f in files:
        add_text(store, f.read_text(encoding="utf-8", errors="replace"), f.name)
    for word in ("the", "und", "data", "ich", "Interview", "für", "Uebung"):
        assert found(store, word) == reference(store, word)
        assert found(store, word, fold=True) == reference(store, word, fold_spelling=True)


@pytest.mark.parametrize("pattern", [r"(a+)+b", r"(\w+\s*)+x", r"x(?:y|\d+)*z"])
def test_a_regex_that_could_run_away_is_refused_before_it_runs(store: Store, pattern: str) -> None:
    with pytest.raises(InvalidValue, match="could run"):
        search(store, pattern, SearchOptions(mode="regex"))


def test_a_repeated_group_with_a_required_separator_is_allowed(store: Store) -> None:
    hits = search(store, r"(\w+ )+Medienbruch", SearchOptions(mode="regex"))
    assert [h.text for h in hits] == ["Viele Buerger hatten einen Medienbruch", "Ein Medienbruch"]


def test_lemma_search_finds_every_form_of_a_word(tmp_path: Path) -> None:
    from toolkit.search_lemma import forms_of

    store = store_with_codebook(tmp_path)
    add_text(
        store,
        "I: Wie viele Anträge kommen online?\n\n"
        "B: Jeder Antrag zählt, aber die Anträgen fehlt der Zugang.\n\n"
        "I: Und die Antragsteller?\n",
        "lemma.txt",
    )
    assert forms_of("Anträge")[:2] == ("antrag", "antrage")
    words = search(store, "Antrag")
    assert [h.text for h in words] == ["Antrag"]
    lemma = search(store, "Antrag", SearchOptions(mode="lemma"))
    assert [h.text for h in lemma] == ["Anträge", "Antrag", "Anträgen"]  # not "Antragsteller": another word
    both = search(store, "Antrag AND Zugang", SearchOptions(mode="lemma"))
    assert [h.text for h in both] == ["Antrag", "Anträgen", "Zugang"]
    english = forms_of("went")
    assert {"go", "goes", "going", "went"} <= set(english)
