"""Blind coding: while the project setting ``blind_coding`` is ``"1"``, coders see only their own
codings (and the consensus coder's), so that agreement measures independent work."""

from __future__ import annotations

from toolkit.codings import list_codings
from toolkit.model import Coding
from toolkit.store import Store

CONSENSUS_CODER = "consensus"


def blind_coding(store: Store) -> bool:
    """Whether blind coding is on (off unless the setting is ``"1"``)."""
    return store.setting("blind_coding", "0") == "1"


def set_blind_coding(store: Store, on: bool, *, actor: str) -> None:
    with store.write(actor) as w:
        w.set_setting("blind_coding", "1" if on else "0")


def may_see(store: Store, viewer: str | None, owner: str) -> bool:
    """Whether ``viewer`` may see ``owner``'s codings. Blind: only one's own and the consensus
    coder's; a viewer who is nobody (None) then sees only the consensus."""
    if not blind_coding(store):
        return True
    return owner == CONSENSUS_CODER or (viewer is not None and viewer == owner)


def visible_codings(
    store: Store, viewer: str | None, *, document: str | None = None, code: str | None = None
) -> list[Coding]:
    """:func:`toolkit.codings.list_codings` filtered by :func:`may_see`."""
    codings = list_codings(store, document=document, code=code)
    if not blind_coding(store):
        return codings
    return [c for c in codings if c.coder == CONSENSUS_CODER or (viewer is not None and c.coder == viewer)]
