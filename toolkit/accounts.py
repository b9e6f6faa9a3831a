"""Who may do what: single-user mode (default, everyone acting is a lead) and team mode (accounts
with the roles ``lead`` and ``coder``). The library calls these checks itself, so a page or
command that forgets them cannot bypass them.
"""

from __future__ import annotations

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


def require_lead(store: Store, actor: str, action: str) -> None:
    """Raise unless ``actor`` may ``action`` (a phrase like "change the codebook") as a lead."""
    if not is_lead(store, actor):
        raise PermissionDenied(f"{actor!r} may not {action}: only a lead may; ask a lead of the project")


def require_owner(store: Store, actor: str, owner: str, action: str) -> None:
    """Raise unless ``actor`` may ``action`` on something that belongs to ``owner``: in team mode
    only its owner may change it."""
    if team_mode(store) and actor != owner:
        raise PermissionDenied(f"{actor!r} may not {action} of {owner!r}: coders change only their own work")
