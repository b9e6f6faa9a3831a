"""A span's place in its transcript: speaker, time stamp and the turn around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._factories import add_text, new_store
from toolkit.context import span_context
from toolkit.documents import document_text
from toolkit.errors import InvalidValue

TEXT = (
    "I [00:00:05]: Wie läuft die Digitalisierung bei Ihnen?\n\n"
    "B [00:01:05]: Die E-Akte ist eingeführt, aber langsam. Viele Kolleginnen drucken weiter aus.\n\n"
    "I [00:02:10]: Warum?\n"
)


def test_a_span_gets_its_speaker_time_and_turn(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    doc = add_text(store, TEXT)
    text = document_text(store, doc)
    start = text.index("eingeführt")
    ctx = span_context(store, doc, start, start + len("eingeführt"))
    assert (ctx.speaker, ctx.time, ctx.timestamp) == ("B", "00:01:05", 65.0)
    assert ctx.text == "eingeführt"
    assert ctx.before == "Die E-Akte ist "
    assert ctx.after == ", aber langsam. Viele Kolleginnen drucken weiter aus."


def test_a_long_turn_is_cut_at_words_around_the_span(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    words = " ".join(f"wort{i}" for i in range(200))
    doc = add_text(store, f"B: {words} ZIEL {words}\n")
    text = document_text(store, doc)
    start = text.index("ZIEL")
    ctx = span_context(store, doc, start, start + 4, around=60)
    assert ctx.before.startswith("… wort") and len(ctx.before) <= 64
    assert ctx.after.endswith(" …") and len(ctx.after) <= 64
    assert ctx.before.endswith("wort199 ") and ctx.after.startswith(" wort0 ")


def test_a_span_outside_the_text_is_refused(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    doc = add_text(store, TEXT)
    with pytest.raises(InvalidValue, match="outside"):
        span_context(store, doc, 10, 10_000)
