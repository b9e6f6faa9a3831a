"""Speakers renamed on import (``{"B": "Bürgermeisterin"}``): only who said each turn changes, never
the stored text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from toolkit.errors import InvalidValue
from toolkit.model import ParsedDocument


def renamed(doc: ParsedDocument, renames: Mapping[str, str] | None) -> ParsedDocument:
    """``doc`` with speakers renamed (two old names may become one); an old name the document
    does not have, or an empty new name, is an error naming the speakers there are."""
    if not renames:
        return doc
    speakers = {t.speaker for t in doc.turns}
    for old, new in renames.items():
        if old not in speakers:
            raise InvalidValue(
                "import.rename_no_speaker",
                document=doc.name,
                speaker=old,
                speakers=sorted(s for s in speakers if s),
            )
        if not new.strip():
            raise InvalidValue("import.rename_empty", document=doc.name, speaker=old)
    turns = tuple(replace(t, speaker=renames.get(t.speaker, t.speaker).strip()) for t in doc.turns)
    return replace(doc, turns=turns)
