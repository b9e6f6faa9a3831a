"""Coded words are counted a few documents at a time (so a team's 10 M words never sit in memory
at once) with the same result as all documents at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import LUECKEN, OFFENHEIT, add_text, store_with_codebook

from toolkit import analysis
from toolkit.analysis import data as analysis_data
from toolkit.codings import add_coding
from toolkit.language import count_words


def test_words_counted_in_small_batches_equal_the_coded_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = store_with_codebook(tmp_path)
    texts = [
        "B: Die E-Akte für Bürger:innen, also 50 % geht's.\n",
        "I: Und dann? B: Mitarbeiter_innen café — ENDE.\n",
        "B: Ein drittes Dokument mit Wörtern.\n",
    ]
    for i, text in enumerate(texts):
        name = add_text(store, text, f"d{i}.txt")
        stored = store.one("SELECT text FROM documents WHERE name = ?", (name,))["text"]  # type: ignore[index]
        for n, (a, b) in enumerate([(3, 20), (5, len(stored) - 1), (10, 12)]):
            add_coding(store, name, a, b, (LUECKEN, OFFENHEIT)[n % 2], coder="anna")
    whole = analysis.load_codings(store).codings
    monkeypatch.setattr(analysis_data, "_WORDS_CHUNK", 1)  # one document per batch
    batched = analysis.load_codings(store).codings
    assert batched["words"].tolist() == whole["words"].tolist()
    text_of = {r["name"]: r["text"] for r in store.query("SELECT name, text FROM documents")}
    assert whole["words"].tolist() == [
        count_words(text_of[str(d)][a:b])
        for d, a, b in zip(whole["document"], whole["start"], whole["end"], strict=True)
    ]
    assert whole["words"].sum() > 9
