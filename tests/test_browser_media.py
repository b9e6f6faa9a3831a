"""The recording player on Kodieren in a real browser (Debian chromium driven by Playwright), in team
mode: a click on a time stamp seeks the media element there; playing moves the marked turn; F8 sets
a turn's time stamp; the recording's address is made for the signed-in session and refused to a
stranger and after logout. Screenshots go to test-artifacts/. Skips when chromium or Playwright is
missing."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _browser import ARTIFACTS, ROOT, require_chromium
from _media import TIMED, write_wav

from app_pages.components.driving import CHROMIUM, CHROMIUM_ARGS, serve_app
from toolkit.accounts import add_user, set_team_mode
from toolkit.codes import list_codes
from toolkit.codings import add_coding
from toolkit.documents import document_turns, import_upload
from toolkit.media import attach_media, document_media
from toolkit.project import DEFAULT_CODEBOOK, init_project
from toolkit.store import open_store

PASSWORD = "korrekt-pferd-9"

sync_api = require_chromium()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("media")
    db = tmp / "team.db"
    init_project(db, codebook=DEFAULT_CODEBOOK, actor="setup")
    with open_store(db) as store:
        doc = import_upload(store, TIMED.encode(), "gespraech.txt", actor="setup").document
        attach_media(store, doc, write_wav(tmp / "aufnahme.wav", 10.0), actor="setup")
        fourth = document_turns(store, doc)[3]  # "Langsam, die Scanner ...", said from 6 s
        add_coding(store, doc, fourth.start, fourth.start + 7, list_codes(store)[-1].path, coder="anna")
        add_user(store, "lena", role="lead", actor="setup", password=PASSWORD)
        add_user(store, "anna", role="coder", actor="setup", password=PASSWORD)
        set_team_mode(store, True, actor="setup")
    with serve_app(db, ROOT) as url:
        yield url, db


def login(pg: Any, url: str) -> None:
    pg.goto(url)
    pg.get_by_role("button", name="Anmelden").wait_for(timeout=30_000)
    pg.get_by_label("Name").fill("anna")
    pg.get_by_label("Passwort").fill(PASSWORD)
    pg.get_by_role("button", name="Anmelden").click()
    pg.wait_for_selector(".tk-player", timeout=30_000)
    pg.wait_for_function("() => document.querySelector('.tk-media').readyState >= 1", timeout=15_000)


def playing(pg: Any, turn: int) -> None:
    """Wait until the marked turn is ``turn`` (0-based)."""
    pg.wait_for_function(
        f"() => document.querySelector('.tk-app').dataset.playing === '{turn}'", timeout=10_000
    )


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Range": "bytes=0-99"})) as r:
            return int(r.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_time_stamps_play_from_there_and_the_marked_turn_follows(served: tuple[str, Path]) -> None:
    url, db = served
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in ((1024, 768), (1400, 900)):
            pg = browser.new_page(viewport={"width": width, "height": height})
            login(pg, url)
            assert pg.evaluate("document.querySelector('.tk-media').duration") == pytest.approx(10.0, abs=0.1)
            assert "F4" in pg.inner_text(".tk-player")  # the keys are written on the page
            pg.screenshot(path=str(ARTIFACTS / f"media-player-{width}.png"))
            pg.close()

        pg = browser.new_page(viewport={"width": 1400, "height": 900})
        login(pg, url)
        # a click on the fourth turn's time stamp (00:00:06) plays from there and marks that turn
        pg.locator(".tk-turn").nth(3).locator(".tk-time").click()
        playing(pg, 3)
        at = pg.evaluate("document.querySelector('.tk-media').currentTime")
        assert 6.0 <= at < 8.0
        pg.keyboard.press("F4")  # pause
        pg.wait_for_function("() => document.querySelector('.tk-media').paused", timeout=5_000)

        # back to the start: playing moves the mark from the first turn to the second (at 2 s)
        pg.locator(".tk-turn").nth(0).locator(".tk-time").click()
        playing(pg, 0)
        playing(pg, 1)
        assert pg.locator(".tk-turn.tk-playing").count() == 1
        assert pg.locator(".tk-turn").nth(1).evaluate("e => e.classList.contains('tk-playing')")
        pg.screenshot(path=str(ARTIFACTS / "media-playing.png"))
        # the third turn has no time stamp: it is marked between 2 s and 6 s, by its text position
        playing(pg, 2)
        assert 2.0 < pg.evaluate("document.querySelector('.tk-media').currentTime") < 6.0
        pg.keyboard.press("F4")
        pg.wait_for_function("() => document.querySelector('.tk-media').paused", timeout=5_000)

        # F2 goes back 5 s; the speed menu sets the rate
        pg.evaluate("document.querySelector('.tk-media').currentTime = 7")
        pg.keyboard.press("F2")
        pg.wait_for_function("() => Math.abs(document.querySelector('.tk-media').currentTime - 2) < 0.3")
        pg.select_option(".tk-speed", "1.5")
        assert pg.evaluate("document.querySelector('.tk-media').playbackRate") == 1.5

        # F8 gives the turn clicked last (the third, without a stamp) the player's time
        pg.evaluate("document.querySelector('.tk-media').currentTime = 4.2")
        pg.locator(".tk-turn").nth(2).locator(".tk-text").click()
        pg.keyboard.press("F8")
        pg.wait_for_function(
            "() => document.querySelectorAll('.tk-turn')[2].querySelector('.tk-time')", timeout=15_000
        )
        with open_store(db) as store:
            assert document_turns(store, "gespraech")[2].timestamp == pytest.approx(4.2)
        # the position survives the rerun the stamp caused
        assert pg.evaluate("document.querySelector('.tk-media').currentTime") == pytest.approx(4.2, abs=0.3)

        # ▶ beside a coded segment (side column after a click on it) plays from where it is said
        pg.locator(".tk-turn").nth(3).locator(".tk-coded").first.click()
        pg.get_by_role("button", name="▶").last.click()
        playing(pg, 3)
        assert 6.0 <= pg.evaluate("document.querySelector('.tk-media').currentTime") < 8.0
        pg.screenshot(path=str(ARTIFACTS / "media-segment.png"))
        browser.close()


def test_the_recording_is_served_only_to_the_signed_in_session(served: tuple[str, Path]) -> None:
    url, db = served
    with open_store(db) as store:
        info = document_media(store, "gespraech")
    assert info is not None
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 900})
        login(pg, url)
        src = pg.evaluate("document.querySelector('.tk-media').src")
        assert src.startswith(url + "/media/") and info.sha256 not in src
        assert status(src) == 206  # while anna's session shows it

        # a stranger without a session gets the login form, and no address of the recording
        stranger = browser.new_context().new_page()
        stranger.goto(url)
        stranger.get_by_role("button", name="Anmelden").wait_for(timeout=30_000)
        stranger.wait_for_timeout(500)
        page = stranger.content()
        assert src.rsplit("/", 1)[1].split(".")[0] not in page
        assert stranger.locator("audio, video").count() == 0
        # nor under a name derived from the recording
        for guess in (info.sha256, info.stored_name, info.file_name, f"{info.sha256[:56]}.wav"):
            assert status(f"{url}/media/{guess}") == 404

        pg.get_by_role("button", name="Abmelden").click()
        pg.get_by_role("button", name="Anmelden").wait_for(timeout=15_000)
        pg.wait_for_timeout(1000)
        assert status(src) == 404  # signed out: the session's address is gone
        browser.close()
