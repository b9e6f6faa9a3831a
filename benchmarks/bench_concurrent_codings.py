"""Concurrent coders: 1, 5 and 20 processes adding codings through the library at once.

Each writer adds its share of codings to one project file (WAL, busy timeout, BEGIN IMMEDIATE with
retries). Prints codings/s, p50/p99 latency of a single coding write, errors, and whether every
coding arrived (no lost writes).

    .venv/bin/python benchmarks/bench_concurrent_codings.py [--per-writer 100]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import statistics
import tempfile
import time
from pathlib import Path

from toolkit.codes import add_code
from toolkit.codings import add_coding
from toolkit.documents import import_upload
from toolkit.store import Store, create_store

CODES = [f"Bench/Code {i}" for i in range(10)]


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


def writer(db: str, coder: str, count: int, length: int, seed: int, out: mp.Queue) -> None:  # type: ignore[type-arg]
    rng = random.Random(seed)
    store = Store(db)
    latencies, errors = [], 0
    for _ in range(count):
        start = rng.randrange(0, length - 200)
        t0 = time.perf_counter()
        try:
            add_coding(store, "bench", start, start + rng.randint(20, 200), rng.choice(CODES), coder=coder)
        except Exception:  # the benchmark counts every failure
            errors += 1
        latencies.append(time.perf_counter() - t0)
    store.close()
    out.put((latencies, errors))


def run(writers: int, per_writer: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        length = setup(db)
        queue: mp.Queue = mp.Queue()  # type: ignore[type-arg]
        procs = [
            mp.Process(target=writer, args=(str(db), f"coder{i}", per_writer, length, i, queue))
            for i in range(writers)
        ]
        t0 = time.perf_counter()
        for p in procs:
            p.start()
        results = [queue.get() for _ in procs]
        for p in procs:
            p.join()
        seconds = time.perf_counter() - t0
        store = Store(db)
        stored = store.one("SELECT count(*) AS n FROM codings")["n"]  # type: ignore[index]
        events = store.one("SELECT count(*) AS n FROM events WHERE entity = 'coding'")["n"]  # type: ignore[index]
        integrity = store.one("PRAGMA integrity_check")
        store.close()
    latencies = sorted(x for lat, _ in results for x in lat)
    errors = sum(e for _, e in results)
    return {
        "writers": writers,
        "codings": writers * per_writer,
        "stored": stored,
        "events": events,
        "errors": errors,
        "seconds": seconds,
        "per_second": writers * per_writer / seconds,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "integrity": str(next(iter((integrity or {}).values()))),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-writer", type=int, default=100)
    args = parser.parse_args()
    print("writers  codings  stored  errors  codings/s  p50 ms  p99 ms  integrity")
    for writers in (1, 5, 20):
        r = run(writers, args.per_writer)
        lost = r["codings"] - r["errors"] - r["stored"]
        print(
            f"{r['writers']:>7}  {r['codings']:>7}  {r['stored']:>6}  {r['errors']:>6}  "
            f"{r['per_second']:>9.0f}  {r['p50_ms']:>6.1f}  {r['p99_ms']:>6.1f}  {r['integrity']}"
            + (f"  LOST {lost}" if lost else "")
        )


if __name__ == "__main__":
    main()
