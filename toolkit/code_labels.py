"""How codes and fields of action are named to a person: the English name (``name_en``) when the
person reads English and the codebook has one, else the codebook's own name. Paths, keys and
exports of the data keep the codebook's names; this only picks the label shown."""

from __future__ import annotations

from typing import Protocol

from toolkit.codes import SEP, code_tree
from toolkit.i18n import Language
from toolkit.store import Store


class _Named(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def name_en(self) -> str: ...


def code_name(code: _Named, lang: Language) -> str:
    """``code``'s name in ``lang``: ``name_en`` in English where the codebook has it."""
    return code.name_en or code.name if lang == "en" else code.name


def field_names(store: Store, lang: Language) -> dict[str, str]:
    """Field of action -> its name in ``lang`` (``name_en`` in English where the codebook has it)."""
    rows = store.query("SELECT name, name_en FROM fields_of_action")
    return {
        str(r["name"]): (str(r["name_en"] or "") or str(r["name"])) if lang == "en" else str(r["name"])
        for r in rows
    }


def path_names(store: Store, lang: Language) -> dict[str, str]:
    """Code path -> the path as shown in ``lang``: each part by its ``name_en`` in English where
    the codebook has it (``Information/Challenges/Gaps in the flow of information``); in German
    every path as it is. The paths themselves stay the codes' identifiers."""
    if lang != "en":
        return {c.path: c.path for c in code_tree(store)}
    shown: dict[str, str] = {}
    for code in code_tree(store):  # tree order: a parent before its children
        parent = code.path.rsplit(SEP, 1)[0] if SEP in code.path else None
        name = code_name(code, lang)
        shown[code.path] = f"{shown.get(parent, parent)}{SEP}{name}" if parent else name
    return shown
