"""Concurrent coders: 1, 5 and 20 processes adding, editing and deleting codings at once.

Every writer works on one project file through the library (WAL, busy timeout, BEGIN IMMEDIATE with
retries). A writer's operations are a mix of: add a coding; edit any coding (its own or another
writer's) by appending a token to its memo with ``expected_version``, re-reading and retrying on
Conflict; delete one of its own codings with ``expected_version``. Afterwards the final store is
checked against what every writer was told had succeeded:

- lost updates: an acknowledged add missing, an acknowledged delete still present, or an
  acknowledged memo token missing from a coding that still exists (must be 0);
- "database is locked" errors surfaced to a writer (must be 0);
- coding events = acknowledged operations, and ``PRAGMA integrity_check``.

Prints operations/s, p50/p99 latency of a single write (one library call that succeeded) per level.

    .venv/bin/python benchmarks/bench_concurrent_codings.py [--ops 60] [--levels 1,5,20] [--json]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.codes_edit import add_code
from toolkit.codings import add_coding, delete_coding, update_coding
from toolkit.documents import import_upload
from toolkit.errors import Conflict, NotFound
from toolkit.store import Store, create_store

CODES = [f"Bench/Code {i}" for i in range(10)]


@dataclass
class WriterLog:
    """What one writer was told had succeeded, and what went wrong."""

    added: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    tokens: list[tuple[str, str]] = field(default_factory=list)  # (coding guid, memo token)
    latencies: list[float] = field(default_factory=list)
    locked: int = 0
    errors: list[str] = field(default_factory=list)
    retries: int = 0
    skipped: int = 0  # edits of codings another writer had deleted meanwhile


def setup(db: Path) -> int:
    store = create_store(db)
    for path in CODES:
        add_code(store, path, actor="bench")
    turns = "\n\n".join(
        f"{'IB'[i % 2]}: " + "Das Formular kommt als PDF und wird abgetippt. " * 20 for i in range(200)
    )
    import_upload(store, turns.encode(), "bench.txt", actor="bench")
    length = len(store.query("SELECT text FROM documents")[0]["text"])
    store.close()
    return length


def _timed(log: WriterLog, fn: Any, *args: Any, **kwargs: Any) -> Any:
    t0 = time.perf_counter()
    result = fn(*args, **kwargs)
    log.latencies.append(time.perf_counter() - t0)
    return result


def _edit(store: Store, log: WriterLog, guid: str, coder: str, n: int) -> None:
    token = f"{coder}:{n}"
    for _ in range(50):
        row = store.one("SELECT version, memo FROM codings WHERE guid = ?", (guid,))
        if row is None:
            log.skipped += 1
            return
        try:
            memo = f"{row['memo']}|{token}"
            _timed(log, update_coding, store, guid, actor=coder, expected_version=row["version"], memo=memo)
        except Conflict:
            log.retries += 1
            continue
        except NotFound:
            log.skipped += 1
            return
        log.tokens.append((guid, token))
        return
    log.errors.append(f"edit of {guid} gave up after 50 conflicts")


def _delete(store: Store, log: WriterLog, guid: str, coder: str) -> None:
    for _ in range(50):
        row = store.one("SELECT version FROM codings WHERE guid = ?", (guid,))
        if row is None:
            log.errors.append(f"own coding {guid} vanished")
            return
        try:
            _timed(log, delete_coding, store, guid, actor=coder, expected_version=row["version"])
        except Conflict:
            log.retries += 1
            continue
        log.deleted.append(guid)
        return
    log.errors.append(f"delete of {guid} gave up after 50 conflicts")


def writer(db: str, coder: str, ops: int, length: int, seed: int, out: Any) -> None:
    """Run ``ops`` mixed operations as ``coder``; puts its :class:`WriterLog` on ``out``."""
    rng = random.Random(seed)
    store = Store(db)
    log = WriterLog()
    own: list[str] = []
    for n in range(ops):
        try:
            choice = rng.random()
            if choice < 0.5 or not own:
                start = rng.randrange(0, length - 200)
                end = start + rng.randint(20, 200)
                coding = _timed(log, add_coding, store, "bench", start, end, rng.choice(CODES), coder=coder)
                own.append(coding.guid)
                log.added.append(coding.guid)
            elif choice < 0.85:
                pool = [r["guid"] for r in store.query("SELECT guid FROM codings ORDER BY random() LIMIT 1")]
                _edit(store, log, pool[0] if pool and rng.random() < 0.7 else rng.choice(own), coder, n)
            else:
                _delete(store, log, own.pop(rng.randrange(len(own))), coder)
        except Conflict as exc:  # a random span that this coder already has: not a store failure
            if "already coded" not in str(exc):
                log.errors.append(str(exc))
        except Exception as exc:  # the benchmark counts every failure
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                log.locked += 1
            else:
                log.errors.append(f"{type(exc).__name__}: {exc}")
    store.close()
    out.put(log)


def verify(db: Path, logs: list[WriterLog]) -> dict[str, Any]:
    """Compare the final store with what the writers were told had succeeded."""
    store = Store(db)
    rows = {r["guid"]: r["memo"] for r in store.query("SELECT guid, memo FROM codings")}
    events = store.one("SELECT count(*) AS n FROM events WHERE entity = 'coding'")
    integrity = store.one("PRAGMA integrity_check")
    store.close()
    deleted = {g for log in logs for g in log.deleted}
    added = {g for log in logs for g in log.added}
    lost = len([g for g in added - deleted if g not in rows]) + len([g for g in deleted if g in rows])
    lost += sum(
        1 for log in logs for guid, token in log.tokens if guid in rows and token not in rows[guid].split("|")
    )
    acknowledged = len(added) + len(deleted) + sum(len(log.tokens) for log in logs)
    return {
        "stored": len(rows),
        "expected": len(added - deleted),
        "lost": lost,
        "events": int(events["n"]) if events else 0,
        "acknowledged": acknowledged,
        "integrity": str(next(iter((integrity or {}).values()))),
    }


def run(writers: int, ops: int, *, tmp: str | None = None) -> dict[str, Any]:
    """One level: ``writers`` processes doing ``ops`` operations each on a fresh project."""
    with tempfile.TemporaryDirectory(dir=tmp) as folder:
        db = Path(folder) / "bench.db"
        length = setup(db)
        queue: Any = mp.Queue()
        procs = [
            mp.Process(target=writer, args=(str(db), f"coder{i}", ops, length, i, queue))
            for i in range(writers)
        ]
        t0 = time.perf_counter()
        for p in procs:
            p.start()
        logs: list[WriterLog] = [queue.get() for _ in procs]
        for p in procs:
            p.join()
        seconds = time.perf_counter() - t0
        checked = verify(db, logs)
    latencies = sorted(x for log in logs for x in log.latencies)
    return {
        "writers": writers,
        "operations": writers * ops,
        "writes": len(latencies),
        "seconds": seconds,
        "per_second": len(latencies) / seconds,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000,
        "locked": sum(log.locked for log in logs),
        "retries": sum(log.retries for log in logs),
        "skipped": sum(log.skipped for log in logs),
        "errors": [e for log in logs for e in log.errors],
        **checked,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ops", type=int, default=60, help="Operations per writer.")
    parser.add_argument("--levels", default="1,5,20", help="Numbers of writers, comma-separated.")
    parser.add_argument("--json", action="store_true", help="Print one JSON object per level instead.")
    args = parser.parse_args()
    if args.json:
        for writers in (int(x) for x in args.levels.split(",")):
            print(json.dumps(run(writers, args.ops)))
        return
    print(
        "writers  writes  writes/s  p50 ms  p99 ms  conflicts retried  locked  lost  events=acked  integrity"
    )
    for writers in (int(x) for x in args.levels.split(",")):
        r = run(writers, args.ops)
        print(
            f"{r['writers']:>7}  {r['writes']:>6}  {r['per_second']:>8.0f}  "
            f"{r['p50_ms']:>6.1f}  {r['p99_ms']:>6.1f}  "
            f"{r['retries']:>17}  {r['locked']:>6}  {r['lost']:>4}  "
            f"{'yes' if r['events'] == r['acknowledged'] else 'NO'}           {r['integrity']}"
        )
        for error in r["errors"][:5]:
            print("   error:", error)


if __name__ == "__main__":
    main()
