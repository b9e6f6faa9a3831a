"""How codes and fields of action are named to a person: the English name (``name_en``) when the
person reads English and the codebook has one, else the codebook's own name. Paths, keys and
exports of the data keep the codebook's names; this only picks the label shown."""

from __future__ import annotations

from typing import Protocol

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
