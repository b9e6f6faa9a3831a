"""Settings people choose: the project's defaults (``coding-toolkit settings set KEY VALUE``, kept in
the project table) and each person's own choice (kept per coder or account name). A person's choice
wins over the project's default, which wins over the built-in default.

Only the keys in :data:`CHOICES` can be set; every change is in the event log.
"""

from __future__ import annotations

from toolkit.errors import InvalidValue
from toolkit.i18n import Language, language
from toolkit.permissions import require_lead, require_user
from toolkit.store import Store

# key -> (allowed values, built-in default)
CHOICES: dict[str, tuple[tuple[str, ...], str]] = {
    "language": (("de", "en"), "de"),
}
_PERSONAL = "personal"  # project-table keys of a person's choice: personal.<key>.<name>


def _check(key: str, value: str) -> None:
    if key not in CHOICES:
        raise InvalidValue("setting.unknown", key=key, choices=sorted(CHOICES))
    allowed = CHOICES[key][0]
    if value not in allowed:
        raise InvalidValue("setting.value", key=key, value=value, choices=allowed)


def project_default(store: Store, key: str) -> str:
    """The project's default for ``key`` (the built-in default when nobody set one)."""
    _check(key, CHOICES.get(key, ((), ""))[1])
    return store.setting(key) or CHOICES[key][1]


def set_project_default(store: Store, key: str, value: str, *, actor: str) -> None:
    """Set the project's default for ``key``; only a lead may (in team mode)."""
    _check(key, value)
    require_lead(store, actor, f"set the project's {key}")
    with store.write(actor) as w:
        w.set_setting(key, value)


def personal(store: Store, name: str, key: str) -> str:
    """What ``name`` chose for ``key``, else the project's default."""
    return store.setting(f"{_PERSONAL}.{key}.{name}") or project_default(store, key)


def set_personal(store: Store, name: str, key: str, value: str, *, actor: str | None = None) -> None:
    """Remember ``name``'s own choice for ``key``: any user may set their own; for someone else
    (``actor`` not ``name``) only a lead may, in team mode."""
    _check(key, value)
    require_user(store, name, f"set their {key}")
    if actor is not None and actor != name:
        require_lead(store, actor, f"set another person's {key}")
    with store.write(actor or name) as w:
        w.set_setting(f"{_PERSONAL}.{key}.{name}", value)


def ui_language(store: Store, name: str | None = None) -> Language:
    """The language the pages and exports speak to ``name`` (or the project's default)."""
    return language(personal(store, name, "language") if name else project_default(store, "language"))


def settings_overview(store: Store) -> dict[str, object]:
    """Every setting with the project's value and the personal choices, for ``settings show``."""
    prefix = f"{_PERSONAL}."
    rows = store.query("SELECT key, value FROM project WHERE key LIKE ? ORDER BY key", (f"{prefix}%",))
    out: dict[str, object] = {}
    for key, (allowed, default) in CHOICES.items():
        own = {
            str(r["key"])[len(f"{prefix}{key}.") :]: str(r["value"])
            for r in rows
            if str(r["key"]).startswith(f"{prefix}{key}.")
        }
        out[key] = {
            "project": project_default(store, key),
            "default": default,
            "allowed": list(allowed),
            "personal": own,
        }
    return out
