"""The store's sentence cache: agreement and the disagreement list with sentence units give the same
results with it as the sentence split run afresh; a change of text (pseudonymisation) or turns drops
a document's row; a split computed from a text changed meanwhile is not stored."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from _factories import CORPORA, LUECKEN, OFFENHEIT, TRANSPARENZ, add_text, store_with_codebook

from toolkit.agreement.consensus import disagreements
from toolkit.agreement.methods import agreement
from toolkit.codings import add_coding
from toolkit.documents import document_row, document_turns
from toolkit.pseudonyms import add_pseudonym, apply
from toolkit.sentence_cache import RULE, SentenceCache, sentence_cache, stored
from toolkit.store import Store
from toolkit.units import sentence_units

TEXTS = (
    "I: Wie war das bei Frau Meier? Erzählen Sie.\n\nB: Es ging so. Dann kam z. B. die Akte. "
    "Niemand wusste Bescheid!\n\nI: Und Frau Meier?\n\nB: Sie sagte: „Das geht nicht.“ Dann Ruhe.\n",
    "I: Und danach?\n\nB: Wir haben Transparenz geschaffen... Offen war man nicht immer.\n\nI: Gut.\n",
    "Ein Text ohne Sprecher. Zwei Sätze darin? Ja.\n",
)
CODES = (LUECKEN, TRANSPARENZ, OFFENHEIT)


def _project(tmp_path: Path, texts: tuple[str, ...] = TEXTS, seed: int = 5) -> Store:
    store = store_with_codebook(tmp_path)
    rng = random.Random(seed)
    for i, text in enumerate(texts):
        name = add_text(store, text, f"d{i}.txt")
        for coder in ("anna", "ben"):
            for _ in range(12):
                start = rng.randrange(0, len(text) - 1)
                end = min(len(text), start + rng.randint(1, 60))
                add_coding(store, name, start, end, rng.choice(CODES), coder=coder)
    return store


def _ids(store: Store) -> dict[str, int]:
    return {r["name"]: r["id"] for r in store.query("SELECT id, name FROM documents")}


def _fresh(store: Store, name: str) -> list[tuple[int, int]]:
    row = document_row(store, name)
    return sentence_units(row["text"], document_turns(store, name), row["language"])


def _results(store: Store) -> tuple[object, object]:
    result = agreement(store, ["anna", "ben"], method="unit", unit="sentence", draws=50, seed=1)
    places = disagreements(store, "anna", "ben", method="unit", unit="sentence")
    return result.tables, [(d.document, d.code, d.start, d.end) for d in places]


def test_sentence_results_equal_with_and_without_the_cache(tmp_path: Path) -> None:
    store = _project(tmp_path)
    assert store.query("SELECT * FROM sentence_cache") == []  # filled on first use, not at import
    first = _results(store)  # computes and stores
    rows = store.query("SELECT document_id, rule FROM sentence_cache")
    assert {r["document_id"] for r in rows} == set(_ids(store).values())
    assert {r["rule"] for r in rows} == {RULE}
    for name, doc_id in _ids(store).items():
        found = stored(store, doc_id)
        assert found is not None and [tuple(map(int, b)) for b in found] == _fresh(store, name)
    assert _results(store) == first  # read from the cache
    with store.write("t") as w:
        w.execute("DELETE FROM sentence_cache")
    assert _results(store) == first  # computed again, same numbers


def test_real_transcripts_give_the_rules_sentences(tmp_path: Path) -> None:
    files = [CORPORA / "de_jugendamt_altenpflege" / f for f in ("altenpflege.md", "jugendamt.md")]
    if not all(f.exists() for f in files):
        pytest.skip("../shared/corpora is absent")
    store = store_with_codebook(tmp_path)
    names = [add_text(store, f.read_text(encoding="utf-8"), f.name) for f in files]
    ids = _ids(store)
    with sentence_cache(store) as cache:
        for name in names:
            row = document_row(store, name)
            cache.bounds(ids[name], row["text"], document_turns(store, name), row["language"])
    for name in names:
        found = stored(store, ids[name])
        assert found is not None and len(found) > 10
        assert [tuple(map(int, b)) for b in found] == _fresh(store, name)


def test_pseudonymisation_drops_the_row_and_the_next_run_splits_the_new_text(tmp_path: Path) -> None:
    store = _project(tmp_path)
    _results(store)
    doc_id = _ids(store)["d0"]
    add_pseudonym(store, "Meier", "[Person 1]", actor="t")
    apply(store, ["d0"], actor="t")
    assert stored(store, doc_id) is None
    assert stored(store, _ids(store)["d1"]) is not None  # other documents keep theirs
    after = _results(store)
    found = stored(store, doc_id)
    assert found is not None and [tuple(map(int, b)) for b in found] == _fresh(store, "d0")
    with store.write("t") as w:
        w.execute("DELETE FROM sentence_cache")
    assert _results(store) == after


def test_a_change_of_turns_or_language_drops_the_row(tmp_path: Path) -> None:
    store = _project(tmp_path)
    _results(store)
    ids = _ids(store)
    with store.write("t") as w:
        w.execute('UPDATE turns SET "end" = "end" - 1 WHERE document_id = ? AND seq = 1', (ids["d0"],))
        w.execute("UPDATE documents SET language = 'en' WHERE id = ?", (ids["d1"],))
    assert stored(store, ids["d0"]) is None and stored(store, ids["d1"]) is None
    assert stored(store, ids["d2"]) is not None


def test_a_split_of_a_text_changed_meanwhile_is_not_stored(tmp_path: Path) -> None:
    store = _project(tmp_path)
    doc_id = _ids(store)["d2"]
    row = document_row(store, "d2")
    cache = SentenceCache(store)
    bounds = cache.bounds(doc_id, row["text"], [], row["language"])
    assert len(bounds) == 3
    with store.write("t") as w:  # another process changes the text before the batch is written
        w.execute("UPDATE documents SET text = ? WHERE id = ?", ("Ganz neu. Anders.\n", doc_id))
    cache.flush()
    assert stored(store, doc_id) is None


@pytest.mark.parametrize(
    "change",
    [
        'UPDATE turns SET "end" = "end" - 1 WHERE document_id = ? AND seq = 0',
        "UPDATE documents SET language = 'en' WHERE id = ?",
        "DELETE FROM documents WHERE id = ?",
    ],
)
def test_a_split_of_turns_read_from_the_store_changed_meanwhile_is_not_stored(
    tmp_path: Path, change: str
) -> None:
    store = _project(tmp_path)
    doc_id = _ids(store)["d0"]
    row = document_row(store, "d0")
    cache = SentenceCache(store)
    assert np.array_equal(cache.bounds(doc_id, row["text"], None, row["language"]), _fresh(store, "d0"))
    with store.write("t") as w:  # another process changes turns or language before the batch is written
        w.execute(change, (doc_id,))
    cache.flush()
    assert stored(store, doc_id) is None
    unchanged = SentenceCache(store)
    unchanged.bounds(_ids(store)["d1"], document_row(store, "d1")["text"], None, "de")
    unchanged.flush()
    assert stored(store, _ids(store)["d1"]) is not None


def test_a_row_made_by_another_rule_is_computed_again(tmp_path: Path) -> None:
    store = _project(tmp_path)
    _results(store)
    doc_id = _ids(store)["d1"]
    with store.write("t") as w:
        w.execute("UPDATE sentence_cache SET rule = 'older', bounds = ? WHERE document_id = ?", (b"", doc_id))
    assert stored(store, doc_id) is None
    _results(store)
    found = stored(store, doc_id)
    assert found is not None and np.array_equal(found, np.asarray(_fresh(store, "d1")))
