"""Code memos (per coder, logged, undoable, permissions) and the memo overview (every kind,
filters, search, Word export), and memos in pseudonymisation."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from _factories import events_of, two_coder_project
from docx import Document

from toolkit.accounts import add_user, set_team_mode
from toolkit.codings import list_codings, update_coding
from toolkit.errors import InvalidValue, NotFound, PermissionDenied
from toolkit.exports.memos_docx import write_memos_docx
from toolkit.memos import code_memo, list_memos, set_code_memo, set_document_memo, undo_code_memo
from toolkit.qca.summaries import set_summary


def test_code_memo_lifecycle_per_coder_logged_and_undoable(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    set_code_memo(store, "Information", "Nur Informationsflüsse, keine Technik.", coder="anna")
    set_code_memo(store, "Information", "Unklar: Technik?", coder="ben")
    set_code_memo(store, "Information", "Entschieden: ohne Technik.", coder="anna")
    assert code_memo(store, "Information", "anna") == "Entschieden: ohne Technik."
    assert code_memo(store, "Information", "ben") == "Unklar: Technik?"
    assert [len(events_of(store, a, "code_memo")) for a in ("add", "update")] == [2, 1]
    undo_code_memo(store, "anna")
    assert code_memo(store, "Information", "anna") == "Nur Informationsflüsse, keine Technik."
    undo_code_memo(store, "anna")
    assert code_memo(store, "Information", "anna") == ""
    assert undo_code_memo(store, "anna") is None
    assert code_memo(store, "Information", "ben") == "Unklar: Technik?"
    set_code_memo(store, "Information", "Unklar: Technik?", coder="ben")  # unchanged: no event
    assert len(events_of(store, "update", "code_memo")) == 1
    set_code_memo(store, "Information", "", coder="ben")
    assert code_memo(store, "Information", "ben") == "" and len(events_of(store, "delete", "code_memo")) == 1


def test_code_memo_errors_and_team_permissions(tmp_path: Path) -> None:
    store = two_coder_project(tmp_path)
    with pytest.raises(NotFound):
        set_code_memo(store, "Gibt/Es/Nicht", "x", coder="anna")
    with pytest.raises(InvalidValue, match="shorten"):
        set_code_memo(store, "Information", "x" * 50_001, coder="anna")
    for name, role in (("lena", "lead"), ("anna", "coder"), ("ben", "coder")):
        add_user(store, name, role=role, actor="setup", password="geheim-genug-1")
    set_team_mode(store, True, actor="lena")
    with pytest.raises(PermissionDenied):
        set_code_memo(store, "Information", "fremd", coder="ben", actor="anna")
    set_code_memo(store, "Information", "eigen", coder="anna")
    assert code_memo(store, "Information", "anna") == "eigen"


def project_with_every_memo(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = two_coder_project(tmp_path)
    set_document_memo(store, "t", "anna", "Gespräch war kurz.")
    set_code_memo(store, "Mensch", "Menschen, nicht Rollen.", coder="ben")
    coding = list_codings(store, coder="anna")[0]
    update_coding(store, coding.guid, actor="anna", expected_version=1, memo="Grenzfall Lücken")
    set_summary(store, "t", "Information", "Lücken bei beiden.", coder="anna")
    return store


def test_overview_lists_every_kind_with_filters_and_search(tmp_path: Path) -> None:
    store = project_with_every_memo(tmp_path)
    memos = list_memos(store)
    assert sorted(m.kind for m in memos) == ["code", "coding", "document", "summary"]
    coding = next(m for m in memos if m.kind == "coding")
    assert (coding.document, coding.author, coding.where) == ("t", "anna", "3-18")
    assert [m.kind for m in list_memos(store, author="ben")] == ["code"]
    assert {m.kind for m in list_memos(store, kinds=["document", "summary"])} == {"document", "summary"}
    assert [m.kind for m in list_memos(store, search="lücken")] in (
        ["summary", "coding"],
        ["coding", "summary"],
    )
    assert [m.code_path for m in list_memos(store, search="Mensch")] == ["Mensch"]
    with pytest.raises(InvalidValue, match="memo type 'notiz'"):
        list_memos(store, kinds=["notiz"])


def test_word_export_holds_each_memo(tmp_path: Path) -> None:
    store = project_with_every_memo(tmp_path)
    buffer = io.BytesIO()
    assert write_memos_docx(list_memos(store), buffer, lang="de") == 4
    paragraphs = [p.text for p in Document(io.BytesIO(buffer.getvalue())).paragraphs]
    assert paragraphs[0] == "Memos"
    for expected in (
        "Gespräch war kurz.",
        "Menschen, nicht Rollen.",
        "Grenzfall Lücken",
        "Lücken bei beiden.",
    ):
        assert expected in paragraphs
    assert "Code-Memo · Mensch" in paragraphs
    assert "Codier-Memo · t · Information/Herausforderungen/Lücken · 3-18" in paragraphs


def test_pseudonymisation_finds_and_replaces_names_in_memos(tmp_path: Path) -> None:
    from toolkit.pseudonyms import add_pseudonym, apply, propose

    store = two_coder_project(tmp_path)
    set_document_memo(store, "t", "anna", "Frau Annegret Sommerfeld war freundlich.")
    assert "Annegret Sommerfeld" in {c.original for c in propose(store)}
    add_pseudonym(store, "Annegret Sommerfeld", "Person A", actor="anna")
    apply(store, ["t"], actor="anna")
    texts = [m.text for m in list_memos(store, kinds=["document"])]
    assert texts == ["Frau Person A war freundlich."]


def test_pseudonymisation_replaces_names_in_coding_memos_as_a_new_version(tmp_path: Path) -> None:
    """A coding memo is changed through the one write path of codings: the name is gone, the coding
    has a new version (whoever saw the old memo gets a conflict), and no event holds the name."""
    from toolkit.codings import coding_version
    from toolkit.pseudonyms import add_pseudonym, apply

    store = two_coder_project(tmp_path)
    coding = list_codings(store, coder="anna")[0]
    update_coding(store, coding.guid, actor="anna", expected_version=1, memo="Sagt Annegret Sommerfeld.")
    add_pseudonym(store, "Annegret Sommerfeld", "Person A", actor="anna")
    apply(store, ["t"], actor="anna")
    assert [c.memo for c in list_codings(store, coder="anna") if c.guid == coding.guid] == ["Sagt Person A."]
    assert coding_version(store, coding.guid) == 3
    replaced = [e for e in events_of(store, "pseudonymise", "coding") if e["guid"] == coding.guid]
    assert replaced and all("Sommerfeld" not in str(e["payload"]) for e in replaced)
    assert replaced[-1]["payload"].get("memo_replaced") is True


def test_dates_are_written_as_the_reader_writes_them() -> None:
    from toolkit.qca import stamp

    assert stamp("2026-12-02T01:01:30.123+00:00", "de") == "02.12.2026"
    assert stamp("2026-12-02T01:01:30.123+00:00", "de", time=True) == "02.12.2026 01:01"
    assert stamp("2026-12-02T01:01:30.123+00:00", "en") == "2026-12-02"
