"""Pseudonymisation: candidates, the leads-only table, apply with consistent offsets, exports."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from _factories import add_text, store_with_codebook
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import pseudonyms as ps
from toolkit.codings import add_coding, list_codings
from toolkit.documents import document_text, document_turns
from toolkit.errors import Conflict, InvalidValue, NotFound, PermissionDenied
from toolkit.language import count_words
from toolkit.store import Store, events

CODE = "Information/Herausforderungen/Lücken"
TEXT = (
    "Frau Berger: Wir haben in Musterstadt die E-Akte eingeführt. Die Bürgermeisterin Kranz war dafür.\n\n"
    "I: Und die Stadtwerke Musterstadt?\n\n"
    "Frau Berger: Die Firma Datenwerk GmbH hat geholfen. Herr Yilmaz aus Köln und Anna Schmidt auch. "
    "In den Verwaltungen spricht man mit Berger.\n"
)


def _project(tmp_path: Path) -> tuple[Store, str]:
    store = store_with_codebook(tmp_path)
    return store, add_text(store, TEXT, "interview.txt")


def _table(store: Store) -> None:
    ps.add_pseudonym(store, "Berger", kind="person", actor="lead")
    ps.add_pseudonym(store, "Musterstadt", "[Stadt A]", "place", actor="lead")
    ps.add_pseudonym(store, "Datenwerk GmbH", kind="organisation", actor="lead")


def test_candidates_come_from_titles_speakers_places_organisations_and_name_runs(tmp_path: Path) -> None:
    store, _ = _project(tmp_path)
    found = {c.original: c for c in ps.propose(store)}
    assert found["Berger"].kind == "person" and found["Berger"].count == 3
    assert found["Musterstadt"].kind == "place"
    assert found["Kranz"].kind == found["Yilmaz"].kind == found["Anna Schmidt"].kind == "person"
    assert found["Datenwerk GmbH"].kind == "organisation"
    assert found["Köln"].kind == "place"
    # German nouns (capitalised too) and rule words are no candidates
    assert not {"Verwaltungen", "Firma", "Stadtwerke", "Frau", "E-Akte"} & set(found)
    assert next(iter(found)) == "Berger"  # the most frequent first
    assert len({c.placeholder for c in found.values()}) == len(found)


def test_candidates_leave_out_what_the_table_has(tmp_path: Path) -> None:
    store, _ = _project(tmp_path)
    _table(store)
    assert not {"Berger", "Musterstadt", "Datenwerk GmbH"} & {c.original for c in ps.propose(store)}


def test_apply_replaces_names_and_keeps_codings_on_the_same_words(tmp_path: Path) -> None:
    store, doc = _project(tmp_path)
    start = TEXT.index("Die Firma")
    tail = add_coding(store, doc, start, len(TEXT) - 1, CODE, coder="anna")
    clipped = add_coding(
        store, doc, TEXT.index("Musterstadt") - 3, TEXT.index("Musterstadt") + 5, CODE, coder="ben"
    )
    before = add_coding(store, doc, 0, 4, CODE, coder="anna")  # "Frau"
    _table(store)
    [preview] = ps.preview(store, [doc])
    assert document_text(store, doc) == TEXT  # preview changes nothing
    [change] = ps.apply(store, [doc], actor="lead")
    assert change == preview
    assert change.replacements == {"[Person A]": 3, "[Stadt A]": 2, "[Organisation A]": 1}
    assert change.codings_clipped == 1
    text = document_text(store, doc)
    assert "Berger" not in text and "Musterstadt" not in text and "Datenwerk" not in text
    assert text.startswith("Frau [Person A]: Wir haben in [Stadt A] die E-Akte")
    by_guid = {c.guid: c for c in list_codings(store)}
    assert by_guid[tail.guid].text == "Die Firma [Organisation A] hat geholfen. " + (
        "Herr Yilmaz aus Köln und Anna Schmidt auch. In den Verwaltungen spricht man mit [Person A]."
    )
    assert by_guid[clipped.guid].text == "in [Stadt A]"  # ended inside the name: now covers the placeholder
    assert by_guid[before.guid].text == "Frau"
    for c in by_guid.values():
        assert text[c.start : c.end] == c.text
    turns = document_turns(store, doc)
    assert [t.speaker for t in turns] == ["Frau [Person A]", "I", "Frau [Person A]"]
    words = store.one("SELECT words FROM documents WHERE name = ?", (doc,))
    assert words is not None and words["words"] == sum(count_words(text[t.start : t.end]) for t in turns)
    assert text[turns[1].start : turns[1].end] == "Und die Stadtwerke [Stadt A]?"
    event = [e for e in events(store) if e["action"] == "pseudonymise" and e["entity"] == "document"][-1]
    assert "Berger" not in str(event["payload"])  # the log never holds the originals
    assert not [e for e in events(store) if "Berger" in str(e["payload"]) and e["action"] == "pseudonymise"]


def test_apply_twice_changes_nothing_more(tmp_path: Path) -> None:
    store, doc = _project(tmp_path)
    _table(store)
    ps.apply(store, [doc], actor="lead")
    text = document_text(store, doc)
    [change] = ps.apply(store, [doc], actor="lead")
    assert change.total == 0 and document_text(store, doc) == text


def test_codings_that_differ_only_inside_a_name_are_merged(tmp_path: Path) -> None:
    store, doc = _project(tmp_path)
    at = TEXT.index("Musterstadt")
    add_coding(store, doc, at - 3, at + 4, CODE, coder="anna")
    add_coding(store, doc, at - 3, at + 6, CODE, coder="anna")
    _table(store)
    ps.apply(store, [doc], actor="lead")
    assert [c.text for c in list_codings(store)] == ["in [Stadt A]"]


def test_consensus_decisions_and_other_offset_tables_move_too(tmp_path: Path) -> None:
    store, doc = _project(tmp_path)
    at = TEXT.index("Die Firma")
    with store.write("lead") as w:
        w.insert(
            "consensus_decisions",
            {
                "key": f"segment:anna/ben:{doc}:{CODE}:{at}-{at + 9}",
                "method": "segment",
                "document": doc,
                "code": CODE,
                "coder_a": "anna",
                "coder_b": "ben",
                "start": at,
                "end": at + 9,
                "decision": "neither",
                "decided_by": "lead",
                "decided_at": "2026-01-01",
            },
        )
    _table(store)
    ps.apply(store, [doc], actor="lead")
    row = store.one("SELECT * FROM consensus_decisions")
    assert row is not None
    assert document_text(store, doc)[row["start"] : row["end"]] == "Die Firma"
    assert row["key"].endswith(f":{row['start']}-{row['end']}")


def test_pseudonymise_text_and_frame(tmp_path: Path) -> None:
    store, _ = _project(tmp_path)
    assert ps.pseudonymise_text(store, "Berger aus Musterstadt") == "Berger aus Musterstadt"  # empty table
    _table(store)
    assert (
        ps.pseudonymise_text(store, "Berger aus Musterstadt, Bergers Hof")
        == "[Person A] aus [Stadt A], Bergers Hof"
    )
    frame = pd.DataFrame({"text": ["bei Berger", None], "start": [1, 2]})
    out = ps.pseudonymise_frame(store, frame)
    assert next(iter(out["text"])) == "bei [Person A]" and frame["text"][0] == "bei Berger"


def test_the_table_is_for_leads_only_in_team_mode(tmp_path: Path) -> None:
    store, doc = _project(tmp_path)
    _table(store)
    with store.write("lead") as w:
        w.set_setting("team_mode", "1")
    for call in (
        lambda: ps.mapping(store, "coder1"),
        lambda: ps.add_pseudonym(store, "Kranz", actor="coder1"),
        lambda: ps.apply(store, [doc], actor="coder1"),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_table_changes_and_their_errors(tmp_path: Path) -> None:
    store, _ = _project(tmp_path)
    _table(store)
    with pytest.raises(Conflict):
        ps.add_pseudonym(store, "Berger", actor="lead")
    with pytest.raises(InvalidValue):
        ps.add_pseudonym(store, "Kranz", "[Kranz]", actor="lead")
    with pytest.raises(InvalidValue):
        ps.add_pseudonym(store, "Kranz", kind="animal", actor="lead")
    with pytest.raises(NotFound):
        ps.delete_pseudonym(store, "Niemand", actor="lead")
    ps.update_pseudonym(store, "Berger", actor="lead", placeholder="[Befragte]")
    ps.delete_pseudonym(store, "Datenwerk GmbH", actor="lead")
    assert [(p.original, p.placeholder) for p in ps.mapping(store, "lead")] == [
        ("Berger", "[Befragte]"),
        ("Musterstadt", "[Stadt A]"),
    ]
    assert ps.next_placeholder(store, "person") == "[Person A]"


def test_import_pseudonymised_never_stores_the_originals(tmp_path: Path) -> None:
    store, _ = _project(tmp_path)
    _table(store)
    path = tmp_path / "Berger.txt"
    path.write_text(TEXT.replace("Kranz", "Kranzer"), encoding="utf-8")
    [result] = ps.import_pseudonymised(store, [path], actor="lead")
    assert result.document == "[Person A]"
    text = document_text(store, result.document)
    assert "Berger" not in text and "Musterstadt" not in text
    turns = document_turns(store, result.document)
    assert text[turns[0].start : turns[0].end].startswith("Wir haben in [Stadt A]")
    row = store.one("SELECT source_name FROM documents WHERE name = ?", (result.document,))
    assert row is not None and "Berger" not in row["source_name"]


WORDS = ["Berger", "Berger-Lang", "Musterstadt", "und", "die", "Bergers", "I:", "B:", "\n\n", " ", ".", "Amt"]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
    spans=st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)), max_size=8),
)
def test_apply_keeps_every_coding_on_its_words(
    tmp_path_factory: pytest.TempPathFactory, words: list[str], spans: list[tuple[int, int]]
) -> None:
    from toolkit.codings import add_coding_in
    from toolkit.errors import ToolkitError

    store = store_with_codebook(tmp_path_factory.mktemp("prop"))
    text = "B: " + " ".join(words) + " Ende."
    doc = add_text(store, text, "p.txt")
    stored = document_text(store, doc)
    with store.write("t") as w:
        for start, length in spans:
            start = min(start, len(stored) - 1)
            with contextlib.suppress(ToolkitError):
                add_coding_in(w, doc, start, min(len(stored), start + length), CODE, "anna")
    ps.add_pseudonym(store, "Berger", actor="lead")
    ps.add_pseudonym(store, "Musterstadt", "[Stadt A]", "place", actor="lead")
    before = sorted((c.start, c.end) for c in list_codings(store))
    ps.apply(store, [doc], actor="lead")
    new = document_text(store, doc)
    assert re.search(r"(?<!\w)(Berger|Musterstadt)(?!\w)", new) is None
    after = list_codings(store)
    for c in after:
        assert new[c.start : c.end] == c.text and c.start < c.end
    assert len(after) <= len(before)
    for t in document_turns(store, doc):
        assert 0 <= t.start <= t.end <= len(new)
    store.close()


def test_suggestion_feedback_moves_and_rows_made_equal_by_clipping_go(tmp_path: Path) -> None:
    store, doc = _project(tmp_path)
    at = TEXT.index("Musterstadt")
    with store.write("t") as w:
        from toolkit.coders import coder_id

        anna = coder_id(w, "anna")
        code = store.one("SELECT id FROM codes WHERE name = 'Lücken'")
        assert code is not None
        doc_id = store.one("SELECT id FROM documents")["id"]  # type: ignore[index]
        for start, end in (
            (at - 3, at + 4),
            (at - 3, at + 6),
            (TEXT.index("Die Firma"), TEXT.index("Die Firma") + 9),
        ):
            w.insert(
                "suggestion_feedback",
                {
                    "document_id": doc_id,
                    "start": start,
                    "end": end,
                    "code_id": code["id"],
                    "coder_id": anna,
                    "decision": "reject",
                    "created_at": "2026-01-01",
                },
            )
    _table(store)
    ps.apply(store, [doc], actor="lead")
    text = document_text(store, doc)
    spans = [
        text[r["start"] : r["end"]]
        for r in store.query('SELECT start, "end" FROM suggestion_feedback ORDER BY start')
    ]
    assert spans == ["in [Stadt A]", "Die Firma"]


def test_undo_after_pseudonymisation_never_brings_a_name_back(tmp_path: Path) -> None:
    from toolkit.codings import delete_coding, update_coding
    from toolkit.history import undo

    store, doc = _project(tmp_path)
    start = TEXT.index("Wir haben in Musterstadt")
    edited = add_coding(store, doc, start, start + 20, CODE, coder="anna")
    update_coding(store, edited.guid, actor="anna", expected_version=1, end=start + 27)
    deleted = add_coding(store, doc, start, start + 30, CODE, coder="ben")
    delete_coding(store, deleted.guid, actor="ben")
    _table(store)
    ps.apply(store, [doc], actor="lead")
    for coder in ("anna", "ben"):
        with pytest.raises(Conflict, match=r"interview.*can no longer be undone"):
            undo(store, coder)
    text = document_text(store, doc)
    for c in list_codings(store):
        assert text[c.start : c.end] == c.text
        assert "Musterstadt" not in c.text


@pytest.mark.parametrize("filename", ["Berger_Musterstadt.txt", "2024-05_Berger.Musterstadt.txt"])
def test_import_pseudonymised_replaces_names_in_file_names(tmp_path: Path, filename: str) -> None:
    """The review imported ``Kranzberger_Zwieselstadt.txt`` with --pseudonymise and found both names
    in the document name, ``source_name`` and the event log: ``_`` did not count as a word break."""
    store, _ = _project(tmp_path)
    _table(store)
    folder = tmp_path / "Musterstadt"  # folder names count too: source_name keeps the path
    folder.mkdir()
    path = folder / filename
    path.write_text(TEXT + "\nB: Noch etwas.\n", encoding="utf-8")
    before = len(events(store))
    [result] = ps.import_pseudonymised(store, [path], actor="lead")
    row = store.one("SELECT name, source_name FROM documents WHERE name = ?", (result.document,))
    assert row is not None and "[Person A]" in row["name"] and "[Stadt A]" in row["source_name"]
    stored = json.dumps([row, events(store)[before:]], ensure_ascii=False)
    assert "Berger" not in stored and "Musterstadt" not in stored


def test_underscore_separates_words_but_letters_and_digits_join_them(tmp_path: Path) -> None:
    store, _ = _project(tmp_path)
    _table(store)
    assert ps.pseudonymise_text(store, "Berger_2024 x_Berger Bergers Berger2 Berger-Lang") == (
        "[Person A]_2024 x_[Person A] Bergers Berger2 [Person A]-Lang"
    )


def test_a_name_only_in_a_code_memo_or_group_name_says_where_it_was_found(tmp_path: Path) -> None:
    from toolkit.memos import set_code_memo
    from toolkit.qca.paraphrases import add_paraphrase, group_paraphrases

    store, doc = _project(tmp_path)
    set_code_memo(store, CODE, "Laut Frau Kellermann gilt das auch für Flyer.", coder="anna")
    p = add_paraphrase(store, doc, 0, 11, "Frau Berger spricht.", coder="anna")
    group_paraphrases(store, [p.id], "Wie bei Frau Wagenknecht", actor="anna")
    found = {c.original: c for c in ps.propose(store)}
    assert (found["Kellermann"].documents, found["Kellermann"].elsewhere) == (
        [],
        [ps.Source("code_memo", CODE)],
    )
    assert found["Wagenknecht"].elsewhere == [ps.Source("paraphrase_group", "Wie bei Frau Wagenknecht")]
    assert (found["Berger"].documents, found["Berger"].elsewhere) == ([doc], [])
