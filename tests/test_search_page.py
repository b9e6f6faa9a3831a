"""Pages of hits: the counts of a page (from the index for words, phrases and lemmas) equal those of
all hits found in the texts, and the pages put together are exactly the full hit list; the index
stays right after pseudonymisation, deletion and changed turns."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests._factories import CORPORA, add_text, store_with_codebook
from toolkit.search import SearchOptions, counts, search
from toolkit.search_page import search_page
from toolkit.store import Store

TEXT_A = (
    "I: Wie lief der Onlinezugang für die Bürger?\n\n"
    "B: Der Onlinezugang war schwierig. Viele Buerger hatten einen Medienbruch beim Antrag.\n\n"
    "I: Und die Anträge? Das Formular, das Formular!\n\n"
    "B: Die Anträge kamen auf Papier: das Formular als PDF. Medienbruch_2 und E-Akte, Medienbruch.\n"
)
TEXT_B = "I: Gab es Probleme mit dem Formular?\n\nB: Nein, das Formular ging. Der burger king, ja ja ja.\n"
TEXT_C = "Ein Text ohne Sprecher: das Formular und der Medienbruch im Antrag.\n"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = store_with_codebook(tmp_path)
    for text, name in ((TEXT_A, "a.txt"), (TEXT_B, "b.txt"), (TEXT_C, "c.txt")):
        add_text(s, text, name)
    return s


def _same_as_all_hits(store: Store, query: str, options: SearchOptions, page: int = 2) -> bool:
    """The page's counts are those of all hits, and the pages joined are all hits."""
    every = search(store, query, options)
    whole = search_page(store, query, options, limit=None)
    assert whole.total == len(every)
    assert whole.per_document == counts(every)["documents"]
    assert whole.per_speaker == dict(sorted(counts(every)["speakers"].items()))
    assert list(whole.hits) == every
    joined = []
    for offset in range(0, len(every) + page, page):
        result = search_page(store, query, options, limit=page, offset=offset)
        assert result.total == len(every)
        joined += result.hits
    assert joined == every
    return whole.from_index


QUERIES = [
    ("Medienbruch", SearchOptions(), True),
    ("formular", SearchOptions(), True),
    ("Onlinezugang*", SearchOptions(), True),
    ('"das Formular"', SearchOptions(), True),
    ("Antrag OR Anträge OR Papier", SearchOptions(), True),
    ("Antrag", SearchOptions(mode="lemma"), True),
    ("burger", SearchOptions(fold=True), True),
    ("formular", SearchOptions(speakers=("B",)), True),
    ("formular", SearchOptions(documents=("a", "c")), True),
    ('"ja ja"', SearchOptions(), False),  # can overlap itself: counted in the text
    ("Formular", SearchOptions(case_sensitive=True), False),
    ("Formular AND Papier", SearchOptions(), False),
    ("*zugang", SearchOptions(), False),
    ("E-Akte", SearchOptions(), False),
    (r"Medienbruch\w*", SearchOptions(mode="regex"), False),
]


@pytest.mark.parametrize(("query", "options", "indexed"), QUERIES)
def test_pages_and_counts_equal_all_hits(
    store: Store, query: str, options: SearchOptions, indexed: bool
) -> None:
    assert _same_as_all_hits(store, query, options) is indexed


def test_a_role_filter_counts_only_that_role(store: Store) -> None:
    store.conn.execute(
        "INSERT INTO speaker_attributes (document_id, speaker, name, value) "
        "SELECT id, 'B', 'speaker_role', 'Befragte' FROM documents WHERE name = 'a'"
    )
    store.conn.commit()
    result = search_page(store, "formular", SearchOptions(roles=("Befragte",)))
    assert result.from_index and result.per_document == {"a": 1} and result.per_speaker == {"B": 1}
    assert _same_as_all_hits(store, "formular", SearchOptions(roles=("Befragte",)))


def test_counts_follow_pseudonymisation_deletion_and_new_turns(store: Store) -> None:
    from toolkit.pseudonyms import add_pseudonym, apply

    add_pseudonym(store, "Formular", "[Dokument 1]", actor="t")
    apply(store, ["a"], actor="t")
    assert search_page(store, "formular").per_document == {"b": 2, "c": 1}
    assert _same_as_all_hits(store, "Dokument", SearchOptions())
    with store.write("t") as w:
        w.execute("DELETE FROM documents WHERE name = 'b'")
    assert search_page(store, "formular").per_document == {"c": 1}
    # turns changed outside the store's writer: the next search re-indexes first
    store.conn.execute("UPDATE turns SET speaker = 'X' WHERE speaker = 'B'")
    store.conn.commit()
    assert search_page(store, "Medienbruch").per_speaker == {"": 1, "X": 2}
    assert _same_as_all_hits(store, "Medienbruch", SearchOptions())


WORDS = ["Antrag", "Bürger", "Buerger", "amt", "Ämter", "straße", "STRASSE", "x", "das", "Formular"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    turns=st.lists(
        st.lists(
            st.sampled_from([*WORDS, "und", ",", ".", "\n", "  ", "-", "_", "ü", "e", "\u0301", "½", "²"]),
            max_size=12,
        ),
        min_size=1,
        max_size=5,
    ),
    query=st.sampled_from([*WORDS, "amt*", '"das Formular"', "Antrag OR amt*", "bürger"]),
    fold_spelling=st.booleans(),
)
def test_index_counts_equal_the_text_search_on_generated_turns(
    tmp_path_factory: pytest.TempPathFactory, turns: list[list[str]], query: str, fold_spelling: bool
) -> None:
    store = store_with_codebook(tmp_path_factory.mktemp("p"))
    text = "".join(
        f"{'IB'[i % 2]}: {''.join(t) if i % 3 else ' '.join(t) or 'leer'}\n\n" for i, t in enumerate(turns)
    )
    add_text(store, text, "g.txt")
    _same_as_all_hits(store, query, SearchOptions(fold=fold_spelling), page=3)
    store.close()


def test_real_transcripts_count_alike_in_the_index_and_the_texts(tmp_path: Path) -> None:
    files = sorted(CORPORA.glob("*/*.txt"))[:4]
    if not files:
        pytest.skip("no corpora in ../shared/corpora")
    store = store_with_codebook(tmp_path)
    for f in files:
        add_text(store, f.read_text(encoding="utf-8", errors="replace"), f.name)
    for query in ("the", "und", "data", "ich", "Interview", "für", '"I think"', '"und dann"', "interview*"):
        assert _same_as_all_hits(store, query, SearchOptions(), page=200)
    assert _same_as_all_hits(store, "fur", SearchOptions(fold=True), page=200)


def test_counts_read_back_from_the_index_scores_equal_the_listed_instances(tmp_path: Path) -> None:
    import random

    from toolkit import search_index

    rng = random.Random(7)
    words = ["Formular", "das", "Antrag", "Akte", "und", "PDF"]
    store = store_with_codebook(tmp_path)
    for d in range(6):  # turns of very different lengths and word frequencies
        turns = [" ".join(rng.choices(words, k=rng.randint(1, 400))) for _ in range(rng.randint(1, 9))]
        add_text(store, "".join(f"{'IBC'[i % 3]}: {t}.\n\n" for i, t in enumerate(turns)), f"d{d}.txt")
    conn = store.conn
    for word in ("formular", "das", "akte", "pdf"):
        scored = search_index.bm25_counts(conn, f'"{word}"')
        assert scored == search_index._instances(conn, word, False) and scored
    assert search_index.bm25_counts(conn, '"a"*') == search_index._instances(conn, "a", True)
    phrase = search_index.bm25_counts(conn, '"das formular"')
    sql = "SELECT doc * 4294967296 + offset - ? FROM search_body_vocab WHERE term = ?"
    das, formular = ({k for (k,) in conn.execute(sql, (i, w))} for i, w in enumerate(("das", "formular")))
    assert phrase and phrase == Counter(k >> 32 for k in das & formular)
