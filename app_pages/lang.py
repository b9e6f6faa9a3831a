"""The language the pages speak to the person at this browser tab, and page words from the catalog.

Pages write every word through :func:`tr` with a catalog key (``ui.<page>.<what>``, defined in the
page's own module under ``toolkit/catalog/``), never as a literal, so that German and English come
from one place. The language is the tab's choice (``ui_language`` in the session), else German.
"""

from __future__ import annotations

import streamlit as st

from toolkit.i18n import Language, language, text


def ui_language() -> Language:
    """The language of this browser tab's pages."""
    return language(st.session_state.get("ui_language") or "de")


def tr(key: str, **values: object) -> str:
    """The catalog's text for ``key`` in the tab's language, with ``values`` filled in."""
    return text(key, ui_language(), **values)
