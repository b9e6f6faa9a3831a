"""The Konsens page pages through disagreements with counts, and a large project opens on its first
document (AppTest)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import run_page, store_with_codebook

from toolkit.codes_edit import update_code
from toolkit.codings import add_coding
from toolkit.documents import import_upload
from toolkit.project import ROOT
from toolkit.store import Store, open_store

PAGE = str(ROOT / "app_pages" / "consensus.py")
CODE = "Mensch/Treiber/Offenheit"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """41 documents of three sentences; in each, anna codes all three and ben the first only."""
    folder = tmp_path_factory.mktemp("consensus_many")
    store = store_with_codebook(folder)
    text = "I: Eins zwei drei. Vier fünf sechs. Sieben acht neun.\n"
    for i in range(41):
        name = f"d{i:02d}"
        import_upload(store, f"{name} {text}".encode(), f"{name}.txt", actor="t")
        for start, end in ((7, 22), (23, 39), (40, 57)):
            add_coding(store, name, start, end, CODE, coder="anna")
        add_coding(store, name, 7, 22, CODE, coder="ben")
    store.close()
    return folder / "p.db"


@pytest.fixture()
def store(tmp_path: Path, template: Path) -> Store:
    target = tmp_path / "p.db"
    target.write_bytes(template.read_bytes())
    return open_store(target)


def test_a_large_project_opens_on_its_first_document(store: Store) -> None:
    at = run_page(PAGE, store, app_coder="anna")
    assert not at.exception, at.exception
    assert at.selectbox(key="consensus_document").value == "d00"
    assert any("2 offene Unstimmigkeiten in 1 Dokument" in c.value for c in at.caption)


def test_all_documents_page_by_fifteen_with_counts(store: Store) -> None:
    at = run_page(PAGE, store, app_coder="anna")
    at.selectbox(key="consensus_document").set_value("(alle)").run()
    assert not at.exception, at.exception
    caption = next(c.value for c in at.caption if "Unstimmigkeiten in" in c.value)
    assert "82 offene Unstimmigkeiten in 41 Dokumenten, 1 Codes" in caption and "Seite 1 von 6" in caption
    at.selectbox(key="consensus_order").set_value("code").run()
    at.number_input(key="consensus_page").set_value(6).run()
    caption = next(c.value for c in at.caption if "Unstimmigkeiten in" in c.value)
    assert "Seite 6 von 6" in caption
    cards = [m.value for m in at.markdown if CODE in m.value and "d" in m.value]
    assert len(cards) == 82 - 5 * 15


def test_an_english_tab_names_codes_and_fields_by_their_english_names(store: Store) -> None:
    update_code(store, "Mensch", actor="t", name_en="People")
    update_code(store, "Mensch/Treiber", actor="t", name_en="Drivers")
    update_code(store, CODE, actor="t", name_en="Openness")
    at = run_page(PAGE, store, app_coder="anna", ui_language="en")
    assert not at.exception, at.exception
    assert "People" in at.selectbox(key="consensus_field").options
    assert "People › Drivers › Openness" in at.selectbox(key="consensus_code").options
    assert any("People/Drivers/Openness" in m.value for m in at.markdown), "the card in English"
    german = run_page(PAGE, store, app_coder="anna", ui_language="de")
    assert any(CODE in m.value for m in german.markdown)
    assert "Mensch" in german.selectbox(key="consensus_field").options
