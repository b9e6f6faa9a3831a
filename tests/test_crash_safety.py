"""A process killed with SIGKILL in the middle of an import or an export leaves the project
consistent (integrity_check ok, no half-imported document) and no half-written export file."""

from __future__ import annotations

import csv
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from _factories import ROOT, add_text, store_with_codebook

from toolkit.store import Store, create_store

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CODE = "Information/Herausforderungen/Lücken"


def _transcript(i: int) -> str:
    return "\n\n".join(
        f"{'IB'[t % 2]}: Interview {i}, Antwort {t}. " + "Das Formular kommt als PDF. " * 30
        for t in range(40)
    )


def _kill_when(proc: subprocess.Popen[bytes], ready: object, rng: random.Random) -> None:
    """Wait until ``ready()`` is true, then a random moment more, then SIGKILL."""
    deadline = time.monotonic() + 120
    while not ready() and proc.poll() is None:  # type: ignore[operator]
        assert time.monotonic() < deadline, "the process never got going"
        time.sleep(0.01)
    time.sleep(rng.uniform(0.0, 0.3))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def _check_documents(db: Path) -> int:
    """integrity_check ok; every document has all its turns and its import event. Returns the count."""
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = conn.execute(
            "SELECT d.guid, (SELECT count(*) FROM turns t WHERE t.document_id = d.id) FROM documents d"
        ).fetchall()
        events = {
            guid: payload
            for guid, payload in conn.execute(
                "SELECT guid, json_extract(payload, '$.turns') FROM events WHERE action = 'import'"
            )
        }
    for guid, turns in docs:
        assert guid in events, f"document {guid} has no import event"
        assert turns == events[guid] == 40
    with Store(db) as store:  # opens, migrations fine
        assert store.setting("project_guid")
    return len(docs)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_killed_during_imports_leaves_only_whole_documents(tmp_path: Path, seed: int) -> None:
    db = tmp_path / "p.db"
    create_store(db).close()
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(120):
        (folder / f"interview_{i:03}.txt").write_text(_transcript(i), encoding="utf-8")
    script = (
        "import sys; from pathlib import Path; from toolkit.documents import import_upload; "
        "from toolkit.store import Store; s = Store(sys.argv[1])\n"
        "for p in sorted(Path(sys.argv[2]).iterdir()): import_upload(s, p.read_bytes(), p.name, actor='t')"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(db), str(folder)], cwd=ROOT)

    def started() -> bool:
        with closing(sqlite3.connect(db)) as conn:
            return bool(conn.execute("SELECT count(*) FROM documents").fetchone()[0] >= 3)

    _kill_when(proc, started, random.Random(seed))
    assert 3 <= _check_documents(db) < 120


def test_killed_during_one_transaction_import_stores_nothing_or_everything(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    create_store(db).close()
    files = []
    for i in range(60):
        path = tmp_path / f"t{i:02}.txt"
        path.write_text(_transcript(i), encoding="utf-8")
        files.append(str(path))
    proc = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "--db", str(db), "import", *files],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    begun = time.monotonic()
    _kill_when(proc, lambda: time.monotonic() - begun > 1.0, random.Random(3))
    assert _check_documents(db) in (0, 60)


@pytest.mark.slow
def test_killed_during_exports_leaves_no_half_written_file(tmp_path: Path) -> None:
    store = store_with_codebook(tmp_path)
    doc = add_text(store, _transcript(0), "big.txt")
    with store.write("t") as w:
        from toolkit.codings import add_coding_in

        for i in range(3000):
            add_coding_in(w, doc, i, i + 40, CODE, f"coder{i % 3}")
    store.close()
    out = tmp_path / "out"
    out.mkdir()
    script = (
        "import sys; from toolkit.cli import cli\n"
        "for i in range(10_000):\n"
        "    cli(['--db', sys.argv[1], 'codings', 'export', '-o', f'{sys.argv[2]}/codings-{i:05}.csv'],"
        " standalone_mode=False)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "p.db"), str(out)], cwd=ROOT, stdout=subprocess.DEVNULL
    )
    _kill_when(proc, lambda: len(os.listdir(out)) >= 4, random.Random(4))
    written = sorted(p for p in out.iterdir() if not p.name.startswith("."))
    assert written
    for path in written:
        with path.open(encoding="utf-8", newline="") as fh:
            assert len(list(csv.DictReader(fh))) == 3000, f"{path.name} is incomplete"


@pytest.mark.slow
def test_killed_during_training_keeps_the_previous_model(tmp_path: Path) -> None:
    from toolkit.cli import COMMANDS
    from toolkit.project import create_demo

    if "train" not in COMMANDS:
        pytest.skip("no train command yet")
    db = tmp_path / "demo.db"
    create_demo(db, ROOT, actor="t")
    command = [sys.executable, "-m", "toolkit", "--db", str(db), "train", "--coder", "anna", "--epochs", "2"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    with closing(sqlite3.connect(db)) as conn:
        [(ready, size)] = conn.execute(
            "SELECT guid, length(model) FROM suggestion_models WHERE status = 'ready'"
        ).fetchall()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def training() -> bool:
        with closing(sqlite3.connect(db)) as conn:
            return bool(conn.execute("SELECT count(*) FROM suggestion_models").fetchone()[0] >= 2)

    _kill_when(proc, training, random.Random(5))
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute(
            "SELECT guid, status, length(model) FROM suggestion_models ORDER BY id"
        ).fetchall()
    assert rows[0][0] == ready
    # either the killed run finished first (the old model superseded by a whole new one) or the old
    # model is still the ready one with all its bytes
    ready_rows = [r for r in rows if r[1] == "ready"]
    assert len(ready_rows) == 1 and ready_rows[0][2] and ready_rows[0][2] > 0
    if ready_rows[0][0] == ready:
        assert ready_rows[0][2] == size


def test_atomic_write_replaces_whole_or_not_at_all(tmp_path: Path) -> None:
    from toolkit.atomic import atomic_write, write_text

    target = tmp_path / "out.csv"
    write_text(target, "alt\n")
    with pytest.raises(RuntimeError), atomic_write(target, text=True) as fh:
        fh.write("neu, aber nur halb")
        raise RuntimeError("disk full")
    assert target.read_text() == "alt\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    with atomic_write(target, text=True, newline="") as fh:
        fh.write("a\r\nb\n")
    assert target.read_bytes() == b"a\r\nb\n"
    assert target.stat().st_mode & 0o777 == 0o600  # new files are private (issue 16)
    target.chmod(0o644)  # a file the user opened to others keeps its mode when written again
    write_text(target, "offen\n")
    assert target.stat().st_mode & 0o777 == 0o644


def test_killed_during_pseudonymisation_changes_all_documents_or_none(tmp_path: Path) -> None:
    from toolkit import pseudonyms as ps
    from toolkit.codings import add_coding_in

    store = store_with_codebook(tmp_path)
    names = [
        add_text(store, _transcript(i).replace("Formular", "Frau Berger"), f"d{i}.txt") for i in range(40)
    ]
    with store.write("t") as w:
        for doc in names:
            for k in range(50):
                add_coding_in(w, doc, k * 40, k * 40 + 30, CODE, "anna")
    ps.add_pseudonym(store, "Berger", actor="t")
    store.close()
    script = (
        "import sys; from toolkit.store import Store; from toolkit.pseudonyms import apply\n"
        "s = Store(sys.argv[1]); names = [r['name'] for r in s.query('SELECT name FROM documents')]\n"
        "print('go', flush=True); apply(s, names, actor='t')"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "p.db")], cwd=ROOT, stdout=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stdout.readline() == b"go\n"
    time.sleep(random.Random(6).uniform(0.0, 0.5))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with closing(sqlite3.connect(tmp_path / "p.db")) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        changed = conn.execute("SELECT count(*) FROM documents WHERE text NOT LIKE '%Berger%'").fetchone()[0]
        codings = conn.execute(
            'SELECT c.start, c."end", c.text, d.text FROM codings c JOIN documents d ON d.id = c.document_id'
        ).fetchall()
    assert changed in (0, 40)
    assert all(doc[start:end] == text for start, end, text, doc in codings)
