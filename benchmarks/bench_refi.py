"""REFI-QDA exchange speed: export a project of 50 documents and 20,000 codings as .qdpx, and import
it into a new project. Prints seconds and codings/s of both, the file size, and checks that the
round trip brought back every coding with the same offsets.

    .venv/bin/python benchmarks/bench_refi.py [--docs 50] [--codings 20000] [--words 5000]

Setup (not timed) writes the codings straight into the store, spread over three coders and all
codes of the shipped codebook.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit.coders import coder_id
from toolkit.codes import code_tree
from toolkit.documents import import_upload
from toolkit.exchange.refi import export_project, import_project
from toolkit.project import DEFAULT_CODEBOOK, init_project
from toolkit.store import Store, create_store, new_guid, now, open_store

WORDS = (
    "also wir haben in der Verwaltung das Thema Digitalisierung ja schon länger auf dem Tisch und "
    "die Kolleginnen im Bürgerbüro sagen dann immer das Formular kommt als PDF Medienbruch Café"
).split()


def build(path: Path, docs: int, codings: int, words: int) -> Store:
    rng = random.Random(7)
    init_project(path, codebook=DEFAULT_CODEBOOK, actor="bench")
    store = open_store(path)
    for i in range(docs):
        turns = []
        for t in range(words // 50):
            turns.append(f"{'I' if t % 2 == 0 else 'B'}: " + " ".join(rng.choice(WORDS) for _ in range(50)))
        import_upload(store, "\n\n".join(turns).encode(), f"interview_{i:02d}.txt", actor="bench")
    codes = [c.id for c in code_tree(store)]
    doc_rows = store.query("SELECT id, text FROM documents")
    with store.write("bench") as w:
        coders = [coder_id(w, name) for name in ("anna", "ben", "cem")]
        seen: set[tuple[int, int, int, int, int]] = set()
        while len(seen) < codings:
            doc = rng.choice(doc_rows)
            start = rng.randrange(0, len(doc["text"]) - 400)
            key = (doc["id"], rng.choice(codes), rng.choice(coders), start, start + rng.randint(20, 400))
            if key in seen:
                continue
            seen.add(key)
            w.insert(
                "codings",
                {
                    "guid": new_guid(),
                    "document_id": key[0],
                    "code_id": key[1],
                    "coder_id": key[2],
                    "start": key[3],
                    "end": key[4],
                    "text": doc["text"][key[3] : key[4]],
                    "created_at": now(),
                    "updated_at": now(),
                },
            )
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--codings", type=int, default=20_000)
    parser.add_argument("--words", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = build(Path(tmp) / "source.db", args.docs, args.codings, args.words)
        t0, c0 = time.perf_counter(), time.process_time()
        data = export_project(store)
        export_s, export_cpu = time.perf_counter() - t0, time.process_time() - c0
        target = create_store(Path(tmp) / "target.db")
        t0, c0 = time.perf_counter(), time.process_time()
        report = import_project(target, data, actor="bench", name="bench.qdpx")
        import_s, import_cpu = time.perf_counter() - t0, time.process_time() - c0
        spans = (
            'SELECT d.name, c.start, c."end", c.text FROM codings c JOIN documents d ON d.id = c.document_id'
        )
        same = sorted(map(tuple, (r.values() for r in store.query(spans)))) == sorted(
            map(tuple, (r.values() for r in target.query(spans)))
        )
    n = args.codings
    print(
        f"project: {args.docs} documents of ~{args.words:,} words, {n:,} codings, {len(data):,} bytes .qdpx"
    )
    print(f"export: {export_s:.2f} s ({n / export_s:,.0f} codings/s), CPU {export_cpu:.2f} s")
    print(
        f"import: {import_s:.2f} s ({n / import_s:,.0f} codings/s), CPU {import_cpu:.2f} s, "
        f"{report.codings_imported:,} imported"
    )
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"round trip: every coding back with the same offsets and text: {same}")


if __name__ == "__main__":
    main()
