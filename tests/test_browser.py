"""The app in a real browser (Debian chromium driven by Playwright for Python): selecting text with
the mouse, assigning a code, and finding exactly the selected text in the store after a reload; the
same across an emoji and a combining accent; script in transcripts stays inert. Screenshots go to
test-artifacts/. Skips when chromium or Playwright is missing; .ci/run installs both."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _browser import ARTIFACTS, choose_by_typing, open_project, require_chromium

from app_pages.components.driving import choose_coder, project_with_transcript, select_range
from toolkit.codings import list_codings
from toolkit.documents import document_text, document_turns
from toolkit.store import open_store

require_chromium()

TRANSCRIPT = (
    "I: [00:00:05] Wie war die Einführung der E-Akte?\n\n"
    "B: [00:00:12] Grüße 👋🏽 aus [Stadt A] – die x\u0302-Akte kam spät, und die Schulung fehlte ganz.\n\n"
    "I: [00:00:30] <img src=x onerror=\"alert('xss')\"> <script>alert(1)</script> [Link](http://example.org)\n\n"
    "B: [00:00:41] Das Formular kommt als PDF, wir drucken es aus und tippen es ab.\n"
)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return project_with_transcript(tmp_path / "browser.db", TRANSCRIPT, "einfuehrung.txt")


@pytest.fixture()
def page(browser: Any, app_url: str, project: Path) -> Iterator[Any]:
    """A tab on this test's own project (the module shares one server and one chromium)."""
    dialogs: list[str] = []
    pg = open_project(browser, app_url, project, height=950, dialogs=dialogs)
    yield pg
    pg.close()
    assert dialogs == [], f"a script in the transcript ran: {dialogs}"


def assign(pg: Any, search: str) -> None:
    """Type into the popup at the selection and take the first match with Enter."""
    pg.locator(".tk-popup .tk-search").wait_for(timeout=15_000)
    pg.keyboard.type(search)
    pg.keyboard.press("Enter")


def coded_texts(db: Path) -> list[str]:
    with open_store(db) as store:
        return [c.text for c in list_codings(store, coder="anna")]


def wait_for_codings(db: Path, n: int) -> list[str]:
    deadline = time.time() + 15
    while time.time() < deadline:
        texts = coded_texts(db)
        if len(texts) >= n:
            return texts
        time.sleep(0.2)
    return coded_texts(db)


def turn_text(db: Path, index: int) -> str:
    with open_store(db) as store:
        t = document_turns(store, "einfuehrung")[index]
        return document_text(store, "einfuehrung")[t.start : t.end]


def test_select_with_the_mouse_assign_reload_and_find_exactly_that_text(page: Any, project: Path) -> None:
    choose_coder(page, "anna")
    text = turn_text(project, 3)
    start = text.index("wir drucken")
    end = text.index(" und tippen")
    selected = select_range(page, 3, start, end)
    assert selected == "wir drucken es aus"
    page.screenshot(path=str(ARTIFACTS / "code-selection.png"))
    assign(page, "Medienbrüche")
    assert wait_for_codings(project, 1) == ["wir drucken es aus"]
    page.reload()
    choose_coder(page, "anna")
    page.wait_for_selector(".tk-coded", timeout=15_000)
    highlighted = page.locator(".tk-coded").first
    assert highlighted.inner_text() == "wir drucken es aus"
    assert "Medienbrüche" in (highlighted.get_attribute("title") or "")
    page.screenshot(path=str(ARTIFACTS / "code-highlight.png"), full_page=True)


def test_selection_across_an_emoji_and_a_combining_accent(page: Any, project: Path) -> None:
    choose_coder(page, "anna")
    text = turn_text(project, 1)
    start = text.index("👋🏽")  # wave + skin-tone modifier: two astral code points
    end = text.index(" kam")  # through "x̂-Akte": x + combining circumflex, no precomposed form
    expected = text[start:end]
    assert "\u0302" in expected and "🏽" in expected
    selected = select_range(page, 1, start, end)
    assert selected == expected
    assign(page, "Fehlende digitale Kompetenzen")
    assert wait_for_codings(project, 1) == [expected]
    with open_store(project) as store:
        coding = list_codings(store, coder="anna")[0]
        turn = document_turns(store, "einfuehrung")[1]
    assert (coding.start, coding.end) == (turn.start + start, turn.start + end)


def test_script_in_a_transcript_stays_text(page: Any) -> None:
    choose_coder(page, "anna")
    turn = page.locator(".tk-text").nth(2)
    assert turn.inner_text() == (
        "<img src=x onerror=\"alert('xss')\"> <script>alert(1)</script> [Link](http://example.org)"
    )
    assert page.evaluate("document.querySelectorAll('.tk-root img, .tk-root script, .tk-root a').length") == 0
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "xss-inert.png"))


def test_whole_turn_with_one_click(page: Any, project: Path) -> None:
    choose_coder(page, "anna")
    page.locator(".tk-turn").nth(3).hover()
    page.locator(".tk-whole").nth(3).click()
    assign(page, "Medienbrüche")
    assert wait_for_codings(project, 1) == [turn_text(project, 3)]


def test_upload_imports_good_files_and_names_the_failing_one(
    page: Any, project: Path, tmp_path: Path
) -> None:
    good = tmp_path / "gespraech.txt"
    good.write_text("I: Wie lief es?\n\nB: Gut, die Lotsen haben geholfen.\n", encoding="utf-8")
    bad = tmp_path / "kaputt.docx"
    bad.write_bytes(b"this is not a zip")
    choose_coder(page, "anna")
    page.get_by_role("link", name="Dokumente").click()
    page.wait_for_selector("text=Transkripte importieren")
    transcripts = page.locator(
        "[data-testid=stFileUploader] input[type=file][accept*='.docx']"
    )  # not the tables'
    transcripts.set_input_files([str(good), str(bad)])
    page.get_by_role("button", name="Importieren").click()
    page.wait_for_selector("text=keine gültige .docx-Datei", timeout=20_000)
    page.wait_for_selector("text=2 Beiträge", timeout=20_000)
    page.screenshot(path=str(ARTIFACTS / "upload.png"), full_page=True)
    with open_store(project) as store:
        assert document_text(store, "gespraech").startswith("I: Wie lief es?")
        assert [t.speaker for t in document_turns(store, "gespraech")] == ["I", "B"]
        assert store.one("SELECT count(*) AS n FROM documents WHERE name = 'kaputt'") == {"n": 0}


def test_variables_from_a_table_preview_then_apply(page: Any, project: Path, tmp_path: Path) -> None:
    table = tmp_path / "variablen.csv"
    table.write_text("Dokument;region;einwohner\neinfuehrung;Nord;12.500\nfehlt;Süd;3\n", encoding="utf-8")
    choose_coder(page, "anna")
    page.get_by_role("link", name="Dokumente").click()
    page.get_by_text("Variablen aus einer Tabelle").click()
    uploader = page.locator("[data-testid=stFileUploader] input[type=file][accept*='.xlsx']")
    uploader.set_input_files(str(table))
    page.wait_for_selector("text=2 Werte in 1 Dokumenten würden gesetzt.", timeout=20_000)
    page.wait_for_selector("text=Zeile 3: kein Dokument „fehlt“ im Projekt", timeout=5_000)
    page.screenshot(path=str(ARTIFACTS / "variables-preview.png"), full_page=True)
    with open_store(project) as store:  # the preview stores nothing
        assert store.one("SELECT count(*) AS n FROM document_attributes") == {"n": 0}
    page.get_by_role("button", name="Übernehmen").click()
    page.wait_for_selector("text=2 Werte in 1 Dokumenten gesetzt.", timeout=20_000)
    with open_store(project) as store:
        rows = store.query("SELECT name, value FROM document_attributes ORDER BY name")
    assert rows == [{"name": "einwohner", "value": "12500"}, {"name": "region", "value": "Nord"}]


def test_import_preview_renames_a_speaker_before_importing(page: Any, project: Path, tmp_path: Path) -> None:
    f = tmp_path / "rathaus.txt"
    f.write_text(
        "I: Wie lief die Einführung?\n\nB: Holprig, aber jetzt gut.\n\nB : Die Schulung kam spät.\n",
        encoding="utf-8",
    )
    choose_coder(page, "anna")
    page.get_by_role("link", name="Dokumente").click()
    page.wait_for_selector("text=Transkripte importieren")
    page.locator("[data-testid=stFileUploader] input[type=file][accept*='.docx']").set_input_files(str(f))
    page.wait_for_selector("text=rathaus.txt: 3 Beiträge", timeout=20_000)
    box = page.get_by_label("„B“ (2 Beiträge, 8 Wörter) speichern als")
    box.fill("Bürgermeisterin")
    box.press("Enter")
    page.wait_for_selector("text=Bürgermeisterin: Holprig, aber jetzt gut.", timeout=20_000)
    page.screenshot(path=str(ARTIFACTS / "import-preview.png"), full_page=True)
    with open_store(project) as store:  # the preview stores nothing
        assert store.one("SELECT count(*) AS n FROM documents WHERE name = 'rathaus'") == {"n": 0}
    page.get_by_role("button", name="Importieren").click()
    page.wait_for_selector("text=/rathaus\\.txt: \\d+ Wörter, 3 Beiträge/", timeout=20_000)
    with open_store(project) as store:
        assert [t.speaker for t in document_turns(store, "rathaus")] == [
            "I",
            "Bürgermeisterin",
            "Bürgermeisterin",
        ]


def test_import_preview_renames_then_pseudonymises(page: Any, project: Path, tmp_path: Path) -> None:
    from toolkit.pseudonyms import add_pseudonym

    with open_store(project) as store:
        add_pseudonym(store, "Weber", actor="anna")
    f = tmp_path / "amt.txt"
    f.write_text("I: Wie lief es?\n\nB: Gut, sagt Frau Weber.\n", encoding="utf-8")
    choose_coder(page, "anna")
    page.get_by_role("link", name="Dokumente").click()
    page.wait_for_selector("text=Transkripte importieren")
    page.locator("[data-testid=stFileUploader] input[type=file][accept*='.docx']").set_input_files(str(f))
    page.wait_for_selector("text=amt.txt: 2 Beiträge", timeout=20_000)
    page.get_by_text("Pseudonymisiert importieren").click()
    box = page.get_by_label("„B“ (1 Beiträge, 4 Wörter) speichern als")
    box.fill("Herr Weber")
    box.press("Enter")
    page.wait_for_selector("text=Herr [Person A]: Gut, sagt Frau [Person A].", timeout=20_000)
    page.screenshot(path=str(ARTIFACTS / "import-preview-pseudonymised.png"), full_page=True)
    page.get_by_role("button", name="Importieren", exact=True).click()
    page.wait_for_selector("text=/amt\\.txt: \\d+ Wörter, 2 Beiträge/", timeout=20_000)
    with open_store(project) as store:
        assert [t.speaker for t in document_turns(store, "amt")] == ["I", "Herr [Person A]"]
        assert "Weber" not in document_text(store, "amt")


def test_search_page_finds_and_a_hit_opens_in_this_tab(page: Any, project: Path) -> None:
    choose_coder(page, "anna")
    page.get_by_role("link", name="Suche").click()
    page.get_by_role("textbox", name="Suchbegriff").fill("Formular OR Schulung")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_selector("text=2 Treffer in 1 Dokument", timeout=30_000)
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.wait_for(timeout=10_000)
    time.sleep(1)  # the grid draws on a canvas
    page.screenshot(path=str(ARTIFACTS / "search-hits-1400.png"))
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 14, box["y"] + 35 + 35 + 17)  # the second hit's box: open it here
    linked = page.locator(".tk-linked")
    linked.first.wait_for(timeout=30_000)
    assert "".join(linked.all_inner_texts()) == "Formular" and len(page.context.pages) == 1


@pytest.mark.parametrize("size", [(1024, 768), (1400, 900)])
def test_search_pages_through_many_hits_and_undoes_an_autocoding(
    browser: Any, app_url: str, tmp_path: Path, size: tuple[int, int]
) -> None:
    text = "I: Und?\n\nB: " + "Ein Medienbruch. " * 60 + "\n"
    db = project_with_transcript(tmp_path / "viele.db", text, "viele.txt")
    width, height = size
    pg = open_project(browser, app_url, db, width=width, height=height)
    try:
        choose_coder(pg, "anna")
        pg.get_by_role("link", name="Suche").click()
        pg.get_by_role("textbox", name="Suchbegriff").fill("Medienbruch")
        pg.get_by_role("button", name="Suchen").click()
        pg.wait_for_selector("text=60 Treffer in 1 Dokument", timeout=30_000)
        pg.wait_for_selector("text=Treffer 1–50 von 60 · Seite 1 von 2", timeout=10_000)
        pg.get_by_role("button", name="Weiter").click()
        pg.wait_for_selector("text=Treffer 51–60 von 60 · Seite 2 von 2", timeout=30_000)
        time.sleep(1)  # the grid draws on a canvas
        pg.screenshot(path=str(ARTIFACTS / f"search-page-2-{width}.png"))
        code_box = pg.locator("[data-testid=stSelectbox]").filter(has=pg.get_by_label("Code", exact=True))
        choose_by_typing(pg, code_box, "Lücken")
        pg.get_by_role("button", name="60 Stellen kodieren").click()
        pg.wait_for_selector("text=60 Stellen mit", timeout=30_000)
        pg.screenshot(path=str(ARTIFACTS / f"search-autocoded-{width}.png"))
        pg.get_by_role("button", name="Rückgängig", exact=True).click()
        pg.wait_for_selector("text=60 automatisch gesetzte Kodierungen entfernt", timeout=30_000)
        with open_store(db) as store:
            assert list_codings(store, coder="anna") == []
    finally:
        pg.close()


@pytest.mark.parametrize("size", [(1024, 768), (1400, 900)])
def test_a_pdf_turn_shows_its_page_in_kodieren_and_auswertung(
    browser: Any, app_url: str, tmp_path: Path, size: tuple[int, int]
) -> None:
    from test_import_pdf import TURNS, make_pdf, transcript_pages

    from toolkit.codings import add_coding
    from toolkit.documents import import_upload

    db = project_with_transcript(tmp_path / "pdf.db", "I: Ja?\n\nB: Ja.\n", "kurz.txt")
    with open_store(db) as store:
        doc = import_upload(store, make_pdf(transcript_pages()), "ordnungsamt.pdf", actor="anna").document
        at = document_text(store, doc).index(TURNS[2][2][:20])
        add_coding(store, doc, at, at + 20, "Information", coder="anna")
    width, height = size
    pg = open_project(browser, app_url, db, f"/?doc={doc}&coder=anna", width=width, height=height)
    try:
        page_mark = pg.locator(".tk-page", has_text="S. 2")
        page_mark.first.wait_for(timeout=30_000)
        assert page_mark.first.get_attribute("title") == "Seite 2 im PDF"
        assert pg.locator(".tk-page").all_inner_texts() == ["S. 1", "S. 1", "S. 2", "S. 3"]
        pg.screenshot(path=str(ARTIFACTS / f"pdf-page-kodieren-{width}.png"))
        pg.locator("[data-testid=stSidebarNav]").get_by_text("Auswertung").click()
        pg.get_by_role("tab", name="Segmente").click()
        pg.locator("[role=tabpanel] [data-testid=stDataFrame]").last.wait_for(timeout=30_000)
        time.sleep(1)  # the grid draws on a canvas
        pg.screenshot(path=str(ARTIFACTS / f"pdf-page-segments-{width}.png"), full_page=True)
    finally:
        pg.close()
