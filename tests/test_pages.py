"""Every page through Streamlit's AppTest: no exception, the expected widgets, and callbacks that
change the store. The browser-only part (selecting with the mouse) is in test_browser.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from toolkit.codes import code_by_path
from toolkit.codings import add_coding, list_codings
from toolkit.documents import document_text, list_documents, speaker_attributes
from toolkit.project import ROOT, create_demo
from toolkit.store import Store, open_store


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("pages") / "demo.db"
    create_demo(db, ROOT, actor="test")
    return db


@pytest.fixture()
def db(tmp_path: Path, demo_template: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "demo.db"
    target.write_bytes(demo_template.read_bytes())
    monkeypatch.setenv("CODING_TOOLKIT_DB", str(target))
    monkeypatch.chdir(ROOT)
    return target


def app(coder: str | None = "anna", page: str | None = None, **state: object) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    if coder:
        at.session_state["app_coder"] = coder
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    return at


def store_of(db: Path) -> Store:
    return open_store(db)


def test_code_page_asks_who_codes_first(db: Path) -> None:
    at = app(coder=None)
    assert any("wer kodiert" in i.value for i in at.info)
    assert at.sidebar.selectbox[0].options == ["anna", "ben"]


def test_code_page_has_no_flat_picker_and_sends_the_code_tree(db: Path) -> None:
    at = app()
    assert "code_assign" not in [m.key for m in at.multiselect]
    assert not [b for b in at.button if b.key and b.key.startswith("code_recent_")]


def test_deep_link_opens_the_document_at_the_span(db: Path) -> None:
    with store_of(db) as s:
        text = document_text(s, "gruppendiskussion")
    start = text.index("Online-Gewerbeanmeldung")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params.update(
        {"doc": "gruppendiskussion", "start": str(start), "end": str(start + 23), "coder": "ben"}
    )
    at.session_state["code_speakers"] = ["I"]
    at.run()
    assert not at.exception, at.exception
    assert at.session_state["app_coder"] == "ben"
    assert at.sidebar.selectbox(key="code_doc").value == "gruppendiskussion"
    assert at.session_state["code_focus"]["start"] == start
    assert at.session_state["code_speakers"] == []  # a filter that could hide the span is cleared
    at.sidebar.selectbox(key="code_doc").set_value(
        next(d for d in at.sidebar.selectbox(key="code_doc").options if d != "gruppendiskussion")
    ).run()
    assert at.sidebar.selectbox(key="code_doc").value != "gruppendiskussion"  # the link applies once


@pytest.mark.parametrize(
    ("params", "said"),
    [
        ({"doc": "gibtsnicht"}, "Das Dokument „gibtsnicht“ aus dem Link ist nicht in diesem Projekt."),
        (
            {"doc": "gruppendiskussion", "start": "5", "end": "99999999"},
            "Die Stelle 5–99999999 aus dem Link liegt",
        ),
    ],
)
def test_a_bad_deep_link_is_named_and_changes_nothing(db: Path, params: dict[str, str], said: str) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.session_state["app_coder"] = "anna"
    at.query_params.update(params)
    at.run()
    assert not at.exception
    assert any(said in w.value.replace("\\", "") for w in at.warning)  # Markdown escapes off
    assert at.session_state["code_focus"] is None


def test_a_coding_picked_in_the_margin_is_edited_without_offsets(db: Path) -> None:
    with store_of(db) as s:
        coding = add_coding(
            s, "gruppendiskussion", 500, 520, "Produkt/Treiber/Standards und FIM", coder="anna"
        )
        add_coding(s, "gruppendiskussion", 505, 515, "Mensch/Treiber/Digitale Haltung", coder="ben")
    at = app(code_sel=coding.guid)
    assert not [n for n in at.number_input if n.key and n.key.startswith("code_edit_")]
    key = f"code_edit_{coding.guid}"
    at.text_area(key=f"{key}_memo").set_value("präziser fassen")
    at.selectbox(key=f"{key}_code").set_value("Mensch/Treiber/Digitale Haltung")
    at.button(key=f"{key}_save").click().run()
    assert not at.exception
    with store_of(db) as s:
        updated = next(c for c in list_codings(s, coder="anna") if c.guid == coding.guid)
        assert (updated.start, updated.end, updated.memo) == (500, 520, "präziser fassen")
        assert updated.code_path == "Mensch/Treiber/Digitale Haltung"
    at.button(key=f"{key}_delete").click().run()
    with store_of(db) as s:
        assert coding.guid not in {c.guid for c in list_codings(s)}


def test_clicking_a_highlight_shows_every_coding_there_and_only_ones_own_are_editable(db: Path) -> None:
    with store_of(db) as s:
        mine = add_coding(s, "gruppendiskussion", 500, 520, "Produkt/Treiber/Standards und FIM", coder="anna")
        add_coding(s, "gruppendiskussion", 505, 515, "Mensch/Treiber/Digitale Haltung", coder="ben")
    at = app(code_click=510)
    saves = [b.key for b in at.button if b.key and b.key.startswith("code_edit_") and b.key.endswith("_save")]
    assert saves == [f"code_edit_{mine.guid}_save"]
    assert any("Codierungen an dieser Stelle" in c.value for c in at.caption)


def test_undo_and_redo_buttons(db: Path) -> None:
    with store_of(db) as s:
        before = len(list_codings(s, coder="anna"))
        add_coding(s, "gruppendiskussion", 10, 20, "Mensch/Treiber/Digitale Haltung", coder="anna")
    at = app()
    at.button(key="code_undo").click().run()
    with store_of(db) as s:
        assert len(list_codings(s, coder="anna")) == before
    at.button(key="code_redo").click().run()
    with store_of(db) as s:
        assert len(list_codings(s, coder="anna")) == before + 1


def test_code_page_filters_hide_other_coders(db: Path) -> None:
    at = app()
    shown = at.caption[0].value
    at.toggle(key="code_show_others").set_value(False).run()
    with store_of(db) as s:
        anna = len(list_codings(s, coder="anna", document="gruppendiskussion"))
    assert f"{anna} Codierungen sichtbar" in at.caption[0].value
    assert at.caption[0].value != shown


def test_document_memo_is_saved(db: Path) -> None:
    at = app()
    at.text_area(key="code_doc_memo").set_value("Gruppendynamik beachten")
    at.button(key="code_doc_memo_save").click().run()
    from toolkit.memos import document_memo

    with store_of(db) as s:
        assert document_memo(s, "gruppendiskussion", "anna") == "Gruppendynamik beachten"


def test_documents_page_edits_attributes_and_speaker_roles(db: Path) -> None:
    at = app(page="app_pages/documents.py")
    assert at.title[0].value == "Dokumente"
    at.selectbox(key="documents_pick").set_value("interview_cdo").run()
    at.selectbox(key="documents_attr_interview_cdo_municipality_type").set_value("Die Community Manager")
    at.selectbox(key="documents_role_interview_cdo_speaker_role_B").set_value("IT-Leitung")
    submit = [b for b in at.get("button") if getattr(b, "label", "") == "Merkmale speichern"]
    assert submit, "no submit button"
    submit[0].click().run()
    assert not at.exception
    with store_of(db) as s:
        doc = next(d for d in list_documents(s) if d.name == "interview_cdo")
        assert doc.attributes["municipality_type"] == "Die Community Manager"
        assert speaker_attributes(s, "interview_cdo")["B"]["speaker_role"] == "IT-Leitung"


def test_codebook_page_adds_and_merges_codes_showing_the_count(db: Path) -> None:
    at = app(page="app_pages/codebook.py")
    assert at.title[0].value == "Codebuch"
    assert [t.label for t in at.tabs] == ["Information", "Mensch", "Produkt", "Organisation"]
    at.segmented_control(key="codebook_action").set_value("new").run()
    at.selectbox(key="codebook_new_parent").set_value("Mensch/Treiber").run()
    at.text_input(key="codebook_new_name").set_value("Peer-Learning").run()
    at.text_area(key="codebook_new_definition").set_value("Lernen von Kolleg:innen")
    at.button(key="codebook_new_go").click().run()
    with store_of(db) as s:
        assert code_by_path(s, "Mensch/Treiber/Peer-Learning").definition == "Lernen von Kolleg:innen"
        n = len(list_codings(s, code="Mensch/Treiber/Digitale Haltung"))
    at.segmented_control(key="codebook_action").set_value("merge").run()
    at.selectbox(key="codebook_code").set_value("Mensch/Treiber/Digitale Haltung").run()
    at.selectbox(key="codebook_merge_into").set_value("Mensch/Treiber/Peer-Learning").run()
    assert f"{n} Codierungen werden" in at.warning[0].value
    assert at.button(key="codebook_merge_go").disabled
    at.checkbox(key="codebook_merge_sure").check().run()
    at.button(key="codebook_merge_go").click().run()
    with store_of(db) as s:
        assert len(list_codings(s, code="Mensch/Treiber/Peer-Learning")) == n


def test_overview_page(db: Path) -> None:
    at = app(page="app_pages/overview.py")
    assert at.title[0].value == "Projekt"
    assert {m.label: m.value for m in at.metric}["Dokumente"] == "3"


def test_consensus_page_settles_disagreements_and_shows_progress(db: Path) -> None:
    from toolkit.agreement.consensus import disagreements, progress

    with store_of(db) as s:
        before = progress(disagreements(s, "anna", "ben"))
    assert before["total"] > 0 and before["decided"] == 0
    at = app(page="app_pages/consensus.py")
    assert at.title[0].value == "Konsens"
    assert f"0 von {before['total']} Unstimmigkeiten entschieden" in at.get("progress")[0].proto.text
    take_a = [b for b in at.button if b.key and b.key.startswith("consensus_take_a_")]
    take_a[0].click().run()
    assert not at.exception
    with store_of(db) as s:
        after = progress(disagreements(s, "anna", "ben"))
        consensus = list_codings(s, coder="consensus")
    assert after == {"decided": 1, "total": before["total"]}
    assert f"1 von {before['total']} Unstimmigkeiten entschieden" in at.get("progress")[0].proto.text
    item = next(d for d in disagreements(store_of(db), "anna", "ben") if d.decision == "take_a")
    assert sorted((c.start, c.end) for c in consensus) == sorted(item.spans_a)


def test_blind_coding_hides_other_coders_on_the_code_page(db: Path) -> None:
    at = app(page="app_pages/consensus.py")
    at.toggle(key="consensus_blind").set_value(True).run()
    from toolkit.blind import blind_coding

    with store_of(db) as s:
        assert blind_coding(s)
        anna = len(list_codings(s, coder="anna", document="gruppendiskussion"))
    code_page = app()
    assert f"{anna} Codierungen sichtbar" in code_page.caption[0].value
    assert any("Blindkodierung ist an" in c.value for c in code_page.sidebar.caption)


def test_blind_coding_locks_comparison_pages(db: Path) -> None:
    from toolkit.blind import set_blind_coding

    with store_of(db) as s:
        set_blind_coding(s, True, actor="lead")
    for page in ("app_pages/agreement.py", "app_pages/analysis.py", "app_pages/consensus.py"):
        at = app(page=page)
        assert any("Blindkodierung" in i.value for i in at.info), page
        assert not at.dataframe, page
