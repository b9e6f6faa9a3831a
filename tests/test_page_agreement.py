"""The agreement page through Streamlit's AppTest, with the demo project (coders anna and ben)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _factories import run_page
from streamlit.testing.v1 import AppTest

from toolkit.blind import set_blind_coding
from toolkit.project import ROOT, create_demo
from toolkit.store import Store, open_store

PAGE = str(ROOT / "app_pages" / "agreement.py")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("agreement_page") / "demo.db"
    create_demo(db, ROOT, actor="t")
    return db


@pytest.fixture()
def store(tmp_path: Path, demo_template: Path) -> Store:
    target = tmp_path / "demo.db"
    target.write_bytes(demo_template.read_bytes())
    return open_store(target)


def page(store: Store, **state: object) -> AppTest:
    at: AppTest = run_page(PAGE, store, **state)
    assert not at.exception, at.exception
    return at


def test_shows_tables_and_the_methods_paragraph(store: Store) -> None:
    at = page(store, app_coder="ben")
    assert at.title[0].value == "Übereinstimmung"
    assert at.multiselect[0].value == ["ben", "anna"]
    table = at.dataframe[0].value
    assert {"code", "field", "krippendorff_alpha", "alpha_ci_low"} <= set(table.columns)
    assert "overall" in set(table["scope"])
    assert any("Krippendorffs α" in m.value for m in at.markdown)


def test_switching_method_and_filtering_a_field(store: Store) -> None:
    at = page(store)
    at.selectbox(key="agreement_method").set_value("segment").run()
    at.selectbox(key="agreement_field").set_value("Mensch").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table["field"]) <= {"Mensch", ""}
    assert "kappa" in table.columns and "segments_a" in table.columns


def test_blind_coding_hides_the_comparison(store: Store) -> None:
    set_blind_coding(store, True, actor="t")
    at = page(store, app_coder="anna")
    assert at.info and "Blindkodierung" in at.info[0].value
    assert not at.dataframe


def test_a_document_one_coder_coded_is_listed_not_compared(store: Store) -> None:
    from toolkit.codings import add_coding
    from toolkit.documents import import_upload

    import_upload(store, b"I: Nur Anna hat das kodiert.\n", "solo.txt", actor="t")
    add_coding(store, "solo", 3, 20, "Mensch", coder="anna")
    at = page(store, app_coder="anna")
    assert any("Nicht verglichen: 1 Dokument" in w.value for w in at.warning)
    excluded = at.dataframe[0].value
    assert list(excluded["Dokument"]) == ["solo"] and list(excluded["nicht kodiert von"]) == ["ben"]
    assert any("solo (nicht kodiert von ben)" in m.value for m in at.markdown)


def test_unitized_disagreements_show_their_digits_with_a_decimal_comma(store: Store) -> None:
    at = page(store, app_coder="anna")
    at.selectbox(key="agreement_method").set_value("unitized").run()
    assert not at.exception
    table = at.dataframe[0].value
    observed = [v for v in table["observed"] if v != "0"]
    assert observed and all(v not in ("0,000", "0.000") for v in observed)
    assert all("." not in v.split(" · ")[0] for v in observed)  # German: decimal comma
    assert any("," in v for v in table["u_alpha"])


@pytest.fixture(scope="module")
def many_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """41 short documents coded by anna and ben: more than the page computes without a click."""
    from _factories import store_with_codebook

    from toolkit.codings import add_coding
    from toolkit.documents import import_upload

    folder = tmp_path_factory.mktemp("agreement_many")
    store = store_with_codebook(folder)
    for i in range(41):
        import_upload(store, f"I: Satz {i} eins. Satz zwei.\n".encode(), f"d{i:02d}.txt", actor="t")
        add_coding(store, f"d{i:02d}", 3, 10, "Mensch/Treiber/Offenheit", coder="anna")
        add_coding(store, f"d{i:02d}", 3, 10 + i % 3, "Mensch/Treiber/Offenheit", coder="ben")
    store.close()
    return folder / "p.db"


@pytest.fixture()
def many(tmp_path: Path, many_template: Path) -> Store:
    target = tmp_path / "many.db"
    target.write_bytes(many_template.read_bytes())
    return open_store(target)


def test_many_documents_compute_on_request_with_progress(many: Store) -> None:
    at = page(many, app_coder="anna")
    assert not at.dataframe, "opened without computing"
    assert any("41 Dokumente zu vergleichen" in i.value for i in at.info)
    at.button(key="agreement_run").click().run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert "krippendorff_alpha" in table.columns
    bars = at.get("progress")
    assert bars and "Fertig: 41 Dokumente verglichen" in bars[0].proto.text
    # the result is kept for the same settings and project state: no second click needed
    at.run()
    assert at.dataframe and at.button(key="agreement_run").disabled


def test_cancel_stops_a_run(many: Store) -> None:
    at = page(many, app_coder="anna")
    at.button(key="agreement_cancel").click().run()
    assert any("Berechnung abgebrochen" in i.value for i in at.info)
    assert not at.dataframe


def test_an_english_tab_names_codes_and_fields_in_english(store: Store) -> None:
    at = page(store, app_coder="ben", ui_language="en")
    table = at.dataframe[0].value
    fields = set(table["field"]) - {""}
    assert fields and fields <= {"Information", "People", "Product", "Organisation", "Organization"}
    codes = [str(c) for c in table["code"]]
    assert any("/Challenges/" in c or "/Drivers/" in c for c in codes), codes[:5]
    assert not any("Herausforderungen" in c or "Treiber" in c for c in codes)
    assert "People" in at.selectbox(key="agreement_field").options
    german = page(store, app_coder="ben")
    assert "Mensch" in set(german.dataframe[0].value["field"])
