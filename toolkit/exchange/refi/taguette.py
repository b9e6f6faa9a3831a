"""Taguette's flat ``.qdc``: the tag ``Mensch/Treiber/Lotsen`` is one ``<Code name="Mensch/Treiber/Lotsen">``;
here it becomes the tree Mensch > Treiber > Lotsen. Its GUIDs are UUID5 of the tag path in Taguette's
namespace; levels that are not tags of their own get the GUID Taguette would give them."""

from __future__ import annotations

import uuid

from toolkit.codes import SEP, split_path
from toolkit.errors import ImportFailed, InvalidValue
from toolkit.exchange.refi.model import RefiCode, RefiCodebook

TAGUETTE_NAMESPACE = uuid.UUID("51B2B2B7-27EB-4ECB-9D56-E75B0A0496C2")


def taguette_guid(path: str) -> str:
    """The GUID Taguette gives the tag ``path`` in its ``.qdc`` export."""
    return str(uuid.uuid5(TAGUETTE_NAMESPACE, path)).upper()


def is_taguette(origin: str) -> bool:
    """Whether a REFI-QDA file was written by Taguette (``origin="Taguette 1.4.1"``)."""
    return origin.strip().casefold().startswith("taguette")


def taguette_tree(book: RefiCodebook, where: str) -> RefiCodebook:
    """Taguette's flat codes with ``/`` paths as a nested codebook, parents first. A level that is
    not a tag of its own is added (GUID as Taguette would give it)."""
    real: dict[str, RefiCode] = {}
    for code in book.codes:
        try:
            real.setdefault(SEP.join(split_path(code.name)), code)
        except InvalidValue as exc:
            raise ImportFailed("taguette.tag_invalid", file=where, tag=code.name[:60], cause=exc) from None
    out: dict[str, RefiCode] = {}
    for path in real:
        parts = path.split(SEP)
        for depth in range(len(parts)):
            here = SEP.join(parts[: depth + 1])
            if here in out:
                continue
            parent = out[SEP.join(parts[:depth])].guid if depth else None
            known = real.get(here)
            out[here] = RefiCode(
                guid=known.guid if known else taguette_guid(here),
                name=parts[depth],
                parent=parent,
                colour=known.colour if known else "",
                description=known.description if known else "",
                notes=known.notes if known else (),
            )
    return RefiCodebook(book.origin, tuple(out.values()), book.sets)
