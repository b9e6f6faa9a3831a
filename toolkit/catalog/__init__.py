"""The project's one message catalog, split by area so that each area keeps its own file.

Every module here defines ``TEXTS: dict[str, Text]`` (key -> German and English wording). Keys are
grouped by a prefix naming the area (``col.``, ``note.`` ... for exports, ``error.`` for errors,
``ui.<page>.`` for page words). A new area adds a module and one line to ``_AREAS``; a key defined
twice is refused when the catalog is built, so two areas cannot quietly disagree.
"""

from __future__ import annotations

from importlib import import_module

from toolkit.catalog.text import LANGUAGES, Language, Text

_AREAS = (
    "exports",
    "ui_variables",
    "ui_sets",
    "ui_import",
    "ui_qca",
    "ui_paraphrases",
    "ui_media",
    "scale",
    # the library's errors: frames and phrases, then one module per area
    "errors",
    "errors_store",
    "errors_access",
    "errors_import",
    "errors_codebook",
    "errors_exchange",
    "errors_coding",
    "errors_analysis",
    "errors_qca",
)

# the words of the app's frame and of each page (UI language, issue 17)
_PAGE_AREAS = (
    "ui_app",
    "ui_overview",
    "ui_projects",
    "ui_team",
    "ui_exchange",
    "ui_pseudonyms",
    "ui_search",
    "ui_documents",
    "ui_codebook",
    "ui_consensus",
    "ui_agreement",
    "ui_code",
    "ui_transcript",
    "ui_analysis",
)


def _build() -> dict[str, Text]:
    catalog: dict[str, Text] = {}
    for area in (*_AREAS, *_PAGE_AREAS):
        texts: dict[str, Text] = import_module(f"toolkit.catalog.{area}").TEXTS
        twice = sorted(set(texts) & set(catalog))
        if twice:
            raise RuntimeError(f"toolkit.catalog.{area} defines {twice[0]!r} a second time; keep one")
        catalog.update(texts)
    return catalog


CATALOG: dict[str, Text] = _build()

__all__ = ["CATALOG", "LANGUAGES", "Language", "Text"]
