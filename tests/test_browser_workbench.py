"""The Kodieren workbench in a real browser (Debian chromium, Playwright): the popup at a selection
assigns by keyboard and draws the highlight and the margin entry at once, a duplicate is refused
visibly, an in-vivo code is made from the selected words, a coding picked in the margin takes a new
extent by selecting, the code tree assigns, a deep link opens the span; screenshots at 1024×768 and
1400×900 go to test-artifacts/. One server for the module; each test works on its own turns of the
module's project (the Konsens test on a demo project of its own)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _browser import ARTIFACTS, ROOT, eventually, open_project, require_chromium

from app_pages.components.driving import choose_coder, project_with_transcript, select_range
from toolkit.codes import list_codes
from toolkit.codings import add_coding, list_codings
from toolkit.documents import document_text, document_turns
from toolkit.store import open_store

require_chromium()

TURNS = [
    "Wie kam die E-Akte in Ihre Verwaltung?",
    "Das Formular kommt als PDF, wir drucken es aus und tippen es ab. Dann liegt es wieder auf Papier.",
    "Und wer hat Ihnen dabei geholfen?",
    "Unsere digitalen Lotsen haben jede Woche eine offene Sprechstunde angeboten, das hat viel gebracht.",
    "Gab es Widerstand?",
    "Am Anfang schon, viele hatten Angst, dass die Arbeit nur mehr wird und keiner etwas davon hat.",
    "Wie haben Sie davon erfahren?",
    "Meistens über den Flurfunk, offiziell kam da lange nichts, das war schon ärgerlich für alle.",
]
FILLER = (
    "Wir haben dann im Team lange darüber gesprochen, wie die Abläufe vorher waren und was sich mit "
    "der neuen Software ändern soll, und am Ende hat jede Abteilung ihre eigenen Wege gefunden, die "
    "Unterlagen zu sortieren, zu prüfen und weiterzugeben, was nicht immer einfach war. "
)
# far down the document: the deep link has to scroll to it
TAIL = "Zum Schluss: die Schnittstelle zum Fachverfahren fehlt bis heute."


def transcript_text() -> str:
    turns = [f"{'IB'[i % 2]}: [00:{i:02d}:00] {t}" for i, t in enumerate(TURNS)]
    turns += [f"{'IB'[i % 2]}: [00:{10 + i:02d}:00] {FILLER * 2}" for i in range(30)]
    turns.append(f"B: [00:59:00] {TAIL}")
    return "\n\n".join(turns) + "\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("workbench") / "workbench.db"
    return project_with_transcript(db, transcript_text(), "gespraech.txt")


@pytest.fixture()
def page(browser: Any, app_url: str, project: Path) -> Iterator[Any]:
    pg = open_project(browser, app_url, project)
    choose_coder(pg, "anna")
    yield pg
    pg.close()


def turn_span(db: Path, index: int, words: str) -> tuple[int, int, int]:
    """(offset in the turn, end in the turn, offset in the document) of ``words`` in turn ``index``."""
    with open_store(db) as store:
        t = document_turns(store, "gespraech")[index]
        text = document_text(store, "gespraech")[t.start : t.end]
    a = text.index(words)
    return a, a + len(words), t.start + a


def codings(db: Path) -> list[tuple[int, int, str, str]]:
    with open_store(db) as store:
        return [(c.start, c.end, c.code_path, c.text) for c in list_codings(store, coder="anna")]


def margin_labels(pg: Any, turn: int) -> list[str]:
    return [str(t) for t in pg.locator(".tk-margin").nth(turn).locator(".tk-label").all_inner_texts()]


def test_popup_search_assigns_by_keyboard_and_the_margin_names_the_code(page: Any, project: Path) -> None:
    a, b, start = turn_span(project, 1, "wir drucken es aus")
    assert select_range(page, 1, a, b) == "wir drucken es aus"
    popup = page.locator(".tk-popup")
    popup.wait_for(timeout=5_000)
    page.screenshot(path=str(ARTIFACTS / "workbench-popup.png"))
    assert page.get_by_text("Select all").count() == 0 and page.get_by_text("Alle auswählen").count() == 0
    page.keyboard.type("medienbr")
    first = popup.locator(".tk-item.tk-active")
    assert "Medienbrüche" in first.inner_text() and "Produkt › Herausforderungen" in first.inner_text()
    page.keyboard.press("Enter")
    # drawn at once in the browser, before the server has answered
    page.wait_for_function(
        "document.querySelectorAll('.tk-margin')[1].innerText.includes('Medienbrüche')", timeout=2_000
    )
    assert page.locator(".tk-text").nth(1).locator(".tk-coded").first.inner_text() == "wir drucken es aus"
    made = eventually(lambda: [c for c in codings(project) if c[3] == "wir drucken es aus"])
    assert (
        made[0][:2] == (start, start + len("wir drucken es aus"))
        and made[0][2] == "Produkt/Herausforderungen/Medienbrüche in internen Abläufen"
    )
    page.wait_for_selector(".tk-label:not(.tk-optimistic)", timeout=10_000)  # confirmed by the server
    assert any("Medienbrüche" in t for t in margin_labels(page, 1))
    page.screenshot(path=str(ARTIFACTS / "workbench-margin.png"))


def test_a_duplicate_is_refused_visibly_at_once(page: Any, project: Path) -> None:
    a, b, start = turn_span(project, 7, "über den Flurfunk")
    with open_store(project) as store:
        add_coding(store, "gespraech", start, start + b - a, "Lücken im Informationsfluss", coder="anna")
    page.reload()
    choose_coder(page, "anna")
    page.wait_for_selector(".tk-margin .tk-label", timeout=10_000)
    before = len(codings(project))
    select_range(page, 7, a, b)
    page.locator(".tk-popup").wait_for(timeout=5_000)
    page.keyboard.type("lücken im info")
    page.keyboard.press("Enter")
    toast = page.locator(".tk-toast.tk-error.tk-show")
    toast.wait_for(timeout=1_000)
    assert "schon" in toast.inner_text()
    page.screenshot(path=str(ARTIFACTS / "workbench-duplicate.png"))
    time.sleep(1)
    assert len(codings(project)) == before


def test_in_vivo_code_from_the_selected_words(page: Any, project: Path) -> None:
    a, b, _ = turn_span(project, 5, "nur mehr wird")
    select_range(page, 5, a, b)
    page.locator(".tk-popup").wait_for(timeout=5_000)
    page.locator(".tk-popup .tk-invivo").click()
    name = page.locator(".tk-popup .tk-invivo-name")
    assert name.input_value() == "nur mehr wird"
    page.locator(".tk-popup .tk-invivo-parent").select_option("Mensch/Herausforderungen")
    page.screenshot(path=str(ARTIFACTS / "workbench-invivo.png"))
    page.get_by_role("button", name="Anlegen und zuweisen").click()
    made = eventually(
        lambda: [c for c in codings(project) if c[2] == "Mensch/Herausforderungen/nur mehr wird"]
    )
    assert made and made[0][3] == "nur mehr wird"
    with open_store(project) as store:
        assert "Mensch/Herausforderungen/nur mehr wird" in {c.path for c in list_codes(store)}
    page.wait_for_function(
        "document.querySelectorAll('.tk-margin')[5].innerText.includes('nur mehr wird')", timeout=10_000
    )
    page.locator(".tk-toast.tk-show").filter(has_text="angelegt").wait_for(timeout=5_000)


def test_picking_a_coding_in_the_margin_and_selecting_changes_its_extent(page: Any, project: Path) -> None:
    a, b, start = turn_span(project, 3, "digitalen Lotsen")
    with open_store(project) as store:
        coding = add_coding(store, "gespraech", start, start + b - a, "Digitale Lots:innen", coder="anna")
    page.reload()
    choose_coder(page, "anna")
    label = page.locator(".tk-margin").nth(3).locator(".tk-label").filter(has_text="Digitale Lots:innen")
    label.click()
    page.wait_for_selector(".tk-label.tk-selected", timeout=5_000)
    page.get_by_text("Ausgewählte Codierung").wait_for(timeout=15_000)  # the side column opened
    page.wait_for_timeout(300)  # the text has reflowed to the narrower column
    a2, b2, start2 = turn_span(project, 3, "Unsere digitalen Lotsen haben")
    select_range(page, 3, a2, b2)
    popup = page.locator(".tk-popup")
    popup.wait_for(timeout=5_000)
    assert "auf diese Markierung ändern" in popup.locator(".tk-item.tk-active").inner_text()
    page.keyboard.press("Enter")

    def moved() -> bool:
        with open_store(project) as store:
            c = next(x for x in list_codings(store, coder="anna") if x.guid == coding.guid)
            return (c.start, c.end) == (start2, start2 + b2 - a2)

    assert eventually(moved)
    page.locator(".tk-toast.tk-show").filter(has_text="neue Ausdehnung").wait_for(timeout=5_000)

    # then drag its end to the end of "jede Woche" and confirm in the popup
    handle = page.locator(".tk-handle-end")
    handle.wait_for(timeout=10_000)
    _, b3, _ = turn_span(project, 3, "jede Woche")
    target = page.evaluate(LOCATE_END, [3, b3])
    hb = handle.bounding_box()
    page.mouse.move(hb["x"] + hb["width"] / 2, hb["y"] + hb["height"] / 2)
    page.mouse.down()
    page.mouse.move(target["x"], target["y"], steps=8)
    page.screenshot(path=str(ARTIFACTS / "workbench-drag-end.png"))
    page.mouse.up()
    popup.wait_for(timeout=5_000)
    assert "auf diese Markierung ändern" in popup.locator(".tk-item.tk-active").inner_text()
    page.keyboard.press("Enter")

    def dragged() -> bool:
        with open_store(project) as store:
            c = next(x for x in list_codings(store, coder="anna") if x.guid == coding.guid)
            return (c.start, c.end) == (start2, start2 - a2 + b3)

    assert eventually(dragged)


# the right edge of the code point before ``end`` in the turn-th turn, in client coordinates
LOCATE_END = """([turn, end]) => {
  const box = document.querySelectorAll('.tk-text')[turn];
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chars = Array.from(node.data);
    if (end - 1 < seen + chars.length) {
      const idx = chars.slice(0, end - 1 - seen).join('').length;
      const r = document.createRange();
      r.setStart(node, idx); r.setEnd(node, idx + chars[end - 1 - seen].length);
      const rect = r.getBoundingClientRect();
      return {x: rect.right - 1, y: rect.top + rect.height / 2};
    }
    seen += chars.length;
  }
  throw new Error('offset outside the turn');
}"""


def test_code_tree_assigns_the_pending_selection_and_filters(page: Any, project: Path) -> None:
    if not page.locator(".tk-app.tk-tree-open").count():
        page.locator(".tk-tree-toggle").click()
    page.locator(".tk-filter").fill("haltung")
    visible = [t for t in page.locator(".tk-node:not([hidden]) .tk-node-name").all_inner_texts()]
    assert "Digitale Haltung" in visible and "Lücken im Informationsfluss" not in visible
    a, b, _ = turn_span(project, 5, "viele hatten Angst")
    select_range(page, 5, a, b)
    page.locator(".tk-popup").wait_for(timeout=5_000)
    page.locator(".tk-node").filter(has_text="Digitale Haltung").locator(".tk-node-name").click()
    made = eventually(lambda: [c for c in codings(project) if c[3] == "viele hatten Angst"])
    assert made and made[0][2] == "Mensch/Treiber/Digitale Haltung"
    page.wait_for_function(
        """() => [...document.querySelectorAll('.tk-node')].some(n => n.innerText.includes('Digitale Haltung')
             && n.querySelector('.tk-count').textContent === '1 / 1')""",
        timeout=10_000,
    )


def test_deep_link_opens_the_document_scrolled_to_the_span_and_outlined(
    browser: Any, app_url: str, project: Path
) -> None:
    with open_store(project) as store:
        text = document_text(store, "gespraech")
    start = text.index(TAIL)
    end = start + len("Schnittstelle zum Fachverfahren") + len("Zum Schluss: die ")
    start += len("Zum Schluss: die ")
    pg = open_project(browser, app_url, project, f"/?doc=gespraech&start={start}&end={end}&coder=anna")
    linked = pg.locator(".tk-linked")
    linked.first.wait_for(timeout=15_000)
    assert "".join(linked.all_inner_texts()) == "Schnittstelle zum Fachverfahren"
    inside = pg.evaluate(
        """() => {
          const r = document.querySelector('.tk-linked').getBoundingClientRect();
          const box = document.querySelector('.tk-root').getBoundingClientRect();
          return r.top >= box.top && r.bottom <= box.bottom && r.top >= 0 && r.bottom <= innerHeight;
        }"""
    )
    assert inside, "the linked span is not scrolled into view"
    pg.screenshot(path=str(ARTIFACTS / "workbench-deeplink.png"))
    pg.close()


CHARS_ON_FIRST_LINE = """(turn) => {
  const box = document.querySelectorAll('.tk-text')[turn];
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let top = null, n = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i += 1) {
      const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
      const rect = r.getClientRects()[0];
      if (!rect) continue;
      if (top === null) top = rect.top;
      if (rect.top > top + 4) return n;
      n += 1;
    }
  }
  return n;
}"""


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1400, 900), (1920, 1080)])
def test_layout_keeps_lines_long_enough(
    browser: Any, app_url: str, project: Path, width: int, height: int
) -> None:
    pg = open_project(browser, app_url, project, width=width, height=height)
    choose_coder(pg, "anna")
    pg.wait_for_timeout(500)
    chars = pg.evaluate(CHARS_ON_FIRST_LINE, 10)
    pg.screenshot(path=str(ARTIFACTS / f"workbench-{width}x{height}.png"))
    if width < 1200:  # the sidebars are folded away at 1024 px to make room
        pg.locator(
            "[data-testid=stSidebarCollapseButton] button, [data-testid=stSidebarCollapseButton]"
        ).first.click()
        pg.wait_for_timeout(600)
        chars = pg.evaluate(CHARS_ON_FIRST_LINE, 10)
        pg.screenshot(path=str(ARTIFACTS / f"workbench-{width}x{height}-sidebar-closed.png"))
    assert chars >= 60, f"{chars} characters on a transcript line at {width}×{height}"
    pg.close()


PICK_JS = """([from, to]) => {
  const mark = document.querySelector('.sp-current');
  mark.scrollIntoView({block: 'center'});
  const node = mark.firstChild;
  const chars = Array.from(node.data);
  const at = (cp) => {
    const i = chars.slice(0, cp).join('').length;
    const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + chars[cp].length);
    return r.getBoundingClientRect();
  };
  const a = at(from), b = at(to - 1);
  return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2,
          text: chars.slice(from, to).join('')};
}"""


def test_konsens_bearbeiten_takes_a_new_extent_by_selecting(
    browser: Any, app_url: str, tmp_path: Path
) -> None:
    from toolkit.agreement.consensus import disagreements
    from toolkit.project import create_demo

    db = tmp_path / "demo.db"
    create_demo(db, ROOT, actor="test")
    with open_store(db) as store:
        starts = {d.start for d in disagreements(store, "anna", "ben")}
    pg = open_project(browser, app_url, db)  # the demo on the module's server
    choose_coder(pg, "anna")
    pg.get_by_role("link", name="Konsens").click()
    pg.get_by_role("button", name="Bearbeiten").first.click()
    pg.locator(".sp-current").first.wait_for(timeout=15_000)
    no_offsets = [pg.get_by_label(w, exact=True).count() for w in ("Anfang", "Ende")]
    assert no_offsets == [0, 0]  # the extent is not typed
    box = pg.evaluate(PICK_JS, [0, 12])
    pg.mouse.move(box["x1"], box["y1"])
    pg.mouse.down()
    pg.mouse.move(box["x2"], box["y2"], steps=5)
    pg.mouse.up()
    pg.get_by_text("Neu markiert: 12 Zeichen").wait_for(timeout=5_000)
    pg.screenshot(path=str(ARTIFACTS / "konsens-bearbeiten.png"))
    pg.wait_for_timeout(500)  # the new extent reaches the server
    pg.get_by_role("button", name="Übernehmen", exact=True).click()

    def settled() -> list[tuple[int, int, str]]:
        with open_store(db) as store:
            return [(c.start, c.end, c.text) for c in list_codings(store, coder="consensus")]

    found = eventually(settled)
    pg.close()
    assert len(found) == 1 and found[0][0] in starts  # the card's span, from its start …
    assert found[0][1:] == (found[0][0] + 12, box["text"])  # … to the 12 characters selected
