"""The language the pages speak to the person at this browser tab, and page words from the catalog.

Pages write every word through :func:`tr` with a catalog key (``ui.<page>.<what>``, defined in the
page's own module under ``toolkit/catalog/``), never as a literal, so that German and English come
from one place. :func:`ui_language` is the one source of the tab's language: app.py sets it on every
run from the person's setting (:func:`apply_language`), the sidebar's :func:`language_picker`
changes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from toolkit.code_labels import path_names
from toolkit.errors import ToolkitError
from toolkit.i18n import LANGUAGES, Language, language, plural, text
from toolkit.settings import set_personal
from toolkit.settings import ui_language as chosen_language
from toolkit.store import Store

_KEY = "ui_language"
_TAB = "app_language_tab"  # the tab's choice while nobody is chosen


def ui_language() -> Language:
    """The language of this browser tab's pages."""
    return language(st.session_state.get(_KEY) or "de")


def tr(key: str, **values: object) -> str:
    """The catalog's text for ``key`` in the tab's language, with ``values`` filled in."""
    return text(key, ui_language(), **values)


def tr_n(key: str, n: int, **values: object) -> str:
    """``key.one`` or ``key.other`` by the count ``n`` (``1 Dokument``, ``3 Dokumente``) in the tab's
    language, ``n`` written as the language writes numbers."""
    return plural(key, n, ui_language(), **values)


def code_labels(project: Store) -> Callable[[str], str]:
    """``label(path)``: a code path as a picker shows it in the tab's language, parts joined by
    `` › `` (in English each part by its ``name_en`` where the codebook has it); the picker's value
    stays the path."""
    shown = path_names(project, ui_language())
    return lambda path: shown.get(path, path).replace("/", " › ")


def apply_language(project: Store, name: str | None) -> bool:
    """Set the tab's language from ``name``'s setting (the project's default, or the tab's own
    choice, while nobody is chosen). True when it changed."""
    tab = st.session_state.get(_TAB)
    lang = chosen_language(project, name) if name or not tab else language(str(tab))
    changed = st.session_state.get(_KEY) not in (None, lang)
    st.session_state[_KEY] = lang
    return changed


def _picked(project: Store, name: str | None) -> None:
    picked = st.session_state.get("app_language_pick")
    if picked not in LANGUAGES:
        return
    if name:
        try:
            set_personal(project, name, "language", str(picked))
        except ToolkitError as exc:
            st.toast(exc.message(ui_language()))
            return
    else:
        st.session_state[_TAB] = picked
    st.session_state[_KEY] = picked


def language_picker(project: Store, name: str | None) -> None:
    """Sidebar: Deutsch / English, remembered for ``name`` (for this tab while nobody is chosen)."""
    st.session_state["app_language_pick"] = ui_language()
    st.sidebar.segmented_control(
        tr("ui.app.language"),
        list(LANGUAGES),
        format_func=lambda lang: tr(f"ui.app.language.{lang}"),
        key="app_language_pick",
        on_change=_picked,
        args=(project, name),
        help=tr("ui.app.language_help") if name else tr("ui.app.language_tab_only"),
        label_visibility="collapsed",
    )


def _uploader_style(key: str, types: Sequence[str] | None) -> str:
    """CSS that writes Streamlit's own words of the uploader ("Upload", "50MB per file") in the
    tab's language; Streamlit offers no argument for them. English needs nothing."""
    limit = tr("ui.app.uploader.limit", mb=st.get_option("server.maxUploadSize"))
    if types:
        limit += " • " + ", ".join(t.upper() for t in types)
    scope = f".{key_class(key)} [data-testid='stFileUploaderDropzone']"
    return (
        "<style>"
        f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] * {{font-size: 0}}"
        f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] div::after"
        f" {{content: {_css_string(limit)}; font-size: 0.875rem}}"
        f"{scope} button [data-testid='stMarkdownContainer'] p {{font-size: 0}}"
        f"{scope} button [data-testid='stMarkdownContainer'] p::after"
        f" {{content: {_css_string(tr('ui.app.uploader.browse'))}; font-size: 0.875rem}}"
        "</style>"
    )


# Streamlit's own words outside the uploader: (selector of the element holding them, catalog key).
# The drop-down's empty state and "Select all", and the hint under a text field being edited.
_BUILTIN = (
    ("[role=listbox][data-empty=true] [role=option] > span", "no_results"),
    ("[role=option][data-key=__select_all__] [data-item-hl]", "select_all"),
    ("[data-testid=stTextInput] [data-testid=InputInstructions] > span:first-child", "enter_apply"),
    (
        "[data-testid=stForm] [data-testid=stTextInput] [data-testid=InputInstructions] > span:first-child",
        "enter_submit",
    ),
    ("[data-testid=stTextArea] [data-testid=InputInstructions] > span:first-child", "ctrl_enter_apply"),
    (
        "[data-testid=stForm] [data-testid=stTextArea] [data-testid=InputInstructions] > span:first-child",
        "ctrl_enter_submit",
    ),
)


def builtin_words_style() -> str:
    """CSS that writes Streamlit's own words of select boxes and text fields ("No results", "Select
    all", "Press Enter to apply") in the tab's language; Streamlit offers no argument for them (the
    drop-downs open outside the page's elements, so the rules hold for the whole tab). English needs
    nothing. Later rules win: a form's field says "submit"."""
    rules = [
        f"{sel} {{font-size: 0}} {sel}::after {{content: {_css_string(tr('ui.app.builtin.' + key))}; "
        "font-size: var(--tk-builtin-size, 0.875rem)}"
        for sel, key in _BUILTIN
    ]
    sizes = (  # as Streamlit draws them: options 14 px, the field's hint 12 px
        "[data-testid=InputInstructions] > span:first-child {--tk-builtin-size: 0.75rem}"
    )
    return "<style>" + " ".join([*rules, sizes]) + "</style>"


def builtin_words() -> None:
    """Put :func:`builtin_words_style` on the page (app.py, every run) unless the tab reads English."""
    if ui_language() != "en":
        st.html(builtin_words_style())


def key_class(key: str) -> str:
    """The CSS class Streamlit gives the element of widget ``key`` (as its frontend makes it)."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def file_uploader(label: str, *, key: str, type: Sequence[str] | None = None, **options: Any) -> Any:
    """``st.file_uploader`` whose built-in words follow the tab's language."""
    if ui_language() != "en":
        st.html(_uploader_style(key, type))
    return st.file_uploader(label, key=key, type=type, **options)
