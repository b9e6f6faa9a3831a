"""The Austausch page through Streamlit's AppTest: downloads, the import report, leads only in team mode."""

from __future__ import annotations

from pathlib import Path

from _factories import run_page, store_with_codebook
from streamlit.testing.v1 import AppTest

from toolkit.exchange.refi import export_project, import_upload
from toolkit.project import ROOT
from toolkit.store import Store, create_store, now

PAGE = str(ROOT / "app_pages" / "exchange.py")


def page(store: Store, **state: object) -> AppTest:
    at: AppTest = run_page(PAGE, store, **state)
    assert not at.exception, at.exception
    return at


def test_offers_both_downloads_and_an_import(tmp_path: Path) -> None:
    at = page(store_with_codebook(tmp_path), app_coder="anna")
    assert at.title[0].value == "Austausch"
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Projekt (.qdpx)", "Codebuch (.qdc)", "Taguette (.csv)"]
    assert at.button(key="exchange_import").disabled  # nothing uploaded yet


def test_shows_the_import_report(tmp_path: Path) -> None:
    source = store_with_codebook(tmp_path)
    target = create_store(tmp_path / "target.db")
    report = import_upload(target, export_project(source), "mini.qdpx", actor="anna")
    report.missing_sources.append("Interview 3 (internal://gone.txt)")
    at = page(target, exchange_report=("mini.qdpx", report))
    assert [m.value for m in at.metric][:3] == ["0", "0", "8"]
    assert any(s.value.startswith("mini") and "importiert" in s.value for s in at.success)
    assert any("Interview 3" in m.value for m in at.markdown)


def test_a_coder_in_team_mode_may_not_import(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    with store.write("t") as w:
        w.execute("INSERT INTO users (name, role, created_at) VALUES ('cora', 'coder', ?)", (now(),))
        w.set_setting("team_mode", "1")
    at = page(store, app_coder="cora")
    assert any("Nur eine Projektleitung" in i.value for i in at.info)
    assert at.button(key="exchange_import").disabled


def test_a_dry_run_report_says_nothing_was_stored(tmp_path: Path) -> None:
    source = store_with_codebook(tmp_path)
    target = create_store(tmp_path / "target.db")
    report = import_upload(target, export_project(source), "mini.qdpx", actor="anna", dry_run=True)
    at = page(target, exchange_report=("mini.qdpx", report))
    assert any("nichts wurde gespeichert" in i.value for i in at.info)
    assert not at.success


def test_unique_names_checkbox_for_qualcoder(tmp_path: Path) -> None:
    at = page(store_with_codebook(tmp_path), app_coder="anna")
    box = at.checkbox(key="exchange_unique_names")
    assert "Treiber (Mensch)" in box.label and "QualCoder" in box.label and not box.value
    box.check().run()
    assert not at.exception
    assert at.checkbox(key="exchange_unique_names").value


def test_a_codebook_upload_shows_its_codes_field_by_field(tmp_path: Path) -> None:
    from _factories import load_codebook_into, mini_codebook

    from toolkit.codes_edit import update_code
    from toolkit.exchange.refi import export_codebook_qdc

    other = store_with_codebook(tmp_path)
    update_code(other, "Mensch", actor="t", definition="Menschen in der Verwaltung.")
    with other.write("t") as w:
        w.execute("UPDATE codes SET colour = '' WHERE name = 'Information'")
    data = export_codebook_qdc(other)
    target = create_store(tmp_path / "target.db")
    load_codebook_into(target, mini_codebook(), actor="t")
    report = import_upload(target, data, "other.qdc", actor="anna", dry_run=True)
    at = page(target, exchange_report=("other.qdc", report))
    [expander] = [e for e in at.expander if e.label.startswith("Codes im Einzelnen")]
    assert expander.label == "Codes im Einzelnen: 0 neu, 1 geändert, 7 gleich"
    text = "\n".join(m.value for m in expander.markdown).replace("\\", "")  # Markdown escapes
    assert "geändert: **Mensch**: Definition: „Alles zu Menschen.“ → „Menschen in der Verwaltung.“" in text
    assert "behalten bei **Information** (in der Datei leer): Farbe" in text
