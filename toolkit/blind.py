"""Blind coding: while the project setting ``blind_coding`` is ``"1"``, coders see only their own
codings (and the consensus coder's), so that agreement measures independent work."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable

from toolkit.coders import CONSENSUS_CODER, list_coders
from toolkit.codes import CodeRow, list_codes
from toolkit.codings import list_codings
from toolkit.model import Coding
from toolkit.permissions import require_lead, role
from toolkit.store import Store


def blind_coding(store: Store) -> bool:
    """Whether blind coding is on (off unless the setting is ``"1"``)."""
    return store.setting("blind_coding", "0") == "1"


def set_blind_coding(store: Store, on: bool, *, actor: str) -> None:
    require_lead(store, actor, "switch blind coding")
    with store.write(actor) as w:
        w.set_setting("blind_coding", "1" if on else "0")


def visibility(store: Store, viewer: str | None) -> Callable[[str], bool]:
    """Whose codings ``viewer`` may see, as a test on the owner's name (the setting is read once).
    Blind: only one's own and the consensus coder's; a viewer who is nobody (None) then sees only
    the consensus."""
    if not blind_coding(store):
        return lambda owner: True
    if viewer is not None and role(store, viewer) is None:
        viewer = None  # team mode: a name without an enabled account is nobody
    return lambda owner: owner == CONSENSUS_CODER or (viewer is not None and viewer == owner)


def may_see(store: Store, viewer: str | None, owner: str) -> bool:
    """Whether ``viewer`` may see ``owner``'s codings (see :func:`visibility`)."""
    return visibility(store, viewer)(owner)


def visible_codings(
    store: Store, viewer: str | None, *, document: str | None = None, code: str | None = None
) -> list[Coding]:
    """:func:`toolkit.codings.list_codings` filtered by :func:`may_see`."""
    visible = visibility(store, viewer)
    return [c for c in list_codings(store, document=document, code=code) if visible(c.coder)]


def visible_coders(store: Store, viewer: str | None) -> list[str]:
    """:func:`toolkit.coders.list_coders` without the coders whose codings ``viewer`` may not see."""
    visible = visibility(store, viewer)
    return [name for name in list_coders(store) if visible(name)]


def visible_codes(store: Store, viewer: str | None) -> list[CodeRow]:
    """:func:`toolkit.codes.list_codes` with each code's count of codings (``codings``) counting only
    what ``viewer`` may see: under blind coding a coder's Codebuch and Projekt pages show their own
    counts, not everyone's (the totals told a coder how much the others had coded)."""
    codes = list_codes(store)
    if not blind_coding(store):
        return codes
    visible = visibility(store, viewer)
    counts: Counter[int] = Counter()
    for code_id, coder, n in store.conn.execute(
        "SELECT c.code_id, k.name, count(*) FROM codings c JOIN coders k ON k.id = c.coder_id "
        "GROUP BY c.code_id, k.name"
    ):
        if visible(coder):
            counts[code_id] += n
    return [dataclasses.replace(c, codings=counts[c.id]) for c in codes]
