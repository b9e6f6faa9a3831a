"""Which project files this user works on: the recent-projects list, kept in a small JSON file in
the user's config folder, and the "current project" (the one used last) that the app opens and
the CLI uses when no ``--db`` is given. Creating a new project from the app goes through here too.

The list lives in ``$CODING_TOOLKIT_CONFIG_DIR`` if set (tests), else
``$XDG_CONFIG_HOME/coding-toolkit/`` or ``~/.config/coding-toolkit/``, as ``projects.json``:
``{"projects": [{"path": "/abs/study.db", "name": "study", "opened": "2026-12-01T21:00:00Z"}]}``,
newest first. Paths are absolute, so the CLI finds the project from any folder. A damaged list
is read as empty (it holds no research data) and replaced on the next write."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import unicodedata
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from toolkit.atomic import write_text
from toolkit.codebook import parse_codebook
from toolkit.codes_merge import load_codebook_into
from toolkit.errors import Conflict, ImportFailed, InvalidValue, NotFound
from toolkit.exchange.refi.codebook import import_codebook, read_qdc
from toolkit.project import DEFAULT_CODEBOOK, init_project
from toolkit.store import open_store

CONFIG_ENV = "CODING_TOOLKIT_CONFIG_DIR"
FALLBACK_DB = "data/project.db"  # the CLI's default when no project was ever opened
MAX_RECENT = 20
SHIPPED = "shipped"  # codebook choice: the codebook shipped in codebook/codebook.yaml
EMPTY = "empty"  # codebook choice: no codes


@dataclass(frozen=True)
class RecentProject:
    """One entry of the recent-projects list."""

    path: str  # absolute
    name: str
    opened: str  # ISO time (UTC) it was last opened

    @property
    def exists(self) -> bool:
        return Path(self.path).is_file()


def config_dir() -> Path:
    """The folder of the user's toolkit settings."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "coding-toolkit"


def recent_file() -> Path:
    """The JSON file of the recent-projects list."""
    return config_dir() / "projects.json"


def _absolute(path: str | Path) -> str:
    return str(Path(path).expanduser().absolute())


def recent_projects() -> list[RecentProject]:
    """The projects opened before, the current one first."""
    try:
        data: Any = json.loads(recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries = data.get("projects") if isinstance(data, dict) else None
    out: list[RecentProject] = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("path"), str) and entry["path"]:
            path = entry["path"]
            out.append(
                RecentProject(path, str(entry.get("name") or Path(path).stem), str(entry.get("opened") or ""))
            )
    return out


def _save(projects: list[RecentProject]) -> None:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    data = {"projects": [asdict(p) for p in projects[:MAX_RECENT]]}
    write_text(recent_file(), json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def remember_project(
    path: str | Path, *, name: str | None = None, when: datetime | None = None
) -> RecentProject:
    """Put ``path`` at the top of the list: it becomes the current project (for the app on its next
    start and for the CLI without ``--db``). The name given before is kept unless ``name`` is given."""
    target = _absolute(path)
    others = [p for p in recent_projects() if p.path != target]
    before = next((p for p in recent_projects() if p.path == target), None)
    stamp = (when or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    entry = RecentProject(target, name or (before.name if before else Path(target).stem), stamp)
    _save([entry, *others])
    return entry


def forget_project(path: str | Path) -> bool:
    """Take ``path`` off the list (the file stays where it is). False if it was not listed."""
    target = _absolute(path)
    projects = recent_projects()
    kept = [p for p in projects if p.path != target]
    if len(kept) == len(projects):
        return False
    _save(kept)
    return True


def current_project() -> Path | None:
    """The project used last (the top of the list), or None when none was ever opened."""
    projects = recent_projects()
    return Path(projects[0].path) if projects else None


def default_db() -> str:
    """The project the CLI uses without ``--db`` and ``CODING_TOOLKIT_DB``: the current project, the
    same one the app shows; ``data/project.db`` when no project was ever opened."""
    current = current_project()
    return str(current) if current is not None else FALLBACK_DB


def is_recent(path: str | Path) -> bool:
    """Whether ``path`` is on the list (links may only switch to such a project)."""
    target = _absolute(path)
    return any(p.path == target for p in recent_projects())


def check_project(path: str | Path) -> Path:
    """``path`` if it is a project file of this toolkit; read without changing it (opening a project
    with ``open_store`` would migrate any SQLite file into one)."""
    p = Path(path).expanduser()
    if not p.is_file():
        raise NotFound("project.no_file", path=p)
    try:
        conn = sqlite3.connect(p.absolute().as_uri() + "?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM project WHERE key = 'project_guid'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        row = None
    if not row:
        raise InvalidValue("project.not_a_project", path=p)
    return p


def open_project(path: str | Path) -> RecentProject:
    """Check that ``path`` is a project and make it the current one."""
    return remember_project(check_project(path))


def file_name(name: str) -> str:
    """The file name for a project called ``name``: ``Studie Ärztinnen`` -> ``studie-arztinnen.db``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if not slug:
        raise InvalidValue("project.name_invalid", name=name)
    return f"{slug[:60]}.db"


def new_project_path(folder: str | Path, name: str) -> Path:
    """Where a new project called ``name`` goes in ``folder``; refused if a file is already there."""
    if not name.strip():
        raise InvalidValue("project.name_missing")
    path = Path(folder).expanduser() / file_name(name)
    if path.exists():
        raise Conflict("project.file_exists", path=path)
    return path


def create_project(
    path: str | Path,
    *,
    name: str,
    codebook: str = SHIPPED,
    upload: tuple[str, bytes] | None = None,
    actor: str,
) -> RecentProject:
    """Create a project database at ``path`` with the shipped codebook (``SHIPPED``), no codes
    (``EMPTY``) or the uploaded codebook file ``upload`` = (file name, bytes; ``.yaml``/``.yml`` of
    this toolkit or a REFI-QDA ``.qdc``), and make it the current project. A bad codebook file
    creates nothing."""
    target = Path(path)
    if target.exists():
        raise Conflict("project.file_exists", path=target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if upload is None:
        if codebook not in (SHIPPED, EMPTY):
            raise InvalidValue("project.codebook_choice", codebook=codebook)
        init_project(target, codebook=DEFAULT_CODEBOOK if codebook == SHIPPED else None, actor=actor)
        return remember_project(target, name=name)
    filename, data = upload
    suffix = Path(filename).suffix.lower()
    book = None
    if suffix in (".yaml", ".yml"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportFailed("codebook.not_utf8", file=filename) from None
        book = parse_codebook(text, filename)  # checked before anything is created
    elif suffix == ".qdc":
        if not read_qdc(data, filename).codes:
            raise ImportFailed("codebook.no_codes", file=filename)
    else:
        raise ImportFailed("codebook.unknown_type", file=filename, suffix=suffix or "(none)")
    init_project(target, codebook=None, actor=actor)
    try:
        with open_store(target) as store:
            if book is not None:
                load_codebook_into(store, book, actor=actor)
            else:
                import_codebook(store, data, actor=actor, name=filename)
    except BaseException:
        for extra in ("", "-wal", "-shm"):
            Path(f"{target}{extra}").unlink(missing_ok=True)  # the file made a moment ago
        raise
    return remember_project(target, name=name)
