"""Every page rendered in AppTest speaks one language: with English chosen no German words, with
German chosen no English words (Streamlit's own placeholder and uploader words included, as the
browser shows them). User data (document text, code names, memos, attribute values) is left out of
the scan: it is in whatever language the project's material is."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from app_pages.lang import key_class
from toolkit.i18n import Language
from toolkit.project import ROOT, create_demo
from toolkit.settings import set_personal, ui_language
from toolkit.store import open_store

PAGES = [
    "app_pages/overview.py",
    "app_pages/projects.py",
    "app_pages/team.py",
    "app_pages/exchange.py",
    "app_pages/pseudonyms.py",
    "app_pages/search.py",
    "app_pages/documents.py",
    "app_pages/codebook.py",
    "app_pages/consensus.py",
    "app_pages/agreement.py",
    "app_pages/code.py",
    "app_pages/analysis.py",
]

# frequent words of the other language (a page in English must not show these, and vice versa)
GERMAN = re.compile(
    r"\b(der|die|das|und|nicht|mit|für|ist|eine?|keine?|noch|oder|wählen|Seite|auf|zu|von)\b"
    r"|Dokument|Codierung|Kodier|[äöüß]",
    re.IGNORECASE,
)
ENGLISH = re.compile(
    r"\b(the|and|of|to|is|with|no|not|or|Choose|Select|Upload|Browse|files?|Drag|per|Limit)\b",
    re.IGNORECASE,
)
OTHER = {"en": GERMAN, "de": ENGLISH}
SHOWN = {"label", "body", "placeholder", "help", "options", "text", "caption", "title", "display_text"}
STREAMLIT_DEFAULTS = {"selectbox": "Choose an option", "multiselect": "Choose options"}
_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)
_ESCAPED = re.compile(r"\\(.)")  # Markdown escapes (md() in app_pages/ui.py)
_CODE_SPAN = re.compile(r"`[^`]*`")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_PATH = re.compile(r"(?<![\w<])/[\w./-]+")  # a file's path
_CONFIG_WORDS = re.compile(r'"(?:label|help|display_text)":\s*"((?:[^"\\]|\\.)*)"')


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("language") / "demo.db"
    create_demo(db, ROOT, actor="test")
    with open_store(db) as store:
        set_personal(store, "ben", "language", "en")
    return db


def _strings(value: object) -> Iterator[str]:
    """The strings in a stored value, inside JSON lists and objects too (keywords, attribute values)."""
    if isinstance(value, str):
        if len(value.strip()) > 2:
            yield value.strip()
        if value[:1] in "[{":
            with suppress(ValueError):
                yield from _strings(json.loads(value))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


@dataclass(frozen=True)
class UserData:
    words: re.Pattern[str]  # short values (names, codes, attribute values) as whole words
    long: list[str]  # longer values, longest first
    texts: list[str]  # values a page may show an excerpt of


def user_data(db: Path) -> UserData:
    """Every text value stored in the project."""
    values: set[str] = {str(db)}
    with sqlite3.connect(db) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            if table == "events" or table.startswith("sqlite"):
                continue
            try:
                rows = con.execute(f'SELECT * FROM "{table}"').fetchall()
            except sqlite3.OperationalError:  # a contentless full-text index holds no values to read
                continue
            for row in rows:
                for v in row:
                    values.update(_strings(v))
    ordered = sorted(values, key=len, reverse=True)
    short = [re.escape(v) for v in ordered if len(v) < 12]
    return UserData(
        words=re.compile(r"(?<!\w)(?:" + "|".join(short) + r")(?!\w)"),
        long=[v for v in ordered if len(v) >= 12],
        texts=[v for v in ordered if len(v) > 40],
    )


def _proto_words(message: Any) -> Iterator[str]:
    for field, value in message.ListFields():
        repeated = bool(getattr(field, "is_repeated", False))
        if field.type == field.TYPE_MESSAGE:
            for item in value if repeated else [value]:
                if hasattr(item, "ListFields"):
                    yield from _proto_words(item)
        elif field.name in SHOWN:
            yield from (value if repeated else [value])
        elif field.name == "columns" and isinstance(value, str):  # a dataframe's column config
            yield from (json.loads(f'"{m}"') for m in _CONFIG_WORDS.findall(value))


def _empty(picker: Any) -> bool:
    """True when a selectbox or multiselect shows its placeholder (nothing chosen, None no option)."""
    if picker.value not in (None, []):
        return False
    if picker.type == "multiselect":
        return True
    try:
        return str(picker.format_func(None)) not in picker.options
    except Exception:
        return True


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def shown_words(at: AppTest, lang: Language) -> Iterator[str]:
    """What a person reads on the page: labels, texts, placeholders, headers and short cells."""
    styles = " ".join(
        str(getattr(n.proto, "body", "")) for n in _nodes(at._tree) if n.type in ("html", "markdown")
    )
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            yield from (_STYLE.sub(" ", str(w)) for w in _proto_words(proto))
        if lang == "de" and node.type in STREAMLIT_DEFAULTS and not proto.placeholder and _empty(node):
            yield STREAMLIT_DEFAULTS[node.type]  # shown while nothing is chosen
        if lang == "de" and node.type == "file_uploader" and f".{key_class(node.key)}" not in styles:
            yield "Upload · 200MB per file"  # Streamlit's own words, unless the page replaced them
        if node.type == "arrow_data_frame":
            frame = node.value
            yield from (str(c) for c in frame.columns)
            for column in frame.columns:
                yield from (v for v in frame[column].tolist() if isinstance(v, str))


def foreign(text: str, data: UserData, lang: Language) -> str | None:
    """The other language's word in ``text`` once user data is taken out, else None."""
    text = _LINK_TARGET.sub("]", _CODE_SPAN.sub(" ", _ESCAPED.sub(r"\1", text)))  # commands, URLs
    text = _PATH.sub(" ", text)
    for piece in re.split(r"[\n…*]", text):  # an excerpt of a transcript, a memo, a coding's text
        piece = piece.strip(" .,;:")
        if len(piece) > 12 and any(piece in v for v in data.texts):
            text = text.replace(piece, " ")
    for value in data.long:
        if value in text:
            text = text.replace(value, " ")
    text = data.words.sub(" ", text)
    hit = OTHER[lang].search(text)
    return None if hit is None else f"{hit.group(0)!r} in {text.strip()[:160]!r}"


# what a page needs chosen to show all its parts (Auswertung: whose codings, a matrix cell)
STATE: dict[str, dict[str, object]] = {
    "app_pages/analysis.py": {
        "analysis_coders": ["anna", "ben"],
        "analysis_matrix_table": {
            "selection": {"rows": [], "columns": [], "cells": [[2, "gruppendiskussion"]]}
        },
    },
}


def render(db: Path, coder: str, page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["app_coder"] = coder
    for key, value in STATE.get(page, {}).items():
        at.session_state[key] = value
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(("coder", "lang"), [("anna", "de"), ("ben", "en")])
def test_a_page_speaks_only_the_chosen_language(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str, coder: str, lang: Language
) -> None:
    db = tmp_path / "demo.db"
    db.write_bytes(demo.read_bytes())
    monkeypatch.setenv("CODING_TOOLKIT_DB", str(db))
    monkeypatch.chdir(ROOT)
    at = render(db, coder, page)
    assert at.session_state["ui_language"] == lang
    data = user_data(db)
    found = sorted({f for w in shown_words(at, lang) if (f := foreign(w, data, lang))})
    assert not found, f"{page} in {lang}: " + "; ".join(found[:12])


def test_the_sidebar_choice_is_remembered_for_the_coder_only(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "demo.db"
    db.write_bytes(demo.read_bytes())
    monkeypatch.setenv("CODING_TOOLKIT_DB", str(db))
    monkeypatch.chdir(ROOT)
    at = render(db, "anna", "app_pages/overview.py")
    assert at.title[0].value == "Projekt"
    at.sidebar.segmented_control(key="app_language_pick").set_value("en").run()
    assert at.title[0].value == "Project"
    assert at.sidebar.selectbox(key="app_coder_pick").label == "Who is coding?"
    with open_store(db) as store:
        assert ui_language(store, "anna") == "en"  # kept for the next session
        assert ui_language(store, "carla") == "de"  # others keep the project's default
    at.sidebar.selectbox(key="app_coder_pick").set_value("ben").run()  # ben chose English before
    assert at.title[0].value == "Project"
    with open_store(db) as store:
        set_personal(store, "ben", "language", "de")
    again = render(db, "ben", "app_pages/overview.py")  # a new session of ben
    assert again.title[0].value == "Projekt"
