"""Who may do what: single-user mode (default, everyone acting is a lead) and team mode (accounts
with the roles ``lead`` and ``coder``). The library calls these checks itself, so a page or command
that forgets them cannot bypass them. Accounts themselves: :mod:`toolkit.accounts`."""

from __future__ import annotations

from toolkit.coders import CONSENSUS_CODER
from toolkit.errors import PermissionDenied
from toolkit.store import Store

LEAD = "lead"
CODER = "coder"
ROLES = (LEAD, CODER)


def team_mode(store: Store) -> bool:
    """True when the project is served to a team (project setting ``team_mode`` = ``1``)."""
    return store.setting("team_mode") == "1"


def role(store: Store, name: str) -> str | None:
    """The role of ``name``: always ``lead`` in single-user mode; in team mode the role of the
    account, or None when there is no such account."""
    if not team_mode(store):
        return LEAD
    row = store.one("SELECT role FROM users WHERE name = ? AND disabled = 0", (name,))
    return str(row["role"]) if row else None


def is_lead(store: Store, name: str | None) -> bool:
    return name is not None and role(store, name) == LEAD


def require_lead(store: Store, actor: str, action: str, *, whose: str | None = None) -> None:
    """Raise unless ``actor`` may ``action`` (a phrase like "change the codebook") as a lead
    (``whose``: on the codings of that coder or of the consensus coder)."""
    if not is_lead(store, actor):
        if whose is None:
            raise PermissionDenied("permission.lead_only", actor=actor, action=action)
        if whose == CONSENSUS_CODER:
            raise PermissionDenied("permission.lead_only_consensus", actor=actor, action=action)
        raise PermissionDenied("permission.lead_only_for", actor=actor, action=action, coder=whose)


def require_user(store: Store, actor: str, action: str) -> None:
    """Raise in team mode unless ``actor`` is an enabled account (lead or coder)."""
    if role(store, actor) is None:
        raise PermissionDenied("permission.no_account", actor=actor, action=action)


def require_owner(store: Store, actor: str, owner: str, action: str) -> None:
    """Raise unless ``actor`` may ``action`` on something that belongs to ``owner``: in team mode
    only its owner (an enabled account) may change it."""
    if team_mode(store) and actor != owner:
        raise PermissionDenied("permission.not_owner", actor=actor, action=action, owner=owner)
    require_user(store, actor, action)


def require_coder(store: Store, actor: str, coder: str, action: str) -> None:
    """Raise unless ``actor`` may ``action`` on codings of ``coder``: the consensus coder's codings
    are changed by leads only, everyone else's by their own coder only."""
    if coder == CONSENSUS_CODER:
        require_lead(store, actor, action, whose=coder)
    else:
        require_owner(store, actor, coder, action)


def require_writer_for(store: Store, actor: str, coder: str, action: str) -> None:
    """Raise unless ``actor`` may ``action`` as codings of ``coder``: their own (see
    :func:`require_coder`), or, for another coder, only as a lead (the event log then names the
    lead as actor and ``coder`` as whose work it is)."""
    if actor == coder:
        require_coder(store, actor, coder, action)
    else:
        require_lead(store, actor, action, whose=coder)


def require_coding_owner(store: Store, actor: str, guid: str, action: str) -> None:
    """:func:`require_coder` for a coding named by its GUID, also a deleted one (an unknown GUID
    passes: the caller reports it as not found)."""
    if not team_mode(store):
        return
    row = store.one(
        "SELECT k.name FROM codings c JOIN coders k ON k.id = c.coder_id WHERE c.guid = ?", (guid.upper(),)
    )
    if row is None:  # deleted: its owner is in the delete event
        row = store.one(
            "SELECT k.name FROM events e "
            "JOIN coders k ON k.id = json_extract(e.payload, '$.before.coder_id') "
            "WHERE e.entity = 'coding' AND e.action = 'delete' AND e.guid = ? ORDER BY e.id DESC LIMIT 1",
            (guid.upper(),),
        )
    if row:
        require_coder(store, actor, str(row["name"]), action)
