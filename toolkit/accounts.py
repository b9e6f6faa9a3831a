"""Accounts of team mode (who may do what: :mod:`toolkit.permissions`).

Accounts live in the project file: ``users`` (a name is also a coder name), ``sessions`` (only the
SHA-256 of a token is stored) and ``login_failures`` (so that guessing slows down across
processes). Passwords are stored only as salted scrypt hashes (``scrypt$n=..,r=..,p=..$salt$hash``),
so the parameters can grow later without breaking old hashes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from toolkit.coders import CONSENSUS_CODER, coder_id
from toolkit.errors import Conflict, InvalidValue, NotFound, PermissionDenied
from toolkit.permissions import LEAD, ROLES, require_lead, require_user, team_mode
from toolkit.store import Store, now

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
MIN_PASSWORD = 8
SESSION_IDLE_HOURS = 8.0  # default of the project setting ``session_idle_hours``
SESSION_REFRESH_S = 300  # a session's last_seen is written at most every 5 minutes
FREE_FAILURES = 3  # failed logins per name before each further attempt must wait
MAX_DELAY_S = 900  # the wait doubles per failure up to 15 minutes
FAILURE_WINDOW_S = 24 * 3600  # failures older than a day are forgotten
SOURCE_FREE_FAILURES = 10  # failed logins per source (address), whatever the names, before waits
MAX_STORED_FAILURES = 10_000  # the newest failures kept at most, so guessing cannot grow the file
RESERVED_NAMES = (CONSENSUS_CODER,)  # its codings are changed by leads


@dataclass(frozen=True)
class User:
    """An account of the project (no password hash: it never leaves this module)."""

    name: str
    role: str
    has_password: bool
    created_at: str
    disabled: bool


# -- passwords ------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        unicodedata.normalize("NFC", password).encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=256 * r * n + 2**20,
        dklen=32,
    )


def hash_password(password: str) -> str:
    """A salted scrypt hash with its parameters: ``scrypt$n=16384,r=8,p=1$<salt>$<hash>``."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt$n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored`` (constant-time comparison; False for a malformed hash)."""
    try:
        algorithm, params, salt, digest = stored.split("$")
        values = dict(item.split("=") for item in params.split(","))
        if algorithm != "scrypt":
            return False
        computed = _scrypt(
            password, base64.b64decode(salt), int(values["n"]), int(values["r"]), int(values["p"])
        )
        return hmac.compare_digest(computed, base64.b64decode(digest))
    except (ValueError, KeyError):
        return False


_DUMMY_HASH = f"scrypt$n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}${_b64(b'0' * SALT_BYTES)}${_b64(b'0' * 32)}"


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidValue("account.password_short", length=len(password), minimum=MIN_PASSWORD)


# -- accounts -------------------------------------------------------------------------------------


def _check_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name.strip())
    if not name or any(unicodedata.category(ch).startswith("C") for ch in name):
        raise InvalidValue("account.name_invalid", name=name)
    if name.lower() in RESERVED_NAMES:
        raise InvalidValue("account.name_reserved", name=name)
    return name


def _check_role(value: str) -> str:
    if value not in ROLES:
        raise InvalidValue("account.role_unknown", role=value, choices=" or ".join(ROLES))
    return value


def _user_row(store: Store, name: str) -> dict[str, Any]:
    row = store.one("SELECT * FROM users WHERE name = ?", (name.strip(),))
    if row is None:
        raise NotFound("account.not_found", name=name)
    return row


def _user(row: dict[str, Any]) -> User:
    return User(
        name=str(row["name"]),
        role=str(row["role"]),
        has_password=bool(row["password_hash"]),
        created_at=str(row["created_at"]),
        disabled=bool(row["disabled"]),
    )


def get_user(store: Store, name: str) -> User:
    return _user(_user_row(store, name))


def list_users(store: Store) -> list[User]:
    return [_user(r) for r in store.query("SELECT * FROM users ORDER BY name")]


def _active_leads(store: Store, *, with_password: bool = False) -> list[str]:
    extra = " AND password_hash IS NOT NULL" if with_password else ""
    return [
        str(r["name"])
        for r in store.query(f"SELECT name FROM users WHERE role = 'lead' AND disabled = 0{extra}")
    ]


def add_user(store: Store, name: str, *, role: str, actor: str, password: str | None = None) -> User:
    """Add an account (and the coder of the same name); leads only. ``password`` may come later
    with :func:`set_password`, but nobody logs in without one."""
    require_lead(store, actor, "add accounts")
    name, role = _check_name(name), _check_role(role)
    if password is not None:
        _check_password(password)
    hashed = hash_password(password) if password is not None else None
    with store.write(actor) as w:
        if store.one("SELECT id FROM users WHERE name = ?", (name,)):
            raise Conflict("account.exists", name=name)
        w.insert(
            "users",
            {"name": name, "role": role, "password_hash": hashed, "created_at": now(), "disabled": 0},
        )
        coder_id(w, name)
        w.event("add", "user", None, {"name": name, "role": role, "password_set": hashed is not None})
    return get_user(store, name)


def set_password(store: Store, name: str, password: str, *, actor: str) -> None:
    """Set or reset a password (a lead for anyone, everyone for themselves); ends the user's sessions."""
    if actor != name:
        require_lead(store, actor, "reset passwords of others")
    else:
        require_user(store, actor, "change the password")
    _check_password(password)
    row = _user_row(store, name)
    hashed = hash_password(password)
    with store.write(actor) as w:
        w.execute("UPDATE users SET password_hash = ? WHERE id = ?", (hashed, row["id"]))
        ended = w.execute("DELETE FROM sessions WHERE user_id = ?", (row["id"],)).rowcount
        w.event("password", "user", None, {"name": row["name"], "sessions_ended": ended})


def _keep_a_lead(store: Store, name: str, what: str) -> None:
    if team_mode(store) and _active_leads(store, with_password=True) == [name]:
        raise Conflict("account.last_lead", name=name, what=what)


def set_role(store: Store, name: str, new_role: str, *, actor: str) -> User:
    """Change an account's role; leads only. The last lead of a team project stays a lead."""
    require_lead(store, actor, "change roles")
    new_role = _check_role(new_role)
    row = _user_row(store, name)
    if row["role"] == new_role:
        return _user(row)
    if new_role != LEAD:
        _keep_a_lead(store, row["name"], "making them a coder")
    with store.write(actor) as w:
        w.execute("UPDATE users SET role = ? WHERE id = ?", (new_role, row["id"]))
        w.event("role", "user", None, {"name": row["name"], "before": row["role"], "after": new_role})
    return get_user(store, name)


def set_disabled(store: Store, name: str, disabled: bool, *, actor: str) -> User:
    """Disable an account (it cannot log in; its sessions end; its codings stay) or enable it again."""
    require_lead(store, actor, "disable or enable accounts")
    row = _user_row(store, name)
    if bool(row["disabled"]) == disabled:
        return _user(row)
    if disabled:
        _keep_a_lead(store, row["name"], "disabling them")
    with store.write(actor) as w:
        w.execute("UPDATE users SET disabled = ? WHERE id = ?", (int(disabled), row["id"]))
        if disabled:
            w.execute("DELETE FROM sessions WHERE user_id = ?", (row["id"],))
        w.event("disable" if disabled else "enable", "user", None, {"name": row["name"]})
    return get_user(store, name)


def disable(store: Store, name: str, *, actor: str) -> User:
    return set_disabled(store, name, True, actor=actor)


def set_team_mode(store: Store, on: bool, *, actor: str) -> None:
    """Switch team mode on (refused without an enabled lead who has a password) or off; leads only."""
    require_lead(store, actor, "switch team mode")
    if on and not _active_leads(store, with_password=True):
        raise Conflict("team.needs_lead")
    if on == team_mode(store):
        return
    with store.write(actor) as w:
        w.set_setting("team_mode", "1" if on else "0")


# -- logins and sessions --------------------------------------------------------------------------


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds")


def _epoch(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _wait(rows: list[dict[str, Any]], free: int, at: float) -> float:
    if len(rows) < free:
        return 0.0
    delay = min(2.0 ** (len(rows) - free), MAX_DELAY_S)
    return max(0.0, _epoch(rows[-1]["at"]) + delay - at)


def login_wait(store: Store, name: str, *, source: str = "", at: float | None = None) -> float:
    """Seconds before the next login attempt for ``name`` from ``source`` (0 when free): after
    :data:`FREE_FAILURES` failures of the name, or :data:`SOURCE_FREE_FAILURES` from the source
    (any names), each further one doubles the wait, up to :data:`MAX_DELAY_S`. Computed from the
    stored failures, so it holds across processes and restarts."""
    return _login_wait(store, name.strip(), source, time.time() if at is None else at)[0]


def _login_wait(store: Store, name: str, source: str, at: float) -> tuple[float, str]:
    since = _iso(at - FAILURE_WINDOW_S)
    by_name = store.query(
        "SELECT at FROM login_failures WHERE name = ? AND at > ? ORDER BY at", (name, since)
    )
    wait = _wait(by_name, FREE_FAILURES, at)
    if wait > 0 or not source:
        return wait, name  # the name the failures were counted for
    by_source = store.query(
        "SELECT at FROM login_failures WHERE source = ? AND at > ? ORDER BY at", (source, since)
    )
    return _wait(by_source, SOURCE_FREE_FAILURES, at), ""  # counted for the address


def session_idle_hours(store: Store) -> float:
    """How long a session lives without use (project setting ``session_idle_hours``, default 8)."""
    try:
        return float(store.setting("session_idle_hours") or SESSION_IDLE_HOURS)
    except ValueError:
        return SESSION_IDLE_HOURS


def set_session_idle_hours(store: Store, hours: float, *, actor: str) -> None:
    """How long sessions live without use, from 0.1 hours to 30 days; leads only. Applies to
    sessions from their next use on."""
    require_lead(store, actor, "change the session expiry")
    if not 0.1 <= hours <= 720:
        raise InvalidValue("session.expiry_range", hours=hours)
    with store.write(actor) as w:
        w.set_setting("session_idle_hours", f"{hours:g}")


def client_source(peer: str | None, forwarded_for: str | None = None) -> str:
    """The address failed logins are counted by: the peer's address, or, when the peer is this
    machine (a reverse proxy on the same host), the address the proxy appended last to
    ``X-Forwarded-For`` (earlier entries come from the client and prove nothing)."""
    peer = (peer or "").strip()
    if forwarded_for and peer in ("127.0.0.1", "::1", "localhost"):
        last = forwarded_for.split(",")[-1].strip()
        if last:
            return last[:100]
    return peer[:100]


def _reserve_attempt(store: Store, name: str, source: str, at: float) -> None:
    """Check the wait and record the attempt as a failure in one transaction (a success deletes it
    again), so that parallel attempts cannot all pass the check before the first failure is
    recorded. Failures stay out of the append-only event log (the next login's event counts them)
    and only the newest :data:`MAX_STORED_FAILURES` of the last day are kept, so failed logins
    cannot grow the project file without bound."""
    with store.write(name or "unknown") as w:
        wait, whose = _login_wait(w.store, name, source, at)
        if wait > 0:
            if whose:
                raise PermissionDenied("login.too_many_for_name", name=whose, seconds=int(wait) + 1)
            raise PermissionDenied("login.too_many_from_address", seconds=int(wait) + 1)
        w.execute("DELETE FROM login_failures WHERE at < ?", (_iso(at - FAILURE_WINDOW_S),))
        newest = w.insert("login_failures", {"name": name, "source": source, "at": _iso(at)})
        w.execute("DELETE FROM login_failures WHERE id <= ?", (newest - MAX_STORED_FAILURES,))


def authenticate(store: Store, name: str, password: str, *, source: str = "", at: float | None = None) -> str:
    """Log in: returns a new session token (keep it secret; only its hash is stored). A wrong name
    or password is one and the same error. Failures slow down further attempts for the name and
    from ``source`` (the client's address, see :func:`login_wait`)."""
    if not team_mode(store):
        raise PermissionDenied("login.not_team_mode")
    at = time.time() if at is None else at
    name = unicodedata.normalize("NFC", name.strip())
    _reserve_attempt(store, name, source, at)
    row = store.one("SELECT * FROM users WHERE name = ?", (name,))
    ok = verify_password(password, row["password_hash"] if row and row["password_hash"] else _DUMMY_HASH)
    if not row or not row["password_hash"] or not ok or row["disabled"]:
        raise PermissionDenied("login.wrong")
    token = secrets.token_urlsafe(32)
    expires = at + session_idle_hours(store) * 3600
    with store.write(name) as w:
        failed = w.store.one(
            "SELECT count(*) AS n FROM login_failures WHERE name = ? AND at < ?", (name, _iso(at))
        )
        w.execute("DELETE FROM login_failures WHERE name = ?", (name,))
        w.execute("DELETE FROM sessions WHERE expires_at < ?", (_iso(at),))
        w.insert(
            "sessions",
            {
                "token_hash": _token_hash(token),
                "user_id": row["id"],
                "created_at": _iso(at),
                "last_seen": _iso(at),
                "expires_at": _iso(expires),
            },
        )
        w.event("login", "user", None, {"name": name, "failed_before": int(failed["n"]) if failed else 0})
    return token


def session_user(store: Store, token: str | None, *, at: float | None = None) -> User | None:
    """The enabled account behind an unexpired session token, or None. Use extends the session
    (written at most every :data:`SESSION_REFRESH_S` seconds)."""
    if not token or not team_mode(store):
        return None
    at = time.time() if at is None else at
    row = store.one(
        "SELECT s.token_hash, s.last_seen, s.expires_at, u.* FROM sessions s "
        "JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
        (_token_hash(token),),
    )
    if row is None or row["disabled"] or _epoch(row["expires_at"]) <= at:
        return None
    if at - _epoch(row["last_seen"]) >= SESSION_REFRESH_S:
        with store.write(str(row["name"])) as w:
            w.execute(
                "UPDATE sessions SET last_seen = ?, expires_at = ? WHERE token_hash = ?",
                (_iso(at), _iso(at + session_idle_hours(store) * 3600), row["token_hash"]),
            )
            w.event("refresh", "session", None, {"name": row["name"]})
    return _user(row)


def logout(store: Store, token: str) -> None:
    """End a session (a no-op for an unknown token)."""
    row = store.one(
        "SELECT s.token_hash, u.name FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
        (_token_hash(token),),
    )
    if row is None:
        return
    with store.write(str(row["name"])) as w:
        w.execute("DELETE FROM sessions WHERE token_hash = ?", (row["token_hash"],))
        w.event("logout", "user", None, {"name": row["name"]})
