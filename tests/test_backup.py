"""Backups while others write, restore with its refusals, rotating snapshots."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from _factories import ROOT, add_text, store_with_codebook

from toolkit.backup import backup, check_project_file, list_snapshots, restore, snapshot, snapshot_if_due
from toolkit.codings import add_coding
from toolkit.errors import Conflict, InvalidValue, PermissionDenied, StoreError
from toolkit.store import Store, create_store, events

CODE = "Information/Herausforderungen/Lücken"

# Adds one-character codings until the file named by argv[2] exists.
WRITER = f"""
import sys
from pathlib import Path
from toolkit.codings import add_coding
from toolkit.errors import NotFound
from toolkit.store import Store
store = Store(sys.argv[1])
i = 0
while not Path(sys.argv[2]).exists():
    try:
        add_coding(store, "doc", i % 3000, i % 3000 + 1, {CODE!r}, coder=f"w{{i // 3000}}")
    except NotFound:  # a restore replaced the project between the insert and reading it back
        pass
    i += 1
"""


def _project(tmp_path: Path) -> Store:
    store = store_with_codebook(tmp_path)
    add_text(store, "B: " + "Wort " * 700, "doc.txt")
    return store


def _consistent(path: Path) -> tuple[int, int]:
    """integrity_check ok, and every coding has its add event: returns (codings, coding events)."""
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        codings = {r[0] for r in conn.execute("SELECT guid FROM codings")}
        added = {
            r[0] for r in conn.execute("SELECT guid FROM events WHERE entity = 'coding' AND action = 'add'")
        }
        assert codings == added
        return len(codings), len(added)


def test_backup_while_another_process_adds_codings(tmp_path: Path) -> None:
    store = _project(tmp_path)
    stop = tmp_path / "stop"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, store.path, str(stop)], cwd=ROOT)
    try:
        sizes = []
        for i in range(3):
            while store.one("SELECT count(*) AS n FROM codings")["n"] < 20 * (i + 1):  # type: ignore[index]
                assert proc.poll() is None, "the writer died"
                time.sleep(0.05)
            report = backup(store, tmp_path / f"b{i}.db")
            assert report["codings"] > 0
            sizes.append(_consistent(tmp_path / f"b{i}.db")[0])
        while store.one("SELECT count(*) AS n FROM codings")["n"] <= sizes[-1]:  # type: ignore[index]
            time.sleep(0.05)  # the writer goes on after the last backup
    finally:
        stop.touch()
        assert proc.wait(timeout=60) == 0
    assert sizes == sorted(sizes) and sizes[-1] > sizes[0]
    assert store.one("SELECT count(*) AS n FROM codings")["n"] > sizes[-1]  # type: ignore[index]


def test_backup_refuses_an_existing_file_and_the_project_itself(tmp_path: Path) -> None:
    store = _project(tmp_path)
    (tmp_path / "taken.db").write_text("x")
    with pytest.raises(InvalidValue, match="exists already"):
        backup(store, tmp_path / "taken.db")
    assert (tmp_path / "taken.db").read_text() == "x"
    with pytest.raises(InvalidValue):
        backup(store, store.path)


def test_restore_brings_back_the_backup_and_keeps_the_replaced_state(tmp_path: Path) -> None:
    store = _project(tmp_path)
    add_coding(store, "doc", 3, 7, CODE, coder="anna")
    backup(store, tmp_path / "b.db")
    add_coding(store, "doc", 8, 12, CODE, coder="anna")
    report = restore(tmp_path / "b.db", store.path, actor="lead")
    # the open connection sees the restored state
    assert store.one("SELECT count(*) AS n FROM codings")["n"] == 1  # type: ignore[index]
    assert events(store)[-1]["action"] == "restore"
    kept = Path(report["kept"])
    assert kept.name.startswith("p.db.before-restore-")
    with closing(sqlite3.connect(kept)) as conn:
        assert conn.execute("SELECT count(*) FROM codings").fetchone()[0] == 2


def test_restore_into_a_missing_project_creates_it(tmp_path: Path) -> None:
    store = _project(tmp_path)
    backup(store, tmp_path / "b.db")
    report = restore(tmp_path / "b.db", tmp_path / "new" / "p.db", actor="lead")
    assert report["kept"] is None
    with Store(tmp_path / "new" / "p.db") as copy:
        assert copy.setting("project_guid") == store.setting("project_guid")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a database at all, just some bytes" * 100, "not a SQLite database"),
        (b"", "not a coding-toolkit project"),
    ],
)
def test_restore_refuses_files_that_are_no_project(tmp_path: Path, content: bytes, message: str) -> None:
    store = _project(tmp_path)
    before = store.one("SELECT count(*) AS n FROM events")
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        restore(bad, store.path, actor="lead")
    assert store.one("SELECT count(*) AS n FROM events") == before
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_restore_refuses_a_damaged_backup(tmp_path: Path) -> None:
    store = _project(tmp_path)
    backup(store, tmp_path / "b.db")
    data = bytearray((tmp_path / "b.db").read_bytes())
    for offset in range(4096 * 3, len(data), 4096):  # scribble over the start of every later page
        data[offset + 8 : offset + 40] = b"\xff" * 32
    (tmp_path / "b.db").write_bytes(bytes(data))
    with pytest.raises(StoreError):
        check_project_file(tmp_path / "b.db")


def test_restore_refuses_another_project_unless_asked(tmp_path: Path) -> None:
    store = _project(tmp_path)
    other = create_store(tmp_path / "other.db")
    backup(other, tmp_path / "other-backup.db")
    with pytest.raises(Conflict, match="another project"):
        restore(tmp_path / "other-backup.db", store.path, actor="lead")
    assert store.one("SELECT count(*) AS n FROM documents")["n"] == 1  # type: ignore[index]
    restore(tmp_path / "other-backup.db", store.path, actor="lead", other_project=True)
    assert store.one("SELECT count(*) AS n FROM documents")["n"] == 0  # type: ignore[index]


def test_restore_refuses_a_coder_in_team_mode(tmp_path: Path) -> None:
    store = _project(tmp_path)
    backup(store, tmp_path / "b.db")
    with store.write("lead") as w:
        w.set_setting("team_mode", "1")
    with pytest.raises(PermissionDenied):
        restore(tmp_path / "b.db", store.path, actor="nobody")


def test_restore_refuses_a_project_of_a_newer_toolkit(tmp_path: Path) -> None:
    store = _project(tmp_path)
    backup(store, tmp_path / "b.db")
    with closing(sqlite3.connect(tmp_path / "b.db")) as conn, conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('coding_toolkit', 'm999_future', '2030-01-01')"
        )
    with pytest.raises(StoreError, match="newer coding-toolkit"):
        restore(tmp_path / "b.db", store.path, actor="lead")


def test_snapshots_rotate_and_are_taken_only_when_due(tmp_path: Path) -> None:
    store = _project(tmp_path)
    paths = [snapshot(store, tmp_path / "snaps", keep=2) for _ in range(4)]
    assert list_snapshots(store, tmp_path / "snaps") == paths[-2:]
    assert snapshot_if_due(store, tmp_path / "snaps", every_minutes=60, keep=2) is None
    due = snapshot_if_due(store, tmp_path / "snaps", every_minutes=0, keep=2)
    assert due is not None and list_snapshots(store, tmp_path / "snaps") == [paths[-1], due]
    for p in list_snapshots(store, tmp_path / "snaps"):
        assert check_project_file(p)["documents"] == 1
    with pytest.raises(InvalidValue):
        snapshot(store, tmp_path / "snaps", keep=0)


def test_first_snapshot_if_due_goes_beside_the_project(tmp_path: Path) -> None:
    store = _project(tmp_path)
    path = snapshot_if_due(store, every_minutes=30)
    assert path is not None and Path(path).parent == tmp_path / "snapshots"


def test_restore_while_another_process_writes(tmp_path: Path) -> None:
    store = _project(tmp_path)
    backup(store, tmp_path / "empty.db")
    stop = tmp_path / "stop"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, store.path, str(stop)], cwd=ROOT)
    try:
        while store.one("SELECT count(*) AS n FROM codings")["n"] < 30:  # type: ignore[index]
            assert proc.poll() is None, "the writer died"
            time.sleep(0.05)
        restore(tmp_path / "empty.db", store.path, actor="lead")
        after_restore = store.one("SELECT max(id) AS n FROM events")["n"]  # type: ignore[index]
        while store.one("SELECT max(id) AS n FROM events")["n"] < after_restore + 10:  # type: ignore[index]
            assert proc.poll() is None, "the writer died after the restore"
            time.sleep(0.05)
    finally:
        stop.touch()
        assert proc.wait(timeout=60) == 0
    store.close()
    codings, _ = _consistent(tmp_path / "p.db")
    # the writer went on in the restored project: fewer codings than before, but more than none
    assert codings > 0
    with closing(sqlite3.connect(tmp_path / "p.db")) as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM events ORDER BY id")]
    assert "restore" in actions and actions[-1] == "add"


def test_a_snapshot_folder_that_cannot_be_written_is_one_clear_error(tmp_path: Path) -> None:
    store = _project(tmp_path)
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot write the backup"):
        snapshot(store, tmp_path / "file" / "snaps")


@pytest.mark.parametrize("damage", ["garbage", "empty", "pages"])
def test_restore_over_a_damaged_project_keeps_its_files_aside(tmp_path: Path, damage: str) -> None:
    store = _project(tmp_path)
    add_coding(store, "doc", 3, 7, CODE, coder="anna")
    backup(store, tmp_path / "b.db")
    store.close()
    project = tmp_path / "p.db"
    data = bytearray(project.read_bytes())
    if damage == "garbage":
        data = bytearray(b"\x00garbage" * 500)
    elif damage == "empty":
        data = bytearray()
    else:
        for offset in range(4096 * 3, len(data), 4096):
            data[offset + 8 : offset + 40] = b"\xff" * 32
    project.write_bytes(bytes(data))
    report = restore(tmp_path / "b.db", project, actor="anyone")
    assert Path(report["kept"]).read_bytes() == bytes(data)
    with Store(project) as restored:
        assert restored.one("SELECT count(*) AS n FROM codings")["n"] == 1  # type: ignore[index]
        assert restored.one("PRAGMA integrity_check") == {"integrity_check": "ok"}


# -- private data stays private, a failed backup leaves nothing (issue 16, items 8 and 11) ----------


@pytest.mark.parametrize("bits", [0o600, 0o640])
def test_backups_snapshots_and_kept_states_have_the_project_files_mode(tmp_path: Path, bits: int) -> None:
    import os

    old_umask = os.umask(0o022)
    try:
        store = _project(tmp_path)
        Path(store.path).chmod(bits)
        made = [
            Path(backup(store, tmp_path / "b.db")["path"]),
            Path(snapshot(store)),
            Path(restore(tmp_path / "b.db", store.path, actor="lead")["kept"]),
            Path(restore(tmp_path / "b.db", tmp_path / "neu" / "p.db", actor="lead")["target"]),
        ]
    finally:
        os.umask(old_umask)
    assert {p.name: p.stat().st_mode & 0o777 for p in made} == {p.name: bits for p in made}


FULL_DISK = """
import resource, signal, sys
from toolkit.backup import backup
from toolkit.errors import ToolkitError
from toolkit.store import Store
store = Store(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write beyond the limit fails as on a full disk
sys.dont_write_bytecode = True  # a .pyc cut off at the limit would break later runs
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), int(sys.argv[3])))
try:
    backup(store, sys.argv[2])
except ToolkitError as exc:
    print(exc)
"""


def test_a_backup_that_runs_out_of_space_leaves_no_partial_files(tmp_path: Path) -> None:
    store = _project(tmp_path)
    for i in range(400):  # a project of several pages, so the copy fails half-way
        add_coding(store, "doc", i, i + 1, CODE, coder="anna", memo="Notiz " * 20)
    store.close()
    size = (tmp_path / "p.db").stat().st_size
    (tmp_path / "backups").mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            FULL_DISK,
            str(tmp_path / "p.db"),
            str(tmp_path / "backups" / "b.db"),
            str(size // 2),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.stderr == ""
    assert result.stdout.startswith(f"{tmp_path / 'backups' / 'b.db'}: cannot write the backup (")
    assert "choose a writable folder with free space" in result.stdout
    assert list((tmp_path / "backups").iterdir()) == []  # no .part, no .part-journal


def test_a_failed_backup_removes_the_journal_sqlite_left_beside_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills while SQLite rolls back leaves a hot ``-journal`` beside the copy; the
    review found ``.b.db.<time>.part-journal`` after such a backup."""
    import errno

    import toolkit.backup as backup_module

    def full_disk(path: str | Path, **_: object) -> dict[str, object]:
        Path(f"{path}-journal").write_bytes(b"hot journal")
        raise OSError(errno.ENOSPC, "No space left on device")

    store = _project(tmp_path)
    (tmp_path / "backups").mkdir()
    monkeypatch.setattr(backup_module, "check_project_file", full_disk)
    with pytest.raises(StoreError, match=r"cannot write the backup \(No space left on device\)"):
        backup(store, tmp_path / "backups" / "b.db")
    assert list((tmp_path / "backups").iterdir()) == []
