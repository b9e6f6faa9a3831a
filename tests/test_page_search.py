"""The Suche page through Streamlit's AppTest: a query shows the hits with counts, a bad query one
German line, and autocoding after the preview writes what the preview listed; undo takes it back."""

from __future__ import annotations

from pathlib import Path

from _factories import ROOT, add_text, run_page, store_with_codebook
from streamlit.testing.v1 import AppTest

from toolkit.codings import add_coder, list_codings
from toolkit.store import Store, open_store

PAGE = str(ROOT / "app_pages" / "search.py")
TEXT = (
    "I: Wie lief der Onlinezugang?\n\n"
    "B: Ein Medienbruch beim Antrag. Noch ein Medienbruch.\n\n"
    "I: Und die Bürger?\n\n"
    "B: Die Buerger fanden den Medienbruch ärgerlich.\n"
)
CODE = "Information/Herausforderungen/Lücken"


def project(tmp_path: Path) -> Store:
    store = store_with_codebook(tmp_path)
    add_text(store, TEXT, "interview_a.txt")
    add_coder(store, "anna")
    return store


def searched(store: Store, query: str) -> AppTest:
    at: AppTest = run_page(PAGE, store, app_coder="anna")
    at.text_input(key="search_query").input(query)
    at.button[0].click().run()  # the form's "Suchen"
    assert not at.exception, at.exception
    return at


def test_a_query_shows_the_hits_in_context_with_counts(tmp_path: Path) -> None:
    at = searched(project(tmp_path), "Medienbruch")
    assert "3 Treffer in 1 Dokument" in at.subheader[0].value
    table = at.dataframe[0].value
    assert list(table["Treffer"]) == ["Medienbruch"] * 3
    assert all(link.startswith("/?doc=interview_a&start=") for link in table["Transkript"])


def test_a_bad_query_is_one_line(tmp_path: Path) -> None:
    at = searched(project(tmp_path), '"Medienbruch')
    assert len(at.error) == 1 and "Medienbruch" in at.error[0].value and not at.dataframe


def test_autocode_after_the_preview_and_undo(tmp_path: Path) -> None:
    store = project(tmp_path)
    at = searched(store, "Medienbruch")
    at.selectbox(key="search_code").select(CODE).run()
    at.radio(key="search_scope").set_value("sentence").run()
    preview = at.dataframe[-1].value  # after the hits and the two count tables
    assert list(preview["Stelle"]) == [
        "Ein Medienbruch beim Antrag.",
        "Noch ein Medienbruch.",
        "Die Buerger fanden den Medienbruch ärgerlich.",
    ]
    at.button(key="search_autocode").click().run()
    assert not at.exception, at.exception
    assert [c.text for c in list_codings(store, coder="anna")] == list(preview["Stelle"])
    assert "3 Stellen" in at.success[0].value
    assert at.button(key="search_undo_now").label == "Rückgängig"  # right beside the message
    at.button(key="search_undo").click().run()
    assert list_codings(store, coder="anna") == []
    assert "3 automatisch gesetzte Kodierungen entfernt" in at.success[0].value


def test_undo_right_after_autocoding(tmp_path: Path) -> None:
    store = project(tmp_path)
    at = searched(store, "Medienbruch")
    at.selectbox(key="search_code").select(CODE).run()
    at.button(key="search_autocode").click().run()
    assert len(list_codings(store, coder="anna")) == 3
    at.button(key="search_undo_now").click().run()
    assert not at.exception, at.exception
    assert list_codings(store, coder="anna") == []
    assert "3 automatisch gesetzte Kodierungen entfernt" in at.success[0].value


def test_many_hits_come_page_by_page_with_the_counts_of_all(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    add_text(store, "I: Frage?\n\nB: " + "Ein Medienbruch. " * 60 + "\n", "viele.txt")
    add_text(store, TEXT, "interview_a.txt")
    add_coder(store, "anna")
    at = searched(store, "Medienbruch")
    assert "63 Treffer in 2 Dokumenten" in at.subheader[0].value
    first = at.dataframe[0].value
    assert len(first) == 50 and list(first["Dokument"]) == ["interview_a"] * 3 + ["viele"] * 47
    assert "Treffer 1–50 von 63 · Seite 1 von 2" in at.caption[0].value
    counts = at.dataframe[1].value
    assert dict(zip(counts["Dokument"], counts["Treffer"], strict=True)) == {"interview_a": 3, "viele": 60}
    at.button(key="search_next").click().run()
    table = at.dataframe[0].value
    assert list(table["Dokument"]) == ["viele"] * 13
    assert "Treffer 51–63 von 63 · Seite 2 von 2" in at.caption[0].value
    assert at.button(key="search_next").disabled
    assert not [b for b in at.button if b.key == "search_csv"]  # all 63 only when asked for
    at.button(key="search_export").click().run()
    assert not at.exception, at.exception
    at.selectbox(key="search_code").select(CODE).run()
    assert len(at.dataframe[-1].value) == 63  # the autocoding codes every hit, not one page


def test_undo_on_kodieren_takes_back_the_whole_autocoding(tmp_path: Path) -> None:
    store = project(tmp_path)
    at = searched(store, "Medienbruch")
    at.selectbox(key="search_code").select(CODE).run()
    at.button(key="search_autocode").click().run()
    assert len(list_codings(store, coder="anna")) == 3
    code_page: AppTest = run_page(ROOT / "app_pages" / "code.py", store, app_coder="anna")
    assert not code_page.exception, code_page.exception
    code_page.button(key="code_undo").click().run()
    assert not code_page.exception, code_page.exception
    assert list_codings(store, coder="anna") == []
    assert "3 Kodierungen der Autokodierung entfernt" in code_page.toast[0].value
    code_page.button(key="code_redo").click().run()
    assert len(list_codings(store, coder="anna")) == 3
    assert "3 Kodierungen der Autokodierung wiederhergestellt" in code_page.toast[0].value


def test_filters_by_document_set_and_speaker_role(tmp_path: Path) -> None:
    from toolkit.document_sets import create_set
    from toolkit.documents import set_attributes

    store = project(tmp_path)
    add_text(store, "I: Gab es einen Medienbruch?\n\nB: Nein.\n", "interview_b.txt")
    create_set(store, "Gruppe A", ["interview_a"], actor="anna")
    set_attributes(store, "interview_a", {"speaker_role": "CDO"}, actor="anna", speaker="B")
    at: AppTest = run_page(PAGE, store, app_coder="anna")
    assert at.multiselect(key="search_roles").options == ["CDO"]
    at.text_input(key="search_query").input("Medienbruch")
    at.multiselect(key="search_sets").set_value(["Gruppe A"])
    at.button[0].click().run()
    assert "3 Treffer in 1 Dokument" in at.subheader[0].value
    at.multiselect(key="search_sets").set_value([])
    at.multiselect(key="search_roles").set_value(["CDO"])
    at.button[0].click().run()
    assert "3 Treffer" in at.subheader[0].value  # B's turns only, interview_b's interviewer not
    at.multiselect(key="search_roles").set_value([])
    at.button[0].click().run()
    assert "4 Treffer in 2 Dokumenten" in at.subheader[0].value


def test_code_filter_names_codes_in_english(tmp_path: Path) -> None:
    """English: the code picker shows the codebook's English names; its value stays the path."""
    from toolkit.project import create_demo

    db = tmp_path / "demo.db"
    create_demo(db, ROOT, actor="t")
    at = run_page(PAGE, open_store(db), ui_language="en")
    picker = at.multiselect(key="search_codes")
    path = "Information/Herausforderungen/Lücken im Informationsfluss"
    assert "Information › Challenges › Gaps in the flow of information" in picker.options
    assert picker.format_func(path) == "Information › Challenges › Gaps in the flow of information"
