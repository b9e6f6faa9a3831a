"""Document sets: named groups of documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests._factories import add_text, events_of, store_with_codebook
from toolkit.cli import cli
from toolkit.document_sets import (
    add_to_set,
    create_set,
    delete_set,
    documents_of_sets,
    list_sets,
    remove_from_set,
    rename_set,
)
from toolkit.errors import Conflict, InvalidValue, NotFound
from toolkit.store import Store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = store_with_codebook(tmp_path)
    for name in ("stadt_a", "stadt_b", "kreis_c"):
        add_text(s, f"I: Wie läuft es in {name}?\n\nB: Gut.\n", f"{name}.txt")
    return s


def test_sets_group_documents_and_expand_for_filters(store: Store) -> None:
    create_set(store, "Städte", ["stadt_b", "stadt_a"], actor="anna")
    create_set(store, " Kreise ", actor="anna")  # spaces trimmed
    assert add_to_set(store, "Kreise", ["kreis_c", "kreis_c"], actor="anna") == 1
    assert list_sets(store)[0].name == "Kreise"
    assert {s.name: s.documents for s in list_sets(store)} == {
        "Kreise": ("kreis_c",),
        "Städte": ("stadt_a", "stadt_b"),
    }
    assert documents_of_sets(store, ["Städte", "Kreise"]) == ["kreis_c", "stadt_a", "stadt_b"]
    assert remove_from_set(store, "Städte", ["stadt_b"], actor="anna") == 1
    rename_set(store, "Städte", "Großstädte", actor="anna")
    assert documents_of_sets(store, ["Großstädte"]) == ["stadt_a"]
    assert len(events_of(store, "add", "document_set_member")) == 3
    assert events_of(store, "rename", "document_set")[0]["payload"] == {
        "before": "Städte",
        "after": "Großstädte",
    }


def test_deleting_a_set_keeps_its_documents(store: Store) -> None:
    create_set(store, "Alle", ["stadt_a", "kreis_c"], actor="anna")
    delete_set(store, "Alle", actor="anna")
    assert list_sets(store) == []
    assert store.one("SELECT count(*) AS n FROM documents") == {"n": 3}
    assert events_of(store, "delete", "document_set")[0]["payload"]["documents"] == ["kreis_c", "stadt_a"]


def test_bad_names_and_unknown_documents_change_nothing(store: Store) -> None:
    create_set(store, "Städte", ["stadt_a"], actor="anna")
    with pytest.raises(Conflict, match="a document set 'Städte' exists already"):
        create_set(store, "Städte", actor="anna")
    with pytest.raises(InvalidValue, match="give 1 to 100 characters"):
        create_set(store, "  ", actor="anna")
    with pytest.raises(NotFound, match="no document set 'Dörfer'; sets are: Städte"):
        documents_of_sets(store, ["Dörfer"])
    with pytest.raises(NotFound):
        add_to_set(store, "Städte", ["stadt_b", "gibt_es_nicht"], actor="anna")
    assert list_sets(store)[0].documents == ("stadt_a",)  # one transaction: stadt_b not added either
    create_set(store, "Kreise", actor="anna")
    with pytest.raises(Conflict, match="a document set 'Kreise' exists already; choose another name"):
        rename_set(store, "Städte", "Kreise", actor="anna")


def test_cli_sets(store: Store) -> None:
    run = CliRunner().invoke
    db = ["--db", store.path]
    assert run(cli, [*db, "sets", "create", "Städte", "stadt_a", "stadt_b"]).exit_code == 0
    assert run(cli, [*db, "sets", "add", "Städte", "kreis_c"]).exit_code == 0
    shown = run(cli, [*db, "sets", "list", "--json"])
    assert '"documents": [\n      "kreis_c",\n      "stadt_a",\n      "stadt_b"' in shown.output
    assert run(cli, [*db, "sets", "remove", "Städte", "kreis_c"]).exit_code == 0
    assert run(cli, [*db, "sets", "rename", "Städte", "Große Städte"]).exit_code == 0
    plain = run(cli, [*db, "sets", "list"])
    assert plain.output.strip() == "Große Städte (2): stadt_a, stadt_b"
    bad = run(cli, [*db, "sets", "add", "Dörfer", "stadt_a"])
    assert bad.exit_code != 0 and "no document set 'Dörfer'" in bad.output
    assert run(cli, [*db, "sets", "delete", "Große Städte"]).exit_code == 0


def test_search_narrows_to_sets_and_speaker_roles(store: Store) -> None:
    from toolkit.documents import set_attributes
    from toolkit.search import SearchOptions, search

    create_set(store, "Städte", ["stadt_a", "stadt_b"], actor="anna")
    set_attributes(store, "stadt_a", {"speaker_role": "CDO"}, actor="anna", speaker="B")
    everywhere = search(store, "läuft OR Gut")
    assert {h.document for h in everywhere} == {"stadt_a", "stadt_b", "kreis_c"}
    in_set = search(store, "läuft OR Gut", SearchOptions(sets=("Städte",)))
    assert {h.document for h in in_set} == {"stadt_a", "stadt_b"}
    by_role = search(store, "läuft OR Gut", SearchOptions(roles=("CDO",)))
    assert [(h.document, h.speaker, h.text) for h in by_role] == [("stadt_a", "B", "Gut")]
    with pytest.raises(NotFound, match="no document set 'Dörfer'"):
        search(store, "Gut", SearchOptions(sets=("Dörfer",)))
    cli_hits = CliRunner().invoke(
        cli,
        ["--db", store.path, "search", "Gut", "--set", "Städte", "--role", "CDO", "--json"],
    )
    assert cli_hits.exit_code == 0 and cli_hits.output.count('"document": "stadt_a"') == 1


def test_dokumente_page_creates_changes_and_deletes_a_set(store: Store) -> None:
    from tests._factories import ROOT, run_page

    at = run_page(ROOT / "app_pages" / "documents.py", store, app_coder="anna")
    assert not at.exception, at.exception
    pick = next(s for s in at.selectbox if str(s.key).startswith("sets_pick_"))
    assert pick.options == ["neue Gruppe …"]
    next(t for t in at.text_input if str(t.key).startswith("sets_name_")).set_value("Städte")
    next(m for m in at.multiselect if str(m.key).startswith("sets_new_docs_")).set_value(["stadt_a"])
    at.run()  # the name typed: the button is enabled
    at.button(key="sets_create").click().run()
    assert [(s.name, s.documents) for s in list_sets(store)] == [("Städte", ("stadt_a",))]
    assert any("Gruppe „Städte“ mit 1 Dokument angelegt" in s.value for s in at.success)
    docs = next(m for m in at.multiselect if str(m.key).startswith("sets_docs_Städte"))
    docs.set_value(["stadt_b", "kreis_c"])
    at.button(key="sets_save").click().run()
    assert list_sets(store)[0].documents == ("kreis_c", "stadt_b")
    assert any("2 hinzugefügt, 1 herausgenommen" in s.value for s in at.success)
    at.button(key="sets_delete").click().run()
    assert list_sets(store) == [] and not at.exception


def test_auswertung_filters_by_a_set(store: Store) -> None:
    from tests._factories import LUECKEN, ROOT, run_page
    from toolkit.codings import add_coding

    for doc in ("stadt_a", "kreis_c"):
        add_coding(store, doc, 0, 2, LUECKEN, coder="anna")
    create_set(store, "Städte", ["stadt_a", "stadt_b"], actor="anna")
    page = ROOT / "app_pages" / "analysis.py"
    at = run_page(page, store, app_coder="anna", analysis_coders=["anna"])
    assert any("2 Codierungen in 3 Dokumenten" in c.value for c in at.caption)
    at = run_page(page, store, app_coder="anna", analysis_coders=["anna"], analysis_sets=["Städte"])
    assert not at.exception
    assert any("1 Codierung in 2 Dokumenten" in c.value for c in at.caption), [c.value for c in at.caption]
